"""The Starlette application factory and its lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any, Protocol

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Route

from gitstudio.asgi import Hot, HotRoutes, hot_paths
from gitstudio.audit_rest import RestAudit
from gitstudio.auth import TokenGate
from gitstudio.cors import Cors
from gitstudio.dashboard import dashboard_routes
from gitstudio.experiments_csv import experiments_csv_routes
from gitstudio.graphiql import graphiql_page, graphiql_routes
from gitstudio.graphql_http import FastGraphQL, PlanCounters
from gitstudio.model_downloads import download_routes
from gitstudio.observability import RequestIds, observability_routes, setup_telemetry
from gitstudio.oidc import oidc_routes
from gitstudio.outgoing import Deliverer
from gitstudio.plot_images import plot_image_routes
from gitstudio.project_index import ProjectIndex
from gitstudio.rest import http_exception
from gitstudio.sessions import SessionPolicy, session_routes
from gitstudio.settings import Settings
from gitstudio.studio import studio_routes
from gitstudio.webhooks import webhook_routes
from gitstudio.ws import websocket_routes
from resolvers.caches import Caches
from schema import build_schema
from storage import db, deliveries, leases, limits
from storage.audit import Retention
from storage.bus import EventBus, make_bus
from storage.checkpoints import Checkpointer
from storage.deliveries import WebhookLimits
from storage.models import Project
from storage.sealed import Sealer
from sync.git import Credentials, RefMemo, RefMemos
from sync.repo_policy import RepoPolicy
from sync.scheduling import SyncScheduler, make_scheduler
from sync.service import ProjectSyncer
from sync.write_policy import WriteLimits

log = logging.getLogger(__name__)


class Service(Protocol):
    """A background part of the app (writer, stale-run detector...) tied to the lifespan."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class State:
    """What the running app holds: settings, its caches and token gate, the event bus, the
    one syncer of this process, the one repo-URL index of the routes, how queries ran
    (compiled plans or not), and the background services the route modules register."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Everything the app keeps between requests, bounded by the settings (two apps in
        # one process keep their own).
        self.caches = Caches.from_settings(settings)
        # Browser sessions sign in as their user on every route the gate and /graphql serve.
        self.sessions = SessionPolicy.build(settings.session_idle_seconds, settings.public_url)
        self.gate = TokenGate(
            self.caches.tokens, self.caches.token_uses, self.caches.projects, self.sessions
        )
        self.audit = RestAudit()  # REST writes in the audit log (gitstudio/audit_rest.py)
        self.projects = ProjectIndex(
            settings.max_repo_url_bytes, settings.repo_index_reload_seconds
        )
        self.plans = PlanCounters()
        self.bus: EventBus = make_bus(settings.event_bus, settings.redis_prefix)
        # Stopped in reverse order before the database closes: the token uses' last flush
        # is written to this app's database.
        self.services: list[Service] = [
            Checkpointer(settings.effective_database_url),
            self.caches.token_uses,
            Retention(settings.audit_retention_days),
        ]
        sealer = Sealer(settings.secret_key, settings.data_dir)
        # Outgoing webhooks: this server sends the deliveries any process queued.
        self.deliverer = Deliverer(
            limits.from_settings(WebhookLimits, settings),
            repo_policy(settings),
            sealer,
            settings.webhook_poll_seconds,
            settings.webhook_concurrency,
        )
        self.services.append(self.deliverer)
        self.syncer = ProjectSyncer(
            settings.mirrors_dir,
            Credentials(
                settings.git_username,
                settings.git_password,
                settings.ssh_key_path,
                settings.ssh_pubkey_path,
            ),
            publish=self.bus.publish,
            author=(settings.git_author_name, settings.git_author_email),
            sealer=sealer,
            lease_seconds=settings.lease_seconds,
            lease_wait=settings.lease_wait,
            policy=repo_policy(settings),
            write_limits=write_limits(settings),
            ref_memos=RefMemos(limits.from_settings(RefMemo, settings)),
        )
        # Where syncs run (sync/scheduling.py): every trigger goes through it.
        self.sync_scheduler: SyncScheduler = make_scheduler(
            settings.job_queue,
            self.syncer,
            settings.effective_database_url,
            settings.worker_concurrency,
            settings.job_stalled_seconds,
            settings.sync_wait_seconds,
        )


class RegistryWarming:
    """A server's registry folds off the request path (resolvers/registry_folds.py): on its
    own syncs' commits and on the bus's REFS_CHANGED of the projects it keeps."""

    def __init__(self, state: State) -> None:
        self._state = state

    async def start(self) -> None:
        folds = self._state.caches.registry_folds
        await folds.start(self._state.bus)
        self._state.syncer.registry_changed = folds.refresh

    async def stop(self) -> None:
        self._state.syncer.registry_changed = None
        await self._state.caches.registry_folds.stop()


def repo_policy(settings: Settings) -> RepoPolicy:
    """The repository access policy of API callers (sync.repo_policy) from the settings."""
    return RepoPolicy.build(
        settings.local_repo_roots,
        settings.data_dir,
        settings.allowed_git_hosts,
        settings.allow_http_remotes,
        settings.max_repo_url_bytes,
    )


def write_limits(settings: Settings) -> WriteLimits:
    """The bounds of write requests (sync.write_policy) from the settings."""
    return limits.from_settings(WriteLimits, settings)


async def _poll(state: State, interval: float) -> None:
    """Background sync of every project, for remotes that cannot send webhooks (requests
    coalesce with syncs already running or queued, in this process or the queue)."""
    while True:
        await asyncio.sleep(interval)
        for project in await Project.all():
            try:
                await state.sync_scheduler.request(project.id, "poll")
            except Exception:  # the queue may be briefly away: the next round asks again
                log.exception("queueing the polling sync of %s failed", project.name)


def create_app(settings: Settings) -> Starlette:
    state = State(settings)
    state.services.append(RegistryWarming(state))  # a server's reads; not a worker's
    setup_telemetry(state)  # label bounds of /metrics, tracing when configured
    limits.configure(settings)  # what indexing and ingest may store
    deliveries.configure(settings)  # outgoing webhooks' snapshot and payload bound
    schema = build_schema(
        settings.max_query_depth,
        settings.max_aliases,
        settings.max_tokens,
        settings.max_query_cost,
        settings.max_page_size,
        settings.max_json_depth,
        settings.max_columns,
        settings.cost_experiments_per_commit,
        settings.max_views_per_project + settings.max_views_per_user,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await db.init_db(
            settings.effective_database_url,
            settings.statement_timeout_seconds,
            settings.sqlite_readers,
            settings.sqlite_reader_cache_mib,
            settings.sqlite_reader_mmap_mib,
        )
        # Crash recovery: this instance's leases from before a restart end now, and projects
        # whose creation a crash interrupted are finished in the background.
        # A second live process with this GITSTUDIO_INSTANCE_ID on this data directory is
        # refused here (leases.InstanceInUse): the id names one process.
        claim = leases.claim(settings.data_dir, settings.instance_id)
        unfinished = await state.syncer.take_over(claim)
        await state.sync_scheduler.start()
        for service in state.services:
            await service.start()
        # In process: synced here; with a job queue: queued for the workers.
        finishing = asyncio.create_task(state.sync_scheduler.finish_creation(unfinished))
        poller = (
            asyncio.create_task(_poll(state, settings.poll_interval))
            if settings.poll_interval > 0
            else None
        )
        try:
            yield {"gitstudio": state}
        finally:
            finishing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await finishing  # a cancelled sync releases its lease while the db is open
            if poller:
                poller.cancel()
            await state.sync_scheduler.stop()  # running syncs end while the db is open
            for service in reversed(state.services):
                await service.stop()
            await state.bus.close()
            await db.close_db()
            claim.close()
            state.syncer.close()

    routes = [
        *observability_routes(state),  # /healthz, /metrics
        Route(
            "/graphql",
            Hot(FastGraphQL(schema, state, graphiql_page), ["POST"]),
            methods=["GET", "POST"],
        ),
        *graphiql_routes(),
        *session_routes(),  # /login, /logout, /api/session
        *oidc_routes(settings),  # /login/oidc, /login/oidc/callback
        *webhook_routes(state, settings),
        *studio_routes(state),
        *download_routes(state),
        *plot_image_routes(state),
        *experiments_csv_routes(state, schema),
        *websocket_routes(state, schema),
        # The dashboard's pages (/, /projects/<name>, ...) and /assets: its own paths only,
        # so every other unknown path stays a typed 404.
        *dashboard_routes(settings.dashboard_dir),
    ]
    cors = Cors(settings.cors_origins, settings.public_url)
    hot = Middleware(HotRoutes, routes=hot_paths(routes), cors=cors)
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(RequestIds), hot],
        exception_handlers={HTTPException: http_exception},
    )
    app.state.gitstudio = state
    return app
