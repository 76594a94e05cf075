"""The model registry of a project: folded from its stored tags (sync.registry) and the
models declared at the default branch's head (sync.artifacts).

Folding 4,000 tags takes a few hundred ms, so each app keeps the folded registries of its
recently read projects (``Caches.registries``, resolvers/caches.py), each with the views
the models query reads (latest version, versions, stage holders, history) computed once. A
kept registry answers while the project's ``sync_count`` is unchanged; after a sync (of any
process) the registry's version (tag count, highest tag id, declarations) says whether it
must be folded again, which happens off the request path (resolvers/registry_folds.py)
while the kept one answers. A model whose tags GTO refuses (several versions at the commit a
stage tag names) carries its error alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from resolvers import pull_requests as prs
from resolvers import runs
from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page, page_size, trim
from resolvers.permissions import caller
from resolvers.replay import Result, once
from storage import db, queries
from storage.caches import MISS, BoundedCache
from storage.errors import DomainError
from storage.models import Project
from storage.queries import RegistryRows, RegistryVersion
from storage.records import CommitRecord, TagRecord
from sync.artifacts import Declarations, Declared
from sync.artifacts_edit import full_name
from sync.git_writer import COMMIT, CommitRequest
from sync.registry import (
    Artifact,
    CommitFact,
    Event,
    Registry,
    RegistryError,
    TagFact,
    Version,
    fold,
    in_subdir,
    parse_tag_name,
)
from sync.registry_writer import TagRequest
from sync.write_policy import (
    ModelDeclaration,
    check_message,
    check_model_input,
    check_pull_text,
    check_ref_name,
)

if TYPE_CHECKING:
    from resolvers.caches import Caches

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ModelSelection:
    """Which models a list keeps: every condition given holds (None: any)."""

    project_ids: tuple[int, ...] | None = None  # Query.models only
    type: str | None = None  # the declared type
    stage: str | None = None  # some version holds it
    name: str | None = None  # a part of the full name, in any case


@dataclass(slots=True)
class ProjectRegistry:
    """A project's registry and what its models declare."""

    project_id: int
    registry: Registry
    declared: dict[str, Declared] = field(default_factory=dict)
    declaration_errors: list[str] = field(default_factory=list)
    # What requests read of the folded registry, computed once: a folded registry is never
    # changed once built (a sync or a write folds a new one), and the views sort every
    # version's events, which a query over 100 models x 20 versions would redo per request.
    _views: dict[tuple[str, str, bool], Any] = field(default_factory=dict)

    def names(self) -> list[str]:
        found = self._views.get(("names", "", False))
        if found is None:
            found = self._views[("names", "", False)] = sorted(
                set(self.registry.artifacts) | set(self.declared) | set(self.registry.errors)
            )
        return list(found)

    def matching(self, wanted: ModelSelection) -> list[str]:
        """Its model names, sorted, that ``wanted``'s type, stage and name keep."""
        part = wanted.name.casefold() if wanted.name is not None else None
        out = []
        for name in self.names():
            if part is not None and part not in name.casefold():
                continue
            declared = self.declared.get(name)
            if wanted.type is not None and (declared is None or declared.type != wanted.type):
                continue
            artifact = self.artifact(name)
            if wanted.stage is not None and not (
                artifact and wanted.stage in self.stages(artifact)
            ):
                continue
            out.append(name)
        return out

    def artifact(self, name: str) -> Artifact | None:
        """The folded artifact; None also when GTO refuses its tags (``error``)."""
        if name in self.registry.errors:
            return None
        return self.registry.artifacts.get(name)

    def error(self, name: str) -> RegistryError | None:
        return self.registry.errors.get(name)

    def latest(self, artifact: Artifact) -> Version | None:
        """The highest active registered version."""
        key = ("latest", artifact.name, False)
        if key not in self._views:
            self._views[key] = artifact.latest(registered_only=True)
        found: Version | None = self._views[key]
        return found

    def versions(self, artifact: Artifact, include_inactive: bool) -> list[Version]:
        key = ("versions", artifact.name, include_inactive)
        found: list[Version] | None = self._views.get(key)
        if found is None:
            found = self._views[key] = artifact.get_versions(
                active_only=not include_inactive,
                include_non_explicit=True,
                include_discovered=True,
            )
        return found

    def stages(self, artifact: Artifact) -> dict[str, list[Version]]:
        """Each stage in use, with the versions holding it (newest assignment first)."""
        key = ("stages", artifact.name, False)
        found: dict[str, list[Version]] | None = self._views.get(key)
        if found is None:
            by_name = {(v.version, v.commit): v for v in artifact.versions}
            found = self._views[key] = {
                stage: [by_name[(h.version, h.commit)] for h in held]
                for stage, held in artifact.vstages(versions_per_stage=-1).items()
            }
        return found

    def history(self, artifact: Artifact) -> list[Event]:
        """Its registry events, newest first (ties by GTO's priority)."""
        key = ("history", artifact.name, False)
        found: list[Event] | None = self._views.get(key)
        if found is None:
            events = [e for e in artifact.events() if e.kind != "commit"]
            events.sort(key=lambda e: (e.created_at, e.priority), reverse=True)
            found = self._views[key] = events
        return found

    def memo(self, kind: str, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per folded registry (e.g. the schema's objects of a view)."""
        key = (kind, name, False)
        if key not in self._views:
            self._views[key] = compute()
        found: T = self._views[key]
        return found

    def versions_at(self, sha: str) -> list[Version]:
        return [
            v
            for a in self.registry.artifacts.values()
            if a.name not in self.registry.errors
            for v in a.versions
            if v.commit == sha and v.is_registered
        ]


# (database, project id) -> (sync_count it was last checked at, the registry version it was
# folded from, registry); at most GITSTUDIO_REGISTRY_CACHE_PROJECTS per app, least recently
# read dropped first.
RegistryEntry = tuple[int, RegistryVersion, ProjectRegistry]
RegistryCache = BoundedCache[tuple[str, int], RegistryEntry]


async def registries(
    project_ids: Sequence[int], caches: Caches | None = None
) -> dict[int, ProjectRegistry]:
    """DataLoader batch function: the registry of each project, kept in ``caches`` (the
    app's; None: read and folded every time).

    A kept registry answers while the project's ``sync_count`` (read with the project row,
    which every request reads anyway) is the one it was checked at. After any sync, of this
    process or another one, the registry's version (tag count, highest tag id, declarations:
    one index walk) says whether the tags changed. A changed one is folded off the request
    path (resolvers.registry_folds) while the kept one answers; only a project with none
    kept (or no room in the warm queue, or whose last fold failed: that drops the kept one)
    is folded on the request."""
    if caches is None:
        return {
            pid: build(pid, rows)
            for pid, rows in (await queries.registry_rows(project_ids)).items()
        }
    projects = await queries.projects_by_ids(project_ids, caches.projects)
    kept = caches.registries
    folds = caches.registry_folds
    out: dict[int, ProjectRegistry] = {}
    unsure: list[int] = []
    database = db.database_key()
    for pid, project in projects.items():
        cached = kept.get((database, pid))
        if cached is not MISS and (
            cached[0] == project.sync_count or folds.warming((database, pid))
        ):
            out[pid] = cached[2]  # current, or the previous one while the new one folds
        else:
            unsure.append(pid)
    stale: list[int] = []
    if unsure:
        versions = await queries.registry_versions(unsure)
        for pid in unsure:
            cached = kept.get((database, pid))
            if cached is not MISS and pid in versions and cached[1] == versions[pid]:
                kept.put((database, pid), (projects[pid].sync_count, cached[1], cached[2]))
                out[pid] = cached[2]
            elif cached is not MISS and folds.request(pid):
                out[pid] = cached[2]
            else:
                stale.append(pid)
    for pid, built in zip(stale, await asyncio.gather(*map(folds.fold, stale)), strict=True):
        if built is not None:  # None: deleted meanwhile
            out[pid] = built
    return out


async def refold(caches: Caches, project_id: int) -> ProjectRegistry:
    """The project's registry as of now (after gitstudio itself wrote to it): the one its
    write's sync folded, else folded now."""
    found = await caches.registry_folds.fold(project_id)
    if found is None:
        raise DomainError("NOT_FOUND", f"no project {project_id}", "projectId")
    return found


def build(project_id: int, rows: RegistryRows) -> ProjectRegistry:
    """The registry of the models in the project's subdir: in a monorepo every project
    stores the repository's tags and declarations, and sees those of its own directory
    (sync.registry.in_subdir) - each model folds from its own tags alone."""
    declarations = (
        Declarations.from_json(orjson.loads(rows.declarations))
        if rows.declarations
        else Declarations()
    )
    head = rows.commits.get(declarations.head) if declarations.head else None
    subdir = rows.subdir
    registry = fold(
        (_tag(t) for t in rows.tags if not subdir or _tag_in_subdir(t.name, subdir)),
        {sha: _commit(c) for sha, c in rows.commits.items()},
        [name for name in declarations.index if in_subdir(name, subdir)],
        _commit(head) if head else None,
        declarations.stages,
    )
    declared = {k: v for k, v in declarations.artifacts.items() if in_subdir(k, subdir)}
    return ProjectRegistry(project_id, registry, declared, list(declarations.errors))


def _tag_in_subdir(tag: str, subdir: str) -> bool:
    parsed = parse_tag_name(tag)
    return parsed is None or in_subdir(parsed.artifact, subdir)  # other tags: fold skips them


def _tag(t: TagRecord) -> TagFact:
    return TagFact(
        t.name,
        t.sha,
        t.tagger_name or "",
        t.tagger_email or "",
        t.tagged_at or 0,
        t.tagger_offset,
        t.message or "",
    )


def _commit(c: CommitRecord) -> CommitFact:
    return CommitFact(
        c.sha,
        c.author_name,
        c.author_email,
        c.committer_name,
        c.committer_email,
        c.committed_at,
        c.commit_offset,
        c.message,
    )


async def project_registry(ctx: Context, project_id: int) -> ProjectRegistry:
    found = await ctx.loaders.registry.load(project_id)
    assert found is not None
    return found


async def write(
    ctx: Context, project_id: int, request: TagRequest, client_id: str | None = None
) -> tuple[ProjectRegistry, str]:
    """Write one registry tag (MODELS scope), once per clientMutationId; the project's
    registry after it, and the tag."""
    principal = caller(ctx)
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project {project_id}", "projectId")
    if not in_subdir(request.artifact, project.subdir or ""):  # its models would not list it
        raise DomainError(
            "INVALID",
            f"model {request.artifact!r} is outside the project's directory {project.subdir!r}"
            f" (name it {project.subdir}:NAME)",
            "model",
        )

    async def run() -> Result:
        limit = ctx.syncer.write_limits.max_ref_name_bytes  # of the whole tag name
        written = await ctx.syncer.write_registry(
            project, replace(request, tagger=ctx.author, max_name_bytes=limit)
        )
        return {"tag": written.name}

    asked = {"project": project_id, "request": request}
    result = await once(principal, f"registry:{request.action}", client_id, asked, run)
    return await refold(ctx.caches, project_id), str(result["tag"])


@dataclass(frozen=True, slots=True)
class AddedModel:
    written: runs.Written
    registry: ProjectRegistry  # the project's, after the write and its sync
    name: str  # the model's full name (``dir:name`` below the repository's root)


async def add_model(
    ctx: Context,
    project_id: int,
    model: ModelDeclaration,
    target: str,
    branch: str | None,
    message: str | None,
    pull: runs.PullRequestText | None,
    client_id: str | None = None,
) -> AddedModel:
    """Declare ``model`` in the dvc.yaml of the project's DVC root (MODELS scope), as a
    commit on the default branch (``target`` COMMIT) or on a new ``branch`` (BRANCH, and
    with ``pull`` a pull request into the default branch): runExperiment's write path
    (resolvers.runs.write_commit), once per clientMutationId."""
    limits = ctx.syncer.write_limits
    check_model_input(limits, model)
    if target == COMMIT and branch is not None:
        raise DomainError(
            "INVALID", "a COMMIT goes onto the default branch; branch is for a new one", "branch"
        )
    if target != COMMIT:
        check_ref_name(branch or "", "branch", limits.max_ref_name_bytes)
    check_message(message, "message", limits.max_message_bytes)
    if pull is not None:
        check_pull_text(limits, pull.title, pull.body)
    project = await prs.get_project(project_id)
    base, _tip = await prs.base_branch(ctx, project, None)
    name = full_name(project.subdir, model.name)
    text = message or f"Add model {name}"
    request = CommitRequest(base, (), text, target, branch, model=model)
    asked = {
        "project": project_id,
        "model": asdict(model),
        "target": target,
        "branch": branch,
        "message": message,
        "pull": pull and asdict(pull),
    }
    written = await runs.write_commit(ctx, project, request, pull, "addModel", client_id, asked)
    return AddedModel(written, await refold(ctx.caches, project_id), name)


# Query.models: at most this many projects named in its filter, and the registries of this
# many readable projects loaded at a time while a page fills (one SQL query and one loader
# batch each; a kept registry is not folded again).
MAX_FILTER_PROJECTS = 100
_PROJECTS_AT_ONCE = 50

Listed = tuple[ProjectRegistry, str]  # a model of Query.models: its project's registry, name


async def list_models(
    ctx: Context, wanted: ModelSelection, first: int | None, after: list[object] | None
) -> Page[Listed]:
    """Models of every project the caller may read (anyone: the PUBLIC ones), by project id
    then name; only the projects up to the end of the page are read."""
    if wanted.project_ids is not None and len(wanted.project_ids) > MAX_FILTER_PROJECTS:
        raise bad_input(f"'projectIds' takes at most {MAX_FILTER_PROJECTS} projects")
    limit = page_size(first, ctx.max_page_size)
    start = _model_cursor(after)
    rows: list[tuple[Listed, list[Any]]] = []
    async for found in _readable_registries(ctx, wanted.project_ids, start[0] - 1 if start else 0):
        names = found.matching(wanted)
        if start is not None and found.project_id == start[0]:
            names = [n for n in names if n > start[1]]
        for name in names[: limit + 1 - len(rows)]:
            rows.append(((found, name), [found.project_id, name]))
        if len(rows) > limit:
            break
    page, more = trim(rows, limit)

    async def count() -> int:
        total = 0
        async for found in _readable_registries(ctx, wanted.project_ids, 0):
            total += len(found.matching(wanted))
        return total

    return Page(page, more, after is not None, count)


async def _readable_registries(
    ctx: Context, only: Sequence[int] | None, after_id: int
) -> AsyncIterator[ProjectRegistry]:
    """The registries of the projects the caller may read above ``after_id``, by id: loaded
    in batches of 1, 2, 4, ... projects, so a page that one project fills folds no other
    (a registry not kept takes ~200 ms to fold at 4,000 tags) and a page over many small
    projects still takes few batches."""
    batch = 1
    while True:
        ids = await queries.visible_project_ids(ctx.viewer, after_id, _PROJECTS_AT_ONCE, only)
        start = 0
        while start < len(ids):
            for found in await ctx.loaders.registry.load_many(ids[start : start + batch]):
                if found is not None:  # deleted meanwhile
                    yield found
            start += batch
            batch = min(batch * 2, _PROJECTS_AT_ONCE)
        if len(ids) < _PROJECTS_AT_ONCE:
            return
        after_id = ids[-1]


def _model_cursor(after: list[object] | None) -> tuple[int, str] | None:
    """(project id, model name) of a Query.models cursor; BAD_USER_INPUT for another list's."""
    if after is None:
        return None
    match after:
        case [int() as pid, str() as name] if not isinstance(pid, bool) and 0 < pid < 2**31:
            return pid, name
    raise bad_input("cursor does not belong to this list")
