"""Project lifecycle: create, sync, delete. The one place that joins Git work and storage.

Git work runs in worker threads; storage writes happen on the event loop afterwards. A
per-project lock serialises syncs inside a process (webhook bursts, polling and mutations can
ask at the same time); the second caller waits and then finds nothing new to do.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import functools
import gc
import hashlib
import logging
import os
import re
import shutil
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from storage import deliveries, index, leases, project_settings, telemetry
from storage.access import Ownership
from storage.errors import DomainError, has_control
from storage.events import (
    experiment_event,
    experiments_channel,
    project_channel,
    project_event,
    registry_channel,
    registry_event,
)
from storage.limits import configured, limits
from storage.models import Project
from storage.project_settings import Change, custom_files, name_taken
from storage.queries import forget_projects
from storage.records import PROJECT_NAME, ProjectRecord
from storage.remotes import opened_settings
from storage.rows import CommitRow, ExperimentRow, TagRow
from storage.sealed import Sealer
from storage.users import builtin_admin_id
from sync import pull_requests
from sync.artifacts import Declarations
from sync.dvcproject import BlobCache
from sync.git import (
    Credentials,
    GitError,
    RefMemos,
    default_branch,
    fetch_mirror,
    head_declarations,
    redact,
    refs_fingerprint,
)
from sync.git_writer import (
    BranchRequest,
    CommitRequest,
    MergeRequest,
    WrittenCommit,
    create_branch,
    delete_branch,
    merge_branch,
    write_commit,
)
from sync.indexer import (
    TAG_MEMO,
    ExperimentRef,
    Reading,
    Revision,
    RevisionBatch,
    ScanResult,
    has_directory,
    plan,
    read_batches,
    read_work,
    skips_studio,
)
from sync.registry import ASSIGN, DEPRECATE, REGISTER, in_subdir, parse_tag_name
from sync.registry_writer import TagRequest, WrittenTag, write_tag
from sync.remote_files import REMOTE_CACHE_DIR, RemoteAccess
from sync.repo_policy import RepoPolicy, check_shape, is_network
from sync.scan_process import ScanProcessError, read_batches_in_child
from sync.write_policy import WriteLimits, check_ref_name, check_tag_input

log = logging.getLogger(__name__)

R = TypeVar("R")
W = TypeVar("W")
R_in = TypeVar("R_in", contravariant=True)
W_out = TypeVar("W_out", covariant=True)


class Work(Protocol[R_in, W_out]):
    """A write on a project's repository (sync.git_writer, sync.registry_writer): a local
    source's refs are read through ``memos``, the syncer's."""

    def __call__(
        self,
        mirror: Path,
        url: str,
        creds: Credentials,
        request: R_in,
        *,
        memos: RefMemos | None = None,
    ) -> W_out: ...


Publish = Callable[[str, bytes], Awaitable[None]]
# Called with a project's id after a committed sync changed what its model registry is
# folded from (tags, declarations): a server folds the new one there (resolvers.registry_folds).
RegistryChanged = Callable[[int], Awaitable[None]]

# Defaults of GITSTUDIO_LEASE_SECONDS / GITSTUDIO_LEASE_WAIT (gitstudio.settings). A lease
# is renewed while its work runs, so a long first index keeps it; a dead holder's lapses.
LEASE_SECONDS = 20.0
LEASE_WAIT = 30.0

# projects.subdir is a CharField(max_length=255) (storage.models.Project): the bound of the
# normalised value, so a longer one is a typed error and never reaches the database.
MAX_SUBDIR_CHARS = 255


@dataclass(frozen=True, slots=True)
class IndexStreaming:
    """How a sync reads and writes at size (gitstudio.settings holds the defaults)."""

    index_batch_rows: int  # revisions read, then written in one transaction, at a time
    parse_cache_entries: int  # parsed blobs (and derived values) the process keeps
    scan_process_revisions: int = 0  # syncs this large read in a child process; 0: never
    scan_process_git_cache_mib: int = 16  # libgit2's object cache in that child


@dataclass(frozen=True, slots=True)
class Planned:
    """What the last sync of a project found, kept with its parse cache: the digest of the
    mirror's ref files (sync.git.refs_fingerprint), the tips column it left (as stored) and
    the refs it read. A sync finding both unchanged has nothing to plan (a no-op sync)."""

    fingerprint: bytes
    ref_tips: str  # projects.ref_tips as stored: compared as a string, never parsed again
    tips: dict[str, str]  # never mutated: shared with the next sync's old tips
    branches: dict[str, str]
    tags: list[TagRow]


@dataclass(frozen=True, slots=True)
class SyncReport:
    project_id: int
    new_commits: int
    new_experiments: int
    removed_experiments: int
    refs_changed: int
    parsed_blobs: int
    seconds: float


class ProjectSyncer:
    def __init__(
        self,
        mirrors_dir: Path,
        credentials: Credentials,
        publish: Publish | None = None,
        owner: str = leases.OWNER,
        author: tuple[str, str] = ("gitstudio", "gitstudio@localhost"),
        sealer: Sealer | None = None,
        lease_seconds: float = LEASE_SECONDS,
        lease_wait: float = LEASE_WAIT,
        policy: RepoPolicy | None = None,
        write_limits: WriteLimits | None = None,
        streaming: IndexStreaming | None = None,
        ref_memos: RefMemos | None = None,
    ) -> None:
        self.author = author  # who the tags gitstudio writes come from
        # The repository access policy (sync.repo_policy). A server always has one; without
        # (tools, benchmarks) API creation admits nothing local and remotes are not checked.
        self.policy = policy
        # Without: the settings the process configured (tools, tests, benchmarks).
        self.write_limits = write_limits or configured(WriteLimits)
        self._cleanups: set[asyncio.Future[None]] = set()  # failed creations being undone
        # Forge tokens at rest; without one (tools, benchmarks) forges cannot be configured.
        self.sealer = sealer
        # The lease owner id; a server sets its claimed one at start (storage.leases.claim).
        self.owner = owner
        self.lease_seconds = lease_seconds
        self.lease_wait = lease_wait
        self._mirrors = mirrors_dir
        self._creds = credentials
        self._publish = publish
        # Set by a server (gitstudio.app.warm_registries); a worker's syncs fold nothing.
        self.registry_changed: RegistryChanged | None = None
        self._locks: dict[int, asyncio.Lock] = {}
        # Parsed blobs per project, least recently synced first; bounded in total by
        # parse_cache_entries (a project's own cache too, while its sync runs).
        self._caches: OrderedDict[int, BlobCache] = OrderedDict()
        self._planned: dict[int, Planned] = {}  # per project whose cache is kept
        self._streaming = streaming  # None: the settings the process configured
        # What this syncer remembers of repositories' ref files (and its watches on them);
        # None: made from the settings the process configured, on first use.
        self._ref_memos = ref_memos

    @property
    def ref_memos(self) -> RefMemos:
        if self._ref_memos is None:
            self._ref_memos = RefMemos.configured()
        return self._ref_memos

    def close(self) -> None:
        """Let go of what the syncer holds outside Python (the watches on refs)."""
        if self._ref_memos is not None:
            self._ref_memos.close()

    @property
    def _remote_cache(self) -> Path:
        """Where the objects read from DVC remotes are kept (sync.remote_files)."""
        return self._mirrors.parent / REMOTE_CACHE_DIR

    def mirror_path(self, project_id: int) -> Path:
        return self._mirrors / f"{project_id}.git"

    async def create(
        self,
        repo_url: str,
        name: str | None,
        subdir: str,
        default_branch: str | None,
        owner: Ownership | None = None,
    ) -> Project:
        """Add a repository as the operator does (CLI, demo): any local path; the built-in
        admin's PRIVATE project unless ``owner`` says otherwise."""
        return await self._create(repo_url, name, subdir, default_branch, None, owner)

    async def create_for_api(
        self,
        repo_url: str,
        name: str | None,
        subdir: str,
        default_branch: str | None,
        owner: Ownership | None = None,
    ) -> Project:
        """Add a repository for an API caller (createProject, POST /api/create-project):
        only what the repository access policy admits (sync.repo_policy); the caller's
        (storage.teams.project_owner), else the built-in admin's."""
        admit = (self.policy or RepoPolicy()).admit
        return await self._create(repo_url, name, subdir, default_branch, admit, owner)

    async def _create(
        self,
        repo_url: str,
        name: str | None,
        subdir: str,
        default_branch: str | None,
        admit: Callable[[str], str] | None,
        owner: Ownership | None = None,
    ) -> Project:
        """Every check before anything is stored; a failure of any kind after that (the
        first sync refused, unreachable, raising, cancelled) removes the row and mirror."""
        max_bytes = (self.policy or RepoPolicy()).max_url_bytes
        repo_url = check_shape(repo_url, max_bytes)
        name = check_name(name or derive_name(repo_url))
        subdir = normalise_subdir(subdir)
        if default_branch is not None:
            check_ref_name(default_branch, "defaultBranch", self.write_limits.max_ref_name_bytes)
        if await Project.exists(name=name):
            raise name_taken(name)
        if admit is not None:
            repo_url = await asyncio.to_thread(admit, repo_url)  # DNS, file system
        if owner is None:
            owner = Ownership(user_id=await builtin_admin_id())
        try:
            project = await Project.create(
                name=name,
                repo_url=repo_url,
                subdir=subdir,
                default_branch=default_branch,
                owner_user_id=owner.user_id,
                owner_team_id=owner.team_id,
                visibility=owner.visibility.value,
            )
        except IntegrityError:  # the same name created since the check above
            raise name_taken(name) from None
        syncing = asyncio.ensure_future(self.sync(project))
        try:
            await asyncio.shield(syncing)
            await project.refresh_from_db()
            if default_branch and f"refs/heads/{default_branch}" not in orjson.loads(
                project.ref_tips
            ):
                raise DomainError(
                    "NOT_FOUND", f"the repository has no branch {default_branch}", "defaultBranch"
                )
        except BaseException:
            # Shielded and kept: a second cancellation must not stop the clean-up half-way.
            cleanup = asyncio.ensure_future(self._discard(project, syncing))
            self._cleanups.add(cleanup)
            cleanup.add_done_callback(self._cleanups.discard)
            await asyncio.shield(cleanup)
            raise
        return project

    async def _discard(self, project: Project, syncing: asyncio.Future[SyncReport]) -> None:
        """Remove a project whose creation failed; its failure is what the caller sees. A
        cancelled caller does not stop the first sync's Git work (a worker thread), so the
        clean-up waits for that sync first: nothing it writes outlives the project."""
        with contextlib.suppress(BaseException):
            await syncing
        try:
            await self.delete(project)
        except Exception:
            log.exception("removing the half-made project %s failed", project.name)

    async def _check_contact(self, url: str) -> None:
        """Before a fetch or push: a network remote's host must still pass the policy (its
        DNS answer may have changed since the project was added); a local repository the
        policy governs must still be the one admitted (RepoPolicy.check_source)."""
        if self.policy is None:
            return
        check = self.policy.check_contact if is_network(url) else self.policy.check_source
        await asyncio.to_thread(check, url)

    async def delete(self, project: Project) -> None:
        async with self._lock(project.id):
            await project.delete()
            forget_projects()
            self._caches.pop(project.id, None)
            self._planned.pop(project.id, None)
            await asyncio.to_thread(shutil.rmtree, self.mirror_path(project.id), True)
            await asyncio.to_thread(shutil.rmtree, self._remote_cache / str(project.id), True)

    async def take_over(self, claim: leases.Claim) -> list[Project]:
        """At a server's start, as ``claim``'s owner: end the leases of its previous boot
        (that work died with the process, which may have left git lock files in those
        mirrors), and return the projects whose creation never finished (never synced) that
        no live instance holds: :meth:`finish_creation` completes them."""
        self.owner = claim.owner
        if claim.previous is not None:
            await self._end_dead_leases(claim.previous)
        others = await leases.held_by_other_boots(claim)
        if others:
            log.error(
                "leases under the instance id %r are held by other boots %s: if another"
                " process runs with this id (GITSTUDIO_INSTANCE_ID), give each its own;"
                " those leases are left to lapse",
                claim.stable_id,
                others,
            )
        free = Q(sync_owner=None) | Q(sync_lease_until__lt=time.time())
        return await Project.filter(free, sync_count=0).order_by("id")

    async def _end_dead_leases(self, dead: str) -> None:
        """Take the leases of ``dead`` (known dead), clear every git lock file it left in
        their mirrors while they are ours (no one else may touch those mirrors then), and
        release them."""
        inherited = await leases.inherit(dead, self.owner, self.lease_seconds)
        if inherited:
            log.info("%s: ended the leases of its previous boot on %s", self.owner, inherited)
        for project_id in inherited:
            try:
                await asyncio.to_thread(clear_stale_locks, self.mirror_path(project_id))
            finally:
                await leases.release(project_id, self.owner)

    async def finish_creation(self, projects: list[Project]) -> None:
        """Sync projects whose creation was interrupted (a crash during createProject):
        once synced they are projects like any other; one that cannot be synced is removed,
        as a createProject that fails leaves nothing."""
        for project in projects:
            try:
                await self.sync(project)
            except DomainError as exc:
                if exc.code == "CONFLICT":  # a live instance is creating it
                    continue
                log.warning("removing %s, never completely created: %s", project.name, exc)
                await self.delete(project)
            except Exception:  # the next start or sync tries again
                log.exception("finishing the creation of %s failed", project.name)

    async def sync(self, project: Project) -> SyncReport:
        # Timed into /metrics (storage.telemetry), its log lines under a job id.
        with telemetry.job_context(), telemetry.timed("sync", project_id=project.id):
            # The lock serialises syncs in this process, the lease across processes.
            async with self._lock(project.id), self._leased(project, "syncing") as lease:
                # A successful sync releases its lease in its final write.
                report = await self._sync(project, lease)
            await self._refresh_pull_requests(project)
        return report

    @contextlib.asynccontextmanager
    async def _leased(self, project: Project, doing: str) -> AsyncIterator[leases.Renewal]:
        """The project's lease, renewed while the block runs; released if the block fails
        (a sync that succeeds has released it in its index write). A lapsed lease taken
        over from another owner first loses the git lock files its holder left behind."""
        taken = await leases.acquire(project.id, self.lease_seconds, self.lease_wait, self.owner)
        if taken is None:
            raise DomainError("CONFLICT", f"another instance is {doing} this project; retry later")
        for column, value in taken.columns.items():
            setattr(project, column, value)
        try:
            if taken.took_over:
                await self._clear_stale_locks(project.id)
            async with leases.renewed(project.id, self.owner, self.lease_seconds) as lease:
                yield lease
        except BaseException:
            await leases.release(project.id, self.owner)
            raise

    async def _clear_stale_locks(self, project_id: int) -> None:
        """Under the project's lease: lock files older than a lease's time to live are a
        dead holder's (a live one renews its lease and never holds a git lock that long);
        younger ones may be a stalled holder's, still in use, and stay."""
        mirror = self.mirror_path(project_id)
        await asyncio.to_thread(clear_stale_locks, mirror, self.lease_seconds)

    async def _refresh_pull_requests(self, project: Project) -> None:
        """Pull requests merged or closed outside gitstudio follow (sync.pull_requests)."""
        try:
            check = self.policy.check_host if self.policy is not None else None
            changed = await pull_requests.refresh(
                project, self.mirror_path(project.id), self.sealer, check
            )
        except Exception:  # a sync succeeded; its pull requests are refreshed next time
            log.exception("refreshing the pull requests of %s failed", project.name)
            return
        for pr in changed:
            detail = {"pullRequest": pr.number, "state": pr.state, "sha": pr.merge_sha}
            await self._emit(
                project_channel(project.id),
                project_event(project.id, f"PULL_REQUEST_{pr.state}", detail),
            )

    def streaming(self) -> IndexStreaming:
        return self._streaming or configured(IndexStreaming)

    def _cache(self, project_id: int) -> BlobCache:
        cache = self._caches.pop(project_id, None)
        if cache is None:
            cache = BlobCache(max_entries=self.streaming().parse_cache_entries)
        self._caches[project_id] = cache  # the most recently used last
        return cache

    def _bound_caches(self) -> None:
        """Drop the caches of the least recently synced projects until all fit the bound."""
        budget = self.streaming().parse_cache_entries
        total = sum(len(c) for c in self._caches.values())
        while total > budget and len(self._caches) > 1:
            project_id, dropped = self._caches.popitem(last=False)
            self._planned.pop(project_id, None)
            total -= len(dropped)

    async def _sync(
        self, project: Project, lease: leases.Renewal, fetch: bool = True
    ) -> SyncReport:
        started = time.perf_counter()
        cache = self._cache(project.id)
        parsed_before = cache.parsed
        mirror = self.mirror_path(project.id)
        known = self._planned.pop(project.id, None)
        if known is not None and known.ref_tips != project.ref_tips:
            known = None  # another instance (or a cut-off sync) wrote the tips since
        # The stored tips, parsed only when they are not the ones the last sync left.
        old_tips: dict[str, str] = known.tips if known else orjson.loads(project.ref_tips)
        # A previous sync committed rows and was cut off before its tips: prune what its
        # rows hold that the refs no longer reach (storage.index.PARTIAL).
        cut_off = old_tips.pop(index.PARTIAL, None) is not None
        # Never synced: whatever a first clone that died half-way left holds nothing indexed.
        fresh_mirror = fetch and project.sync_count == 0
        if fetch:
            await self._check_contact(project.repo_url)
        await self._emit(project_channel(project.id), project_event(project.id, "SYNC_STARTED", {}))
        # One thread for the whole sync: libgit2 objects stay in the thread that made them.
        loop = asyncio.get_running_loop()
        worker = ThreadPoolExecutor(1, thread_name_prefix=f"sync-{project.id}")
        try:
            try:
                result, branch, declared, fingerprint = await loop.run_in_executor(
                    worker,
                    _git_work,
                    mirror,
                    project.repo_url,
                    self._creds,
                    old_tips,
                    project.default_branch,
                    project.registry is None,
                    fetch,
                    fresh_mirror,
                    cut_off,
                    cache,
                    known,
                    self.ref_memos,
                    project.ref_tips,
                    project.import_since,
                )
            except GitError as exc:
                # A lock the dead holder left when its lease was taken over, too young to
                # clear then, would fail every sync from now on: cleared here once it is
                # stale, and only while the mirror is still ours.
                if not lease.lost:
                    await self._clear_stale_locks(project.id)
                await self._failed(project, str(exc))
                raise DomainError("UNREACHABLE", str(exc)) from exc
            batch = to_batch(result, project.default_branch or branch)
            batch.lease_owner = self.owner
            batch.auto_hide_shas = [] if project.auto_hide_unchanged else None
            if declared is not None:
                batch.registry = orjson.dumps(declared.to_json()).decode()
            same_tips = result.tips is old_tips or result.tips == old_tips
            batch.tags_changed = not same_tips and _refs(result.tips, "refs/tags/") != _refs(
                old_tips, "refs/tags/"
            )
            batch.tips_changed = cut_off or not same_tips
            revisions = len(result.commit_shas) + len(result.experiment_refs)
            reading = reading_of(project)
            if revisions:  # what is kept in the DVC cache is read from the project's remote
                reading = replace(reading, remote=await self.remote_access(project))
            rows = self._reader(mirror, result, reading, cache, revisions)
            with telemetry.timed("index", project_id=project.id):  # read and write the rows
                try:
                    changes, new_commits = await self._store(
                        project, lease, batch, rows, revisions, old_tips, worker
                    )
                except ScanProcessError as exc:  # batches written stay (a cut-off sync)
                    await self._failed(project, str(exc))
                    raise DomainError("INTERNAL", str(exc)) from exc
        finally:
            worker.shutdown(wait=False)
            self._bound_caches()
        # After the commit; revisions streamed before the batch count too.
        streamed = 0 if batch.experiments else revisions
        await index.analyze_after(batch, project.sync_count == 0, streamed)
        report = SyncReport(
            project_id=project.id,
            new_commits=len(new_commits),
            new_experiments=len(result.experiment_refs),
            removed_experiments=len(result.removed_experiments),
            refs_changed=0
            if same_tips
            else sum(1 for r, s in result.tips.items() if old_tips.get(r) != s)
            + sum(1 for r in old_tips if r not in result.tips),
            parsed_blobs=cache.parsed - parsed_before,
            seconds=time.perf_counter() - started,
        )
        log.info("synced %s (%s): %s", project.name, redact(project.repo_url), report)
        if not batch.tips_changed and project.id in self._caches:
            # Tips unchanged: the column still holds what was read at the start.
            self._planned[project.id] = Planned(
                fingerprint, project.ref_tips, result.tips, result.branches, result.tags
            )
        await self._announce(project.id, result, new_commits, old_tips, changes, report)
        await _registry_announced(project.id, project.subdir, result, old_tips)
        if self.registry_changed is not None and (batch.tags_changed or batch.registry):
            await self.registry_changed(project.id)  # before syncProject or a write answers
        if revisions > self.streaming().index_batch_rows:
            # A streamed sync's parses are spread over the heap it grew: keeping them would
            # keep most of that heap. The next sync parses the few blobs it needs again.
            cache.keep_only(TAG_MEMO)
            await asyncio.to_thread(_release_memory)
        return report

    async def _failed(self, project: Project, error: str) -> None:
        """Record why a sync failed on the project and announce it."""
        project.last_sync_error = error
        await project.save(update_fields=["last_sync_error"])
        forget_projects()
        await deliveries.enqueue(project.id, deliveries.SYNC_FAILED, {"error": error})
        await self._emit(
            project_channel(project.id),
            project_event(project.id, "SYNC_FAILED", {"error": error}),
        )

    def _reader(
        self, mirror: Path, result: ScanResult, reading: Reading, cache: BlobCache, revisions: int
    ) -> Generator[RevisionBatch, None, None]:
        """The batches of the revisions ``result`` names, read by a child process when
        there are many (sync.scan_process), else in the sync's thread."""
        streaming = self.streaming()
        if 0 < streaming.scan_process_revisions <= revisions:
            return read_batches_in_child(
                mirror,
                result,
                reading,
                cache,
                streaming.index_batch_rows,
                streaming.parse_cache_entries,
                streaming.scan_process_git_cache_mib,
            )
        return read_batches(mirror, result, reading, cache, streaming.index_batch_rows)

    async def remote_access(self, project: Project | ProjectRecord) -> RemoteAccess:
        """How the project's params, metrics and plots kept in its DVC remote are read
        (sync.remote_files): its configured settings opened, the policy when it governs
        the project."""
        bounds = limits()
        governed = self.policy is not None and self.policy.governs(project.repo_url)
        local = not is_network(project.repo_url)
        return RemoteAccess(
            cache_dir=str(self._remote_cache),
            project=str(project.id),
            settings=await opened_settings(project.id, self.sealer),
            policy=self.policy if governed else None,
            repo_dir=os.path.join(project.repo_url, project.subdir) if local else None,
            timeout=bounds.remote_timeout_seconds,
            max_bytes=bounds.max_parse_file_bytes,
            cache_bytes=bounds.remote_cache_bytes,
        )

    async def reread(self, project: Project, work: list[tuple[str, str]]) -> int:
        """Read the revisions ``work`` names ((sha, experiment ref or "")) again and write
        their rows in place: after configureRemote, the rows whose files the remote could
        not give. Under the project's lock and lease, as a sync. Returns the rows written."""
        if not work:
            return 0
        async with self._lock(project.id), self._leased(project, "re-reading") as lease:
            try:
                reading = replace(reading_of(project), remote=await self.remote_access(project))
                mirror, cache = self.mirror_path(project.id), self._cache(project.id)
                batch_rows = self.streaming().index_batch_rows
                for start in range(0, len(work), batch_rows):
                    part = work[start : start + batch_rows]
                    read = read_work(mirror, part, reading, cache, batch_rows)
                    batches = await asyncio.to_thread(list, read)
                    for batch in batches:
                        if lease.lost:
                            raise _lost(project)
                        commits, experiments = revision_rows(batch, [])
                        try:
                            await index.write_rows(project.id, commits, experiments, self.owner)
                        except index.LeaseLost as exc:
                            raise _lost(project) from exc
            finally:
                self._bound_caches()
            await leases.release(project.id, self.owner)
        forget_projects()
        return len(work)

    async def _store(
        self,
        project: Project,
        lease: leases.Renewal,
        batch: index.IndexBatch,
        rows: Generator[RevisionBatch, None, None],
        revisions: int,
        old_tips: dict[str, str],
        worker: ThreadPoolExecutor,
    ) -> tuple[index.IndexChanges, list[str]]:
        """Read ``rows`` in ``worker``, a batch ahead of writing them. What fits one batch
        is written with the refs in one transaction. More streams: each batch commits on
        its own (storage.index.write_rows: whole rows, idempotent, fenced), the refs and
        the new tips last (storage.index.apply_batch), so memory holds two batches, never
        the repository. Returns the changes and the new commits' shas."""
        changes = index.IndexChanges()
        shas: list[str] = []
        streamed = revisions > self.streaming().index_batch_rows
        async with index.bulk_writes() if streamed else contextlib.nullcontext():
            await self._store_rows(
                project, lease, batch, rows, streamed, old_tips, worker, changes, shas
            )
        return changes, shas

    async def _store_rows(
        self,
        project: Project,
        lease: leases.Renewal,
        batch: index.IndexBatch,
        rows: Generator[RevisionBatch, None, None],
        streamed: bool,
        old_tips: dict[str, str],
        worker: ThreadPoolExecutor,
        changes: index.IndexChanges,
        shas: list[str],
    ) -> None:
        loop = asyncio.get_running_loop()
        reading = loop.run_in_executor(worker, next, rows, None)
        try:
            first = True
            while (current := await reading) is not None:
                reading = loop.run_in_executor(worker, next, rows, None)  # the next, meanwhile
                if not streamed:
                    _add_rows(batch, current, shas)
                    continue
                if lease.lost:  # another instance took the project over meanwhile
                    raise _lost(project)
                commits, experiments = revision_rows(current, shas)
                tips = old_tips if first else None  # the first marks the sync as partial
                try:
                    done = await index.write_rows(
                        project.id, commits, experiments, self.owner, tips
                    )
                except index.LeaseLost as exc:
                    raise _lost(project) from exc
                _merge(changes, done)
                first = False
        finally:
            with contextlib.suppress(BaseException):
                await reading  # the worker thread is done with the generator...
            await loop.run_in_executor(worker, rows.close)  # ...which ends in it
        if lease.lost:  # another instance took the project over while the git work ran
            raise _lost(project)
        if batch.auto_hide_shas is not None:
            batch.auto_hide_shas = shas  # every commit read, streamed or in the batch
        try:
            done = await index.apply_batch(project.id, batch)
        except index.LeaseLost as exc:
            raise _lost(project) from exc
        _merge(changes, done)

    async def write_registry(self, project: Project, request: TagRequest) -> WrittenTag:
        """Write a registry tag (sync.registry_writer), then sync so it is indexed at once.
        Under the project's lock and lease: registry writes and syncs of one project, in any
        instance, run one at a time, so counters never collide."""
        check_tag_input(
            self.write_limits,
            request.artifact,
            request.version,
            request.stage,
            request.rev,
            request.message,
        )
        written = await self._write(project, write_tag, request)
        detail = {
            "tag": written.name,
            "action": written.action,
            "model": written.artifact,
            "version": written.version,
            "stage": written.stage,
            "commit": written.target,
            "message": written.message,
        }
        await self._emit(registry_channel(project.id), registry_event(project.id, detail))
        return written  # outgoing webhooks hear of it from the sync that indexed the tag

    async def write_commit(self, project: Project, request: CommitRequest) -> WrittenCommit:
        """Commit edited params (sync.git_writer), then sync so the commit is indexed and
        announced (COMMITS_ADDED, REFS_CHANGED) at once."""
        return await self._write(project, write_commit, request)

    async def write_branch(self, project: Project, request: BranchRequest) -> WrittenCommit:
        """A new branch at an existing commit (sync.git_writer.create_branch), then a sync."""
        return await self._write(project, create_branch, request)

    async def write_merge(self, project: Project, request: MergeRequest) -> WrittenCommit:
        """Merge one branch into another (a pull request), then a sync."""
        return await self._write(project, merge_branch, request)

    async def undo_branch(self, project: Project, request: BranchRequest) -> None:
        """Remove a branch gitstudio just created (its pull request could not be opened)."""
        await self._write(project, delete_branch, request)

    async def _write(self, project: Project, work: Work[R, W], request: R) -> W:
        """``work`` on the repository, then a sync, under the project's lock and lease:
        writes and syncs of one project, in any instance, run one at a time. Once ``work``
        has pushed, the write stands: a sync failing after it is logged, not raised (the
        caller must neither report nor retry a write that happened); the next sync
        indexes it."""
        async with self._lock(project.id), self._leased(project, "writing") as lease:
            await self._check_contact(project.repo_url)
            mirror, url = self.mirror_path(project.id), project.repo_url
            written = await asyncio.to_thread(
                functools.partial(work, memos=self.ref_memos), mirror, url, self._creds, request
            )
            try:
                # The mirror already holds what was just pushed: index it without a second
                # round trip to the remote. The sync releases the lease in its final write.
                await self._sync(project, lease, fetch=False)
            except Exception:
                await leases.release(project.id, self.owner)
                log.exception("indexing %s after a write failed; the next sync will", project.name)
        return written

    async def reconfigure(
        self, project: Project, change: Change, subdir: str | None, branch: str | None = None
    ) -> None:
        """Write a settings change (storage.project_settings) under the project's lock and
        lease, as writes are: no sync of any instance runs meanwhile, so none mixes old and
        new settings or overwrites the re-index it asks for with older tips. ``subdir`` (a
        new one) must be a directory at the head of ``branch`` (the new default branch, when it
        changes too), else of the default branch, checked first (NOT_FOUND)."""
        async with self._lock(project.id), self._leased(project, "syncing"):
            try:
                if subdir is not None:
                    mirror = self.mirror_path(project.id)
                    where = branch or project.default_branch
                    if not await asyncio.to_thread(has_directory, mirror, where, subdir):
                        raise DomainError(
                            "NOT_FOUND", f"the default branch has no directory {subdir!r}", "subdir"
                        )
                await project_settings.reconfigure(project.id, change)
            finally:
                await leases.release(project.id, self.owner)
        forget_projects()

    async def _emit(self, channel: str, message: bytes) -> None:
        if self._publish is not None:
            await self._publish(channel, message)

    async def _announce(
        self,
        project_id: int,
        result: ScanResult,
        shas: list[str],
        old_tips: dict[str, str],
        changes: index.IndexChanges,
        report: SyncReport,
    ) -> None:
        """Tell subscribers what the committed sync changed."""
        channel = project_channel(project_id)
        if shas:
            await self._emit(channel, project_event(project_id, "COMMITS_ADDED", {"shas": shas}))
        same = result.tips is old_tips
        moved = {} if same else {r: s for r, s in result.tips.items() if old_tips.get(r) != s}
        gone = [] if same else [r for r in old_tips if r not in result.tips]
        if moved or gone:
            detail = {"updated": moved, "deleted": gone}
            await self._emit(channel, project_event(project_id, "REFS_CHANGED", detail))
        pushed = [*changes.created, *changes.updated, *changes.linked]
        await deliveries.enqueue_experiments(project_id, pushed)
        for change, ids in (
            ("CREATED", changes.created),
            ("UPDATED", changes.updated),
            ("LINKED", changes.linked),
            ("REMOVED", changes.removed),
        ):
            for exp_id in ids:
                await self._emit(
                    experiments_channel(project_id), experiment_event(project_id, exp_id, change)
                )
        summary = {
            "newCommits": report.new_commits,
            "newExperiments": report.new_experiments,
            "removedExperiments": report.removed_experiments,
            "seconds": report.seconds,
        }
        await self._emit(channel, project_event(project_id, "SYNC_FINISHED", summary))

    def _lock(self, project_id: int) -> asyncio.Lock:
        return self._locks.setdefault(project_id, asyncio.Lock())


