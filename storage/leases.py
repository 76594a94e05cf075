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

from storage import db

OWNER = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


async def try_acquire(project_id: int, ttl: float, owner: str = OWNER) -> bool:
    now = time.time()
    affected, _rows = await db.conn().execute_query(
        db.sql(
            "UPDATE projects SET sync_owner = ?, sync_lease_until = ? WHERE id = ?"
            " AND (sync_owner IS NULL OR sync_owner = ? OR sync_lease_until < ?)"
        ),
        [owner, now + ttl, project_id, owner, now],
    )
    return bool(affected)


async def acquire(project_id: int, ttl: float, wait: float, owner: str = OWNER) -> bool:
    """Try until ``wait`` seconds have passed; False if another owner still holds it."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while not await try_acquire(project_id, ttl, owner):
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)
    return True


async def release(project_id: int, owner: str = OWNER) -> None:
    await db.execute(
        "UPDATE projects SET sync_owner = NULL, sync_lease_until = NULL"
        " WHERE id = ? AND sync_owner = ?",
        [project_id, owner],
    )
