"""The incremental indexer: what changed in a mirror since the tips seen by the last sync.

Everything here runs in a worker thread. :func:`plan` reads the refs and walks only the
commits that are new since ``old_tips`` (a revwalk that hides the old tips): which revisions
to read, branch membership, removals. :func:`read_batches` then reads those revisions a
batch at a time (each params/metrics blob parsed once thanks to the :class:`BlobCache`), so
what a sync holds in memory is bounded by the batch, not the repository. :func:`scan` does
both at once (small syncs, tools). Writing the result is storage's job.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pygit2
from pygit2.enums import SortMode

from storage.rows import CommitRow, Membership, TagRow
from sync.dvcproject import BlobCache, RevisionData, collect_revision
from sync.git import default_branch, open_mirror
from sync.remote_files import RemoteAccess
from sync.tree import GitTree, LooseObjects

_EXP_REF = re.compile(r"^refs/exps/([0-9a-f]{2})/([0-9a-f]{38})/([^/]+)$")
# A commit whose message holds this (any case) is hidden from the table, as Studio does.
SKIP_STUDIO = "[skip studio]"


def skips_studio(message: str | None) -> bool:
    """Whether a row of this commit message starts hidden (migration 0020 hides the rows
    indexed before by the same rule)."""
    return message is not None and SKIP_STUDIO in message.lower()


@dataclass(frozen=True, slots=True)
class Revision:
    commit: CommitRow
    data: RevisionData


@dataclass(frozen=True, slots=True)
class ExperimentRef:
    ref: str
    baseline_sha: str
    name: str
    revision: Revision


# A branch with more commits of its own than this is walked whole: looking up every
# parent of a long delta costs more than the copy saves.
_COPY_WALK_LIMIT = 1000


@dataclass(slots=True)
class ScanResult:
    tips: dict[str, str]
    branches: dict[str, str]
    tags: list[TagRow]
    # Read by read_batches (or scan): new commits, in walk order, then new or moved
    # experiment refs as (ref, commit sha).
    commit_shas: list[str] = field(default_factory=list)
    experiment_refs: list[tuple[str, str]] = field(default_factory=list)
    commits: list[Revision] = field(default_factory=list)  # filled by scan only
    experiments: list[ExperimentRef] = field(default_factory=list)  # filled by scan only
    removed_experiments: list[str] = field(default_factory=list)
    membership: Membership = field(default_factory=Membership)
    # Set when history was rewritten or refs deleted: every sha still reachable.
    reachable: set[str] | None = None


@dataclass(slots=True)
class RevisionBatch:
    """Some of the revisions a sync reads: commits first, then experiment refs."""

    commits: list[Revision] = field(default_factory=list)
    experiments: list[ExperimentRef] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.commits) + len(self.experiments)


def parse_exp_ref(ref: str) -> tuple[str, str] | None:
    """``refs/exps/ab/cdef.../name`` -> (baseline sha, name); None for DVC's bookkeeping refs."""
    match = _EXP_REF.match(ref)
    return (match[1] + match[2], match[3]) if match else None


def commit_row(commit: pygit2.Commit) -> CommitRow:
    return CommitRow(
        sha=str(commit.id),
        parents=[str(p) for p in commit.parent_ids],
        author_name=commit.author.name,
        author_email=commit.author.email,
        authored_at=commit.author.time,
        committer_name=commit.committer.name,
        committer_email=commit.committer.email,
        committed_at=commit.commit_time,
        offset=commit.commit_time_offset,
        message=commit.message,
    )


def read_refs(
    repo: pygit2.Repository, known: dict[str, str] | None = None, memo: BlobCache | None = None
) -> tuple[dict[str, str], dict[str, str], list[TagRow]]:
    """All indexable refs as {ref: commit sha}, plus branches and tags. A branch or
    experiment ref still pointing at its ``known`` commit is taken as it is (it was peeled
    and checked when first seen), and a tag whose target object ``memo`` knows (objects
    never change) is not read again, which keeps a re-sync of many refs cheap."""
    known = known or {}
    tips: dict[str, str] = {}
    branches: dict[str, str] = {}
    tags: list[TagRow] = []
    for ref in repo.references.iterator():  # the objects: no second lookup by name
        name = ref.name
        if name.startswith("refs/tags/"):
            tag = _known_tag(repo, ref, memo)
            if tag:
                tips[name] = tag.sha
                tags.append(tag)
            continue
        experiment = name.startswith("refs/exps/")
        if not experiment and not name.startswith("refs/heads/"):
            continue
        sha = _unchanged(ref, name, known)
        if sha is None:
            if experiment and parse_exp_ref(name) is None:
                continue  # DVC's bookkeeping refs
            sha = _peel_commit(ref)
            if sha is None:
                continue
        tips[name] = sha
        if not experiment:
            branches[name[len("refs/heads/") :]] = sha
    return tips, branches, tags


