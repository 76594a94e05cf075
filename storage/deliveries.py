"""Outgoing webhooks: the durable queue of deliveries (the sender is gitstudio/outgoing.py).

An event is enqueued by its source, in the transaction of the write that made it or right
after it, in the one process that made it (never from a bus subscription, which every
process receives): one ``webhook_deliveries`` row per webhook of the project that wants the
event, PENDING and due at once. The row is the delivery: it survives a restart, and any
process's delivery loop may send it.

Cheap when nobody listens: which webhooks want which events of which project is a snapshot
held per process (:data:`HOOKS`), read in one statement at most every
``GITSTUDIO_WEBHOOK_CACHE_SECONDS`` and forgotten at once when this process creates or
deletes a webhook; :func:`wanted` is a dictionary lookup, so a live-metrics flush or a sync
asks nothing of the database for a project without webhooks. A webhook created in another
process is seen here within that many seconds.

Claiming is a conditional UPDATE (as storage/leases.py's): :func:`claim` moves due rows'
``next_attempt_at`` forward by a lease and counts the attempt, in one statement that only
touches rows still due, so of several processes one sends each attempt; a process that dies
mid-attempt leaves the row due again once the lease passes. :func:`record` writes the
outcome only for the attempt it claimed.

Order: deliveries are not ordered per webhook (a receiver that fails would hold every later
event for hours of retries, as GitHub's do not): each carries its time and an increasing
delivery id, by which a receiver can order them.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from storage import db, limits
from storage.errors import DomainError, check_text, has_control
from storage.sqlplan import Fetch, Many, Plan, run_plan

log = logging.getLogger(__name__)

PENDING, DELIVERED, FAILED = "PENDING", "DELIVERED", "FAILED"

RUN_STARTED = "RUN_STARTED"
RUN_FINISHED = "RUN_FINISHED"
RUN_FAILED = "RUN_FAILED"
RUN_STALE = "RUN_STALE"
EXPERIMENT_PUSHED = "EXPERIMENT_PUSHED"
MODEL_REGISTERED = "MODEL_REGISTERED"
STAGE_ASSIGNED = "STAGE_ASSIGNED"
MODEL_DEPRECATED = "MODEL_DEPRECATED"
PULL_REQUEST_OPENED = "PULL_REQUEST_OPENED"
PULL_REQUEST_MERGED = "PULL_REQUEST_MERGED"
PULL_REQUEST_CLOSED = "PULL_REQUEST_CLOSED"
SYNC_FAILED = "SYNC_FAILED"
EVENTS = (
    RUN_STARTED,
    RUN_FINISHED,
    RUN_FAILED,
    RUN_STALE,
    EXPERIMENT_PUSHED,
    MODEL_REGISTERED,
    STAGE_ASSIGNED,
    MODEL_DEPRECATED,
    PULL_REQUEST_OPENED,
    PULL_REQUEST_MERGED,
    PULL_REQUEST_CLOSED,
    SYNC_FAILED,
)

# A node an event is about: (GraphQL type name, row id); the sender gives its global id.
Node = tuple[str, int]


@dataclass(frozen=True, slots=True)
class WebhookLimits:
    """The bounds of webhooks and their deliveries, named as their settings
    (gitstudio.settings; built by storage.limits.from_settings)."""

    max_webhooks_per_project: int  # webhooks one project may have
    max_webhook_url_bytes: int  # bytes of a webhook's URL
    max_webhook_secret_bytes: int  # bytes of a webhook's secret
    max_webhook_payload_bytes: int  # bytes of an event's object; a larger one is cut to its id
    webhook_deliveries_kept: int  # finished deliveries kept per webhook (older ones go)
    webhook_max_attempts: int  # attempts before a delivery is FAILED
    webhook_retry_base_seconds: float  # delay after the first failed attempt, doubled each
    webhook_retry_max_seconds: float  # the longest delay between attempts
    webhook_timeout_seconds: float  # one attempt: connect, send, answer
    webhook_cache_seconds: float  # how old this process's snapshot of webhooks may be


# -- which webhooks want what -----------------------------------------------------------------


class Hooks:
    """This process's snapshot: project -> event -> ids of the active webhooks wanting it."""

    def __init__(self) -> None:
        self.by_project: dict[int, dict[str, tuple[int, ...]]] = {}
        self.loaded_at = -math.inf
        self.ttl = 5.0
        self.max_payload_bytes = 64 * 1024

    def configure(self, bounds: WebhookLimits) -> None:
        self.ttl = bounds.webhook_cache_seconds
        self.max_payload_bytes = bounds.max_webhook_payload_bytes

    def forget(self) -> None:
        """Read the webhooks again at the next check (a webhook created or deleted here, a
        database opened anew)."""
        self.loaded_at = -math.inf

    async def fresh(self) -> None:
        """Read the snapshot again when it is older than its TTL: one statement."""
        if time.monotonic() - self.loaded_at < self.ttl:
            return
        started = time.monotonic()
        try:
            rows = await db.fetch(
                "SELECT id, project_id, events FROM webhooks WHERE active = ?", [True]
            )
        except Exception:  # a source's write must not fail for it: the last snapshot stands
            log.warning("reading the webhooks failed; the last list stands", exc_info=True)
            return
        by_project: dict[int, dict[str, list[int]]] = {}
        for row in rows:
            events = by_project.setdefault(int(row["project_id"]), {})
            for event in orjson.loads(row["events"]):
                events.setdefault(str(event), []).append(int(row["id"]))
        self.by_project = {
            project: {event: tuple(ids) for event, ids in events.items()}
            for project, events in by_project.items()
        }
        self.loaded_at = started

    def wanted(self, project_id: int, event: str) -> tuple[int, ...]:
        """Ids of the webhooks of ``project_id`` wanting ``event`` (no I/O)."""
        found = self.by_project.get(project_id)
        return found.get(event, ()) if found else ()

    def none(self) -> bool:
        """No active webhook at all (so nothing to deliver)."""
        return not self.by_project


