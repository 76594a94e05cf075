"""Commits from the API: running experiments (changed params) and declaring models (an
``artifacts:`` entry of dvc.yaml), each on a branch of the project, optionally with a pull
request."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers import models as model_resolvers
from resolvers import runs as resolve
from resolvers.context import Context
from schema.commits import Commit, commit_type
from schema.errors import UserError, user_error
from schema.models import Model, model_of
from schema.permissions import REGISTRY, RUN, experiment_at, guard, on_project, project_at
from schema.pull_requests import PullRequest, pull_request_type
from schema.relay import decode_id
from schema.scalars import JSON
from storage.errors import DomainError
from sync.git_writer import BRANCH, COMMIT, CommitRequest
from sync.params_edit import ParamChange
from sync.write_policy import ModelDeclaration


@strawberry.enum(description="Where the new commit goes.")
class RunTarget(Enum):
    COMMIT = "COMMIT"
    BRANCH = "BRANCH"
    PULL_REQUEST = "PULL_REQUEST"


@strawberry.input(
    description="One parameter to change, e.g. {file: 'params.yaml', path: 'lr', value: 0.01}."
)
class ParamChangeInput:
    file: str = strawberry.field(description="Relative to the project's DVC root.")
    path: str = strawberry.field(description="Dotted key path; list items by index (layers.0).")
    value: JSON
    new: bool = strawberry.field(
        default=False,
        description="Kept for old clients: only existing keys are changed.",
    )
    retype: bool = strawberry.field(default=False, description="The value may change type.")


@strawberry.input
class RunExperimentInput:
    project_id: strawberry.ID
    base_rev: str = strawberry.field(description="A branch name, or a commit sha.")
    param_changes: list[ParamChangeInput]
    message: str | None = None
    target: RunTarget = RunTarget.COMMIT
    branch: str | None = strawberry.field(
        default=None,
        description="BRANCH, PULL_REQUEST: the new branch. COMMIT: the branch to move when"
        " baseRev is a sha.",
    )
    title: str | None = strawberry.field(
        default=None, description="PULL_REQUEST: its title (default: the commit's first line)."
    )
    body: str | None = strawberry.field(
        default=None, description="PULL_REQUEST: its description (default: the changes)."
    )
    client_mutation_id: str | None = strawberry.field(
        default=None, description="A retry with the same id returns the first result."
    )


@strawberry.type
class RunExperimentPayload:
    commit: Commit | None = None
    branch: str | None = None
    pull_request: PullRequest | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


def _payload(written: resolve.Written, client_id: str | None) -> RunExperimentPayload:
    return RunExperimentPayload(**_written(written, client_id))


def _written(written: resolve.Written, client_id: str | None) -> dict[str, Any]:
    """The fields of a payload of a written commit."""
    pr = written.pull_request
    return {
        "commit": commit_type(written.commit),
        "branch": written.branch,
        "pull_request": pull_request_type(pr) if pr else None,
        "client_mutation_id": client_id,
    }


def _shorten(text: str, limit: int = 200) -> str:
    """A value in a default message or body: whole when short (the bounds on the inputs
    apply to what the caller wrote, not to what gitstudio summarises)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


@strawberry.input
class CreateBranchFromExperimentInput:
    experiment_id: strawberry.ID = strawberry.field(
        description="An experiment ref, or a live run linked to its pushed ref."
    )
    branch: str
    open_pull_request: bool = strawberry.field(
        default=False, description="Into the project's default branch."
    )
    title: str | None = None
    body: str | None = None
    client_mutation_id: str | None = None


@strawberry.input(description="A model declared in the dvc.yaml of the project's DVC root.")
class AddModelInput:
    project_id: strawberry.ID
    name: str = strawberry.field(
        description="Its name in the dvc.yaml (gto's rule: letters, digits, inner '-', '_',"
        " '/'); the model's full name is `subdir:name` in a project with a subdir."
    )
    path: str = strawberry.field(
        description="The model's file or directory, relative to the project's DVC root."
    )
    type: str | None = strawberry.field(default=None, description="e.g. model.")
    description: str | None = None
    labels: list[str] | None = None
    target: RunTarget = strawberry.field(
        default=RunTarget.COMMIT,
        description="COMMIT: onto the default branch; BRANCH: a new branch from it;"
        " PULL_REQUEST: a new branch and a pull request into the default branch.",
    )
    branch: str | None = strawberry.field(
        default=None, description="BRANCH, PULL_REQUEST: the new branch."
    )
    message: str | None = strawberry.field(
        default=None, description="The commit message (default: Add model NAME)."
    )
    title: str | None = strawberry.field(
        default=None, description="PULL_REQUEST: its title (default: the message's first line)."
    )
    body: str | None = None
    client_mutation_id: str | None = strawberry.field(
        default=None, description="A retry with the same id returns the first result."
    )


