"""A 1,000-row experiments table with ``values(columns)`` through the real GraphQL pipeline vs
``json.dumps`` of the same rows (issue 12: <= 10x).

    python -m bench.table_values [--db sqlite|postgres] [--rounds N]

The candidate is one POST /graphql answered in process by the app (httpx's ASGI transport:
token check, document cache, compiled plan or graphql-core, resolvers, the page's SQL, JSON
encoding of the answer): ``experiments(first: 1000) { nodes { id values(columns: [every
column]) { column value } } }``. The baseline is ``json.dumps`` of the answer's rows (the
same ids, columns and values) in the same run. The second figure, reported beside it, asks
``params`` and ``metrics`` (the JSON documents) instead of the values.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import Figure, Options, Result, Target, log
from bench.fixture import Fixture
from gitstudio.app import create_app
from gitstudio.settings import Settings
from storage import db, queries
from storage.tokens import Scope, create_token
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials
from sync.service import ProjectSyncer

PROJECT = "values"
ROWS = 1000
COMMITS = 250  # x (1 commit row + 3 experiments) = 1,000 rows

VALUES = """query($columns: [String!]) { project(name: "values") {
  experiments(first: 1000) { nodes { id values(columns: $columns) { column value } } } } }"""
DOCUMENTS = """{ project(name: "values") {
  experiments(first: 1000) { nodes { id params metrics } } } }"""
COLUMNS = '{ project(name: "values") { columns { id } } }'


async def _post(client: httpx.AsyncClient, token: str, query: str, **variables: Any) -> Any:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"token {token}"},
    )
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"unexpected answer: {response.status_code} {str(body)[:500]}")
    return body["data"]


async def _timed(client: httpx.AsyncClient, token: str, query: str, **variables: Any) -> float:
    """Seconds until the answer's bytes are in (the client does not decode them: the
    figure is the server's)."""
    started = time.perf_counter()
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"token {token}"},
    )
    elapsed = time.perf_counter() - started
    if response.status_code != 200 or not response.content.startswith(b'{"data":'):
        raise RuntimeError(f"unexpected answer: {response.status_code} {response.text[:500]}")
    return elapsed


def _dumps(rows: Any, runs: int = 5) -> float:
    """The fastest of a few json.dumps of ``rows`` (a baseline that is never the slow one)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        json.dumps(rows)
        best = min(best, time.perf_counter() - started)
    return best


async def measure(
    workdir: Path, database_url: str | None, rounds: int, profile: Path | None = None
) -> dict[str, Any]:
    repo = workdir / "values-repo"
    if not repo.exists():
        generate_repo(repo, RepoSpec(commits=COMMITS, exps_per_commit=3, seed=3))
    data_dir = workdir / "values-data"
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        data_dir=data_dir,
        database_url=database_url,
        max_page_size=ROWS,
        local_repo_roots=(workdir,),
    )
    await db.init_db(settings.effective_database_url)
    try:
        if await queries.project_by_name(PROJECT) is None:
            syncer = ProjectSyncer(settings.mirrors_dir, Credentials())
            await syncer.create(str(repo), PROJECT, "", None)
        _row, token = await create_token("bench-values", frozenset({Scope.READ}))
        app = create_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            columns = [c["id"] for c in (await _post(client, token, COLUMNS))["project"]["columns"]]
            data = await _post(client, token, VALUES, columns=columns)
            rows = data["project"]["experiments"]["nodes"]
            documents = (await _post(client, token, DOCUMENTS))["project"]["experiments"]["nodes"]
            if len(rows) != ROWS or len(documents) != ROWS:
                raise RuntimeError(f"expected {ROWS} rows, got {len(rows)}")
            if profile is not None:
                await _profile(client, token, columns, profile)
            values, values_base, docs, docs_base = [], [], [], []
            for _ in range(rounds):
                values.append(await _timed(client, token, VALUES, columns=columns))
                values_base.append(_dumps(rows))
                docs.append(await _timed(client, token, DOCUMENTS))
                docs_base.append(_dumps(documents))
        return {
            "columns": len(columns),
            "cells": sum(len(r["values"]) for r in rows),
            "values": values,
            "values_dumps": values_base,
            "documents": docs,
            "documents_dumps": docs_base,
        }
    finally:
        await db.close_db()


async def _profile(client: httpx.AsyncClient, token: str, columns: list[str], out: Path) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        await _timed(client, token, VALUES, columns=columns)
    profiler.disable()
    with out.open("w") as stream:
        pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(40)


def _ratio(candidate: list[float], baseline: list[float]) -> float:
    return statistics.median(candidate) / statistics.median(baseline)


def table_values(opts: Options, fixture: Fixture) -> Result:
    """bench/run.py's entry: SQLite (the default database), its own 1,000-row repository."""
    figures = asyncio.run(measure(opts.workdir, None, 5 if opts.quick else 15))
    documents = _ratio(figures["documents"], figures["documents_dumps"])
    log(f"params+metrics JSON instead of values: {documents:.1f}x json.dumps")
    return Result(
        name="table-values",
        title=f"{ROWS}-row experiments query with values(columns) vs json.dumps of its rows",
        candidate=Figure("POST /graphql, in process (SQLite)", "s", figures["values"]),
        baseline=Figure("json.dumps of the same rows", "s", figures["values_dumps"]),
        ratio=_ratio(figures["values"], figures["values_dumps"]),
        ratio_label="graphql / json.dumps",
        ratio_format="x",
        target=Target("<=", 10.0),
        details={
            "columns": figures["columns"],
            "cells": figures["cells"],
            "documents_ratio": documents,
            "documents_s": figures["documents"],
            "documents_dumps_s": figures["documents_dumps"],
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--workdir", type=Path, help="kept between runs (default: a temporary one)")
    parser.add_argument("--profile", type=Path, help="write the cProfile of 5 requests here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="table-values-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        url = None
        if args.db == "postgres":
            url = asyncio.run(_postgres(fresh=args.workdir is None))
        figures = asyncio.run(measure(workdir, url, args.rounds, args.profile))
    ms = {k: statistics.median(v) * 1000 for k, v in figures.items() if isinstance(v, list)}
    print(f"{args.db}: {ROWS} rows, {figures['columns']} columns, {figures['cells']} values")
    print(
        f"  values(columns)  {ms['values']:8.1f} ms  json.dumps {ms['values_dumps']:6.2f} ms"
        f"  {_ratio(figures['values'], figures['values_dumps']):5.1f}x (goal <= 10x)"
    )
    print(
        f"  params+metrics   {ms['documents']:8.1f} ms  json.dumps {ms['documents_dumps']:6.2f} ms"
        f"  {_ratio(figures['documents'], figures['documents_dumps']):5.1f}x"
    )


async def _postgres(fresh: bool) -> str:
    """Database table_values_bench on 127.0.0.1 (user postgres), recreated when ``fresh``."""
    import asyncpg

    name = "table_values_bench"
    admin = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        found = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if fresh or not found:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return f"postgres://postgres@127.0.0.1:5432/{name}"


if __name__ == "__main__":
    main()
