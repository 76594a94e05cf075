"""The experiments table at real size, end to end, on SQLite and PostgreSQL (issue 12).

    python -m bench.scale                      # 10,000 commits, both databases (~10 min)
    python -m bench.scale --db sqlite --runs 15 --json scale.json
    python -m bench.scale --stretch            # PostgreSQL, 100,000 commits (hours to generate)

For each database: a fresh ``gitstudio serve`` subprocess (SQLite file in a temporary data
directory, or a fresh PostgreSQL database on 127.0.0.1:5432 dropped afterwards), a token
minted with ``gitstudio token create``, ``createProject`` over HTTP GraphQL timed until the
project is indexed while the server's RSS is sampled, then the table's pages, totalCount, the
models query and no-op syncs over HTTP, each page interleaved with hand-written SQL reading
the same 50 rows through an ideal index in the same database (bench/scale_sql.py). Prints
measure | SQLite | PostgreSQL | goal | met? and writes everything to ``--json``. See the
"Scale" section of bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx

from bench.scale_probe import Sampler, hwm_mib, settled_rss_mib, tree_rss_mib
from bench.scale_repo import describe, scale_repo
from bench.scale_sql import Baseline, Side
from bench.servers import ROOT as CHECKOUT
from bench.servers import Server, free_port, start

# The checkout whose code the servers run (--code): this one unless told otherwise.
ROOT = CHECKOUT
PROJECT = "scale"
ACC = "metric:metrics.json:acc"
LR = "param:params.yaml:lr"
LR_VALUE = 0.01
VALUE_COLUMNS = [ACC, "metric:metrics.json:loss", LR, "param:params.yaml:epochs"]
PAGE = """
query Page($name: String!, $filter: ExperimentFilter, $order: [ExperimentOrder!],
           $first: Int, $after: String, $columns: [String!]!) {
  project(name: $name) {
    experiments(filter: $filter, orderBy: $order, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id kind sha name baselineSha status createdAt message author { name email }
              values(columns: $columns) { column value } }
    }
  }
}"""
COUNT = """
query Count($name: String!, $filter: ExperimentFilter) {
  project(name: $name) { experiments(filter: $filter) { totalCount } }
}"""
MODELS = """
query Models($name: String!) {
  project(name: $name) {
    models { name latestVersion { version } stages { stage versions { version } } }
  }
}"""
CREATE = """
mutation Create($input: CreateProjectInput!) {
  createProject(input: $input) { project { id lastSyncedAt } errors { code message } }
}"""
INDEXED = "query Indexed($name: String!) { project(name: $name) { lastSyncedAt lastSyncError } }"
SYNC = """
mutation Sync($id: ID!) {
  syncProject(id: $id) {
    errors { code message }
    sync { newCommits newExperiments removedExperiments refsChanged parsedBlobs seconds }
  }
}"""

LR_EQ = {"columns": [{"column": LR, "op": "EQ", "value": LR_VALUE}]}


@dataclass(frozen=True, slots=True)
class Shape:
    """One page of the table: its GraphQL variables and its baseline side table."""

    key: str
    label: str
    variables: dict[str, Any]
    side: Side
    sort_column: str | None  # the column whose values order the page; None: createdAt
    page: int = 1


SHAPES = [
    Shape(
        "sort_metric",
        "first page sorted by metric acc DESC",
        {"order": [{"column": ACC, "direction": "DESC"}]},
        Side("bench_scale_acc", ("metric", "metrics.json", "acc"), True),
        ACC,
    ),
    Shape(
        "sort_param",
        "first page sorted by param lr ASC",
        {"order": [{"column": LR, "direction": "ASC"}]},
        Side("bench_scale_lr", ("param", "params.yaml", "lr"), False),
        LR,
    ),
    Shape(
        "page50",
        "page 50 by cursor (acc DESC)",
        {"order": [{"column": ACC, "direction": "DESC"}]},
        Side("bench_scale_acc", ("metric", "metrics.json", "acc"), True),
        ACC,
        page=50,
    ),
    Shape(
        "filter",
        f"filter lr = {LR_VALUE} (default order)",
        {"filter": LR_EQ},
        Side("bench_scale_lr_time", None, True, ("param", "params.yaml", "lr")),
        None,
    ),
    Shape(
        "filter_sort",
        f"filter lr = {LR_VALUE} + sort acc DESC",
        {"filter": LR_EQ, "order": [{"column": ACC, "direction": "DESC"}]},
        Side(
            "bench_scale_lr_acc",
            ("metric", "metrics.json", "acc"),
            True,
            ("param", "params.yaml", "lr"),
        ),
        ACC,
    ),
    Shape(
        "default",
        "first page, default order (newest first)",
        {},
        Side("bench_scale_time", None, True),
        None,
    ),
]


@dataclass(frozen=True, slots=True)
class Goals:
    index_s: float = 30.0
    rss_peak_mib: float = 400.0
    rss_after_mib: float = 200.0
    page_ms: float = 30.0
    count_ms: float = 50.0
    models_ms: float = 20.0
    sync_ms: float = 300.0
    ratio: float = 3.0


GOALS = Goals()
STRETCH = Goals(index_s=300.0, rss_peak_mib=500.0, rss_after_mib=500.0, page_ms=50.0)


def from_global_id(global_id: str) -> tuple[str, int]:
    """``Type:id`` of a Relay id (schema.relay's encoding, without importing the app)."""
    padded = global_id + "=" * (-len(global_id) % 4)
    kind, _, raw = base64.urlsafe_b64decode(padded).decode().partition(":")
    return kind, int(raw)


class ApiError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"  .. {message}", flush=True)