HOOKS = Hooks()  # one per process: the database is the process's


def configure(settings: object) -> None:
    """This process's snapshot bounds from the settings (the app, the worker and the CLI
    call it at start, as storage.limits.configure)."""
    HOOKS.configure(limits.from_settings(WebhookLimits, settings))


# -- enqueueing (the sources) -----------------------------------------------------------------

_INSERT = (
    "INSERT INTO webhook_deliveries (webhook_id, event, payload, status, attempts,"
    " next_attempt_at, created_at) SELECT id, ?, ?, ?, 0, ?, ? FROM webhooks"
    " WHERE project_id = ? AND active = ? AND id IN ({marks})"
)


def enqueue_plan(project_id: int, event: str, obj: dict[str, Any], node: Node | None) -> Plan[int]:
    """Statements of a write's plan (storage.sqlplan) that queue ``event`` about ``obj`` for
    the project's webhooks wanting it; none when no webhook does. The snapshot must be
    fresh (``await HOOKS.fresh()`` before the plan runs). Returns how many webhooks."""
    ids = HOOKS.wanted(project_id, event)
    if not ids:
        return 0
    now = time.time()
    payload = _payload(obj, node)
    marks = ", ".join("?" * len(ids))
    yield Many(
        _INSERT.format(marks=marks),
        [(event, payload, PENDING, now, now, project_id, True, *ids)],
    )
    return len(ids)


async def enqueue(
    project_id: int, event: str, obj: dict[str, Any], node: Node | None = None
) -> int:
    """Queue ``event`` about ``obj`` (plain JSON; ``node`` the object's type and row id)
    for every webhook of the project that wants it; a dictionary lookup when none does."""
    await HOOKS.fresh()
    if not HOOKS.wanted(project_id, event):
        return 0
    queued = await run_plan(enqueue_plan(project_id, event, obj, node))
    if queued:
        wake()
    return queued


