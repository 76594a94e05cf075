"""Idle subscribers: server memory held by 10,000 open subscriptions, and how long an event
then takes to reach the last of them, gitstudio vs a plain broadcast.

Candidate: ``gitstudio serve`` (SQLite, one uvicorn worker, in-memory bus, CPU 0) with
``SUBSCRIBERS`` ``graphql-transport-ws`` connections, each running the ``liveMetrics``
subscription of bench/fanout.py (token in the ``connection_init`` payload, the per-token
websocket bound lifted for them). Baseline: ``bench/plain_ws_app.py`` under uvicorn, one
queue and one sender task per socket, no GraphQL, no database, no bus.

The client is one process on CPU 1 (``python -m bench.idle_subscribers client SPEC``), the
asyncio.Protocol websocket client of bench/fanout.py, so its memory is not the server's. For
each server in turn it reads the server's RSS (``/proc/<pid>/status`` VmRSS) before
connecting, opens every connection (init, ack, subscribe), waits until one event reaches all
of them, then leaves them idle for ``idle`` seconds and reads the RSS again (the figure),
then POSTs ``events`` events one at a time (each once every subscriber had the one before)
and records when the first and the last subscriber got each, then the RSS once more and the
peak (VmHWM). Targets (issue 12): gitstudio's RSS with 10,000 idle subscribers < 300 MiB;
the event-to-last-subscriber latency is reported beside the plain broadcast's (<= 1.5x).

``python -m bench.idle_subscribers [--subscribers N] [--ws IMPL] [--only gitstudio]`` runs
it outside bench/run.py; ``--ws`` serves gitstudio with another of uvicorn's websocket
implementations (``websockets``, ``websockets-sansio``, ``wsproto``) to compare them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.common import Figure, Options, Result, Target, log
from bench.fanout import (
    Endpoint,
    Fleet,
    _Setup,
    _start_run,
    _target,
    run_client_process,
    run_loop,
)
from bench.fixture import Fixture, make_fixture
from bench.ingest import env, start_gitstudio, start_uvicorn
from bench.servers import Server, cpu_seconds, free_port, start

SUBSCRIBERS = 10_000
RSS_BUDGET_MIB = 300.0  # issue 12: "10,000 idle subscribers < 300 MiB"
EVENTS = 20  # events sent to the idle subscribers (quick: 10)
IDLE_SECONDS = 5.0  # connections left idle before the RSS is read (quick: 3)


# -- the client process ---------------------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon... of a process, in KiB."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                out[name] = int(value.split()[0])
    return out


def _mib(kib: int) -> float:
    return kib / 1024


@dataclass(slots=True)
class Measured:
    """One server with ``subscribers`` idle websocket subscriptions."""

    server: str
    subscribers: int
    rss_before_mib: float  # before the first connection
    rss_idle_mib: float  # every subscription open and idle: the figure
    rss_after_events_mib: float
    peak_mib: float  # VmHWM
    kib_per_subscriber: float  # (idle - before) / subscribers
    connect_s: float  # opening every connection until one event reached all
    idle_cpu_ms_per_s: float  # server CPU while nobody sends anything
    first_ms: list[float]  # per event: when the first subscriber got it
    last_ms: list[float]  # per event: when the last subscriber got it

    @property
    def last_ms_median(self) -> float:
        return statistics.median(self.last_ms)


async def _measure(target: Endpoint, count: int, events: int, idle: float) -> Measured:
    before = _status(target.pid)["VmRSS"]
    fleet = Fleet(target, count)
    try:
        started = time.perf_counter()
        await fleet.connect()
        await fleet.settle(warmup=2)
        connect_s = time.perf_counter() - started
        cpu, started = cpu_seconds(target.pid), time.perf_counter()
        await asyncio.sleep(idle)
        idle_cpu = (cpu_seconds(target.pid) - cpu) / (time.perf_counter() - started)
        rss_idle = _status(target.pid)["VmRSS"]
        firsts: list[float] = []
        lasts: list[float] = []
        for _ in range(events):
            got = await fleet.event()
            if got is None:
                raise RuntimeError(f"{target.name}: event lost; {fleet._state()}")
            firsts.append(round(1000 * got[0], 2))
            lasts.append(round(1000 * got[1], 2))
        status = _status(target.pid)
        if fleet.lost or fleet.errors:
            raise RuntimeError(f"{target.name}: {fleet._state()}")
    finally:
        fleet.close()
    return Measured(
        server=target.name,
        subscribers=count,
        rss_before_mib=_mib(before),
        rss_idle_mib=_mib(rss_idle),
        rss_after_events_mib=_mib(status["VmRSS"]),
        peak_mib=_mib(status["VmHWM"]),
        kib_per_subscriber=(rss_idle - before) / count,
        connect_s=connect_s,
        idle_cpu_ms_per_s=1000 * idle_cpu,
        first_ms=firsts,
        last_ms=lasts,
    )


async def run_client(spec: dict[str, Any]) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    for raw in spec["servers"]:
        measured = await _measure(
            Endpoint(**raw), spec["subscribers"], spec["events"], spec["idle"]
        )
        out.append({**asdict(measured), "last_ms_median": measured.last_ms_median})
        print(json.dumps({"progress": out[-1]}), file=sys.stderr, flush=True)
        # The closed sockets' servers wind down before the next server is measured.
        await asyncio.sleep(1.0)
    return {"measured": out}


def _raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def client_main(path: Path) -> int:
    _raise_fd_limit()
    print(json.dumps(run_loop(run_client(json.loads(path.read_text())))))
    return 0


# -- gitstudio under another websocket implementation (comparisons only) ---------------------


def serve_main(data_dir: Path, port: int, ws: str) -> int:
    """``gitstudio serve`` as gitstudio/cli.py runs it, but for uvicorn's ``ws`` (a
    GITSTUDIO_WS_PROTOCOL name, or ``module:class``)."""
    import uvicorn

    from gitstudio.app import create_app
    from gitstudio.cli import GRACEFUL_SHUTDOWN_SECONDS
    from gitstudio.settings import from_env
    from gitstudio.ws_server import uvicorn_ws

    settings = from_env().with_overrides(data_dir=data_dir, port=port)
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)
    uvicorn.run(
        create_app(settings),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        ws=uvicorn_ws(ws) if ":" not in ws else ws,
        ws_per_message_deflate=False,
        ws_max_size=settings.ws_max_message_bytes,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    return 0


def _start_gitstudio(opts: Options, data_dir: Path, ws: str | None, **settings: str) -> Server:
    if ws is None:
        return start_gitstudio(opts, data_dir, **settings)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "bench.idle_subscribers",
        "serve",
        str(data_dir),
        str(port),
        ws,
    ]
    log_path = opts.workdir / f"gitstudio-{port}.log"
    return start("gitstudio", command, port, log_path, env(**settings))


# -- the runner side --------------------------------------------------------------------------


def measure(
    opts: Options,
    fixture: Fixture,
    subscribers: int = SUBSCRIBERS,
    ws: str | None = None,
    only: Sequence[str] = ("plain", "gitstudio"),
    extra: dict[str, str] | None = None,
) -> dict[str, Any]:
    data_dir = opts.workdir / "idle-subscribers-data"
    setup = _Setup.prepare(data_dir, fixture)
    settings = {"GITSTUDIO_WS_MAX_CONNECTIONS_PER_TOKEN": str(subscribers + 10), **(extra or {})}
    events, idle = (10, 3.0) if opts.quick else (EVENTS, IDLE_SECONDS)
    servers: list[Server] = []
    try:
        gitstudio = _start_gitstudio(opts, data_dir, ws, **settings)
        servers.append(gitstudio)
        experiment = _start_run(gitstudio, setup, "idle-run")
        targets = {"gitstudio": asdict(_target(gitstudio, setup, "idle-run", experiment))}
        if "plain" in only:
            plain = start_uvicorn(
                opts, "plain", "bench.plain_ws_app:app", env(BENCH_TOKEN=setup.token)
            )
            servers.append(plain)
            targets["plain"] = asdict(_target(plain, setup, "idle-run", experiment))
        spec = {
            "subscribers": subscribers,
            "events": events,
            "idle": idle,
            "servers": [targets[name] for name in only],
        }
        module = ["bench.idle_subscribers", "client"]
        out = run_client_process(opts, "idle-subscribers", module, spec, timeout=1200)
    finally:
        for server in servers:
            server.stop()
    for m in out["measured"]:
        log(
            f"{m['server']:>9}: {m['subscribers']:,} idle subscribers: RSS"
            f" {m['rss_before_mib']:.0f} -> {m['rss_idle_mib']:.0f} MiB"
            f" ({m['kib_per_subscriber']:.1f} KiB each), after events"
            f" {m['rss_after_events_mib']:.0f} MiB, peak {m['peak_mib']:.0f} MiB; idle CPU"
            f" {m['idle_cpu_ms_per_s']:.0f} ms/s; event -> last subscriber median"
            f" {m['last_ms_median']:.0f} ms (max {max(m['last_ms']):.0f}), first"
            f" {statistics.median(m['first_ms']):.1f} ms; connect {m['connect_s']:.1f} s"
        )
    return {
        "ws": ws or "default (gitstudio serve)",
        "settings": settings,
        "load_average": os.getloadavg(),
        **out,
    }


def idle_subscribers(opts: Options, fixture: Fixture) -> list[Result]:
    details = measure(opts, fixture)
    by = {m["server"]: m for m in details["measured"]}
    g, p = by["gitstudio"], by["plain"]
    rss_c = Figure(
        f"gitstudio serve, {SUBSCRIBERS:,} idle liveMetrics subscriptions",
        "MiB",
        [g["rss_idle_mib"]],
    )
    rss_b = Figure(
        f"plain Starlette broadcast (bench/plain_ws_app.py), {SUBSCRIBERS:,} idle sockets",
        "MiB",
        [p["rss_idle_mib"]],
    )
    last_c = Figure(
        "gitstudio, POST written -> last subscriber's frame", "s", [x / 1000 for x in g["last_ms"]]
    )
    last_b = Figure(
        "plain broadcast, POST written -> last subscriber's frame",
        "s",
        [x / 1000 for x in p["last_ms"]],
    )
    title = f"{SUBSCRIBERS:,} idle graphql-transport-ws subscribers"
    return [
        Result(
            name="idle-subscribers-rss",
            title=f"{title}: server RSS (the plain broadcast's beside it)",
            candidate=rss_c,
            baseline=rss_b,
            ratio=rss_c.value / RSS_BUDGET_MIB,
            ratio_label=f"gitstudio RSS / the {RSS_BUDGET_MIB:.0f} MiB budget of issue 12",
            ratio_format="x",
            target=Target("<", 1.0),
            details=details,
        ),
        Result(
            name="idle-subscribers-latency",
            title=f"{title}: one event to the last of them",
            candidate=last_c,
            baseline=last_b,
            ratio=last_c.value / last_b.value,
            ratio_label="gitstudio / plain (median event -> last subscriber)",
            ratio_format="x",
            target=Target("<=", 1.5),
            details={"see": "idle-subscribers-rss"},
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["client"]:
        return client_main(Path(argv[1]))
    if argv[:1] == ["serve"]:
        return serve_main(Path(argv[1]), int(argv[2]), argv[3])
    parser = argparse.ArgumentParser(prog="python -m bench.idle_subscribers")
    parser.add_argument("--subscribers", type=int, default=SUBSCRIBERS)
    parser.add_argument("--ws", help="uvicorn websocket implementation for gitstudio")
    parser.add_argument("--only", default="plain,gitstudio", help="servers, in order")
    parser.add_argument(
        "--setting", action="append", default=[], help="GITSTUDIO_X=value for gitstudio"
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="gitstudio-idle-"))
    opts = Options(quick=args.quick, workdir=workdir, results_dir=workdir, profile=False)
    fixture = make_fixture(workdir, commits=10, exps_per_commit=1)
    try:
        extra = dict(item.split("=", 1) for item in args.setting)
        details = measure(opts, fixture, args.subscribers, args.ws, args.only.split(","), extra)
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(details))
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
