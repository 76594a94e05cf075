"""A small authenticated GraphQL query over HTTP vs a plain Starlette JSON endpoint (req/s).

Both run as one uvicorn worker (uvloop + httptools when installed) pinned to CPU 0; the
load generator runs on CPU 1 with 32 keep-alive connections. Baseline and candidates are
measured alternately; the figure is the ratio of medians. Target: at least 40%. gitstudio
is measured twice: with its compiled query plans (the default) and with
``GITSTUDIO_COMPILED_PLANS=0`` (every query on graphql-core), each reported as a result.
"""

from __future__ import annotations

import json
import pstats
import signal
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path

import httpx

from bench import ingest
from bench.common import Figure, Options, Result, Target, log
from bench.fixture import PROJECT, Fixture, prepare_project
from bench.loadgen import CONNECTIONS, Load, Request, measure
from bench.profiling import write_profile
from bench.servers import Server
from storage.tokens import Scope

# The target query reads project metadata (served from the short-lived project cache); the
# second one also pages commits and counts them (two SQLite round trips), reported alongside.
QUERY = '{ project(name: "bench") { id name defaultBranch lastSyncedAt } }'
DB_QUERY = '{ project(name: "bench") { name commits(first: 1) { totalCount } } }'


def start_gitstudio(
    opts: Options, data_dir: Path, profile: Path | None = None, plans: bool = True
) -> Server:
    """``gitstudio serve`` as bench/ingest.py starts it; ``plans=False``: every query on
    graphql-core (GITSTUDIO_COMPILED_PLANS=0)."""
    settings = {} if plans else {"GITSTUDIO_COMPILED_PLANS": "0"}
    return ingest.start_gitstudio(opts, data_dir, profile, **settings)


def start_plain(opts: Options) -> Server:
    return ingest.start_uvicorn(opts, "plain", "bench.plain_app:app", ingest.env())


def _request(server: Server, token: str, query: str = QUERY) -> Request:
    headers = {"Content-Type": "application/json", "Authorization": f"token {token}"}
    return Request(f"{server.url}/graphql", json.dumps({"query": query}), headers)


def _check(req: Request, graphql: bool) -> object:
    """One request before the load: fail loudly if the answer is not the expected one."""
    response = httpx.post(req.url, content=req.body, headers=req.headers, timeout=10)
    body = response.json()
    if response.status_code != 200 or (
        graphql
        and (
            body.get("errors")
            or not (body.get("data", {}).get("project") or {}).get("name") == PROJECT
        )
    ):
        raise RuntimeError(f"unexpected answer from {req.url}: {response.status_code} {body}")
    return body


@contextmanager
def _servers(opts: Options, data_dir: Path) -> Iterator[tuple[Server, Server, Server]]:
    """Plain Starlette, gitstudio with compiled plans, gitstudio without."""
    with ExitStack() as stack:
        servers = (
            start_plain(opts),
            start_gitstudio(opts, data_dir),
            start_gitstudio(opts, data_dir, plans=False),
        )
        for server in servers:
            stack.callback(server.stop)
        yield servers


def _rounds(opts: Options, requests: dict[str, Request]) -> dict[str, list[Load]]:
    """Each request measured once a round, the order reversed every other round."""
    rounds, warmup, duration = (2, 1.0, 3.0) if opts.quick else (3, 2.0, 6.0)
    loads: dict[str, list[Load]] = {name: [] for name in requests}
    for i in range(rounds):
        order = list(requests.items())
        for name, req in order if i % 2 == 0 else reversed(order):
            loads[name].append(measure(req, warmup, duration, opts.workdir))
        log(f"round {i + 1}: " + ", ".join(f"{n} {x[-1].rps:.0f} req/s" for n, x in loads.items()))
    return loads


def graphql_http(opts: Options, fixture: Fixture) -> list[Result]:
    data_dir = opts.workdir / "http-data"
    token = prepare_project(data_dir, fixture.repo, Scope.READ)
    with _servers(opts, data_dir) as (plain_server, gql_server, core_server):
        requests = {
            "plain": _request(plain_server, token),
            "graphql": _request(gql_server, token),
            "graphql without plans": _request(core_server, token),
            "graphql with commits page": _request(gql_server, token, DB_QUERY),
        }
        answer = _check(requests["graphql"], graphql=True)
        _check(requests["graphql without plans"], graphql=True)
        _check(requests["graphql with commits page"], graphql=True)
        _check(requests["plain"], graphql=False)
        loads = _rounds(opts, requests)
    base, cand = loads["plain"], loads["graphql"]
    cand_db, core = loads["graphql with commits page"], loads["graphql without plans"]
    candidate = Figure(
        "gitstudio /graphql, tiny authenticated query", "req/s", [x.rps for x in cand]
    )
    baseline = Figure(
        "plain Starlette JSONResponse (bench/plain_app.py)", "req/s", [x.rps for x in base]
    )
    db_rps = sorted(x.rps for x in cand_db)[len(cand_db) // 2]
    share = db_rps / baseline.value
    log(f"with a commits page + count: {db_rps:,.0f} req/s = {share:.1%} of plain")
    details: dict[str, object] = {
        "query": QUERY,
        "db_query": DB_QUERY,
        "db_query_rps": db_rps,
        "db_query_ratio": db_rps / baseline.value,
        "answer": answer,
        "connections": CONNECTIONS,
        "tool": cand[0].tool,
        "candidate_runs": [asdict(x) for x in cand],
        "baseline_runs": [asdict(x) for x in base],
        "errors_or_non_2xx": sum(x.errors + x.non_2xx for x in cand + base + core),
    }
    if opts.profile:
        details["profiles"] = [_profile(opts, data_dir, token)]
    without = Figure(
        "gitstudio /graphql with GITSTUDIO_COMPILED_PLANS=0", "req/s", [x.rps for x in core]
    )
    return [
        _result("graphql-http", "", candidate, baseline, details),
        _result(
            "graphql-no-plans",
            ", compiled plans off",
            without,
            baseline,
            {"query": QUERY, "candidate_runs": [asdict(x) for x in core]},
        ),
    ]


def _result(
    name: str, variant: str, candidate: Figure, baseline: Figure, details: dict[str, object]
) -> Result:
    return Result(
        name=name,
        title=(
            f"tiny GraphQL query over HTTP vs plain Starlette JSON (one uvicorn worker{variant})"
        ),
        candidate=candidate,
        baseline=baseline,
        ratio=candidate.value / baseline.value,
        ratio_label="graphql req/s / plain req/s",
        ratio_format="%",
        target=Target(">=", 0.40),
        details=details,
    )


def _profile(opts: Options, data_dir: Path, token: str) -> str:
    """An extra gitstudio server under cProfile (main thread only), loaded for a few seconds."""
    raw = opts.results_dir / "profile-graphql-http-server.raw"
    server = start_gitstudio(opts, data_dir, profile=raw)
    try:
        measure(_request(server, token), 1.0, 4.0, opts.workdir)
    finally:
        server.stop(signal.SIGINT)
    text = write_profile(pstats.Stats(str(raw)), opts.results_dir / "profile-graphql-http-server")
    raw.unlink(missing_ok=True)
    return str(text)