def stats(samples: list[float]) -> dict[str, Any]:
    """p50/p95 in ms of samples in seconds."""
    ms = sorted(s * 1e3 for s in samples)
    if not ms:
        return {"n": 0}
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {
        "n": len(ms),
        "p50": round(statistics.median(ms), 3),
        "p95": round(p95, 3),
        "samples": [round(x, 3) for x in ms],
    }


class Api:
    """HTTP GraphQL through one keep-alive httpx connection, as a client sends it."""

    def __init__(self, url: str, token: str) -> None:
        self.client = httpx.AsyncClient(
            base_url=url,
            headers={"Authorization": f"token {token}"},
            timeout=httpx.Timeout(3600.0),
            limits=httpx.Limits(max_connections=1),
        )

    async def close(self) -> None:
        await self.client.aclose()

    async def floor(self) -> float:
        """Seconds of a round trip to the server's cheapest route (``GET /healthz``, whose
        answer is kept a second) through the same client: what any request costs."""
        started = time.perf_counter()
        answer = await self.client.get("/healthz")
        answer.json()
        seconds = time.perf_counter() - started
        if answer.status_code != 200:
            raise ApiError(f"/healthz: HTTP {answer.status_code}")
        return seconds

    async def call(self, query: str, variables: dict[str, Any]) -> tuple[float, dict[str, Any]]:
        """(seconds, data): wall time from sending to the decoded answer."""
        started = time.perf_counter()
        answer = await self.client.post("/graphql", json={"query": query, "variables": variables})
        body = answer.json()
        seconds = time.perf_counter() - started
        if body.get("errors"):
            first = body["errors"][0]
            code = (first.get("extensions") or {}).get("code", "")
            raise ApiError(f"{code} {first.get('message', '')}".strip()[:300])
        if answer.status_code != 200:
            raise ApiError(f"HTTP {answer.status_code}")
        data: dict[str, Any] = body["data"]
        return seconds, data


# -- databases and servers -----------------------------------------------------------------


@dataclass(slots=True)
class Database:
    kind: str  # "sqlite" | "postgres"
    data_dir: Path
    url: str
    pg_name: str | None = None

    def env(self, repo: Path) -> dict[str, str]:
        out = {k: v for k, v in os.environ.items() if not k.startswith("GITSTUDIO_")}
        out["PYTHONPATH"] = str(ROOT)
        out["GITSTUDIO_LOCAL_REPO_ROOTS"] = str(repo.parent)
        if self.kind == "postgres":
            out["GITSTUDIO_DATABASE_URL"] = self.url
        return out


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


async def _pg(statement: str) -> None:
    admin = await asyncpg.connect(PG_ADMIN)
    try:
        await admin.execute(statement)
    finally:
        await admin.close()


def make_database(kind: str, root: Path) -> Database:
    data_dir = root / f"data-{kind}"
    data_dir.mkdir(parents=True)
    if kind == "sqlite":
        return Database(kind, data_dir, f"sqlite://{data_dir.resolve() / 'gitstudio.db'}")
    name = f"gitstudio_scale_{os.getpid()}"
    asyncio.run(_pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_pg(f'CREATE DATABASE "{name}"'))
    return Database(kind, data_dir, f"postgres://postgres@127.0.0.1:5432/{name}", name)