# Registry actions that outgoing webhooks announce (storage.deliveries).
_REGISTRY_EVENTS = {
    REGISTER: deliveries.MODEL_REGISTERED,
    ASSIGN: deliveries.STAGE_ASSIGNED,
    DEPRECATE: deliveries.MODEL_DEPRECATED,
}


async def _registry_announced(
    project_id: int, subdir: str, result: ScanResult, old_tips: dict[str, str]
) -> None:
    """MODEL_REGISTERED, STAGE_ASSIGNED, MODEL_DEPRECATED for each GTO tag of the project's
    models that this committed sync found new: written through the API (its write syncs)
    or pushed by the gto CLI alike, and once, by the one sync that indexes it (under the
    project's lease). A sync that found no tag change looks at nothing."""
    if result.tips is old_tips:
        return
    new = {
        ref[len("refs/tags/") :]
        for ref, sha in result.tips.items()
        if ref.startswith("refs/tags/") and old_tips.get(ref) != sha
    }
    for tag in result.tags if new else ():
        parsed = parse_tag_name(tag.name) if tag.name in new else None
        event = _REGISTRY_EVENTS.get(parsed.action or "") if parsed else None
        if parsed is None or event is None or not in_subdir(parsed.artifact, subdir):
            continue
        detail = {
            "tag": tag.name,
            "action": parsed.action,
            "model": parsed.artifact,
            "version": parsed.version,
            "stage": parsed.stage,
            "commit": tag.sha,
            "message": tag.message,
            "tagger": tag.tagger_name,
        }
        await deliveries.enqueue(project_id, event, detail)


