"""Where sync work runs: the one seam every trigger of a sync goes through.

Forge webhooks, ``POST /webhook/dvc``, the poller, ``syncProject``, the retry after a write
and the completion of interrupted creations ask a :class:`SyncScheduler`; none calls
``ProjectSyncer.sync`` itself. Two implementations:

- :class:`InProcessScheduler` (``GITSTUDIO_JOB_QUEUE=inprocess``, the embedded default:
  SQLite, no Redis, one process): a background task per project, coalescing requests to at
  most one running and one pending sync per project; at most ``concurrency`` run at once.
- :class:`QueueScheduler` (``GITSTUDIO_JOB_QUEUE=procrastinate``, PostgreSQL): a request
  is a row in procrastinate's job table, in the same database; ``gitstudio worker``
  processes (gitstudio/worker.py) run the jobs, so ``serve`` processes only answer
  requests. A job's ``queueing_lock`` coalesces a burst of pushes into one waiting job per
  project (a push while the project's job runs queues the next one: it is never lost); its
  ``lock`` runs a project's jobs one at a time across workers; worker heartbeats find a
  killed worker, whose running job is queued again for another (:meth:`QueueScheduler.
  requeue_stalled`). The project lease (storage.leases) stays the last guarantee: the
  retry waits for the dead holder's lease to lapse, and a holder that lost it writes
  nothing.

Why procrastinate: PostgreSQL is gitstudio's database at scale, so enqueueing needs no other
service and a job is as durable as the index; it has per-job queueing locks and locks
(arq and Dramatiq on Redis would need plugins or our own locking for both), is maintained
(arq is in maintenance mode) and asyncio-native like the syncer (Dramatiq is thread-based).
Its psycopg 3 pool lives beside tortoise's asyncpg pool without conflict; its schema is
applied by :func:`prepare_schema` from gitstudio's own start-up, idempotently.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storage import telemetry
from storage.db import SSL_MODES
from storage.errors import DomainError
from storage.limits import limits
from storage.models import Project
from storage.telemetry import QueueStats
from sync.service import ProjectSyncer, SyncReport

log = logging.getLogger(__name__)

INPROCESS = "inprocess"
PROCRASTINATE = "procrastinate"
JOB_QUEUES = (INPROCESS, PROCRASTINATE)

SYNC_TASK = "gitstudio.sync_project"
# What SyncScheduler.state says of a project's sync.
SYNC_RUNNING, SYNC_QUEUED = "RUNNING", "QUEUED"
QUEUE = "gitstudio-sync"

__all__ = [
    "JOB_QUEUES",
    "DatabaseUrlError",
    "InProcessScheduler",
    "QueueScheduler",
    "QueueStats",
    "SyncScheduler",
    "make_scheduler",
]


class SyncScheduler(Protocol):
    """Runs or queues the syncs of projects."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def request(self, project_id: int, reason: str) -> None:
        """A sync of the project that starts after this call, in the background."""

    async def sync_now(self, project: Project) -> SyncReport:
        """A sync that starts after this call, and its report once it ended (its
        DomainError if it failed)."""

    async def finish_creation(self, projects: list[Project]) -> None:
        """Complete projects whose creation was cut off (ProjectSyncer.finish_creation)."""

    async def ping(self) -> None:
        """Raises unless the queue answers."""

    async def stats(self) -> QueueStats:
        """Jobs waiting to start, and the age of the oldest."""

    async def state(self, project_id: int) -> str | None:
        """RUNNING when a sync of the project it scheduled runs, QUEUED when one waits to
        start, None when neither (a sync of another server, or syncProject's in process,
        shows in the project's lease instead)."""


