"""Reading a local repository's refs through a syncer's RefMemos (sync.git, sync.ref_watch):
every kind of ref change is read, watched (inotify) or by the stat memo alone, including a
ref rewritten in place within the same second with its modification time put back."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from support import Api, git

from storage.models import Project
from sync import service
from sync.generate import RepoSpec, add_commit, generate_repo
from sync.git import Credentials, RefMemo, RefMemos
from sync.service import ProjectSyncer

SMALL = RepoSpec(commits=4, exps_per_commit=2, gto_tags=False, extra_formats=False)


def _memos(watches: int) -> RefMemos:
    return RefMemos(RefMemo(ref_memo_entries=10_000, ref_watches=watches, ref_watch_seconds=600))


def _listed(repo: Path) -> dict[str, str]:
    """What git says the refs are (their own targets: a tag object for annotated tags)."""
    out = {}
    for line in git(repo, "for-each-ref", "--format=%(objectname) %(refname)").splitlines():
        sha, ref = line.split()
        if ref.startswith(("refs/heads/", "refs/tags/", "refs/exps/")):
            out[ref] = sha
    return out


def _rewrite_in_place(path: Path, sha: str) -> None:
    """Write ``sha`` into the ref file itself (no lock file, no rename: same inode and size,
    as ``echo sha > ref`` or go-git write), then put its modification time back: a stat
    compared by mtime and size alone would not tell."""
    before = path.stat()
    with open(path, "r+b") as file:
        file.write(f"{sha}\n".encode())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_ino == before.st_ino


def _changes(repo: Path, exps: list[str]) -> list[tuple[str, Callable[[], None]]]:
    gitdir = repo / ".git"
    main, parent = git(repo, "rev-list", "--max-count=2", "main").split()

    def in_place_twice() -> None:  # two values within the same second
        ref = gitdir / exps[1]
        _rewrite_in_place(ref, main)
        _rewrite_in_place(ref, parent)

    return [
        (
            "a branch moved (lock file renamed over it)",
            lambda: git(repo, "branch", "-f", "feature", parent),
        ),
        ("a new nested tag", lambda: git(repo, "tag", "team/a/v1", parent)),
        ("an experiment ref deleted", lambda: git(repo, "update-ref", "-d", exps[0])),
        ("an experiment ref rewritten in place", lambda: _rewrite_in_place(gitdir / exps[1], main)),
        ("rewritten in place twice in a second", in_place_twice),
        ("every ref packed", lambda: git(repo, "pack-refs", "--all")),
        (
            "a packed ref updated (loose over packed)",
            lambda: git(repo, "update-ref", exps[1], main),
        ),
        ("a packed ref deleted", lambda: git(repo, "update-ref", "-d", "refs/tags/team/a/v1")),
        (
            "a new commit on main",
            lambda: add_commit(repo, "main", {"params.yaml": "lr: 9\n"}, "more"),
        ),
        ("a new experiment ref", lambda: git(repo, "update-ref", exps[0], parent)),
    ]


@pytest.mark.parametrize("watches", [1000, 0], ids=["watched", "stat-memo"])
def test_every_kind_of_ref_change_is_read(tmp_path: Path, watches: int) -> None:
    repo = tmp_path / "repo"
    generated = generate_repo(repo, SMALL)
    gitdir = repo / ".git"
    memos = _memos(watches)
    assert memos.read(gitdir) == _listed(repo)
    assert memos.watched(gitdir) is bool(watches)
    for what, change in _changes(repo, [e[0] for e in generated.experiments]):
        change()
        assert not memos.watched(gitdir), what  # the watch saw it (or there is none)
        assert memos.read(gitdir) == _listed(repo), what
        assert memos.read(gitdir) == _listed(repo), what  # a read with nothing new
        assert memos.watched(gitdir) is bool(watches), what
    memos.close()


def test_a_ref_written_just_now_is_never_taken_from_the_stat_memo(tmp_path: Path) -> None:
    """Its next write may keep the same stat on a coarse clock: it is opened on every read
    until it is older than RACY_SECONDS (git's racy-clean rule)."""
    repo = tmp_path / "repo"
    generated = generate_repo(repo, SMALL)
    memos = _memos(0)
    memos.read(repo / ".git")
    ref = str(repo / ".git" / generated.experiments[0][0])
    assert ref not in memos._loose  # written a moment ago
    old = os.stat(ref)
    os.utime(ref, ns=(old.st_atime_ns, old.st_mtime_ns - 3_600 * 10**9))
    memos.read(repo / ".git")
    assert ref not in memos._loose  # its change time (not settable) is still now


def test_a_ref_file_with_a_second_hard_link_is_watched_itself(tmp_path: Path) -> None:
    """A copy made with ``cp -al`` shares its ref files: a write in place through the
    other copy reaches this one's file without an event on this one's directory."""
    original = tmp_path / "original"
    generated = generate_repo(original, SMALL)
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, copy_function=os.link)
    exp = generated.experiments[0][0]
    assert (copy / ".git" / exp).stat().st_nlink == 2
    memos = _memos(1000)
    assert memos.read(copy / ".git") == _listed(copy)
    assert memos.watched(copy / ".git")
    other = git(original, "rev-parse", "main~1")
    _rewrite_in_place(original / ".git" / exp, other)
    assert not memos.watched(copy / ".git")
    assert memos.read(copy / ".git")[exp] == other  # type: ignore[index]
    memos.close()


