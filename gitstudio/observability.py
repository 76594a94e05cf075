"""Operating the server: ``GET /metrics`` (Prometheus), ``GET /healthz``, and the request id
every log line of a request carries.

``/metrics`` answers the process's instruments (storage.telemetry's registry: GraphQL
latency by operation, syncs, index writes, jobs, ingest, subscribers) plus what is read at
scrape time: compiled-plan use and fallbacks (``state.plans``), the database pool, and the
job queue's depth and oldest age (``state.sync_scheduler.stats()`` when a queue runs; the
embedded default syncs in process and reports queue "inprocess" with depth 0). It needs a
token with the ADMIN scope unless ``GITSTUDIO_METRICS_PUBLIC`` is on.

``/healthz`` asks the database (``SELECT 1``), the event bus (``ping``) and the job queue
(``ping``), each bounded by ``GITSTUDIO_HEALTHZ_TIMEOUT_SECONDS``: 200 when all answer,
else 503; the body says which did not (the kind of failure only: the probe is public, the
details go to the log). One probe runs at a time, shared by the requests arriving while it
runs, and its answer is kept :data:`HEALTHZ_CACHE_SECONDS`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from gitstudio.rest import guard, json_response
from storage import db, telemetry

if TYPE_CHECKING:
    from gitstudio.app import State

log = logging.getLogger(__name__)

INPROCESS = "inprocess"  # no job queue: syncs run in the serving process
# /healthz is public: its answer is kept this long, so a flood of probes costs one database
# connection and one connection of the queue's small pool (which webhook enqueues need) a
# second, not one per request; a second is well inside any orchestrator's probe period.
HEALTHZ_CACHE_SECONDS = 1.0


class RequestIds:
    """ASGI middleware: every request and websocket runs under a new request id (log lines,
    a failure's reported id: storage.telemetry.REQUEST_ID)."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._app(scope, receive, send)
            return
        token = telemetry.REQUEST_ID.set(telemetry.next_request())
        try:
            await self._app(scope, receive, send)
        finally:
            telemetry.REQUEST_ID.reset(token)


def _queue(state: State) -> Any:
    """The job queue of this process (``state.sync_scheduler``), None when syncs run in
    process."""
    return getattr(state, "sync_scheduler", None)


def _queue_name(scheduler: Any) -> str:
    name = getattr(scheduler, "name", None)
    return name if isinstance(name, str) and name else type(scheduler).__name__.lower()


class _Scrape(Collector):
    """The process's registry plus what this app reads at scrape time."""

    def __init__(self, state: State, queue: tuple[str, Any] | None) -> None:
        self._state = state
        self._queue = queue

    def collect(self) -> Iterable[Metric]:
        yield from telemetry.REGISTRY.collect()
        plans = self._state.plans
        family = CounterMetricFamily(
            "gitstudio_graphql_plans",
            "Queries by how they ran: compiled (a plan), no_plan (graphql-core: the document "
            "has none), abandoned (the plan gave up, graphql-core answered)",
            labels=["outcome"],
        )
        family.add_metric(["compiled"], plans.compiled)
        family.add_metric(["no_plan"], plans.not_compiled)
        family.add_metric(["abandoned"], plans.abandoned)
        yield family
        yield from _pool()
        name, stats = self._queue or (INPROCESS, None)
        depth = GaugeMetricFamily(
            "gitstudio_queue_depth", "Jobs waiting in the job queue", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "gitstudio_queue_oldest_age_seconds",
            "Age of the oldest waiting job (0 when none)",
            labels=["queue"],
        )
        if stats is not None or self._queue is None:
            depth.add_metric([name], float(getattr(stats, "depth", 0)))
            age.add_metric([name], float(getattr(stats, "oldest_age_seconds", 0.0)))
        yield depth
        yield age


_POOL_STATES = (("_in_use", "in_use"), ("_max", "max"), ("_open", "open"), ("_size", "open"))


def _pool() -> Iterable[Metric]:
    """Database connections by pool and state (storage.db.pool_stats): SQLite's readers
    and its one writer, or asyncpg's pool; max, open, in_use."""
    family = GaugeMetricFamily(
        "gitstudio_db_pool_connections",
        "Database connections by pool (sqlite_readers, sqlite_writer, postgres) and state "
        "(max, open, in_use)",
        labels=["pool", "state"],
    )
    for key, count in db.pool_stats().items():
        for suffix, state in _POOL_STATES:
            if key.endswith(suffix):
                pool = key.removesuffix(suffix).removesuffix("_pool")
                family.add_metric([pool, state], count)
                break
    yield family


class Operations:
    """``/metrics`` and ``/healthz`` of one app."""

    def __init__(self, state: State) -> None:
        self._state = state
        self._public = state.settings.metrics_public
        self._timeout = state.settings.healthz_timeout_seconds
        self._probe: asyncio.Future[tuple[dict[str, str], int]] | None = None
        self._answer: tuple[float, tuple[dict[str, str], int]] | None = None

    async def metrics(self, request: Request) -> Response:
        if not self._public:
            await self._state.gate.site_admin(request)
        queue: tuple[str, Any] | None = None
        scheduler = _queue(self._state)
        if scheduler is not None:
            stats: Any = None
            try:
                async with asyncio.timeout(self._timeout):
                    stats = await scheduler.stats()
            except Exception:  # the queue's series are left out; /healthz says why
                log.warning("reading the job queue's stats failed", exc_info=True)
            queue = (_queue_name(scheduler), stats)
        body = generate_latest(_Scrape(self._state, queue))
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    async def healthz(self, request: Request) -> Response:
        """The last probe's answer while it is fresh; else the probe in flight, or a new
        one: callers arriving together share one probe (one database connection, one
        connection of the queue's pool), whatever their number."""
        now = time.monotonic()
        if self._answer is not None and now - self._answer[0] < HEALTHZ_CACHE_SECONDS:
            body, status = self._answer[1]
        else:
            if self._probe is None or self._probe.done():
                self._probe = asyncio.ensure_future(self._probe_once())
            body, status = await asyncio.shield(self._probe)
        return json_response(body, status)

    async def _probe_once(self) -> tuple[dict[str, str], int]:
        telemetry.HEALTHZ_PROBES.inc()
        scheduler = _queue(self._state)
        database, bus, queue = await asyncio.gather(
            self._check("database", _select_one),
            self._check("bus", self._state.bus.ping),
            self._check("queue", scheduler.ping) if scheduler is not None else _inprocess(),
        )
        healthy = all(v in ("ok", INPROCESS) for v in (database, bus, queue))
        body = {
            "status": "ok" if healthy else "unavailable",
            "database": database,
            "bus": bus,
            "queue": queue,
        }
        answer = (body, 200 if healthy else 503)
        self._answer = (time.monotonic(), answer)
        return answer

    async def _check(self, what: str, ping: Callable[[], Awaitable[Any]]) -> str:
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self._timeout):
                await ping()
        except TimeoutError:
            log.warning("healthz: the %s did not answer within %s s", what, self._timeout)
            return f"timeout after {self._timeout:g} s"
        except Exception as exc:
            log.warning("healthz: the %s failed", what, exc_info=True)
            return f"error: {type(exc).__name__}"
        log.debug("healthz: %s answered in %.3f s", what, time.perf_counter() - started)
        return "ok"

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/metrics", guard(self.metrics), methods=["GET"]),
            Route("/healthz", guard(self.healthz), methods=["GET"]),
        ]


async def _select_one() -> None:
    await db.fetch("SELECT 1 AS ok")


async def _inprocess() -> str:
    return INPROCESS


def setup_telemetry(state: State) -> None:
    """Process-wide telemetry from the settings: label bounds, tracing when configured."""
    settings = state.settings
    telemetry.configure(settings.metrics_max_operations)
    if settings.otel_endpoint and not telemetry.tracing_enabled():
        telemetry.enable_tracing(settings.otel_endpoint)


def observability_routes(state: State) -> list[BaseRoute]:
    return Operations(state).routes()


__all__ = ["INPROCESS", "RequestIds", "observability_routes", "setup_telemetry"]