def _git_work(
    mirror: Path,
    url: str,
    creds: Credentials,
    old_tips: dict[str, str],
    configured_branch: str | None,
    never_declared: bool,
    fetch: bool = True,
    fresh_mirror: bool = False,
    prune: bool = False,
    memo: BlobCache | None = None,
    known: Planned | None = None,
    ref_memos: RefMemos | None = None,
    stored_tips: str = "",
    since: int | None = None,
) -> tuple[ScanResult, str | None, Declarations | None, bytes]:
    """The blocking part of a sync before its revisions are read, in one worker-thread hop:
    fetch, what changed (sync.indexer.plan), default branch, the models declared at its
    head when that head moved (or was never read), and the digest of the mirror's refs.
    When that digest and the stored tips are those ``known`` (the last sync) found, the
    refs are the ones it read: nothing moved, no plan. So too when a plan of this process
    or an earlier one found them (the mirror's planned file, ``stored_tips`` the projects
    row's ref_tips as stored): the first sync after a restart plans nothing either."""
    if fresh_mirror:
        shutil.rmtree(mirror, ignore_errors=True)
    if fetch:  # after a write the mirror holds its refs already (sync.git_writer._put)
        fetch_mirror(mirror, url, creds, ref_memos)
    # Before the refs are read: refs moving meanwhile make the next digest differ.
    fingerprint = refs_fingerprint(mirror, ref_memos)
    if known is not None and not prune and known.fingerprint == fingerprint:
        result = ScanResult(tips=old_tips, branches=known.branches, tags=known.tags)
    elif not prune and stored_tips and _was_planned(mirror, fingerprint, stored_tips):
        # Tags are written only when the tips changed, which they did not: none are read.
        result = ScanResult(tips=old_tips, branches=_branches(old_tips), tags=[])
    else:
        result = plan(mirror, old_tips, prune, memo, since)
        if not prune and stored_tips and result.tips == old_tips:
            _remember_plan(mirror, fingerprint, stored_tips)
    branch = default_branch(mirror)
    ref = f"refs/heads/{configured_branch or branch}"
    declared = None
    if ref in result.tips and (never_declared or old_tips.get(ref) != result.tips[ref]):
        declared = head_declarations(mirror, result.tips[ref])
    return result, branch, declared, fingerprint


