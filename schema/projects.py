"""Projects: the root of every read, and the mutations that add, sync and delete them."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers import branches as branch_resolvers
from resolvers import commits as commit_resolvers
from resolvers import compare as compare_resolvers
from resolvers import experiments as experiment_resolvers
from resolvers import models as model_resolvers
from resolvers import plots as plot_resolvers
from resolvers import projects as resolve
from resolvers import pull_requests as pr_resolvers
from resolvers import remotes as remote_resolvers
from resolvers import trends as trend_resolvers
from resolvers.compare import MAX_IDS
from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.models import ModelSelection
from resolvers.pagination import page_size
from resolvers.plots import Charts
from resolvers.trends import MAX_TREND_COLUMNS, TREND_PAGE
from schema.commits import Commit, commit_connection, commit_type
from schema.errors import UserError, user_error
from schema.experiments import (
    Column,
    ColumnKind,
    Comparison,
    Experiment,
    ExperimentFilter,
    ExperimentOrder,
    column_type,
    comparison,
    experiment_connection,
    experiment_type,
    filter_args,
    order_args,
)
from schema.models import Model, ModelFilter, listed_model, model_of, models_of, selection
from schema.permissions import (
    ADMINISTER,
    SYNC,
    anyone,
    guard,
    on_project,
    project_at,
    signed_in,
)
from schema.plots import Plot, PlotError, plot_errors_of, plots_of
from schema.pull_requests import (
    ForgeSettings,
    PullRequest,
    PullRequestState,
    forge_settings,
    pull_request_type,
)
from schema.relay import (
    Connection,
    InvalidId,
    Node,
    connection,
    decode_cursor,
    decode_id,
    from_global_id,
    to_global_id,
)
from schema.remotes import DvcRemote, dvc_remote
from schema.scalars import git_time
from schema.trends import ColumnGoalEntry, TrendPoint, goal_entries, trend_point
from storage import queries
from storage.cells import split_column_key
from storage.errors import DomainError
from storage.models import PullRequest as PullRequestRow
from storage.records import BranchRecord, ProjectRecord, TagRecord
from storage.roles import Visibility
from storage.tokens import Scope
from sync.service import SyncReport

strawberry.enum(  # storage.roles.Visibility is the GraphQL enum itself
    Visibility,
    description="Who may read a project: PRIVATE its owner (a user, or a team's members by"
    " role) and site admins; TEAM the same for a team's project; PUBLIC anyone, even"
    " without a token.",
)


def column_cursor(after: str | None) -> tuple[str, str, str] | None:
    try:
        return split_column_key(after) if after is not None else None
    except ValueError as exc:
        raise bad_input(f"'after' must be a column id: {exc}") from None


def cursor(after: str | None) -> list[object] | None:
    try:
        return decode_cursor(after) if after else None
    except InvalidId as exc:
        raise bad_input(str(exc)) from None


@strawberry.type
class Branch:
    record: strawberry.Private[BranchRecord]
    name: str
    sha: str

    @strawberry.field
    async def commit(self, info: Info[Context, None]) -> Commit | None:
        found = await info.context.loaders.commit.load((self.record.project_id, self.sha))
        return commit_type(found) if found else None

    @strawberry.field(
        description="Commits of this branch's history that the default branch's lacks (the"
        " default branch: its whole history)."
    )
    async def own_commits(self, info: Info[Context, None]) -> int:
        return (await branch_resolvers.shape(info.context, self.record)).own_commits

    @strawberry.field(description="The other branches whose history holds this branch's head.")
    async def merged_into(self, info: Info[Context, None]) -> list[str]:
        return list((await branch_resolvers.shape(info.context, self.record)).merged_into)

    @strawberry.field(
        description="A branch other than the default one without commits of its own: Studio"
        " folds it into the table's other rows."
    )
    async def folded(self, info: Info[Context, None]) -> bool:
        shape = await branch_resolvers.shape(info.context, self.record)
        project = await info.context.loaders.project.load(self.record.project_id)
        default = project.default_branch if project else None
        return self.name != default and shape.own_commits == 0


@strawberry.type
class Tag:
    record: strawberry.Private[TagRecord]
    name: str
    sha: str = strawberry.field(description="The commit the tag points at.")
    annotated: bool
    message: str | None

    @strawberry.field
    def tagged_at(self) -> datetime | None:
        return git_time(self.record.tagged_at) if self.record.tagged_at is not None else None

    @strawberry.field
    def tagger_name(self) -> str | None:
        return self.record.tagger_name


@strawberry.type(description="A Git repository (or a sub-directory of one) of an ML project.")
class Project(Node):
    record: strawberry.Private[ProjectRecord]
    name: str
    repo_url: str
    subdir: str
    default_branch: str | None
    created_at: datetime
    last_synced_at: datetime | None
    last_sync_error: str | None

    @strawberry.field
    def database_id(self) -> int:
        return self.record.id

    @strawberry.field(description="Who may read it besides its owner and site admins.")
    def visibility(self) -> Visibility:
        return Visibility(self.record.visibility)

    @strawberry.field
    async def branches(self, info: Info[Context, None]) -> list[Branch]:
        rows = await info.context.loaders.branches.load(self.record.id) or []
        return [Branch(record=b, name=b.name, sha=b.sha) for b in rows]

    @strawberry.field
    async def tags(self, info: Info[Context, None]) -> list[Tag]:
        rows = await info.context.loaders.tags.load(self.record.id) or []
        return [
            Tag(record=t, name=t.name, sha=t.sha, annotated=t.annotated, message=t.message)
            for t in rows
        ]

    @strawberry.field(description="Commits newest first; all commits when branch is omitted.")
    async def commits(
        self,
        info: Info[Context, None],
        branch: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Commit]:
        page = await commit_resolvers.commits(
            info.context, self.record.id, branch, first, cursor(after)
        )
        return commit_connection(page)

    @strawberry.field(description="A commit by full sha or unique prefix (7+ characters).")
    async def commit(self, info: Info[Context, None], sha: str) -> Commit | None:
        found = await commit_resolvers.commit(info.context, self.record.id, sha)
        return commit_type(found) if found else None

    @strawberry.field(description="The experiments table: commits, experiment refs and live runs.")
    async def experiments(
        self,
        info: Info[Context, None],
        filter: ExperimentFilter | None = None,
        order_by: list[ExperimentOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Experiment]:
        page = await experiment_resolvers.experiments(
            info.context,
            self.record.id,
            filter_args(filter),
            order_args(order_by),
            first,
            cursor(after),
        )
        return experiment_connection(page)

    @strawberry.field
    async def experiment(self, info: Info[Context, None], id: strawberry.ID) -> Experiment | None:
        found = await experiment_resolvers.experiment(
            info.context, self.record.id, decode_id(id, "Experiment")
        )
        return experiment_type(found) if found else None

    @strawberry.field(
        description="Param and metric columns of this project, params first, then by file and"
        " path (all of them without arguments, at most GITSTUDIO_MAX_COLUMNS): of one kind or"
        " file, whose file or path contains `search` (any case); `first` of them after the"
        " column id `after`."
    )
    async def columns(
        self,
        info: Info[Context, None],
        kind: ColumnKind | None = None,
        file: str | None = None,
        search: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> list[Column]:
        found = await queries.columns(
            self.record.id,
            kind.value if kind else None,
            file,
            search,
            column_cursor(after),
            None if first is None else page_size(first, info.context.max_page_size),
        )
        return [column_type(c, self.record.id) for c in found]

    @strawberry.field(
        description="Columns found beyond GITSTUDIO_MAX_COLUMNS and not indexed (not in"
        " `columns`, not usable in filters and orderBy; still in `params` and `metrics`)."
    )
    def skipped_columns(self) -> int:
        return self.record.skipped_columns

    @strawberry.field(
        description="Models declared (artifacts.yaml, dvc.yaml) or registered (GTO tags), by"
        " name; filter by declared type or by a stage some version holds."
    )
    async def models(
        self,
        info: Info[Context, None],
        type: str | None = None,
        stage: str | None = None,
    ) -> list[Model]:
        found = await model_resolvers.project_registry(info.context, self.record.id)
        return models_of(found, ModelSelection(type=type, stage=stage))

    @strawberry.field(description="A model by its full name (`dir:name` in monorepos).")
    async def model(self, info: Info[Context, None], name: str) -> Model | None:
        found = await model_resolvers.project_registry(info.context, self.record.id)
        return model_of(found, name)

    @strawberry.field(description="Pull requests gitstudio opened for this project, newest first.")
    async def pull_requests(self, state: PullRequestState | None = None) -> list[PullRequest]:
        rows = await pr_resolvers.pull_requests(self.record.id, state.value if state else None)
        return [pull_request_type(r) for r in rows]

    @strawberry.field(
        description="Its DVC remotes (the default branch's .dvc/config) and the settings kept"
        " for them (names only: values are never shown)."
    )
    async def remotes(self, info: Info[Context, None]) -> list[DvcRemote]:
        return [dvc_remote(r) for r in await remote_resolvers.remotes(info.context, self.record)]

    @strawberry.field(description="Where pull requests go (the token is never shown).")
    async def forge(self) -> ForgeSettings:
        row = await pr_resolvers.get_project(self.record.id)
        return forge_settings(row.forge, row.forge_token)

    @strawberry.field(
        description="Several rows in one set of charts, as `dvc plots diff --json REV...`"
        " renders them (1 to 100 ids; each data row's `rev` is its row's label)."
    )
    async def plots(self, info: Info[Context, None], ids: list[strawberry.ID]) -> list[Plot]:
        return plots_of(await self._charts(info, ids))

    @strawberry.field(description="Why some plots of those rows could not be shown.")
    async def plot_errors(
        self, info: Info[Context, None], ids: list[strawberry.ID]
    ) -> list[PlotError]:
        return plot_errors_of(await self._charts(info, ids))

    async def _charts(self, info: Info[Context, None], ids: list[strawberry.ID]) -> Charts:
        asked = [decode_id(i, "Experiment") for i in ids]
        return await plot_resolvers.charts_of(info.context, self.record.id, asked)

    @strawberry.field(
        description=f"Experiments side by side (at most {MAX_IDS}), against `baseline` (any"
        " row of this project; the first of `ids` when omitted)."
    )
    async def compare(
        self,
        info: Info[Context, None],
        ids: list[strawberry.ID],
        baseline: strawberry.ID | None = None,
    ) -> Comparison:
        found = await compare_resolvers.compare(
            info.context,
            self.record.id,
            [decode_id(i, "Experiment") for i in ids],
            decode_id(baseline, "Experiment") if baseline is not None else None,
        )
        return comparison(found.experiments, found.baseline)

    @strawberry.field(
        description=f"The values of `columns` (at most {MAX_TREND_COLUMNS} column ids) at each"
        " commit of `branch`'s first-parent line, newest first: `first` commits"
        f" ({TREND_PAGE} when omitted, at most GITSTUDIO_MAX_PAGE_SIZE). A branch the project"
        " does not have is NOT_FOUND."
    )
    async def trends(
        self,
        info: Info[Context, None],
        branch: str,
        columns: list[str],
        first: int | None = None,
    ) -> list[TrendPoint]:
        found = await trend_resolvers.trend(info.context, self.record.id, branch, columns, first)
        return [trend_point(p) for p in found]

    @strawberry.field(description="Which values of each column are better, by column id.")
    async def column_goals(self, info: Info[Context, None]) -> list[ColumnGoalEntry]:
        return goal_entries(await info.context.loaders.column_goals.load(self.record.id) or {})


def project_type(record: ProjectRecord) -> Project:
    return Project(
        id=strawberry.ID(to_global_id("Project", record.id)),
        record=record,
        name=record.name,
        repo_url=record.repo_url,
        subdir=record.subdir,
        default_branch=record.default_branch,
        created_at=record.created_at,
        last_synced_at=record.last_synced_at,
        last_sync_error=record.last_sync_error,
    )


@strawberry.type(description="What a sync changed.")
class SyncSummary:
    new_commits: int
    new_experiments: int
    removed_experiments: int
    refs_changed: int
    parsed_blobs: int
    seconds: float


@strawberry.type
class ProjectPayload:
    project: Project | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    sync: SyncSummary | None = None
    client_mutation_id: str | None = None


@strawberry.input
class CreateProjectInput:
    repo_url: str = strawberry.field(
        description="Local path, file://, https://, ssh:// or git@host:org/repo."
    )
    name: str | None = None
    subdir: str | None = strawberry.field(
        default=None, description="DVC root inside the repository (monorepos)."
    )
    default_branch: str | None = None
    team: str | None = strawberry.field(
        default=None,
        description="The team it belongs to (you must be its EDITOR or ADMIN); without it, yours.",
    )
    visibility: Visibility | None = strawberry.field(
        default=None, description="PRIVATE unless given."
    )
    client_mutation_id: str | None = None


@strawberry.input
class UpdateProjectInput:
    id: strawberry.ID
    visibility: Visibility | None = strawberry.field(
        default=None, description="Unchanged when omitted."
    )
    client_mutation_id: str | None = None


async def _load_node(info: Info[Context, None], type_name: str, db_id: int) -> Node | None:
    """The object, when the caller may read its project; else None, as for no object."""
    ctx = info.context
    loaders = ctx.loaders
    if type_name == "Project":
        p = resolve.readable(ctx, await loaders.project.load(db_id))
        return project_type(p) if p else None
    if type_name == "Commit":
        c = await loaders.commit_by_id.load(db_id)
        return commit_type(c) if c and await _readable(ctx, c.project_id) else None
    if type_name == "Experiment":
        e = await loaders.experiment.load(db_id)
        return experiment_type(e) if e and await _readable(ctx, e.project_id) else None
    if type_name == "PullRequest":
        found = await PullRequestRow.get_or_none(id=db_id)
        readable = found and await _readable(ctx, found.project_id)
        return pull_request_type(found) if found and readable else None
    return None


async def _readable(ctx: Context, project_id: int) -> bool:
    return resolve.readable(ctx, await ctx.loaders.project.load(project_id)) is not None


@strawberry.type
class ProjectQuery:
    @strawberry.field(
        description="The projects you may read, by id (without a token: the PUBLIC ones).",
        extensions=guard(anyone()),
    )
    async def projects(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None
    ) -> Connection[Project]:
        page = await resolve.list_projects(info.context, first, cursor(after))
        return connection(page, project_type)

    @strawberry.field(
        description="Models of every project you may read (without a token: the PUBLIC"
        " ones), by project then name, each with its project (Studio's models dashboard);"
        " `totalCount` reads every such project's registry.",
        extensions=guard(anyone()),
    )
    async def models(
        self,
        info: Info[Context, None],
        filter: ModelFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Model]:
        wanted = selection(filter)
        page = await model_resolvers.list_models(info.context, wanted, first, cursor(after))
        return connection(page, listed_model)

    @strawberry.field(
        description="A project by id or by name; null when it does not exist or you may not"
        " read it.",
        extensions=guard(anyone()),
    )
    async def project(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Project | None:
        db_id = decode_id(id, "Project") if id is not None else None
        found = await resolve.get_project(info.context, db_id, name)
        return project_type(found) if found else None

    @strawberry.field(
        description="Any object by its global id (Relay); null when it does not exist or you"
        " may not read its project.",
        extensions=guard(anyone()),
    )
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Node | None:
        try:
            type_name, db_id = from_global_id(id)
        except InvalidId as exc:
            raise bad_input(str(exc)) from None
        return await _load_node(info, type_name, db_id)


async def _payload(
    work: Awaitable[tuple[ProjectRecord, SyncReport | None]], client_mutation_id: str | None
) -> ProjectPayload:
    try:
        record, report = await work
    except DomainError as exc:
        return ProjectPayload(errors=[user_error(exc)], client_mutation_id=client_mutation_id)
    summary = None
    if report is not None:
        summary = SyncSummary(
            new_commits=report.new_commits,
            new_experiments=report.new_experiments,
            removed_experiments=report.removed_experiments,
            refs_changed=report.refs_changed,
            parsed_blobs=report.parsed_blobs,
            seconds=report.seconds,
        )
    return ProjectPayload(
        project=project_type(record), sync=summary, client_mutation_id=client_mutation_id
    )


@strawberry.type
class ProjectMutation:
    @strawberry.mutation(
        description="Add a repository and index it; errors leave nothing behind.",
        extensions=guard(signed_in(Scope.PROJECTS)),
    )
    async def create_project(
        self, info: Info[Context, None], input: CreateProjectInput
    ) -> ProjectPayload:
        async def work() -> tuple[ProjectRecord, None]:
            record = await resolve.create_project(
                info.context,
                input.repo_url,
                input.name,
                input.subdir,
                input.default_branch,
                input.team,
                input.visibility,
                input.client_mutation_id,
            )
            return record, None

        return await _payload(work(), input.client_mutation_id)

    @strawberry.mutation(
        description="Fetch and index new commits and refs; returns when finished.",
        extensions=guard(on_project(SYNC, project_at("id", field="id"))),
    )
    async def sync_project(self, info: Info[Context, None], id: strawberry.ID) -> ProjectPayload:
        return await _payload(resolve.sync_project(info.context, decode_id(id, "Project")), None)

    @strawberry.mutation(
        description="Delete a project, its index and its mirror.",
        extensions=guard(on_project(ADMINISTER, project_at("id", field="id"))),
    )
    async def delete_project(
        self, info: Info[Context, None], id: strawberry.ID, client_mutation_id: str | None = None
    ) -> ProjectPayload:
        async def work() -> tuple[ProjectRecord, None]:
            project_id = decode_id(id, "Project")
            return await resolve.delete_project(info.context, project_id, client_mutation_id), None

        return await _payload(work(), client_mutation_id)

    @strawberry.mutation(
        description="Change a project's settings: its visibility.",
        extensions=guard(on_project(ADMINISTER, project_at("input", "id", field="id"))),
    )
    async def update_project(
        self, info: Info[Context, None], input: UpdateProjectInput
    ) -> ProjectPayload:
        async def work() -> tuple[ProjectRecord, None]:
            project_id = decode_id(input.id, "Project")
            return await resolve.update_project(info.context, project_id, input.visibility), None

        return await _payload(work(), input.client_mutation_id)