async def enqueue_experiments(project_id: int, ids: list[int]) -> int:
    """EXPERIMENT_PUSHED for each experiment-ref row among ``ids`` (rows a committed sync
    created, moved or linked; commit rows are not experiments); no read unless a webhook
    of the project wants it."""
    await HOOKS.fresh()
    if not ids or not HOOKS.wanted(project_id, EXPERIMENT_PUSHED):
        return 0
    queued = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = await db.fetch(
            "SELECT id, name, sha, baseline_sha FROM experiments"
            f" WHERE kind = 'EXPERIMENT' AND id IN ({', '.join('?' * len(chunk))}) ORDER BY id",
            chunk,
        )
        queued += await run_plan(_pushed_plan(project_id, rows))
    if queued:
        wake()
    return queued


def _pushed_plan(project_id: int, rows: list[dict[str, Any]]) -> Plan[int]:
    """EXPERIMENT_PUSHED of each of ``rows`` (experiment refs), in one transaction."""
    queued = 0
    for row in rows:
        obj = {"name": row["name"], "sha": row["sha"], "baselineSha": row["baseline_sha"]}
        node = ("Experiment", int(row["id"]))
        queued += yield from enqueue_plan(project_id, EXPERIMENT_PUSHED, obj, node)
    return queued


def _payload(obj: dict[str, Any], node: Node | None) -> str:
    data = orjson.dumps({"node": list(node) if node else None, "data": obj})
    if len(data) > HOOKS.max_payload_bytes:  # the object cut to what names it
        data = orjson.dumps({"node": list(node) if node else None, "data": {"truncated": True}})
    return data.decode()


# Delivery loops of this process (gitstudio.outgoing.Deliverer) woken by an enqueue here;
# others find the row at their next poll.
_WAKERS: list[Callable[[], None]] = []


def on_enqueue(waker: Callable[[], None]) -> None:
    _WAKERS.append(waker)


def off_enqueue(waker: Callable[[], None]) -> None:
    if waker in _WAKERS:
        _WAKERS.remove(waker)


def wake() -> None:
    for waker in list(_WAKERS):
        waker()


# -- webhooks ---------------------------------------------------------------------------------


def check_webhook(bounds: WebhookLimits, url: str, events: Iterable[str], secret: str) -> None:
    """Shape of a new webhook before anything is looked up or stored (the URL's host is the
    outbound policy's to judge)."""
    check_text(url, "url", bounds.max_webhook_url_bytes, "INVALID_URL")
    if not secret:
        raise DomainError("INVALID", "secret must not be empty", "secret")
    if len(secret.encode("utf-8", "surrogatepass")) > bounds.max_webhook_secret_bytes:
        raise DomainError(
            "INVALID", f"secret is longer than {bounds.max_webhook_secret_bytes} bytes", "secret"
        )
    if has_control(secret):
        raise DomainError("INVALID", "secret contains control characters", "secret")
    names = list(events)
    if not names:
        raise DomainError("INVALID", "name at least one event", "events")
    unknown = [e for e in names if e not in EVENTS]
    if unknown:
        raise DomainError("INVALID", f"unknown events: {', '.join(unknown[:5])}", "events")


async def create_webhook(
    bounds: WebhookLimits,
    project_id: int,
    url: str,
    events: list[str],
    sealed_secret: str,
    created_by: str,
) -> dict[str, Any]:
    """Store a webhook (its secret already sealed); at most ``max_webhooks_per_project``."""
    chosen = [e for e in EVENTS if e in set(events)]
    rows = await run_plan(
        _create_plan(bounds.max_webhooks_per_project, project_id, url, chosen, sealed_secret,
                     created_by)
    )  # fmt: skip
    if not rows:
        raise DomainError(
            "LIMIT_EXCEEDED",
            f"a project has at most {bounds.max_webhooks_per_project} webhooks",
            "projectId",
        )
    HOOKS.forget()
    return rows[0]