def drop_database(database: Database) -> None:
    if database.pg_name:
        asyncio.run(_pg(f'DROP DATABASE IF EXISTS "{database.pg_name}" WITH (FORCE)'))


def mint_token(database: Database, repo: Path) -> str:
    """A READ + PROJECTS token, minted by the CLI (which also applies the migrations)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gitstudio.cli",
            "token",
            "create",
            "--data-dir",
            str(database.data_dir),
            "--name",
            "scale",
            "--scope",
            "READ",
            "--scope",
            "PROJECTS",
        ],
        cwd=ROOT,
        env=database.env(repo),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def start_server(database: Database, repo: Path, log_name: str) -> Server:
    """``gitstudio serve`` with default settings (not pinned to a CPU: the index uses
    threads), the repository's parent admitted for createProject."""
    port = free_port()
    log_path = database.data_dir.parent / f"{log_name}-{port}.log"
    command = [
        sys.executable,
        "-m",
        "gitstudio.cli",
        "serve",
        "--data-dir",
        str(database.data_dir),
        "--port",
        str(port),
    ]
    return start(log_name, command, port, log_path, database.env(repo), cwd=ROOT, cpu=None)


# -- measuring -----------------------------------------------------------------------------


async def compare(
    api: Callable[[], Awaitable[float]],
    sql: Callable[[], Awaitable[float]] | None,
    runs: int,
    budget: float,
) -> tuple[list[float], list[float]]:
    """Interleaved samples (seconds) of ``api`` and ``sql``, after two warm-up calls each;
    stops early (after 5 rounds at least) once ``budget`` seconds have gone."""
    for _ in range(2):
        await api()
        if sql is not None:
            await sql()
    a: list[float] = []
    b: list[float] = []
    started = time.monotonic()
    for i in range(runs):
        if sql is not None and i % 2:
            b.append(await sql())
        a.append(await api())
        if sql is not None and not i % 2:
            b.append(await sql())
        if i >= 4 and time.monotonic() - started > budget:
            break
    return a, b


