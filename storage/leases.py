"""The sync lease: one instance at a time syncs a given project.

A conditional UPDATE is atomic on SQLite and PostgreSQL alike, so it works whichever
database several gitstudio processes share, without advisory-lock dialects.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time
import uuid
from typing import Any

from storage import db

OWNER = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


# What a sync needs of its project, read in the same statement that takes the lease (the
# freshest values: another instance may have synced while we waited).
SYNC_COLUMNS = "repo_url, subdir, default_branch, ref_tips"


async def try_acquire(project_id: int, ttl: float, owner: str = OWNER) -> dict[str, Any] | None:
    """The project's sync columns if the lease is now ours, else None."""
    now = time.time()
    rows = await db.fetch(
        "UPDATE projects SET sync_owner = ?, sync_lease_until = ? WHERE id = ?"
        " AND (sync_owner IS NULL OR sync_owner = ? OR sync_lease_until < ?)"
        f" RETURNING {SYNC_COLUMNS}",
        [owner, now + ttl, project_id, owner, now],
    )
    return dict(rows[0]) if rows else None


async def acquire(
    project_id: int, ttl: float, wait: float, owner: str = OWNER
) -> dict[str, Any] | None:
    """Try until ``wait`` seconds have passed; None if another owner still holds it."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while (row := await try_acquire(project_id, ttl, owner)) is None:
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)
    return row


async def release(project_id: int, owner: str = OWNER) -> None:
    await db.execute(
        "UPDATE projects SET sync_owner = NULL, sync_lease_until = NULL"
        " WHERE id = ? AND sync_owner = ?",
        [project_id, owner],
    )
