"""Pushing into a repository on this machine: ``git receive-pack`` driven over pipes.

Every write into a local repository goes through git's receiving side, so the repository's
receive hooks (pre-receive, update, post-receive, post-update, reference-transaction) run
and its ``receive.*`` settings apply (denyNonFastForwards, denyDeletes, denyCurrentBranch,
fsckObjects, hideRefs, ...), exactly as for any ``git push``. libgit2's local transport
would write the refs itself and run no hook.

Instead of ``git push`` (a client process, a shell, ``pack-objects``, the negotiation) this
module is the client: it starts ``git receive-pack PATH`` (as ``git push`` does for a
path), reads its ref advertisement, checks the lease against it, and sends the update
command with a pack it writes itself of exactly the objects the repository lacks (the few
a write made, looked up in the repository's object store), in git's pack protocol (v0,
``report-status``, ``side-band-64k``). The command carries the old value the lease
expects, so receive-pack refuses the update if the ref moved after the advertisement.

The process can be started before the commit is built (:func:`start`), so its start-up
overlaps the caller's work; a session that is not used is ended with an empty command list,
which changes nothing. It is waited for to the end: the post-receive hook has run when
:meth:`ReceivePack.push` returns, as with ``git push``.

Git speaks English here whatever the server's locale (LC_ALL=C): its statuses are matched.
What reaches API callers is the ref's status (``failed to update ref``, ``pre-receive hook
declined``...) and the hooks' own output (the repository owner's words to its users, what
``git push`` shows as ``remote:``); receive-pack's own ``error:``/``fatal:`` messages (which
name files of the repository: ``cannot lock ref ... '/srv/r.git/./refs/heads/x.lock'``) are
logged on the server only, and the repository's path (as given and as resolved) is
replaced by ``<repository>`` in whatever is passed on.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import select
import struct
import subprocess
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pygit2
from pygit2.enums import FileMode, ObjectType, RepositoryOpenFlag

from storage.limits import limits

log = logging.getLogger(__name__)

ZERO = "0" * 40
# What `git rev-parse --local-env-vars` names: the caller's repository environment, which
# must not leak into the receiving repository (git push clears the same for a local push).
_LOCAL_ENV = frozenset(
    ("GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS",
     "GIT_CONFIG_COUNT", "GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_WORK_TREE",
     "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE", "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS",
     "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE",
     "GIT_COMMON_DIR", "GIT_PROTOCOL")
)  # fmt: skip
_CAPABILITIES = b"report-status side-band-64k quiet agent=gitstudio"
_MAX_PKT = 65520
# zlib's default state (a 32 KiB window, memLevel 8) is ~270 KiB allocated and faulted in
# per object; a write's few objects are small, and any window inflates.
_WBITS = 12


class ReceiveError(Exception):
    """The repository could not be reached (no repository there, git missing, the push
    timed out, the protocol broke); the message is safe to show (no server paths)."""


class Refused(Exception):
    """receive-pack answered and refused the update: ``reason`` is its status for the ref
    (``pre-receive hook declined``, ``branch is currently checked out``, ``stale info``
    when the ref is not where the lease expects it, ...), ``messages`` what the repository
    and its hooks said (the lines git push shows as ``remote:``)."""

    def __init__(self, ref: str, reason: str, messages: tuple[str, ...]) -> None:
        super().__init__(f"{ref}: {reason}")
        self.ref = ref
        self.reason = reason
        self.messages = messages


@dataclass(frozen=True, slots=True)
class Update:
    """One ref update: ``new`` None deletes the ref; ``old`` is the value the lease expects
    (None: the ref must not exist)."""

    ref: str
    old: str | None
    new: str | None


def start(local: Path, given: str | None = None, timeout: float | None = None) -> ReceivePack:
    """A receive-pack session on the repository at ``local`` (already resolved), started
    now; ReceiveError when git cannot be run. ``given``: the repository's path or file://
    URL as the project names it, also kept out of what callers are told. ``timeout``:
    seconds the whole session may take (a hook that hangs holds the project's lock and
    lease meanwhile), by default ``GITSTUDIO_PUSH_TIMEOUT_SECONDS``
    (storage.limits); past it the push is ended and reported UNREACHABLE."""
    return ReceivePack(local, given, timeout)


# What stands for the repository's path in messages passed on.
REDACTED = "<repository>"
# How receive-pack's own messages begin (rp_error, rp_warning's errors, die): each is one
# side-band packet. A hook's output comes as it writes it, in chunks of any size.
_OWN = (b"error: ", b"fatal: ")


def _paths_of(local: Path, given: str | None) -> tuple[str, ...]:
    """The absolute spellings of the repository's path, longest first."""
    found = {str(local), os.path.realpath(local)}
    if given:
        path = given.removeprefix("file://")
        if os.path.isabs(path):
            found |= {path.rstrip("/") or path, os.path.realpath(path)}
    return tuple(sorted((p for p in found if len(p) > 1), key=len, reverse=True))


