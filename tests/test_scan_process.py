"""A large sync's revisions read in a child process (sync.scan_process): the same batches
as the thread reads, the same index, a typed error when the child fails, and no child left
behind however the read ends."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import orjson
import pytest
from support import Api
from test_index_streaming import _state

from storage import index
from storage.errors import DomainError
from storage.models import Project
from sync.dvcproject import BlobCache
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials, fetch_mirror
from sync.indexer import Reading, plan, read_batches
from sync.scan_process import ScanProcessError, read_batches_in_child
from sync.service import IndexStreaming, ProjectSyncer

SPEC = RepoSpec(commits=8, exps_per_commit=2, gto_tags=True, extra_formats=True)
# 180 revisions, ~150 KiB of batches: more than a pipe holds, so a child whose reader stops
# after a batch is still there, blocked on its next write.
LARGER = RepoSpec(commits=60, exps_per_commit=2, gto_tags=True, extra_formats=True)


def _readers() -> set[int]:
    """This process's children reading revisions."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"sync.scan_process" in cmdline and " Z " not in stat:
            found.add(int(entry.name))
    return found


def _mirror(root: Path, spec: RepoSpec) -> Path:
    generate_repo(root / "repo", spec)
    mirror = root / "mirror.git"
    fetch_mirror(mirror, str(root / "repo"), Credentials())
    return mirror


@pytest.fixture
def mirror(tmp_path: Path) -> Path:
    return _mirror(tmp_path, SPEC)


@pytest.fixture(scope="module")
def larger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _mirror(tmp_path_factory.mktemp("larger"), LARGER)


def test_the_child_reads_the_batches_the_thread_reads(mirror: Path) -> None:
    result = plan(mirror, {})
    thread_cache, child_cache = BlobCache(), BlobCache()
    in_thread = list(read_batches(mirror, result, Reading(), thread_cache, 5))
    in_child = list(read_batches_in_child(mirror, result, Reading(), child_cache, 5, 1000))
    assert len(in_thread) > 3 and in_child == in_thread
    assert child_cache.parsed == thread_cache.parsed > 0  # the child's parses are counted
    assert not _readers()


async def test_an_index_read_by_the_child_equals_one_read_in_the_thread(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SPEC)
    states = []
    for name, child_from in (("thread", 0), ("child", 1)):
        streaming = IndexStreaming(
            index_batch_rows=4, parse_cache_entries=1000, scan_process_revisions=child_from
        )
        syncer = ProjectSyncer(api.settings.mirrors_dir, Credentials(), streaming=streaming)
        project = await Project.create(name=f"{name}-{unique}", repo_url=str(repo))
        report = await syncer.sync(project)
        assert report.new_commits and report.parsed_blobs > 0
        states.append(await _state(project.id))
    assert states[0]["rows"] and states[1] == states[0]
    assert not _readers()


def test_a_child_that_fails_raises_a_typed_error_and_is_gone(tmp_path: Path, mirror: Path) -> None:
    result = plan(mirror, {})
    gone = tmp_path / "gone.git"  # removed after planning: the child cannot open it
    gone.mkdir()
    batches = read_batches_in_child(gone, result, Reading(), BlobCache(), 5, 1000)
    with pytest.raises(ScanProcessError, match="reading revisions failed"):
        next(batches)
    assert not _readers()


def test_closing_the_read_early_kills_the_child(larger: Path) -> None:
    batches = read_batches_in_child(larger, plan(larger, {}), Reading(), BlobCache(), 2, 1000)
    first = next(batches)
    assert len(first) == 2 and _readers()  # the child is reading the next batches
    batches.close()
    assert not _readers()


def test_a_child_killed_mid_read_raises_a_typed_error(larger: Path) -> None:
    batches = read_batches_in_child(larger, plan(larger, {}), Reading(), BlobCache(), 2, 1000)
    next(batches)
    readers = _readers()
    assert readers
    for pid in readers:
        os.kill(pid, 9)
    with pytest.raises(ScanProcessError):
        for _batch in batches:
            pass
    assert not _readers()


async def test_a_sync_whose_child_dies_fails_typed_and_the_next_completes_it(
    api: Api, tmp_path: Path, unique: str, larger: Path
) -> None:
    def syncer(child_from: int) -> ProjectSyncer:
        streaming = IndexStreaming(
            index_batch_rows=2, parse_cache_entries=1000, scan_process_revisions=child_from
        )
        return ProjectSyncer(api.settings.mirrors_dir, Credentials(), streaming=streaming)

    repo = larger.parent / "repo"
    project = await Project.create(name=f"killed-{unique}", repo_url=str(repo))
    stop = threading.Event()

    def kill_the_reader() -> None:
        while not stop.is_set():
            for pid in _readers():
                os.kill(pid, 9)
                return

    killer = threading.Thread(target=kill_the_reader)
    killer.start()
    try:
        with pytest.raises(DomainError) as failed:
            await syncer(1).sync(project)
    finally:
        stop.set()
        killer.join()
    assert failed.value.code == "INTERNAL"
    row = await Project.get(id=project.id)
    assert row.last_sync_error and "reading process" in row.last_sync_error
    # The tips did not move (marked partial if a batch was written before the kill).
    assert set(orjson.loads(row.ref_tips)) <= {index.PARTIAL}
    assert not _readers()

    await syncer(0).sync(row)
    clean = await Project.create(name=f"clean-{unique}", repo_url=str(repo))
    await syncer(0).sync(clean)
    after, expected = await _state(project.id), await _state(clean.id)
    assert after["rows"] and after == expected
    assert (await Project.get(id=project.id)).last_sync_error is None


def test_a_child_that_cannot_start_raises_a_typed_error(
    mirror: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", "/bin/false")  # exits at once, reads nothing
    with pytest.raises(ScanProcessError):
        next(read_batches_in_child(mirror, plan(mirror, {}), Reading(), BlobCache(), 5, 1000))
    assert not _readers()
