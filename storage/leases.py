"""The project lease: one instance at a time syncs or writes a given project.

A conditional UPDATE is atomic on SQLite and PostgreSQL alike, so it works whichever
database several gitstudio processes share, without advisory-lock dialects.

A lease is short and renewed while its work runs (:func:`renewed`): the lease of a process
that died lapses within its time to live and the next caller takes it over. The last write
of a sync is fenced (storage.index: conditional on still owning the lease), so a holder that
lost its lease while stalled writes nothing over its successor's work.

Owners: a server's owner id is ``<stable id>#<boot nonce>`` (:func:`claim`). The stable id
(GITSTUDIO_INSTANCE_ID, or host + data directory + a flock'ed slot) names the server across
restarts; the nonce makes every boot a distinct owner, so two live processes never share a
lease even when an operator gives both the same id. A boot locks a file in the data
directory that records the owner of the last boot holding it: getting the lock proves that
boot dead, so a restarted server ends exactly that boot's leases at once instead of waiting
for them to lapse, and never a live process's. One-shot tools use :data:`OWNER`, unique per
process.
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
# Hex digits of a boot's nonce (after '#'): 48 random bits, so two boots of one stable id
# never meet on an owner.
_NONCE_HEX = 12
# The longest stable id: an owner is the stable id, '#' and the nonce.
STABLE_MAX = OWNER_MAX - 1 - _NONCE_HEX
# Servers on one host and data directory (each claims the lowest free slot).
_SLOTS = 16


# What a sync needs of its project, read in the same statement that takes the lease (the
# freshest values: another instance may have synced while we waited).
SYNC_COLUMNS = (
    "repo_url, subdir, default_branch, ref_tips, sync_count, import_since, custom_files,"
    " auto_hide_unchanged"
)


@dataclass(frozen=True)
class Taken:
    """A lease just acquired: the project's sync columns, and whether it was another
    owner's lease that had lapsed (its holder died or stalled mid-work, and may have left
    git lock files in the project's mirror)."""

    columns: dict[str, Any]
    took_over: bool


async def try_acquire(project_id: int, ttl: float, owner: str = OWNER) -> Taken | None:
    """The lease if it is now ``owner``'s (free, already its own, or lapsed), else None."""
    now = time.time()
    free = await _take(project_id, owner, now + ttl, "sync_owner IS NULL OR sync_owner = ?", owner)
    if free is not None:
        return Taken(free, took_over=False)
    lapsed = await _take(
        project_id, owner, now + ttl, "sync_owner <> ? AND sync_lease_until < ?", owner, now
    )
    return None if lapsed is None else Taken(lapsed, took_over=True)


async def _take(
    project_id: int, owner: str, until: float, condition: str, *args: Any
) -> dict[str, Any] | None:
    """The lease for ``owner`` if ``condition`` holds: one conditional UPDATE (atomic)."""
    rows = await db.fetch(
        f"UPDATE projects SET sync_owner = ?, sync_lease_until = ? WHERE id = ? AND ({condition})"
        f" RETURNING {SYNC_COLUMNS}",
        [owner, until, project_id, *args],
    )
    return dict(rows[0]) if rows else None


