"""The group-commit writer of live events: one task per process.

Requests hand their parsed event to :meth:`MetricWriter.submit` and wait. The writer takes
everything queued, writes it in ONE transaction, commits, then answers all of those requests
at once; whatever arrived while that flush ran forms the next flush (natural batching: no
timer, an idle server adds no latency, a busy one amortises the commit over many requests).

One flush is a fixed handful of raw statements whatever its size:

* one ``SELECT`` of the touched experiment rows (status, snapshots) by id;
* one ``executemany`` updating every touched experiment with its coalesced status,
  params/metrics/errors snapshots, ``last_step``, ``last_event_at`` and ``live_metrics``;
* one ``executemany`` upserting metric steps, one row per (experiment, step) holding every
  metric of that step (storage.metrics: a step sent again keeps its values and gains the
  names it lacked, since clients resend rows and repeat the last step), one of images,
  and a delete + ``executemany`` of the flattened cells of experiments whose snapshots
  changed (so live rows filter and sort like the others).

A flush is written as a plan (storage.sqlplan): on SQLite one thread hop per flush instead
of one per statement, which under load is what bounds the commit rate, because each hop
waits for a turn of an event loop busy with HTTP requests.

A run's row id is cached per (project, baseline_sha, name); the first event of a run in this
process finds or creates the row (also after a restart, or when sync linked the run to its
pushed ref in place). After the commit the writer publishes, in order: ``experiment_event``
CREATED / STATUS on the project's experiments channel, and ``live_event`` START, DATA (one
per experiment and step with new points or a new metrics summary) and DONE on its live
channel. Publishing runs in its own task so a slow bus never delays the next commit.

Runs that stop sending are marked STALE by :class:`StaleSweeper`, through the writer too, so
every live-row write of a process is serialised in one place.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from storage import deliveries, telemetry
from storage.cells import flatten, within_columns
from storage.events import experiment_event, experiments_channel, live_channel, live_event
from storage.live import (
    COMPLETED,
    FAILED,
    FINAL,
    RUNNING,
    STALE,
    LiveEvent,
    live_key,
    normalise_subdir,
    project_path,
)
from storage.metrics import decode_step, insert_steps_sql, step_rows
from storage.periodic import Periodic
from storage.sqlplan import Fetch, Many, Plan, run_plan

log = logging.getLogger(__name__)

Publish = Callable[[str, bytes], Awaitable[None]]
RunKey = tuple[int, str, str]


_STATE = (
    "id, project_id, kind, status, live_subdir, last_step, params, metrics, errors, live_metrics"
)
_BATCH = 500
_alive: set[asyncio.Task[None]] = set()


class ProjectGone(Exception):
    """The event's project no longer exists (deleted since the route looked it up)."""


@dataclass(slots=True)
class _Run:
    id: int
    project_id: int
    # Highest step per metric already stored and published: a resent row is not news.
    published: dict[str, int] = field(default_factory=dict)
    # Progress columns not yet written (see "Deferred progress" in MetricWriter): the
    # highest step and newest event time folded since the row was last updated, and since
    # when they wait (monotonic); None when the row is up to date.
    pending_step: int | None = None
    pending_at: float = 0.0
    deferred_since: float | None = None
    # When the row's columns were last written (monotonic).
    written_at: float = -math.inf


@dataclass(slots=True)
class _Job:
    event: LiveEvent
    future: asyncio.Future[int]


@dataclass(slots=True)
class _Fold:
    """What a flush does to one experiment row, folded over its events in arrival order."""

    key: RunKey
    run: _Run
    state: dict[str, Any]
    created: bool
    status: str
    jobs: list[_Job] = field(default_factory=list)
    params: dict[str, Any] | None = None
    metrics: dict[str, Any] | None = None
    errors: list[dict[str, Any]] | None = None
    snapshots_changed: bool = False
    message: str | None = None
    live_subdir: str | None = None
    subdir_set: bool = False
    experiment_rev: str | None = None
    last_step: int | None = None
    last_event_at: float = 0.0
    # The row update was left to a later flush (only progress changed; see MetricWriter).
    deferred: bool = False
    # Events to publish: ("START", None) / ("DATA", step) / ("DONE", None) in arrival order.
    markers: list[tuple[str, int | None]] = field(default_factory=list)
    values: dict[int, dict[str, Any]] = field(default_factory=dict)
    images: dict[int, list[str]] = field(default_factory=dict)  # paths logged at a step
    published: dict[str, int] = field(default_factory=dict)
    queued: int = 0  # outgoing webhook deliveries its status change queued

    def doc(self, part: str) -> Any:
        current = getattr(self, part)
        if current is None:
            current = orjson.loads(self.state[part] or ("[]" if part == "errors" else "{}"))
            setattr(self, part, current)
        return current

    def data_step(self, step: int) -> dict[str, Any]:
        values = self.values.get(step)
        if values is None:
            values = self.values[step] = {}
            self.markers.append(("DATA", step))
        return values