def test_past_the_watch_bound_every_read_reads_the_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    memos = _memos(2)  # fewer than the repository's directories
    assert memos.read(repo / ".git") == _listed(repo)
    assert not memos.watched(repo / ".git")
    git(repo, "branch", "-f", "feature", "main~1")
    assert memos.read(repo / ".git") == _listed(repo)
    memos.close()


def test_a_repository_replaced_at_the_same_path_is_read_again(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    memos = _memos(1000)
    memos.read(repo / ".git")
    repo.rename(tmp_path / "old")  # its watches go with it
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=1, gto_tags=False))
    assert memos.read(repo / ".git") == _listed(repo)
    memos.close()


async def test_syncs_pick_up_every_change_and_two_syncers_share_no_memo(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """Through ProjectSyncer.sync: after each change the stored tips are the repository's,
    and the no-op syncs between read no ref file (the watch is clean); a second syncer (as
    a second app would have) remembers nothing the first read."""
    repo = tmp_path / "repo"
    generated = generate_repo(repo, SMALL)
    gitdir = repo / ".git"
    memos = _memos(1000)
    syncer = ProjectSyncer(api.settings.mirrors_dir, Credentials(), ref_memos=memos)
    other = ProjectSyncer(api.settings.mirrors_dir, Credentials(), ref_memos=_memos(1000))
    project = await Project.create(name=f"watched-{unique}", repo_url=str(repo))
    api.names.add(project.name)

    async def synced() -> None:
        await syncer.sync(project)
        await project.refresh_from_db()
        stored = orjson.loads(project.ref_tips)
        assert {r: s for r, s in stored.items() if not r.startswith("refs/tags/")} == {
            r: s for r, s in _listed(repo).items() if not r.startswith("refs/tags/")
        }
        assert set(stored) == set(_listed(repo))

    await synced()
    assert memos.watched(gitdir) and not other.ref_memos.watched(gitdir)
    assert not other.ref_memos._loose and not other.ref_memos._packed
    for what, change in _changes(repo, [e[0] for e in generated.experiments]):
        change()
        await synced()
        assert memos.watched(gitdir), what
        report = await syncer.sync(project)  # a no-op, no ref file read
        assert report.refs_changed == 0 and report.new_commits == 0, what
    syncer.close()
    other.close()


async def test_a_restarted_syncer_plans_nothing_its_predecessor_planned(
    api: Api, tmp_path: Path, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mirror's planned file carries a no-op's "these refs hold the stored tips" over a
    restart: a new syncer's first sync reads no tag (no plan); a ref changed meanwhile, or
    stored tips that are not the recorded ones, are planned and stored as git says."""
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=4, exps_per_commit=1, extra_formats=False))
    project = await Project.create(name=f"restarted-{unique}", repo_url=str(repo))
    api.names.add(project.name)

    async def sync_anew() -> ProjectSyncer:
        syncer = ProjectSyncer(api.settings.mirrors_dir, Credentials(), ref_memos=_memos(1000))
        await project.refresh_from_db()
        await syncer.sync(project)
        syncer.close()
        await project.refresh_from_db()
        assert set(orjson.loads(project.ref_tips)) == set(_listed(repo))
        return syncer

    first = await sync_anew()
    await first.sync(project)  # a no-op: plans, finds the stored tips, records them
    assert len((await sync_anew())._caches[project.id]) == 0  # nothing planned, no tag read
    git(repo, "tag", "-a", "m@v9.0.0", "-m", "Registering", "main~1")
    assert len((await sync_anew())._caches[project.id]) > 0  # planned: tags read
    await sync_anew()  # recorded again
    tips = orjson.loads(project.ref_tips)
    del tips["refs/tags/m@v9.0.0"]
    await Project.filter(id=project.id).update(ref_tips=orjson.dumps(tips).decode())
    assert len((await sync_anew())._caches[project.id]) > 0  # other stored tips: planned
    await sync_anew()  # recorded again
    # a planned file of another plan format (older code reading tips otherwise) is not taken
    monkeypatch.setattr(service, "PLAN_FORMAT", b"gitstudio-plan 0")
    assert len((await sync_anew())._caches[project.id]) > 0


def test_a_kept_memo_spares_a_new_process_the_unchanged_files(tmp_path: Path) -> None:
    """What one RefMemos kept (in a mirror) lets the next open only the files whose stat
    changed since and list only the directories whose stat changed; a file rewritten in
    place meanwhile is read, not taken from the kept memo, and a file added to a listed
    directory is found. (Files count as settled at once here: racy_seconds=0.)"""
    repo = tmp_path / "repo"
    generated = generate_repo(repo, SMALL)
    gitdir, kept = repo / ".git", tmp_path / "kept"
    bounds = RefMemo(ref_memo_entries=10_000, ref_watches=0, ref_watch_seconds=600)
    first = RefMemos(bounds, racy_seconds=0.0)
    assert first.read(gitdir, kept) == _listed(repo)
    loose = len(first._loose)
    assert loose > 5 and first._opened == loose
    exp = gitdir / generated.experiments[0][0]
    _rewrite_in_place(exp, git(repo, "rev-parse", "main~1"))
    second = RefMemos(bounds, racy_seconds=0.0)  # a new process
    assert second.read(gitdir, kept) == _listed(repo)
    assert second._opened == 1  # the rewritten one
    third = RefMemos(bounds, racy_seconds=0.0)
    assert third.read(gitdir, tmp_path / "elsewhere") == _listed(repo)
    assert third._opened == loose  # nothing kept there: every file
    assert second._dirs.keys() == first._dirs.keys() and len(first._dirs) > 3  # listings
    git(repo, "update-ref", f"{generated.experiments[0][0]}-new", "main")  # in a listed dir
    fourth = RefMemos(bounds, racy_seconds=0.0)
    assert fourth.read(gitdir, kept) == _listed(repo)
    assert fourth._opened == 1  # the new file: its directory was listed again


def test_a_mirror_is_rewritten_whenever_its_refs_are_not_the_ones_written(
    tmp_path: Path,
) -> None:
    """The memo of a mirror's packed-refs spares comparing its content only while it is
    the file written; a replaced file, a loose ref beside it or other refs are written."""
    from sync.git import _write_packed_refs

    mirror = tmp_path / "mirror.git"
    (mirror / "refs" / "heads").mkdir(parents=True)
    refs = {"refs/heads/main": "a" * 40, "refs/exps/x": "b" * 40}
    memos = RefMemos(RefMemo(1000, 0, 600), racy_seconds=0.0)
    packed = mirror / "packed-refs"

    def written() -> dict[str, str]:
        lines = packed.read_text().splitlines()[1:]
        return {name: sha for sha, name in (line.split() for line in lines)}

    _write_packed_refs(mirror, refs, memos)
    assert memos.mirrored(packed, refs) and written() == refs
    packed.write_text("# pack-refs with: sorted \n" + f"{'c' * 40} refs/heads/main\n")
    assert not memos.mirrored(packed, refs)
    _write_packed_refs(mirror, refs, memos)
    assert written() == refs
    (mirror / "refs" / "heads" / "loose").write_text("d" * 40 + "\n")
    _write_packed_refs(mirror, refs, memos)
    assert not (mirror / "refs" / "heads" / "loose").exists()
    other = {**refs, "refs/tags/v1": "e" * 40}
    _write_packed_refs(mirror, other, memos)
    assert written() == other


def test_a_repository_without_experiments_or_tags_is_watched_and_their_first_refs_seen(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    gitdir = repo / ".git"
    for top in ("exps", "tags"):
        shutil.rmtree(gitdir / "refs" / top, ignore_errors=True)
    memos = _memos(1000)
    assert memos.read(gitdir) == _listed(repo)
    assert memos.watched(gitdir)  # the missing directories' parent is watched
    git(repo, "update-ref", "refs/exps/ab/cdef/exp-1", "main")
    git(repo, "tag", "v1", "main")
    assert not memos.watched(gitdir)
    assert memos.read(gitdir) == _listed(repo) and "refs/exps/ab/cdef/exp-1" in _listed(repo)
    assert memos.watched(gitdir)
    memos.close()


def test_while_a_source_is_read_again_nobody_takes_its_previous_refs(tmp_path: Path) -> None:
    """Two syncs of projects on one repository in two threads: the second, finding the
    first re-reading (after a change), reads too instead of taking the stale refs."""
    from sync.git import _identity

    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    gitdir = repo / ".git"
    memos = _memos(1000)
    memos.read(gitdir)
    git(repo, "branch", "-f", "feature", "main~1")
    identity = _identity(gitdir)
    reading = memos.watch.begin(str(gitdir), identity, str(gitdir))  # the first thread
    assert reading is not None
    assert memos.watch.unchanged(str(gitdir), identity) is None  # the second one reads
    assert memos.read(gitdir) == _listed(repo)
    reading.finish(None)  # the first gave up: the later read stands
    assert memos.watched(gitdir)
    memos.close()


def test_the_mirror_fingerprint_follows_every_change_of_its_ref_files(tmp_path: Path) -> None:
    """With the memo (digests of HEAD and packed-refs kept by their stat) the fingerprint
    is the one computed from the files, before and after each change, including a
    same-size rewrite in place with the modification time put back."""
    from sync.git import refs_fingerprint

    mirror = tmp_path / "mirror.git"
    (mirror / "refs" / "heads").mkdir(parents=True)
    (mirror / "HEAD").write_text("ref: refs/heads/main\n")
    packed = mirror / "packed-refs"
    packed.write_text(f"# pack-refs with: sorted \n{'a' * 40} refs/heads/main\n")
    memos = RefMemos(RefMemo(1000, 0, 600), racy_seconds=0.0)  # every file settled at once
    seen = set()

    def same_with_and_without() -> bytes:
        found = refs_fingerprint(mirror, memos)
        assert found == refs_fingerprint(mirror) == refs_fingerprint(mirror, memos)
        assert found not in seen
        seen.add(found)
        return found

    same_with_and_without()
    tmp = mirror / "packed-refs.tmp"
    tmp.write_text(f"# pack-refs with: sorted \n{'b' * 40} refs/heads/main\n")
    os.replace(tmp, packed)
    same_with_and_without()
    before = packed.stat()
    with open(packed, "r+b") as file:  # in place, same size, mtime put back
        file.write(f"# pack-refs with: sorted \n{'c' * 40}".encode())
    os.utime(packed, ns=(before.st_atime_ns, before.st_mtime_ns))
    same_with_and_without()
    (mirror / "HEAD").write_text("ref: refs/heads/other\n")
    same_with_and_without()
    (mirror / "refs" / "heads" / "loose").write_text("d" * 40 + "\n")
    same_with_and_without()


def test_a_read_of_a_replaced_repository_never_stands_for_the_one_now_there(
    tmp_path: Path,
) -> None:
    """Two threads on one path: the first reads the repository there, which is replaced
    meanwhile; the second reads the new one. The first finishing last must not hand its
    refs (nor its watches, on the old directories) to the new repository."""
    from sync.git import _identity

    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    gitdir = repo / ".git"
    memos = _memos(1000)
    reading = memos.watch.begin(str(gitdir), _identity(gitdir), str(gitdir))  # the first
    assert reading is not None
    old = memos._read(gitdir, reading)
    repo.rename(tmp_path / "old")  # its watches go with it
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=1, gto_tags=False))
    assert memos.read(gitdir) == _listed(repo)  # the second thread
    reading.finish(old)  # the first, late
    assert memos.read(gitdir) == _listed(repo)
    git(repo, "branch", "-f", "feature", "main~1")
    assert memos.read(gitdir) == _listed(repo)  # the new repository's changes are seen
    git(tmp_path / "old", "branch", "-f", "feature", "main~1")
    assert memos.watched(gitdir)  # no watch left on the old one's directories
    memos.close()


def _kept(tmp_path: Path) -> tuple[Path, Path, RefMemo]:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    git(repo, "pack-refs")  # tags packed: the kept memo has a packed-refs part
    git(repo, "branch", "-f", "feature", "main~1")  # and loose refs
    kept = tmp_path / "kept"
    bounds = RefMemo(ref_memo_entries=10_000, ref_watches=0, ref_watch_seconds=600)
    RefMemos(bounds, racy_seconds=0.0).read(repo / ".git", kept)
    return repo, kept, bounds


def _corruptions(content: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    loose = dict(content["loose"])  # type: ignore[call-overload]
    dirs = dict(content["dirs"])  # type: ignore[call-overload]
    packed = content["packed"]
    a_ref = next(iter(loose))
    a_dir = next(d for d in dirs if d.endswith("/refs/heads"))
    other = "0" * 40

    def with_(**parts: object) -> dict[str, object]:
        return {**content, **parts}

    return [
        ("a ref's sha not a sha", with_(loose={**loose, a_ref: [*loose[a_ref][:4], "HEAD"]})),
        ("a ref's entry cut short", with_(loose={**loose, a_ref: loose[a_ref][:4]})),
        ("a ref's entry not a list", with_(loose={**loose, a_ref: 7})),
        ("a ref outside the repository", with_(loose={**loose, "/etc/x": [1, 2, 3, 4, other]})),
        ("a listing not a list", with_(dirs={**dirs, a_dir: [*dirs[a_dir][:3], 5]})),
        ("a listed entry cut short", with_(dirs={**dirs, a_dir: [*dirs[a_dir][:3], [["x"]]]})),
        (
            "a listed name leaving its directory",
            with_(dirs={**dirs, a_dir: [*dirs[a_dir][:3], [["../../../..", True, False]]]}),
        ),
        ("packed refs not a mapping", with_(packed=[packed[0], "refs"])),  # type: ignore[index]
        (
            "a packed ref's sha not a sha",
            with_(packed=[packed[0], {"refs/heads/x": "HEAD"}]),  # type: ignore[index]
        ),
        ("loose not a mapping", with_(loose=[1, 2])),
    ]


def test_a_kept_memo_that_is_not_what_a_read_keeps_is_ignored(tmp_path: Path) -> None:
    """A kept memo is in our own mirror, but may be cut short by a crash, left by an older
    format or tampered with: entries of any other shape are never used (no crash, no sha
    that is not one, no path outside the repository's refs); the refs are read from the
    files."""
    repo, kept, bounds = _kept(tmp_path)
    content = orjson.loads(kept.read_bytes())
    assert content["packed"] is not None and content["loose"] and content["dirs"]
    for what, corrupted in _corruptions(content):
        kept.write_bytes(orjson.dumps(corrupted))
        memos = RefMemos(bounds, racy_seconds=0.0)  # a new process
        assert memos.read(repo / ".git", kept) == _listed(repo), what
    for cut in (0, 1, len(orjson.dumps(content)) // 2):
        kept.write_bytes(orjson.dumps(content)[:cut])
        assert RefMemos(bounds).read(repo / ".git", kept) == _listed(repo), cut


def test_a_write_through_a_second_link_as_its_watch_is_added_is_read(tmp_path: Path) -> None:
    """A hard-linked ref file rewritten in place through its other name between the stat
    this read took and the watch it then adds (no event: the watch came after) is not
    taken from the memo by that older stat."""
    original = tmp_path / "original"
    generated = generate_repo(original, SMALL)
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, copy_function=os.link)
    exp = generated.experiments[0][0]
    kept = tmp_path / "kept"
    bounds = RefMemo(ref_memo_entries=10_000, ref_watches=1000, ref_watch_seconds=600)
    RefMemos(bounds, racy_seconds=0.0).read(copy / ".git", kept)  # a previous process
    memos = RefMemos(bounds, racy_seconds=0.0)
    other = git(original, "rev-parse", "main~1")
    add = memos.watch._add

    def add_after_a_write(
        key: str, path: str, mask: int, names: frozenset[str] | None
    ) -> int | None:
        # The one interleaving the kernel cannot be asked for: another process writing
        # just before this watch is added (the write itself is real).
        if path == str(copy / ".git" / exp):
            _rewrite_in_place(original / ".git" / exp, other)
        return add(key, path, mask, names)

    memos.watch._add = add_after_a_write  # type: ignore[method-assign]
    assert memos.read(copy / ".git", kept)[exp] == other  # type: ignore[index]
    memos.watch._add = add  # type: ignore[method-assign]
    assert memos.read(copy / ".git")[exp] == other  # type: ignore[index]
    memos.close()


def test_an_overflowed_event_queue_leaves_no_source_trusted(tmp_path: Path) -> None:
    """More events than the kernel queues (another watched repository churning between
    two syncs): the change of this one was dropped with them, so nothing is trusted."""
    limit = int(Path("/proc/sys/fs/inotify/max_queued_events").read_text())
    if limit > 100_000:
        pytest.skip("the kernel queues too many events to overflow here")
    quiet, busy = tmp_path / "quiet", tmp_path / "busy"
    generate_repo(quiet, SMALL)
    generate_repo(busy, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    memos = _memos(1000)
    memos.read(quiet / ".git")
    memos.read(busy / ".git")
    churn = busy / ".git" / "refs" / "heads" / "churn.lock"
    for _ in range(limit // 2 + 1):  # two events each
        churn.write_bytes(b"")
        churn.unlink()
    git(quiet, "branch", "-f", "feature", "main~1")  # its event is dropped
    assert not memos.watched(quiet / ".git")
    assert memos.read(quiet / ".git") == _listed(quiet)
    memos.close()


def test_a_source_whose_filesystem_hangs_holds_up_no_other_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asking which filesystem a source is on blocks while a network mount hangs: that
    sync waits, the syncs of other sources (sharing the watch) go on."""
    import threading

    from sync import ref_watch

    quiet, stuck = tmp_path / "quiet", tmp_path / "stuck"
    generate_repo(quiet, SMALL)
    generate_repo(stuck, SMALL)
    memos = _memos(1000)
    memos.read(quiet / ".git")
    git(quiet, "branch", "-f", "feature", "main~1")
    entered, release = threading.Event(), threading.Event()
    statfs = ref_watch._local_filesystem

    def hanging(path: str) -> bool:  # the kernel cannot be made to hang a mount here
        if path == str(stuck / ".git"):
            entered.set()
            release.wait(60)
        return statfs(path)

    monkeypatch.setattr(ref_watch, "_local_filesystem", hanging)
    blocked = threading.Thread(target=memos.read, args=(stuck / ".git",))
    blocked.start()
    try:
        assert entered.wait(30)
        found: list[object] = []
        other = threading.Thread(target=lambda: found.append(memos.read(quiet / ".git")))
        other.start()
        other.join(timeout=30)
        assert found == [_listed(quiet)]
    finally:
        release.set()
        blocked.join()
    memos.close()


def test_watches_follow_the_directories_there_and_close_lets_go_of_the_descriptor(
    tmp_path: Path,
) -> None:
    """Directories made and removed under refs/ leave no watch behind (one per directory
    there, plus the git directory), and closing the memos closes the inotify descriptor."""
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    gitdir = repo / ".git"
    fds = len(os.listdir("/proc/self/fd"))
    memos = _memos(1000)

    def directories() -> int:
        return 1 + sum(1 for _ in os.walk(gitdir / "refs"))  # gitdir, refs and under it

    memos.read(gitdir)
    made = [f"refs/exps/{i:02x}/{'c' * 38}/exp-{i}" for i in range(20)]
    for ref in made:
        git(repo, "update-ref", ref, "main")
    assert memos.read(gitdir) == _listed(repo)
    assert len(memos.watch._watched) == directories() > 40
    for ref in made:
        git(repo, "update-ref", "-d", ref)  # git removes the emptied directories
    assert memos.read(gitdir) == _listed(repo)
    assert len(memos.watch._watched) == directories() < 10
    assert len(os.listdir("/proc/self/fd")) == fds + 1
    memos.close()
    assert len(os.listdir("/proc/self/fd")) == fds
