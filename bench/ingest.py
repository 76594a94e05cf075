"""DVCLive ingest: points/s through ``POST /api/live`` vs a parse-only endpoint.

32 concurrent writers (``wrk -t1 -c32`` on CPU 1) send DVCLive-shaped ``data`` events: the
``plots`` chunk of a step, i.e. ``ROWS`` new rows for each of ``METRICS`` metric TSVs
(``dvclive/plots/metrics/m0.tsv: {"data": [{"step": s, "m0": v}]}``), for 32 runs (experiment
names) with increasing steps, so every row is new. wrk's Lua cannot tell its connections apart
within one thread, so request ``n`` goes to run ``n % 32`` at step ``n // 32``: with 32
requests in flight that is one run per connection in practice. (``wrk -t32 -c32`` would give
each connection its own run, but 32 wrk threads on one core cut the parse-only baseline by
10-35 % and tripled its p99.)

The candidate is ``gitstudio serve`` (SQLite, one uvicorn worker, CPU 0); the baseline is
``bench/plain_ingest_app.py`` (token check + orjson parse, ``200 {}``), served by uvicorn
the same way. They are measured alternately; the figure is points/s (the
ratio of medians), p99 latency and the server CPU per request (utime + stime of every
thread over the run) are reported alongside. Target: at least 60 % (issue 12). On a shared
machine the throughput ratio swings with the other tenants of CPU 0 (neither server
saturates it then); the CPU-per-request ratio (parse-only / gitstudio) is what the
throughput ratio becomes when the server's core is saturated.

After the run the server is stopped (its writer drains) and the points stored in
``metric_steps`` are counted: every acknowledged point must be there, and every answer must
be a 200.
"""

from __future__ import annotations

import json
import os
import pstats
import re
import shutil
import signal
import sqlite3
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
import pygit2

from bench.common import Figure, Options, Result, Target, log
from bench.fixture import Fixture, prepare_project
from bench.loadgen import Load, parse_wrk, run_wrk
from bench.profiling import write_profile
from bench.servers import ROOT, Server, cpu_seconds, free_port, start
from storage.tokens import Scope

WRITERS = 32  # wrk connections = live runs written concurrently
METRICS = 10  # metric TSVs per event
ROWS = 1  # new rows per metric per event (DVCLive sends the rows of one step)
POINTS = METRICS * ROWS  # points per request


# -- shared with bench/fanout.py -----------------------------------------------------------


def prepare(data_dir: Path, repo: Path) -> str:
    """Index ``repo`` as project ``bench`` in ``data_dir``; return an EXPERIMENTS token
    (which also grants READ)."""
    return prepare_project(data_dir, repo, Scope.EXPERIMENTS)


def head_sha(repo: Path) -> str:
    """The baseline_sha DVCLive would send: HEAD of the repository."""
    return str(pygit2.Repository(str(repo)).head.target)


def env(**extra: str) -> dict[str, str]:
    """The servers' environment: no GITSTUDIO_* settings leak in from the caller."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("GITSTUDIO_")}
    out["PYTHONPATH"] = str(ROOT)
    out.update(extra)
    return out


def start_gitstudio(
    opts: Options, data_dir: Path, profile: Path | None = None, **settings: str
) -> Server:
    """``gitstudio serve`` on SQLite, default settings (one worker, in-memory bus) but for
    ``settings`` (``GITSTUDIO_*`` environment variables)."""
    port = free_port()
    serve = ["-m", "gitstudio.cli", "serve", "--data-dir", str(data_dir), "--port", str(port)]
    command = [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else []), *serve]
    return start(
        "gitstudio", command, port, opts.workdir / f"gitstudio-{port}.log", env(**settings)
    )


def start_uvicorn(opts: Options, name: str, app: str, environ: dict[str, str]) -> Server:
    """A baseline app under uvicorn as ``gitstudio serve`` runs: one worker, uvloop and
    httptools when installed, no access log, permessage-deflate off."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
        "--ws-per-message-deflate",
        "false",
    ]
    return start(name, command, port, opts.workdir / f"{name}-{port}.log", environ)


