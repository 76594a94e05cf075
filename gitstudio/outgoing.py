"""Sending outgoing webhooks: the delivery loop of a server (storage/deliveries.py holds the
queue and why it is shaped so).

Every ``gitstudio serve`` process runs one :class:`Deliverer` in its lifespan; ``gitstudio
worker`` processes only enqueue (the syncs they run write rows that the servers send), so
a deployment delivers as long as one server runs, and several servers share the work
through the claim. The loop wakes when this process enqueues and otherwise looks for due
rows every ``GITSTUDIO_WEBHOOK_POLL_SECONDS``; it sends up to
``GITSTUDIO_WEBHOOK_CONCURRENCY`` deliveries at once.

A claim takes at most one delivery of a webhook, and none of a webhook whose attempt is
still in flight here; each slot is refilled as its attempt ends, so a receiver that does not
answer holds one slot, not all.

An attempt checks the URL against the outbound host policy again (the DNS answer may have
changed since the webhook was made: sync.repo_policy.RepoPolicy.check_webhook, which returns
the addresses it vetted), opens the secret, and POSTs the JSON body with httpx to a vetted
address itself, never resolving the name again (DNS rebinding: a name answering a public
address to the check and a loopback one next would otherwise get the signed POST inside).
The URL's host[:port] is the ``Host`` header and, over https, the TLS server name
(httpcore's ``sni_hostname`` request extension), so the certificate is verified for the
name. No connection is kept for another request. Redirects are not followed, the answer's
body is never read, and the whole attempt, DNS lookup included, is bounded by
``GITSTUDIO_WEBHOOK_TIMEOUT_SECONDS`` (so it ends within the claim's lease). Headers as
GitHub's::

    X-Gitstudio-Event: RUN_FINISHED
    X-Gitstudio-Delivery: <delivery id>
    X-Gitstudio-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>

The body: ``{"event", "delivery", "timestamp" (ISO 8601, when the event was queued),
"project": {"id", "name"}, "data": {... the object, "id": its global id}}``. A 2xx answer
delivers it; anything else (3xx included) is retried after the backoff of
storage.deliveries.retry_delay, up to ``GITSTUDIO_WEBHOOK_MAX_ATTEMPTS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import logging
import time
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson

from schema.relay import to_global_id
from storage import deliveries
from storage.deliveries import WebhookLimits
from storage.errors import DomainError
from storage.sealed import Sealer
from sync.repo_policy import RepoPolicy

log = logging.getLogger(__name__)

SIGNATURE = "X-Gitstudio-Signature-256"
EVENT = "X-Gitstudio-Event"
DELIVERY = "X-Gitstudio-Delivery"
PRUNE_EVERY = 60.0  # seconds between prunes of finished deliveries
_ERROR_CHARS = 500  # of an error kept on the delivery


def signature(secret: str, body: bytes) -> str:
    """The ``X-Gitstudio-Signature-256`` value of ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def body_of(row: dict[str, Any]) -> bytes:
    """The JSON body of a claimed delivery (the same bytes for every attempt)."""
    stored = orjson.loads(row["payload"])
    data = dict(stored["data"])
    if stored.get("node"):
        kind, db_id = stored["node"]
        data["id"] = to_global_id(kind, int(db_id))
    return orjson.dumps(
        {
            "event": row["event"],
            "delivery": str(row["id"]),
            "timestamp": datetime.fromtimestamp(float(row["created_at"]), UTC).isoformat(),
            "project": {
                "id": to_global_id("Project", int(row["project_id"])),
                "name": row["project_name"],
            },
            "data": data,
        }
    )


