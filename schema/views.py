"""Saved views of the experiments table: ``saveView``, ``deleteView``, the ``View`` type
(``Project.views``, ``Project.view(name)``) and the table of a view
(``Project.experiments(view:)``, ``View.experiments``).

A view's ``filter`` and ``order`` are the table's ``ExperimentFilter`` and
``[ExperimentOrder!]`` inputs, stored and answered as JSON in the shape of GraphQL variables
(:func:`schema.experiments.input_json`): a client passes them back as the table's variables
unchanged, and fields the inputs gain later are kept without a change here. Whenever a view
is used they are read through the table's own coercion and checks (table_query).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers import experiments as experiment_resolvers
from resolvers import views as resolve
from resolvers.context import Context
from resolvers.errors import ApiError, not_found
from resolvers.views import ViewState
from schema.errors import UserError, user_error
from schema.experiments import (
    Experiment,
    ExperimentFilter,
    ExperimentOrder,
    experiment_connection,
    experiment_type,
    input_json,
    table_query,
)
from schema.permissions import RUN, guard, on_view, project_at, view_at
from schema.relay import Connection, InvalidId, cursor, decode_id, from_global_id, to_global_id
from schema.scalars import JSON, as_json
from schema.trends import ColumnGoal, ColumnGoalEntry
from storage.errors import DomainError
from storage.queries import ExperimentQuery
from storage.views import ViewRecord


@strawberry.type(
    description="A saved view of the experiments table: the columns shown and their order,"
    " its filter and sort, a baseline row and goals per column. Shared with the project's"
    " readers, or one user's own (seen by nobody else)."
)
class View:
    record: strawberry.Private[ViewRecord]
    id: strawberry.ID
    name: str
    shared: bool
    owner: str | None = strawberry.field(description="The user whose own view it is; null: shared.")
    columns: list[str] = strawberry.field(description="Column ids shown, in their order.")
    filter: JSON | None = strawberry.field(
        description="The table's filter: an ExperimentFilter as JSON, the table's `filter`"
        " variable as is."
    )
    order: JSON | None = strawberry.field(
        description="The table's sort: a list of ExperimentOrder as JSON, the table's"
        " `orderBy` variable as is."
    )
    include_hidden: bool = strawberry.field(
        description="Whether the view shows hidden rows (its filter's includeHidden)."
    )
    created_by: str | None
    updated_by: str | None

    @strawberry.field
    def created_at(self) -> datetime:
        return datetime.fromtimestamp(self.record.created_at, UTC)

    @strawberry.field
    def updated_at(self) -> datetime:
        return datetime.fromtimestamp(self.record.updated_at, UTC)

    @strawberry.field(
        description="Goals of this view, by column id: they override the project's"
        " (Project.columnGoals) for the columns they name."
    )
    def goals(self) -> list[ColumnGoalEntry]:
        goals = resolve.state_of(self.record).goals
        return [ColumnGoalEntry(column=c, goal=ColumnGoal(g)) for c, g in goals.items()]

    @strawberry.field(
        description="The goals this view's table follows, by column id: the project's"
        " (Project.columnGoals) with the view's own over them."
    )
    async def column_goals(self, info: Info[Context, None]) -> list[ColumnGoalEntry]:
        project = await info.context.loaders.column_goals.load(self.record.project_id) or {}
        merged = {**project, **resolve.state_of(self.record).goals}
        return [ColumnGoalEntry(column=c, goal=ColumnGoal(g)) for c, g in sorted(merged.items())]

    @strawberry.field(description="The row deltas are taken from; null: none, or it is gone.")
    async def baseline(self, info: Info[Context, None]) -> Experiment | None:
        found = await resolve.baseline(info.context, self.record)
        return experiment_type(found) if found is not None else None

    @strawberry.field(
        description="The table of this view: its filter and order applied, paged as"
        " Project.experiments."
    )
    async def experiments(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None
    ) -> Connection[Experiment]:
        query = view_query(info, self.record)
        page = await experiment_resolvers.table_page(
            info.context, self.record.project_id, query, first, cursor(after)
        )
        return experiment_connection(page)


def view_type(record: ViewRecord) -> View:
    state = resolve.state_of(record)
    return View(
        record=record,
        id=strawberry.ID(to_global_id("View", record.id)),
        name=record.name,
        shared=record.shared,
        owner=record.owner_name if not record.shared else None,
        columns=list(state.columns),
        filter=as_json(state.filter),
        order=as_json(state.order),
        include_hidden=bool((state.filter or {}).get("includeHidden")),
        created_by=record.created_by,
        updated_by=record.updated_by,
    )


def view_query(
    info: Info[Context, None],
    record: ViewRecord,
    filter: ExperimentFilter | None = None,
    order_by: list[ExperimentOrder] | None = None,
) -> ExperimentQuery:
    """The table query of a view; an explicit ``filter`` or ``orderBy`` replaces the view's
    whole (Project.experiments given a view and either). A stored view no longer valid
    (an input field gone) is BAD_USER_INPUT naming the view."""
    given = resolve.table_arguments(resolve.state_of(record))
    names = info.schema.config.name_converter
    if filter is not None:
        given["filter"] = input_json(filter, names)
    if order_by is not None:
        given["orderBy"] = input_json(order_by, names)
    try:
        return table_query(info.schema, given)
    except ApiError as exc:
        raise ApiError(exc.code, f"view {record.name!r}: {exc.message}") from None


async def named_view(info: Info[Context, None], project_id: int, name: str) -> ViewRecord:
    """The view ``name`` the caller sees in the project; NOT_FOUND when there is none."""
    found = await resolve.named(project_id, info.context.viewer.user_id, name)
    if found is None:
        raise not_found(f"view {name!r}")
    return found


@strawberry.input(description="A goal of a saved view for one column.")
class ViewGoalInput:
    column: str = strawberry.field(description="'param:FILE:PATH' or 'metric:FILE:PATH'.")
    goal: ColumnGoal


@strawberry.input
class SaveViewInput:
    project_id: strawberry.ID
    name: str = strawberry.field(
        description="Saving a name again replaces that view (the shared one, or the caller's"
        " own): at most GITSTUDIO_MAX_VIEW_NAME_CHARS characters."
    )
    shared: bool = strawberry.field(
        default=False,
        description="Shared with the project's readers (needs the EDITOR role), or the"
        " caller's own (any signed-in reader).",
    )
    columns: list[str] | None = strawberry.field(
        default=None,
        description="Column ids of the project to show, in order (at most"
        " GITSTUDIO_MAX_COLUMNS); none: the client's default.",
    )
    filter: ExperimentFilter | None = None
    order: list[ExperimentOrder] | None = None
    baseline: strawberry.ID | None = strawberry.field(
        default=None, description="An experiment of the project, to take deltas from."
    )
    goals: list[ViewGoalInput] | None = strawberry.field(
        default=None, description="Goals overriding the project's for these columns."
    )
    include_hidden: bool | None = strawberry.field(
        default=None,
        description="Show hidden rows: sets the filter's includeHidden (null: as the filter says).",
    )
    client_mutation_id: str | None = None


@strawberry.type
class SaveViewPayload:
    view: View | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.input
class DeleteViewInput:
    id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.type
class DeleteViewPayload:
    deleted_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


def _state(info: Info[Context, None], input: SaveViewInput) -> ViewState:
    """The view's state from the input: filter and order as JSON, each checked by the
    table's own validation (INVALID naming the field)."""
    names = info.schema.config.name_converter
    filter_json = input_json(input.filter, names)
    if input.include_hidden is not None:
        filter_json = {**(filter_json or {}), "includeHidden": input.include_hidden}
    order_json = input_json(input.order, names)
    for field, name, value in (("filter", "filter", filter_json), ("order", "orderBy", order_json)):
        if value is not None:
            try:
                table_query(info.schema, {name: value})
            except ApiError as exc:
                raise DomainError("INVALID", exc.message, field) from None
    baseline = None
    if input.baseline is not None:
        try:
            baseline = from_global_id(input.baseline, "Experiment")[1]
        except InvalidId as exc:
            raise DomainError("INVALID", str(exc), "baseline") from None
    goals = resolve.check_goals([(g.column, g.goal.value) for g in input.goals or []])
    return ViewState(list(input.columns or []), filter_json, order_json, baseline, goals)


