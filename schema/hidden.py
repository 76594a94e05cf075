"""Hiding rows of the experiments table and branches by hand: ``hideRows`` and
``unhideRows`` (``ExperimentFilter.includeHidden`` shows rows again in the table,
``Project.branches(includeHidden)`` branches; ``Experiment.hidden``, ``Branch.hidden``)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import experiments as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.experiments import Experiment, experiment_type
from schema.permissions import RUN, guard, on_project, project_at
from schema.projects import Branch, branch_type
from schema.relay import InvalidId, decode_id, from_global_id
from schema.scalars import holds_nul, nul_error
from storage.errors import DomainError


@strawberry.input
class HideRowsInput:
    project_id: strawberry.ID
    ids: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="Experiment ids (commits, experiments, live runs) of this project. One"
        " that is not (unknown, another project's) is NOT_FOUND and none changes.",
    )
    branches: list[str] = strawberry.field(
        default_factory=list,
        description="Branch names of this project: a hidden branch is left out of"
        " Project.branches unless includeHidden (a sync keeps it hidden). One the project"
        " lacks is NOT_FOUND and none changes. 1 to 1,000 ids and branches together.",
    )
    client_mutation_id: str | None = None


@strawberry.type
class HideRowsPayload:
    experiments: list[Experiment] = strawberry.field(
        default_factory=list, description="The rows named, as they now are."
    )
    branches: list[Branch] = strawberry.field(
        default_factory=list, description="The branches named, as they now are."
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
        if holds_nul(input.branches):  # no branch has one (and PostgreSQL refuses it)
            raise DomainError("INVALID", nul_error().message, "branches")
        done = await resolve.set_hidden(
            ctx, project_id, _row_ids(input.ids), hidden, input.branches
        )
    except DomainError as exc:
        return HideRowsPayload(errors=[user_error(exc)], client_mutation_id=client_id)
    return HideRowsPayload(
        experiments=[experiment_type(r) for r in done.rows],
        branches=[branch_type(b) for b in done.branches],
        client_mutation_id=client_id,
    )


@strawberry.type
class HiddenRowsMutation:
    @strawberry.mutation(
        description="Hide rows from the experiments table (they stay readable by id, and"
        " come back with ExperimentFilter.includeHidden) and branches from Project.branches;"
        " a re-sync keeps them hidden.",
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