def _unchanged(ref: pygit2.Reference, name: str, known: dict[str, str]) -> str | None:
    """The known commit of a direct ref still pointing at it (known refs passed every
    check when first seen)."""
    old = known.get(name)
    if old is None:
        return None
    target = ref.target
    return old if isinstance(target, pygit2.Oid) and str(target) == old else None


def _peel_commit(ref: pygit2.Reference) -> str | None:
    try:
        return str(ref.peel(pygit2.Commit).id)
    except (pygit2.GitError, ValueError, KeyError):
        return None  # a tag on a tree or blob, or a dangling ref


def _known_tag(
    repo: pygit2.Repository, ref: pygit2.Reference, memo: BlobCache | None
) -> TagRow | None:
    if memo is None or ref.type != pygit2.enums.ReferenceType.DIRECT:
        return _tag_info(repo, ref)
    key = (str(ref.target), f"{TAG_MEMO}{ref.name}")
    found = memo.get(*key)
    if found is None:
        found = _tag_info(repo, ref) or _NOT_A_TAG
        memo.put(*key, found)
    return found if isinstance(found, TagRow) else None


_NOT_A_TAG = object()  # memoised: a tag ref that names no commit
TAG_MEMO = "tag:"  # the kind prefix of tags memoised in a BlobCache


def _tag_info(repo: pygit2.Repository, ref: pygit2.Reference) -> TagRow | None:
    sha = _peel_commit(ref)
    if sha is None:
        return None
    target = repo[ref.target]
    name = ref.name[len("refs/tags/") :]
    if isinstance(target, pygit2.Tag):
        tagger = target.tagger
        return TagRow(
            name=name,
            sha=sha,
            annotated=True,
            tagger_name=tagger.name if tagger else None,
            tagger_email=tagger.email if tagger else None,
            tagged_at=tagger.time if tagger else None,
            message=target.message,
            tagger_offset=tagger.offset if tagger else None,
        )
    return TagRow(name, sha, False, None, None, None, None)


def scan(mirror: Path, old_tips: dict[str, str], subdir: str, cache: BlobCache) -> ScanResult:
    """:func:`plan` and every revision it names, read at once."""
    result = plan(mirror, old_tips, memo=cache)
    for batch in read_batches(mirror, result, Reading(subdir), cache, 1 << 30):
        result.commits.extend(batch.commits)
        result.experiments.extend(batch.experiments)
    return result


def plan(
    mirror: Path,
    old_tips: dict[str, str],
    prune: bool = False,
    memo: BlobCache | None = None,
    since: int | None = None,
) -> ScanResult:
    """What changed since ``old_tips``, without reading any revision's files. ``prune``:
    compute every reachable sha even if no ref was rewritten (a sync cut off after writing
    rows for commits its refs may no longer reach). ``memo``: the project's cache, which
    also keeps what each tag object says. ``since`` (the project's importSince, epoch
    seconds): commits committed before it are neither read nor counted reachable (so a
    pruning pass drops them), and experiment refs based on one are removed."""
    with gc_paused():
        return _plan(mirror, old_tips, prune, memo, since)


@dataclass(frozen=True, slots=True)
class Reading:
    """How a project's revisions are read: its DVC root, the files its settings declare
    as params or metrics besides DVC's ((path relative to the root, ``params`` or
    ``metrics``); storage.project_settings) and its DVC remote. Picklable: a child process
    reads with it."""

    subdir: str = ""
    custom_files: tuple[tuple[str, str], ...] = ()
    # How params and metrics kept in the DVC cache are read (sync.remote_files); None: not.
    remote: RemoteAccess | None = None


def read_batches(
    mirror: Path, result: ScanResult, reading: Reading, cache: BlobCache, batch_rows: int
) -> Generator[RevisionBatch, None, None]:
    """The revisions ``result`` names, ``batch_rows`` at a time (the last may be smaller;
    nothing when there is nothing to read). A generator: call it, and ``next`` it, from one
    thread at a time (libgit2 objects are not shared between threads)."""
    return read_work(mirror, in_reading_order(result), reading, cache, batch_rows)


