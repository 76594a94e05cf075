"""``gitstudio worker``: a process that runs the sync jobs of the job queue.

Servers with ``GITSTUDIO_JOB_QUEUE=procrastinate`` only enqueue (sync/scheduling.py); any
number of workers on the same PostgreSQL database (and, for live events, the same Redis
bus) take the jobs. A worker owns a data directory for its mirrors like a server, claims a
lease owner id the same way (storage.leases.claim), ends its previous boot's leases at
start, and queues the completion of projects whose creation was cut off.
"""

from __future__ import annotations

import logging
import os
import socket

from gitstudio.settings import Settings

log = logging.getLogger(__name__)

# Seconds a stopping process (SIGTERM) gives what runs: `serve` its in-flight requests, a
# worker its running jobs; those still running then are cancelled (their statements with
# them, storage.db; a job's lease released and a job queued for its project) so the process
# ends within docker stop's 10 s, the rest going to the shutdown (services, bus, database).
GRACEFUL_SHUTDOWN_SECONDS = 5


async def run(settings: Settings, concurrency: int | None = None) -> None:
    from gitstudio.app import State
    from storage import db, deliveries, leases, limits
    from sync.scheduling import QueueScheduler

    if settings.job_queue == "inprocess":
        raise SystemExit(
            "gitstudio worker needs a job queue: set GITSTUDIO_JOB_QUEUE=procrastinate"
            " (and a PostgreSQL GITSTUDIO_DATABASE_URL); with inprocess, servers sync"
            " themselves"
        )
    limits.configure(settings)
    deliveries.configure(settings)  # its syncs queue webhook deliveries; servers send them
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    await db.init_db(settings.effective_database_url)
    state = State(settings)
    scheduler = state.sync_scheduler
    assert isinstance(scheduler, QueueScheduler)
    claim = leases.claim(settings.data_dir, settings.instance_id)
    try:
        await scheduler.start()
        unfinished = await state.syncer.take_over(claim)
        await scheduler.finish_creation(unfinished)
        scheduler.register_task()
        name = f"{socket.gethostname()[:32]}:{os.getpid()}"
        log.info(
            "worker %s (lease owner %s) runs up to %s sync jobs at once",
            name,
            claim.owner,
            concurrency or settings.worker_concurrency,
        )
        await scheduler.run_worker(
            concurrency or settings.worker_concurrency, name, GRACEFUL_SHUTDOWN_SECONDS
        )
    finally:
        await scheduler.stop()
        await state.bus.close()
        await db.close_db()
        claim.close()
        state.syncer.close()
