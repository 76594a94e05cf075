"""Project root fields and mutations."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import orjson

from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page, cursor_id, page_size, trim
from resolvers.permissions import caller
from resolvers.replay import Result, once
from storage import queries
from storage.access import READ, allows
from storage.errors import DomainError
from storage.models import Project
from storage.queries import forget_projects
from storage.records import ProjectRecord
from storage.roles import Visibility
from storage.teams import project_owner
from sync.service import SyncReport


async def list_projects(
    ctx: Context, first: int | None, after: list[object] | None
) -> Page[ProjectRecord]:
    """The projects the caller may read (anyone: the PUBLIC ones), by id."""
    viewer = ctx.viewer
    limit = page_size(first, ctx.max_page_size)
    after_id = cursor_id(after) or 0
    rows, more = trim(
        [(p, [p.id]) for p in await queries.list_projects(viewer, after_id, limit + 1)], limit
    )
    return Page(rows, more, after is not None, partial(queries.count_projects, viewer))


async def get_project(
    ctx: Context, project_id: int | None, name: str | None
) -> ProjectRecord | None:
    """The project, when the caller may read it: else None, as for one that does not exist."""
    if (project_id is None) == (name is None):
        raise bad_input("give exactly one of 'id' and 'name'")
    if project_id is not None:
        found = await ctx.loaders.project.load(project_id)
    else:
        assert name is not None
        found = await queries.project_by_name(name, ctx.caches.projects)
    return readable(ctx, found)


def readable(ctx: Context, project: ProjectRecord | None) -> ProjectRecord | None:
    """``project`` if the caller may read it (storage.access), else None."""
    if project is None or not allows(ctx.viewer, project, READ):
        return None
    return project


async def create_project(
    ctx: Context,
    repo_url: str,
    name: str | None,
    subdir: str | None,
    default_branch: str | None,
    team: str | None = None,
    visibility: Visibility | None = None,
    client_id: str | None = None,
) -> ProjectRecord:
    """Add and index a repository, the caller's or ``team``'s, once per clientMutationId."""
    principal = caller(ctx)

    async def run() -> Result:
        owner = await project_owner(principal, team, visibility)
        project = await ctx.syncer.create_for_api(
            repo_url, name, subdir or "", default_branch, owner
        )
        return {"project": project.id}

    asked = [repo_url, name, subdir, default_branch, team, visibility and visibility.value]
    result = await once(principal, "createProject", client_id, asked, run)
    project_id = int(result["project"])
    if project_id not in await queries.projects_by_ids([project_id]):
        raise DomainError("NOT_FOUND", f"project {project_id} was deleted since", "id")
    return await _record(project_id)


async def sync_project(ctx: Context, project_id: int) -> tuple[ProjectRecord, SyncReport]:
    """A sync that starts after this call, through the app's scheduler: in process, or a
    queued job whose end it waits for (up to GITSTUDIO_SYNC_WAIT_SECONDS)."""
    project = await _model(project_id)
    report = await ctx.scheduler.sync_now(project)
    return await _record(project_id), report


async def delete_project(
    ctx: Context, project_id: int, client_id: str | None = None
) -> ProjectRecord:
    """Delete a project; a retry under the same clientMutationId gets the deleted project
    again rather than NOT_FOUND."""
    principal = caller(ctx)

    async def run() -> Result:
        project = await _model(project_id)
        record = await _record(project_id)
        await ctx.syncer.delete(project)
        return {"project": orjson.loads(orjson.dumps(record))}  # as a replay will read it

    result = await once(principal, "deleteProject", client_id, project_id, run)
    stored = result["project"]
    return ProjectRecord(
        **{
            **stored,
            "created_at": datetime.fromisoformat(stored["created_at"]),
            "last_synced_at": stored["last_synced_at"]
            and datetime.fromisoformat(stored["last_synced_at"]),
        }
    )


async def update_project(
    ctx: Context, project_id: int, visibility: Visibility | None
) -> ProjectRecord:
    """Change what was given (its visibility); the change reaches every instance within
    the project cache's lifetime (storage.queries), this one at once."""
    project = await _model(project_id)
    if visibility is not None and project.visibility != visibility.value:
        project.visibility = visibility.value
        await project.save(update_fields=["visibility"])
        forget_projects()
    return await _record(project_id)


async def _model(project_id: int) -> Project:
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project with id {project_id}", "id")
    return project


async def _record(project_id: int) -> ProjectRecord:
    return (await queries.projects_by_ids([project_id]))[project_id]
