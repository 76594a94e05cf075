"""Server subprocesses for the HTTP benchmark: start pinned to CPU 0, wait, stop."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVER_CPU = "0"
CLIENT_CPU = "1"


def pinned(cpu: str, command: Sequence[str]) -> list[str]:
    """``taskset -c cpu command`` when taskset exists and there are two CPUs or more."""
    if shutil.which("taskset") and _cpus() > 1:
        return ["taskset", "-c", cpu, *command]
    return list(command)


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads, also finished ones)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(slots=True)
class Server:
    """One server process; ``url`` is its base URL, its output goes to ``log``."""

    name: str
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start(
    name: str,
    command: Sequence[str],
    port: int,
    log: Path,
    env: dict[str, str],
    *,
    cwd: Path = ROOT,
    cpu: str | None = SERVER_CPU,
) -> Server:
    """Start ``command`` (already listening on ``port`` once ready) in ``cwd`` and wait for
    /healthz; pinned to ``cpu`` (None: not pinned, for a server whose work uses threads)."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            list(command) if cpu is None else pinned(cpu, command),
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(name, process, f"http://127.0.0.1:{port}", log)
    try:
        wait_ready(server)
    except BaseException:
        server.stop()
        raise
    return server


def wait_ready(server: Server, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited: {server.log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{server.name} not ready after {timeout:.0f} s")