def read_work(
    mirror: Path,
    work: list[tuple[str, str]],
    reading: Reading,
    cache: BlobCache,
    batch_rows: int,
) -> Generator[RevisionBatch, None, None]:
    """:func:`read_batches` of a list of (sha, experiment ref or "") in reading order."""
    repo = open_mirror(mirror)
    loose = LooseObjects(repo)
    for start in range(0, len(work), max(1, batch_rows)):
        batch = RevisionBatch()
        with gc_paused():
            for sha, ref in work[start : start + batch_rows]:
                revision = _revision(repo, _commit(repo, sha), reading, cache, loose)
                if not ref:
                    batch.commits.append(revision)
                    continue
                baseline, name = parse_exp_ref(ref) or ("", "")
                batch.experiments.append(ExperimentRef(ref, baseline, name, revision))
        yield batch


def in_reading_order(result: ScanResult) -> list[tuple[str, str]]:
    """(sha, "") of each new commit in walk order, each followed by (sha, ref) of the
    experiment refs based on it; then the other experiment refs. An experiment shares most
    of its files with its baseline: read next to it, those parses are still in the bounded
    cache (read after all 10,000 commits of a large index, a third of them were parsed again)."""
    new = set(result.commit_shas)
    based: dict[str, list[tuple[str, str]]] = {}
    rest: list[tuple[str, str]] = []
    for ref, sha in result.experiment_refs:
        baseline = (parse_exp_ref(ref) or ("", ""))[0]
        if baseline in new:
            based.setdefault(baseline, []).append((sha, ref))
        else:
            rest.append((sha, ref))
    work: list[tuple[str, str]] = []
    for sha in result.commit_shas:
        work.append((sha, ""))
        work += based.get(sha, ())
    return work + rest


# gc_paused's state: how many callers are inside it, in any thread, and whether the
# collector was enabled when the first of them entered (what the last to leave restores).
_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: for work that creates many containers that
    survive it, and no cycles (a scan's parsed files, its results and cache; a CSV page's
    parsed documents), where collections would promote them and a full collection over a
    server's heap can cost half as much as the work itself. Thread-safe and nestable: the
    first caller in disables the collector, the last out re-enables it only if it was
    enabled when the first came in (a scan thread and a CSV page overlapping do not leave
    it off)."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _plan(
    mirror: Path,
    old_tips: dict[str, str],
    prune: bool,
    memo: BlobCache | None,
    since: int | None = None,
) -> ScanResult:
    repo = open_mirror(mirror)
    tips, branches, tags = read_refs(repo, old_tips, memo)
    result = ScanResult(tips=tips, branches=branches, tags=tags)
    history_tips = {r: s for r, s in tips.items() if not r.startswith("refs/exps/")}
    old_history = {r: s for r, s in old_tips.items() if not r.startswith("refs/exps/")}
    # Only moved or new tips can reach commits the old tips do not: nothing moved, no walk.
    moved = [sha for ref, sha in history_tips.items() if old_history.get(ref) != sha]
    result.commit_shas = _walk(repo, moved, old_history.values(), since) if moved else []
    _scan_branches(repo, branches, old_tips, result)
    _scan_experiments(tips, old_tips, result)
    if since is not None:
        _leave_out_before(repo, since, result)
    if prune or _history_rewritten(repo, history_tips, old_history):
        result.reachable = set(_walk(repo, history_tips.values(), (), since))
    return result


def _leave_out_before(repo: pygit2.Repository, since: int, result: ScanResult) -> None:
    """New or moved experiment refs based on a commit committed before ``since`` are not
    read, and their rows (if an earlier setting indexed them) removed."""
    kept: list[tuple[str, str]] = []
    for ref, sha in result.experiment_refs:
        baseline = repo.get((parse_exp_ref(ref) or ("", ""))[0] or sha)
        if isinstance(baseline, pygit2.Commit) and baseline.commit_time < since:
            result.removed_experiments.append(ref)
        else:
            kept.append((ref, sha))
    result.experiment_refs = kept


def _walk(
    repo: pygit2.Repository, tips: object, hidden: object, since: int | None = None
) -> list[str]:
    """Shas reachable from ``tips`` but not from ``hidden`` (missing hidden objects
    ignored), committed at ``since`` or later when it is given."""
    tip_list = [pygit2.Oid(hex=t) for t in dict.fromkeys(tips)]  # type: ignore[call-overload]
    if not tip_list:
        return []
    walker = repo.walk(tip_list[0], SortMode.TOPOLOGICAL)
    for tip in tip_list[1:]:
        walker.push(tip)
    for old in dict.fromkeys(hidden):  # type: ignore[call-overload]
        oid = pygit2.Oid(hex=old)
        if oid in repo:
            walker.hide(oid)
    if since is not None:
        return [str(c.id) for c in walker if c.commit_time >= since]
    return [str(c.id) for c in walker]


