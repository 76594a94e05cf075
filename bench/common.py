"""What every benchmark shares: the result types, targets, options and timing helpers."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Op = Literal[">=", "<=", "<"]


@dataclass(frozen=True, slots=True)
class Options:
    """Command-line options every benchmark sees."""

    quick: bool
    workdir: Path  # a fresh temporary directory, removed after the run
    results_dir: Path  # bench/results: profiles and latest.json go here
    profile: bool  # write cProfile output of the candidate to results_dir


@dataclass(frozen=True, slots=True)
class Target:
    """``ratio <op> value``, e.g. ``>= 50`` (at least 50x faster)."""

    op: Op
    value: float

    def met(self, ratio: float) -> bool:
        if self.op == ">=":
            return ratio >= self.value
        if self.op == "<=":
            return ratio <= self.value
        return ratio < self.value


@dataclass(frozen=True, slots=True)
class Figure:
    """One side of a comparison: a median over ``samples`` in ``unit`` (s or req/s)."""

    label: str
    unit: str
    samples: list[float]

    @property
    def value(self) -> float:
        return statistics.median(self.samples)


@dataclass(frozen=True, slots=True)
class Result:
    """A benchmark outcome. ``ratio`` is defined by ``ratio_label`` and checked by ``target``."""

    name: str
    title: str
    candidate: Figure
    baseline: Figure
    ratio: float
    ratio_label: str  # e.g. "baseline / candidate (speed-up)"
    ratio_format: Literal["x", "%"]
    target: Target
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def met(self) -> bool:
        return self.target.met(self.ratio)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def log(message: str) -> None:
    """Progress on stderr-like stdout lines, flushed so a long run shows where it is."""
    print(f"  .. {message}", flush=True)
