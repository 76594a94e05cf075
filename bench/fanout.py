"""Fan-out: one live run's events to 1,000 websocket subscribers, gitstudio vs a plain broadcast.

Candidate: ``gitstudio serve`` (SQLite, one uvicorn worker, in-memory bus, CPU 0) with 1,000
``graphql-transport-ws`` connections, each running ``subscription { liveMetrics(projectId:
..., experimentId: ...) { type step metrics } }`` (token in the ``connection_init`` payload).
Baseline: ``bench/plain_ws_app.py``, a Starlette websocket endpoint under uvicorn that
broadcasts the same bytes through per-socket queues. Both get their events the same way, as
DVCLive ``data`` events (the plots chunk of one step, ``METRICS`` metrics) POSTed to
``/api/live``, and send the same frame for each (checked byte for byte).

The client is one process on CPU 1 (``python -m bench.fanout SPEC``): a minimal websocket
client on asyncio (uvloop when installed) that offers no extension, so permessage-deflate is
off on both sides (the servers are also configured so). It keeps 1,000 connections open to
each server and runs rounds alternately, plain/gitstudio then gitstudio/plain. A round is a
closed loop of ``events`` events: POST one, wait until all 1,000 subscribers have it, POST
the next. Latency is client receipt minus the moment the POST was written (same clock); the
server's CPU per delivered message comes from ``/proc/<pid>/stat`` (utime + stime, every
thread) over the round. Targets: both within 1.5x of the plain broadcast.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import pstats
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from base64 import b64encode
from collections.abc import Coroutine, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import httpx
import orjson

from bench.common import Figure, Options, Result, Target, log
from bench.fixture import PROJECT, Fixture
from bench.ingest import (
    METRICS,
    env,
    event_body,
    head_sha,
    prepare,
    start_gitstudio,
    start_uvicorn,
)
from bench.profiling import write_profile
from bench.servers import CLIENT_CPU, ROOT, Server, cpu_seconds, pinned
from schema.relay import to_global_id

T = TypeVar("T")

SUBSCRIBERS = 1000
# The subscribers share one token: lift the per-token websocket bound (100 by default) for
# them, as an operator serving a wall of dashboards on one token would.
SUBSCRIBER_SETTINGS = {"GITSTUDIO_WS_MAX_CONNECTIONS_PER_TOKEN": str(SUBSCRIBERS + 10)}
CONNECT_CONCURRENCY = 100
EVENT_TIMEOUT = 30.0  # seconds for one event to reach every subscriber
QUERY = (
    'subscription {{ liveMetrics(projectId: "{project}", experimentId: "{experiment}")'
    " {{ type step metrics }} }}"
)


# -- the client process ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One server as the client sees it."""

    name: str
    host: str
    port: int
    pid: int
    token: str
    query: str
    repo_url: str
    sha: str
    run: str


@dataclass(frozen=True, slots=True)
class Spec:
    subscribers: int
    rounds: int
    events: int  # per round and server
    warmup: int  # events per server before the first round
    servers: list[Endpoint]

    @staticmethod
    def load(path: Path) -> Spec:
        raw = json.loads(path.read_text())
        raw["servers"] = [Endpoint(**s) for s in raw["servers"]]
        return Spec(**raw)


@dataclass(slots=True)
class RoundStats:
    """One round against one server."""

    server: str
    events: int
    deliveries: int
    seconds: float
    server_cpu_s: float
    client_cpu_s: float
    cpu_us_per_delivery: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    first_ms_median: float  # the first subscriber to get an event
    last_ms_median: float  # the last one
    events_per_s: float
    stalls: int  # events whose last subscriber waited over 3x the round's median
    last_ms: list[float]  # per event: when the last subscriber got it


def _client_cpu() -> float:
    t = os.times()
    return t.user + t.system


def _quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


