"""What the process measures and how it logs: the Prometheus instruments of every package
(one module-level :data:`REGISTRY`, read by ``/metrics``), the request and job ids of the
log lines (context variables), the JSON log formatter, and optional OpenTelemetry spans.

The bottom layer (storage/), so every package records with one line::

    telemetry.observe_graphql("Table", "http", "ok", seconds)
    with telemetry.job_context(job_id), telemetry.timed("sync", project_id=project.id): ...

Label values are bounded: a GraphQL operation is named by its operation name only for the
first ``GITSTUDIO_METRICS_MAX_OPERATIONS`` distinct names of operations found in parsed
and validated documents, "other" after; a request without such an operation is
"rejected", whatever operationName it sent; nothing else a caller sends (project names,
URLs, queries) becomes a label. OpenTelemetry is
imported only when :func:`enable_tracing` is called (``OTEL_EXPORTER_OTLP_ENDPOINT`` set);
until then :func:`span` returns one shared no-op context manager.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import itertools
import json
import logging
import math
import os
import random
import re
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import HistogramMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

REGISTRY = CollectorRegistry(auto_describe=True)

# Latencies of small requests: 1 ms .. 10 s; syncs and jobs: 10 ms .. 10 min.
_REQUEST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
_WORK_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)

SYNC_SECONDS = Histogram(
    "gitstudio_sync_seconds",
    "Project syncs (fetch + index) by outcome",
    ["outcome"],
    buckets=_WORK_BUCKETS,
    registry=REGISTRY,
)
INDEX_SECONDS = Histogram(
    "gitstudio_index_seconds",
    "The indexing part of project syncs (reading new revisions' rows and writing them), by outcome",
    ["outcome"],
    buckets=_WORK_BUCKETS,
    registry=REGISTRY,
)
JOB_SECONDS = Histogram(
    "gitstudio_job_seconds",
    "Queued jobs (sync, index...) by kind and outcome",
    ["kind", "outcome"],
    buckets=_WORK_BUCKETS,
    registry=REGISTRY,
)
INGEST_EVENTS = Counter(
    "gitstudio_ingest_events_total",
    "Live events (POST /api/live requests) written by the live writer, by outcome",
    ["outcome"],
    registry=REGISTRY,
)
HEALTHZ_PROBES = Counter(
    "gitstudio_healthz_probes_total",
    "Probes /healthz ran (database, bus, queue); requests beyond these shared one or read "
    "its kept answer",
    registry=REGISTRY,
)
INGEST_POINTS = Counter(
    "gitstudio_ingest_points_total",
    "Live metric points committed (rate() of it is the ingest rate)",
    registry=REGISTRY,
)
SUBSCRIBERS = Gauge(
    "gitstudio_subscribers",
    "Active GraphQL subscriptions over websockets",
    registry=REGISTRY,
)
WEBSOCKETS = Gauge(
    "gitstudio_websockets",
    "Open GraphQL websockets",
    registry=REGISTRY,
)
DROPPED_SUBSCRIBERS = Counter(
    "gitstudio_subscribers_dropped_total",
    "Subscribers disconnected because they read too slowly",
    registry=REGISTRY,
)
LOG_RECORDS = Counter(
    "gitstudio_log_records_total",
    "Log records of warning level and above, by level",
    ["level"],
    registry=REGISTRY,
)

# --- bounded operation names ------------------------------------------------------------

_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")
_operations: set[str] = set()
_max_operations = 200
_lock = threading.Lock()


class LoopHistogram(Collector):
    """A histogram for the event loop's hot path (every GraphQL request): a list of bucket
    counts per label values and no lock, as only the loop's thread records into it
    (prometheus_client's Histogram takes a lock per bucket and sum: ~4x the cost)."""

    def __init__(
        self, name: str, documentation: str, labels: Sequence[str], buckets: Sequence[float]
    ) -> None:
        self.name = name
        self.documentation = documentation
        self.labels = list(labels)
        self.bounds = tuple(buckets)
        self._series: dict[tuple[str, ...], list[float]] = {}  # counts per bucket, +Inf, sum

    def observe(self, key: tuple[str, ...], value: float) -> None:
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = [0.0] * (len(self.bounds) + 2)
        series[bisect.bisect_left(self.bounds, value)] += 1
        series[-1] += value

    def collect(self) -> Iterable[Metric]:
        family = HistogramMetricFamily(self.name, self.documentation, labels=self.labels)
        for key, series in list(self._series.items()):
            counts = series[:-1]
            cumulative, running = [], 0.0
            for bound, count in zip((*self.bounds, math.inf), counts, strict=True):
                running += count
                cumulative.append((_le(bound), running))
            family.add_metric(list(key), cumulative, sum_value=series[-1])
        yield family


def _le(bound: float) -> str:
    """A bucket bound as Prometheus writes it (``+Inf``, ``0.005``, ``1.0``)."""
    return "+Inf" if bound == math.inf else repr(float(bound))


GRAPHQL_SECONDS = LoopHistogram(
    "gitstudio_graphql_request_seconds",
    "GraphQL operations by operation name (bounded), transport (http, ws) and outcome "
    "(ok, error, rejected)",
    ["operation", "transport", "outcome"],
    _REQUEST_BUCKETS,
)
REGISTRY.register(GRAPHQL_SECONDS)


# The operation label of requests that named no operation of a valid document.
REJECTED = "rejected"


def configure(max_operations: int) -> None:
    """The number of distinct operation names that become label values."""
    global _max_operations
    _max_operations = max(0, max_operations)


def operation_label(name: str | None) -> str:
    """``name`` while it is a valid GraphQL name among the first distinct ones, else
    "other"; an unnamed operation is "anonymous". Only for the name of an operation a
    parsed and validated document contains: a name takes one of the bounded slots for the
    life of the process, so a caller's unchecked ``operationName`` must never get here."""
    if not name:
        return "anonymous"
    if name in _operations:
        return name
    if len(_operations) >= _max_operations or not _NAME.fullmatch(name):
        return "other"
    with _lock:
        if len(_operations) < _max_operations:
            _operations.add(name)
            return name
    return "other"


def observe_graphql(
    operation: str | None, transport: str, outcome: str, seconds: float, *, valid: bool
) -> None:
    """One GraphQL request's latency; on the event loop's thread only. ``valid``: the
    document parsed and validated and ``operation`` is the name of an operation in it
    (None: its anonymous one), bounded here by :func:`operation_label`. Any other request
    (no document, an invalid one, an operation name the document lacks) is labelled
    :data:`REJECTED` whatever name it sent, so junk requests take no label slot."""
    label = operation_label(operation) if valid else REJECTED
    GRAPHQL_SECONDS.observe((label, transport, outcome), seconds)


_TIMED = {"sync": SYNC_SECONDS, "index": INDEX_SECONDS}


@contextlib.contextmanager
def timed(kind: str, **attributes: str | int | float | bool) -> Iterator[None]:
    """Time the block into the ``kind`` histogram ("sync" or "index"), outcome "error" when
    it raises, inside a span of the same name when tracing is on."""
    started = time.perf_counter()
    outcome = "error"
    try:
        with span(kind, **attributes):
            yield
        outcome = "ok"
    finally:
        _TIMED[kind].labels(outcome).observe(time.perf_counter() - started)


def observe_job(kind: str, seconds: float, ok: bool) -> None:
    """A finished job; ``kind`` is one of a fixed set (sync, index...), never user input."""
    JOB_SECONDS.labels(kind, "ok" if ok else "error").observe(seconds)


@dataclass(frozen=True, slots=True)
class QueueStats:
    """What a job queue's ``stats()`` answers (read by /metrics at scrape time)."""

    depth: int
    oldest_age_seconds: float


def ingested(events: int, points: int) -> None:
    """Live events (requests of POST /api/live) committed, with their metric points."""
    INGEST_EVENTS.labels("ok").inc(events)
    if points:
        INGEST_POINTS.inc(points)


def ingest_failed(events: int) -> None:
    INGEST_EVENTS.labels("error").inc(events)


def subscribed(delta: int = 1) -> None:
    SUBSCRIBERS.inc(delta)


def websocket_opened(delta: int = 1) -> None:
    WEBSOCKETS.inc(delta)


def dropped_slow_subscriber() -> None:
    DROPPED_SUBSCRIBERS.inc()


# --- request and job ids ----------------------------------------------------------------

# A request's id: a number from a counter (set per request: no formatting on the hot path),
# shown as 16 hex digits scrambled by a per-process key; or a string given by a caller.
REQUEST_ID: contextvars.ContextVar[int | str | None] = contextvars.ContextVar(
    "gitstudio_request_id", default=None
)
_requests = itertools.count(1)
_ID_KEY = random.getrandbits(64)
_ID_MULTIPLIER = random.getrandbits(64) | 1  # odd: a bijection of 64-bit numbers
_MASK = (1 << 64) - 1
JOB_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "gitstudio_job_id", default=None
)