# In a mirror: the digest of the refs fingerprint and the stored ref_tips of a plan that
# found those tips (sync.git writes nothing of that name; git ignores it).
PLANNED_FILE = "gitstudio-planned"


# Which refs count and how tips are read from them: a code change to either must bump it,
# or a mirror's planned file from the older code would keep the older tips after an upgrade.
PLAN_FORMAT = b"gitstudio-plan 1"


def _plan_digest(fingerprint: bytes, stored_tips: str) -> bytes:
    digest = hashlib.blake2b(PLAN_FORMAT, digest_size=20)
    digest.update(fingerprint)
    digest.update(stored_tips.encode())
    return digest.digest()


def _was_planned(mirror: Path, fingerprint: bytes, stored_tips: str) -> bool:
    """Whether a plan found ``stored_tips`` in the mirror's refs as they are now."""
    try:
        remembered = (mirror / PLANNED_FILE).read_bytes()
    except OSError:
        return False
    return remembered == _plan_digest(fingerprint, stored_tips)


def _remember_plan(mirror: Path, fingerprint: bytes, stored_tips: str) -> None:
    """Record that the refs with ``fingerprint`` hold ``stored_tips`` (the tips stay as
    stored, so the pair stays true whatever the index write does), atomically."""
    tmp = mirror / f"{PLANNED_FILE}.tmp"
    try:
        tmp.write_bytes(_plan_digest(fingerprint, stored_tips))
        os.replace(tmp, mirror / PLANNED_FILE)
    except OSError as exc:  # the next cold sync plans: nothing wrong, only slower
        log.warning("cannot record the plan of %s: %s", mirror, exc)