def count_rows(database: Path, sql: str) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        value: int = conn.execute(sql).fetchone()[0]
        return value


# -- the events -----------------------------------------------------------------------------


def event_body(repo_url: str, sha: str, name: str, first_step: int, rows: int = ROWS) -> str:
    """What the Lua script sends, built in Python (for the check request and the report)."""
    plots = {
        f"dvclive/plots/metrics/m{m}.tsv": {
            "data": [
                {"step": s, f"m{m}": m + (s % 1000) / 1000}
                for s in range(first_step, first_step + rows)
            ]
        }
        for m in range(METRICS)
    }
    body = {
        "type": "data",
        "repo_url": repo_url,
        "baseline_sha": sha,
        "client": "dvclive",
        "name": name,
        "step": first_step + rows - 1,
        "plots": plots,
    }
    return json.dumps(body, separators=(",", ":"))


_LUA = """-- generated by bench/ingest.py: RUNS runs, round-robin over requests, increasing steps
local RUNS, ROWS, METRICS = @RUNS@, @ROWS@, @METRICS@
local PREFIX = [==[@PREFIX@]==]
local AUTH = [==[@AUTH@]==]
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  tag = "ingest-" .. args[1] .. "-" .. id .. "-"
  n = 0
  ok = 0
  bad = 0
  headers = {["Content-Type"] = "application/json", ["Authorization"] = AUTH}
end

function request()
  local run = n % RUNS
  local first = math.floor(n / RUNS) * ROWS
  n = n + 1
  local plots = {}
  for m = 0, METRICS - 1 do
    local rows = {}
    for r = 0, ROWS - 1 do
      local s = first + r
      rows[r + 1] = string.format('{"step":%d,"m%d":%.6f}', s, m, m + (s % 1000) / 1000)
    end
    plots[m + 1] = string.format('"dvclive/plots/metrics/m%d.tsv":{"data":[%s]}',
                                 m, table.concat(rows, ","))
  end
  local body = PREFIX .. tag .. run .. '","step":' .. string.format("%d", first + ROWS - 1)
               .. ',"plots":{' .. table.concat(plots, ",") .. "}}"
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local o, b = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    b = b + t:get("bad")
  end
  io.write(string.format("BENCH ok=%d bad=%d\\n", o, b))
end
"""


def lua_script(path: Path, repo_url: str, sha: str, token: str) -> Path:
    prefix = (
        '{"type":"data","repo_url":'
        + json.dumps(repo_url)
        + f',"baseline_sha":"{sha}","client":"dvclive","name":"'
    )
    text = (
        _LUA.replace("@RUNS@", str(WRITERS))
        .replace("@ROWS@", str(ROWS))
        .replace("@METRICS@", str(METRICS))
        .replace("@PREFIX@", prefix)
        .replace("@AUTH@", f"token {token}")
    )
    path.write_text(text)
    return path


@dataclass(frozen=True, slots=True)
class Run:
    """One wrk run against one server."""

    server: str
    tag: str
    seconds: float
    load: Load
    ok: int  # answers with status 200
    bad: int  # any other status
    cpu_s: float = 0.0  # server CPU (utime + stime, every thread) over the run

    @property
    def points_per_s(self) -> float:
        return self.load.rps * POINTS

    @property
    def cpu_us_per_request(self) -> float:
        """Server CPU per answered request: what the ratio is made of when the server's
        core is saturated, and less sensitive to the other tenants of a shared machine."""
        return 1e6 * self.cpu_s / max(1, self.ok + self.bad)


def wrk_run(server: Server, script: Path, seconds: float, tag: str) -> Run:
    cpu = cpu_seconds(server.process.pid)
    proc = run_wrk(f"{server.url}/api/live", script, seconds, WRITERS, tag)
    cpu = cpu_seconds(server.process.pid) - cpu
    counts = re.search(r"BENCH ok=(\d+) bad=(\d+)", proc.stdout)
    if counts is None:
        raise RuntimeError(f"wrk printed no BENCH line:\n{proc.stdout}\n{proc.stderr}")
    load = parse_wrk(proc.stdout)
    return Run(server.name, tag, seconds, load, int(counts[1]), int(counts[2]), cpu)


