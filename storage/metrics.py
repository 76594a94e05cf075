"""Reading metric series of live runs, with server-side downsampling.

Downsampling keeps the shape a chart needs: the steps are cut into equal buckets and each
bucket keeps its first and last point and its minimum and maximum, so spikes and the
envelope survive (the M4 idea) while the point count stays near ``max_points``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage import db


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
            "SELECT DISTINCT experiment_id, name FROM metric_points"
            f" WHERE experiment_id IN ({', '.join('?' * len(chunk))}) ORDER BY name",
            chunk,
        )
        for r in rows:
            out[r["experiment_id"]].append(r["name"])
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
            "SELECT experiment_id, step, value, token, timestamp FROM metric_points"
            f" WHERE experiment_id IN ({', '.join('?' * len(chunk))}) AND name = ? AND step > ?"
            " ORDER BY experiment_id, step",
            [*chunk, name, since_step if since_step is not None else -(2**31)],
        )
        for r in rows:
            out[r["experiment_id"]].append(_point(r))
    return {
        i: Series(name, downsample(points, max_points), len(points)) for i, points in out.items()
    }


def _point(row: dict[str, Any]) -> Point:
    value = row["value"]
    if value is not None and not math.isfinite(value):  # PostgreSQL keeps NaN/inf floats
        value = None
    return Point(row["step"], value, row["token"], row["timestamp"])


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
