"""The experiments table at size: pages sorted and filtered on a project of N commits.

    python -m bench.table_scale --commits 10000 --db sqlite|postgres [--workdir DIR]

The repository and the indexed database are kept in ``--workdir`` between runs (PostgreSQL:
database ``table_scale_<N>`` on 127.0.0.1, user postgres). Prints, for each page shape, the
median milliseconds of storage.queries.experiments_page (the SQL the API runs for a page of
50 and its probe row) and the plan of each statement. Not part of CI.
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

from storage import db, queries
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
    "default order": ExperimentQuery(),
}


async def _database(kind: str, workdir: Path, commits: int) -> tuple[str, bool]:
    """The URL and whether the project must be indexed first."""
    if kind == "sqlite":
        path = workdir / f"table{commits}.sqlite3"
        return f"sqlite://{path}", not path.exists()
    name = f"table_scale_{commits}"
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


async def main(commits: int, kind: str, workdir: Path, runs: int) -> None:
    repo = workdir / f"repo{commits}"
    if not repo.exists():
        generate_repo(repo, RepoSpec(commits=commits, exps_per_commit=3))
    url, fresh = await _database(kind, workdir, commits)
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
        for name, q in SHAPES.items():
            ms, rows = await _measure(project.id, q, runs)
            print(f"  {name:32} {ms:9.1f} ms  ({rows} rows)")
            ms, rows = await _measure(project.id, q, runs, page=50)
            print(f"  {name + ', page 50':32} {ms:9.1f} ms  ({rows} rows)")
        seen: list[tuple[str, list[Any]]] = []
        real = db.fetch

        async def recording(query: str, values: Any = ()) -> list[dict[str, Any]]:
            seen.append((query, list(values)))
            return await real(query, values)

        for name, q in SHAPES.items():
            seen.clear()
            db.fetch = recording  # type: ignore[assignment]
            try:
                await queries.experiments_page(project.id, q, None, 51)
            finally:
                db.fetch = real  # type: ignore[assignment]
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
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(args.commits, args.db, args.workdir, args.runs))
