"""The experiments table at size: pages sorted and filtered on a project of N commits.

    python -m bench.table_scale --commits 10000 --db sqlite|postgres [--workdir DIR] [--view-only]

The repository and the indexed database are kept in ``--workdir`` between runs (PostgreSQL:
database ``table_scale_<N>`` on 127.0.0.1, user postgres). Prints, for each page shape, the
median milliseconds of storage.queries.experiments_page (the SQL the API runs for a page of
50 and its probe row) and the plan of each statement, then bench/scale.py's page shapes as
bench/scale_engine.py times them against bench/scale_sql.py's ideal statement (side tables
built in the database for the run and dropped), and a saved view's page (three column
filters and a sort, read by name as Project.experiments(view:) reads it; ``--view-only``:
that alone). Not part of CI.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg

from bench import scale_engine
from bench.scale import SHAPES as SCALE_SHAPES
from bench.scale_sql import Baseline
from resolvers import views
from schema import build_schema
from schema.experiments import table_query
from storage import db, queries
from storage import views as stored_views
from storage.queries import ColumnCondition, ExperimentQuery
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials
from sync.service import ProjectSyncer

PROJECT = "table"
ACC = ("metric", "metrics.json", "acc")
LR = ("param", "params.yaml", "lr")
SHAPES: dict[str, ExperimentQuery] = {
    "sort by metric acc DESC": ExperimentQuery(order=((*ACC, True),)),
    "sort by param lr ASC": ExperimentQuery(order=((*LR, False),)),
    "filter lr = 0.01": ExperimentQuery(conditions=(ColumnCondition(*LR, "EQ", 0.01),)),
    "filter lr = 0.01, sort acc": ExperimentQuery(
        conditions=(ColumnCondition(*LR, "EQ", 0.01),), order=((*ACC, False),)
    ),
    "filter 0.5 < acc < 0.9": ExperimentQuery(
        conditions=(ColumnCondition(*ACC, "GT", 0.5), ColumnCondition(*ACC, "LT", 0.9))
    ),
    "sort by lr ASC, then acc DESC": ExperimentQuery(order=((*LR, False), (*ACC, True))),
    "filter lr = 0.5 (no row)": ExperimentQuery(conditions=(ColumnCondition(*LR, "EQ", 0.5),)),
    "filter acc > 0.985": ExperimentQuery(conditions=(ColumnCondition(*ACC, "GT", 0.985),)),
    "default order": ExperimentQuery(),  # hidden rows left out (storage.queries._SHOWN)
    "default order, hidden rows included": ExperimentQuery(include_hidden=True),
    # Rows as Studio shows them (issue 15.2): a branch's first-parent line, every commit it
    # reaches, a tag, orders by row fields.
    "branch main (first-parent line)": ExperimentQuery(branch="main"),
    "branch main, by author": ExperimentQuery(branch="main", sort="author"),
    "branch feature (first-parent line)": ExperimentQuery(branch="feature"),
    "on branch feature": ExperimentQuery(on_branch="feature"),
    "by author": ExperimentQuery(sort="author"),
    "by message, descending": ExperimentQuery(sort="message", sort_descending=True),
    "tag model@v0.0.1": ExperimentQuery(tag="model@v0.0.1"),
    "by branch": ExperimentQuery(sort="branch"),
}
COUNTS: dict[str, ExperimentQuery] = {
    "count": ExperimentQuery(),
    "count, hidden rows included": ExperimentQuery(include_hidden=True),
    "count, filter lr = 0.01": SHAPES["filter lr = 0.01"],
    "count, filter 0.5 < acc < 0.9": SHAPES["filter 0.5 < acc < 0.9"],
    "count, filter lr = 0.01, kind COMMIT": ExperimentQuery(
        kinds=("COMMIT",), conditions=(ColumnCondition(*LR, "EQ", 0.01),)
    ),
    "count, branch main (first-parent line)": ExperimentQuery(branch="main"),
}
GOAL_PAGE_MS, GOAL_COUNT_MS, GOAL_RATIO = 30.0, 50.0, 3.0
# A saved view of three column filters and a sort (issue 15: < 50 ms), stored as saveView
# stores it: the table's GraphQL variables (resolvers.views).
VIEW_FILTER = {
    "columns": [
        {"column": "metric:metrics.json:acc", "op": "GT", "value": 0.6},
        {"column": "param:params.yaml:lr", "op": "LTE", "value": 0.01},
        {"column": "param:params.yaml:model.depth", "op": "GTE", "value": 4},
    ]
}
VIEW_ORDER = [{"column": "metric:metrics.json:acc", "direction": "DESC"}]
GOAL_VIEW_MS = 50.0


async def _database(
    kind: str, workdir: Path, commits: int, name: str | None = None
) -> tuple[str, bool]:
    """The URL and whether the project must be indexed first."""
    if kind == "sqlite":
        path = workdir / f"table{commits}.sqlite3"
        return f"sqlite://{path}", not path.exists()
    name = name or f"table_scale_{commits}"
    admin = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        found = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not found:
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return f"postgres://postgres@127.0.0.1:5432/{name}", not found


async def _explain(query: str, args: list[Any]) -> list[str]:
    if db.is_postgres():
        rows = await db.fetch("EXPLAIN " + query, args)
        return [str(r["QUERY PLAN"]) for r in rows]
    return [str(r["detail"]) for r in await db.fetch("EXPLAIN QUERY PLAN " + query, args)]


async def _cursor(project_id: int, q: ExperimentQuery, page: int) -> list[Any] | None:
    """The cursor of the last row before page ``page`` (1-based) of 50."""
    after = None
    for _ in range(page - 1):
        found = await queries.experiments_page(project_id, q, after, 50)
        after = found[-1][1]
    return after


async def _measure(
    project_id: int, q: ExperimentQuery, runs: int, page: int = 1
) -> tuple[float, int]:
    times, rows = [], 0
    after = await _cursor(project_id, q, page)
    for _ in range(runs):
        started = time.perf_counter()
        rows = len(await queries.experiments_page(project_id, q, after, 51))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows


async def _timed(call: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


async def _ideal(
    project_id: int, name: str, q: ExperimentQuery, runs: int
) -> tuple[tuple[float, float], int]:
    """Hand-written SQL reading the same rows through an ideal index: the shape's rows
    ranked in its order once (not timed) into ``ideal_page`` (shape, rank primary key),
    then pages 1 and 50 read by rank with the experiments rows they point at; and how many
    rows the shape has."""
    rows = await queries.experiments_page(project_id, q, None, 1_000_000)
    await db.execute("DELETE FROM ideal_page WHERE shape = ?", [name])
    await db.execute_many(
        "INSERT INTO ideal_page (shape, rank, id) VALUES (?, ?, ?)",
        [(name, rank, r.id) for rank, (r, _k) in enumerate(rows)],
    )
    sql = (
        "SELECT e.* FROM ideal_page i JOIN experiments e ON e.id = i.id"
        " WHERE i.shape = ? AND i.rank >= ? ORDER BY i.rank LIMIT 51"
    )
    if db.is_postgres():
        await db.execute("ANALYZE ideal_page")
    first = await _timed(lambda: db.fetch(sql, [name, 0]), runs)
    fiftieth = await _timed(lambda: db.fetch(sql, [name, 49 * 50]), runs)
    return (first, fiftieth), len(rows)


def _verdict(ms: float, goal: float, ratio: float | None = None) -> str:
    ok = ms < goal and (ratio is None or ratio <= GOAL_RATIO)
    shown = "" if ratio is None else f"  {ratio:5.1f}x ideal"
    return f"{ms:9.2f} ms{shown}  {'ok' if ok else 'NOT MET'}"


def recorded(fetch: Any) -> Any:
    """``fetch`` as a plan's read (storage.db.fetch_plan's), rows as it asks them."""

    async def read(query: str, values: Any, tuples: bool) -> list[Any]:
        rows = await fetch(query, values)
        return [tuple(r.values()) for r in rows] if tuples else rows

    return read


async def _engine(url: str, project_id: int, runs: int) -> None:
    """bench/scale.py's page shapes as bench/scale_engine.py times them: the page request
    below GraphQL against bench/scale_sql.py's ideal statement, interleaved."""
    sides = list({s.side.table: s.side for s in SCALE_SHAPES}.values())
    base = Baseline(url)
    await base.open()
    try:
        await base.build(project_id, sides)
        found = await scale_engine.measure(project_id, url, max(runs, 15), 10.0, None)
    finally:
        await base.drop(sides)
        await base.close()
    print("  engine vs ideal SQL (bench/scale_engine.py, p50, interleaved):")
    for r in found.values():
        if isinstance(r, dict):
            ok = r["ratio"] <= GOAL_RATIO
            print(
                f"  {r['label']:44} {r['engine_ms']['p50']:6.2f} ms / SQL"
                f" {r['sql_ms']['p50']:5.2f} ms = {r['ratio']:4.1f}x (min/min"
                f" {r['ratio_of_minimums']:4.1f}x, {r['statements']} statements; page alone"
                f" {r['page_only_ratio']:4.1f}x)"
                f"  {'ok' if ok else 'NOT MET'}"
            )