def _check(server: Server, body: str, token: str) -> None:
    headers = {"Content-type": "application/json", "Authorization": f"token {token}"}
    response = httpx.post(f"{server.url}/api/live", content=body, headers=headers, timeout=10)
    if response.status_code != 200 or response.content != b"{}":
        raise RuntimeError(f"{server.name}: {response.status_code} {response.text[:500]}")


@contextmanager
def _servers(opts: Options, data_dir: Path, token: str) -> Iterator[tuple[Server, Server]]:
    plain = start_uvicorn(opts, "parse-only", "bench.plain_ingest_app:app", env(BENCH_TOKEN=token))
    try:
        gitstudio = start_gitstudio(opts, data_dir)
        try:
            yield plain, gitstudio
        finally:
            gitstudio.stop()  # SIGTERM: the writer drains before the process ends
    finally:
        plain.stop()


def _rounds(opts: Options, plain: Server, gitstudio: Server, script: Path) -> list[Run]:
    rounds, warmup, duration = (2, 1.0, 3.0) if opts.quick else (3, 2.0, 6.0)
    runs: list[Run] = []
    for i in range(rounds):
        order = [plain, gitstudio] if i % 2 == 0 else [gitstudio, plain]
        measured: dict[str, Run] = {}
        for server in order:
            runs.append(wrk_run(server, script, warmup, f"r{i}w"))
            measured[server.name] = run = wrk_run(server, script, duration, f"r{i}m")
            runs.append(run)
        p, g = measured["parse-only"], measured["gitstudio"]
        log(
            f"round {i + 1}: parse-only {p.points_per_s:,.0f} points/s (p99 {p.load.p99_ms} ms,"
            f" {p.cpu_us_per_request:.0f} us CPU/request), gitstudio {g.points_per_s:,.0f}"
            f" points/s (p99 {g.load.p99_ms} ms, {g.cpu_us_per_request:.0f} us CPU/request);"
            f" load average {os.getloadavg()[0]:.2f}"
        )
    return runs


_STORED_POINTS = (
    "SELECT COALESCE(SUM((SELECT COUNT(*) FROM json_each(points))), 0) FROM metric_steps"
)


def _verify(runs: list[Run], database: Path, checked: int) -> dict[str, object]:
    """Every answer a 200 (no socket errors), every acknowledged point in metric_steps."""
    problems = [
        f"{r.server} {r.tag}: {r.bad} non-200, {r.load.errors} socket errors"
        for r in runs
        if r.bad or r.load.errors or r.load.non_2xx
    ]
    mine = [r for r in runs if r.server == "gitstudio"]
    acknowledged = (sum(r.ok for r in mine) + checked) * POINTS
    # Requests still in flight when wrk stopped may have been written but not counted.
    in_flight = len(mine) * WRITERS * POINTS
    rows = count_rows(database, _STORED_POINTS)
    runs_stored = count_rows(database, "SELECT COUNT(*) FROM experiments WHERE kind = 'LIVE'")
    if not acknowledged <= rows <= acknowledged + in_flight:
        problems.append(
            f"metric_steps holds {rows} points; acknowledged {acknowledged} (+ at most"
            f" {in_flight} in flight)"
        )
    if runs_stored != len(mine) * WRITERS + checked:
        problems.append(f"{runs_stored} live runs stored, expected {len(mine) * WRITERS + checked}")
    if problems:
        raise RuntimeError("ingest verification failed: " + "; ".join(problems))
    log(
        f"verified: every answer 200; metric_steps hold {rows:,} points for {acknowledged:,}"
        f" acknowledged points, {runs_stored} runs"
    )
    return {"rows_stored": rows, "points_acknowledged": acknowledged, "runs_stored": runs_stored}


