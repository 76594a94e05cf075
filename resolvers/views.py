"""Saved views of the experiments table (``saveView``, ``deleteView``, ``Project.views``,
``Project.view``, ``Project.experiments(view:)``, the CSV export's ``view``).

A view's state is stored as JSON (storage.views), version 1::

    {"version": 1, "columns": [column id, ...], "filter": ExperimentFilter | null,
     "orderBy": [ExperimentOrder] | null, "baseline": experiment id | null,
     "goals": {column id: "HIGHER" | "LOWER"}}

``filter`` and ``orderBy`` are the table's arguments in the shape of GraphQL variables, as
schema.views writes them from the inputs and as schema.experiments.table_query reads them,
field by field from strawberry's definitions: a field added to the inputs later is stored
and applied without a change here. Every use of a view reads them through table_query again,
so a stored view is held to the table's own validation.

Who sees which: every reader of the project sees its shared views; a signed-in user also its
own, never another user's (one named by id is NOT_FOUND, as a missing one). The guards
(schema/permissions.py ``on_view``) decide who may save and delete.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from resolvers.context import Context
from resolvers.experiments import column_ids
from resolvers.permissions import caller
from resolvers.trends import goal_column
from storage import goals as column_goals
from storage import views as stored
from storage.errors import DomainError, check_text, encodes
from storage.limits import limits
from storage.records import ExperimentRecord
from storage.views import ViewRecord

VERSION = 1


@dataclass(frozen=True, slots=True)
class ViewState:
    columns: Sequence[str] = ()
    filter: Mapping[str, Any] | None = None  # ExperimentFilter as a GraphQL variable
    order: Sequence[Any] | None = None  # [ExperimentOrder] as a GraphQL variable
    baseline: int | None = None  # an experiment id of the project
    goals: Mapping[str, str] = field(default_factory=dict)  # column id -> HIGHER / LOWER

    def as_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "columns": list(self.columns),
            "filter": self.filter,
            "orderBy": self.order,
            "baseline": self.baseline,
            "goals": dict(self.goals),
        }


def state_of(record: ViewRecord) -> ViewState:
    s = record.state
    return ViewState(
        columns=list(s.get("columns") or ()),
        filter=s.get("filter"),
        order=s.get("orderBy"),
        baseline=s.get("baseline"),
        goals=dict(s.get("goals") or {}),
    )


def table_arguments(state: ViewState) -> dict[str, Any]:
    """The view's ``filter`` and ``orderBy`` as the table's JSON arguments (those it has)."""
    given: dict[str, Any] = {}
    if state.filter is not None:
        given["filter"] = state.filter
    if state.order is not None:
        given["orderBy"] = state.order
    return given


def check_name(name: str) -> str:
    bound = limits().max_view_name_chars
    if not encodes(name):
        raise DomainError("INVALID", "name is not valid text", "name")
    if not name.strip():
        raise DomainError("INVALID", "a view needs a name", "name")
    if len(name) > bound:
        raise DomainError(
            "INVALID",
            f"a view's name is at most {bound} characters (GITSTUDIO_MAX_VIEW_NAME_CHARS)",
            "name",
        )
    check_text(name, "name", 4 * bound)  # control characters (NUL too) are refused
    return name


async def check_columns(project_id: int, columns: Sequence[str]) -> list[str]:
    """The columns a view shows, each once and each a column the project has, at most
    GITSTUDIO_MAX_COLUMNS (a project indexes no more)."""
    bound = limits().max_columns
    if len(columns) > bound:
        raise DomainError(
            "INVALID", f"a view shows at most {bound} columns (GITSTUDIO_MAX_COLUMNS)", "columns"
        )
    if len(set(columns)) != len(columns):
        raise DomainError("INVALID", "a column is listed more than once", "columns")
    if not columns:
        return []
    known = set(await column_ids(project_id))
    for column in columns:
        if column not in known:
            shown = column if encodes(column) and len(column) <= 200 else "a column"
            raise DomainError("INVALID", f"the project has no column {shown!r}", "columns")
    return list(columns)


def check_goals(goals: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Goals per column: column ids a project could index (as setColumnGoal checks them),
    each once, at most GITSTUDIO_MAX_COLUMNS."""
    bound = limits().max_columns
    if len(goals) > bound:
        raise DomainError(
            "INVALID", f"a view holds at most {bound} goals (GITSTUDIO_MAX_COLUMNS)", "goals"
        )
    found: dict[str, str] = {}
    for column, goal in goals:
        try:
            goal_column(column)
        except DomainError as exc:
            raise DomainError(exc.code, exc.message, "goals") from None
        if column in found:
            raise DomainError("INVALID", f"two goals for column {column!r}", "goals")
        if goal not in column_goals.GOALS:
            raise DomainError("INVALID", f"goal must be one of {column_goals.GOALS}", "goals")
        found[column] = goal
    return found


async def save(
    ctx: Context, project_id: int, name: str, shared: bool, state: ViewState
) -> ViewRecord:
    """Create or replace the view ``name`` (shared, or the caller's own) with ``state``,
    whose filter and order the caller checked (schema.views). Nothing is written unless
    every part holds."""
    principal = caller(ctx)
    check_name(name)
    columns = await check_columns(project_id, state.columns)
    if state.baseline is not None:
        row = await ctx.loaders.experiment.load(state.baseline)
        if row is None or row.project_id != project_id:
            raise DomainError("NOT_FOUND", "the baseline is no row of this project", "baseline")
    if not shared and principal.user_id is None:  # it would be saved as a shared view
        raise DomainError("FORBIDDEN", "a view of one's own needs a user's token", "shared")
    owner = None if shared else principal.user_id
    kept = ViewState(columns, state.filter, state.order, state.baseline, state.goals)
    return await stored.save(project_id, owner, name, kept.as_json(), principal.user_id)


async def visible(ctx: Context, view_id: int) -> ViewRecord | None:
    """The view ``view_id`` when the caller may know it exists: a shared one (its project's
    readers are the guard's business), or the caller's own; read once per request."""
    found = await ctx.once(("view", view_id), lambda: stored.by_id(view_id))
    if found is None or found.shared or found.owner_user_id == ctx.viewer.user_id:
        return found
    return None


async def delete(ctx: Context, view_id: int) -> ViewRecord:
    found = await visible(ctx, view_id)
    if found is None or not await stored.delete(view_id):
        raise DomainError("NOT_FOUND", "no such view", "id")
    return found


async def views_of(ctx: Context, project_id: int) -> list[ViewRecord]:
    return await stored.views_of(project_id, ctx.viewer.user_id)


async def named(project_id: int, user_id: int | None, name: str) -> ViewRecord | None:
    """The view ``name`` that user ``user_id`` (None: anonymous) sees: its own of that name
    before the shared one."""
    if len(name) > limits().max_view_name_chars or not encodes(name) or "\x00" in name:
        return None  # no view has such a name
    return await stored.named(project_id, user_id, name)


async def baseline(ctx: Context, record: ViewRecord) -> ExperimentRecord | None:
    """The view's baseline row, None when it has none or the row is gone."""
    row_id = state_of(record).baseline
    if row_id is None:
        return None
    row = await ctx.loaders.experiment.load(row_id)
    return row if row is not None and row.project_id == record.project_id else None


async def shown_columns(project_id: int, record: ViewRecord) -> list[str]:
    """The view's columns that the project still has, in the view's order (the CSV export;
    a column gone since the view was saved is left out)."""
    wanted = state_of(record).columns
    known = set(await column_ids(project_id)) if wanted else set()
    return [c for c in wanted if c in known]