async def _view(project_id: int, runs: int) -> None:
    """A page (and the count) of a saved view with three column filters and a sort, as
    Project.experiments(view:) reads it: the view by name, its filter and order through the
    table's coercion and checks (schema.experiments.table_query), then the page; beside the
    same page of the query built directly."""
    state = views.ViewState(filter=VIEW_FILTER, order=VIEW_ORDER)
    saved = await stored_views.save(project_id, None, "bench view", state.as_json(), None)
    schema = build_schema()
    try:

        async def query() -> ExperimentQuery:
            record = await views.named(project_id, None, "bench view")
            assert record is not None
            return table_query(schema, views.table_arguments(views.state_of(record)))

        built = await query()

        async def page() -> Any:
            return await queries.experiments_page(project_id, await query(), None, 51)

        rows = len(await page())
        direct = await _timed(lambda: queries.experiments_page(project_id, built, None, 51), runs)
        through = await _timed(page, runs)
        started = time.perf_counter()  # the first count of the process: caches cold
        matching = await queries.count_experiments(project_id, built)
        first = (time.perf_counter() - started) * 1000
        counted = await _timed(lambda: queries.count_experiments(project_id, built), runs)
        label = "view: 3 column filters, sort acc"
        print(f"  {label:40} {_verdict(through, GOAL_VIEW_MS)} ({rows} rows; the query"
              f" built directly {direct:.2f} ms)")  # fmt: skip
        print(f"  {label + ', count':40} {_verdict(counted, GOAL_COUNT_MS)} ({matching};"
              f" its first run {first:.1f} ms)")  # fmt: skip
    finally:
        await stored_views.delete(saved.id)


