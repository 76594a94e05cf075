"""Hiding rows of the experiments table by hand: ``hideRows`` and ``unhideRows``
(``ExperimentFilter.includeHidden`` shows them again in the table; ``Experiment.hidden``)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import experiments as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.experiments import Experiment, experiment_type
from schema.permissions import RUN, guard, on_project, project_at
from schema.relay import InvalidId, decode_id, from_global_id
from storage.errors import DomainError


@strawberry.input
class HideRowsInput:
    project_id: strawberry.ID
    ids: list[strawberry.ID] = strawberry.field(
        description="Experiment ids (commits, experiments, live runs) of this project: 1 to"
        " 1,000. One that is not (unknown, another project's) is NOT_FOUND and none changes."
    )
    client_mutation_id: str | None = None


@strawberry.type
class HideRowsPayload:
    experiments: list[Experiment] = strawberry.field(
        default_factory=list, description="The rows named, as they now are."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


def _row_ids(ids: list[strawberry.ID]) -> list[int]:
    try:
        return [from_global_id(i, "Experiment")[1] for i in ids]
    except InvalidId as exc:
        raise DomainError("INVALID", str(exc), "ids") from None


async def _set(ctx: Context, input: HideRowsInput, hidden: bool) -> HideRowsPayload:
    """Setting it twice is setting it once: a retry needs no replay (resolvers.replay)."""
    client_id = input.client_mutation_id
    try:
        project_id = decode_id(input.project_id, "Project")
        rows = await resolve.set_hidden(ctx, project_id, _row_ids(input.ids), hidden)
    except DomainError as exc:
        return HideRowsPayload(errors=[user_error(exc)], client_mutation_id=client_id)
    return HideRowsPayload(
        experiments=[experiment_type(r) for r in rows], client_mutation_id=client_id
    )


@strawberry.type
class HiddenRowsMutation:
    @strawberry.mutation(
        description="Hide rows from the experiments table (they stay readable by id, and"
        " come back with ExperimentFilter.includeHidden); a re-sync keeps them hidden.",
        extensions=guard(on_project(RUN, project_at("input", "project_id"))),
    )
    async def hide_rows(self, info: Info[Context, None], input: HideRowsInput) -> HideRowsPayload:
        return await _set(info.context, input, True)

    @strawberry.mutation(
        description="Show hidden rows again (those of '[skip studio]' commits too).",
        extensions=guard(on_project(RUN, project_at("input", "project_id"))),
    )
    async def unhide_rows(self, info: Info[Context, None], input: HideRowsInput) -> HideRowsPayload:
        return await _set(info.context, input, False)
