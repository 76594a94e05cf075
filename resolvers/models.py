"""The model registry of a project: folded from its stored tags (sync.registry) and the
models declared at the default branch's head (sync.artifacts).

Folding is pure and fast (milliseconds for thousands of tags) but not free, so each
process keeps the last registry per project and folds again only after a sync changed
something (the project's ``sync_count``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import orjson

from resolvers.context import Context
from resolvers.permissions import require
from resolvers.replay import Result, once
from storage import db, queries
from storage.errors import DomainError
from storage.limits import configured
from storage.models import Project
from storage.queries import RegistryRows
from storage.records import CommitRecord, TagRecord
from storage.tokens import Scope
from sync.artifacts import Declarations, Declared
from sync.registry import Artifact, CommitFact, Registry, TagFact, Version, fold
from sync.registry_writer import TagRequest


@dataclass(slots=True)
class ProjectRegistry:
    """A project's registry and what its models declare."""

    project_id: int
    registry: Registry
    declared: dict[str, Declared] = field(default_factory=dict)
    declaration_errors: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return sorted(set(self.registry.artifacts) | set(self.declared))

    def artifact(self, name: str) -> Artifact | None:
        return self.registry.artifacts.get(name)

    def versions_at(self, sha: str) -> list[Version]:
        return [
            v
            for a in self.registry.artifacts.values()
            for v in a.versions
            if v.commit == sha and v.is_registered
        ]


@dataclass(frozen=True, slots=True)
class RegistryCache:
    """How many projects' folded registries the process keeps (gitstudio.settings)."""

    registry_cache_projects: int


# (database, project id) -> (sync_count it was folded at, registry); least recently used
# first, at most registry_cache_projects of them.
_cache: OrderedDict[tuple[str, int], tuple[int, ProjectRegistry]] = OrderedDict()


def _keep(key: tuple[str, int], entry: tuple[int, ProjectRegistry]) -> None:
    _cache[key] = entry
    _cache.move_to_end(key)
    bound = max(1, configured(RegistryCache).registry_cache_projects)
    while len(_cache) > bound:
        _cache.popitem(last=False)


async def registries(project_ids: Sequence[int]) -> dict[int, ProjectRegistry]:
    """DataLoader batch function: the registry of each project (cached per sync)."""
    projects = await queries.projects_by_ids(project_ids)
    out: dict[int, ProjectRegistry] = {}
    stale: list[int] = []
    database = db.database_key()
    for pid, project in projects.items():
        cached = _cache.get((database, pid))
        if cached is not None and cached[0] == project.sync_count:
            _cache.move_to_end((database, pid))
            out[pid] = cached[1]
        else:
            stale.append(pid)
    if stale:
        for pid, rows in (await queries.registry_rows(stale)).items():
            built = build(pid, rows)
            _keep((database, pid), (projects[pid].sync_count, built))
            out[pid] = built
    return out


def forget(project_id: int) -> None:
    """Drop a cached registry (after gitstudio itself wrote a tag)."""
    _cache.pop((db.database_key(), project_id), None)


def build(project_id: int, rows: RegistryRows) -> ProjectRegistry:
    declarations = (
        Declarations.from_json(orjson.loads(rows.declarations))
        if rows.declarations
        else Declarations()
    )
    head = rows.commits.get(declarations.head) if declarations.head else None
    registry = fold(
        (_tag(t) for t in rows.tags),
        {sha: _commit(c) for sha, c in rows.commits.items()},
        declarations.index,
        _commit(head) if head else None,
        declarations.stages,
    )
    return ProjectRegistry(project_id, registry, declarations.artifacts, list(declarations.errors))


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
    require(ctx, Scope.READ)
    found = await ctx.loaders.registry.load(project_id)
    assert found is not None
    return found


async def write(
    ctx: Context, project_id: int, request: TagRequest, client_id: str | None = None
) -> tuple[ProjectRegistry, str]:
    """Write one registry tag (MODELS scope), once per clientMutationId; the project's
    registry after it, and the tag."""
    principal = require(ctx, Scope.MODELS)
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project {project_id}", "projectId")

    async def run() -> Result:
        limit = ctx.syncer.write_limits.max_ref_name_bytes  # of the whole tag name
        written = await ctx.syncer.write_registry(
            project, replace(request, tagger=ctx.author, max_name_bytes=limit)
        )
        return {"tag": written.name}

    asked = {"project": project_id, "request": request}
    result = await once(principal, f"registry:{request.action}", client_id, asked, run)
    forget(project_id)
    fresh = (await registries([project_id]))[project_id]
    return fresh, str(result["tag"])
