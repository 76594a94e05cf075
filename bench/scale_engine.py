"""The table engine in process against the ideal SQL (issue 12): what the API runs for a page
of 50, without HTTP and GraphQL, interleaved with bench/scale_sql.py's statement.

    python -m bench.scale_engine --url URL --project-id N [--runs 30] [--budget 20]

bench/scale.py runs it as a subprocess of the checkout the server runs (``--code``), against
the server's database while the side tables exist, and reads the JSON it prints. For each
page shape of bench/scale.py the timed call is :func:`engine_page`: resolvers.experiments'
page (``storage.queries.experiments_page`` for 50 rows and the probe row: every statement it
runs) and what the page's nodes read of each row (``values(columns)`` of the four columns,
the end cursor) - everything a page request does below GraphQL. The ideal is the same
statement and driver as bench/scale.py's (a direct aiosqlite/asyncpg connection).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import logging
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from resolvers.experiments import (
    ColumnFilterArgs,
    FilterArgs,
    OrderArgs,
    build_query,
    cell_values,
)
from resolvers.pagination import trim
from schema.relay import encode_cursor
from storage import db, queries
from storage.queries import ExperimentQuery
from storage.records import ExperimentRecord

PAGE = 50

Row = tuple[ExperimentRecord, list[Any]]


def query_of(variables: dict[str, Any]) -> ExperimentQuery:
    """The query of a page's GraphQL ``filter`` and ``order`` variables, as the resolver
    builds it."""
    flt = variables.get("filter") or {}
    columns = [
        ColumnFilterArgs(c["column"], c["op"], c.get("value")) for c in flt.get("columns", ())
    ]
    order = [
        OrderArgs(o.get("column"), o["direction"] == "DESC") for o in variables.get("order", ())
    ]
    return build_query(FilterArgs(columns=columns), order)


# Seconds of experiments_page alone in each engine_page call (the rest: values, cursor).
PAGE_ONLY: list[float] = []


async def engine_page(
    project_id: int, q: ExperimentQuery, after: list[Any] | None, columns: Sequence[str]
) -> list[Row]:
    """A page of 50 as the API reads it: the rows and the probe row, each row's values of
    ``columns``, the end cursor."""
    started = time.perf_counter()
    found = await queries.experiments_page(project_id, q, after, PAGE + 1)
    PAGE_ONLY.append(time.perf_counter() - started)
    rows, _more = trim(found, PAGE)
    for record, _keys in rows:
        cell_values(record, columns)
    if rows:
        encode_cursor(rows[-1][1])
    return rows


def sort_keys(rows: list[Row], column: str | None) -> list[float | None]:
    """The sort value of each row, as bench/scale.py reads it from the API's nodes."""
    if column is None:
        return [float(r.created_at) for r, _k in rows]
    out: list[float | None] = []
    for record, _k in rows:
        value = cell_values(record, [column])[0]
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        out.append(float(value) if ok else None)
    return out


async def after_page(
    project_id: int, q: ExperimentQuery, page: int, columns: Sequence[str]
) -> list[Any] | None:
    """The cursor of the last row before page ``page`` (1-based), walked page by page."""
    after = None
    for _ in range(page - 1):
        rows = await engine_page(project_id, q, after, columns)
        if len(rows) < PAGE:
            raise LookupError(f"fewer than {page} pages")
        after = rows[-1][1]
    return after