@strawberry.type
class AddModelPayload(RunExperimentPayload):
    model: Model | None = strawberry.field(
        default=None,
        description="The model as the registry lists it; null unless it was committed onto"
        " the default branch (the registry reads declarations there).",
    )


@strawberry.type
class RunMutation:
    @strawberry.mutation(
        extensions=guard(on_project(RUN, project_at("input", "project_id"))),
        description="Commit changed params on top of baseRev: onto its branch (COMMIT), on a"
        " new branch (BRANCH), or on a new branch with a pull request into baseRev's branch"
        " (PULL_REQUEST; on the project's forge, or kept by gitstudio for plain Git). Pushed"
        " to the project's repository; the commit is indexed and announced at once.",
    )
    async def run_experiment(
        self, info: Info[Context, None], input: RunExperimentInput
    ) -> RunExperimentPayload:
        client_id = input.client_mutation_id
        try:
            changes = [
                ParamChange(c.file, c.path, c.value, c.new, c.retype) for c in input.param_changes
            ]
            summary = _shorten(", ".join(f"{c.path}={_shorten(repr(c.value))}" for c in changes))
            message = input.message or f"Run experiment: {summary}"
            request = CommitRequest(
                input.base_rev,
                changes,
                message,
                COMMIT if input.target is RunTarget.COMMIT else BRANCH,
                input.branch,
            )
            pull = None
            if input.target is RunTarget.PULL_REQUEST:
                body = input.body or "Parameters changed by gitstudio:\n\n" + "\n".join(
                    f"- `{c.file}`: `{c.path}` = `{_shorten(repr(c.value))}`" for c in changes
                )
                pull = resolve.PullRequestText(input.title or message.splitlines()[0], body)
            written = await resolve.run_experiment(
                info.context, decode_id(input.project_id, "Project"), request, pull, client_id
            )
        except DomainError as exc:
            return RunExperimentPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return _payload(written, client_id)

    @strawberry.mutation(
        extensions=guard(on_project(RUN, experiment_at("input", "experiment_id"))),
        description="A new branch at an experiment's commit, pushed to the project's"
        " repository; with openPullRequest, a pull request into the default branch.",
    )
    async def create_branch_from_experiment(
        self, info: Info[Context, None], input: CreateBranchFromExperimentInput
    ) -> RunExperimentPayload:
        client_id = input.client_mutation_id
        try:
            pull = None
            if input.open_pull_request:
                title = input.title or f"Experiment {input.branch}"
                pull = resolve.PullRequestText(title, input.body or "")
            written = await resolve.branch_from_experiment(
                info.context,
                decode_id(input.experiment_id, "Experiment"),
                input.branch,
                pull,
                client_id,
            )
        except DomainError as exc:
            return RunExperimentPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return _payload(written, client_id)

    @strawberry.mutation(
        extensions=guard(on_project(REGISTRY, project_at("input", "project_id"))),
        description="Declare a model: its entry under `artifacts:` of the dvc.yaml at the"
        " project's DVC root (created when absent), written as `dvc` writes it, committed"
        " onto the default branch, on a new branch, or on a new branch with a pull request."
        " A name declared already is CONFLICT.",
    )
    async def add_model(self, info: Info[Context, None], input: AddModelInput) -> AddModelPayload:
        client_id = input.client_mutation_id
        try:
            model = ModelDeclaration(
                input.name, input.path, input.type, input.description, tuple(input.labels or ())
            )
            target = COMMIT if input.target is RunTarget.COMMIT else BRANCH
            pull = None
            if input.target is RunTarget.PULL_REQUEST:
                title = input.title or (input.message or f"Add model {input.name}").splitlines()[0]
                pull = resolve.PullRequestText(title, input.body or "")
            added = await model_resolvers.add_model(
                info.context,
                decode_id(input.project_id, "Project"),
                model,
                target,
                input.branch,
                input.message,
                pull,
                client_id,
            )
        except DomainError as exc:
            return AddModelPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return AddModelPayload(
            model=model_of(added.registry, added.name) if target == COMMIT else None,
            **_written(added.written, client_id),
        )