def _ws_frame(text: str | bytes, opcode: int = 1) -> bytes:
    """A masked client frame (the mask is required of clients; its value does not matter)."""
    data = text.encode() if isinstance(text, str) else text
    n = len(data)
    mask = os.urandom(4)
    if n < 126:
        head = bytes([0x80 | opcode, 0x80 | n])
    elif n < 65536:
        head = bytes([0x80 | opcode, 0x80 | 126]) + n.to_bytes(2, "big")
    else:
        head = bytes([0x80 | opcode, 0x80 | 127]) + n.to_bytes(8, "big")
    keys = (mask * (n // 4 + 1))[:n]
    masked = (int.from_bytes(data, "big") ^ int.from_bytes(keys, "big")).to_bytes(n, "big")
    return head + mask + masked


class Subscriber(asyncio.Protocol):
    """One websocket connection: handshake, then server frames parsed in ``data_received``."""

    def __init__(self, owner: Fleet, index: int) -> None:
        self.owner = owner
        self.index = index
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.upgraded = False
        loop = asyncio.get_running_loop()
        self.opened: asyncio.Future[None] = loop.create_future()
        self.acked: asyncio.Future[None] = loop.create_future()
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport = cast(asyncio.Transport, transport)  # uvloop's is not one
        key = b64encode(os.urandom(16)).decode()
        target = self.owner.target
        transport.write(
            (
                f"GET /graphql HTTP/1.1\r\nHost: {target.host}:{target.port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
            ).encode()
        )

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.owner.lost += 1
        for future in (self.opened, self.acked):
            if not future.done():
                future.set_exception(ConnectionError(f"subscriber {self.index} lost: {exc}"))

    def send(self, text: str | bytes, opcode: int = 1) -> None:
        assert self.transport is not None
        self.transport.write(_ws_frame(text, opcode))

    def data_received(self, data: bytes) -> None:
        try:
            self._received(data, time.perf_counter())
        except Exception as exc:  # a broken stream: fail loudly, not with a hang
            self.owner.errors.append(f"subscriber {self.index}: {exc!r}")
            for future in (self.opened, self.acked):
                if not future.done():
                    future.set_exception(exc)
            if self.transport is not None:
                self.transport.close()

    def _received(self, data: bytes, now: float) -> None:
        buf = self.buffer + data if self.buffer else data
        if not self.upgraded:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                self.buffer = buf
                return
            self._upgrade(buf[:end].decode("latin-1"))
            buf = buf[end + 4 :]
        pos, size = 0, len(buf)
        while size - pos >= 2:
            b0, length = buf[pos], buf[pos + 1]
            if length & 0x80:
                raise RuntimeError("masked server frame")
            length &= 0x7F
            head = 2
            if length == 126:
                if size - pos < 4:
                    break
                length, head = int.from_bytes(buf[pos + 2 : pos + 4], "big"), 4
            elif length == 127:
                if size - pos < 10:
                    break
                length, head = int.from_bytes(buf[pos + 2 : pos + 10], "big"), 10
            if size - pos < head + length:
                break
            payload = buf[pos + head : pos + head + length]
            pos += head + length
            if not b0 & 0x80:
                raise RuntimeError("fragmented server frame")
            opcode = b0 & 0x0F
            if opcode == 1:
                self.owner.on_text(self, payload, now)
            elif opcode == 9:  # ping: the pong echoes its payload byte for byte
                self.send(payload, 0xA)
            elif opcode == 8:
                self.owner.closes.append(payload[2:].decode("utf-8", "replace"))
                if self.transport is not None:
                    self.transport.close()
        self.buffer = buf[pos:]

    def _upgrade(self, head: str) -> None:
        lines = head.split("\r\n")
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])
        }
        if " 101 " not in lines[0] + " ":
            raise RuntimeError(f"handshake refused: {lines[0]}")
        if headers.get("sec-websocket-protocol") != "graphql-transport-ws":
            raise RuntimeError(f"subprotocol not accepted: {headers}")
        if "sec-websocket-extensions" in headers:
            raise RuntimeError(
                f"an extension was negotiated: {headers['sec-websocket-extensions']}"
            )
        self.upgraded = True
        self.opened.set_result(None)