def _branches(tips: dict[str, str]) -> dict[str, str]:
    """The branches of ``tips`` as sync.indexer.read_refs names them."""
    heads = "refs/heads/"
    return {ref[len(heads) :]: sha for ref, sha in tips.items() if ref.startswith(heads)}


def _release_memory() -> None:
    """Hand the memory a large sync freed back to the system (glibc keeps freed heap
    otherwise, and the process would stay at its peak); a no-op elsewhere."""
    gc.collect()  # what the paused collector left (a scan pauses it)
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def clear_stale_locks(mirror: Path, older_than: float = 0.0) -> None:
    """Remove the lock files (``*.lock``: refs, packed-refs, config, HEAD) a process killed
    while it held them left in ``mirror``: git and libgit2 refuse to touch a locked file
    again. Only under the mirror's lease, and only locks older than ``older_than`` seconds
    unless the previous holder is known dead (0)."""
    if not mirror.is_dir():
        return
    cutoff = time.time() - older_than
    # Top-level files and refs only: never a walk of the object store.
    for lock in [*mirror.glob("*.lock"), *(mirror / "refs").rglob("*.lock")]:
        # Gone meanwhile (its holder finished) or not ours to remove: git then says so.
        with contextlib.suppress(OSError):
            if older_than <= 0 or lock.stat().st_mtime < cutoff:
                lock.unlink()