async def acquire(project_id: int, ttl: float, wait: float, owner: str = OWNER) -> Taken | None:
    """Try until ``wait`` seconds have passed; None if another owner still holds it."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while (taken := await try_acquire(project_id, ttl, owner)) is None:
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)
    return taken


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


async def inherit(dead: str, owner: str, ttl: float) -> list[int]:
    """Move every lease of ``dead`` (an owner known dead: a restarted server's previous
    boot) to ``owner``; the projects they are on. The new holder then clears what the dead
    one left in their mirrors while no one else can touch them, and releases them."""
    rows = await db.fetch(
        "UPDATE projects SET sync_owner = ?, sync_lease_until = ?"
        " WHERE sync_owner = ? RETURNING id",
        [owner, time.time() + ttl, dead],
    )
    return sorted(int(r["id"]) for r in rows)


async def held_by_other_boots(claim: Claim) -> list[str]:
    """Owners with a running lease under this server's stable id other than this boot and
    its dead predecessor: another live process with the same GITSTUDIO_INSTANCE_ID (on
    another host or data directory; one on this data directory cannot start), or a boot
    that ran on another data directory within a lease's time to live."""
    prefix = f"{claim.stable_id}#"
    rows = await db.fetch(
        "SELECT DISTINCT sync_owner FROM projects"
        " WHERE substr(sync_owner, 1, ?) = ? AND sync_lease_until >= ?",
        [len(prefix), prefix, time.time()],
    )
    return sorted({str(r["sync_owner"]) for r in rows} - {claim.owner, claim.previous})


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
    """The owner id of a server process (``stable_id#nonce``), held until :meth:`close`.
    ``previous`` is the owner of the last boot of ``stable_id`` on this data directory,
    dead since this one holds its lock file: its leases may be ended at once. None when
    there is none, or when ids are not stable (no flock): leases then lapse on their own."""

    owner: str
    stable_id: str
    previous: str | None = None
    _lock: IO[str] | None = None

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None


class InstanceInUse(RuntimeError):
    """Another live process on this data directory runs with the same instance id."""


def claim(data_dir: Path, instance_id: str = "") -> Claim:
    """The owner id of a server on ``data_dir``.

    Given ``instance_id`` (GITSTUDIO_INSTANCE_ID), that id, which the operator keeps unique
    among running processes: a second process with it on the same data directory is
    refused (:class:`InstanceInUse`). Otherwise ``host:<data dir digest>:<slot>``, where the
    slot is the lowest of ``data_dir/instance-N.lock`` this process can lock (flock): a slot
    is locked by at most one live process, so a restart finds its own slot free again, and
    two servers on one data directory still get distinct ids."""
    if instance_id:
        return _configured(data_dir, instance_id)
    resolved = data_dir.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    prefix = f"{socket.gethostname()[:32]}:{digest}"
    for slot in range(_SLOTS):
        try:
            return _lock_boot(resolved / f"instance-{slot}.lock", f"{prefix}:{slot}")
        except BlockingIOError:  # a live server holds this slot
            continue
        except (OSError, ImportError):  # no flock here: a fresh id each start
            break
    return Claim(OWNER, OWNER)


def _configured(data_dir: Path, instance_id: str) -> Claim:
    if len(instance_id) > STABLE_MAX or "#" in instance_id:
        raise ValueError(
            f"GITSTUDIO_INSTANCE_ID must be at most {STABLE_MAX} characters, without '#'"
        )
    digest = hashlib.sha256(instance_id.encode()).hexdigest()[:16]
    try:  # the file is named by a digest: the id is any text, never a path
        return _lock_boot(data_dir.resolve() / f"instance-id-{digest}.lock", instance_id)
    except BlockingIOError:
        raise InstanceInUse(
            f"another running process on {data_dir} has GITSTUDIO_INSTANCE_ID={instance_id!r};"
            " give each process its own"
        ) from None
    except (OSError, ImportError) as exc:
        log.warning("cannot lock the instance file (%s): leases of a previous boot lapse", exc)
        return Claim(_boot_owner(instance_id), instance_id)


def _lock_boot(path: Path, stable_id: str) -> Claim:
    """Lock ``path`` for this boot (BlockingIOError if a live process holds it), read the
    previous boot's owner it records and record this one's."""
    import fcntl  # not on every platform: the caller falls back to unstable ids

    handle = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.seek(0)
        previous = handle.read(OWNER_MAX + 1).strip()
        owner = _boot_owner(stable_id)
        handle.truncate(0)
        handle.write(owner)
        handle.flush()
        os.fsync(handle.fileno())
    except BaseException:
        handle.close()
        raise
    # Only an owner of this stable id: a damaged file must not end someone else's leases.
    known = previous.startswith(f"{stable_id}#") and len(previous) <= OWNER_MAX
    return Claim(owner, stable_id, previous if known else None, handle)


def _boot_owner(stable_id: str) -> str:
    return f"{stable_id}#{uuid.uuid4().hex[:_NONCE_HEX]}"
