"""Trends along a branch (``Project.trends``) and column goals (``setColumnGoal``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from resolvers.context import Context
from resolvers.errors import bad_input, not_found
from resolvers.pagination import page_size
from storage import goals, trends
from storage.cells import MAX_FILE, MAX_PATH, Place, fits, lookup, place, split_column_key
from storage.errors import DomainError, has_control
from storage.trends import TrendRow

MAX_TREND_COLUMNS = 50  # columns one trends query may ask
TREND_PAGE = 100  # commits of a trend when `first` is not given (at most the largest page)
MAX_BRANCH = 255  # branches.name (storage.models.Branch): no branch has a longer name


@dataclass(frozen=True, slots=True)
class TrendPoint:
    row: TrendRow
    values: list[Any]  # aligned with the columns asked; None where the commit has none


def _places(columns: Sequence[str]) -> list[Place]:
    if len(columns) > MAX_TREND_COLUMNS:
        raise bad_input(f"trends takes at most {MAX_TREND_COLUMNS} columns")
    try:
        return [place(*split_column_key(c)) for c in columns]
    except ValueError as exc:
        raise bad_input(str(exc)) from None


async def trend(
    ctx: Context, project_id: int, branch: str, columns: Sequence[str], first: int | None
) -> list[TrendPoint]:
    """The values of ``columns`` at each commit of ``branch``'s first-parent line, newest
    first; NOT_FOUND for a branch the project does not have."""
    places = _places(columns)
    cap = ctx.max_page_size
    limit = page_size(min(TREND_PAGE, cap) if first is None else first, cap)
    # Git refuses control characters in ref names; PostgreSQL refuses NUL in a statement.
    storable = len(branch) <= MAX_BRANCH and not has_control(branch)
    rows = await trends.first_parent_line(project_id, branch, limit) if storable else None
    if rows is None:
        raise not_found(f"branch {branch!r}")
    return [TrendPoint(row, lookup(row.document, places)) for row in rows]


def goal_column(column: str) -> str:
    """``column`` when it is a column id a project could index; else INVALID."""
    if has_control(column):
        raise DomainError("INVALID", "column contains control characters", "column")
    try:
        _kind, file, path = split_column_key(column)
    except ValueError as exc:
        raise DomainError("INVALID", str(exc), "column") from None
    if not fits(file, path):
        raise DomainError(
            "INVALID",
            f"a column's file and path are at most {MAX_FILE} and {MAX_PATH} characters",
            "column",
        )
    return column


async def set_column_goal(project_id: int, column: str, goal: str | None) -> None:
    await goals.set_goal(project_id, goal_column(column), goal)