def make_scheduler(
    kind: str,
    syncer: ProjectSyncer,
    database_url: str,
    concurrency: int,
    stalled_seconds: float,
    wait_seconds: float,
) -> SyncScheduler:
    """The scheduler ``GITSTUDIO_JOB_QUEUE`` names; a queue needs PostgreSQL."""
    scheduler: SyncScheduler
    if kind == INPROCESS:
        scheduler = InProcessScheduler(syncer, concurrency=concurrency)
    elif kind == PROCRASTINATE:
        if not database_url.startswith(("postgres://", "postgresql://")):
            raise ValueError(
                "GITSTUDIO_JOB_QUEUE=procrastinate needs a PostgreSQL GITSTUDIO_DATABASE_URL"
            )
        scheduler = QueueScheduler(syncer, database_url, stalled_seconds, wait_seconds)
    else:
        raise ValueError(f"GITSTUDIO_JOB_QUEUE must be one of {', '.join(JOB_QUEUES)}")
    return scheduler


# -- in process -------------------------------------------------------------------------------

# Every in-process sync task of this process, started by any scheduler: what a test (or a
# shutdown) waits on to see the background syncs of its requests end.
RUNNING: set[asyncio.Task[None]] = set()


class InProcessScheduler:
    """Background syncs in this process: per project at most one running and one pending
    (requests while one runs collapse into the pending one, which starts after it, so a
    push during a sync is synced afterwards); at most ``concurrency`` syncs at once.

    ``work`` runs one sync of a project id (default: the syncer's sync of the project)."""

    name = INPROCESS

    def __init__(
        self,
        syncer: ProjectSyncer,
        concurrency: int = 4,
        work: Callable[[int], Awaitable[object]] | None = None,
    ) -> None:
        self._syncer = syncer
        self._work = work or self._sync_id
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._running: dict[int, asyncio.Task[None]] = {}
        # Project id -> monotonic time of the first request waiting behind a running sync.
        self._pending: dict[int, float] = {}
        self._waiting_slot: dict[int, float] = {}  # started tasks not yet holding a slot
        self._others: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        """Cancel what runs and wait for it (a cancelled sync releases its lease)."""
        tasks = [*self._running.values(), *self._others]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._pending.clear()

    async def request(self, project_id: int, reason: str) -> None:
        if project_id in self._running:
            self._pending.setdefault(project_id, time.monotonic())
            log.debug("sync of project %s (%s) waits behind the running one", project_id, reason)
            return
        self._waiting_slot[project_id] = time.monotonic()
        task = asyncio.create_task(self._run(project_id), name=f"gitstudio-sync-{project_id}")
        self._running[project_id] = task
        RUNNING.add(task)
        task.add_done_callback(RUNNING.discard)

    async def _run(self, project_id: int) -> None:
        me = asyncio.current_task()
        try:
            while True:
                async with self._slots:
                    self._waiting_slot.pop(project_id, None)
                    try:
                        await self._work(project_id)
                    except DomainError as exc:
                        log.warning("background sync of project %s: %s", project_id, exc.message)
                    except Exception:  # one broken remote must not stop the others
                        log.exception("background sync of project %s failed", project_id)
                # No await between this check and the removal below: a request arriving
                # now either sees the task running (and is pending) or starts a new one.
                queued = self._pending.pop(project_id, None)
                if queued is None:
                    return
                self._waiting_slot[project_id] = queued
        finally:
            if self._running.get(project_id) is me:
                del self._running[project_id]
            self._waiting_slot.pop(project_id, None)

    async def _sync_id(self, project_id: int) -> None:
        project = await Project.get_or_none(id=project_id)
        if project is not None:  # deleted since it was asked for
            await self._syncer.sync(project)

    async def sync_now(self, project: Project) -> SyncReport:
        return await self._syncer.sync(project)

    async def finish_creation(self, projects: list[Project]) -> None:
        await self._syncer.finish_creation(projects)

    async def ping(self) -> None:
        return None

    async def stats(self) -> QueueStats:
        waiting = [*self._pending.values(), *self._waiting_slot.values()]
        oldest = time.monotonic() - min(waiting) if waiting else 0.0
        return QueueStats(depth=len(waiting), oldest_age_seconds=oldest)

    def running(self) -> list[int]:
        """Projects with a sync running or about to (tests, diagnostics)."""
        return sorted(self._running)

    async def state(self, project_id: int) -> str | None:
        if project_id in self._waiting_slot:
            return SYNC_QUEUED
        return SYNC_RUNNING if project_id in self._running else None


