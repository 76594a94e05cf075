"""The experiments table of a project: filters, orderings, cells (compare: resolvers/compare)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page, page_size, trim
from storage import hidden as hidden_rows
from storage import live, queries
from storage.cells import Place, column_key, lookup, place, split_column_key
from storage.errors import DomainError
from storage.events import experiment_event, experiments_channel
from storage.queries import RECORDS, SORT_FIELDS, ColumnCondition, ExperimentQuery, R, RowShape
from storage.records import BranchRecord, ExperimentRecord

OPERATORS = ("EQ", "NE", "GT", "GTE", "LT", "LTE", "CONTAINS", "EXISTS")


@dataclass(frozen=True, slots=True)
class ColumnFilterArgs:
    column: str
    op: str
    value: Any


@dataclass(frozen=True, slots=True)
class FilterArgs:
    kinds: Sequence[str] = ()
    statuses: Sequence[str] = ()
    branch: str | None = None
    author: str | None = None
    message: str | None = None
    baseline_sha: str | None = None
    columns: Sequence[ColumnFilterArgs] = ()
    include_hidden: bool = False
    on_branch: str | None = None
    tag: str | None = None
    detached: bool | None = None


@dataclass(frozen=True, slots=True)
class OrderArgs:
    column: str | None  # None: a row field (``field``), creation time when that is None too
    descending: bool
    field: str | None = None  # "author", "message", "branch" (storage.queries.SORT_FIELDS)


def _column(key: str) -> tuple[str, str, str]:
    try:
        return split_column_key(key)
    except ValueError as exc:
        raise bad_input(str(exc)) from None


def build_query(filter_: FilterArgs | None, order: Sequence[OrderArgs]) -> ExperimentQuery:
    f = filter_ or FilterArgs()
    conditions = []
    for c in f.columns:
        if c.op not in OPERATORS:
            raise bad_input(f"unknown operator {c.op!r}")
        if c.op not in ("EXISTS",) and c.value is None:
            raise bad_input(f"operator {c.op} needs a value")
        if isinstance(c.value, dict | list):
            raise bad_input("filter values must be numbers, strings or booleans")
        conditions.append(ColumnCondition(*_column(c.column), op=c.op, value=c.value))
    for o in order:
        if o.column is not None and o.field is not None:
            raise bad_input("an order names a column or a field, not both")
        if o.field is not None and o.field not in SORT_FIELDS:
            raise bad_input(f"unknown order field {o.field!r}")
    column_orders = tuple((*_column(o.column), o.descending) for o in order if o.column)
    time_orders = [o for o in order if o.column is None and o.field is None]
    fields = [o for o in order if o.field is not None]
    if fields and (column_orders or len(fields) > 1):
        raise bad_input("order by columns or by one of AUTHOR, MESSAGE and BRANCH, not both")
    if fields and order[0] is not fields[0]:
        raise bad_input("AUTHOR, MESSAGE or BRANCH comes first in orderBy (the time follows)")
    return ExperimentQuery(
        kinds=tuple(f.kinds),
        statuses=tuple(f.statuses),
        branch=f.branch,
        on_branch=f.on_branch,
        tag=f.tag,
        detached=f.detached,
        sort=fields[0].field if fields else None,
        sort_descending=fields[0].descending if fields else False,
        author=f.author,
        message=f.message,
        baseline_sha=f.baseline_sha.lower() if f.baseline_sha else None,
        conditions=tuple(conditions),
        order=column_orders,
        newest_first=time_orders[0].descending if time_orders else True,
        include_hidden=f.include_hidden,
    )


async def experiments(
    ctx: Context,
    project_id: int,
    filter_: FilterArgs | None,
    order: Sequence[OrderArgs],
    first: int | None,
    after: list[Any] | None,
) -> Page[ExperimentRecord]:
    return await table_page(ctx, project_id, build_query(filter_, order), first, after)


async def table_page(
    ctx: Context,
    project_id: int,
    query: ExperimentQuery,
    first: int | None,
    after: list[Any] | None,
) -> Page[ExperimentRecord]:
    """A page of the table for a built ``query`` (a view's: schema.experiments.table_query)."""
    limit = page_size(first, ctx.max_page_size)
    rows, more = await _rows(project_id, query, after, limit, RECORDS)

    async def count() -> int:
        return await queries.count_experiments(project_id, query)

    return Page(rows, more, after is not None, count)


async def _rows(
    project_id: int,
    query: ExperimentQuery,
    after: list[Any] | None,
    limit: int,
    shape: RowShape[R],
) -> tuple[list[tuple[R, list[Any]]], bool]:
    """One page of ``query`` after the keyset cursor ``after``, and whether more follow."""
    try:
        found = await queries.table_page(project_id, query, after, limit + 1, shape)
    except ValueError as exc:
        raise bad_input(str(exc)) from None
    return trim(found, limit)


@overload
def every_page(
    project_id: int, query: ExperimentQuery, limit: int
) -> AsyncIterator[list[ExperimentRecord]]: ...
@overload
def every_page(
    project_id: int, query: ExperimentQuery, limit: int, shape: RowShape[R]
) -> AsyncIterator[list[R]]: ...
async def every_page(
    project_id: int, query: ExperimentQuery, limit: int, shape: RowShape[Any] = RECORDS
) -> AsyncIterator[list[Any]]:
    """Every row of ``query`` in the table's order as ``shape`` reads it, ``limit`` at a
    time, paged by the same keyset cursor as the GraphQL table (CSV export). The next page
    is read while the caller works on this one (its statements run off the event loop): two
    pages in memory at most."""
    rows, more = await _rows(project_id, query, None, limit, shape)
    ahead: asyncio.Future[tuple[list[tuple[Any, list[Any]]], bool]] | None = None
    try:
        while True:
            if more and rows:
                after = rows[-1][1]
                ahead = asyncio.ensure_future(_rows(project_id, query, after, limit, shape))
                await asyncio.sleep(0)  # let it send its statements before the caller works
            yield [record for record, _key in rows]
            if ahead is None:
                return
            rows, more = await ahead
            ahead = None
    finally:
        if ahead is not None:  # the caller stopped early (a client gone): read no further
            ahead.cancel()


async def experiment(ctx: Context, project_id: int, exp_id: int) -> ExperimentRecord | None:
    record = await ctx.loaders.experiment.load(exp_id)
    return record if record is not None and record.project_id == project_id else None


# The column ids of the last values(columns) asked and where each is: every row of a page
# asks the same ones, parsed once (one entry: nothing kept beyond the last list asked).
_last_columns: tuple[tuple[str, ...], list[Place]] = ((), [])


def _places(columns: Sequence[str]) -> list[Place]:
    global _last_columns
    key = tuple(columns)
    if key != _last_columns[0]:
        _last_columns = (key, [place(*_column(column)) for column in key])
    return _last_columns[1]


def cell_values(record: ExperimentRecord, columns: Sequence[str]) -> list[Any]:
    """The values of ``columns`` in ``record`` (None where it has none), in order: each
    document parsed once for the row."""
    return lookup(record.document, _places(columns))


async def export_columns(project_id: int, asked: Sequence[str], cap: int) -> list[str]:
    """The param and metric columns a CSV export writes: ``asked`` (each an id of this
    project's columns, at most ``cap``), or every column of the project when none is asked
    (params first, as Project.columns lists them; GITSTUDIO_MAX_COLUMNS at most)."""
    if len(asked) > cap:
        raise bad_input(f"at most {cap} columns can be exported, {len(asked)} asked")
    known = await column_ids(project_id)
    if not asked:
        return known
    present = set(known)
    for column in asked:
        _column(column)  # a malformed id is refused as the table refuses it
        if column not in present:
            raise bad_input(f"project {project_id} has no column {column!r}")
    return list(asked)


async def column_ids(project_id: int) -> list[str]:
    """The ids of the project's columns, as Project.columns lists them."""
    return [column_key(c.kind, c.file, c.path) for c in await queries.columns(project_id)]


@dataclass(frozen=True, slots=True)
class HiddenNow:
    """The rows and branches hideRows / unhideRows named, as they now are."""

    rows: list[ExperimentRecord]
    branches: list[BranchRecord]


async def set_hidden(
    ctx: Context, project_id: int, ids: Sequence[int], hidden: bool, branches: Sequence[str] = ()
) -> HiddenNow:
    """hideRows / unhideRows: the rows and branches as they now are, in the order named;
    each row announced UPDATED to the project's experiments subscribers (a table they show
    drops or regains it)."""
    done = await hidden_rows.set_hidden(project_id, ids, hidden, branches)
    channel = experiments_channel(project_id)
    for exp_id in done.rows:
        await ctx.bus.publish(channel, experiment_event(project_id, exp_id, "UPDATED"))
    records = await queries.experiments_by_ids(done.rows)
    now = {b.id: b for b in (await queries.branches_by_project([project_id]))[project_id]}
    return HiddenNow([records[i] for i in done.rows], [now[i] for i in done.branches])


async def detached(ctx: Context, record: ExperimentRecord) -> bool:
    """Whether ``record`` is a row other than a commit whose baseline commit is not indexed
    (storage.queries._DETACHED says it in SQL)."""
    if record.kind == "COMMIT":
        return False
    if record.baseline_sha is None:
        return True
    return await ctx.loaders.commit.load((record.project_id, record.baseline_sha)) is None


async def delete_experiment(ctx: Context, exp_id: int) -> int:
    """deleteExperiment: the live run ``exp_id`` (the guard found it readable and its project
    changeable) deleted with its cells, steps and images, the files of images no other row
    holds removed, REMOVED announced on the project's experiments channel."""
    record = await ctx.loaders.experiment.load(exp_id)
    if record is None:  # deleted since the guard read it
        raise DomainError("NOT_FOUND", "no such experiment", "id")
    digests = await live.delete_run(record.project_id, exp_id)
    channel = experiments_channel(record.project_id)
    await ctx.bus.publish(channel, experiment_event(record.project_id, exp_id, "REMOVED"))
    if digests and ctx.live_images is not None:
        await asyncio.to_thread(_remove_images, ctx.live_images, digests)
    return exp_id


def _remove_images(root: Path, digests: list[str]) -> None:
    for digest in digests:
        live.image_file(root, digest).unlink(missing_ok=True)
