"""Saved views of the experiments table (``views``, migration 0022): per project, shared
(``owner_user_id`` null) or one user's own, each a name and its state as JSON (what it holds
is resolvers.views' business; here it is a JSON object of bounded size).

Bounds (storage.limits, set from the settings): GITSTUDIO_MAX_VIEWS_PER_PROJECT shared views
of a project, GITSTUDIO_MAX_VIEWS_PER_USER views of one user in a project, and
GITSTUDIO_MAX_VIEW_BYTES of JSON per view. A save is one transaction: the view of that name
(shared, or the user's) is updated, or a new one inserted while its bound allows. On
PostgreSQL the project row is locked first, so concurrent saves of a project count each
other (SQLite's writer is one already).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError

from storage import db
from storage.errors import DomainError
from storage.limits import limits
from storage.sqlplan import Fetch, Plan, one, run_plan


@dataclass(frozen=True, slots=True)
class ViewRecord:
    id: int
    project_id: int
    owner_user_id: int | None  # None: shared
    owner_name: str | None
    name: str
    state: dict[str, Any]
    created_at: float
    updated_at: float
    created_by: str | None  # user names
    updated_by: str | None

    @property
    def shared(self) -> bool:
        return self.owner_user_id is None


_SELECT = (
    "SELECT v.id, v.project_id, v.owner_user_id, o.name AS owner_name, v.name, v.state,"
    " v.created_at, v.updated_at, c.name AS created_by, u.name AS updated_by FROM views v"
    " LEFT JOIN users o ON o.id = v.owner_user_id"
    " LEFT JOIN users c ON c.id = v.created_by_user_id"
    " LEFT JOIN users u ON u.id = v.updated_by_user_id"
)


def _record(row: dict[str, Any]) -> ViewRecord:
    return ViewRecord(
        id=row["id"],
        project_id=row["project_id"],
        owner_user_id=row["owner_user_id"],
        owner_name=row["owner_name"],
        name=row["name"],
        state=orjson.loads(row["state"]),
        created_at=float(row["created_at"]),
        updated_at=float(row["updated_at"]),
        created_by=row["created_by"],
        updated_by=row["updated_by"],
    )


async def views_of(project_id: int, user_id: int | None) -> list[ViewRecord]:
    """The project's shared views and ``user_id``'s own (none for None), shared first, each
    part by name."""
    rows = await db.fetch(
        f"{_SELECT} WHERE v.project_id = ? AND (v.owner_user_id IS NULL OR v.owner_user_id = ?)"
        " ORDER BY CASE WHEN v.owner_user_id IS NULL THEN 0 ELSE 1 END, v.name",
        [project_id, user_id if user_id is not None else 0],
    )
    return [_record(r) for r in rows]


async def named(project_id: int, user_id: int | None, name: str) -> ViewRecord | None:
    """The view ``name`` that ``user_id`` sees in the project: its own of that name before
    the shared one."""
    rows = await db.fetch(
        f"{_SELECT} WHERE v.project_id = ? AND v.name = ?"
        " AND (v.owner_user_id IS NULL OR v.owner_user_id = ?)"
        " ORDER BY CASE WHEN v.owner_user_id IS NULL THEN 1 ELSE 0 END LIMIT 1",
        [project_id, name, user_id if user_id is not None else 0],
    )
    return _record(rows[0]) if rows else None


async def by_id(view_id: int) -> ViewRecord | None:
    rows = await db.fetch(f"{_SELECT} WHERE v.id = ?", [view_id])
    return _record(rows[0]) if rows else None


def encoded(state: dict[str, Any]) -> str:
    """``state`` as the JSON stored; TOO_LARGE past GITSTUDIO_MAX_VIEW_BYTES, INVALID for a
    string UTF-8 cannot hold."""
    try:
        text = orjson.dumps(state).decode()
    except orjson.JSONEncodeError:  # a lone surrogate in a string: no text UTF-8 stores
        message = "the view holds a string that is not valid text"
        raise DomainError("INVALID", message, "input") from None
    bound = limits().max_view_bytes
    if len(text.encode()) > bound:
        raise DomainError(
            "TOO_LARGE",
            f"a view holds at most {bound} bytes of JSON (GITSTUDIO_MAX_VIEW_BYTES)",
            "input",
        )
    return text


async def save(
    project_id: int, owner_user_id: int | None, name: str, state: dict[str, Any], by: int | None
) -> ViewRecord:
    """Create or replace the view ``name`` (shared when ``owner_user_id`` is None) with
    ``state``; ``by`` is the user saving it. A new view past its bound is LIMIT_EXCEEDED and
    writes nothing."""
    text = encoded(state)
    try:
        view_id = await run_plan(_save(project_id, owner_user_id, name, text, by, time.time()))
    except (IntegrityError, sqlite3.IntegrityError):  # the same name saved at the same time
        raise DomainError(
            "CONFLICT", f"view {name!r} was saved at the same time; try again", "name"
        ) from None
    found = await by_id(view_id)
    assert found is not None  # written just now; a deleted project would have failed above
    return found


def _save(
    project_id: int, owner: int | None, name: str, text: str, by: int | None, now: float
) -> Plan[int]:
    if db.is_postgres():  # concurrent saves of the project count each other's new views
        yield Fetch("SELECT id FROM projects WHERE id = ? FOR UPDATE", [project_id])
    found = yield Fetch(
        "SELECT id FROM views WHERE project_id = ? AND COALESCE(owner_user_id, 0) = ? AND name = ?",
        [project_id, owner or 0, name],
    )
    if found:
        view_id: int = found[0]["id"]
        yield one(
            "UPDATE views SET state = ?, updated_at = ?, updated_by_user_id = ? WHERE id = ?",
            [text, now, by, view_id],
        )
        return view_id
    counted = yield Fetch(
        "SELECT COUNT(*) AS n FROM views WHERE project_id = ? AND COALESCE(owner_user_id, 0) = ?",
        [project_id, owner or 0],
    )
    bound, setting = (
        (limits().max_views_per_project, "GITSTUDIO_MAX_VIEWS_PER_PROJECT")
        if owner is None
        else (limits().max_views_per_user, "GITSTUDIO_MAX_VIEWS_PER_USER")
    )
    if counted[0]["n"] >= bound:
        whose = "shared views" if owner is None else "views of one user"
        raise DomainError(
            "LIMIT_EXCEEDED", f"a project holds at most {bound} {whose} ({setting})", "name"
        )
    inserted = yield Fetch(
        "INSERT INTO views (project_id, owner_user_id, name, state, created_at, updated_at,"
        " created_by_user_id, updated_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [project_id, owner, name, text, now, now, by, by],
    )
    new_id: int = inserted[0]["id"]
    return new_id


async def delete(view_id: int) -> bool:
    """Whether the view was there (and now is not)."""
    gone = await db.fetch("DELETE FROM views WHERE id = ? RETURNING id", [view_id])
    return bool(gone)