def _lost(project: Project) -> DomainError:
    return DomainError(
        "CONFLICT", f"another instance took over {project.name} during this sync; retry"
    )


def _refs(tips: dict[str, str], prefix: str) -> dict[str, str]:
    return {r: s for r, s in tips.items() if r.startswith(prefix)}


def derive_name(repo_url: str) -> str:
    tail = repo_url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    tail = tail.removesuffix(".git") or "project"
    return re.sub(r"[^A-Za-z0-9._-]", "-", tail)[:100]


def check_name(name: str) -> str:
    """``name`` if a project may be named so, else INVALID."""
    if not PROJECT_NAME.fullmatch(name):
        raise DomainError("INVALID", "name must be 1-100 letters, digits, '.', '_' or '-'", "name")
    return name


def normalise_subdir(subdir: str | None) -> str:
    """``subdir`` as stored: relative, ``/``-separated, without empty or ``.`` parts; a
    typed INVALID for one that leaves the repository or does not fit the column."""
    return relative_path(subdir, "subdir", MAX_SUBDIR_CHARS)


def relative_path(value: str | None, field: str, most: int) -> str:
    """``value`` as a path inside the repository: relative, ``/``-separated, without empty
    or ``.`` parts, at most ``most`` characters; INVALID (on ``field``) for one that leaves
    the repository, names Git's or DVC's own directory or holds control characters."""
    if value and len(value) > 4 * most:  # before any work on a huge value
        raise _too_long(field, most)
    if value and has_control(value):
        raise DomainError("INVALID", f"{field} contains control characters", field)
    if value and value.startswith(("/", "\\")):
        raise DomainError("INVALID", f"{field} is relative to the repository's root", field)
    parts = [p for p in (value or "").replace("\\", "/").split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise DomainError("INVALID", f"{field} must stay inside the repository", field)
    if any(p in (".git", ".dvc") for p in parts):
        raise DomainError("INVALID", f"{field} must not be Git's or DVC's own directory", field)
    normal = "/".join(parts)
    if len(normal) > most:
        raise _too_long(field, most)
    return normal


def _too_long(field: str, most: int) -> DomainError:
    return DomainError("INVALID", f"{field} is longer than {most} characters", field)


def reading_of(project: Project) -> Reading:
    """How the project's revisions are read: its subdir and customFiles."""
    files = custom_files(project.custom_files)
    return Reading(project.subdir, tuple((f.path, f.kind) for f in files))


def _experiment_row(rev: Revision, kind: str, key: str, exp: ExperimentRef | None) -> ExperimentRow:
    c = rev.commit
    return ExperimentRow(
        kind=kind,
        key=key,
        sha=c.sha,
        baseline_sha=exp.baseline_sha if exp else None,
        name=exp.name if exp else None,
        ref=exp.ref if exp else None,
        status="COMPLETED",
        author_name=c.author_name,
        author_email=c.author_email,
        message=c.message,
        created_at=c.committed_at,
        data=rev.data.to_json(),
        hidden=skips_studio(c.message),
    )


def to_batch(result: ScanResult, branch: str | None) -> index.IndexBatch:
    """The refs-level part of a sync's write; rows come from its revision batches (and
    from ``result.commits``/``experiments`` when sync.indexer.scan read them already)."""
    batch = index.IndexBatch(
        tips=result.tips,
        branches=result.branches,
        tags=result.tags,
        removed_experiment_keys=result.removed_experiments,
        membership=result.membership,
        reachable=result.reachable,
        default_branch=branch,
    )
    _add_rows(batch, RevisionBatch(result.commits, result.experiments), [])
    return batch


def revision_rows(
    revisions: RevisionBatch, shas: list[str]
) -> tuple[list[CommitRow], list[ExperimentRow]]:
    """Commit rows and experiment-table rows (one per commit, one per experiment ref) of a
    batch; the commits' shas are added to ``shas``."""
    shas.extend(r.commit.sha for r in revisions.commits)
    experiments = [_experiment_row(r, "COMMIT", r.commit.sha, None) for r in revisions.commits]
    experiments += [
        _experiment_row(e.revision, "EXPERIMENT", e.ref, e) for e in revisions.experiments
    ]
    return [r.commit for r in revisions.commits], experiments


def _add_rows(batch: index.IndexBatch, revisions: RevisionBatch, shas: list[str]) -> None:
    commits, experiments = revision_rows(revisions, shas)
    batch.commits.extend(commits)
    batch.experiments.extend(experiments)


def _merge(into: index.IndexChanges, changes: index.IndexChanges) -> None:
    into.created += changes.created
    into.updated += changes.updated
    into.linked += changes.linked
    into.removed += changes.removed
