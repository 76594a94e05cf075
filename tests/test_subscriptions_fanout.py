"""Shared subscriptions, seen from inside: the real app served by uvicorn in this process
(on the test database, SQLite and PostgreSQL), real websocket clients, and the app's
subscription groups inspected directly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from support import Api, Server, free_port
from ws_support import LIVE, PROTOCOLS, gid, subscribe, wait_until

from gitstudio.app import State, create_app
from gitstudio.settings import Settings
from gitstudio.ws import GraphQLWebSocket
from resolvers import live
from resolvers.caches import Caches
from resolvers.context import Context
from storage.bus import MemoryBus
from storage.events import live_channel, live_event, project_channel, project_event
from storage.metrics import insert_points
from storage.models import Experiment, Project
from storage.tokens import Principal, Scope


@pytest.fixture
async def served(api: Api) -> AsyncIterator[tuple[Server, Starlette]]:
    app = create_app(api.settings)
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        lifespan="off",
        log_level="warning",
        ws_per_message_deflate=False,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    await wait_until(lambda: server.started)
    try:
        yield Server(f"http://127.0.0.1:{port}", None, None), app  # type: ignore[arg-type]
    finally:
        server.should_exit = True
        await task


def endpoint_of(app: Starlette) -> GraphQLWebSocket:
    route = next(r for r in app.routes if isinstance(r, WebSocketRoute))
    assert isinstance(route.app, GraphQLWebSocket)
    return route.app


async def running_run(name: str, steps: int) -> tuple[Project, Experiment]:
    """A project with one RUNNING live run that logged ``loss`` for ``steps`` steps."""
    project = await Project.create(name=name, repo_url=f"/nowhere/{name}")
    run = await Experiment.create(
        project=project,
        kind="LIVE",
        key=f"live:{name}",
        status="RUNNING",
        name="run",
        created_at=int(time.time()),
        last_event_at=time.time(),
    )
    await insert_points(run.id, [("loss", s, s / 10, None, None) for s in range(steps)])
    return project, run


async def test_subscribers_of_one_operation_share_one_group(
    api: Api, served: tuple[Server, Starlette], unique: str
) -> None:
    server, app = served
    state: State = app.state.gitstudio
    hub = endpoint_of(app).hub
    project, run = await running_run(f"fanout-{unique}", 5)
    events_query = "subscription($p: ID!) { projectEvents(projectId: $p) { type detail } }"
    project_id = gid("Project", project.id)
    ten = lambda e: e.get("detail", {}).get("n") == 9 or e.get("type") == "DONE"  # noqa: E731
    watchers = [
        subscribe(server, api.token, PROTOCOLS[i % 2], events_query, {"p": project_id}, ten)
        for i in range(20)
    ]
    # liveMetrics of one run: sinceStep differs per subscriber but only shapes the catch-up.
    dashboards = [
        subscribe(
            server,
            api.token,
            PROTOCOLS[i % 2],
            LIVE,
            {"project": project_id, "experiment": gid("Experiment", run.id), "since": since},
            lambda e: e["type"] == "DONE",
        )
        for i, since in enumerate((None, 0, 1, 2, 3))
    ]
    await wait_until(lambda: sum(len(g.members) for g in hub.groups.values()) == 25)
    assert sorted(len(g.members) for g in hub.groups.values()) == [5, 20]
    caught_up = [6, 4, 3, 2, 1]  # START and steps 0-4, or the steps after sinceStep
    await wait_until(lambda: [len(d.events) for d in dashboards] == caught_up)

    for n in range(10):
        await state.bus.publish(
            project_channel(project.id), project_event(project.id, "SYNC_STARTED", {"n": n})
        )
    # Committed before the catch-up read but published after: already sent, dropped.
    await state.bus.publish(live_channel(project.id), live_event(project.id, run.id, "START"))
    dup = live_event(project.id, run.id, "DATA", 4, {"loss": 0.4})
    await state.bus.publish(live_channel(project.id), dup)
    for step in range(5, 8):
        message = live_event(project.id, run.id, "DATA", step, {"loss": step / 10})
        await state.bus.publish(live_channel(project.id), message)
    await state.bus.publish(live_channel(project.id), live_event(project.id, run.id, "DONE", 7))

    for watcher in watchers:
        assert [e["detail"]["n"] for e in await watcher.wait()] == list(range(10))
    for since, dashboard in zip((None, 0, 1, 2, 3), dashboards, strict=True):
        events: list[dict[str, Any]] = await dashboard.wait()
        first = 0 if since is None else since + 1
        assert [e["type"] for e in events][:1] == (["START"] if since is None else ["DATA"])
        assert [e["step"] for e in events if e["type"] == "DATA"] == list(range(first, 8))
        assert events[-1]["type"] == "DONE"
    # Everyone left: no group, no bus subscription remains.
    await wait_until(lambda: not hub.groups)


async def test_an_event_stream_iterated_alone_catches_up_then_goes_live(
    api: Api, unique: str
) -> None:
    """What any other transport gets by iterating a subscription's source stream."""
    bus = MemoryBus()
    project, run = await running_run(f"alone-{unique}", 3)
    principal = Principal(0, "reader", frozenset({Scope.READ}))
    caches = Caches.from_settings(Settings())
    context = Context(principal, None, 100, "", bus, None, caches)  # type: ignore[arg-type]
    stream = await live.live_metrics(context, project.id, run.id, 0)
    got: list[tuple[str, int | None]] = []

    async def read() -> None:
        async for record in stream:
            got.append((record.type, record.step))
            if record.type == "DONE":
                return

    reader = asyncio.create_task(read())
    await wait_until(lambda: len(got) == 2)  # steps 1 and 2 from the database
    # START and step 2 were committed before the read but are published after: duplicates.
    await bus.publish(live_channel(project.id), live_event(project.id, run.id, "START"))
    for step in (2, 3):
        await bus.publish(live_channel(project.id), live_event(project.id, run.id, "DATA", step))
    await bus.publish(live_channel(project.id), live_event(project.id, run.id, "DONE", 3))
    await asyncio.wait_for(reader, 5)
    assert got == [("DATA", 1), ("DATA", 2), ("DATA", 3), ("DONE", 3)]
