"""Writing commits: a new commit of edited params files on top of a base commit, built in
the project's bare mirror without any working tree, then put on the repository as a new
branch or as the next commit of the base branch.

Nothing is forced: a new branch must not exist, and the base branch must still point at
the base commit (a branch that moved meanwhile is reported, never overwritten, so
concurrent writers cannot lose each other's commits). On a remote the branch is pushed
(a refused push, e.g. by a hook, removes the local ref again). A repository on this
machine is pushed to with the git CLI (receive-pack), never written into directly, so its
receive hooks (pre-receive, update, ...) and receive.* settings apply as to any push:
libgit2's local transport would run no hooks. Git itself refuses to move the checked-out
branch of a working tree.

What a commit may change is the write policy's (sync.write_policy): params files DVC
reads, keys that exist, inside the project's subdir.

Pull requests merge here too (``merge_branch``): a fast-forward, or a merge commit built
in memory by libgit2 (conflicting paths are reported, nothing is written).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pygit2
from pygit2.enums import FileMode

from storage.errors import DomainError
from sync.git import (
    Credentials,
    GitError,
    PushRefused,
    fetch_mirror,
    local_source,
    open_mirror,
    push_ref,
)
from sync.params_edit import ParamChange, edit
from sync.write_policy import changes_by_file, check_change, check_ref_name, visible_params

COMMIT, BRANCH = "COMMIT", "BRANCH"
MERGE_COMMIT, FAST_FORWARD = "MERGE_COMMIT", "FAST_FORWARD"


@dataclass(frozen=True, slots=True)
class CommitRequest:
    base_rev: str  # a branch name, or a sha (then ``branch`` names the branch to move)
    changes: Sequence[ParamChange]
    message: str
    target: str  # COMMIT (onto the base branch) or BRANCH (a new branch)
    branch: str | None = None
    author: tuple[str, str] = ("gitstudio", "gitstudio@localhost")
    subdir: str = ""  # the project's DVC root: params paths are relative to it


@dataclass(frozen=True, slots=True)
class WrittenCommit:
    sha: str
    parent: str
    branch: str


def write_commit(
    mirror: Path, url: str, creds: Credentials, request: CommitRequest
) -> WrittenCommit:
    fetch_mirror(mirror, url, creds)
    repo = open_mirror(mirror)
    base, branch = _base(repo, request)
    # Objects are written into the mirror; the repository receives them by push.
    tree = _edited_tree(repo, base, request)
    who = pygit2.Signature(request.author[0], request.author[1], int(time.time()), 0)
    oid = repo.create_commit(None, who, who, request.message, tree, [base.id])
    written = WrittenCommit(str(oid), str(base.id), branch)
    _put(repo, local_source(url), creds, written, request.target)
    return written


@dataclass(frozen=True, slots=True)
class BranchRequest:
    sha: str  # an existing commit (e.g. a DVC experiment's)
    branch: str


def create_branch(
    mirror: Path, url: str, creds: Credentials, request: BranchRequest
) -> WrittenCommit:
    """A new branch at an existing commit (createBranchFromExperiment), put on the
    repository like any other write: never over an existing branch."""
    fetch_mirror(mirror, url, creds)
    repo = open_mirror(mirror)
    _new_branch_name(repo, request.branch)
    commit = repo.get(request.sha)
    if not isinstance(commit, pygit2.Commit):
        raise DomainError("NOT_FOUND", f"no commit {request.sha} in the repository", "experimentId")
    parent = str(commit.parents[0].id) if commit.parents else ""
    written = WrittenCommit(request.sha, parent, request.branch)
    _put(repo, local_source(url), creds, written, BRANCH)
    return written


@dataclass(frozen=True, slots=True)
class MergeRequest:
    source: str  # branch names
    target: str
    method: str = MERGE_COMMIT  # or FAST_FORWARD
    message: str = ""
    author: tuple[str, str] = ("gitstudio", "gitstudio@localhost")


@dataclass(frozen=True, slots=True)
class Mergeability:
    source_sha: str
    target_sha: str
    merged: bool  # the source is already in the target
    fast_forward: bool
    conflicts: tuple[str, ...]


def mergeability(repo: pygit2.Repository, source: str, target: str) -> Mergeability:
    """Whether ``source`` merges into ``target`` (branch names) cleanly, in memory."""
    src, dst = _tip(repo, source, "source"), _tip(repo, target, "target")
    if src.id == dst.id or repo.descendant_of(dst.id, src.id):
        return Mergeability(str(src.id), str(dst.id), True, False, ())
    fast_forward = repo.descendant_of(src.id, dst.id)
    conflicts: tuple[str, ...] = ()
    if not fast_forward:
        index = repo.merge_commits(dst, src)
        conflicts = _conflicts(index)
    return Mergeability(str(src.id), str(dst.id), False, fast_forward, conflicts)


def merge_branch(
    mirror: Path, url: str, creds: Credentials, request: MergeRequest
) -> WrittenCommit:
    """Merge ``request.source`` into ``request.target`` and put the target on the
    repository: CONFLICT when paths conflict, a fast-forward is asked for and impossible, or
    the target moved meanwhile; INVALID when there is nothing to merge."""
    fetch_mirror(mirror, url, creds)
    repo = open_mirror(mirror)
    state = mergeability(repo, request.source, request.target)
    if state.merged:
        raise DomainError("INVALID", f"{request.source} is already merged into {request.target}")
    if state.conflicts:
        raise DomainError(
            "CONFLICT", "merge conflicts in: " + ", ".join(state.conflicts), "pullRequestId"
        )
    if request.method == FAST_FORWARD:
        if not state.fast_forward:
            raise DomainError(
                "CONFLICT", f"{request.target} has commits {request.source} lacks", "method"
            )
        sha = state.source_sha
    else:
        sha = _merge_commit(repo, state, request)
    written = WrittenCommit(sha, state.target_sha, request.target)
    _put(repo, local_source(url), creds, written, COMMIT)
    return written


def _merge_commit(store: pygit2.Repository, state: Mergeability, request: MergeRequest) -> str:
    src, dst = store.get(state.source_sha), store.get(state.target_sha)
    assert isinstance(src, pygit2.Commit) and isinstance(dst, pygit2.Commit)
    tree = store.merge_commits(dst, src).write_tree(store)
    who = pygit2.Signature(request.author[0], request.author[1], int(time.time()), 0)
    message = request.message or f"Merge branch '{request.source}' into {request.target}"
    return str(store.create_commit(None, who, who, message, tree, [dst.id, src.id]))


def delete_branch(mirror: Path, url: str, creds: Credentials, request: BranchRequest) -> None:
    """Remove the branch gitstudio just created (the undo of a branch whose pull request
    could not be opened), the way it was put there: so a local repository's hooks run,
    and there only if it still points where gitstudio put it. DomainError when it stays."""
    repo = open_mirror(mirror)
    ref = f"refs/heads/{request.branch}"
    local = local_source(url)
    if local is not None:
        push_local(repo, local, f":{ref}", f"{ref}:{request.sha}", request.branch)
    else:
        try:
            push_ref(repo, ref, creds, delete=True)
        except GitError as exc:
            code = "CONFLICT" if isinstance(exc, PushRefused) else "UNREACHABLE"
            raise DomainError(code, f"{request.branch}: {exc}") from exc
    if ref in repo.references:
        repo.references.delete(ref)


def _tip(repo: pygit2.Repository, branch: str, field: str) -> pygit2.Commit:
    ref = repo.references.get(f"refs/heads/{branch}")
    if ref is None:
        raise DomainError("NOT_FOUND", f"no branch {branch}", field)
    commit = repo.get(ref.target)
    assert isinstance(commit, pygit2.Commit)
    return commit


def _conflicts(index: pygit2.Index) -> tuple[str, ...]:
    if index.conflicts is None:
        return ()
    paths = {entry.path for sides in index.conflicts for entry in sides if entry is not None}
    return tuple(sorted(paths))


def _new_branch_name(repo: pygit2.Repository, name: str) -> None:
    check_ref_name(name, "branch")
    if f"refs/heads/{name}" in repo.references:
        raise DomainError("DUPLICATE", f"branch {name} exists already", "branch")


def _base(repo: pygit2.Repository, request: CommitRequest) -> tuple[pygit2.Commit, str]:
    try:
        base = repo.revparse_single(request.base_rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError):
        raise DomainError("NOT_FOUND", f"no commit {request.base_rev!r}", "baseRev") from None
    if request.target == BRANCH:
        name = request.branch or ""
        _new_branch_name(repo, name)
        return base, name
    if request.target != COMMIT:
        raise DomainError("INVALID", f"unknown target {request.target!r}", "target")
    name = request.branch or request.base_rev
    ref = repo.references.get(f"refs/heads/{name}")
    if ref is None:
        raise DomainError(
            "INVALID", "a commit onto a branch needs the branch: as baseRev, or in branch", "branch"
        )
    if str(ref.target) != str(base.id):
        raise DomainError(
            "CONFLICT",
            f"branch {name} is at {str(ref.target)[:7]}, not at the base {str(base.id)[:7]}",
            "baseRev",
        )
    return base, name


def _edited_tree(
    repo: pygit2.Repository, base: pygit2.Commit, request: CommitRequest
) -> pygit2.Oid:
    if not request.changes:
        raise DomainError("INVALID", "no parameter changes", "paramChanges")
    by_path = changes_by_file(request.changes, request.subdir)
    visible = visible_params(repo, base, request.subdir)
    for change in request.changes:
        check_change(change, visible)
    blobs: dict[str, bytes] = {}
    for path, changes in by_path.items():
        try:
            blob = base.tree[path]
        except KeyError:
            raise DomainError(
                "NOT_FOUND", f"no file {path} at {str(base.id)[:7]}", "paramChanges"
            ) from None
        if not isinstance(blob, pygit2.Blob):
            raise DomainError("INVALID", f"{path} is not a file", "paramChanges")
        blobs[path] = edit(path, blob.data, changes)
    return _tree_with(repo, base.tree, blobs)


def _tree_with(
    repo: pygit2.Repository, tree: pygit2.Tree | None, blobs: dict[str, bytes]
) -> pygit2.Oid:
    """``tree`` with the files of ``blobs`` ({path: bytes}) written; modes are kept."""
    builder = repo.TreeBuilder(tree) if tree is not None else repo.TreeBuilder()
    here: dict[str, bytes] = {}
    below: dict[str, dict[str, bytes]] = {}
    for path, data in blobs.items():
        head, _, rest = path.partition("/")
        if rest:
            below.setdefault(head, {})[rest] = data
        else:
            here[head] = data
    for name, data in here.items():
        entry = tree[name] if tree is not None and name in tree else None
        mode = entry.filemode if entry is not None else FileMode.BLOB
        builder.insert(name, repo.create_blob(data), mode)
    for name, nested in below.items():
        sub = tree[name] if tree is not None and name in tree else None
        sub_tree = sub if isinstance(sub, pygit2.Tree) else None
        builder.insert(name, _tree_with(repo, sub_tree, nested), FileMode.TREE)
    return builder.write()


def _put(
    mirror: pygit2.Repository,
    local: Path | None,
    creds: Credentials,
    written: WrittenCommit,
    target: str,
) -> None:
    """Put ``written`` on the repository by push (see the module docstring). The mirror
    gets the ref too, so the sync after a write need not copy refs again."""
    if local is None:
        _push(mirror, written, creds)  # sets the mirror's ref first, restores it if refused
        return
    _push_cli(mirror, local, written, target)
    ref = f"refs/heads/{written.branch}"
    mirror.references.create(ref, pygit2.Oid(hex=written.sha), force=True)


def _push_cli(mirror: pygit2.Repository, local: Path, written: WrittenCommit, target: str) -> None:
    """``git push`` into a repository on this machine so that its hooks run; the lease
    keeps it strict: a new branch must not exist, a moved one is not overwritten."""
    ref = f"refs/heads/{written.branch}"
    expected = "" if target == BRANCH else written.parent
    stale = (
        DomainError("DUPLICATE", f"branch {written.branch} exists already", "branch")
        if target == BRANCH
        else DomainError(
            "CONFLICT", f"branch {written.branch} moved; retry from its new tip", "baseRev"
        )
    )
    push_local(mirror, local, f"{written.sha}:{ref}", f"{ref}:{expected}", written.branch, stale)


def push_local(
    mirror: pygit2.Repository,
    local: Path,
    refspec: str,
    lease: str,
    branch: str,
    stale: DomainError | None = None,
) -> None:
    """``git push`` of ``refspec`` from the mirror into the repository at ``local``
    (receive-pack: its hooks run), with ``--force-with-lease=lease``: ``stale`` when the
    ref is not where the lease expects it, CONFLICT when the repository refuses."""
    command = [
        "git", "-C", mirror.path, "push", "--porcelain", f"--force-with-lease={lease}",
        "--", str(local), refspec,
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=_c_locale())
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DomainError("UNREACHABLE", f"{branch}: git push failed: {exc}") from exc
    if done.returncode == 0:
        return
    if "refusing to update checked out branch" in done.stderr:
        raise DomainError(
            "CONFLICT",
            f"branch {branch} is checked out in the repository's working tree; git does not"
            " move it under a working tree (commit to a new branch instead)",
            "branch",
        )
    if stale is not None and "[rejected]" in done.stdout and "stale info" in done.stdout:
        raise stale
    said = [line.removeprefix("remote: ") for line in done.stderr.splitlines() if line]
    raise DomainError("CONFLICT", f"{branch}: the repository refused the push: " + "; ".join(said))


def _c_locale() -> dict[str, str]:
    """The environment with git speaking English whatever the server's locale: its messages
    are matched above and passed on to API callers (LC_ALL=C makes gettext ignore LANGUAGE)."""
    return {**os.environ, "LC_ALL": "C"}


def _push(repo: pygit2.Repository, written: WrittenCommit, creds: Credentials) -> None:
    ref = f"refs/heads/{written.branch}"
    previous = repo.references.get(ref)
    old = previous.target if previous is not None else None
    repo.references.create(ref, pygit2.Oid(hex=written.sha), force=True)
    try:
        push_ref(repo, ref, creds)
    except GitError as exc:
        _restore(repo, ref, old)  # nothing half-done locally either
        code = "CONFLICT" if isinstance(exc, PushRefused) else "UNREACHABLE"
        raise DomainError(code, f"{written.branch}: {exc}") from exc


def _restore(repo: pygit2.Repository, ref: str, old: pygit2.Oid | str | None) -> None:
    if old is None:
        repo.references.delete(ref)
    else:
        repo.references.create(ref, old, force=True)
