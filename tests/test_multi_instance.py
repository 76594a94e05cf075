"""Two ``gitstudio serve`` processes on one PostgreSQL database and one Redis: live events
posted to either one's ``/api/live`` reach the subscribers of both."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from services import PG_ADMIN_URL, pg_admin, pg_reachable, require_service
from support import Server, start_server, stop_server
from ws_support import (
    LEGACY_WS,
    LIVE,
    REDIS_URL,
    TRANSPORT_WS,
    Project,
    Run,
    admin_token,
    create_project,
    done_event,
    redis_reachable,
    steps_of,
    subscribe,
    wait_until,
)


@pytest.fixture
async def cluster(
    tmp_path: Path,
) -> AsyncIterator[tuple[Server, Server, str, Project]]:
    require_service("PostgreSQL", pg_reachable())
    require_service("Redis", redis_reachable())
    database = f"gitstudio_test_{uuid.uuid4().hex[:12]}"
    prefix = f"gitstudio-test-{uuid.uuid4().hex[:12]}"
    await pg_admin(f'CREATE DATABASE "{database}"')
    env = {
        "GITSTUDIO_DATABASE_URL": f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{database}",
        "GITSTUDIO_EVENT_BUS": REDIS_URL,
        "GITSTUDIO_REDIS_PREFIX": prefix,
    }
    servers: list[Server] = []
    try:
        token = admin_token(tmp_path / "cli", env)
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            servers.append(start_server([], tmp_path / name, env))
        project = await create_project(servers[0], token, tmp_path, "shared")
        yield servers[0], servers[1], token, project
    finally:
        for server in servers:
            stop_server(server)
        await pg_admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        redis = Redis.from_url(REDIS_URL)
        assert await redis.pubsub_channels(f"{prefix}:*") == []
        await redis.aclose()


def of(events: list[dict[str, Any]], run: Run) -> list[dict[str, Any]]:
    return [e for e in events if e["experiment"]["name"] == run.name]


async def test_events_posted_to_one_instance_reach_subscribers_of_the_other(
    cluster: tuple[Server, Server, str, Project],
) -> None:
    a, b, token, project = cluster
    on_a, on_b = Run(a, token, project, "posted-to-a"), Run(b, token, project, "posted-to-b")
    seen_done: dict[int, set[str]] = {}

    def both_done(key: int) -> Any:
        def until(event: dict[str, Any]) -> bool:
            if done_event(event):
                seen_done.setdefault(key, set()).add(event["experiment"]["name"])
            return seen_done.get(key) == {on_a.name, on_b.name}

        return until

    variables = {"project": project.id}
    watch_b = subscribe(b, token, TRANSPORT_WS, LIVE, variables, both_done(1))
    watch_a = subscribe(a, token, LEGACY_WS, LIVE, variables, both_done(2))
    await on_a.start()
    await on_b.start()
    await wait_until(lambda: len(watch_a.events) >= 2 and len(watch_b.events) >= 2)
    late = None
    for step in range(0, 20, 2):
        await on_a.steps(range(step, step + 2))
        await on_b.steps(range(step, step + 2))
        if step == 8:  # a late subscriber on b to the run posted to a, mid-run
            experiment = {"experiment": await on_a.experiment_id()}
            late = subscribe(b, token, LEGACY_WS, LIVE, variables | experiment, done_event)
    await on_a.done()
    await on_b.done()

    assert late is not None
    late_events = await late.wait()
    assert steps_of(late_events) == list(range(20)) and late_events[-1]["type"] == "DONE"
    for watcher in (watch_a, watch_b):
        events = await watcher.wait()
        for run in (on_a, on_b):
            mine = of(events, run)
            assert [e["type"] for e in mine] == ["START"] + ["DATA"] * 20 + ["DONE"]
            assert steps_of(mine) == list(range(20))
            assert all(e["metrics"] == {"train/loss": run.value(e["step"])} for e in mine[1:-1])
