"""Writes into a repository on this machine through ``git receive-pack`` over pipes
(sync.receive_pack), and writes to a git daemon over one push connection
(sync.remote_push): the repository's receive.* settings apply, the lease is checked by
receive-pack itself, a pack carries exactly what the repository lacks, an unused session
changes nothing, and a remote that moved since the last sync is fetched before the write."""

from __future__ import annotations

import concurrent.futures
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pygit2
import pytest
from support import Api

from schema.relay import decode_id
from storage.errors import DomainError
from sync import receive_pack
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials, fetch_mirror, open_mirror
from sync.git_writer import BRANCH, BranchRequest, CommitRequest, delete_branch, write_commit
from sync.params_edit import ParamChange
from sync.receive_pack import Refused, Update
from sync.remote_push import RemotePush


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    path = tmp_path / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", "--no-local", str(work), str(path)], check=True)
    return path


def scratch_commit(bare: Path, tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, str]:
    """A commit on top of main made in a clone sharing ``bare``'s objects (so ``bare``
    lacks only the new ones): (the clone, its sha)."""
    clone = tmp_path / "scratch.git"
    if not clone.exists():
        subprocess.run(
            ["git", "clone", "-q", "--bare", "--shared", str(bare), str(clone)], check=True
        )
    repo = pygit2.Repository(str(clone))
    base = repo.revparse_single("main").peel(pygit2.Commit)
    index = pygit2.Index()
    index.read_tree(base.tree)
    for path, data in files.items():
        index.add(pygit2.IndexEntry(path, repo.create_blob(data), pygit2.enums.FileMode.BLOB))
    who = pygit2.Signature("t", "t@example.com", int(time.time()), 0)
    oid = repo.create_commit(None, who, who, "scratch", index.write_tree(repo), [base.id])
    return clone, str(oid)


def push(bare: Path, clone: Path, update: Update) -> None:
    repo = pygit2.Repository(str(clone))
    with receive_pack.start(bare) as receiver:
        if update.new is None:
            receiver.push(update, iter(()), 0)
            return
        missing = receive_pack.missing_objects(repo, pygit2.Oid(hex=update.new), receiver.holds())
        receiver.push(update, receive_pack.objects_of(repo, missing), len(missing))


def test_the_advertisement_is_the_repositorys_refs_and_an_unused_session_changes_nothing(
    bare: Path,
) -> None:
    before = git(bare, "for-each-ref", "--format=%(refname) %(objectname)")
    session = receive_pack.start(bare)
    refs = session.refs()
    assert {f"{name} {sha}" for name, sha in refs.items()} == set(before.splitlines())
    session.close()
    assert session._proc.returncode == 0, "receive-pack ended cleanly on an empty command list"
    assert git(bare, "for-each-ref", "--format=%(refname) %(objectname)") == before


def test_a_pack_of_only_what_the_repository_lacks(bare: Path, tmp_path: Path) -> None:
    """A file two directories down: the commit, three trees on its path and the blob; the
    repository then holds a complete, connected history."""
    clone, sha = scratch_commit(bare, tmp_path, {"conf/deep/params.yaml": b"lr: 0.5\n"})
    repo = pygit2.Repository(str(clone))
    holds = pygit2.Odb(str(bare / "objects")).__contains__
    missing = receive_pack.missing_objects(repo, pygit2.Oid(hex=sha), holds)
    kinds = sorted(type(repo[oid]).__name__ for oid in missing)
    assert kinds == ["Blob", "Commit", "Tree", "Tree", "Tree"]
    push(bare, clone, Update("refs/heads/deep", None, sha))
    assert git(bare, "rev-parse", "refs/heads/deep") == sha
    assert git(bare, "show", "deep:conf/deep/params.yaml") == "lr: 0.5"
    subprocess.run(["git", "-C", str(bare), "fsck", "--strict", "--no-dangling"], check=True)