def redact(text: str, paths: Iterable[str]) -> str:
    for path in paths:
        text = text.replace(path, REDACTED)
    return text


class ReceivePack:
    def __init__(self, local: Path, given: str | None = None, timeout: float | None = None) -> None:
        self._local = local
        self._paths = _paths_of(local, given)
        self.timeout = limits().push_timeout_seconds if timeout is None else timeout
        self._deadline = time.monotonic() + self.timeout
        # A file, not a pipe: what git writes there never blocks it; closed in _cleanup.
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self._proc = subprocess.Popen(
                ["git", "receive-pack", str(local)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env=_environment(),
            )
        except OSError as exc:
            self._stderr.close()
            raise ReceiveError(f"git receive-pack could not be started: {exc}") from exc
        assert self._proc.stdout is not None and self._proc.stdin is not None
        self._reader = _PktReader(self._proc.stdout.fileno(), self._deadline, timeout=self.timeout)
        self._refs: dict[str, str] | None = None
        self._caps: frozenset[bytes] = frozenset()
        self._done = False

    def __enter__(self) -> ReceivePack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def holds(self) -> Callable[[pygit2.Oid], bool]:
        """Whether the repository holds an object (its object store and alternates)."""
        for objects in (self._local / ".git" / "objects", self._local / "objects"):
            if objects.is_dir():
                return pygit2.Odb(str(objects)).__contains__
        repo = pygit2.Repository(str(self._local), RepositoryOpenFlag.NO_SEARCH)
        return repo.odb.__contains__

    def refs(self) -> dict[str, str]:
        """The repository's refs as receive-pack advertises them ({name: sha})."""
        if self._refs is None:
            self._refs = self._advertisement()
        return self._refs

    def push(self, update: Update, objects: Iterable[tuple[int, bytes]], count: int) -> None:
        """Send ``update`` with a pack of ``count`` objects ((type, data) each) and wait for
        receive-pack to finish. Refused when the repository refuses it (the lease too: the
        old value is checked by receive-pack under the ref's lock), ReceiveError when it
        cannot be reached."""
        current = self.refs().get(update.ref)
        if current != update.old:
            self.close()
            raise Refused(update.ref, "stale info", ())
        if update.new is None and b"delete-refs" not in self._caps:
            self.close()
            raise Refused(update.ref, "the repository does not allow deleting refs", ())
        command = f"{update.old or ZERO} {update.new or ZERO} {update.ref}".encode()
        stream = self._proc.stdin
        assert stream is not None
        try:
            stream.write(_pkt(command + b"\0" + _CAPABILITIES) + b"0000")
            if update.new is not None:  # receive-pack reads a pack unless all are deletes
                for chunk in pack_stream(objects, count):
                    stream.write(chunk)
            stream.close()
        except (BrokenPipeError, ConnectionResetError):
            pass  # it ended early: what it said (or its stderr) tells why
        report, messages = self._response()
        self._end()
        _check_report(report, messages, update.ref, self._paths)

    def close(self) -> None:
        """End the session; if nothing was pushed, an empty command list makes
        receive-pack exit having changed nothing."""
        if self._done:
            return
        with contextlib.suppress(OSError, ValueError):
            stdin = self._proc.stdin
            if stdin is not None and not stdin.closed:
                stdin.write(b"0000")
                stdin.close()
        self._end()

    def _end(self) -> None:
        """Read what is left (an advertisement not read yet would keep receive-pack
        blocked on a full pipe) until it closes its end, i.e. exits, then reap it."""
        try:
            self._reader.drain()
        except ReceiveError:  # past the deadline
            self._proc.kill()
        self._proc.wait()
        self._cleanup()

    def _advertisement(self) -> dict[str, str]:
        refs: dict[str, str] = {}
        first = True
        while (line := self._read()) is not None:
            line = line.rstrip(b"\n")
            if first:
                line, _, caps = line.partition(b"\0")
                self._caps = frozenset(caps.split())
                first = False
                for cap in self._caps:
                    if cap.startswith(b"object-format=") and cap != b"object-format=sha1":
                        raise self._broken(f"unsupported {cap.decode(errors='replace')}")
            sha, _, name = line.partition(b" ")
            if name in (b"capabilities^{}", b".have") or name.endswith(b"^{}"):
                continue
            refs[name.decode("utf-8", "surrogateescape")] = sha.decode()
        if first:
            raise self._broken("no ref advertisement")
        return refs

    def _response(self) -> tuple[bytes, list[str]]:
        """(the report-status pkt-lines of band 1, the hooks' lines of band 2 with the
        repository's path redacted). receive-pack's own messages (a band 2 packet starting
        a line with ``error:``/``fatal:``, band 3) are logged, not returned: they name the
        repository's files. A hook line that itself starts with ``error:`` or ``fatal:``
        at the start of a write looks the same and is logged too."""
        report = bytearray()
        hooks = bytearray()
        while (packet := self._read()) is not None:
            band, data = packet[:1], packet[1:]
            if band == b"\x01":
                report += data
            elif band == b"\x02" and not (
                data.startswith(_OWN) and (not hooks or hooks.endswith(b"\n"))
            ):
                hooks += data
            elif band in (b"\x02", b"\x03"):
                text = data.decode("utf-8", "replace").strip()
                log.warning("git receive-pack %s said: %s", self._local, text)
        text = hooks.decode("utf-8", "replace").replace("\r", "\n")
        lines = (redact(line.rstrip(), self._paths) for line in text.split("\n"))
        return bytes(report), [line for line in lines if line.strip()]

    def _read(self) -> bytes | None:
        try:
            return self._reader.packet()
        except ReceiveError as exc:
            raise self._broken(str(exc)) from None

    def _broken(self, what: str) -> ReceiveError:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        self._stderr.seek(0)
        detail = self._stderr.read(4096).decode("utf-8", "replace").strip()
        self._cleanup()
        log.warning("git receive-pack %s: %s; stderr: %s", self._local, what, detail)
        return ReceiveError(f"the repository could not be written ({what})")

    def _cleanup(self) -> None:
        self._done = True
        for stream in (self._proc.stdin, self._proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._stderr.close()


def _check_report(report: bytes, messages: list[str], ref: str, paths: Iterable[str] = ()) -> None:
    reader = _PktReader.of(report)
    lines: list[str] = []
    while (line := reader.packet()) is not None:
        lines.append(redact(line.decode("utf-8", "replace").rstrip("\n"), paths))
    if not lines:
        raise Refused(ref, "no report from the repository", tuple(messages))
    unpack, statuses = lines[0], lines[1:]
    if unpack != "unpack ok":
        raise Refused(
            ref, unpack.removeprefix("unpack ").strip() or "unpack failed", tuple(messages)
        )
    for status in statuses:
        kind, _, rest = status.partition(" ")
        name, _, reason = rest.partition(" ")
        if name != ref:
            continue
        if kind == "ok":
            return
        raise Refused(ref, reason or "refused", tuple(messages))
    raise Refused(ref, "no status for the ref", tuple(messages))


class _PktReader:
    """pkt-lines from a pipe (with a deadline) or from bytes."""

    def __init__(self, fd: int, deadline: float, data: bytes = b"", timeout: float = 0.0) -> None:
        self._fd = fd
        self._deadline = deadline
        self._timeout = timeout  # what the deadline was set to, for its message
        self._buf = bytearray(data)

    @classmethod
    def of(cls, data: bytes) -> _PktReader:
        return cls(-1, 0.0, data)

    def packet(self) -> bytes | None:
        """The next packet's payload; None for a flush packet. ReceiveError at the end of
        the stream, on a malformed length, or past the deadline."""
        head = self._take(4)
        try:
            size = int(head, 16)
        except ValueError:
            raise ReceiveError("a malformed pkt-line") from None
        if size == 0:
            return None
        if size < 4 or size > _MAX_PKT + 4:
            raise ReceiveError("a malformed pkt-line")
        return self._take(size - 4)

    def drain(self) -> None:
        """Read and drop everything up to the end of the stream."""
        self._buf.clear()
        while self._fd >= 0:
            self._wait()
            if not os.read(self._fd, 65536):
                return

    def _wait(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0 or not select.select([self._fd], [], [], left)[0]:
            raise ReceiveError(f"no answer within {self._timeout:g} s")

    def _take(self, n: int) -> bytes:
        while len(self._buf) < n:
            if self._fd < 0:
                raise ReceiveError("the stream ended")
            self._wait()
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise ReceiveError("the stream ended")
            self._buf += chunk
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data


def _pkt(data: bytes) -> bytes:
    return b"%04x" % (len(data) + 4) + data


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _LOCAL_ENV}
    env["LC_ALL"] = "C"  # gettext then ignores LANGUAGE too
    return env


# --- the pack ------------------------------------------------------------------------------


def pack_stream(objects: Iterable[tuple[int, bytes]], count: int) -> Iterator[bytes]:
    """A version 2 pack of ``count`` whole objects ((type, data)), zlib-compressed, no
    deltas, in chunks; the trailer is the SHA-1 of everything before it."""
    digest = hashlib.sha1()  # noqa: S324 - git's pack checksum, not a security hash
    header = b"PACK" + struct.pack(">II", 2, count)
    digest.update(header)
    yield header
    written = 0
    for kind, data in objects:
        size = len(data)
        byte = (kind << 4) | (size & 0x0F)
        size >>= 4
        head = bytearray()
        while size:
            head.append(byte | 0x80)
            byte = size & 0x7F
            size >>= 7
        head.append(byte)
        deflate = zlib.compressobj(1, zlib.DEFLATED, _WBITS, 1)  # small state: no mmap
        chunk = bytes(head) + deflate.compress(data) + deflate.flush()
        digest.update(chunk)
        written += 1
        yield chunk
    if written != count:
        raise ValueError(f"pack of {count} objects got {written}")
    yield digest.digest()


def missing_objects(
    repo: pygit2.Repository, tip: pygit2.Oid, has: Callable[[pygit2.Oid], bool]
) -> list[pygit2.Oid]:
    """The objects reachable from ``tip`` that the receiving repository lacks (``has`` says
    what it holds). A commit's tree is compared with its first parent's when the receiving
    side holds that parent, so only what the commit changed is looked up."""
    out: list[pygit2.Oid] = []
    seen: set[pygit2.Oid] = set()
    stack: list[tuple[pygit2.Oid, pygit2.Tree | None]] = [(tip, None)]
    while stack:
        oid, old = stack.pop()
        if oid in seen:
            continue
        seen.add(oid)
        if has(oid):
            continue
        obj = repo[oid]
        out.append(oid)
        if isinstance(obj, pygit2.Commit):
            parents = obj.parent_ids
            base = repo[parents[0]] if parents and has(parents[0]) else None
            stack.append((obj.tree_id, base.tree if isinstance(base, pygit2.Commit) else None))
            stack.extend((p, None) for p in parents)
        elif isinstance(obj, pygit2.Tree):
            held = {entry.name: entry for entry in old} if old is not None else {}
            for entry in obj:
                if entry.filemode == FileMode.COMMIT:  # a submodule's commit lives elsewhere
                    continue
                before = held.get(entry.name)
                if before is not None and before.id == entry.id:
                    continue  # unchanged: the receiving side has it
                sub_old = before if isinstance(before, pygit2.Tree) else None
                stack.append((entry.id, sub_old))
        elif isinstance(obj, pygit2.Tag):
            stack.append((obj.target, None))
    return out


def objects_of(repo: pygit2.Repository, oids: list[pygit2.Oid]) -> Iterator[tuple[int, bytes]]:
    """(pack type, raw content) of each object, for :func:`pack_stream`."""
    for oid in oids:
        kind, data = repo.read(oid)
        if kind not in (ObjectType.COMMIT, ObjectType.TREE, ObjectType.BLOB, ObjectType.TAG):
            raise ValueError(f"object {oid} of type {kind}")
        yield int(kind), data
