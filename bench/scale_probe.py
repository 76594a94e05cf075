"""Memory of a server process seen from outside: /proc VmRSS (with its children) and VmHWM."""

from __future__ import annotations

import threading
import time
from pathlib import Path

MIB = 1024.0


def _status(pid: int, field: str) -> int:
    """``field`` of /proc/<pid>/status in KiB (0 once the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            out += [int(c) for c in text]
    except OSError:
        pass
    return out


def tree_rss_mib(pid: int) -> float:
    """VmRSS of ``pid`` and all its descendants, MiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _status(p, "VmRSS")
        todo += _children(p)
    return total / MIB


def rss_mib(pid: int) -> float:
    return _status(pid, "VmRSS") / MIB


def hwm_mib(pid: int) -> float:
    """The peak resident set of ``pid`` since it started (VmHWM), MiB."""
    return _status(pid, "VmHWM") / MIB


class Sampler(threading.Thread):
    """Samples the RSS of a process tree every ``interval`` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, float]] = []  # (seconds since start, MiB)
        self._stop_event = threading.Event()
        self._t0 = time.perf_counter()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append((time.perf_counter() - self._t0, tree_rss_mib(self.pid)))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    @property
    def peak(self) -> float:
        return max((m for _, m in self.samples), default=0.0)


def settled_rss_mib(pid: int, timeout: float = 10.0, tolerance: float = 2.0) -> float:
    """The tree RSS once five samples 0.2 s apart stay within ``tolerance`` MiB (or after
    ``timeout`` seconds: then the last sample)."""
    deadline = time.monotonic() + timeout
    window: list[float] = []
    while True:
        window = [*window[-4:], tree_rss_mib(pid)]
        if len(window) == 5 and max(window) - min(window) <= tolerance:
            return window[-1]
        if time.monotonic() > deadline:
            return window[-1]
        time.sleep(0.2)