def ingest(opts: Options, fixture: Fixture) -> Result:
    if shutil.which("wrk") is None:
        raise RuntimeError("the ingest benchmark needs wrk (apt-get install -y wrk)")
    data_dir = opts.workdir / "ingest-data"
    token = prepare(data_dir, fixture.repo)
    repo_url, sha = str(fixture.repo), head_sha(fixture.repo)
    script = lua_script(opts.workdir / "ingest.lua", repo_url, sha, token)
    example = event_body(repo_url, sha, "ingest-check", 0)
    with _servers(opts, data_dir, token) as (plain, gitstudio):
        _check(plain, example, token)
        _check(gitstudio, example, token)
        runs = _rounds(opts, plain, gitstudio, script)
    verified = _verify(runs, data_dir / "gitstudio.db", checked=1)
    measured = [r for r in runs if r.tag.endswith("m")]
    cand = [r for r in measured if r.server == "gitstudio"]
    base = [r for r in measured if r.server == "parse-only"]
    candidate = Figure(
        f"gitstudio POST /api/live, {POINTS} points per event",
        "points/s",
        [r.points_per_s for r in cand],
    )
    baseline = Figure(
        "parse-only Starlette endpoint (bench/plain_ingest_app.py)",
        "points/s",
        [r.points_per_s for r in base],
    )
    p99 = {
        side: sorted(r.load.p99_ms or 0.0 for r in group)[len(group) // 2]
        for side, group in (("gitstudio", cand), ("parse-only", base))
    }
    log(
        f"p99 latency (median of rounds): gitstudio {p99['gitstudio']:.1f} ms,"
        f" parse-only {p99['parse-only']:.1f} ms"
    )
    cpu = {
        side: statistics.median(r.cpu_us_per_request for r in group)
        for side, group in (("gitstudio", cand), ("parse-only", base))
    }
    log(
        f"server CPU per request (median of rounds): gitstudio {cpu['gitstudio']:.0f} us,"
        f" parse-only {cpu['parse-only']:.0f} us: parse-only / gitstudio"
        f" {cpu['parse-only'] / cpu['gitstudio']:.1%}"
    )
    details: dict[str, object] = {
        "writers": WRITERS,
        "metrics_per_event": METRICS,
        "rows_per_metric": ROWS,
        "points_per_request": POINTS,
        "p99_ms_median": p99,
        "cpu_us_per_request_median": cpu,
        "cpu_ratio_parse_only_over_gitstudio": cpu["parse-only"] / cpu["gitstudio"],
        "example_body": json.loads(example),
        "runs": [
            {
                **asdict(r),
                "points_per_s": r.points_per_s,
                "cpu_us_per_request": r.cpu_us_per_request,
            }
            for r in runs
        ],
        **verified,
    }
    if opts.profile:
        details["profiles"] = [_profile(opts, fixture)]
    return Result(
        name="ingest",
        title=(
            f"DVCLive data events ({METRICS} metrics x {ROWS} row) from {WRITERS} writers:"
            " POST /api/live vs parse-only (one uvicorn worker)"
        ),
        candidate=candidate,
        baseline=baseline,
        ratio=candidate.value / baseline.value,
        ratio_label="gitstudio points/s / parse-only points/s",
        ratio_format="%",
        target=Target(">=", 0.60),
        details=details,
    )


def _profile(opts: Options, fixture: Fixture) -> str:
    """A fresh gitstudio under cProfile (main thread only), loaded for a few seconds."""
    data_dir = opts.workdir / "ingest-profile-data"
    token = prepare(data_dir, fixture.repo)
    profiled = lua_script(
        opts.workdir / "ingest-profile.lua", str(fixture.repo), head_sha(fixture.repo), token
    )
    raw = opts.results_dir / "profile-ingest-server.raw"
    server = start_gitstudio(opts, data_dir, profile=raw)
    try:
        wrk_run(server, profiled, 4.0, "profile")
    finally:
        server.stop(signal.SIGINT)
    text = write_profile(pstats.Stats(str(raw)), opts.results_dir / "profile-ingest-server")
    raw.unlink(missing_ok=True)
    return str(text)