def next_request() -> int:
    """The id of a new request (cheap; :func:`request_id` shows it)."""
    return next(_requests)


def new_request_id() -> str:
    """16 hex digits, unique in the process (not secret: they match a client's report with
    the log; scrambled so they do not count the requests)."""
    return _shown(next(_requests))


def _shown(number: int) -> str:
    return f"{((number * _ID_MULTIPLIER) ^ _ID_KEY) & _MASK:016x}"


def request_id() -> str | None:
    """The current request's id, if any."""
    value = REQUEST_ID.get()
    return _shown(value) if isinstance(value, int) else value


@contextlib.contextmanager
def request_context(request_id: str | None = None) -> Iterator[str]:
    """Log lines (and a failure's reported id) inside carry this request id."""
    value = request_id or new_request_id()
    token = REQUEST_ID.set(value)
    try:
        yield value
    finally:
        REQUEST_ID.reset(token)


@contextlib.contextmanager
def job_context(job_id: str | int | None = None) -> Iterator[None]:
    """Log lines inside carry this job id (a queued job's, and the block is its "job" span
    when tracing); None: the id already set, else a new one (a sync run in process)."""
    traced: contextlib.AbstractContextManager[Any]
    if job_id is None:
        token = JOB_ID.set(JOB_ID.get() or new_request_id())
        traced = _NO_SPAN
    else:
        token = JOB_ID.set(str(job_id))
        traced = span("job", job_id=str(job_id))
    try:
        with traced:
            yield
    finally:
        JOB_ID.reset(token)