def _create_plan(
    most: int, project_id: int, url: str, events: list[str], secret: str, created_by: str
) -> Plan[list[dict[str, Any]]]:
    # In one transaction: two creations racing cannot both pass the count (SQLite's one
    # writer; on PostgreSQL the project row is locked first).
    if db.is_postgres():
        yield Fetch("SELECT id FROM projects WHERE id = ? FOR UPDATE", [project_id])
    count = yield Fetch("SELECT COUNT(*) AS n FROM webhooks WHERE project_id = ?", [project_id])
    if int(count[0]["n"]) >= most:
        return []
    rows: list[dict[str, Any]] = yield Fetch(
        "INSERT INTO webhooks (project_id, url, events, secret, created_by, created_at, active)"
        f" VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING {_WEBHOOK}",
        [project_id, url, orjson.dumps(events).decode(), secret, created_by, time.time(), True],
    )
    return rows


_WEBHOOK = "id, project_id, url, events, created_by, created_at, active"


async def webhooks_of(project_id: int) -> list[dict[str, Any]]:
    """A project's webhooks, oldest first (without their secrets)."""
    return await db.fetch(
        f"SELECT {_WEBHOOK} FROM webhooks WHERE project_id = ? ORDER BY id", [project_id]
    )


async def webhook(webhook_id: int) -> dict[str, Any] | None:
    rows = await db.fetch(f"SELECT {_WEBHOOK} FROM webhooks WHERE id = ?", [webhook_id])
    return rows[0] if rows else None


async def delete_webhook(webhook_id: int) -> bool:
    """Remove a webhook and its deliveries (pending ones are never sent)."""
    rows = await db.fetch("DELETE FROM webhooks WHERE id = ? RETURNING id", [webhook_id])
    HOOKS.forget()
    return bool(rows)


# -- delivering (gitstudio.outgoing) ----------------------------------------------------------

_DELIVERY = (
    "id, webhook_id, event, status, attempts, next_attempt_at, response_code, error,"
    " created_at, delivered_at"
)


async def due(now: float) -> bool:
    """Whether any delivery is due: a read (on SQLite one of the readers), so an idle loop
    takes no write lock."""
    return bool(
        await db.fetch(
            "SELECT 1 AS due FROM webhook_deliveries WHERE status = ? AND next_attempt_at <= ?"
            " LIMIT 1",
            [PENDING, now],
        )
    )


async def claim(
    now: float, lease: float, most: int, busy: Collection[int] = ()
) -> list[dict[str, Any]]:
    """Take up to ``most`` due deliveries for one attempt each, the oldest due one of each
    webhook and none of the webhooks in ``busy`` (those with an attempt in flight in this
    process), so a receiver that does not answer holds one slot, not all: their
    ``next_attempt_at`` moves to ``now + lease`` and ``attempts`` counts this one, only
    while still due, so of several processes one takes each. With each row its webhook's
    URL and sealed secret, the project and the stored payload."""
    skipped = ""
    if busy:
        skipped = f" AND d.webhook_id NOT IN ({', '.join('?' * len(busy))})"
    claimed = await db.fetch(
        "UPDATE webhook_deliveries SET next_attempt_at = ?, attempts = attempts + 1"
        " WHERE id IN (SELECT d.id FROM webhook_deliveries d WHERE d.status = ?"
        f" AND d.next_attempt_at <= ?{skipped} AND NOT EXISTS (SELECT 1 FROM"
        " webhook_deliveries e WHERE e.webhook_id = d.webhook_id AND e.status = ?"
        " AND e.next_attempt_at <= ? AND (e.next_attempt_at < d.next_attempt_at"
        " OR (e.next_attempt_at = d.next_attempt_at AND e.id < d.id)))"
        " ORDER BY d.next_attempt_at, d.id LIMIT ?)"
        " AND status = ? AND next_attempt_at <= ? RETURNING id, attempts",
        [now + lease, PENDING, now, *busy, PENDING, now, most, PENDING, now],
    )
    if not claimed:
        return []
    attempts = {int(r["id"]): int(r["attempts"]) for r in claimed}
    marks = ", ".join("?" * len(attempts))
    rows = await db.fetch(
        "SELECT d.id, d.event, d.payload, d.created_at, w.id AS webhook_id, w.url, w.secret,"
        " w.project_id, p.name AS project_name FROM webhook_deliveries d"
        " JOIN webhooks w ON w.id = d.webhook_id JOIN projects p ON p.id = w.project_id"
        f" WHERE d.id IN ({marks}) ORDER BY d.id",
        list(attempts),
    )
    for row in rows:
        row["attempts"] = attempts[int(row["id"])]
    return rows


