"""The experiments table of a project: filters, orderings, cells (compare: resolvers/compare)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page, page_size, trim
from storage import hidden as hidden_rows
from storage import queries
from storage.cells import Place, column_key, lookup, place, split_column_key
from storage.events import experiment_event, experiments_channel
from storage.queries import RECORDS, ColumnCondition, ExperimentQuery, R, RowShape
from storage.records import ExperimentRecord

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


@dataclass(frozen=True, slots=True)
class OrderArgs:
    column: str | None  # None: creation time
    descending: bool


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
    column_orders = tuple((*_column(o.column), o.descending) for o in order if o.column)
    time_orders = [o for o in order if o.column is None]
    return ExperimentQuery(
        kinds=tuple(f.kinds),
        statuses=tuple(f.statuses),
        branch=f.branch,
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


async def set_hidden(
    ctx: Context, project_id: int, ids: Sequence[int], hidden: bool
) -> list[ExperimentRecord]:
    """hideRows / unhideRows: the rows as they now are, in the order named; each announced
    UPDATED to the project's experiments subscribers (a table they show drops or regains it)."""
    done = await hidden_rows.set_hidden(project_id, ids, hidden)
    channel = experiments_channel(project_id)
    for exp_id in done:
        await ctx.bus.publish(channel, experiment_event(project_id, exp_id, "UPDATED"))
    records = await queries.experiments_by_ids(done)
    return [records[i] for i in done]