async def main(
    commits: int,
    kind: str,
    workdir: Path,
    runs: int,
    view_only: bool = False,
    only: str | None = None,
    engine: bool = True,
    database: str | None = None,
) -> None:
    """``only``: the shapes and counts whose name holds it (no view); ``engine``:
    bench/scale.py's shapes too; ``database``: the PostgreSQL database's name."""
    repo = workdir / f"repo{commits}"
    if not repo.exists():
        generate_repo(repo, RepoSpec(commits=commits, exps_per_commit=3))
    url, fresh = await _database(kind, workdir, commits, database)
    await db.init_db(url)
    try:
        if fresh:
            started = time.perf_counter()
            await ProjectSyncer(workdir / f"mirrors-{kind}", Credentials()).create(
                str(repo), PROJECT, "", None
            )
            print(f"indexed in {time.perf_counter() - started:.1f} s")
            if db.is_postgres():
                await db.execute("ANALYZE")
        project = await queries.project_by_name(PROJECT)
        assert project is not None
        count = await db.fetch("SELECT COUNT(*) AS n FROM experiments WHERE project_id = ?",
                               [project.id])  # fmt: skip
        print(f"{kind}: {commits} commits, {count[0]['n']} rows")
        if view_only:
            await _view(project.id, runs)
            return
        await db.execute(
            "CREATE TABLE IF NOT EXISTS ideal_page (shape VARCHAR(100), rank INT, id INT,"
            " PRIMARY KEY (shape, rank))"
        )
        print(f"  (goals: page < {GOAL_PAGE_MS:g} ms and <= {GOAL_RATIO:g}x the ideal SQL;"
              f" count < {GOAL_COUNT_MS:g} ms)")  # fmt: skip
        shapes = {k: v for k, v in SHAPES.items() if only is None or only in k}
        for name, q in shapes.items():
            ideal, matching = await _ideal(project.id, name, q, runs)
            for page, base in ((1, ideal[0]), (50, ideal[1])):
                if page > 1 and (page - 1) * 50 >= matching:
                    continue
                ms, rows = await _measure(project.id, q, runs, page=page)
                label = name if page == 1 else name + ", page 50"
                ratio = ms / base if rows else None
                print(f"  {label:40} {_verdict(ms, GOAL_PAGE_MS, ratio)} ({rows} rows)")
        await db.execute("DROP TABLE ideal_page")
        if engine:
            await _engine(url, project.id, runs)
        for name, q in COUNTS.items():
            if only is not None and only not in name:
                continue
            n = await queries.count_experiments(project.id, q)
            ms = await _timed(lambda q=q: queries.count_experiments(project.id, q), runs)
            print(f"  {name:40} {_verdict(ms, GOAL_COUNT_MS)} ({n})")
        if only is None:
            await _view(project.id, runs)
        found = await queries.columns(project.id)
        ms = await _timed(lambda: queries.columns(project.id), runs)
        print(f"  {'Project.columns':40} {_verdict(ms, GOAL_PAGE_MS)} ({len(found)} columns)")
        seen: list[tuple[str, list[Any]]] = []
        real = db.fetch

        async def recording(query: str, values: Any = ()) -> list[dict[str, Any]]:
            seen.append((query, list(values)))
            return await real(query, values)

        for name, q in shapes.items():
            seen.clear()
            # The page's plan statement by statement, through the recording fetch.
            plan = queries._page_plan(project.id, q, None, 51, queries.RECORDS)
            await db._drive_async(plan, recorded(recording))
            print(f"-- {name}")
            for query, args in seen:
                print("   " + query[:160])
                for line in await _explain(query, args):
                    print("     | " + line)
    finally:
        await db.close_db()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "table_scale")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--view-only", action="store_true", help="the saved view's page alone")
    parser.add_argument("--only", help="only the shapes and counts whose name holds this")
    parser.add_argument("--no-engine", action="store_true", help="skip bench/scale.py's shapes")
    parser.add_argument("--database", help="PostgreSQL database (table_scale_<N> by default)")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    asyncio.run(
        main(
            args.commits,
            args.db,
            args.workdir,
            args.runs,
            args.view_only,
            args.only,
            not args.no_engine,
            args.database,
        )
    )
