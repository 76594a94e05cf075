"""A large sync's revisions read in a child process, so reading and writing overlap.

A full index of 10,000 commits is two CPU-bound halves of about the same size: reading
40,000 revisions' files (pygit2, parsing) and building and writing their rows (SQL). In one
process both hold the GIL, and the two threads run one after the other however many cores
there are. Here the read of :func:`sync.indexer.read_batches` runs in a child Python
process: it sends each batch, pickled, through its stdout, while the server writes the batch
before. The parent waits on the pipe without the GIL.

Only syncs of at least ``GITSTUDIO_SCAN_PROCESS_REVISIONS`` revisions start a child (a
second interpreter costs ~0.5 s and tens of MiB; a small sync reads in the server's thread,
with the project's warm parse cache). The child's frames: an 8-byte big-endian length, then
a pickle of ``("batch", RevisionBatch)``, ``("done", blobs parsed)`` or ``("error", text)``.
The child gets its job on stdin the same way; it reads nothing else and writes nowhere but
its stdout and stderr. Closing the generator (a lost lease, a cancelled sync, an error while
writing) kills the child.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pygit2

from storage.limits import Limits, configure, limits
from sync.dvcproject import BlobCache
from sync.indexer import RevisionBatch, ScanResult, in_reading_order, read_work
from sync.remote_files import RemoteAccess

_HEADER = 8


class ScanProcessError(RuntimeError):
    """The child reading a sync's revisions failed or died."""


@dataclass(frozen=True, slots=True)
class ScanJob:
    mirror: str
    work: list[tuple[str, str]]  # (sha, experiment ref or "") in reading order
    subdir: str
    batch_rows: int
    parse_cache_entries: int
    git_cache_mib: int
    limits: Limits
    remote: RemoteAccess | None = None


def read_batches_in_child(
    mirror: Path,
    result: ScanResult,
    subdir: str,
    cache: BlobCache,
    batch_rows: int,
    parse_cache_entries: int,
    git_cache_mib: int = 16,
    remote: RemoteAccess | None = None,
) -> Generator[RevisionBatch, None, None]:
    """:func:`sync.indexer.read_batches`, read by a child process. The blobs the child
    parsed are added to ``cache.parsed`` (its parses stay in the child)."""
    job = ScanJob(
        str(mirror),
        in_reading_order(result),
        subdir,
        batch_rows,
        parse_cache_entries,
        git_cache_mib,
        limits(),
        remote,
    )
    child = subprocess.Popen(
        # Imported by name, not run as __main__: the job's class is then the parent's.
        [sys.executable, "-c", "from sync.scan_process import main; main()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        close_fds=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        try:
            _write_frame(child.stdin, job)
            child.stdin.close()
        except OSError as exc:  # the child died before reading its job
            raise ScanProcessError(f"the reading process did not start: {exc}") from exc
        while True:
            kind, value = _read_frame(child.stdout)
            if kind == "batch":
                yield value
            elif kind == "done":
                cache.parsed += int(value)
                break
            else:
                raise ScanProcessError(f"reading revisions failed: {value}")
        if child.wait() != 0:
            raise ScanProcessError(f"the reading process exited with {child.returncode}")
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()


def _write_frame(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER, "big") + data)
    stream.flush()


def _read_frame(stream: IO[bytes]) -> tuple[str, Any]:
    header = _read_exactly(stream, _HEADER)
    # Only our own child writes here (never data from a repository): unpickling is safe.
    frame = pickle.loads(_read_exactly(stream, int.from_bytes(header, "big")))  # noqa: S301
    if not (isinstance(frame, tuple) and len(frame) == 2 and isinstance(frame[0], str)):
        raise ScanProcessError("the reading process sent a malformed frame")
    return frame[0], frame[1]


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) != size:
        raise ScanProcessError("the reading process ended before its last batch")
    return data


def main() -> None:
    """The child: read the job from stdin, send its batches to stdout."""
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print never breaks a frame
    size = int.from_bytes(_read_exactly(sys.stdin.buffer, _HEADER), "big")
    job = pickle.loads(_read_exactly(sys.stdin.buffer, size))  # noqa: S301 - the parent's
    assert isinstance(job, ScanJob)
    configure(job.limits)
    pygit2.settings.cache_max_size(job.git_cache_mib * 1024 * 1024)
    cache = BlobCache(max_entries=job.parse_cache_entries)
    try:
        work = read_work(Path(job.mirror), job.work, job.subdir, cache, job.batch_rows, job.remote)
        for batch in work:
            _write_frame(out, ("batch", batch))
        _write_frame(out, ("done", cache.parsed))
    except BrokenPipeError:  # the parent stopped reading: nothing to tell it
        return
    except Exception as exc:  # the parent raises it
        _write_frame(out, ("error", f"{type(exc).__name__}: {exc}"))
