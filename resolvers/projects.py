"""Project root fields and mutations."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial

import orjson

from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page, cursor_id, page_size, trim
from resolvers.permissions import caller
from resolvers.replay import Result, once
from storage import queries
from storage.access import READ, allows
from storage.errors import DomainError, has_control
from storage.limits import limits
from storage.models import Branch, Project
from storage.project_settings import (
    CUSTOM_SUFFIXES,
    MAX_CUSTOM_PATH,
    MAX_GLOB_CHARS,
    Change,
    CustomFile,
    stored_files,
    stored_filter,
)
from storage.records import ProjectRecord
from storage.roles import Visibility
from storage.teams import project_owner
from sync.scheduling import SYNC_QUEUED, SYNC_RUNNING
from sync.service import SyncReport, check_name, normalise_subdir, relative_path
from sync.write_policy import check_ref_name


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


class Keep:
    """An updateProject field that was omitted: the setting stays as it is."""


KEEP = Keep()


@dataclass(frozen=True, slots=True)
class ProjectUpdate:
    """updateProject's input: :data:`KEEP` for what was omitted. ``import_since`` and
    ``column_limit`` given as None return to none (every commit; GITSTUDIO_MAX_COLUMNS);
    ``columns`` (include, exclude) and ``custom_files`` ((path, kind)) given empty too."""

    visibility: Visibility | Keep = KEEP
    name: str | Keep = KEEP
    default_branch: str | Keep = KEEP
    subdir: str | Keep = KEEP
    import_since: datetime | Keep | None = KEEP
    columns: tuple[Sequence[str], Sequence[str]] | Keep = KEEP
    custom_files: Sequence[tuple[str, str]] | Keep = KEEP
    column_limit: int | Keep | None = KEEP
    auto_hide_unchanged: bool | Keep = KEEP


async def update_project(ctx: Context, project_id: int, asked: ProjectUpdate) -> ProjectRecord:
    """Change what was given, every value checked before anything is written (one typed
    error, nothing changed). A change of what is imported re-indexes the project in the
    background (storage.project_settings; ``Project.syncState`` says REINDEXING until it
    is done); a new default branch is synced (its models are read again). The change
    reaches every instance within the project cache's lifetime (storage.queries), this one
    at once."""
    project = await _model(project_id)
    values: dict[str, object] = {}
    if not isinstance(asked.visibility, Keep):
        values["visibility"] = asked.visibility.value
    if not isinstance(asked.name, Keep):
        values["name"] = check_name(asked.name)
    branch = None
    if not isinstance(asked.default_branch, Keep):
        branch = asked.default_branch
        check_ref_name(branch, "defaultBranch", ctx.syncer.write_limits.max_ref_name_bytes)
        if not await Branch.exists(project_id=project_id, name=branch):
            raise DomainError("NOT_FOUND", f"the project has no branch {branch!r}", "defaultBranch")
        values["default_branch"] = branch
    subdir = None
    if not isinstance(asked.subdir, Keep):
        subdir = values["subdir"] = normalise_subdir(asked.subdir)
    if not isinstance(asked.import_since, Keep):
        values["import_since"] = _epoch(asked.import_since)
    if not isinstance(asked.columns, Keep):
        values["column_filter"] = stored_filter(
            *(_globs(g, f) for g, f in zip(asked.columns, _GLOB_FIELDS, strict=True))
        )
    if not isinstance(asked.custom_files, Keep):
        values["custom_files"] = stored_files(_custom_files(asked.custom_files))
    if not isinstance(asked.column_limit, Keep):
        values["column_limit"] = _column_limit(asked.column_limit)
    if not isinstance(asked.auto_hide_unchanged, Keep):
        values["auto_hide_unchanged"] = int(asked.auto_hide_unchanged)
    current = {k: getattr(project, k) for k in values}
    changed = {k: v for k, v in values.items() if v != current[k]}
    if subdir is not None and "subdir" not in changed:
        subdir = None  # the directory it has: nothing to check
    if changed:
        change = Change(
            values=changed,
            reindex=bool(_IMPORTED.intersection(changed)),
            drop_cells=bool(_CELLS.intersection(changed)),
            forget_registry="default_branch" in changed,
            auto_hide=bool(changed["auto_hide_unchanged"])
            if "auto_hide_unchanged" in changed
            else None,
        )
        await ctx.syncer.reconfigure(project, change, subdir, branch)
        if change.reindex or change.forget_registry:
            await ctx.scheduler.request(project_id, "settings changed")
    return await _record(project_id)


# projects columns whose change changes what is indexed (a full re-index), and which
# columns are stored as cells (they are stored anew).
_IMPORTED = frozenset({"subdir", "import_since", "column_filter", "custom_files", "column_limit"})
_CELLS = frozenset({"column_filter", "column_limit"})
_GLOB_FIELDS = ("columns.include", "columns.exclude")


def _epoch(when: datetime | None) -> int | None:
    if when is None:
        return None
    if when.tzinfo is None:  # a date and time without an offset: UTC
        when = when.replace(tzinfo=UTC)
    if not _EPOCH <= when <= datetime.now(UTC) + timedelta(days=1):
        raise DomainError("INVALID", "importSince must be between 1970 and now", "importSince")
    return int(when.timestamp())


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _globs(globs: Sequence[str], field: str) -> list[str]:
    most = limits().max_column_globs
    if len(globs) > most:
        raise DomainError(
            "INVALID", f"{field} holds at most {most} globs (GITSTUDIO_MAX_COLUMN_GLOBS)", field
        )
    for glob in globs:
        if not 0 < len(glob) <= MAX_GLOB_CHARS or has_control(glob):
            most = MAX_GLOB_CHARS
            message = f"a glob of {field} is 1-{most} characters, no control characters"
            raise DomainError("INVALID", message, field)
    return list(dict.fromkeys(globs))


def _custom_files(files: Sequence[tuple[str, str]]) -> list[CustomFile]:
    most = limits().max_custom_files
    if len(files) > most:
        message = f"customFiles declares at most {most} files (GITSTUDIO_MAX_CUSTOM_FILES)"
        raise DomainError("INVALID", message, "customFiles")
    out: dict[str, CustomFile] = {}
    for path, kind in files:
        normal = relative_path(path, "customFiles", MAX_CUSTOM_PATH)
        if not normal or not normal.endswith(CUSTOM_SUFFIXES[kind]):
            message = f"a {kind} file is named *{', *'.join(CUSTOM_SUFFIXES[kind])}: {normal!r}"
            raise DomainError("INVALID", message, "customFiles")
        if normal in out:
            raise DomainError("INVALID", f"{normal!r} is declared twice", "customFiles")
        out[normal] = CustomFile(normal, kind)
    return list(out.values())


def _column_limit(limit: int | None) -> int | None:
    most = limits().max_columns
    if limit is not None and not 1 <= limit <= most:
        message = f"columnLimit must be between 1 and {most} (GITSTUDIO_MAX_COLUMNS)"
        raise DomainError("INVALID", message, "columnLimit")
    return limit


async def sync_state(ctx: Context, project: ProjectRecord) -> str:
    """What the project's syncing is doing (schema.projects.SyncState): a re-index a
    settings change asked for first (FAILED when its last sync failed and none is under
    way), then a sync running (the scheduler's, or any holder of the project's lease),
    one queued, the last sync's failure, else IDLE."""
    scheduled = await ctx.scheduler.state(project.id)
    leased = (
        project.sync_owner is not None
        and project.sync_lease_until is not None
        and project.sync_lease_until > time.time()
    )
    busy = scheduled is not None or leased
    if project.reindex:
        return "FAILED" if project.last_sync_error and not busy else "REINDEXING"
    if scheduled == SYNC_RUNNING or leased:
        return "SYNCING"
    if scheduled == SYNC_QUEUED:
        return "QUEUED"
    return "FAILED" if project.last_sync_error else "IDLE"


async def _model(project_id: int) -> Project:
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project with id {project_id}", "id")
    return project


async def _record(project_id: int) -> ProjectRecord:
    return (await queries.projects_by_ids([project_id]))[project_id]