class MetricWriter:
    """The one writer task of a process (see the module docstring). A background service:
    ``start``/``stop`` follow the app's lifespan; ``submit`` also starts it lazily.

    Deferred progress: a run that only streams points (no status, snapshot, message or ref
    change) whose row was updated less than ``PROGRESS_EVERY`` seconds ago does not get its
    row updated: its ``last_step``, ``last_event_at`` and ``live_metrics`` wait in memory and
    are written by the first flush after they have waited ``PROGRESS_EVERY``, by the run's
    next full update, once the writer has been idle for ``QUIET`` seconds, and before every
    STALE sweep and drain. Under load this removes most row updates (the largest statement
    of a flush); the points themselves are always committed before their request is
    answered, and the series (``metricHistory``, ``liveMetrics``) never lag.
    """

    PROGRESS_EVERY = 1.0
    QUIET = 0.05

    def __init__(self, publish: Publish) -> None:
        self._publish = publish
        self._queue: list[_Job] = []
        self._sweeps: list[tuple[float, asyncio.Future[int]]] = []
        self._runs: dict[RunKey, _Run] = {}
        # Runs with deferred progress, by row id.
        self._deferred: dict[int, _Run] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        # One item per flush or sweep: its messages, published in order.
        self._outbox: asyncio.Queue[list[tuple[str, bytes]]] | None = None
        self._tasks: list[asyncio.Task[None]] = []
        # Counters for benchmarks and tests.
        self.flushes = 0
        self.flushed_events = 0
        self.progress_deferred = 0

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        try:  # before the first event: runs a killed process left behind catch up
            behind = await reconcile_progress()
        except Exception:  # progress is only a summary; the series are complete
            log.exception("reconciling live runs' progress with their steps failed")
        else:
            if behind:
                log.info("progress of %d live runs caught up with their stored steps", behind)
        self._ensure_started()

    async def stop(self) -> None:
        """Write what is queued, publish what is pending, then end the tasks."""
        if self._loop is not asyncio.get_running_loop():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.drain(), timeout=10)
        if self._outbox is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outbox.join(), timeout=5)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        self._loop = None

    def _ensure_started(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._loop is loop and self._tasks and all(not t.done() for t in self._tasks):
            return loop
        if self._loop is not loop:  # a new event loop: nothing queued on the old one survives
            self._queue = []
            self._sweeps = []
            self._wake = asyncio.Event()
            self._outbox = asyncio.Queue()
        for task in self._tasks:
            task.cancel()
        self._loop = loop
        self._tasks = [
            loop.create_task(self._write_loop(), name="gitstudio-metric-writer"),
            loop.create_task(self._publish_loop(), name="gitstudio-live-publisher"),
        ]
        for task in self._tasks:  # alive until the loop ends, even if the app is dropped
            _alive.add(task)
            task.add_done_callback(_alive.discard)
        assert self._wake is not None
        if self._queue or self._sweeps:
            self._wake.set()
        return loop

    # -- API ------------------------------------------------------------------------------

    async def submit(self, event: LiveEvent) -> int:
        """Queue ``event``; return the experiment row id once it is committed."""
        loop = self._ensure_started()
        future: asyncio.Future[int] = loop.create_future()
        self._queue.append(_Job(event, future))
        assert self._wake is not None
        self._wake.set()
        return await future

    async def sweep_stale(self, stale_after: float) -> int:
        """Mark RUNNING live rows silent for ``stale_after`` seconds STALE; return how many."""
        loop = self._ensure_started()
        future: asyncio.Future[int] = loop.create_future()
        self._sweeps.append((time.time() - stale_after, future))
        assert self._wake is not None
        self._wake.set()
        return await future

    async def drain(self) -> None:
        """Return once everything submitted before this call is committed."""
        loop = self._ensure_started()
        barrier: asyncio.Future[int] = loop.create_future()
        self._sweeps.append((-math.inf, barrier))  # a sweep of nothing, after the queue
        assert self._wake is not None
        self._wake.set()
        await barrier

    def forget_project(self, project_id: int) -> None:
        for key in [k for k in self._runs if k[0] == project_id]:
            del self._runs[key]

    # -- the writer task ------------------------------------------------------------------

    async def _write_loop(self) -> None:
        assert self._wake is not None
        while True:
            if self._deferred:
                try:  # progress waits while events keep coming, never longer than QUIET idle
                    await asyncio.wait_for(self._wake.wait(), self.QUIET)
                except TimeoutError:
                    await self._write_progress(list(self._deferred.values()))
                    continue
            else:
                await self._wake.wait()
            self._wake.clear()
            jobs, self._queue = self._queue, []
            sweeps, self._sweeps = self._sweeps, []
            try:
                if jobs:
                    await self._flush(jobs)
                    telemetry.ingested(len(jobs), sum(len(job.event.points) for job in jobs))
                if self._deferred and sweeps:
                    await self._write_progress(list(self._deferred.values()))
                for cutoff, future in sweeps:
                    await self._sweep(cutoff, future)
            except Exception as exc:  # never let the one writer die
                log.exception("live writer flush failed")
                telemetry.ingest_failed(len(jobs))
                for job in jobs:
                    _fail(job, exc)

    async def _flush(self, jobs: list[_Job]) -> None:
        keys = {job.event.run_key for job in jobs}
        cached = {k: self._runs[k] for k in keys if k in self._runs}
        now = time.monotonic()
        deferrable = {r.id for r in cached.values() if now - r.written_at < self.PROGRESS_EVERY}
        due = [
            r
            for r in self._deferred.values()
            if r.deferred_since is not None and now - r.deferred_since >= self.PROGRESS_EVERY
        ]
        await deliveries.HOOKS.fresh()  # which projects want run events (rarely a read)
        plan = _write_plan(jobs, cached, insert_steps_sql(), deferrable, _progress_rows(due))
        try:
            folds, gone = await run_plan(plan)
        except Exception as exc:
            self._runs.clear()  # ids created by the rolled-back transaction are gone
            if len(jobs) == 1:
                _fail(jobs[0], exc)
                log.exception("writing a live event failed")
                return
            for job in jobs:  # isolate the bad event: the others still go in
                if not job.future.done():
                    await self._flush([job])
            return
        self.flushes += 1
        self.flushed_events += len(jobs)
        self._progress_written(due, now)
        for key in gone:
            self._runs.pop(key, None)
        for job in jobs:
            if job.event.run_key in gone:
                _fail(job, ProjectGone(f"project {job.event.project_id} no longer exists"))
        for fold in folds:
            self._runs[fold.key] = fold.run
            fold.run.published.update(fold.published)
            self._track_progress(fold, now)
            for job in fold.jobs:
                if not job.future.done():
                    job.future.set_result(fold.run.id)
        if any(f.queued for f in folds):
            deliveries.wake()
        assert self._outbox is not None
        self._outbox.put_nowait(_messages(folds))

    def _track_progress(self, fold: _Fold, now: float) -> None:
        run = fold.run
        if fold.deferred:
            self.progress_deferred += 1
            run.pending_step = fold.last_step
            run.pending_at = fold.last_event_at
            if run.deferred_since is None:
                run.deferred_since = now
            self._deferred[run.id] = run
        else:
            self._progress_written([run], now)

    def _progress_written(self, runs: list[_Run], now: float) -> None:
        for run in runs:
            run.pending_step = None
            run.pending_at = 0.0
            run.deferred_since = None
            run.written_at = now
            self._deferred.pop(run.id, None)

    async def _write_progress(self, runs: list[_Run]) -> None:
        """Write the deferred progress of ``runs`` now (the writer is idle or must sweep)."""
        now = time.monotonic()
        try:
            await run_plan(_progress_plan(_progress_rows(runs)))
        except Exception:
            log.exception("writing live runs' progress failed")
            return  # kept pending: the next flush or idle turn tries again
        self._progress_written(runs, now)

    async def _sweep(self, cutoff: float, future: asyncio.Future[int]) -> None:
        if cutoff == -math.inf:  # a drain barrier
            if not future.done():
                future.set_result(0)
            return
        try:
            await deliveries.HOOKS.fresh()
            rows = await run_plan(_sweep_plan(cutoff))
            deliveries.wake()
        except Exception as exc:
            log.exception("marking silent live runs STALE failed")
            if not future.done():
                future.set_exception(exc)
            return
        assert self._outbox is not None
        self._outbox.put_nowait(
            [
                (
                    experiments_channel(r["project_id"]),
                    experiment_event(r["project_id"], r["id"], "STATUS"),
                )
                for r in rows
            ]
        )
        if not future.done():
            future.set_result(len(rows))

    async def _publish_loop(self) -> None:
        assert self._outbox is not None
        while True:
            batch = await self._outbox.get()
            try:
                for channel, message in batch:
                    try:
                        await self._publish(channel, message)
                    except Exception:
                        log.exception("publishing a live event failed")
            finally:
                self._outbox.task_done()


class StaleSweeper(Periodic):
    """Marks RUNNING live rows STALE after ``stale_after`` seconds without an event, checking
    every quarter of that (at most every 30 s). A STALE run that sends again is RUNNING."""

    def __init__(self, writer: MetricWriter, stale_after: float) -> None:
        super().__init__(min(max(stale_after / 4, 0.05), 30.0))
        self._writer = writer
        self.stale_after = stale_after

    def enabled(self) -> bool:
        return self.stale_after > 0

    async def tick(self) -> None:
        # A failed sweep is logged by the writer; the next one tries again.
        with contextlib.suppress(Exception):
            await self._writer.sweep_stale(self.stale_after)


# -- folding events into a row update ----------------------------------------------------------


def _root(fold: _Fold, ev: LiveEvent) -> str:
    """The run's DVC root relative to the git root: from its start, else the project's."""
    subdir = fold.live_subdir if fold.subdir_set else fold.state["live_subdir"]
    return ev.project_subdir if subdir is None else subdir


def _apply(fold: _Fold, ev: LiveEvent) -> None:
    fold.last_event_at = max(fold.last_event_at, ev.received_at)
    if ev.type == "start":
        fold.status = RUNNING
        fold.markers.append(("START", None))
        if ev.message is not None:
            fold.message = ev.message
        if ev.subdir is not None:
            fold.live_subdir = normalise_subdir(ev.subdir)
            fold.subdir_set = True
    elif ev.type == "data":
        if fold.status not in FINAL:
            fold.status = RUNNING
        if ev.step is not None and (fold.last_step is None or ev.step > fold.last_step):
            fold.last_step = ev.step
    else:
        # DVC posts `done` from a finally block: without experiment_rev the run failed.
        failed = ev.client == "dvc" and not ev.experiment_rev
        fold.status = FAILED if failed else COMPLETED
        if ev.experiment_rev:
            fold.experiment_rev = ev.experiment_rev
    if ev.params or ev.metrics or ev.metric_errors:
        _apply_snapshots(fold, ev)
    if ev.points and ev.step is not None:
        # The hot loop of ingest (every point of every event): locals, few calls.
        mine, stored, by_step = fold.published, fold.run.published, fold.values
        for name, step, value, _token, _ts in ev.points:
            seen = mine.get(name)
            if seen is None:
                seen = stored.get(name)
            if seen is None or step > seen:
                values = by_step.get(step)
                if values is None:
                    values = fold.data_step(step)
                values[name] = value
                mine[name] = step
    if ev.images:
        root = _root(fold, ev)
        for image in ev.images:
            if image.step not in fold.values:
                fold.data_step(image.step)
            path = project_path(image.path, root, ev.project_subdir)
            fold.images.setdefault(image.step, []).append(path)
    if ev.type == "done":
        fold.markers.append(("DONE", None))


def _apply_snapshots(fold: _Fold, ev: LiveEvent) -> None:
    """Params and metrics summaries (and metric file errors) onto the run's snapshots."""
    root = _root(fold, ev)
    sub = ev.project_subdir
    if ev.params:
        params = fold.doc("params")
        for file, content in ev.params.items():
            path = project_path(file, root, sub)
            if params.get(path) != content:
                params[path] = content
                fold.snapshots_changed = True
    if ev.metrics or ev.metric_errors:
        metrics = fold.doc("metrics")
        errors = fold.doc("errors")
        new_summary = False
        for file, content in (ev.metrics or {}).items():
            path = project_path(file, root, sub)
            kept = [e for e in errors if not (e.get("file") == path and e.get("kind") == "metrics")]
            if len(kept) != len(errors):
                errors[:] = kept
                fold.snapshots_changed = True
            if metrics.get(path) != content:
                metrics[path] = content
                fold.snapshots_changed = True
                new_summary = True
        for err in ev.metric_errors:
            path = project_path(err.file, root, sub)
            entry = {"file": path, "kind": "metrics", "type": err.type, "message": err.message}
            if entry not in errors:
                errors[:] = [
                    e for e in errors if not (e.get("file") == path and e.get("kind") == "metrics")
                ]
                errors.append(entry)
                metrics.pop(path, None)
                fold.snapshots_changed = True
        if new_summary and ev.type == "data" and ev.step is not None:
            _announce_summary(fold, ev.step, ev.metrics or {})


def _announce_summary(fold: _Fold, step: int, summaries: dict[str, Any]) -> None:
    """A new metrics summary publishes its values at ``step``, once: dvc-studio-client sends
    a step's summary and its plot rows in two requests, and whichever comes second must not
    publish the step again (a name counts as published at the highest step announced)."""
    mine, stored = fold.published, fold.run.published
    fresh: dict[str, Any] = {}
    for content in summaries.values():
        for name, value in _summary_values(content):
            seen = mine.get(name)
            if seen is None:
                seen = stored.get(name)
            if seen is None or step > seen:
                fresh[name] = value
                mine[name] = step
    if fresh:
        fold.data_step(step).update(fresh)


def _summary_values(content: Any) -> Iterator[tuple[str, Any]]:
    """Numeric leaves of a DVCLive summary as metric names (``train/loss``), no ``step``."""

    def walk(prefix: str, node: Any) -> Iterator[tuple[str, Any]]:
        if isinstance(node, dict):
            for key, sub in node.items():
                if not prefix and key == "step":
                    continue
                yield from walk(f"{prefix}/{key}" if prefix else str(key), sub)
        elif isinstance(node, int | float) and not isinstance(node, bool) and prefix:
            yield prefix, node

    return walk("", content)


_UPDATE = (
    "UPDATE experiments SET status = ?, last_event_at = ?, params = COALESCE(?, params),"
    " metrics = COALESCE(?, metrics), errors = COALESCE(?, errors),"
    " message = COALESCE(?, message), live_subdir = COALESCE(?, live_subdir),"
    " experiment_rev = COALESCE(?, experiment_rev),"
    " last_step = CASE WHEN last_step IS NULL OR last_step < ? THEN ? ELSE last_step END,"
    " live_metrics = COALESCE(?, live_metrics) WHERE id = ?"
)


def _update_args(fold: _Fold) -> tuple[Any, ...]:
    """One row of the single ``executemany`` that updates every touched experiment (NULL
    keeps a column as it is)."""
    docs: list[str | None] = [None, None, None]
    if fold.snapshots_changed:
        for i, part in enumerate(("params", "metrics", "errors")):
            value = getattr(fold, part)
            if value is not None:
                docs[i] = orjson.dumps(value).decode()
    step = fold.last_step
    # The run's names and where each series ends: new highest steps, or deferred progress
    # riding along (a run's `done` within PROGRESS_EVERY of its last points carries none of
    # its own, and writing the row ends the deferral).
    series = None
    if fold.published or fold.run.pending_step is not None:
        series = orjson.dumps({**fold.run.published, **fold.published}).decode()
    return (
        fold.status,
        fold.last_event_at,
        *docs,
        fold.message,
        fold.live_subdir if fold.subdir_set else None,
        fold.experiment_rev,
        step,
        step,
        series,
        fold.run.id,
    )


def _run_events(fold: _Fold) -> list[str]:
    """The outgoing webhook events of a run's status change in this flush: started (a new
    run, or a finished one started again), finished, failed. Progress alone is none."""
    before, after = fold.state["status"], fold.status
    events = []
    restarted = before in FINAL and any(m == "START" for m, _ in fold.markers)
    if fold.created or restarted:
        events.append(deliveries.RUN_STARTED)
    if after != before or fold.created:
        if after == COMPLETED:
            events.append(deliveries.RUN_FINISHED)
        elif after == FAILED:
            events.append(deliveries.RUN_FAILED)
    return events


def _progress_only(fold: _Fold) -> bool:
    """Whether this flush changes nothing of the run's row but its progress columns."""
    return not (
        fold.created
        or fold.status != fold.state["status"]
        or fold.snapshots_changed
        or fold.message is not None
        or fold.subdir_set
        or fold.experiment_rev is not None
        or any(marker != "DATA" for marker, _ in fold.markers)
    )


_PROGRESS = (
    "UPDATE experiments SET last_event_at = ?,"
    " last_step = CASE WHEN last_step IS NULL OR last_step < ? THEN ? ELSE last_step END,"
    " live_metrics = ? WHERE id = ?"
)


def _progress_rows(runs: list[_Run]) -> list[tuple[Any, ...]]:
    return [
        (r.pending_at, r.pending_step, r.pending_step, orjson.dumps(r.published).decode(), r.id)
        for r in runs
    ]


def _progress_plan(rows: list[tuple[Any, ...]]) -> Plan[None]:
    yield Many(_PROGRESS, rows)


def _messages(folds: list[_Fold]) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for fold in folds:
        pid, exp_id = fold.run.project_id, fold.run.id
        exps, live = experiments_channel(pid), live_channel(pid)
        if fold.created:
            out.append((exps, experiment_event(pid, exp_id, "CREATED")))
        for type_, step in fold.markers:
            if type_ == "START":
                out.append((live, live_event(pid, exp_id, "START")))
            elif type_ == "DATA" and step is not None:
                values, images = fold.values.get(step), fold.images.get(step)
                if values or images:
                    event = live_event(pid, exp_id, "DATA", step, values, images)
                    out.append((live, event))
            elif type_ == "DONE":
                last = fold.last_step if fold.last_step is not None else fold.state["last_step"]
                out.append((live, live_event(pid, exp_id, "DONE", last)))
        if not fold.created and fold.status != fold.state["status"]:
            out.append((exps, experiment_event(pid, exp_id, "STATUS")))
    return out


# -- plans ------------------------------------------------------------------------------------

_IMAGES = (
    "INSERT INTO live_images (experiment_id, path, step, digest, size)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (experiment_id, path, step)"
    " DO UPDATE SET digest = excluded.digest, size = excluded.size"
)


def _write_plan(
    jobs: list[_Job],
    cached: dict[RunKey, _Run],
    insert_steps: str,
    deferrable: set[int],
    due: list[tuple[Any, ...]],
) -> Plan[tuple[list[_Fold], set[RunKey]]]:
    """The whole flush: resolve the rows, fold the events, write (and the deferred progress
    that is ``due``; rows in ``deferrable`` may defer theirs). Pure of shared state (on
    SQLite it runs on the database thread, hence the dialect's SQL passed in); returns the
    folds and the runs whose project is gone."""
    folds, gone = yield from _resolve_plan(jobs, cached)
    for fold in folds:
        for job in fold.jobs:
            _apply(fold, job.event)
        fold.deferred = fold.run.id in deferrable and _progress_only(fold)
    if due:
        yield from _progress_plan(due)
    yield Many(_UPDATE, [_update_args(f) for f in folds if not f.deferred])
    for fold in folds:  # in this transaction: a status change and its webhooks commit together
        for event in _run_events(fold):
            obj = {"name": fold.key[2], "baselineSha": fold.key[1], "status": fold.status}
            node = ("Experiment", fold.run.id)
            fold.queued += yield from deliveries.enqueue_plan(fold.run.project_id, event, obj, node)
    steps: list[tuple[Any, ...]] = []
    images: list[tuple[Any, ...]] = []
    for fold in folds:
        exp_id = fold.run.id
        steps.extend(step_rows(exp_id, [p for job in fold.jobs for p in job.event.points]))
        for job in fold.jobs:
            ev = job.event
            if ev.images:
                root = _root(fold, ev)
                images.extend(
                    (
                        exp_id,
                        project_path(i.path, root, ev.project_subdir),
                        i.step,
                        i.digest,
                        i.size,
                    )
                    for i in ev.images
                )
    changed = [f for f in folds if f.snapshots_changed]
    if changed:
        yield from _cells_plan(changed)
    if steps:
        yield Many(insert_steps, steps)
    if images:
        yield Many(_IMAGES, images)
    return folds, gone


def _resolve_plan(
    jobs: list[_Job], cached: dict[RunKey, _Run]
) -> Plan[tuple[list[_Fold], set[RunKey]]]:
    """One fold per touched experiment row, with its current state read in this
    transaction; rows are found or created on a run's first event in this process."""
    by_key: dict[RunKey, list[_Job]] = {}
    for job in jobs:
        by_key.setdefault(job.event.run_key, []).append(job)
    states: dict[int, dict[str, Any]] = {}
    ids = [r.id for r in cached.values()]
    for chunk in _chunks(ids):
        rows = yield Fetch(
            f"SELECT {_STATE} FROM experiments WHERE id IN ({_marks(len(chunk))})", chunk
        )
        states.update((r["id"], r) for r in rows)
    folds: list[_Fold] = []
    gone: set[RunKey] = set()
    for key, key_jobs in by_key.items():
        run = cached.get(key)
        state = states.get(run.id) if run else None
        starting = key_jobs[0].event.type == "start"
        created = False
        if run is None or state is None or (starting and state["kind"] != "LIVE"):
            found = yield from _find_or_create(key_jobs[0].event, allow_linked=not starting)
            if found is None:
                gone.add(key)
                continue
            state, created = found
            run = _Run(state["id"], state["project_id"])
            if not created:
                run.published = yield from _stored_progress(state)
        folds.append(
            _Fold(
                key=key,
                run=run,
                state=state,
                created=created,
                status=state["status"],
                jobs=key_jobs,
                # Deferred progress rides along: written with this fold or deferred again.
                last_step=run.pending_step,
                last_event_at=run.pending_at,
            )
        )
    return folds, gone


def _find_or_create(ev: LiveEvent, allow_linked: bool) -> Plan[tuple[dict[str, Any], bool] | None]:
    """The run's row: its LIVE row, else (for data/done) the experiment row sync linked it
    to, else a new LIVE row. None when the project is gone."""
    pid, key = ev.project_id, live_key(ev.baseline_sha, ev.name)
    select = f"SELECT {_STATE} FROM experiments WHERE project_id = ? AND key = ?"
    rows = yield Fetch(select, [pid, key])
    if not rows and allow_linked:
        rows = yield Fetch(
            f"SELECT {_STATE} FROM experiments WHERE project_id = ?"
            " AND kind = 'EXPERIMENT' AND baseline_sha = ? AND name = ?"
            " AND last_event_at IS NOT NULL ORDER BY id DESC LIMIT 1",
            [pid, ev.baseline_sha, ev.name],
        )
    if rows:
        return rows[0], False
    if not (yield Fetch("SELECT id FROM projects WHERE id = ?", [pid])):
        return None
    inserted = yield Fetch(
        "INSERT INTO experiments (project_id, kind, key, baseline_sha, name, status,"
        " created_at, params, metrics, errors, plots, deps, outs, last_event_at)"
        " VALUES (?, 'LIVE', ?, ?, ?, ?, ?, '{}', '{}', '[]', '[]', '{}', '{}', ?)"
        " ON CONFLICT (project_id, key) DO NOTHING RETURNING id",
        [pid, key, ev.baseline_sha, ev.name, RUNNING, int(ev.received_at), ev.received_at],
    )
    rows = yield Fetch(select, [pid, key])
    return rows[0], bool(inserted)


def _stored_progress(state: dict[str, Any]) -> Plan[dict[str, int]]:
    """The highest stored step per metric of an existing run: ``live_metrics``, plus the
    steps stored after it (a process that stopped without writing its deferred progress;
    DVCLive's steps only grow, so those lie above the highest step recorded)."""
    published: dict[str, int] = orjson.loads(state["live_metrics"] or "{}")
    query, args = "SELECT step, points FROM metric_steps WHERE experiment_id = ?", [state["id"]]
    if published:  # no sentinel bound: steps span the whole int32 range (PostgreSQL's column)
        query, args = f"{query} AND step > ?", [state["id"], max(published.values())]
    for row in (yield Fetch(query, args)):
        for name in decode_step(row["points"]):
            if name not in published or published[name] < row["step"]:
                published[name] = row["step"]
    return published


async def reconcile_progress() -> int:
    """Bring the progress columns (``last_step``, ``live_metrics``) of live runs up to the
    steps stored: a process killed while its progress was deferred (see MetricWriter) left
    them behind the series. Run at start; returns how many runs were behind."""
    return await run_plan(_reconcile_plan())


# Each run's highest stored step: one index lookup per run (metric_steps is unique on
# experiment_id, step), never a scan of the series.
_TOPS = (
    "SELECT id, last_step, live_metrics,"
    " (SELECT MAX(step) FROM metric_steps m WHERE m.experiment_id = e.id) AS top"
    " FROM experiments e WHERE last_event_at IS NOT NULL"
)
# Only if no writer changed the run since it was read (another live instance): its own
# progress is then the fresher.
_CATCH_UP = (
    "UPDATE experiments SET last_step = ?, live_metrics = ?"
    " WHERE id = ? AND COALESCE(live_metrics, '') = ?"
)


def _reconcile_plan() -> Plan[int]:
    rows: list[dict[str, Any]] = yield Fetch(_TOPS)
    updates: list[tuple[Any, ...]] = []
    for row in rows:
        top, last = row["top"], row["last_step"]
        if top is None or (last is not None and last >= top):
            continue
        published = yield from _stored_progress(row)
        series = orjson.dumps(published).decode()
        updates.append((top, series, row["id"], row["live_metrics"] or ""))
    yield Many(_CATCH_UP, updates)
    return len(updates)


def _cells_plan(folds: list[_Fold]) -> Plan[None]:
    for chunk in _chunks([f.run.id for f in folds]):
        yield Many(
            f"DELETE FROM cells WHERE experiment_id IN ({_marks(len(chunk))})", [tuple(chunk)]
        )
    rows: list[tuple[Any, ...]] = []
    for f in folds:
        pid, exp_id = f.run.project_id, f.run.id
        rows.extend((pid, exp_id, *c) for c in flatten("param", f.doc("params")))
        rows.extend((pid, exp_id, *c) for c in flatten("metric", f.doc("metrics")))
    rows = yield from within_columns(rows)  # at most GITSTUDIO_MAX_COLUMNS per project
    yield Many(
        "INSERT INTO cells (project_id, experiment_id, kind, file, path, vtype, num, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _sweep_plan(cutoff: float) -> Plan[list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = yield Fetch(
        "SELECT id, project_id FROM experiments WHERE kind = 'LIVE'"
        " AND status = ? AND last_event_at < ?",
        [RUNNING, cutoff],
    )
    marked: list[dict[str, Any]] = []
    for chunk in _chunks([r["id"] for r in rows]):
        # RETURNING: the rows this statement changed, so of two sweeping processes each
        # announces (and queues webhooks for) only its own.
        marked += yield Fetch(
            f"UPDATE experiments SET status = ? WHERE id IN ({_marks(len(chunk))})"
            " AND status = ? AND last_event_at < ? RETURNING id, project_id, name, baseline_sha",
            [STALE, *chunk, RUNNING, cutoff],
        )
    for row in marked:
        obj = {"name": row["name"], "baselineSha": row["baseline_sha"], "status": STALE}
        node = ("Experiment", row["id"])
        yield from deliveries.enqueue_plan(row["project_id"], deliveries.RUN_STALE, obj, node)
    return marked


def _fail(job: _Job, exc: BaseException) -> None:
    if not job.future.done():
        job.future.set_exception(exc)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _chunks(items: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]
