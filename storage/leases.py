"""The project lease: one instance at a time syncs or writes a given project.

A conditional UPDATE is atomic on SQLite and PostgreSQL alike, so it works whichever
database several gitstudio processes share, without advisory-lock dialects.

A lease is short and renewed while its work runs (:func:`renewed`): the lease of a process
that died lapses within its time to live and the next caller takes it over. The last write
of a sync is fenced (storage.index: conditional on still owning the lease), so a holder that
lost its lease while stalled writes nothing over its successor's work.

Owners: a server claims a stable owner id for its data directory (:func:`claim`), so after a
restart it recognises the leases it held when it died and ends them at once instead of
waiting for them to lapse. One-shot tools use :data:`OWNER`, unique per process.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from storage import db

log = logging.getLogger(__name__)

OWNER = f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

# The width of projects.sync_owner.
OWNER_MAX = 64
# Servers on one host and data directory (each claims the lowest free slot).
_SLOTS = 16


# What a sync needs of its project, read in the same statement that takes the lease (the
# freshest values: another instance may have synced while we waited).
SYNC_COLUMNS = "repo_url, subdir, default_branch, ref_tips, sync_count"


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


async def renew(project_id: int, ttl: float, owner: str) -> bool:
    """Extend the lease if ``owner`` still holds it; False once it is someone else's (or
    released)."""
    rows = await db.fetch(
        "UPDATE projects SET sync_lease_until = ? WHERE id = ? AND sync_owner = ? RETURNING id",
        [time.time() + ttl, project_id, owner],
    )
    return bool(rows)


async def release(project_id: int, owner: str = OWNER) -> None:
    await db.execute(
        "UPDATE projects SET sync_owner = NULL, sync_lease_until = NULL"
        " WHERE id = ? AND sync_owner = ?",
        [project_id, owner],
    )


async def release_all(owner: str) -> list[int]:
    """End every lease ``owner`` holds (a restarted server: its work died with it); the
    projects they were on."""
    rows = await db.fetch(
        "UPDATE projects SET sync_owner = NULL, sync_lease_until = NULL"
        " WHERE sync_owner = ? RETURNING id",
        [owner],
    )
    return sorted(int(r["id"]) for r in rows)


class Renewal:
    """A held lease kept alive: renewed every third of its time to live, so two renewals
    can fail (a stalled loop, a database blip) before it lapses. ``lost`` turns true when a
    renewal finds another owner: the work must then stop before it writes."""

    def __init__(self, project_id: int, owner: str, ttl: float) -> None:
        self.project_id = project_id
        self.owner = owner
        self.ttl = ttl
        self.lost = False

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.ttl / 3)
            try:
                held = await renew(self.project_id, self.ttl, self.owner)
            except Exception:  # the lease still runs; the next turn tries again
                log.warning("renewing the lease of project %s failed", self.project_id)
                continue
            if not held:
                self.lost = True
                return


@contextlib.asynccontextmanager
async def renewed(project_id: int, owner: str, ttl: float) -> AsyncIterator[Renewal]:
    """Renew the lease (already acquired) while the block runs."""
    renewal = Renewal(project_id, owner, ttl)
    task = asyncio.create_task(renewal.run(), name=f"gitstudio-lease-{project_id}")
    try:
        yield renewal
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@dataclass
class Claim:
    """The owner id of a server process, held until :meth:`close`. ``stable`` when the
    same id comes back after a restart (so its leases may be ended at start)."""

    owner: str
    stable: bool
    _lock: IO[str] | None = None

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def claim(data_dir: Path, instance_id: str = "") -> Claim:
    """The owner id of a server on ``data_dir``.

    Given ``instance_id`` (GITSTUDIO_INSTANCE_ID), that id: the operator keeps it unique
    among running processes. Otherwise ``host:<data dir digest>:<slot>``, where the slot is
    the lowest of ``data_dir/instance-N.lock`` this process can lock (flock): a slot is
    locked by at most one live process, so a restart finds its own slot free again, and
    two servers on one data directory still get distinct ids."""
    if instance_id:
        if len(instance_id) > OWNER_MAX:
            raise ValueError(f"GITSTUDIO_INSTANCE_ID must be at most {OWNER_MAX} characters")
        return Claim(instance_id, True)
    try:
        import fcntl
    except ImportError:  # no flock: a fresh id each start; leases then lapse on their own
        return Claim(OWNER, False)
    resolved = data_dir.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    prefix = f"{socket.gethostname()[:32]}:{digest}"
    for slot in range(_SLOTS):
        handle = (resolved / f"instance-{slot}.lock").open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        return Claim(f"{prefix}:{slot}", True, handle)
    return Claim(OWNER, False)