async def measure(
    project_id: int, url: str, runs: int, budget: float, shapes: list[str] | None
) -> dict[str, Any]:
    from bench.scale import LR_VALUE, SHAPES, VALUE_COLUMNS, compare, stats
    from bench.scale_sql import Baseline

    base = Baseline(url)
    await base.open()
    out: dict[str, Any] = {"when": datetime.now().astimezone().isoformat(timespec="seconds")}
    try:
        for shape in SHAPES:
            if shapes and shape.key not in shapes:
                continue
            q = query_of(shape.variables)
            side = shape.side
            sql_args: list[Any] = [LR_VALUE] if side.key is not None else []
            after = await after_page(project_id, q, shape.page, VALUE_COLUMNS)
            if shape.page > 1:
                sql_args += list(await base.cursor_at(side, (shape.page - 1) * PAGE - 1))
            query = base.page_sql(side, side.key is not None, shape.page > 1)
            rows = await engine_page(project_id, q, after, VALUE_COLUMNS)
            _s, sql_rows = await base.timed(query, sql_args)
            result: dict[str, Any] = {"label": shape.label, "rows": len(rows)}
            result["same_sort_keys"] = sort_keys(rows, shape.sort_column) == [
                float(r[-1]) for r in sql_rows
            ]
            call = functools.partial(engine_page, project_id, q, after, VALUE_COLUMNS)
            result["statements"] = await count_statements(call)
            timer = _timer(call)

            async def call_sql(text: str = query, args: list[Any] = sql_args) -> float:
                return (await base.timed(text, args))[0]

            PAGE_ONLY.clear()
            a, b = await compare(timer, call_sql, runs, budget)
            result["engine_ms"], result["sql_ms"] = stats(a), stats(b)
            # experiments_page alone (the warm-up calls left out), without values(columns)
            result["page_only_ms"] = stats(PAGE_ONLY[-len(a) :])
            result["page_only_ratio"] = round(
                statistics.median(PAGE_ONLY[-len(a) :]) / statistics.median(b), 2
            )
            result["ratio"] = round(statistics.median(a) / statistics.median(b), 2)
            result["ratio_of_minimums"] = round(min(a) / min(b), 2)
            out[shape.key] = result
    finally:
        await base.close()
    return out


def _timer(call: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[float]]:
    async def timed() -> float:
        started = time.perf_counter()
        await call()
        return time.perf_counter() - started

    return timed


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.seen += 1


async def count_statements(call: Callable[[], Awaitable[Any]]) -> int:
    """How many statements ``call`` runs (as storage.db logs them, one DEBUG record each)."""
    logger = logging.getLogger("tortoise.db_client")
    counter, level = _Counter(), logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        await call()
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)
    return counter.seen


async def main(args: argparse.Namespace) -> None:
    from bench.scale import SHAPES
    from bench.scale_sql import Baseline

    await db.init_db(args.url)
    sides = list({s.side.table: s.side for s in SHAPES}.values())
    base = Baseline(args.url)
    await base.open()
    try:
        project_id = args.project_id
        if project_id is None:
            found = await queries.project_by_name(args.project)
            assert found is not None, f"no project {args.project!r}"
            project_id = found.id
        if args.build:
            await base.build(project_id, sides)
        out = await measure(project_id, args.url, args.runs, args.budget, args.shape)
    finally:
        if args.build:
            await base.drop(sides)
        await base.close()
        await db.close_db()
    json.dump(out, sys.stdout)
    print()
    if args.table:
        for r in out.values():
            if isinstance(r, dict):
                print(
                    f"  {r['label']:44} engine {r['engine_ms']['p50']:6.2f} ms"
                    f"  SQL {r['sql_ms']['p50']:5.2f} ms  {r['ratio']:4.1f}x"
                    f" (min/min {r['ratio_of_minimums']:4.1f}x; page alone"
                    f" {r['page_only_ratio']:4.1f}x)  {r['statements']} statements"
                    f"  same keys {r['same_sort_keys']}",
                    file=sys.stderr,
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server's database URL")
    parser.add_argument("--project-id", type=int)
    parser.add_argument("--project", default="table", help="by name, without --project-id")
    parser.add_argument(
        "--build", action="store_true", help="build the side tables first (dropped after)"
    )
    parser.add_argument("--table", action="store_true", help="also print a summary (stderr)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--budget", type=float, default=20.0)
    parser.add_argument("--shape", action="append", default=[], help="only these (keys)")
    args = parser.parse_args()
    asyncio.run(main(args))