def test_the_lease_is_checked_by_receive_pack_too(bare: Path, tmp_path: Path) -> None:
    """The branch moves after the advertisement was read: receive-pack refuses the update
    (it locks the ref and compares the old value), the other writer's commit stays."""
    clone, sha = scratch_commit(bare, tmp_path, {"params.yaml": b"lr: 0.7\n"})
    main = git(bare, "rev-parse", "main")
    other = git(bare, "commit-tree", "-p", main, "-m", "someone else", f"{main}^{{tree}}")
    repo = pygit2.Repository(str(clone))
    with receive_pack.start(bare) as receiver:
        assert receiver.refs()["refs/heads/main"] == main
        git(bare, "update-ref", "refs/heads/main", other, main)
        missing = receive_pack.missing_objects(repo, pygit2.Oid(hex=sha), receiver.holds())
        with pytest.raises(Refused):
            receiver.push(
                Update("refs/heads/main", main, sha),
                receive_pack.objects_of(repo, missing),
                len(missing),
            )
    assert git(bare, "rev-parse", "main") == other


def test_a_stale_lease_sends_nothing(bare: Path, tmp_path: Path) -> None:
    clone, sha = scratch_commit(bare, tmp_path, {"params.yaml": b"lr: 0.8\n"})
    with pytest.raises(Refused) as refused:
        push(bare, clone, Update("refs/heads/main", "1" * 40, sha))
    assert refused.value.reason == "stale info"
    with pytest.raises(Refused) as exists:
        push(bare, clone, Update("refs/heads/main", None, sha))  # "must not exist"
    assert exists.value.reason == "stale info"
    assert (
        subprocess.run(
            ["git", "-C", str(bare), "cat-file", "-e", sha], capture_output=True
        ).returncode
        != 0
    ), "no object reached the repository"


@pytest.mark.parametrize(
    ("setting", "kind"),
    [("receive.denyDeletes", "delete"), ("receive.denyNonFastForwards", "rewind")],
)
def test_the_repositorys_receive_settings_apply(
    bare: Path, tmp_path: Path, setting: str, kind: str
) -> None:
    git(bare, "config", setting, "true")
    main = git(bare, "rev-parse", "main")
    first = git(bare, "rev-list", "--max-parents=0", "main")
    git(bare, "update-ref", "refs/heads/victim", main)
    clone = tmp_path / "scratch.git"
    subprocess.run(["git", "clone", "-q", "--bare", "--shared", str(bare), str(clone)], check=True)
    new = None if kind == "delete" else first  # a rewind to the first commit
    with pytest.raises(Refused) as refused:
        push(bare, clone, Update("refs/heads/victim", main, new))
    assert refused.value.reason, refused.value
    assert git(bare, "rev-parse", "victim") == main


def test_not_a_repository_is_a_typed_error_without_its_path(tmp_path: Path) -> None:
    nowhere = tmp_path / "secret-place" / "not-a-repo"
    nowhere.mkdir(parents=True)
    with pytest.raises(receive_pack.ReceiveError) as error:
        receive_pack.start(nowhere).refs()
    assert "secret-place" not in str(error.value)


def test_a_branch_delete_goes_through_receive_pack(bare: Path, tmp_path: Path) -> None:
    """delete_branch (the undo of a branch whose pull request failed) on a repository that
    denies deletes: CONFLICT, the branch stays, and so does the mirror's."""
    mirror = tmp_path / "mirror.git"
    request = CommitRequest("main", [ParamChange("params.yaml", "lr", 0.3)], "m", BRANCH, "to-undo")
    written = write_commit(mirror, str(bare), Credentials(), request)
    git(bare, "config", "receive.denyDeletes", "true")
    with pytest.raises(DomainError) as refused:
        delete_branch(mirror, str(bare), Credentials(), BranchRequest(written.sha, "to-undo"))
    assert refused.value.code == "CONFLICT"
    assert git(bare, "rev-parse", "to-undo") == written.sha
    git(bare, "config", "receive.denyDeletes", "false")
    delete_branch(mirror, str(bare), Credentials(), BranchRequest(written.sha, "to-undo"))
    assert "to-undo" not in git(bare, "branch", "--list")
    assert "refs/heads/to-undo" not in open_mirror(mirror).references