# -- procrastinate ----------------------------------------------------------------------------

# What the job leaves for whoever waits on it (syncProject): procrastinate keeps no task
# results. Kept GITSTUDIO_JOB_RESULTS_KEPT_HOURS (storage.limits), pruned by the workers.
_RESULTS_DDL = """
CREATE TABLE IF NOT EXISTS gitstudio_job_results (
    job_id bigint PRIMARY KEY,
    project_id bigint NOT NULL,
    report jsonb,
    error_code text,
    error_message text,
    finished_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS gitstudio_job_results_finished ON gitstudio_job_results (finished_at);
"""
# Any constant: serialises schema creation between processes starting together.
_SCHEMA_LOCK = 0x67697473_7464696F  # "gitstdio"

# libpq's own URL parameters, carried over as they are.
_LIBPQ_PARAMS = {
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslpassword",
    "connect_timeout",
    "application_name",
    "options",
    "target_session_attrs",
    "passfile",
}
# Options of tortoise's asyncpg pool (its size, statement cache, connection lifetime,
# asyncpg's client-side command timeout): they shape that pool only, the queue's pool has
# its own; left out.
_POOL_PARAMS = {
    "minsize",
    "maxsize",
    "min_size",
    "max_size",
    "max_queries",
    "max_inactive_connection_lifetime",
    "statement_cache_size",
    "max_cached_statement_lifetime",
    "max_cacheable_statement_size",
    "command_timeout",
}
# The app's ``ssl`` (storage.db) as libpq's ``sslmode``: a mode by name, or a boolean (true
# is "verify-full": asyncpg's ssl=True checks the certificate and the host name).
_SSL_MODES = {
    **{m: m for m in SSL_MODES},
    **dict.fromkeys(("true", "1", "yes", "on"), "verify-full"),
    **dict.fromkeys(("false", "0", "no", "off"), "disable"),
}


class DatabaseUrlError(ValueError):
    """GITSTUDIO_DATABASE_URL has a query parameter the job queue's connection (psycopg,
    libpq) cannot carry over as the app's connection (tortoise, asyncpg) reads it: the
    queue would connect differently (without TLS, say), so the process does not start."""


def libpq_url(database_url: str) -> str:
    """gitstudio's PostgreSQL URL as psycopg (libpq) takes it: libpq's own parameters as
    they are, tortoise's ``ssl`` as ``sslmode``, its ``timeout`` (seconds to connect) as
    ``connect_timeout``, its ``schema`` as the search_path; its pool options left out.
    DatabaseUrlError for any other parameter, an ``ssl`` value that names no mode, or
    ``ssl`` and ``sslmode`` that disagree."""
    parts = urlsplit(database_url)
    query: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key in _POOL_PARAMS:
            continue
        if key == "ssl":
            mode = _SSL_MODES.get(value.strip().lower())
            if mode is None:
                raise DatabaseUrlError(
                    f"GITSTUDIO_DATABASE_URL: ssl={value!r} is not one of {', '.join(_SSL_MODES)}"
                )
            key, value = "sslmode", mode
        elif key == "timeout":
            key = "connect_timeout"
        elif key == "schema":
            key, value = "options", f"-c search_path={value}"
        elif key not in _LIBPQ_PARAMS:
            raise DatabaseUrlError(
                f"GITSTUDIO_DATABASE_URL: the job queue's connection (libpq) cannot take"
                f" the parameter {key!r} as the app's connection does; remove it or use"
                f" GITSTUDIO_JOB_QUEUE=inprocess"
            )
        if key in query and query[key] != value:
            raise DatabaseUrlError(
                f"GITSTUDIO_DATABASE_URL gives {key} twice, differently"
                " (ssl and sslmode, or schema and options?)"
            )
        query[key] = value
    scheme = "postgresql" if parts.scheme in ("postgres", "postgresql", "asyncpg") else parts.scheme
    return urlunsplit((scheme, parts.netloc, parts.path, urlencode(list(query.items())), ""))