def has_directory(mirror: Path, branch: str | None, path: str) -> bool:
    """Whether the head of ``branch`` (None: the mirror's default branch) holds the
    directory ``path`` (the repository's root: ""); False too without a mirror or branch."""
    try:
        repo = open_mirror(mirror)
        branch = branch or default_branch(mirror)
    except (pygit2.GitError, KeyError):
        return False
    ref = repo.references.get(f"refs/heads/{branch}") if branch else None
    commit = _peel_commit(ref) if ref is not None else None
    if commit is None:
        return False
    return not path or GitTree(repo, _commit(repo, commit).tree).is_dir(path)


def _commit(repo: pygit2.Repository, sha: str) -> pygit2.Commit:
    commit = repo[sha].peel(pygit2.Commit)
    assert isinstance(commit, pygit2.Commit)
    return commit


def _revision(
    repo: pygit2.Repository,
    commit: pygit2.Commit,
    reading: Reading,
    cache: BlobCache,
    loose: LooseObjects | None = None,
) -> Revision:
    tree = GitTree(repo, commit.tree, loose)
    data = collect_revision(
        tree,
        reading.subdir,
        cache,
        custom_files=reading.custom_files,
        remote=reading.remote,
    )
    return Revision(commit=commit_row(commit), data=data)


def _scan_branches(
    repo: pygit2.Repository, branches: dict[str, str], old_tips: dict[str, str], result: ScanResult
) -> None:
    unchanged = {n: t for n, t in branches.items() if old_tips.get(f"refs/heads/{n}") == t}
    for name, sha in branches.items():
        old = old_tips.get(f"refs/heads/{name}")
        if old == sha:
            continue
        if old and pygit2.Oid(hex=old) in repo and repo.descendant_of(sha, old):
            result.membership.added[name] = _walk(repo, [sha], [old])
            continue
        result.membership.rebuilt.add(name)
        based, result.membership.added[name] = _based_on(repo, sha, unchanged)
        if based is not None:
            result.membership.copied[name] = based


def _based_on(
    repo: pygit2.Repository, sha: str, unchanged: dict[str, str]
) -> tuple[str | None, list[str]]:
    """The membership of a new or rebuilt branch: (unchanged branch, commits) when every
    commit reachable from ``sha`` is in ``commits`` or an ancestor of that branch's tip, so
    a branch made on top of another (as gitstudio's own writes make them) copies its rows
    instead of walking the whole history; else (None, every reachable commit)."""
    by_tip = {tip: name for name, tip in unchanged.items()}
    if sha in by_tip:
        return by_tip[sha], []
    delta = _walk(repo, [sha], unchanged.values())
    if not unchanged:  # nothing hidden: the walk was the whole history
        return None, delta
    if not delta or len(delta) > _COPY_WALK_LIMIT:
        # Nothing new (``sha`` is inside another branch's history, e.g. a branch reset back
        # to a merged commit: no boundary to copy from) or too much: walked whole.
        return None, _walk(repo, [sha], [])
    inside = set(delta)
    boundary = {str(parent) for c in delta for parent in _commit(repo, c).parent_ids} - inside
    if not boundary:  # nothing outside: the walk was the whole history
        return None, delta
    tip = boundary.pop() if len(boundary) == 1 else None
    if tip in by_tip:
        return by_tip[tip], delta
    return None, _walk(repo, [sha], [])


def _scan_experiments(tips: dict[str, str], old_tips: dict[str, str], result: ScanResult) -> None:
    # ``tips`` and ``old_tips`` hold only experiment refs that parse (read_refs).
    for ref, sha in tips.items():
        if ref.startswith("refs/exps/") and old_tips.get(ref) != sha:
            result.experiment_refs.append((ref, sha))
    result.removed_experiments = [
        ref for ref in old_tips if ref.startswith("refs/exps/") and ref not in tips
    ]


def _history_rewritten(repo: pygit2.Repository, tips: dict[str, str], old: dict[str, str]) -> bool:
    """True when a branch or tag was deleted, or moved to a commit not descending from its
    old tip."""
    for ref, old_sha in old.items():
        new_sha = tips.get(ref)
        if new_sha is None:
            return True
        if new_sha != old_sha and not (
            pygit2.Oid(hex=old_sha) in repo and repo.descendant_of(new_sha, old_sha)
        ):
            return True
    return False