def test_a_failed_write_leaves_no_receive_pack_running(bare: Path, tmp_path: Path) -> None:
    """A request refused before the push (an unknown key) ends the receive-pack it
    started: no child process is left."""
    mirror = tmp_path / "mirror.git"
    request = CommitRequest(
        "main", [ParamChange("params.yaml", "no_such_key", 1)], "m", BRANCH, "never"
    )
    with pytest.raises(DomainError):
        write_commit(mirror, str(bare), Credentials(), request)
    assert _children() == [], "receive-pack was waited for"
    assert "never" not in git(bare, "branch", "--list")


def _children() -> list[str]:
    path = Path(f"/proc/{os.getpid()}/task")
    kids: list[str] = []
    for task in path.iterdir():
        children = task / "children"
        if children.exists():
            kids += children.read_text().split()
    return [k for k in kids if "receive-pack" in Path(f"/proc/{k}/cmdline").read_bytes().decode()]


async def test_a_remote_that_moved_is_fetched_before_the_write(
    api: Api, daemon: tuple[str, Path], tmp_path: Path, unique: str
) -> None:
    """Over git://: right after a sync the push connection's advertisement equals the
    mirror (no fetch needed); after someone else pushed to main, it does not, and a new
    branch from main is built on the commit they pushed."""
    base_url, root = daemon
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    served = root / "moved.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(served)], check=True)
    url = f"{base_url}/moved.git"
    project = await api.create_project(url, f"moved-{unique}")
    mirror = _mirror_of(api, project)
    with RemotePush(open_mirror(mirror), url, Credentials()) as connection:
        assert connection.mirror_is_current()
    main = git(served, "rev-parse", "main")
    theirs = git(served, "commit-tree", "-p", main, "-m", "pushed by someone", f"{main}^{{tree}}")
    git(served, "update-ref", "refs/heads/main", theirs, main)
    with RemotePush(open_mirror(mirror), url, Credentials()) as connection:
        assert not connection.mirror_is_current()
    done = await _run(api, project["id"], "after-them")
    assert done["errors"] == [], done
    assert done["commit"]["parents"] == [theirs]
    assert git(served, "rev-parse", "after-them") == done["commit"]["sha"]


async def _run(api: Api, pid: str, branch: str) -> dict[str, Any]:
    payload = await api.data(
        """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
             commit { sha parents } branch errors { code message field } } }""",
        {
            "input": {
                "projectId": pid,
                "baseRev": "main",
                "target": "BRANCH",
                "branch": branch,
                "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.4}],
            }
        },
    )
    result: dict[str, Any] = payload["runExperiment"]
    return result


def _mirror_of(api: Api, project: dict[str, Any]) -> Path:
    return api.settings.mirrors_dir / f"{decode_id(project['id'], 'Project')}.git"


def test_fetch_mirror_is_what_a_write_starts_from(bare: Path, tmp_path: Path) -> None:
    """A first write on a fresh mirror of a local repository creates the mirror."""
    mirror = tmp_path / "fresh.git"
    request = CommitRequest("main", [ParamChange("params.yaml", "lr", 0.9)], "m", BRANCH, "first")
    written = write_commit(mirror, str(bare), Credentials(), request)
    assert git(bare, "rev-parse", "first") == written.sha
    fetch_mirror(mirror, str(bare), Credentials())
    assert str(open_mirror(mirror).references["refs/heads/first"].target) == written.sha


def test_an_unused_session_on_a_large_advertisement_ends_at_once(bare: Path) -> None:
    """3,000 refs advertise more than a pipe holds: closing without reading them must not
    leave receive-pack blocked on its write (it would wait for the 300 s timeout)."""
    main = git(bare, "rev-parse", "main")
    lines = "".join(f"create refs/exps/{i:04d}/run-with-a-long-name {main}\n" for i in range(3000))
    subprocess.run(
        ["git", "-C", str(bare), "update-ref", "--stdin"], input=lines, text=True, check=True
    )
    refs = git(bare, "for-each-ref")
    session = receive_pack.start(bare)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        closing = pool.submit(session.close)
        try:
            closing.result(timeout=30)  # blocked, it would wait for the 300 s push timeout
        except TimeoutError:
            session._proc.kill()  # lets the close end
            raise AssertionError("receive-pack still blocked 30 s after close") from None
    assert session._proc.returncode == 0  # exited on the empty command list, not killed
    assert git(bare, "for-each-ref") == refs
