"""Where a sync spends its time: timing (and optionally profiling) wrappers around the four
steps of :meth:`sync.service.ProjectSyncer.sync` (fetch, scan, default branch, storage).

The wrappers replace module attributes for the duration of a ``with`` block only; the
service looks them up at call time, so nothing outside bench/ is edited.
"""

from __future__ import annotations

import cProfile
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

import storage.index
import sync.indexer
import sync.service

P = ParamSpec("P")
R = TypeVar("R")

# (module, attribute, phase name); sync steps run in worker threads, storage on the loop.
# A sync reads revisions a batch ahead of writing them: scan and storage overlap in time.
_SYNC_STEPS: tuple[tuple[Any, str, str], ...] = (
    (sync.service, "fetch_mirror", "fetch"),
    (sync.service, "plan", "scan"),  # refs and the walk
    (sync.indexer, "collect_revision", "scan"),  # each revision's files
    (sync.service, "default_branch", "default_branch"),
)
_ASYNC_STEPS: tuple[tuple[Any, str, str], ...] = (
    (storage.index, "write_rows", "storage"),  # the batches of a streamed sync
    (storage.index, "apply_batch", "storage"),
)
PHASES = ("fetch", "scan", "default_branch", "storage")


@dataclass(slots=True)
class PhaseTimes:
    """Seconds per phase, accumulated while the timers are installed."""

    seconds: dict[str, float] = field(default_factory=dict)
    profiles: dict[str, cProfile.Profile] | None = None

    def add(self, phase: str, elapsed: float) -> None:
        self.seconds[phase] = self.seconds.get(phase, 0.0) + elapsed

    def reset(self) -> None:
        self.seconds.clear()

    def snapshot(self, total: float) -> dict[str, float]:
        """Each phase plus ``other`` (ORM calls, locks, thread hand-offs, batch building)."""
        out = {name: self.seconds.get(name, 0.0) for name in PHASES}
        out["other"] = max(0.0, total - sum(out.values()))
        return out

    def profiler(self, phase: str) -> cProfile.Profile | None:
        if self.profiles is None:
            return None
        return self.profiles.setdefault(phase, cProfile.Profile())


def _wrap_sync(fn: Callable[P, R], phase: str, times: PhaseTimes) -> Callable[P, R]:
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        profiler = times.profiler(phase)
        started = time.perf_counter()
        try:
            if profiler is not None:  # runs in the worker thread: profile it there
                return profiler.runcall(fn, *args, **kwargs)
            return fn(*args, **kwargs)
        finally:
            times.add(phase, time.perf_counter() - started)

    return wrapper


def _wrap_async(
    fn: Callable[P, Awaitable[R]], phase: str, times: PhaseTimes
) -> Callable[P, Coroutine[Any, Any, R]]:
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        profiler = times.profiler(phase)
        started = time.perf_counter()
        if profiler is not None:  # nothing else runs on the loop meanwhile
            profiler.enable()
        try:
            return await fn(*args, **kwargs)
        finally:
            if profiler is not None:
                profiler.disable()
            times.add(phase, time.perf_counter() - started)

    return wrapper


@contextmanager
def phase_timers(profile: bool = False) -> Iterator[PhaseTimes]:
    """Install the wrappers; with ``profile`` each phase also runs under its own cProfile."""
    with step_timers(_SYNC_STEPS, _ASYNC_STEPS, profile) as times:
        yield times


@contextmanager
def step_timers(
    sync_steps: Sequence[tuple[Any, str, str]],
    async_steps: Sequence[tuple[Any, str, str]] = (),
    profile: bool = False,
) -> Iterator[PhaseTimes]:
    """Time (and with ``profile`` cProfile) each ``(module, attribute, phase)`` while the
    block runs: plain functions (each in the thread that calls it) and coroutine functions."""
    times = PhaseTimes(profiles={} if profile else None)
    saved: list[tuple[Any, str, Any]] = []
    try:
        # A step renamed by its owner is skipped: its time then shows up under ``other``.
        for module, attr, phase in sync_steps:
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, _wrap_sync(getattr(module, attr), phase, times))
        for module, attr, phase in async_steps:
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, _wrap_async(getattr(module, attr), phase, times))
        yield times
    finally:
        for module, attr, original in reversed(saved):
            setattr(module, attr, original)