async def _shared_asked(_ctx: Context, arguments: Mapping[str, Any]) -> bool:
    return bool(arguments["input"].shared)


async def _shared_view(ctx: Context, arguments: Mapping[str, Any]) -> bool:
    """Whether the view named is shared (one the caller cannot see: the guard's NOT_FOUND)."""
    try:
        found = await resolve.visible(ctx, decode_id(arguments["input"].id, "View"))
    except ApiError:
        return True  # a malformed id: the guard refuses it as it refuses any
    return found is None or found.shared


@strawberry.type
class ViewMutation:
    @strawberry.mutation(
        description="Save a view of the experiments table (create, or replace the view of"
        " that name): shared ones need the EDITOR role; one's own any signed-in reader. At"
        " most GITSTUDIO_MAX_VIEWS_PER_PROJECT shared views, and GITSTUDIO_MAX_VIEWS_PER_USER"
        " of each user, per project (LIMIT_EXCEEDED); GITSTUDIO_MAX_VIEW_BYTES of JSON each"
        " (TOO_LARGE).",
        extensions=guard(on_view(RUN, project_at("input", "project_id"), _shared_asked)),
    )
    async def save_view(self, info: Info[Context, None], input: SaveViewInput) -> SaveViewPayload:
        client_id = input.client_mutation_id
        try:
            project_id = decode_id(input.project_id, "Project")
            state = _state(info, input)
            record = await resolve.save(info.context, project_id, input.name, input.shared, state)
        except DomainError as exc:
            return SaveViewPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return SaveViewPayload(view=view_type(record), client_mutation_id=client_id)

    @strawberry.mutation(
        description="Delete a saved view: one's own, or a shared one with the EDITOR role.",
        extensions=guard(on_view(RUN, view_at("input", "id"), _shared_view)),
    )
    async def delete_view(
        self, info: Info[Context, None], input: DeleteViewInput
    ) -> DeleteViewPayload:
        client_id = input.client_mutation_id
        try:
            gone = await resolve.delete(info.context, decode_id(input.id, "View"))
        except DomainError as exc:
            return DeleteViewPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return DeleteViewPayload(
            deleted_id=strawberry.ID(to_global_id("View", gone.id)), client_mutation_id=client_id
        )


def views_of(records: list[ViewRecord]) -> list[View]:
    return [view_type(r) for r in records]