class Poster:
    """One keep-alive HTTP/1.1 connection for POST /api/live; stamps the moment of writing."""

    def __init__(self, target: Endpoint) -> None:
        self.target = target
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.target.host, self.target.port)

    def request(self, body: bytes) -> bytes:
        return (
            f"POST /api/live HTTP/1.1\r\nHost: {self.target.host}:{self.target.port}\r\n"
            f"Content-type: application/json\r\nAuthorization: token {self.target.token}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body

    async def post(self, request: bytes) -> tuple[float, int]:
        """Write ``request``; return (when it was written, the answer's status). uvicorn
        closes a connection idle for 5 s: then it is opened again first."""
        if self.reader is None or self.reader.at_eof():
            self.close()
            await self.open()
        try:
            return await self._post(request)
        except (asyncio.IncompleteReadError, ConnectionError):  # closed as we wrote
            self.close()
            await self.open()
            return await self._post(request)

    async def _post(self, request: bytes) -> tuple[float, int]:
        assert self.reader is not None and self.writer is not None
        stamp = time.perf_counter()
        self.writer.write(request)
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        status = int(head.split(" ", 2)[1])
        length = 0
        for line in head.split("\r\n")[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return stamp, status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class Fleet:
    """The subscribers of one server, the poster that feeds it and the per-event counters."""

    def __init__(self, target: Endpoint, count: int) -> None:
        self.target = target
        self.count = count
        self.subscribers: list[Subscriber] = []
        self.poster = Poster(target)
        self.step = 0
        self.expect: int | None = None
        self.stamp = 0.0
        self.got = 0
        self.done: asyncio.Future[float] | None = None
        self.latencies: list[float] = []
        self.measured: list[float] = []  # latencies of every measured round
        self.frames: dict[int, bytes] = {}  # step -> frame, as subscriber 0 got it
        self.other = 0  # frames that were not the awaited event (catch-up START...)
        self.lost = 0
        self.closes: list[str] = []
        self.errors: list[str] = []

    async def connect(self) -> None:
        await self.poster.open()
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
        init = orjson.dumps(
            {"type": "connection_init", "payload": {"Authorization": f"token {self.target.token}"}}
        ).decode()
        subscribe = orjson.dumps(
            {"id": "1", "type": "subscribe", "payload": {"query": self.target.query}}
        ).decode()

        async def one(index: int) -> None:
            async with gate:
                sub = Subscriber(self, index)
                await loop.create_connection(lambda: sub, self.target.host, self.target.port)
                await asyncio.wait_for(sub.opened, 30)
                sub.send(init)
                await asyncio.wait_for(sub.acked, 30)
                sub.send(subscribe)
                self.subscribers.append(sub)

        await asyncio.gather(*(one(i) for i in range(self.count)))

    def on_text(self, sub: Subscriber, text: bytes, now: float) -> None:
        if text.startswith(b'{"id":"1","type":"next"'):
            event = orjson.loads(text)["payload"]["data"]["liveMetrics"]
            step = event["step"]
            if event["type"] == "DATA" and step == self.expect:
                self.latencies.append(now - self.stamp)
                if sub.index == 0:
                    self.frames[step] = text
                self.got += 1
                if self.got == self.count and self.done is not None and not self.done.done():
                    self.done.set_result(now)
                return
            self.other += 1
        elif text == b'{"type":"connection_ack"}':
            if not sub.acked.done():
                sub.acked.set_result(None)
        else:
            self.errors.append(text.decode("utf-8", "replace")[:500])

    async def event(self, timeout: float = EVENT_TIMEOUT) -> tuple[float, float] | None:
        """POST one event and wait until every subscriber has it: (first, last) latency in
        seconds, or None when some did not get it within ``timeout``."""
        step = self.step
        self.step += 1
        body = event_body(self.target.repo_url, self.target.sha, self.target.run, step, 1)
        request = self.poster.request(body.encode())
        self.expect, self.got = step, 0
        first = len(self.latencies)
        self.done = asyncio.get_running_loop().create_future()
        self.stamp, status = await self.poster.post(request)
        if status != 200:
            raise RuntimeError(f"{self.target.name}: POST /api/live answered {status}")
        try:
            last = await asyncio.wait_for(asyncio.shield(self.done), timeout)
        except TimeoutError:
            return None
        finally:
            self.expect = None
        return self.latencies[first] if len(self.latencies) > first else 0.0, last - self.stamp

    async def settle(self, warmup: int) -> None:
        """Until one event reaches every subscriber (their subscriptions are all live), then
        ``warmup`` more."""
        for _ in range(60):
            if await self.event(timeout=2.0) is not None:
                break
        else:
            raise RuntimeError(f"{self.target.name}: {self._state()}")
        for _ in range(warmup):
            if await self.event() is None:
                raise RuntimeError(f"{self.target.name}: warm-up event lost; {self._state()}")

    async def round(self, events: int) -> RoundStats:
        self.latencies = []
        firsts: list[float] = []
        lasts: list[float] = []
        cpu, client, started = cpu_seconds(self.target.pid), _client_cpu(), time.perf_counter()
        for _ in range(events):
            got = await self.event()
            if got is None:
                raise RuntimeError(f"{self.target.name}: event lost; {self._state()}")
            firsts.append(got[0])
            lasts.append(got[1])
        seconds = time.perf_counter() - started
        cpu, client = cpu_seconds(self.target.pid) - cpu, _client_cpu() - client
        lat = sorted(self.latencies)
        self.measured.extend(lat)
        deliveries = len(lat)
        return RoundStats(
            server=self.target.name,
            events=events,
            deliveries=deliveries,
            seconds=seconds,
            server_cpu_s=cpu,
            client_cpu_s=client,
            cpu_us_per_delivery=1e6 * cpu / deliveries,
            p50_ms=1000 * _quantile(lat, 0.50),
            p90_ms=1000 * _quantile(lat, 0.90),
            p99_ms=1000 * _quantile(lat, 0.99),
            p999_ms=1000 * _quantile(lat, 0.999),
            max_ms=1000 * lat[-1],
            first_ms_median=1000 * statistics.median(firsts),
            last_ms_median=1000 * statistics.median(lasts),
            events_per_s=events / seconds,
            stalls=sum(x > 3 * statistics.median(lasts) for x in lasts),
            last_ms=[round(1000 * x, 2) for x in lasts],
        )

    def _state(self) -> str:
        return (
            f"{self.got}/{self.count} got step {self.expect}; {self.lost} connections lost,"
            f" closes {self.closes[:3]}, errors {self.errors[:3]}"
        )

    def close(self) -> None:
        self.poster.close()
        for sub in self.subscribers:
            if sub.transport is not None:
                sub.transport.close()


def _pooled(latencies: list[float]) -> dict[str, float]:
    lat = sorted(latencies)
    return {
        "deliveries": len(lat),
        "p50_ms": 1000 * _quantile(lat, 0.5),
        "p99_ms": 1000 * _quantile(lat, 0.99),
        "p999_ms": 1000 * _quantile(lat, 0.999),
        "max_ms": 1000 * lat[-1],
    }


def _same_bytes(fleets: list[Fleet]) -> dict[str, Any]:
    """Frames of the same step from both servers, compared byte for byte."""
    if len(fleets) < 2:
        return {}
    a, b = fleets[0].frames, fleets[1].frames
    common = sorted(set(a) & set(b))
    differ = [s for s in common if a[s] != b[s]]
    example = common[0] if common else None
    return {
        "steps_compared": len(common),
        "steps_differing": len(differ),
        "example": {
            f.target.name: f.frames[example].decode() for f in fleets if example is not None
        },
    }


async def run_client(spec: Spec) -> dict[str, Any]:
    fleets = [Fleet(target, spec.subscribers) for target in spec.servers]
    try:
        connect: dict[str, float] = {}
        for fleet in fleets:
            started = time.perf_counter()
            await fleet.connect()
            await fleet.settle(spec.warmup)
            connect[fleet.target.name] = time.perf_counter() - started
        rounds: list[RoundStats] = []
        for i in range(spec.rounds):
            for fleet in fleets if i % 2 == 0 else reversed(fleets):
                rounds.append(await fleet.round(spec.events))
                print(json.dumps({"progress": asdict(rounds[-1])}), file=sys.stderr, flush=True)
        return {
            "rounds": [asdict(r) for r in rounds],
            "connect_and_settle_s": connect,
            "same_bytes": _same_bytes(fleets),
            "pooled": {f.target.name: _pooled(f.measured) for f in fleets},
            "other_frames": {f.target.name: f.other for f in fleets},
            "errors": {f.target.name: f.errors[:5] for f in fleets},
        }
    finally:
        for fleet in fleets:
            fleet.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fanout")
    parser.add_argument("spec", type=Path)
    args = parser.parse_args(argv)
    print(json.dumps(run_loop(run_client(Spec.load(args.spec)))))
    return 0


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """``main`` on uvloop when it is installed, else on asyncio's own loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


# -- the runner side --------------------------------------------------------------------------


@dataclass(slots=True)
class _Setup:
    token: str
    repo_url: str
    sha: str
    project_gid: str
    data_dir: Path

    @staticmethod
    def prepare(data_dir: Path, fixture: Fixture) -> _Setup:
        """The fixture indexed as project ``bench`` in ``data_dir``, and its token."""
        token = prepare(data_dir, fixture.repo)
        project = _row_id(data_dir, "SELECT id FROM projects WHERE name = ?", PROJECT)
        gid = to_global_id("Project", project)
        return _Setup(token, str(fixture.repo), head_sha(fixture.repo), gid, data_dir)


def _start_run(server: Server, setup: _Setup, name: str) -> str:
    """POST the ``start`` of a live run to gitstudio; return the run's Experiment id."""
    body = {
        "type": "start",
        "repo_url": setup.repo_url,
        "baseline_sha": setup.sha,
        "name": name,
        "client": "dvclive",
    }
    headers = {"Content-type": "application/json", "Authorization": f"token {setup.token}"}
    response = httpx.post(f"{server.url}/api/live", json=body, headers=headers, timeout=10)
    if response.status_code != 200:
        raise RuntimeError(f"start event: {response.status_code} {response.text[:300]}")
    experiment = _row_id(
        setup.data_dir, "SELECT id FROM experiments WHERE kind = 'LIVE' AND name = ?", name
    )
    return to_global_id("Experiment", experiment)


def _row_id(data_dir: Path, sql: str, arg: str) -> int:
    with sqlite3.connect(f"file:{data_dir / 'gitstudio.db'}?mode=ro", uri=True) as conn:
        row = conn.execute(sql, (arg,)).fetchone()
    if row is None:
        raise RuntimeError(f"nothing found by {sql!r} for {arg!r}")
    value: int = row[0]
    return value


def _target(server: Server, setup: _Setup, run: str, experiment_gid: str) -> Endpoint:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    query = QUERY.format(project=setup.project_gid, experiment=experiment_gid)
    return Endpoint(
        name=server.name,
        host=host,
        port=int(port),
        pid=server.process.pid,
        token=setup.token,
        query=query,
        repo_url=setup.repo_url,
        sha=setup.sha,
        run=run,
    )


def _client(opts: Options, spec: dict[str, Any], tag: str) -> dict[str, Any]:
    return run_client_process(opts, f"fanout-{tag}", ["bench.fanout"], spec, timeout=600)


def run_client_process(
    opts: Options, name: str, module: list[str], spec: dict[str, Any], timeout: float
) -> dict[str, Any]:
    """``python -m *module SPEC`` on CPU 1 with ``spec`` in the file SPEC: the JSON object it
    prints (its stderr goes to ``{name}-client.log`` in the work directory)."""
    path = opts.workdir / f"{name}.json"
    path.write_text(json.dumps(spec))
    log_path = opts.workdir / f"{name}-client.log"
    command = [sys.executable, "-m", *module, str(path)]
    with log_path.open("wb") as err:
        proc = subprocess.run(
            pinned(CLIENT_CPU, command),
            cwd=ROOT,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=err,
            timeout=timeout,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"{name} client failed:\n{log_path.read_text()[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


@contextmanager
def _servers(opts: Options, setup: _Setup) -> Iterator[tuple[Server, Server]]:
    plain = start_uvicorn(opts, "plain", "bench.plain_ws_app:app", env(BENCH_TOKEN=setup.token))
    try:
        gitstudio = start_gitstudio(opts, setup.data_dir, **SUBSCRIBER_SETTINGS)
        try:
            yield plain, gitstudio
        finally:
            gitstudio.stop()
    finally:
        plain.stop()


def _samples(rounds: list[dict[str, Any]], server: str, key: str) -> list[float]:
    return [float(r[key]) for r in rounds if r["server"] == server]


def fanout(opts: Options, fixture: Fixture) -> list[Result]:
    setup = _Setup.prepare(opts.workdir / "fanout-data", fixture)
    # One slow event is 1/events of a round's deliveries: with over 100 events per round a single
    # hiccup does not become the round's p99 by itself.
    rounds, events = (2, 120) if opts.quick else (4, 150)
    with _servers(opts, setup) as (plain, gitstudio):
        experiment = _start_run(gitstudio, setup, "fanout-run")
        spec = {
            "subscribers": SUBSCRIBERS,
            "rounds": rounds,
            "events": events,
            "warmup": 3,
            "servers": [
                asdict(_target(plain, setup, "fanout-run", experiment)),
                asdict(_target(gitstudio, setup, "fanout-run", experiment)),
            ],
        }
        out = _client(opts, spec, "main")
    for r in out["rounds"]:
        log(
            f"{r['server']:>9}: {r['cpu_us_per_delivery']:6.1f} us CPU/delivery, p50/p99/max"
            f" {r['p50_ms']:.0f}/{r['p99_ms']:.0f}/{r['max_ms']:.0f} ms, last subscriber"
            f" {r['last_ms_median']:.0f} ms, {r['stalls']} stalls,"
            f" {r['events_per_s']:.0f} events/s, server busy"
            f" {r['server_cpu_s'] / r['seconds']:.0%},"
            f" client busy {r['client_cpu_s'] / r['seconds']:.0%}"
        )
    same = out["same_bytes"]
    if same.get("steps_differing") or not same.get("steps_compared"):
        raise RuntimeError(f"the servers did not send the same frames: {same}")
    log(f"same frames from both servers for {same['steps_compared']} steps")
    for server, pooled in out["pooled"].items():
        log(
            f"{server:>9}: all rounds, {pooled['deliveries']:,} deliveries: p50/p99/p99.9/max"
            f" {pooled['p50_ms']:.0f}/{pooled['p99_ms']:.0f}/{pooled['p999_ms']:.0f}"
            f"/{pooled['max_ms']:.0f} ms"
        )
    rs = out["rounds"]
    details: dict[str, Any] = {
        "subscribers": SUBSCRIBERS,
        "metrics_per_event": METRICS,
        "events_per_round": events,
        "query": QUERY.format(project=setup.project_gid, experiment=experiment),
        **out,
    }
    if opts.profile:
        details["profiles"] = [_profile(opts, setup)]
    cpu_c = Figure(
        "gitstudio liveMetrics subscription",
        "us/delivery",
        _samples(rs, "gitstudio", "cpu_us_per_delivery"),
    )
    cpu_b = Figure(
        "plain Starlette broadcast (bench/plain_ws_app.py)",
        "us/delivery",
        _samples(rs, "plain", "cpu_us_per_delivery"),
    )
    p99_c = Figure(
        "gitstudio, POST written -> frame received",
        "s",
        [x / 1000 for x in _samples(rs, "gitstudio", "p99_ms")],
    )
    p99_b = Figure(
        "plain broadcast, POST written -> frame received",
        "s",
        [x / 1000 for x in _samples(rs, "plain", "p99_ms")],
    )
    title = (
        f"one run's events to {SUBSCRIBERS} graphql-transport-ws subscribers vs a plain broadcast"
    )
    return [
        Result(
            name="fanout-cpu",
            title=f"{title}: server CPU per delivered message",
            candidate=cpu_c,
            baseline=cpu_b,
            ratio=cpu_c.value / cpu_b.value,
            ratio_label="gitstudio / plain (CPU per delivery)",
            ratio_format="x",
            target=Target("<=", 1.5),
            details=details,
        ),
        Result(
            name="fanout-p99",
            title=f"{title}: p99 latency",
            candidate=p99_c,
            baseline=p99_b,
            ratio=p99_c.value / p99_b.value,
            ratio_label="gitstudio / plain (p99 latency)",
            ratio_format="x",
            target=Target("<=", 1.5),
            details={"see": "fanout-cpu"},
        ),
    ]


def _profile(opts: Options, setup: _Setup) -> str:
    """One more gitstudio round under cProfile (main thread only)."""
    raw = opts.results_dir / "profile-fanout-server.raw"
    server = start_gitstudio(opts, setup.data_dir, profile=raw, **SUBSCRIBER_SETTINGS)
    try:
        experiment = _start_run(server, setup, "fanout-profile")
        spec = {
            "subscribers": SUBSCRIBERS,
            "rounds": 1,
            "events": 100,
            "warmup": 1,
            "servers": [asdict(_target(server, setup, "fanout-profile", experiment))],
        }
        _client(opts, spec, "profile")
    finally:
        server.stop(signal.SIGINT)
    text = write_profile(pstats.Stats(str(raw)), opts.results_dir / "profile-fanout-server")
    raw.unlink(missing_ok=True)
    return str(text)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
