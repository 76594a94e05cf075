"""Closed-loop HTTP load on CPU 1: ``wrk`` when installed, else an httpx/asyncio client.

The fallback also runs as its own process: ``python -m bench.loadgen --url ... --body-file
... --header 'K: V' --duration 5 --warmup 2`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

from bench.servers import CLIENT_CPU, ROOT, pinned

CONNECTIONS = 32


@dataclass(frozen=True, slots=True)
class Request:
    url: str
    body: str
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Load:
    tool: str
    rps: float
    requests: int
    p50_ms: float | None
    p99_ms: float | None
    non_2xx: int
    errors: int


def measure(req: Request, warmup: float, duration: float, workdir: Path) -> Load:
    if shutil.which("wrk"):
        script = _wrk_script(req, workdir)
        _wrk(req.url, script, warmup)
        return _wrk(req.url, script, duration)
    return _python_load(req, warmup, duration, workdir)


# --- wrk -----------------------------------------------------------------------------------


def _wrk_script(req: Request, workdir: Path) -> Path:
    lines = ['wrk.method = "POST"', f"wrk.body = [==[{req.body}]==]"]
    lines += [f'wrk.headers["{k}"] = [==[{v}]==]' for k, v in req.headers.items()]
    path = workdir / f"wrk-{abs(hash((req.body, tuple(req.headers.items()))))}.lua"
    path.write_text("\n".join(lines) + "\n")
    return path


def _wrk(url: str, script: Path, seconds: float) -> Load:
    return parse_wrk(run_wrk(url, script, seconds, CONNECTIONS).stdout)


def run_wrk(
    url: str, script: Path, seconds: float, connections: int, *script_args: str
) -> subprocess.CompletedProcess[str]:
    """``wrk`` on CPU 1: one thread, ``connections`` keep-alive connections for ``seconds``
    (whole, at least 1), the Lua ``script`` given ``script_args``; its output as text."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
        *(["--", *script_args] if script_args else []),
    ]
    return subprocess.run(
        pinned(CLIENT_CPU, command),
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _latency(out: str, pct: str) -> float | None:
    match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    return float(match[1]) * _UNITS[match[2]] if match else None


def parse_wrk(out: str) -> Load:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if rps is None or total is None:
        raise RuntimeError(f"cannot parse wrk output:\n{out}")
    return Load(
        tool="wrk",
        rps=float(rps[1]),
        requests=int(total[1]),
        p50_ms=_latency(out, "50"),
        p99_ms=_latency(out, "99"),
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        errors=sum(int(g) for g in sock.groups()) if sock else 0,
    )


# --- the httpx fallback ---------------------------------------------------------------------


def _python_load(req: Request, warmup: float, duration: float, workdir: Path) -> Load:
    body = workdir / "load-body.json"
    body.write_text(req.body)
    command = [
        sys.executable,
        "-m",
        "bench.loadgen",
        "--url",
        req.url,
        "--body-file",
        str(body),
        "--duration",
        str(duration),
        "--warmup",
        str(warmup),
    ]
    for key, value in req.headers.items():
        command += ["--header", f"{key}: {value}"]
    proc = subprocess.run(
        pinned(CLIENT_CPU, command),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=warmup + duration + 60,
    )
    return Load(**json.loads(proc.stdout))


@dataclass(slots=True)
class _Stats:
    latencies: list[float] = field(default_factory=list)
    non_2xx: int = 0
    errors: int = 0


async def _worker(client: httpx.AsyncClient, req: Request, until: float, stats: _Stats) -> None:
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            response = await client.post(req.url, content=req.body, headers=req.headers)
        except httpx.HTTPError:
            stats.errors += 1
            continue
        stats.latencies.append(time.perf_counter() - started)
        if response.status_code >= 300:
            stats.non_2xx += 1


async def _phase(client: httpx.AsyncClient, req: Request, seconds: float) -> tuple[_Stats, float]:
    stats = _Stats()
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(*(_worker(client, req, until, stats) for _ in range(CONNECTIONS)))
    return stats, time.perf_counter() - started


def _pct(values: list[float], q: int) -> float | None:
    if len(values) < 2:
        return None
    return 1000 * statistics.quantiles(values, n=100)[q - 1]


async def python_load(req: Request, warmup: float, duration: float) -> Load:
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        await _phase(client, req, warmup)
        stats, elapsed = await _phase(client, req, duration)
    done = len(stats.latencies)
    return Load(
        "httpx",
        done / elapsed,
        done,
        _pct(stats.latencies, 50),
        _pct(stats.latencies, 99),
        stats.non_2xx,
        stats.errors,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loadgen")
    parser.add_argument("--url", required=True)
    parser.add_argument("--body-file", required=True)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args(argv)
    headers = dict(h.split(": ", 1) for h in args.header)
    req = Request(args.url, Path(args.body_file).read_text(), headers)
    load = asyncio.run(python_load(req, args.warmup, args.duration))
    print(json.dumps(asdict(load)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