def _terminal(status: str | None) -> bool:
    return status in (None, "succeeded", "failed", "cancelled", "aborted")


class QueueScheduler:
    """Sync jobs in procrastinate's queue, on the project's PostgreSQL database."""

    name = PROCRASTINATE

    def __init__(
        self,
        syncer: ProjectSyncer,
        database_url: str,
        stalled_seconds: float = 30.0,
        wait_seconds: float = 300.0,
    ) -> None:
        import procrastinate

        self._syncer = syncer
        self.stalled_seconds = stalled_seconds
        self.wait_seconds = wait_seconds
        self.connector = procrastinate.PsycopgConnector(
            conninfo=libpq_url(database_url), min_size=1, max_size=4
        )
        self.app = procrastinate.App(connector=self.connector)
        self._opened = False

    async def start(self) -> None:
        await self.app.open_async()
        self._opened = True
        await self.prepare_schema()

    async def stop(self) -> None:
        if self._opened:
            self._opened = False
            await self.app.close_async()

    async def prepare_schema(self) -> None:
        """procrastinate's tables and functions and our results table, created once:
        idempotent, and serialised by an advisory lock between processes starting
        together. (A later procrastinate release with schema changes needs its migrations
        applied: its sql/migrations, in order, before the new version starts.)"""
        from procrastinate.schema import SchemaManager

        async with self.connector.pool.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEMA_LOCK])
            cursor = await conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")
            row = await cursor.fetchone()
            if not (row and row[0]):
                await conn.execute(SchemaManager.get_schema())
                log.info("created the job queue's schema (procrastinate)")
            await conn.execute(_RESULTS_DDL)

    def _deferrer(self, project_id: int, **options: Any) -> Any:
        return self.app.configure_task(
            SYNC_TASK,
            queue=QUEUE,
            queueing_lock=f"gitstudio-sync-{project_id}",
            lock=f"gitstudio-project-{project_id}",
            **options,
        )

    async def _defer(self, project_id: int, reason: str, **options: Any) -> int | None:
        """The new job's id; None if one is already waiting for this project (it starts
        after this call, so it covers this request too)."""
        from procrastinate.exceptions import AlreadyEnqueued

        try:
            job_id: int = await self._deferrer(project_id, **options).defer_async(
                project_id=project_id
            )
        except AlreadyEnqueued:
            log.info("sync of project %s (%s): a job is already queued", project_id, reason)
            return None
        log.info("queued job %s: sync of project %s (%s)", job_id, project_id, reason)
        return job_id

    async def request(self, project_id: int, reason: str) -> None:
        await self._defer(project_id, reason)

    async def _job_to_wait_for(self, project_id: int) -> int | None:
        """A job of the project that starts after this call: a new one, or the one
        already waiting (or started since we looked: also after this call)."""
        job_id = await self._defer(project_id, "syncProject")
        if job_id is not None:
            return job_id
        rows = await self.connector.execute_query_all_async(
            "SELECT id FROM procrastinate_jobs WHERE queueing_lock = %(lock)s"
            " AND status IN ('todo', 'doing') ORDER BY status = 'todo' DESC, id DESC LIMIT 1",
            lock=f"gitstudio-sync-{project_id}",
        )
        return int(rows[0]["id"]) if rows else None

    async def sync_now(self, project: Project) -> SyncReport:
        """Queue a sync (or join the one waiting), wait for its end up to
        ``wait_seconds``, and answer what it did, as an in-process sync would."""
        deadline = time.monotonic() + self.wait_seconds
        while time.monotonic() < deadline:
            job_id = await self._job_to_wait_for(project.id)
            if job_id is None:  # the waiting job ended between our two looks: queue one
                await asyncio.sleep(0.05)
                continue
            found = await self._wait(job_id, deadline)
            if found is None:
                break
            if found.get("error_code"):
                raise DomainError(str(found["error_code"]), str(found["error_message"]))
            if found.get("report") is not None:
                return SyncReport(**found["report"])
            # Ended without a result (a stalled job superseded by a waiting one): wait
            # for the job that replaced it.
        raise DomainError(
            "CONFLICT",
            f"the sync of {project.name} is queued and did not end within"
            f" {self.wait_seconds:g} s (GITSTUDIO_SYNC_WAIT_SECONDS); it goes on",
        )

    async def _wait(self, job_id: int, deadline: float) -> dict[str, Any] | None:
        """The job's result row once it ended ({} if it ended without one), None if the
        deadline came first."""
        delay = 0.05
        while True:
            row = await self.connector.execute_query_one_async(
                "SELECT r.report, r.error_code, r.error_message, j.status"
                " FROM (SELECT %(job)s::bigint AS id) q"
                " LEFT JOIN gitstudio_job_results r ON r.job_id = q.id"
                " LEFT JOIN procrastinate_jobs j ON j.id = q.id",
                job=job_id,
            )
            if row["report"] is not None or row["error_code"] is not None:
                return dict(row)
            if _terminal(row["status"]):
                return {}
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.5)

    async def finish_creation(self, projects: list[Project]) -> None:
        for project in projects:
            await self._defer(project.id, "interrupted creation")

    async def ping(self) -> None:
        await self.connector.execute_query_one_async("SELECT 1 AS ok")

    async def state(self, project_id: int) -> str | None:
        rows = await self.connector.execute_query_all_async(
            "SELECT status FROM procrastinate_jobs WHERE queueing_lock = %(lock)s"
            " AND status IN ('todo', 'doing')",
            lock=f"gitstudio-sync-{project_id}",
        )
        statuses = {r["status"] for r in rows}
        return SYNC_RUNNING if "doing" in statuses else SYNC_QUEUED if statuses else None

    async def stats(self) -> QueueStats:
        row = await self.connector.execute_query_one_async(
            "SELECT count(*) AS depth, COALESCE(EXTRACT(EPOCH FROM now() - min("
            "  LEAST(COALESCE(j.scheduled_at, d.at), now()))), 0)::float8 AS oldest"
            " FROM procrastinate_jobs j LEFT JOIN LATERAL (SELECT min(e.at) AS at"
            "  FROM procrastinate_events e WHERE e.job_id = j.id AND e.type = 'deferred') d"
            "  ON true"
            " WHERE j.status = 'todo' AND j.queue_name = %(queue)s",
            queue=QUEUE,
        )
        return QueueStats(depth=int(row["depth"]), oldest_age_seconds=float(row["oldest"]))

    # -- the worker side ----------------------------------------------------------------------

    def register_task(self) -> None:
        """Make this process run sync jobs (``gitstudio worker``)."""
        from procrastinate import JobContext

        async def sync_project(context: JobContext, project_id: int) -> None:
            assert context.job.id is not None
            await self.run_job(context.job.id, project_id, context.job.attempts)

        self.app.task(name=SYNC_TASK, queue=QUEUE, pass_context=True)(sync_project)

    async def run_job(self, job_id: int, project_id: int, attempts: int = 0) -> None:
        """One sync job. Its outcome is stored for the waiters; a failure of the sync is a
        result, not a failed job (the next push or poll tries again), except CONFLICT: a
        live holder kept the lease past GITSTUDIO_LEASE_WAIT, so another job is queued
        for after it. A job cut off (worker stopping) queues its successor too."""
        with telemetry.job_context(job_id):
            started = time.perf_counter()
            project = await Project.get_or_none(id=project_id)
            if project is None:
                log.info("job %s: project %s no longer exists", job_id, project_id)
                await self._store(job_id, project_id, None, ("NOT_FOUND", "project deleted"))
                return
            creating = project.sync_count == 0
            log.info(
                "job %s: syncing %s (id %s)%s",
                job_id,
                project.name,
                project_id,
                f", attempt {attempts + 1}" if attempts else "",
            )
            try:
                report = await self._syncer.sync(project)
            except DomainError as exc:
                telemetry.observe_job("sync", time.perf_counter() - started, False)
                log.warning("job %s: sync of %s: [%s] %s", job_id, project.name, exc.code, exc)
                await self._store(job_id, project_id, None, (exc.code, exc.message))
                if exc.code == "CONFLICT":
                    await self._defer(project_id, f"after job {job_id}'s conflict")
                elif creating:  # as ProjectSyncer.finish_creation: never completely created
                    log.warning("job %s: removing %s, never created", job_id, project.name)
                    await self._syncer.delete(project)
                return
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await asyncio.shield(self._defer(project_id, f"job {job_id} cut off"))
                raise
            except Exception:
                telemetry.observe_job("sync", time.perf_counter() - started, False)
                await self._store(job_id, project_id, None, ("INTERNAL", "the sync failed"))
                raise
            telemetry.observe_job("sync", time.perf_counter() - started, True)
            await self._store(job_id, project_id, report, None)
            log.info("job %s: synced %s in %.2f s", job_id, project.name, report.seconds)

    async def _store(
        self,
        job_id: int,
        project_id: int,
        report: SyncReport | None,
        error: tuple[str, str] | None,
    ) -> None:
        await self.connector.execute_query_async(
            "INSERT INTO gitstudio_job_results"
            " (job_id, project_id, report, error_code, error_message)"
            " VALUES (%(job)s, %(project)s, %(report)s, %(code)s, %(message)s)"
            " ON CONFLICT (job_id) DO UPDATE SET report = EXCLUDED.report,"
            " error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message,"
            " finished_at = now()",
            job=job_id,
            project=project_id,
            report=asdict(report) if report is not None else None,
            code=error[0] if error else None,
            message=error[1] if error else None,
        )

    async def requeue_stalled(self) -> list[int]:
        """Queue again the running jobs of workers silent for ``stalled_seconds`` (killed,
        or their host gone). A stalled job whose project already has a waiting job is
        ended instead: the waiting one starts after it and covers it."""
        from procrastinate import jobs
        from procrastinate.exceptions import ConnectorException, UniqueViolation

        manager = self.app.job_manager
        stalled = await manager.get_stalled_jobs(
            task_name=SYNC_TASK, seconds_since_heartbeat=self.stalled_seconds
        )
        requeued = []
        for job in stalled:
            assert job.id is not None
            try:
                await manager.retry_job(job)
            except UniqueViolation:
                await manager.finish_job_by_id_async(job.id, jobs.Status.FAILED, False)
                log.warning("job %s of a stalled worker ended: a newer job covers it", job.id)
                continue
            except ConnectorException:  # another worker requeued it first
                continue
            log.warning("job %s of a stalled worker (%s) queued again", job.id, job.worker_id)
            requeued.append(job.id)
        await manager.prune_stalled_workers(self.stalled_seconds)  # their rows, once handled
        await self.connector.execute_query_async(
            "DELETE FROM gitstudio_job_results"
            " WHERE finished_at < now() - make_interval(secs => %(kept)s)",
            kept=limits().job_results_kept_hours * 3600.0,
        )
        return requeued

    async def run_worker(self, concurrency: int, name: str, graceful_seconds: float) -> None:
        """Run jobs until SIGTERM/SIGINT; meanwhile requeue the jobs of dead workers."""
        heartbeat = max(0.2, self.stalled_seconds / 3)

        async def sweep() -> None:
            while True:
                try:
                    await self.requeue_stalled()
                except Exception:
                    log.exception("looking for the jobs of stalled workers failed")
                await asyncio.sleep(heartbeat)

        sweeper = asyncio.create_task(sweep(), name="gitstudio-stalled-jobs")
        try:
            await self.app.run_worker_async(
                queues=[QUEUE],
                name=name,
                concurrency=max(1, concurrency),
                delete_jobs="successful",
                update_heartbeat_interval=heartbeat,
                stalled_worker_timeout=self.stalled_seconds,
                fetch_job_polling_interval=min(5.0, heartbeat),
                abort_job_polling_interval=5.0,
                shutdown_graceful_timeout=graceful_seconds,
                install_signal_handlers=True,
            )
        finally:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