class Deliverer:
    """The delivery loop of one app (a Service of gitstudio.app.State)."""

    def __init__(
        self,
        limits: WebhookLimits,
        policy: RepoPolicy,
        sealer: Sealer,
        poll_seconds: float,
        concurrency: int,
    ) -> None:
        self.limits = limits
        self.policy = policy
        self.sealer = sealer
        self.poll_seconds = poll_seconds
        self.concurrency = max(1, concurrency)
        self._wakeup: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None
        self._inflight: dict[int, asyncio.Task[None]] = {}  # webhook id: its attempt
        self._pruned_at = 0.0

    async def start(self) -> None:
        if self._task is not None:
            return
        deliveries.HOOKS.forget()  # the database may be another than the last snapshot's
        self._wakeup = asyncio.Event()
        self._client = httpx.AsyncClient(
            timeout=self.limits.webhook_timeout_seconds,
            follow_redirects=False,
            trust_env=False,
            # No connection is kept for another request: one is made to an address for one
            # host name (its TLS verified for that name) and must not carry another's.
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        deliveries.on_enqueue(self._wake)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="gitstudio-webhooks")

    async def stop(self) -> None:
        deliveries.off_enqueue(self._wake)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        attempts = list(self._inflight.values())
        for task in attempts:  # a cut attempt is due again once its lease passes
            task.cancel()
        await asyncio.gather(*attempts, return_exceptions=True)
        self._inflight.clear()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _wake(self) -> None:
        if self._wakeup is not None:
            self._wakeup.set()

    async def _run(self) -> None:
        assert self._wakeup is not None
        while True:
            self._wakeup.clear()
            try:
                more = await self.tick()
            except Exception:  # the database may be briefly away: the next turn tries again
                log.warning("delivering webhooks failed", exc_info=True)
                more = False
            if not more:  # woken by an enqueue, a finished attempt or the poll
                # asyncio.timeout, not wait_for: Python 3.11's wait_for loses a cancel that
                # lands as the event is set (a finished attempt sets it), and stop() would
                # then wait for a loop that never ends.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.poll_seconds):
                        await self._wakeup.wait()

    async def tick(self) -> bool:
        """Claim due deliveries for the free slots (of the concurrency) and start their
        attempts, at most one per webhook: none of a webhook with an attempt in flight here.
        Whether every free slot was filled (more may be due at once)."""
        now = time.time()
        free = self.concurrency - len(self._inflight)
        if free <= 0:  # a finishing attempt wakes the loop
            return False
        await deliveries.HOOKS.fresh()
        if deliveries.HOOKS.none():  # no webhook: no delivery (they go with their webhook)
            return False
        if now - self._pruned_at >= PRUNE_EVERY:
            self._pruned_at = now
            await deliveries.prune(self.limits.webhook_deliveries_kept)
        if not await deliveries.due(now):
            return False
        # The lease outlasts an attempt (all of it bounded by the timeout), so no other
        # process takes it while it runs.
        lease = self.limits.webhook_timeout_seconds * 2 + 5
        rows = await deliveries.claim(now, lease, free, busy=tuple(self._inflight))
        loop = asyncio.get_running_loop()
        for row in rows:
            webhook_id = int(row["webhook_id"])
            task = loop.create_task(self._send(row), name=f"gitstudio-webhook-{row['id']}")
            self._inflight[webhook_id] = task
            task.add_done_callback(functools.partial(self._finished, webhook_id))
        return len(rows) == free

    def _finished(self, webhook_id: int, _task: asyncio.Task[None]) -> None:
        self._inflight.pop(webhook_id, None)
        self._wake()

    async def _attempt(self, row: dict[str, Any]) -> int:
        """One POST of a claimed delivery to an address the policy vetted; its status."""
        url = row["url"]
        addresses = await asyncio.to_thread(self.policy.check_webhook, url)
        secret = self.sealer.open(row["secret"])
        body = body_of(row)
        target = httpx.URL(url)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "gitstudio-webhook",
            # The name (and port) the URL gives, as the receiver expects it.
            "Host": target.netloc.decode("ascii"),
            EVENT: row["event"],
            DELIVERY: str(row["id"]),
            SIGNATURE: signature(secret, body),
        }
        # TLS names and verifies the URL's host, whatever address the connection is to.
        extensions = {"sni_hostname": target.raw_host.decode("ascii")}
        assert self._client is not None
        for n, address in enumerate(addresses):
            # Connected to the vetted address itself: resolving the name again could answer
            # another one (DNS rebinding). The next address only if this one refuses.
            pinned = target.copy_with(host=address)
            try:
                # The answer's status is all that is kept: its body is never read (a
                # receiver cannot make the server hold a large answer).
                async with self._client.stream(
                    "POST", pinned, content=body, headers=headers, extensions=extensions
                ) as answer:
                    return answer.status_code
            except httpx.ConnectError:
                if n == len(addresses) - 1:
                    raise
        raise AssertionError("check_webhook returns at least one address")

    async def _send(self, row: dict[str, Any]) -> None:
        code: int | None = None
        error: str | None = None
        try:
            # The whole attempt, DNS check included, is bounded (httpx's timeouts are per
            # read: a trickle of bytes would not end it), so it ends within the lease.
            async with asyncio.timeout(self.limits.webhook_timeout_seconds):
                code = await self._attempt(row)
            if not 200 <= code < 300:
                error = f"HTTP {code}" + (" (redirects are not followed)" if code < 400 else "")
        except DomainError as exc:
            error = exc.message
        except TimeoutError:
            error = f"no answer within {self.limits.webhook_timeout_seconds:g} s"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        except Exception as exc:  # never let one delivery end the loop
            log.exception("delivery %s failed", row["id"])
            error = type(exc).__name__
        if error is not None:
            error = error[:_ERROR_CHARS]
        status = await deliveries.record(self.limits, int(row["id"]), row["attempts"], code, error)
        if status == deliveries.FAILED:
            log.warning("webhook %s gave up delivery %s: %s", row["webhook_id"], row["id"], error)
