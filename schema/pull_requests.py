"""Pull requests: where they go (configureForge), what they compare, and merging the ones
gitstudio keeps for plain-Git remotes."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

import orjson
import strawberry
from strawberry.types import Info

from resolvers import pull_requests as resolve
from resolvers.context import Context
from resolvers.permissions import caller
from resolvers.replay import Result, once
from schema.errors import UserError, user_error
from schema.experiments import Comparison, comparison
from schema.permissions import (
    CONFIGURE,
    RUN,
    guard,
    on_project,
    project_at,
    pull_request_at,
)
from schema.relay import Node, decode_id, to_global_id
from storage.errors import DomainError
from storage.models import PullRequest as PullRequestRow
from sync.forges import GITEA, GITHUB, GITLAB
from sync.git_writer import FAST_FORWARD, MERGE_COMMIT, Mergeability


@strawberry.enum
class PullRequestState(Enum):
    OPEN = "OPEN"
    MERGED = "MERGED"
    CLOSED = "CLOSED"


@strawberry.enum(description="How mergePullRequest joins the branches.")
class MergeMethod(Enum):
    MERGE_COMMIT = MERGE_COMMIT
    FAST_FORWARD = FAST_FORWARD


@strawberry.enum(description="Forges pull requests can be opened on.")
class ForgeKind(Enum):
    GITHUB = GITHUB  # also GitHub Enterprise (apiUrl https://HOST/api/v3)
    GITEA = GITEA
    GITLAB = GITLAB


@strawberry.type(
    description="A pull request gitstudio opened: on the project's forge (url links to it), or"
    " kept by gitstudio for a plain-Git remote, where mergePullRequest merges it."
)
class PullRequest(Node):
    row: strawberry.Private[PullRequestRow]
    number: int
    title: str
    body: str
    source_branch: str
    target_branch: str
    url: str | None = strawberry.field(description="On the forge; null in plain-Git mode.")
    forge: ForgeKind | None
    created_by: str
    _merge: strawberry.Private[Mergeability | bool | None] = False

    @strawberry.field
    def state(self) -> PullRequestState:
        return PullRequestState(self.row.state)

    @strawberry.field
    def created_at(self) -> datetime:
        return datetime.fromtimestamp(self.row.created_at, UTC)

    @strawberry.field
    def merged_at(self) -> datetime | None:
        return datetime.fromtimestamp(self.row.merged_at, UTC) if self.row.merged_at else None

    @strawberry.field(description="The commit that merged it (plain-Git mode).")
    def merge_sha(self) -> str | None:
        return self.row.merge_sha

    @strawberry.field(description="The source head: now while open, as merged or closed.")
    async def source_sha(self, info: Info[Context, None]) -> str:
        state = await self._state(info)
        return state.source_sha if state else self.row.source_sha

    @strawberry.field(description="The target head: now while open, as merged or closed.")
    async def target_sha(self, info: Info[Context, None]) -> str | None:
        state = await self._state(info)
        return state.target_sha if state else self.row.target_sha

    @strawberry.field(
        description="Whether it merges without conflicts now; null unless open (or when a"
        " branch is gone)."
    )
    async def mergeable(self, info: Info[Context, None]) -> bool | None:
        state = await self._state(info)
        return None if state is None else not state.conflicts and not state.merged

    @strawberry.field(description="Paths that conflict when merging now.")
    async def conflicts(self, info: Info[Context, None]) -> list[str]:
        state = await self._state(info)
        return list(state.conflicts) if state else []

    @strawberry.field(
        description="The target head and the source head side by side: every param and metric"
        " column, `differing` naming the ones the pull request changes."
    )
    async def comparison(self, info: Info[Context, None]) -> Comparison:
        target, source = await resolve.heads(info.context, self.row, await self._state(info))
        return comparison([r for r in (target, source) if r is not None])

    async def _state(self, info: Info[Context, None]) -> Mergeability | None:
        if self._merge is False:  # computed once per object, in a worker thread
            self._merge = await resolve.merge_state(info.context, self.row)
        return self._merge if isinstance(self._merge, Mergeability) else None


def pull_request_type(row: PullRequestRow) -> PullRequest:
    return PullRequest(
        id=strawberry.ID(to_global_id("PullRequest", row.id)),
        row=row,
        number=row.number,
        title=row.title,
        body=row.body,
        source_branch=row.source_branch,
        target_branch=row.target_branch,
        url=row.url,
        forge=ForgeKind(row.forge) if row.forge else None,
        created_by=row.created_by,
    )


@strawberry.input
class MergePullRequestInput:
    pull_request_id: strawberry.ID
    method: MergeMethod = MergeMethod.MERGE_COMMIT
    client_mutation_id: str | None = None


@strawberry.input
class ClosePullRequestInput:
    pull_request_id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.type
class PullRequestPayload:
    pull_request: PullRequest | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.input(
    description="Where the project's pull requests go. kind null: plain Git (gitstudio keeps"
    " and merges them). apiUrl and repository default from the repository URL."
)
class ConfigureForgeInput:
    project_id: strawberry.ID
    kind: ForgeKind | None = None
    api_url: str | None = None
    repository: str | None = strawberry.field(
        default=None, description="owner/name, or GitLab's group/sub/name."
    )
    token: str | None = strawberry.field(
        default=None, description="Stored encrypted, never returned; null keeps the current."
    )
    client_mutation_id: str | None = None


@strawberry.type
class ForgeSettings:
    kind: ForgeKind | None
    api_url: str | None
    repository: str | None
    has_token: bool


@strawberry.type
class ConfigureForgePayload:
    forge: ForgeSettings | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


def forge_settings(forge: str | None, token: str | None) -> ForgeSettings:
    if not forge:
        return ForgeSettings(kind=None, api_url=None, repository=None, has_token=False)
    stored = orjson.loads(forge)
    return ForgeSettings(
        kind=ForgeKind(stored["kind"]),
        api_url=stored["api_url"],
        repository=stored["repository"],
        has_token=bool(token),
    )


async def _pr_write(
    info: Info[Context, None],
    mutation: str,
    pr_id: strawberry.ID,
    client_id: str | None,
    action: str,
) -> PullRequestPayload:
    ctx = info.context
    try:
        principal = caller(ctx)
        db_id = decode_id(pr_id, "PullRequest")

        async def run() -> Result:
            if action == "CLOSE":
                row = await resolve.close(ctx, db_id)
            else:
                row = await resolve.merge(ctx, db_id, action)
            return {"pullRequest": row.id}

        result = await once(principal, mutation, client_id, {"id": db_id, "do": action}, run)
        row = await resolve.pull_request(ctx, int(result["pullRequest"]))
    except DomainError as exc:
        return PullRequestPayload(errors=[user_error(exc)], client_mutation_id=client_id)
    return PullRequestPayload(pull_request=pull_request_type(row), client_mutation_id=client_id)


@strawberry.type
class PullRequestMutation:
    @strawberry.mutation(
        extensions=guard(on_project(RUN, pull_request_at("input", "pull_request_id"))),
        description="Merge a plain-Git pull request into its target branch: a merge commit, or"
        " a fast-forward; conflicts and a target that moved are CONFLICT, nothing written.",
    )
    async def merge_pull_request(
        self, info: Info[Context, None], input: MergePullRequestInput
    ) -> PullRequestPayload:
        return await _pr_write(
            info, "mergePullRequest", input.pull_request_id, input.client_mutation_id,
            input.method.value,
        )  # fmt: skip

    @strawberry.mutation(
        extensions=guard(on_project(RUN, pull_request_at("input", "pull_request_id"))),
        description="Close a plain-Git pull request without merging it.",
    )
    async def close_pull_request(
        self, info: Info[Context, None], input: ClosePullRequestInput
    ) -> PullRequestPayload:
        return await _pr_write(
            info, "closePullRequest", input.pull_request_id, input.client_mutation_id, "CLOSE"
        )

    @strawberry.mutation(
        extensions=guard(on_project(CONFIGURE, project_at("input", "project_id"))),
        description="Where the project's pull requests go.",
    )
    async def configure_forge(
        self, info: Info[Context, None], input: ConfigureForgeInput
    ) -> ConfigureForgePayload:
        client_id = input.client_mutation_id
        try:
            project = await resolve.configure_forge(
                info.context,
                decode_id(input.project_id, "Project"),
                input.kind.value if input.kind else None,
                input.api_url,
                input.repository,
                input.token,
            )
        except DomainError as exc:
            return ConfigureForgePayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return ConfigureForgePayload(
            forge=forge_settings(project.forge, project.forge_token), client_mutation_id=client_id
        )
