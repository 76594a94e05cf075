"""Reads behind the catch-up of live subscriptions: the live state of a run and its stored
metric points by step (raw SQL; the points table is written by storage/metric_writer.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage import db
from storage.metrics import decode_step

_RUN_COLUMNS = "id, project_id, kind, status, last_step, last_event_at"


@dataclass(frozen=True, slots=True)
class LiveRun:
    id: int
    project_id: int
    kind: str
    status: str
    last_step: int | None
    live: bool  # a run that posted live events (a LIVE row, or one linked to its ref)


def _run(row: dict[str, Any]) -> LiveRun:
    live = row["kind"] == "LIVE" or row["last_event_at"] is not None
    return LiveRun(row["id"], row["project_id"], row["kind"], row["status"], row["last_step"], live)


async def live_run(experiment_id: int) -> LiveRun | None:
    rows = await db.fetch(f"SELECT {_RUN_COLUMNS} FROM experiments WHERE id = ?", [experiment_id])
    return _run(rows[0]) if rows else None


async def running_runs(project_id: int) -> list[LiveRun]:
    """The project's live runs still running, oldest first."""
    rows = await db.fetch(
        f"SELECT {_RUN_COLUMNS} FROM experiments WHERE project_id = ? AND kind = 'LIVE'"
        " AND status = 'RUNNING' ORDER BY id",
        [project_id],
    )
    return [_run(r) for r in rows]


async def points_by_step(
    experiment_id: int, after_step: int | None
) -> list[tuple[int, dict[str, float | None]]]:
    """Stored points of a run with ``step > after_step`` (all when None), one
    ``(step, {metric name: value})`` per step in step order; None stands for nan/inf."""
    query = "SELECT step, points FROM metric_steps WHERE experiment_id = ?"
    args: list[Any] = [experiment_id]
    if after_step is not None:
        query += " AND step > ?"
        args.append(after_step)
    rows = await db.fetch(query + " ORDER BY step", args)
    return [
        (r["step"], {name: v[0] for name, v in sorted(decode_step(r["points"]).items())})
        for r in rows
    ]


async def steps_with_images(
    experiment_id: int, after_step: int | None
) -> list[tuple[int, dict[str, float | None], tuple[str, ...]]]:
    """:func:`points_by_step` with the images logged at each step: one ``(step, {metric
    name: value}, image paths)`` per step that has either, in step order."""
    steps: dict[int, tuple[dict[str, float | None], list[str]]] = {
        step: (values, []) for step, values in await points_by_step(experiment_id, after_step)
    }
    query = "SELECT step, path FROM live_images WHERE experiment_id = ?"
    args: list[Any] = [experiment_id]
    if after_step is not None:
        query += " AND step > ?"
        args.append(after_step)
    for r in await db.fetch(query + " ORDER BY step, path", args):
        steps.setdefault(r["step"], ({}, []))[1].append(r["path"])
    return [(step, values, tuple(paths)) for step, (values, paths) in sorted(steps.items())]
