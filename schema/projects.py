"""Projects: the root of every read, and the mutations that add, sync and delete them."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import UTC, datetime
from enum import Enum
from typing import Any

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
from resolvers import views as view_resolvers
from resolvers.compare import MAX_IDS
from resolvers.context import Context
from resolvers.errors import ApiError, bad_input
from resolvers.models import ModelSelection
from resolvers.pagination import page_size
from resolvers.plots import Charts
from resolvers.projects import KEEP, ProjectUpdate
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
from schema.outgoing import Webhook
from schema.permissions import (
    ADMINISTER,
    SYNC,
    WEBHOOKS,
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
    cursor,
    decode_id,
    from_global_id,
    to_global_id,
)
from schema.remotes import DvcRemote, dvc_remote
from schema.scalars import git_time
from schema.trends import ColumnGoalEntry, TrendPoint, goal_entries, trend_point
from schema.views import View, named_view, view_query, view_type, views_of
from storage import deliveries, queries
from storage.access import allows
from storage.cells import split_column_key
from storage.errors import DomainError
from storage.limits import limits
from storage.models import PullRequest as PullRequestRow
from storage.project_settings import METRICS, PARAMS, settings_of
from storage.project_settings import ProjectSettings as StoredSettings
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

    @strawberry.field(
        description="Hidden by hideRows: left out of Project.branches unless includeHidden."
    )
    def hidden(self) -> bool:
        return bool(self.record.hidden)


def branch_type(record: BranchRecord) -> Branch:
    return Branch(record=record, name=record.name, sha=record.sha)


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


@strawberry.enum(description="What a project's syncing is doing.")
class SyncState(Enum):
    IDLE = "IDLE"
    QUEUED = strawberry.enum_value("QUEUED", description="A sync waits to start.")
    SYNCING = strawberry.enum_value("SYNCING", description="A sync (or a write) runs.")
    REINDEXING = strawberry.enum_value(
        "REINDEXING",
        description="A settings change asked for a full re-index, which has not finished:"
        " the table still shows rows as the old settings made them, rewritten as it goes.",
    )
    FAILED = strawberry.enum_value(
        "FAILED", description="The last sync failed (lastSyncError); the next one retries."
    )


@strawberry.enum(description="How a file a project declares (customFiles) is read.")
class CustomFileKind(Enum):
    PARAMS = PARAMS
    METRICS = METRICS


@strawberry.type(description="Which param and metric columns are stored (fnmatch globs).")
class ColumnSelection:
    include: list[str] = strawberry.field(
        description="A column is stored if it matches one (any column, when empty), as"
        " FILE:PATH (`params.yaml:lr`) or as its id (`metric:metrics.json:acc`)."
    )
    exclude: list[str] = strawberry.field(description="...and matches none of these.")


@strawberry.type
class CustomFile:
    path: str = strawberry.field(description="Relative to the project's subdir.")
    kind: CustomFileKind


@strawberry.type(description="What a project imports (updateProject changes it).")
class ProjectSettings:
    record: strawberry.Private[ProjectRecord]
    settings: strawberry.Private[StoredSettings]

    @strawberry.field
    def default_branch(self) -> str | None:
        return self.record.default_branch

    @strawberry.field(description="The DVC root inside the repository ('' for its root).")
    def subdir(self) -> str:
        return self.record.subdir

    @strawberry.field(description="Commits committed before it are not indexed; null: all.")
    def import_since(self) -> datetime | None:
        since = self.settings.import_since
        return None if since is None else datetime.fromtimestamp(since, UTC)

    @strawberry.field
    def columns(self) -> ColumnSelection:
        chosen = self.settings.columns
        return ColumnSelection(include=list(chosen.include), exclude=list(chosen.exclude))

    @strawberry.field(description="Files read as params or metrics besides what DVC declares.")
    def custom_files(self) -> list[CustomFile]:
        return [
            CustomFile(path=f.path, kind=CustomFileKind(f.kind)) for f in self.settings.custom_files
        ]

    @strawberry.field(
        description="Columns this project stores at most: its own limit, else"
        " GITSTUDIO_MAX_COLUMNS (500 unless the server says otherwise)."
    )
    def column_limit(self) -> int:
        most = limits().max_columns
        return min(self.settings.column_limit or most, most)

    @strawberry.field(
        description="Commits whose params, metrics and deps equal their first parent's are"
        " hidden (Experiment.autoHidden)."
    )
    def auto_hide_unchanged(self) -> bool:
        return self.settings.auto_hide_unchanged


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

    @strawberry.field(description="What it imports (updateProject changes it).")
    def settings(self) -> ProjectSettings:
        return ProjectSettings(record=self.record, settings=settings_of(self.record))

    @strawberry.field(
        description="What its syncing is doing: REINDEXING after a settings change until the"
        " re-index it asked for is written; FAILED with lastSyncError."
    )
    async def sync_state(self, info: Info[Context, None]) -> SyncState:
        return SyncState(await resolve.sync_state(info.context, self.record))

    @strawberry.field(description="By name; hidden ones (hideRows) only with includeHidden.")
    async def branches(
        self, info: Info[Context, None], include_hidden: bool = False
    ) -> list[Branch]:
        rows = await info.context.loaders.branches.load(self.record.id) or []
        return [branch_type(b) for b in rows if include_hidden or not b.hidden]

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

    @strawberry.field(
        description="The experiments table: commits, experiment refs and live runs. With"
        " `view` (a saved view's name: the caller's own of that name, else the shared one;"
        " NOT_FOUND when neither) the view's filter and order apply; a `filter` or `orderBy`"
        " given as well replaces the view's (each whole)."
    )
    async def experiments(
        self,
        info: Info[Context, None],
        filter: ExperimentFilter | None = None,
        order_by: list[ExperimentOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        view: str | None = None,
    ) -> Connection[Experiment]:
        if view is not None:
            record = await named_view(info, self.record.id, view)
            query = view_query(info, record, filter, order_by)
            page = await experiment_resolvers.table_page(
                info.context, self.record.id, query, first, cursor(after)
            )
            return experiment_connection(page)
        page = await experiment_resolvers.experiments(
            info.context,
            self.record.id,
            filter_args(filter),
            order_args(order_by),
            first,
            cursor(after),
        )
        return experiment_connection(page)

    @strawberry.field(
        description="Saved views of the experiments table: the shared ones, then the"
        " caller's own, each by name."
    )
    async def views(self, info: Info[Context, None]) -> list[View]:
        return views_of(await view_resolvers.views_of(info.context, self.record.id))

    @strawberry.field(
        description="A saved view by name: the caller's own of that name, else the shared one."
    )
    async def view(self, info: Info[Context, None], name: str) -> View | None:
        found = await view_resolvers.named(self.record.id, info.context.viewer.user_id, name)
        return view_type(found) if found is not None else None

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
        description="Its outgoing webhooks, oldest first (secrets are never shown): for its"
        " ADMINs, with a token holding READ; others get FORBIDDEN."
    )
    async def webhooks(self, info: Info[Context, None]) -> list[Webhook] | None:
        if not allows(info.context.viewer, self.record, WEBHOOKS):
            raise ApiError("FORBIDDEN", "only the project's admins see its webhooks")
        return [Webhook(row=row) for row in await deliveries.webhooks_of(self.record.id)]

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
class ColumnsInput:
    include: list[str] = strawberry.field(
        default_factory=list,
        description="fnmatch globs over FILE:PATH or the column id; empty: every column.",
    )
    exclude: list[str] = strawberry.field(default_factory=list)


@strawberry.input
class CustomFileInput:
    path: str = strawberry.field(
        description="Relative to the project's subdir: a .json, .yaml, .yml or .toml file"
        " (.py too for params)."
    )
    kind: CustomFileKind


@strawberry.input(
    description="Every field but id is optional: what is omitted (or null, for name,"
    " defaultBranch, subdir, visibility and autoHideUnchanged) is unchanged. All is checked"
    " before anything changes. A change of subdir, importSince, columns, customFiles or"
    " columnLimit re-indexes the project in the background (Project.syncState)."
)
class UpdateProjectInput:
    id: strawberry.ID
    visibility: Visibility | None = strawberry.field(
        default=None, description="Unchanged when omitted."
    )
    name: str | None = strawberry.field(
        default=None, description="1-100 letters, digits, '.', '_' or '-'; unique (DUPLICATE)."
    )
    default_branch: str | None = strawberry.field(
        default=None, description="A branch the project has (NOT_FOUND otherwise)."
    )
    subdir: str | None = strawberry.field(
        default=None,
        description="The DVC root: a relative path without '..', a directory at the default"
        " branch's head (NOT_FOUND otherwise); '' for the repository's root.",
    )
    import_since: datetime | None = strawberry.field(
        default=strawberry.UNSET,
        description="Commits committed before it (and experiments based on them) are not"
        " indexed; null: every commit. Without an offset: UTC.",
    )
    columns: ColumnsInput | None = strawberry.field(
        default=strawberry.UNSET,
        description="Which param and metric columns are stored (filters, sorts, values;"
        " params and metrics JSON keep everything); null: all. At most"
        " GITSTUDIO_MAX_COLUMN_GLOBS globs in each list.",
    )
    custom_files: list[CustomFileInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Files read as params or metrics as if a dvc.yaml declared them (a"
        " repository without DVC, or beside it); null or empty: none. At most"
        " GITSTUDIO_MAX_CUSTOM_FILES.",
    )
    column_limit: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Columns the project stores at most, 1 to GITSTUDIO_MAX_COLUMNS (500"
        " by default, Studio's cap); null: GITSTUDIO_MAX_COLUMNS.",
    )
    auto_hide_unchanged: bool | None = strawberry.field(
        default=None,
        description="Hide commits whose params, metrics and deps equal their first"
        " parent's (at once, and as they are indexed); off shows them again.",
    )
    client_mutation_id: str | None = None


def project_update(input: UpdateProjectInput) -> ProjectUpdate:
    """updateProject's input as the resolver takes it: KEEP for what is unchanged."""

    def given(value: Any) -> Any:
        return KEEP if value is None or value is strawberry.UNSET else value

    def clearable(value: Any) -> Any:
        return KEEP if value is strawberry.UNSET else value

    columns = clearable(input.columns)
    files = clearable(input.custom_files)
    return ProjectUpdate(
        visibility=given(input.visibility),
        name=given(input.name),
        default_branch=given(input.default_branch),
        subdir=given(input.subdir),
        import_since=clearable(input.import_since),
        columns=columns
        if columns is KEEP
        else ((columns.include, columns.exclude) if columns is not None else ((), ())),
        custom_files=files if files is KEEP else [(f.path, f.kind.value) for f in files or ()],
        column_limit=clearable(input.column_limit),
        auto_hide_unchanged=given(input.auto_hide_unchanged),
    )


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
        description="Change a project's settings: visibility, name, default branch and what"
        " it imports (Project.settings); a typed error changes nothing.",
        extensions=guard(on_project(ADMINISTER, project_at("input", "id", field="id"))),
    )
    async def update_project(
        self, info: Info[Context, None], input: UpdateProjectInput
    ) -> ProjectPayload:
        async def work() -> tuple[ProjectRecord, None]:
            project_id = decode_id(input.id, "Project")
            asked = project_update(input)
            return await resolve.update_project(info.context, project_id, asked), None

        return await _payload(work(), input.client_mutation_id)
