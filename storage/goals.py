"""Column goals: which way a project's param or metric column is better (``column_goals``,
migration 0019). ``Project.compare`` marks values better or worse than its baseline by them.

A project holds at most ``GITSTUDIO_MAX_COLUMNS`` goals, as many as it indexes columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from storage import db
from storage.errors import DomainError
from storage.limits import limits

GOALS = ("HIGHER", "LOWER")


async def goals_by_project(project_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """Project id -> {column id: goal}, by column id (the batch of a loader)."""
    found: dict[int, dict[str, str]] = {pid: {} for pid in project_ids}
    if not project_ids:
        return found
    rows = await db.fetch(
        'SELECT project_id, "column", goal FROM column_goals WHERE project_id IN'
        f' ({", ".join("?" * len(project_ids))}) ORDER BY project_id, "column"',
        list(project_ids),
    )
    for row in rows:
        found[row["project_id"]][row["column"]] = row["goal"]
    return found


async def set_goal(project_id: int, column: str, goal: str | None) -> None:
    """Set (``goal`` None: clear) the goal of ``column``, a valid column id (the caller
    checks it). A new goal beyond the project's bound is INVALID and writes nothing."""
    if goal is None:
        await db.execute(
            'DELETE FROM column_goals WHERE project_id = ? AND "column" = ?', [project_id, column]
        )
        return
    if goal not in GOALS:
        raise DomainError("INVALID", f"goal must be one of {', '.join(GOALS)}", "goal")
    written = await db.fetch(_UPSERT, [project_id, column, goal, project_id, limits().max_columns,
                                       project_id, column])  # fmt: skip
    if not written:
        raise DomainError(
            "INVALID",
            f"a project holds at most {limits().max_columns} column goals (GITSTUDIO_MAX_COLUMNS)",
            "column",
        )


# One statement: a new row only while the project holds fewer goals than its bound (an
# existing one is updated whatever the count); RETURNING says whether anything was written.
_UPSERT = (
    'INSERT INTO column_goals (project_id, "column", goal)'
    " SELECT CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS VARCHAR(8))"
    " WHERE (SELECT COUNT(*) FROM column_goals WHERE project_id = ?) < ?"
    ' OR EXISTS (SELECT 1 FROM column_goals WHERE project_id = ? AND "column" = ?)'
    ' ON CONFLICT (project_id, "column") DO UPDATE SET goal = excluded.goal RETURNING id'
)
