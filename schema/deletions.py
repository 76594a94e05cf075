"""Deleting a row of the experiments table: ``deleteExperiment``, for live runs (detached
ones too: started on a commit never pushed). Commits and pushed experiment refs are Git's:
refused with ``IN_GIT``, whose message says how Git removes them."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import experiments as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.permissions import RUN, experiment_at, guard, on_project
from schema.relay import decode_id, to_global_id
from storage.errors import DomainError


@strawberry.input
class DeleteExperimentInput:
    id: strawberry.ID = strawberry.field(description="A live run's Experiment id.")
    client_mutation_id: str | None = None


@strawberry.type
class DeleteExperimentPayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The id of the row deleted."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.type
class DeleteExperimentMutation:
    @strawberry.mutation(
        description="Delete a live run (its metric steps, images and cells with it), detached"
        " or not; REMOVED on experimentEvents. A commit or a pushed experiment ref is IN_GIT:"
        " Git's to remove (`dvc exp remove --git-remote`, `git push --delete`). A run that"
        " keeps sending events comes back as a new row.",
        extensions=guard(on_project(RUN, experiment_at("input", "id", field="id"))),
    )
    async def delete_experiment(
        self, info: Info[Context, None], input: DeleteExperimentInput
    ) -> DeleteExperimentPayload:
        """Deleting twice: the second is NOT_FOUND (the guard finds no row)."""
        client_id = input.client_mutation_id
        try:
            done = await resolve.delete_experiment(info.context, decode_id(input.id, "Experiment"))
        except DomainError as exc:
            return DeleteExperimentPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return DeleteExperimentPayload(
            deleted_id=strawberry.ID(to_global_id("Experiment", done)),
            client_mutation_id=client_id,
        )