def _epoch(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def _api_keys(nodes: list[dict[str, Any]], column: str | None) -> list[float | None]:
    if column is None:
        return [_epoch(n["createdAt"]) for n in nodes]
    out: list[float | None] = []
    for n in nodes:
        found = next((c["value"] for c in n["values"] if c["column"] == column), None)
        out.append(float(found) if isinstance(found, int | float) else None)
    return out


async def _floor(
    api: Api, sql: Callable[[], Awaitable[float]], runs: int, budget: float
) -> dict[str, Any]:
    """The HTTP floor against the same SQL: if a request to a route doing nothing already
    costs more than 3x the ideal SQL, no page over HTTP can be within 3x of it."""
    a, b = await compare(api.floor, sql, runs, budget)
    floor: dict[str, Any] = {"api_ms": stats(a), "sql_ms": stats(b)}
    floor["ratio"] = round(statistics.median(a) / statistics.median(b), 2)
    log(f"HTTP floor (GET /healthz): {floor['api_ms']['p50']:.2f} ms, {floor['ratio']:.1f}x SQL")
    return floor


async def measure_pages(
    api: Api, base: Baseline, project_id: int, runs: int, budget: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for shape in SHAPES:
        result: dict[str, Any] = {"label": shape.label}
        out[shape.key] = result
        variables = {"name": PROJECT, "first": 50, "columns": VALUE_COLUMNS, **shape.variables}
        side = shape.side
        filtered = side.key is not None
        sql_args: list[Any] = [LR_VALUE] if filtered else []
        try:
            if shape.page > 1:
                after = None
                for _ in range(shape.page - 1):
                    _s, data = await api.call(PAGE, {**variables, "after": after})
                    info = data["project"]["experiments"]["pageInfo"]
                    if not info["hasNextPage"]:
                        raise LookupError(f"fewer than {shape.page} pages")
                    after = info["endCursor"]
                variables["after"] = after
                sql_args += list(await base.cursor_at(side, (shape.page - 1) * 50 - 1))
            query = base.page_sql(side, filtered, shape.page > 1)
            _s, data = await api.call(PAGE, variables)
            nodes = data["project"]["experiments"]["nodes"]
            _s, rows = await base.timed(query, sql_args)
            api_keys = _api_keys(nodes, shape.sort_column)
            sql_keys = [float(r[-1]) for r in rows]
            result["rows"] = len(nodes)
            result["same_sort_keys"] = api_keys == sql_keys
            if not result["same_sort_keys"]:
                result["api_keys"], result["sql_keys"] = api_keys[:10], sql_keys[:10]
            result["api_ids_equal_sql_ids"] = [from_global_id(n["id"])[1] for n in nodes] == [
                int(r[0]) for r in rows
            ]
            result["sql"] = query
            result["sql_plan"] = await base.explain(query, sql_args)

            async def call_api(v: dict[str, Any] = variables) -> float:
                return (await api.call(PAGE, v))[0]

            async def call_sql(q: str = query, a: list[Any] = sql_args) -> float:
                return (await base.timed(q, a))[0]

            a, b = await compare(call_api, call_sql, runs, budget)
            result["api_ms"], result["sql_ms"] = stats(a), stats(b)
            result["ratio"] = round(statistics.median(a) / statistics.median(b), 2)
            result["ratio_of_minimums"] = round(min(a) / min(b), 2)
            if shape.key == "default":
                result["floor"] = await _floor(api, call_sql, runs, budget)
            log(
                f"{shape.label}: {result['api_ms']['p50']:.1f} ms (p95"
                f" {result['api_ms']['p95']:.1f}), SQL {result['sql_ms']['p50']:.2f} ms,"
                f" {result['ratio']:.1f}x, same sort keys {result['same_sort_keys']}"
            )
        except (ApiError, LookupError) as exc:
            result["error"] = str(exc)
            log(f"{shape.label}: ERROR {exc}")
    return out


async def measure_engine(
    database: Database, project_id: int, args: argparse.Namespace
) -> dict[str, Any]:
    """The pages' engine in process against the same ideal SQL (bench/scale_engine.py), in
    a subprocess running the server's checkout (``--code``), while the side tables exist."""
    if not (ROOT / "bench" / "scale_engine.py").exists():
        return {"error": f"{ROOT} has no bench/scale_engine.py"}
    command = [
        sys.executable,
        "-m",
        "bench.scale_engine",
        "--url",
        database.url,
        "--project-id",
        str(project_id),
        "--runs",
        str(args.runs),
        "--budget",
        str(args.budget),
    ]
    done = await asyncio.to_thread(
        subprocess.run, command, cwd=ROOT, env=database.env(args.repo), capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "?"}
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[0])
    for shape in SHAPES:
        r = found.get(shape.key)
        if r:
            log(
                f"{shape.label}: engine {r['engine_ms']['p50']:.2f} ms, SQL"
                f" {r['sql_ms']['p50']:.2f} ms, {r['ratio']:.1f}x in process"
                f" ({r['statements']} statements)"
            )
    return found


async def measure_counts(
    api: Api, base: Baseline, project_id: int, runs: int, budget: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cases: list[tuple[str, str, dict[str, Any] | None, str, list[Any]]] = [
        (
            "all",
            "totalCount (all rows)",
            None,
            "SELECT COUNT(*) FROM experiments WHERE project_id = ?",
            [project_id],
        ),
        (
            "filter",
            f"totalCount, filter lr = {LR_VALUE}",
            LR_EQ,
            "SELECT COUNT(*) FROM bench_scale_lr_time WHERE k = ?",
            [LR_VALUE],
        ),
    ]
    for key, label, flt, query, args in cases:
        result: dict[str, Any] = {"label": label, "sql": query}
        out[key] = result
        variables = {"name": PROJECT, "filter": flt}
        try:
            _s, data = await api.call(COUNT, variables)
            result["count"] = data["project"]["experiments"]["totalCount"]
            result["sql_count"] = int((await base.fetch(query, args))[0][0])

            async def call_api(v: dict[str, Any] = variables) -> float:
                return (await api.call(COUNT, v))[0]

            async def call_sql(q: str = query, a: list[Any] = args) -> float:
                return (await base.timed(q, a))[0]

            a, b = await compare(call_api, call_sql, runs, budget)
            result["api_ms"], result["sql_ms"] = stats(a), stats(b)
            result["ratio"] = round(statistics.median(a) / statistics.median(b), 2)
            result["ratio_of_minimums"] = round(min(a) / min(b), 2)
            log(f"{label}: {result['count']} rows, {result['api_ms']['p50']:.1f} ms")
        except ApiError as exc:
            result["error"] = str(exc)
            log(f"{label}: ERROR {exc}")
    return out


async def measure_models(api: Api, runs: int, budget: float) -> dict[str, Any]:
    result: dict[str, Any] = {"label": "models query (warm)"}
    try:
        _s, data = await api.call(MODELS, {"name": PROJECT})
        models = data["project"]["models"]
        result["models"] = len(models)
        result["versions"] = sum(
            len(s["versions"]) for m in models for s in m["stages"]
        )  # versions in stages

        async def call() -> float:
            return (await api.call(MODELS, {"name": PROJECT}))[0]

        a, _ = await compare(call, None, runs, budget)
        result["api_ms"] = stats(a)
        log(f"models query: {len(models)} models, {result['api_ms']['p50']:.1f} ms")
    except ApiError as exc:
        result["error"] = str(exc)
    return result


async def noop_syncs(api: Api, project_gid: str, runs: int) -> dict[str, Any]:
    samples: list[float] = []
    reports: list[dict[str, Any]] = []
    for _ in range(runs):
        seconds, data = await api.call(SYNC, {"id": project_gid})
        payload = data["syncProject"]
        if payload["errors"]:
            raise ApiError(str(payload["errors"]))
        samples.append(seconds)
        reports.append(payload["sync"])
    changed = [r for r in reports if r and (r["newCommits"] or r["refsChanged"])]
    return {"api_ms": stats(samples), "reports": reports[:2], "changed_something": bool(changed)}


# -- one database --------------------------------------------------------------------------


INDEX_SECONDS = 1800  # the longest wait for an index (the 10k repository takes 1-2 min)


async def create_indexed(
    api: Api, repo: Path, name: str, answered: list[float] | None = None
) -> str:
    """createProject of ``repo`` over HTTP, then wait until it is indexed; its global id.
    ``answered`` gets the perf_counter time the mutation answered at."""
    _s, data = await api.call(CREATE, {"input": {"repoUrl": str(repo), "name": name}})
    payload = data["createProject"]
    if payload["errors"]:
        raise ApiError(str(payload["errors"]))
    if answered is not None:
        answered.append(time.perf_counter())
    deadline = time.monotonic() + INDEX_SECONDS
    while time.monotonic() < deadline:  # createProject answers after the first sync today
        _s, state = await api.call(INDEXED, {"name": name})
        if state["project"]["lastSyncError"]:
            raise ApiError(state["project"]["lastSyncError"])
        if state["project"]["lastSyncedAt"]:
            return str(payload["project"]["id"])
        await asyncio.sleep(0.05)
    raise ApiError(f"{name} not indexed within {INDEX_SECONDS} s")


def page_cache(repo: Path, cold: bool) -> float:
    """Put the repository's files in the page cache (read each once), or with ``cold`` drop
    the page cache (root only); returns the seconds it took. This machine pages out cold
    page cache on its own (DAMON): without either, the index reads the repository's 855 MB
    of loose objects from memory or from disk depending on what ran before (29 -> 51 s)."""
    started = time.perf_counter()
    if cold:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("1\n")
    else:
        for path in repo.rglob("*"):
            if path.is_file():
                with path.open("rb") as f:
                    while f.read(1 << 20):
                        pass
    return time.perf_counter() - started


async def _index(api: Api, repo: Path, server: Server, cold: bool) -> dict[str, Any]:
    cache_seconds = page_cache(repo, cold)
    sampler = Sampler(server.process.pid)
    sampler.start()
    started = time.perf_counter()
    answered: list[float] = []
    try:
        gid = await create_indexed(api, repo, PROJECT, answered)
        seconds = time.perf_counter() - started
    finally:
        sampler.stop()
    return {
        "seconds": round(seconds, 2),
        "page_cache": "dropped" if cold else "warm",
        "page_cache_seconds": round(cache_seconds, 1),
        "mutation_answered_s": round(answered[0] - started, 2),
        "project_gid": gid,
        "rss_peak_sampled_mib": round(sampler.peak, 1),
        "vm_hwm_mib": round(hwm_mib(server.process.pid), 1),
        "rss_samples": len(sampler.samples),
        "rss_timeline_mib": [(round(t, 2), round(m, 1)) for t, m in sampler.samples[::20]],
    }


async def _queries(
    server: Server, database: Database, token: str, args: argparse.Namespace, out: dict[str, Any]
) -> None:
    api = Api(server.url, token)
    base = Baseline(database.url)
    await base.open()
    try:
        out["index"] = idx = await _index(api, args.repo, server, args.cold)
        log(
            f"indexed in {idx['seconds']:.1f} s, peak RSS {idx['rss_peak_sampled_mib']:.0f} MiB"
            f" (VmHWM {idx['vm_hwm_mib']:.0f})"
        )
        out["rss_after_index_mib"] = round(settled_rss_mib(server.process.pid), 1)
        log(f"RSS after the index (settled): {out['rss_after_index_mib']:.0f} MiB")
        project_id = from_global_id(idx["project_gid"])[1]
        started = time.perf_counter()
        sides = list({s.side.table: s.side for s in SHAPES}.values())
        out["baseline_tables"] = await base.build(project_id, sides)
        log(f"baseline side tables built in {time.perf_counter() - started:.1f} s (not timed)")
        try:
            out["pages"] = await measure_pages(api, base, project_id, args.runs, args.budget)
            out["engine"] = await measure_engine(database, project_id, args)
            out["counts"] = await measure_counts(api, base, project_id, args.runs, args.budget)
        finally:
            await base.drop(sides)
        out["models"] = await measure_models(api, args.runs, args.budget)
        out["noop_sync"] = await noop_syncs(api, idx["project_gid"], 5)
        log(f"no-op sync: {out['noop_sync']['api_ms']['p50']:.0f} ms")
        out["rss_after_queries_mib"] = round(settled_rss_mib(server.process.pid), 1)
        out["vm_hwm_end_mib"] = round(hwm_mib(server.process.pid), 1)
        log(f"RSS after the queries (settled): {out['rss_after_queries_mib']:.0f} MiB")
    finally:
        await base.close()
        await api.close()


async def _after_restart(server: Server, token: str, project_gid: str) -> dict[str, Any]:
    api = Api(server.url, token)
    try:
        first = await noop_syncs(api, project_gid, 1)
        again = await noop_syncs(api, project_gid, 3)
        return {
            "first": first,
            "then": again,
            "rss_mib": round(tree_rss_mib(server.process.pid), 1),
        }
    finally:
        await api.close()


def run_database(kind: str, args: argparse.Namespace, root: Path) -> dict[str, Any]:
    print(f"\n[{kind}]", flush=True)
    out: dict[str, Any] = {"database": kind, "load_before": os.getloadavg()}
    database = make_database(kind, root)
    try:
        token = mint_token(database, args.repo)
        server = start_server(database, args.repo, f"serve-{kind}")
        try:
            asyncio.run(_queries(server, database, token, args, out))
        except (ApiError, httpx.HTTPError) as exc:
            out["error"] = f"{type(exc).__name__}: {exc}"
            log(f"ERROR {out['error']} (server log {server.log})")
        finally:
            server.stop()
        if "index" in out and "error" not in out:
            server = start_server(database, args.repo, f"serve-{kind}-restart")
            try:
                out["noop_sync_after_restart"] = asyncio.run(
                    _after_restart(server, token, out["index"]["project_gid"])
                )
                log(
                    "no-op sync, first after a restart:"
                    f" {out['noop_sync_after_restart']['first']['api_ms']['p50']:.0f} ms"
                )
            except (ApiError, httpx.HTTPError) as exc:
                out["error"] = f"{type(exc).__name__}: {exc}"
            finally:
                server.stop()
    finally:
        drop_database(database)
    out["load_after"] = os.getloadavg()
    return out


# -- the table -----------------------------------------------------------------------------


def _get(result: dict[str, Any], *path: str) -> Any:
    node: Any = result
    for p in path:
        if not isinstance(node, dict) or p not in node:
            return None
        node = node[p]
    return node


def rows_of(
    results: dict[str, dict[str, Any]], goals: Goals
) -> list[tuple[str, list[str], str, list[bool | None]]]:
    """(measure, one cell per database, goal, met per database)."""
    kinds = list(results)
    rows: list[tuple[str, list[str], str, list[bool | None]]] = []

    def add(
        label: str, goal: str, cell: Callable[[dict[str, Any]], tuple[str, bool | None]]
    ) -> None:
        cells, met = [], []
        for k in kinds:
            r = results[k]
            try:
                text, ok = cell(r)
            except (KeyError, TypeError):
                text, ok = ("error" if r.get("error") else "-"), None
            cells.append(text)
            met.append(ok)
        rows.append((label, cells, goal, met))

    def latency(
        path: tuple[str, ...], limit: float
    ) -> Callable[[dict[str, Any]], tuple[str, bool | None]]:
        def cell(r: dict[str, Any]) -> tuple[str, bool | None]:
            node = _get(r, *path)
            if node is None:
                return "-", None
            if node.get("error"):
                return "ERROR " + node["error"][:24], False
            ms = node["api_ms"]
            return f"{ms['p50']:.1f} ms (p95 {ms['p95']:.1f})", ms["p50"] < limit

        return cell

    def ratio(
        path: tuple[str, ...], limit: float
    ) -> Callable[[dict[str, Any]], tuple[str, bool | None]]:
        def cell(r: dict[str, Any]) -> tuple[str, bool | None]:
            node = _get(r, *path)
            if node is None or "ratio" not in node:
                return "-", None
            text = (
                f"{node['ratio']:.1f}x (min/min"
                f" {node['api_ms']['samples'][0] / node['sql_ms']['samples'][0]:.1f}x;"
                f" SQL {node['sql_ms']['p50']:.2f} ms)"
            )
            return text, node["ratio"] <= limit

        return cell

    def engine(key: str, limit: float) -> Callable[[dict[str, Any]], tuple[str, bool | None]]:
        def cell(r: dict[str, Any]) -> tuple[str, bool | None]:
            node = _get(r, "engine", key)
            if node is None:
                error = _get(r, "engine", "error")
                return ("ERROR " + error[:24], False) if error else ("-", None)
            text = (
                f"{node['ratio']:.1f}x (min/min {node['ratio_of_minimums']:.1f}x;"
                f" {node['engine_ms']['p50']:.2f} / {node['sql_ms']['p50']:.2f} ms,"
                f" {node['statements']} st.; without values(columns)"
                f" {node.get('page_only_ratio', 0):.1f}x)"
            )
            return text, node["ratio"] <= limit

        return cell

    add("table rows (totalCount)", "", lambda r: (f"{r['counts']['all']['count']:,}", None))
    add(
        "full index (createProject over HTTP)",
        f"< {goals.index_s:.0f} s",
        lambda r: (
            f"{r['index']['seconds']:.1f} s (page cache {r['index'].get('page_cache', '?')})",
            r["index"]["seconds"] < goals.index_s,
        ),
    )
    add(
        "peak RSS during the index",
        f"< {goals.rss_peak_mib:.0f} MiB",
        lambda r: (
            f"{max(r['index']['rss_peak_sampled_mib'], r['index']['vm_hwm_mib']):.0f} MiB",
            max(r["index"]["rss_peak_sampled_mib"], r["index"]["vm_hwm_mib"]) < goals.rss_peak_mib,
        ),
    )
    add(
        "RSS after the index (settled)",
        f"< {goals.rss_after_mib:.0f} MiB",
        lambda r: (
            f"{r['rss_after_index_mib']:.0f} MiB",
            r["rss_after_index_mib"] < goals.rss_after_mib,
        ),
    )
    add(
        "RSS after the queries (settled)",
        f"< {goals.rss_after_mib:.0f} MiB",
        lambda r: (
            f"{r['rss_after_queries_mib']:.0f} MiB",
            r["rss_after_queries_mib"] < goals.rss_after_mib,
        ),
    )
    for shape in SHAPES:
        add(shape.label, f"< {goals.page_ms:.0f} ms", latency(("pages", shape.key), goals.page_ms))
        add(
            "  vs ideal-index SQL",
            f"<= {goals.ratio:.0f}x",
            ratio(("pages", shape.key), goals.ratio),
        )
        add("  engine vs ideal SQL", f"<= {goals.ratio:.0f}x", engine(shape.key, goals.ratio))
    add(
        "HTTP floor: GET /healthz vs that SQL",
        "",
        lambda r: (
            f"{r['pages']['default']['floor']['api_ms']['p50']:.2f} ms,"
            f" {r['pages']['default']['floor']['ratio']:.1f}x",
            None,
        ),
    )
    add(
        "totalCount (all rows)",
        f"< {goals.count_ms:.0f} ms",
        latency(("counts", "all"), goals.count_ms),
    )
    add(
        f"totalCount, filter lr = {LR_VALUE}",
        f"< {goals.count_ms:.0f} ms",
        latency(("counts", "filter"), goals.count_ms),
    )
    add("models query (warm)", f"< {goals.models_ms:.0f} ms", latency(("models",), goals.models_ms))
    add(
        "no-op sync (syncProject)",
        f"< {goals.sync_ms:.0f} ms",
        latency(("noop_sync",), goals.sync_ms),
    )
    add(
        "no-op sync, first after a restart",
        f"< {goals.sync_ms:.0f} ms",
        latency(("noop_sync_after_restart", "first"), goals.sync_ms),
    )
    return rows


def print_table(results: dict[str, dict[str, Any]], goals: Goals) -> None:
    names = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
    header = ["measure", *(names[k] for k in results), "goal", "met?"]
    body: list[list[str]] = []
    for label, cells, goal, met in rows_of(results, goals):
        verdict = " / ".join("-" if m is None else ("yes" if m else "NO") for m in met)
        body.append([label, *cells, goal, verdict if goal else ""])
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    print()
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in body:
        print(line(r))
    for kind, res in results.items():
        load = " ".join(f"{x:.2f}" for x in res.get("load_before", ()))
        load_after = " ".join(f"{x:.2f}" for x in res.get("load_after", ()))
        print(
            f"{names[kind]}: load average {load} before, {load_after} after"
            + (f"; ERROR {res['error']}" if res.get("error") else "")
        )
        bad = [
            p["label"]
            for p in (res.get("pages") or {}).values()
            if p.get("same_sort_keys") is False
        ]
        if bad:
            print(f"  WARNING: the API's and the SQL's sort keys differ on: {', '.join(bad)}")
        if (res.get("noop_sync") or {}).get("changed_something"):
            print("  WARNING: a no-op sync reported changes (the repository moved?)")


def _head(path: Path) -> str:
    """The commit checked out at ``path`` ("" for a `git archive` copy)."""
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=path, capture_output=True, text=True, check=False
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument(
        "--commits", type=int, default=None, help="default 10,000 (stretch 100,000)"
    )
    parser.add_argument("--runs", type=int, default=30, help="timed requests per measure")
    parser.add_argument(
        "--budget",
        type=float,
        default=20.0,
        help="seconds per measure after which it stops (5 runs at least)",
    )
    parser.add_argument(
        "--stretch", action="store_true", help="PostgreSQL, 100,000 commits, the stretch goals"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "scale",
        help="where the generated repositories are kept between runs",
    )
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--plans", action="store_true", help="print the baseline SQL plans")
    parser.add_argument(
        "--code",
        type=Path,
        default=CHECKOUT,
        help="the checkout the servers run (e.g. a `git archive` of a commit); default this one",
    )
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="drop the page cache before each index (root); default: read the repository first",
    )
    parser.add_argument(
        "--table-from", type=Path, help="print the table of an earlier --json file and stop"
    )
    args = parser.parse_args(argv)
    if args.table_from:
        saved = json.loads(args.table_from.read_text())
        print_table(saved["results"], Goals(**saved["goals"]))
        return 0
    global ROOT
    ROOT = args.code.resolve()
    commits = args.commits or (100_000 if args.stretch else 10_000)
    kinds = (
        ["postgres"]
        if args.stretch
        else (["sqlite", "postgres"] if args.db == "both" else [args.db])
    )
    goals = STRETCH if args.stretch else GOALS
    print(
        f"scale: {commits:,} commits x 3 experiments, {', '.join(kinds)}; load {os.getloadavg()}",
        flush=True,
    )
    heads = (_head(ROOT), _head(CHECKOUT))  # as the run starts
    started = time.perf_counter()
    repo = scale_repo(args.cache, commits)
    log(
        f"repository {repo.path} ({repo.source}, {repo.registry_tags} GTO tags added,"
        f" {time.perf_counter() - started:.0f} s)"
    )
    args.repo = repo.path
    root = Path(tempfile.mkdtemp(prefix="gitstudio-scale-"))
    results: dict[str, dict[str, Any]] = {}
    try:
        for kind in kinds:
            results[kind] = run_database(kind, args, root)
    finally:
        if not args.keep:
            subprocess.run(["rm", "-rf", str(root)], check=False)
        else:
            log(f"kept {root}")
    print_table(results, goals)
    if args.plans:
        for kind, r in results.items():
            for p in (r.get("pages") or {}).values():
                print(f"-- {kind}: {p['label']}\n   {p.get('sql')}")
                for line in p.get("sql_plan", []):
                    print(f"     | {line}")
    if args.json:
        document = {
            "when": datetime.now().astimezone().isoformat(timespec="seconds"),
            "host": platform.node(),
            "cpus": os.cpu_count(),
            "git": heads[0],
            "checkout_head": heads[1],
            "code": str(ROOT),
            "repo": describe(repo),
            "goals": asdict(goals),
            "table": [
                {
                    "measure": label,
                    **dict(zip(results, cells, strict=True)),
                    "goal": goal,
                    "met": dict(zip(results, met, strict=True)),
                }
                for label, cells, goal, met in rows_of(results, goals)
            ],
            "results": results,
        }
        args.json.write_text(json.dumps(document, indent=1, default=str))
        log(f"wrote {args.json}")
    return 1 if any(r.get("error") for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
