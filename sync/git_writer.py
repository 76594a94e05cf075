"""Writing commits: a new commit of edited params files (or of a dvc.yaml declaring a model,
sync.artifacts_edit) on top of a base commit, built in the project's bare mirror without any
working tree, then put on the repository as a new branch or as the next commit of the base
branch.

Nothing is forced: a new branch must not exist, and the base branch must still point at
the base commit (a branch that moved meanwhile is reported, never overwritten, so
concurrent writers cannot lose each other's commits). Every write goes through a
:class:`WriteSession`: the mirror brought up to date, and the way into the repository.

* A repository on this machine is pushed to through ``git receive-pack``
  (sync.receive_pack), never written into directly, so its receive hooks (pre-receive,
  update, post-receive, ...) and receive.* settings apply as to any push: libgit2's local
  transport would run no hooks. receive-pack is started first, so its start-up overlaps
  building the commit; the lease is checked against its advertisement and again by
  receive-pack itself. Git refuses to move the checked-out branch of a working tree.
* A network remote is pushed to by libgit2; over git:// and SSH on a connection opened
  first, whose advertisement spares the fetch when the mirror is current
  (sync.remote_push). A refused push (a hook, a moved ref) removes the mirror's ref again.

What a commit may change is the write policy's (sync.write_policy): params files DVC
reads, keys that exist, inside the project's subdir.

Pull requests merge here too (``merge_branch``): a fast-forward, or a merge commit built
in memory by libgit2 (conflicting paths are reported, nothing is written).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import pygit2
from pygit2.enums import FileMode

from storage.errors import DomainError
from sync import receive_pack, remote_push
from sync.artifacts_edit import declare_model
from sync.git import (
    Credentials,
    GitError,
    PushRefused,
    RefMemos,
    fetch_mirror,
    local_source,
    open_mirror,
    push_ref,
)
from sync.params_edit import ParamChange, edit
from sync.write_policy import (
    ModelDeclaration,
    changes_by_file,
    check_change,
    check_ref_name,
    visible_params,
)

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
    model: ModelDeclaration | None = None  # addModel: this declared instead of ``changes``


@dataclass(frozen=True, slots=True)
class WrittenCommit:
    sha: str
    parent: str
    branch: str


def write_commit(
    mirror: Path,
    url: str,
    creds: Credentials,
    request: CommitRequest,
    *,
    memos: RefMemos | None = None,
) -> WrittenCommit:
    with WriteSession(mirror, url, creds, memos) as session:
        repo = session.repo
        base, branch = _base(repo, request)
        # Objects are written into the mirror; the repository receives them by push.
        tree = _edited_tree(repo, base, request)
        who = pygit2.Signature(request.author[0], request.author[1], int(time.time()), 0)
        oid = repo.create_commit(None, who, who, request.message, tree, [base.id])
        written = WrittenCommit(str(oid), str(base.id), branch)
        _put(session, written, request.target)
    return written


@dataclass(frozen=True, slots=True)
class BranchRequest:
    sha: str  # an existing commit (e.g. a DVC experiment's)
    branch: str


def create_branch(
    mirror: Path,
    url: str,
    creds: Credentials,
    request: BranchRequest,
    *,
    memos: RefMemos | None = None,
) -> WrittenCommit:
    """A new branch at an existing commit (createBranchFromExperiment), put on the
    repository like any other write: never over an existing branch."""
    with WriteSession(mirror, url, creds, memos) as session:
        repo = session.repo
        _new_branch_name(repo, request.branch)
        commit = repo.get(request.sha)
        if not isinstance(commit, pygit2.Commit):
            raise DomainError(
                "NOT_FOUND", f"no commit {request.sha} in the repository", "experimentId"
            )
        parent = str(commit.parents[0].id) if commit.parents else ""
        written = WrittenCommit(request.sha, parent, request.branch)
        _put(session, written, BRANCH)
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
    mirror: Path,
    url: str,
    creds: Credentials,
    request: MergeRequest,
    *,
    memos: RefMemos | None = None,
) -> WrittenCommit:
    """Merge ``request.source`` into ``request.target`` and put the target on the
    repository: CONFLICT when paths conflict, a fast-forward is asked for and impossible, or
    the target moved meanwhile; INVALID when there is nothing to merge."""
    with WriteSession(mirror, url, creds, memos) as session:
        repo = session.repo
        state = mergeability(repo, request.source, request.target)
        if state.merged:
            raise DomainError(
                "INVALID", f"{request.source} is already merged into {request.target}"
            )
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
        _put(session, written, COMMIT)
    return written


def _merge_commit(store: pygit2.Repository, state: Mergeability, request: MergeRequest) -> str:
    src, dst = store.get(state.source_sha), store.get(state.target_sha)
    assert isinstance(src, pygit2.Commit) and isinstance(dst, pygit2.Commit)
    tree = store.merge_commits(dst, src).write_tree(store)
    who = pygit2.Signature(request.author[0], request.author[1], int(time.time()), 0)
    message = request.message or f"Merge branch '{request.source}' into {request.target}"
    return str(store.create_commit(None, who, who, message, tree, [dst.id, src.id]))


def delete_branch(
    mirror: Path,
    url: str,
    creds: Credentials,
    request: BranchRequest,
    *,
    memos: RefMemos | None = None,  # unused: nothing is fetched before the deletion
) -> None:
    """Remove the branch gitstudio just created (the undo of a branch whose pull request
    could not be opened), the way it was put there: so a local repository's hooks run,
    and there only if it still points where gitstudio put it. DomainError when it stays."""
    repo = open_mirror(mirror)
    ref = f"refs/heads/{request.branch}"
    local = local_source(url)
    if local is not None:
        with receive_pack.start(local, url) as receiver:
            _receive(receiver, repo, receive_pack.Update(ref, request.sha, None), request.branch)
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
    if request.model is not None:
        return _tree_with(repo, base.tree, declare_model(repo, base, request.subdir, request.model))
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


class WriteSession:
    """One write's way into the repository: :attr:`repo` is the mirror, brought up to date
    (unless the remote's advertisement shows it is), and :meth:`put` pushes a ref of it.
    Used as a context manager; leaving it ends an unused push connection, changing
    nothing."""

    def __init__(
        self, mirror: Path, url: str, creds: Credentials, memos: RefMemos | None = None
    ) -> None:
        self._creds = creds
        self._receiver: receive_pack.ReceivePack | None = None
        self._remote: remote_push.RemotePush | None = None
        local = local_source(url)
        try:
            if local is not None:
                self._receiver = receive_pack.start(local, url)  # starts while we work
                fetch_mirror(mirror, url, creds, memos)
                self.repo = open_mirror(mirror)
            elif (mirror / "HEAD").exists() and remote_push.connectable(url):
                self.repo = open_mirror(mirror)
                self._remote = remote_push.RemotePush(self.repo, url, creds)
                if not self._remote.mirror_is_current():
                    fetch_mirror(mirror, url, creds)
            else:
                fetch_mirror(mirror, url, creds)
                self.repo = open_mirror(mirror)
        except receive_pack.ReceiveError as exc:
            self.close()
            raise DomainError("UNREACHABLE", str(exc)) from exc
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> WriteSession:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._receiver is not None:
            self._receiver.close()
        if self._remote is not None:
            self._remote.close()

    def put(
        self,
        ref: str,
        new: str,
        old: str | None,
        label: str,
        stale: DomainError | None = None,
    ) -> None:
        """Set the repository's ``ref`` to ``new`` (an object of the mirror) if it is at
        ``old`` (None: absent), and the mirror's with it. ``stale`` when the ref is not
        where ``old`` says, CONFLICT when the repository refuses, UNREACHABLE when it
        cannot be reached; a refusal leaves the mirror's ref as it was."""
        repo = self.repo
        if self._receiver is not None:
            _receive(self._receiver, repo, receive_pack.Update(ref, old, new), label, stale)
            repo.references.create(ref, pygit2.Oid(hex=new), force=True)
            return
        previous = repo.references.get(ref)
        before = previous.target if previous is not None else None
        repo.references.create(ref, pygit2.Oid(hex=new), force=True)
        try:
            if self._remote is not None:
                self._remote.push(ref)
            else:
                push_ref(repo, ref, self._creds)
        except GitError as exc:
            _restore(repo, ref, before)  # nothing half-done locally either
            code = "CONFLICT" if isinstance(exc, PushRefused) else "UNREACHABLE"
            raise DomainError(code, f"{label}: {exc}") from exc


def _put(session: WriteSession, written: WrittenCommit, target: str) -> None:
    """Put ``written`` on the repository: a new branch must not exist, a branch moved
    since its base is not overwritten. The mirror gets the ref too, so the sync after a
    write need not copy refs again."""
    stale = (
        DomainError("DUPLICATE", f"branch {written.branch} exists already", "branch")
        if target == BRANCH
        else DomainError(
            "CONFLICT", f"branch {written.branch} moved; retry from its new tip", "baseRev"
        )
    )
    old = None if target == BRANCH else written.parent
    session.put(f"refs/heads/{written.branch}", written.sha, old, written.branch, stale)


def _receive(
    receiver: receive_pack.ReceivePack,
    mirror: pygit2.Repository,
    update: receive_pack.Update,
    label: str,
    stale: DomainError | None = None,
) -> None:
    """``update`` through receive-pack, with the objects of the mirror the repository
    lacks; the errors as :meth:`WriteSession.put` says."""
    try:
        if update.new is None:
            receiver.push(update, iter(()), 0)
        else:
            has = receiver.holds()
            missing = receive_pack.missing_objects(mirror, pygit2.Oid(hex=update.new), has)
            receiver.push(update, receive_pack.objects_of(mirror, missing), len(missing))
    except receive_pack.ReceiveError as exc:
        raise DomainError("UNREACHABLE", f"{label}: {exc}") from exc
    except receive_pack.Refused as exc:
        if exc.reason == "stale info":
            raise stale or DomainError("CONFLICT", f"{label} moved; retry") from None
        if "checked out" in exc.reason:
            raise DomainError(
                "CONFLICT",
                f"branch {label} is checked out in the repository's working tree; git does"
                " not move it under a working tree (commit to a new branch instead)",
                "branch",
            ) from None
        said = "".join(f"; {line.removeprefix('remote: ')}" for line in exc.messages)
        raise DomainError(
            "CONFLICT",
            f"{label}: the repository refused the push: failed to push some refs"
            f" ({exc.reason}){said}",
        ) from None


def _restore(repo: pygit2.Repository, ref: str, old: pygit2.Oid | str | None) -> None:
    if old is None:
        repo.references.delete(ref)
    else:
        repo.references.create(ref, old, force=True)