def retry_delay(bounds: WebhookLimits, attempts: int) -> float:
    """Seconds before the attempt after ``attempts`` failed ones: base, doubled each time,
    at most the cap."""
    exponent = min(attempts - 1, 60)
    return float(min(bounds.webhook_retry_max_seconds,
                     bounds.webhook_retry_base_seconds * 2**exponent))  # fmt: skip


async def record(
    bounds: WebhookLimits,
    delivery_id: int,
    attempts: int,
    code: int | None,
    error: str | None,
) -> str:
    """The outcome of the attempt numbered ``attempts`` (the one claimed): DELIVERED on a
    2xx answer; else PENDING again after the backoff, or FAILED after the last attempt.
    Written only if no later attempt was claimed meanwhile. Returns the status."""
    now = time.time()
    if code is not None and 200 <= code < 300:
        status, due, delivered = DELIVERED, now, now
    elif attempts >= bounds.webhook_max_attempts:
        status, due, delivered = FAILED, now, None
    else:
        status, due, delivered = PENDING, now + retry_delay(bounds, attempts), None
    await db.fetch(
        "UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, response_code = ?,"
        " error = ?, delivered_at = ? WHERE id = ? AND attempts = ? AND status = ?"
        " RETURNING id",
        [status, due, code, error, delivered, delivery_id, attempts, PENDING],
    )
    return status


async def redeliver(delivery_id: int) -> dict[str, Any] | None:
    """Send a delivery again: a copy queued now (the original stays as it ended)."""
    now = time.time()
    rows = await db.fetch(
        "INSERT INTO webhook_deliveries (webhook_id, event, payload, status, attempts,"
        " next_attempt_at, created_at) SELECT webhook_id, event, payload, ?, 0, ?, ?"
        f" FROM webhook_deliveries WHERE id = ? RETURNING {_DELIVERY}",
        [PENDING, now, now, delivery_id],
    )
    if rows:
        wake()
    return rows[0] if rows else None


async def delivery(delivery_id: int) -> dict[str, Any] | None:
    rows = await db.fetch(f"SELECT {_DELIVERY} FROM webhook_deliveries WHERE id = ?", [delivery_id])
    return rows[0] if rows else None


async def deliveries_of(webhook_id: int, before: int, most: int) -> list[dict[str, Any]]:
    """Up to ``most`` of a webhook's deliveries with ids below ``before``, newest first."""
    return await db.fetch(
        f"SELECT {_DELIVERY} FROM webhook_deliveries WHERE webhook_id = ? AND id < ?"
        " ORDER BY id DESC LIMIT ?",
        [webhook_id, before, most],
    )


async def count_deliveries(webhook_id: int) -> int:
    rows = await db.fetch(
        "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE webhook_id = ?", [webhook_id]
    )
    return int(rows[0]["n"])


async def prune(kept: int) -> int:
    """Delete each webhook's finished deliveries older than its ``kept`` newest ones (a
    pending one stays until it ends); how many. Per webhook: its ``kept``-th newest id
    found through the (webhook_id, id) index, then one range delete."""
    deleted = 0
    for hook in await db.fetch("SELECT id FROM webhooks"):
        edge = await db.fetch(
            "SELECT id FROM webhook_deliveries WHERE webhook_id = ?"
            " ORDER BY id DESC LIMIT 1 OFFSET ?",
            [hook["id"], kept],
        )
        if edge:
            gone = await db.fetch(
                "DELETE FROM webhook_deliveries WHERE webhook_id = ? AND id <= ?"
                " AND status <> ? RETURNING id",
                [hook["id"], edge[0]["id"], PENDING],
            )
            deleted += len(gone)
    return deleted


async def project_of_delivery(delivery_id: int) -> int | None:
    rows = await db.fetch(
        "SELECT w.project_id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
        " WHERE d.id = ?",
        [delivery_id],
    )
    return int(rows[0]["project_id"]) if rows else None