# --- logs -------------------------------------------------------------------------------


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id
    and job_id when set, exception (its type, message and traceback) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        created = time.gmtime(record.created)
        out: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", created) + f".{record.msecs:03.0f}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = request_id()
        if rid is not None:
            out["request_id"] = rid
        jid = JOB_ID.get()
        if jid is not None:
            out["job_id"] = jid
        if record.exc_info and record.exc_info[0] is not None:
            out["exception"] = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        return json.dumps(out, ensure_ascii=False, default=str)


class TextIdsFormatter(logging.Formatter):
    """The plain text format, with ``[request_id job_id]`` appended when set."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        ids = [i for i in (request_id(), JOB_ID.get()) if i]
        return f"{line} [{' '.join(ids)}]" if ids else line


class _CountingHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        LOG_RECORDS.labels(record.levelname.lower()).inc()


LOG_FORMATS = ("text", "json")


def configure_logging(fmt: str, level: int = logging.INFO) -> None:
    """The root logger's handlers, replacing any: one stream of ``json`` lines or ``text``,
    and the counter of warnings and errors."""
    if fmt not in LOG_FORMATS:
        raise ValueError(f"GITSTUDIO_LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}")
    handler = logging.StreamHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextIdsFormatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.addHandler(_CountingHandler(logging.WARNING))
    root.setLevel(level)


# --- OpenTelemetry (optional) -----------------------------------------------------------

_tracer: Any = None
_NO_SPAN = contextlib.nullcontext()


def tracing_enabled() -> bool:
    return _tracer is not None


def enable_tracing(
    endpoint: str = "", provider: Any = None, service_name: str = "gitstudio"
) -> None:
    """Start tracing: spans go to ``provider`` (a TracerProvider, e.g. one with an in-memory
    exporter in tests), or to an OTLP/HTTP exporter at ``endpoint`` (its ``/v1/traces``;
    the other ``OTEL_EXPORTER_OTLP_*`` variables apply). Needs the ``otel`` extra."""
    global _tracer
    if provider is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
        url = f"{endpoint.rstrip('/')}/v1/traces" if endpoint else None
        if os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"):
            url = None  # the exporter reads it: the more specific setting wins
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=url)))
    _tracer = provider.get_tracer("gitstudio")


def disable_tracing() -> None:
    global _tracer
    _tracer = None


def span(
    name: str, **attributes: str | int | float | bool
) -> contextlib.AbstractContextManager[Any]:
    """A span named ``name`` (current span's child) while tracing is on; a shared no-op
    otherwise. An exception leaving it is recorded on the span."""
    tracer = _tracer
    if tracer is None:
        return _NO_SPAN
    return tracer.start_as_current_span(name, attributes=attributes)  # type: ignore[no-any-return]
