"""Experiments: rows of the experiments table (commits, experiment refs, live runs), columns,
filters, orderings and comparisons."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import strawberry
from graphql import GraphQLError, GraphQLInputType, Undefined, coerce_input_value
from graphql.execution.values import input_is_nested_too_deeply
from graphql.pyutils import print_path_list
from graphql.utilities import validate_input_value
from strawberry import UNSET
from strawberry.schema.name_converter import NameConverter
from strawberry.types import Info
from strawberry.types.arguments import convert_arguments
from strawberry.types.base import StrawberryObjectDefinition

from resolvers import commits as commit_resolvers
from resolvers import compare
from resolvers import experiments as resolve
from resolvers import plots as plot_resolvers
from resolvers import series as series_resolvers
from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page
from schema.models import ModelVersion, model_versions_at
from schema.plots import Plot, PlotError, plot_errors_of, plots_of
from schema.relay import Connection, Node, connection, to_global_id
from schema.scalars import JSON, Person, as_json, git_time, holds_nul, nul_error
from schema.trends import ColumnGoal
from storage.cells import column_key, leaves
from storage.hidden import UNCHANGED
from storage.metrics import Series
from storage.queries import ColumnRecord, ExperimentQuery
from storage.records import ExperimentRecord

if TYPE_CHECKING:
    from schema.commits import Commit

CommitRef = Annotated["Commit", strawberry.lazy("schema.commits")]


@strawberry.enum
class ExperimentKind(Enum):
    COMMIT = "COMMIT"
    EXPERIMENT = "EXPERIMENT"
    LIVE = "LIVE"


@strawberry.enum
class ExperimentStatus(Enum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    STALE = "STALE"


@strawberry.enum
class ColumnKind(Enum):
    PARAM = "param"
    METRIC = "metric"


@strawberry.type(description="A file of a revision that could not be read the way DVC reads it.")
class FileError:
    file: str
    kind: str = strawberry.field(description="params, metrics, dvc.yaml or dvc.lock")
    type: str
    message: str


@strawberry.type(description="One flattened param or metric value.")
class Cell:
    column: str = strawberry.field(description="Column id, e.g. 'metric:metrics.json:acc'.")
    value: JSON | None


@strawberry.type(description="A param or metric column found in the project.")
class Column:
    project_id: strawberry.Private[int]
    id: str = strawberry.field(description="'param:FILE:PATH' or 'metric:FILE:PATH'.")
    kind: ColumnKind
    file: str
    path: str
    type: str = strawberry.field(description="number, string, bool, null, or mixed")
    types: list[str]
    count: int = strawberry.field(description="How many rows have a value in this column.")

    @strawberry.field(description="Which values are better (setColumnGoal); null: no goal.")
    async def goal(self, info: Info[Context, None]) -> ColumnGoal | None:
        found = (await info.context.loaders.column_goals.load(self.project_id) or {}).get(self.id)
        return ColumnGoal(found) if found is not None else None


def column_type(record: ColumnRecord, project_id: int) -> Column:
    types = [t for t in record.types if t != "null"] or list(record.types)
    return Column(
        project_id=project_id,
        id=column_key(record.kind, record.file, record.path),
        kind=ColumnKind(record.kind),
        file=record.file,
        path=record.path,
        type=types[0] if len(types) == 1 else "mixed",
        types=list(record.types),
        count=record.count,
    )


@strawberry.type(description="A logged metric over steps, columnar (downsampled on request).")
class MetricSeries:
    name: str
    steps: list[int]
    values: list[float | None] = strawberry.field(description="None where the run logged nan/inf.")
    tokens: list[str | None] = strawberry.field(
        description="'nan', 'inf', '-inf' where values is None."
    )
    timestamps: list[float | None]
    total: int = strawberry.field(description="Points in range before downsampling.")
    downsampled: bool


def series_type(series: Series) -> MetricSeries:
    points = series.points
    return MetricSeries(
        name=series.name,
        steps=[p.step for p in points],
        values=[p.value for p in points],
        tokens=[p.token for p in points],
        timestamps=[p.timestamp for p in points],
        total=series.total,
        downsampled=series.downsampled,
    )


@strawberry.type(
    description="A commit, a DVC experiment ref or a live run, with its params and metrics."
)
class Experiment(Node):
    record: strawberry.Private[ExperimentRecord]
    kind: ExperimentKind
    sha: str | None = strawberry.field(
        description="The commit of this row (None for a live run not yet saved)."
    )
    baseline_sha: str | None
    name: str | None = strawberry.field(description="Experiment name (DVC's), None for commits.")
    ref: str | None
    status: ExperimentStatus
    message: str | None

    @strawberry.field(description="Database id, stable for the life of the row.")
    def database_id(self) -> int:
        return self.record.id

    @strawberry.field
    def author(self) -> Person | None:
        r = self.record
        return Person(name=r.author_name, email=r.author_email or "") if r.author_name else None

    @strawberry.field
    def created_at(self) -> datetime:
        return git_time(self.record.created_at)

    @strawberry.field(
        description="Left out of the table unless its filter has includeHidden: hidden by"
        " hideRows, by '[skip studio]' in its commit message when indexed, or by its"
        " project's autoHideUnchanged (see autoHidden)."
    )
    def hidden(self) -> bool:
        return bool(self.record.hidden)

    @strawberry.field(
        description="A row other than a commit whose baseline commit is not indexed (a live"
        " run started on a commit never pushed): its commit is null. deleteExperiment removes"
        " a live one."
    )
    async def detached(self, info: Info[Context, None]) -> bool:
        return await resolve.detached(info.context, self.record)

    @strawberry.field(
        description="Hidden by its project's autoHideUnchanged (its params, metrics and deps"
        " equal its first parent's); shown again when that setting is turned off."
    )
    def auto_hidden(self) -> bool:
        return self.record.hidden == UNCHANGED

    @strawberry.field(description="{file: {...}} exactly as DVC shows a params file's data.")
    def params(self) -> JSON:
        return as_json(self.record.document("params"))

    @strawberry.field(description="{file: {...}} exactly as DVC shows a metrics file's data.")
    def metrics(self) -> JSON:
        return as_json(self.record.document("metrics"))

    @strawberry.field
    def errors(self) -> list[FileError]:
        return [FileError(**e) for e in self.record.document("errors")]

    @strawberry.field(
        description="Set when DVC cannot load this revision at all (dvc exp show shows no data);"
        " params and metrics then hold what could still be read."
    )
    def revision_error(self) -> FileError | None:
        raw = self.record.revision_error_json
        return FileError(**orjson.loads(raw)) if raw else None

    @strawberry.field(description="The tags pointing at this row's commit (COMMIT rows), by name.")
    async def tags(self, info: Info[Context, None]) -> list[str]:
        if self.record.kind != "COMMIT" or self.record.sha is None:
            return []
        return await commit_resolvers.tag_names(
            info.context, self.record.project_id, self.record.sha
        )

    @strawberry.field(description="Plot files and directories declared for this revision.")
    def plot_files(self) -> list[str]:
        plots: list[str] = self.record.document("plots")
        return plots

    @strawberry.field(
        description="This row's plots as `dvc plots show --json` renders them; a live run's"
        " series and images as DVCLive's plots."
    )
    async def plots(self, info: Info[Context, None]) -> list[Plot]:
        return plots_of(await plot_resolvers.charts(info.context, [self.record]))

    @strawberry.field(description="Why some of this row's plots could not be shown.")
    async def plot_errors(self, info: Info[Context, None]) -> list[PlotError]:
        return plot_errors_of(await plot_resolvers.charts(info.context, [self.record]))

    @strawberry.field(
        description="dvc.lock dependencies (not params): {path: {hash, size, nfiles}}."
    )
    def deps(self) -> JSON:
        return as_json(self.record.document("deps"))

    @strawberry.field(description="dvc.lock outputs: {path: {hash, size, nfiles, use_cache, ...}}.")
    def outs(self) -> JSON:
        return as_json(self.record.document("outs"))

    @strawberry.field(description="Flat cells for the given column ids (all columns when omitted).")
    def values(self, columns: list[str] | None = None) -> list[Cell]:
        if columns is not None:
            values = resolve.cell_values(self.record, columns)
            return [Cell(column=c, value=v) for c, v in zip(columns, values, strict=True)]
        return cells_of(self.record)

    @strawberry.field(description="For live runs: the experiment commit reported when done.")
    def experiment_rev(self) -> str | None:
        return self.record.experiment_rev

    @strawberry.field(description="For live runs: the last step received.")
    def last_step(self) -> int | None:
        return self.record.last_step

    @strawberry.field(description="For live runs: when the last event arrived.")
    def last_event_at(self) -> datetime | None:
        at = self.record.last_event_at
        return datetime.fromtimestamp(at, UTC) if at is not None else None

    @strawberry.field(
        description="Names of the metrics logged step by step: a live run's series (kept by"
        " the experiment ref it becomes); for a commit or experiment ref without them, the"
        " DVCLive metric files of its revision (`<dir>/plots/metrics/**/*.tsv` or `.csv` under a"
        " declared plot or `dvclive/`), named by their path after `plots/metrics/`."
    )
    async def metric_names(self, info: Info[Context, None]) -> list[str]:
        return await series_resolvers.metric_names(info.context, self.record)

    @strawberry.field(
        description="A metric's history, from where metricNames finds it (a revision's TSV"
        " rows equal the points its live run stored); steps after sinceStep, downsampled to"
        " about maxPoints keeping each bucket's first, last, min and max (0: every point)."
    )
    async def metric_history(
        self,
        info: Info[Context, None],
        name: str,
        since_step: int | None = None,
        max_points: int = 1000,
    ) -> MetricSeries:
        if not 0 <= max_points <= 100_000:
            raise bad_input("maxPoints must be between 0 and 100000")
        found = await series_resolvers.metric_history(
            info.context, self.record, name, since_step, max_points
        )
        return series_type(found)

    @strawberry.field(
        description="Registered model versions whose tag points at this row's commit."
    )
    async def model_versions(self, info: Info[Context, None]) -> list[ModelVersion]:
        if self.record.sha is None:
            return []
        return await model_versions_at(info, self.record.project_id, self.record.sha)

    @strawberry.field(
        description="The commit this row was made from (its own commit for COMMIT rows)."
    )
    async def commit(self, info: Info[Context, None]) -> CommitRef | None:
        from schema.commits import commit_type

        sha = self.record.sha if self.kind is ExperimentKind.COMMIT else self.record.baseline_sha
        if sha is None:
            return None
        found = await info.context.loaders.commit.load((self.record.project_id, sha))
        return commit_type(found) if found else None


def cells_of(record: ExperimentRecord) -> list[Cell]:
    cells: list[Cell] = []
    for kind, part in (("param", "params"), ("metric", "metrics")):
        for file, data in record.document(part).items():
            cells.extend(
                Cell(column=column_key(kind, file, path), value=value)
                for path, value in leaves("", data)
            )
    return cells


def experiment_type(record: ExperimentRecord) -> Experiment:
    return Experiment(
        id=strawberry.ID(to_global_id("Experiment", record.id)),
        record=record,
        kind=ExperimentKind(record.kind),
        sha=record.sha,
        baseline_sha=record.baseline_sha,
        name=record.name,
        ref=record.ref,
        status=ExperimentStatus(record.status),
        message=record.message,
    )


def experiment_connection(page: Page[ExperimentRecord]) -> Connection[Experiment]:
    return connection(page, experiment_type)


@strawberry.enum
class FilterOperator(Enum):
    EQ = "EQ"
    NE = "NE"
    GT = "GT"
    GTE = "GTE"
    LT = "LT"
    LTE = "LTE"
    CONTAINS = "CONTAINS"
    EXISTS = "EXISTS"


@strawberry.input(
    description="A condition on one column, e.g."
    " {column: 'metric:metrics.json:acc', op: GT, value: 0.9}."
)
class ColumnFilter:
    column: str
    op: FilterOperator
    value: JSON | None = None


@strawberry.input
class ExperimentFilter:
    kinds: list[ExperimentKind] | None = None
    statuses: list[ExperimentStatus] | None = None
    branch: str | None = strawberry.field(
        default=None,
        description="Studio's 'branch = X': the commits of this branch's first-parent line"
        " from its head (`git rev-list --first-parent X`), experiments and live runs by their"
        " baseline. Every commit it reaches: onBranch.",
    )
    on_branch: str | None = strawberry.field(
        default=None,
        description="Studio's 'commits on branch X': every commit the branch reaches (`git"
        " rev-list X`), experiments and live runs by their baseline.",
    )
    tag: str | None = strawberry.field(
        default=None,
        description="The commit this tag names (experiments and live runs by their baseline).",
    )
    detached: bool | None = strawberry.field(
        default=None,
        description="true: only detached rows (Experiment.detached); false: none of them.",
    )
    author: str | None = strawberry.field(
        default=None, description="Substring of the author's name or email."
    )
    message: str | None = strawberry.field(
        default=None, description="Substring of the commit message."
    )
    baseline_sha: str | None = None
    columns: list[ColumnFilter] | None = None
    include_hidden: bool | None = strawberry.field(
        default=False,
        description="Also the hidden rows (hideRows, or '[skip studio]' in the commit"
        " message); without it they are left out of the rows, the count and every order.",
    )


@strawberry.enum
class Direction(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum(description="A field of the rows the table can be ordered by.")
class ExperimentSortField(Enum):
    COMMITTED_AT = "COMMITTED_AT"
    AUTHOR = "AUTHOR"
    MESSAGE = "MESSAGE"
    BRANCH = "BRANCH"


# The row fields ordered before the time (storage.queries.SORT_FIELDS); COMMITTED_AT is the
# time itself (a row's commit time, a live run's start).
_SORT_FIELDS = {
    ExperimentSortField.AUTHOR: "author",
    ExperimentSortField.MESSAGE: "message",
    ExperimentSortField.BRANCH: "branch",
}


@strawberry.input(
    description="Order by a column id, or by a row field (the creation time when both are"
    " omitted). AUTHOR (the author's name), MESSAGE (its first 200 characters) and BRANCH"
    " (the first, by name, of the branches whose first-parent line holds the row's commit;"
    " rows on none last), in code point order, come first and alone: the time then orders"
    " their ties; columns cannot follow them."
)
class ExperimentOrder:
    column: str | None = None
    field: ExperimentSortField | None = None
    direction: Direction = Direction.DESC


def filter_args(f: ExperimentFilter | None) -> resolve.FilterArgs | None:
    if f is None:
        return None
    columns = [[c.column, c.value] for c in f.columns or []]
    _refuse_nul([f.branch, f.on_branch, f.tag, f.author, f.message, f.baseline_sha, columns])
    return resolve.FilterArgs(
        kinds=[k.value for k in f.kinds or []],
        statuses=[s.value for s in f.statuses or []],
        branch=f.branch,
        author=f.author,
        message=f.message,
        baseline_sha=f.baseline_sha,
        columns=[resolve.ColumnFilterArgs(c.column, c.op.value, c.value) for c in f.columns or []],
        include_hidden=bool(f.include_hidden),
        on_branch=f.on_branch,
        tag=f.tag,
        detached=f.detached,
    )


def order_args(order: list[ExperimentOrder] | None) -> list[resolve.OrderArgs]:
    _refuse_nul([o.column for o in order or []])
    return [
        resolve.OrderArgs(
            o.column,
            o.direction is Direction.DESC,
            _SORT_FIELDS.get(o.field) if o.field is not None else None,
        )
        for o in order or []
    ]


def _refuse_nul(values: list[Any]) -> None:
    """The table's strings go to SQL, and PostgreSQL refuses a NUL in any text: a typed
    error instead of a failed statement (the GraphQL table and the CSV export alike)."""
    if holds_nul(values):
        raise bad_input(nul_error().message)


def table_query(schema: strawberry.Schema, given: dict[str, Any]) -> ExperimentQuery:
    """The query of ``Project.experiments`` for its ``filter`` and ``orderBy`` arguments
    given as JSON (as GraphQL variables are; the CSV export's query string, a saved view):
    coerced by graphql-core, converted by strawberry, then filter_args, order_args and
    build_query, exactly as a GraphQL request's; BAD_USER_INPUT for whatever that refuses."""
    converted = table_arguments(schema, given)
    return resolve.build_query(
        filter_args(converted.get("filter")), order_args(converted.get("order_by"))
    )


def table_arguments(schema: strawberry.Schema, given: dict[str, Any]) -> dict[str, Any]:
    """``filter`` and ``orderBy`` given as JSON, as the strawberry inputs a GraphQL request
    gets (keys ``filter`` and ``order_by``); BAD_USER_INPUT for what coercion refuses."""
    field = schema._schema.get_type("Project").fields["experiments"]  # type: ignore[union-attr]
    coerced: dict[str, Any] = {}
    for name in ("filter", "orderBy"):
        if name in given:
            coerced[name] = _coerced(name, given[name], field.args[name].type)
    definition = schema.get_type_by_name("Project")
    assert isinstance(definition, StrawberryObjectDefinition)
    arguments = definition.get_field("experiments")
    assert arguments is not None
    converted: dict[str, Any] = convert_arguments(
        coerced, arguments.arguments, schema.schema_converter.scalar_registry, schema.config
    )
    return converted


def input_json(value: Any, names: NameConverter) -> Any:
    """A strawberry input value (``ExperimentFilter``, a list of ``ExperimentOrder``) as
    the JSON of a GraphQL variable, field by field from strawberry's definitions: what
    table_arguments reads back into an equal value, for fields added later too (enums by
    their GraphQL name, dates as ISO 8601, JSON values as they are; unset fields left out)."""
    if value is None or value is UNSET:
        return None
    definition = getattr(type(value), "__strawberry_definition__", None)
    if isinstance(definition, StrawberryObjectDefinition) and definition.is_input:
        return {
            names.get_graphql_name(f): input_json(getattr(value, f.python_name), names)
            for f in definition.fields
            if getattr(value, f.python_name) is not UNSET
        }
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, list | tuple):
        return [input_json(v, names) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _coerced(name: str, value: Any, type_: GraphQLInputType) -> Any:
    """``value`` as graphql-core coerces a variable of ``type_`` (execution.values)."""
    if input_is_nested_too_deeply(value, type_):
        raise bad_input(f"{name} is nested too deeply")
    coerced = coerce_input_value(value, type_)
    if coerced is not Undefined:
        return coerced
    problems: list[str] = []

    def refused(error: GraphQLError, path: list[str | int]) -> None:
        problems.append(f"{name}{print_path_list(path)}: {error.message}")

    validate_input_value(value, type_, refused)
    raise bad_input(problems[0] if problems else f"{name} is not valid")


@strawberry.type(
    description="Experiments side by side: the columns whose values differ, and how each row"
    " differs from the baseline."
)
class Comparison:
    table: strawberry.Private[dict[str, list[Any]]]  # column -> the value of each experiment
    base: strawberry.Private[dict[str, Any]]  # column -> the baseline's value
    experiments: list[Experiment]
    baseline: Experiment | None = strawberry.field(
        description="What deltas are taken from: the baseline asked, else the first experiment."
    )
    columns: list[str]
    differing: list[str]

    @strawberry.field(description="One row per column: the values of each experiment, in order.")
    async def rows(self, info: Info[Context, None]) -> list[ComparisonRow]:
        if self.baseline is None:  # nothing compared
            return []
        goals = await info.context.loaders.column_goals.load(self.baseline.record.project_id)
        goals = goals or {}
        return [
            comparison_row(c, vs, self.base.get(c), goals.get(c)) for c, vs in self.table.items()
        ]

    @strawberry.field(description="Every dep and out of the experiments (dvc.lock), deps first.")
    def files(self) -> list[ComparisonFile]:
        return [
            ComparisonFile(
                path=f.path,
                kind=ComparisonFileKind(f.kind),
                hashes=f.hashes,
                differing=f.differing,
            )
            for f in compare.files([e.record for e in self.experiments])
        ]

    @strawberry.field(
        description="The compared rows' plots in one set of charts (as Project.plots(ids))."
    )
    async def plots(self, info: Info[Context, None]) -> list[Plot]:
        return plots_of(await plot_resolvers.charts(info.context, self._records()))

    @strawberry.field(description="Why some plots of the compared rows could not be shown.")
    async def plot_errors(self, info: Info[Context, None]) -> list[PlotError]:
        return plot_errors_of(await plot_resolvers.charts(info.context, self._records()))

    def _records(self) -> list[ExperimentRecord]:
        return [e.record for e in self.experiments]


@strawberry.type
class ComparisonRow:
    column: str
    values: list[JSON | None]
    deltas: list[float | None] = strawberry.field(
        description="Each value minus the baseline's where both are numbers (booleans are"
        " not); null otherwise."
    )
    goal: ColumnGoal | None = strawberry.field(description="The column's goal, if set.")
    better: list[bool | None] = strawberry.field(
        description="Per experiment: true when better than the baseline by the goal, false"
        " when worse; null when equal, not numeric, or without a goal."
    )


def comparison_row(column: str, values: list[Any], base: Any, goal: str | None) -> ComparisonRow:
    deltas = [compare.delta(v, base) for v in values]
    return ComparisonRow(
        column=column,
        values=values,
        deltas=deltas,
        goal=ColumnGoal(goal) if goal is not None else None,
        better=[compare.better(d, goal) for d in deltas],
    )


@strawberry.enum
class ComparisonFileKind(Enum):
    DEP = "DEP"
    OUT = "OUT"


@strawberry.type(description="A dep or out path and its hash in each compared experiment.")
class ComparisonFile:
    path: str
    kind: ComparisonFileKind
    hashes: list[str | None] = strawberry.field(
        description="Per experiment, null where it has no such path (or no hash)."
    )
    differing: bool = strawberry.field(description="Whether the hashes are not all equal.")


def _values(record: ExperimentRecord) -> dict[str, Any]:
    return {cell.column: cell.value for cell in cells_of(record)}


def comparison(
    records: list[ExperimentRecord], baseline: ExperimentRecord | None = None
) -> Comparison:
    """``records`` side by side, against ``baseline`` (the first of them when None)."""
    experiments = [experiment_type(r) for r in records]
    table: dict[str, list[Any]] = {}
    for i, e in enumerate(experiments):
        for column, value in _values(e.record).items():
            table.setdefault(column, [None] * len(experiments))[i] = value
    base = baseline or (records[0] if records else None)
    return Comparison(
        table=table,
        base=_values(base) if base is not None else {},
        experiments=experiments,
        baseline=experiment_type(base) if base is not None else None,
        columns=list(table),
        differing=[c for c, vals in table.items() if any(v != vals[0] for v in vals)],
    )
