"""Metric series of live runs: their stored format, and reading them with server-side
downsampling; what DVCLive's names and values mean, shared with the series of Git revisions
(sync/git_series.py), so both read a TSV row alike.

A run's series are stored one row per step (table ``metric_steps``): ``points`` is a JSON
object ``{metric name: [value, token, timestamp]}`` where ``value`` is None for a non-finite
value and ``token`` keeps it as sent (``"nan"``, ``"inf"``). A step written twice (clients
resend after a timeout and repeat the last step) keeps the values it had and gains the
metrics it lacked: the same first-write-wins rule per (step, name) as a unique row per value
would give. The experiment row keeps ``live_metrics``, ``{name: highest step}``, so the list
of names never scans the series.

Downsampling keeps the shape a chart needs: the steps are cut into equal buckets and each
bucket keeps its first and last point and its minimum and maximum, so spikes and the
envelope survive (the M4 idea) while the point count stays near ``max_points``.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from storage import db

# (metric name, step, value, token, timestamp): one row of a DVCLive metric TSV.
PointRow = tuple[str, int, float | None, str | None, float | None]

METRICS_DIR = "plots/metrics/"  # where DVCLive writes a run's series, under its directory


def metric_name(key: str) -> str:
    """``dvclive/plots/metrics/train/loss.tsv`` -> ``train/loss``."""
    at = key.find(METRICS_DIR)
    name = key[at + len(METRICS_DIR) :] if at >= 0 else key
    for suffix in (".tsv", ".csv", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def number_or_token(text: str) -> tuple[float | None, str | None]:
    """A value as DVCLive writes it in a TSV (and posts it when it is not finite): a finite
    number, or None with the text kept as its token (``nan``, ``inf``). ValueError when it
    is not a number."""
    number = float(text)
    if math.isfinite(number):
        return number, None
    return None, text[:32]


def timestamp_seconds(raw: Any) -> float | None:
    """DVCLive writes epoch milliseconds (as text in the TSV); store epoch seconds."""
    if raw is None or isinstance(raw, bool):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value):
        return None
    return value / 1000 if abs(value) > 1e11 else value


# Merge a step written again: existing values win, new names are added.
_MERGE = {
    "sqlite": "json_patch(excluded.points, metric_steps.points)",
    "postgres": "(excluded.points::jsonb || metric_steps.points::jsonb)::text",
}


def insert_steps_sql() -> str:
    """The upsert of ``(experiment_id, step, points)`` rows for the connected database."""
    merge = _MERGE["postgres" if db.is_postgres() else "sqlite"]
    return (
        "INSERT INTO metric_steps (experiment_id, step, points) VALUES (?, ?, ?)"
        f" ON CONFLICT (experiment_id, step) DO UPDATE SET points = {merge}"
    )


def step_rows(experiment_id: int, points: Sequence[PointRow]) -> list[tuple[int, int, str]]:
    """``metric_steps`` rows for ``points`` (any order); within them the first value of a
    (step, name) wins, as it does against what is stored."""
    by_step: dict[int, dict[str, tuple[Any, ...]]] = {}
    for name, step, value, token, timestamp in points:
        row = by_step.get(step)
        if row is None:
            row = by_step[step] = {}
        if name not in row:
            row[name] = (value, token, timestamp)
    return [(experiment_id, step, orjson.dumps(v).decode()) for step, v in by_step.items()]


def decode_step(points: str) -> dict[str, list[Any]]:
    decoded: dict[str, list[Any]] = orjson.loads(points)
    return decoded


def unfold(steps: Iterable[tuple[int, str]]) -> list[PointRow]:
    """``(step, points)`` rows back into point rows, ordered by name, then step."""
    rows: list[PointRow] = [
        (name, step, *value)
        for step, points in steps
        for name, value in decode_step(points).items()
    ]
    return sorted(rows, key=lambda r: (r[0], r[1]))


async def insert_points(experiment_id: int, points: Sequence[PointRow]) -> None:
    """Store points outside the live writer (imports, fixtures); ``live_metrics`` included."""
    rows = step_rows(experiment_id, points)
    await db.execute_many(insert_steps_sql(), rows)
    stored = await db.fetch("SELECT live_metrics FROM experiments WHERE id = ?", [experiment_id])
    last: dict[str, int] = orjson.loads(stored[0]["live_metrics"] or "{}") if stored else {}
    for name, step, *_ in points:
        last[name] = max(step, last.get(name, step))
    await db.execute(
        "UPDATE experiments SET live_metrics = ? WHERE id = ?",
        [orjson.dumps(last).decode(), experiment_id],
    )


@dataclass(frozen=True, slots=True)
class Point:
    step: int
    value: float | None
    token: str | None
    timestamp: float | None


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    points: list[Point]
    total: int  # points in range before downsampling

    @property
    def downsampled(self) -> bool:
        return len(self.points) < self.total


async def names_by_experiment(experiment_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in experiment_ids}
    for start in range(0, len(experiment_ids), 500):
        chunk = list(experiment_ids[start : start + 500])
        rows = await db.fetch(
            "SELECT id, live_metrics FROM experiments"
            f" WHERE id IN ({', '.join('?' * len(chunk))}) AND live_metrics IS NOT NULL",
            chunk,
        )
        for r in rows:
            out[r["id"]] = sorted(orjson.loads(r["live_metrics"]))
    return out


async def history(
    experiment_ids: Sequence[int], name: str, since_step: int | None, max_points: int
) -> dict[int, Series]:
    """One series per experiment: points with step > since_step, downsampled to about
    ``max_points`` (0 or less: no downsampling)."""
    out: dict[int, list[Point]] = {i: [] for i in experiment_ids}
    for start in range(0, len(experiment_ids), 500):
        chunk = list(experiment_ids[start : start + 500])
        rows = await db.fetch(
            "SELECT experiment_id, step, points FROM metric_steps"
            f" WHERE experiment_id IN ({', '.join('?' * len(chunk))}) AND step > ?"
            " ORDER BY experiment_id, step",
            [*chunk, since_step if since_step is not None else -(2**31)],
        )
        for r in rows:
            found = decode_step(r["points"]).get(name)
            if found is not None:
                out[r["experiment_id"]].append(Point(r["step"], *found))
    return {i: window(name, points, None, max_points) for i, points in out.items()}


def window(name: str, points: Sequence[Point], since_step: int | None, max_points: int) -> Series:
    """The series of ``points`` (in step order) after ``since_step``, downsampled to about
    ``max_points`` (0 or less: every point)."""
    start = 0 if since_step is None else bisect_right(points, since_step, key=lambda p: p.step)
    kept = list(points[start:])
    return Series(name, downsample(kept, max_points), len(kept))


def downsample(points: list[Point], max_points: int) -> list[Point]:
    """Keep first, last, min and max of each bucket of steps, in step order."""
    if max_points <= 0 or len(points) <= max_points:
        return points
    buckets = max(1, max_points // 4)
    first, last = points[0].step, points[-1].step
    width = (last - first + 1) / buckets
    kept: dict[int, Point] = {}
    bucket: list[Point] = []
    current = 0
    for point in points:
        index = min(buckets - 1, int((point.step - first) / width))
        if index != current and bucket:
            kept.update((p.step, p) for p in _extremes(bucket))
            bucket = []
        current = index
        bucket.append(point)
    if bucket:
        kept.update((p.step, p) for p in _extremes(bucket))
    return [kept[step] for step in sorted(kept)]


def _extremes(bucket: list[Point]) -> list[Point]:
    finite = [p for p in bucket if p.value is not None]
    chosen = [bucket[0], bucket[-1]]
    if finite:
        chosen += [
            min(finite, key=lambda p: p.value or 0.0),
            max(finite, key=lambda p: p.value or 0.0),
        ]
    return chosen


async def all_points(experiment_id: int, most: int) -> list[PointRow] | None:
    """Every point of a run, ordered by metric name, then step; None when they would be
    more than ``most`` values (a point is three: its step, value and timestamp), counted
    before they are unfolded."""
    rows = await db.fetch(
        "SELECT step, points FROM metric_steps WHERE experiment_id = ? ORDER BY step LIMIT ?",
        [experiment_id, most // 3 + 1],
    )
    steps: list[tuple[int, dict[str, list[Any]]]] = []
    values = 0
    for r in rows:
        decoded = decode_step(r["points"])
        values += 3 * len(decoded)
        if values > most:
            return None
        steps.append((r["step"], decoded))
    out = [(name, step, *value) for step, points in steps for name, value in points.items()]
    return sorted(out, key=lambda p: (p[0], p[1]))
