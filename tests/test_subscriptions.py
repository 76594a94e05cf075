"""GraphQL subscriptions over a real uvicorn server: live runs posted to its real
``POST /api/live``, real gql clients on graphql-transport-ws and graphql-ws, raw websockets
for the protocol's edges."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError, TransportServerError
from ws_support import (
    LEGACY_WS,
    LIVE,
    PROTOCOLS,
    TRANSPORT_WS,
    Run,
    Served,
    closed_with,
    done_event,
    raw,
    raw_subscription,
    receive,
    scopeless_token,
    send,
    served_project,
    steps_of,
    subscribe,
    tiny_socket,
    transport,
    wait_until,
)


@pytest.fixture(scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    async with served_project(tmp_path_factory, "ws", {"GITSTUDIO_WS_SEND_QUEUE": "256"}) as served:
        yield served


def assert_run(events: list[dict[str, Any]], run: Run, steps: range, start: bool) -> None:
    types = [e["type"] for e in events]
    assert types == ["START"] * start + ["DATA"] * len(steps) + ["DONE"], types
    assert steps_of(events) == list(steps)
    for event in events:
        assert event["experiment"]["name"] == run.name
        if event["type"] == "DATA":
            assert event["metrics"] == {m: run.value(event["step"], m) for m in run.metrics}


@pytest.mark.parametrize(("early", "late"), [PROTOCOLS, PROTOCOLS[::-1]])
async def test_early_and_late_subscribers_get_every_step_once_in_order(
    env: Served, unique: str, early: str, late: str
) -> None:
    run = Run(env.server, env.token, env.project, f"run-{unique}", ("train/loss", "val/acc"))
    mine = lambda e: done_event(e) and e["experiment"]["name"] == run.name  # noqa: E731
    first = subscribe(env.server, env.token, early, LIVE, {"project": env.project.id}, mine)
    await first.subscribed.wait()
    await run.start()
    await wait_until(lambda: bool(first.events))  # the early subscriber is live
    await run.steps(range(0, 4))
    for k in range(4, 12, 2):
        await run.steps(range(k, k + 2))
    experiment = await run.experiment_id()
    # Subscribes while the run keeps posting: catch-up and live events overlap.
    second = subscribe(
        env.server,
        env.token,
        late,
        LIVE,
        {"project": env.project.id, "experiment": experiment},
        done_event,
    )
    for k in range(12, 30, 2):
        await run.steps(range(k, k + 2))
        await asyncio.sleep(0.01)
    await run.done()

    early_events, late_events = await first.wait(), await second.wait()
    assert_run(early_events, run, range(30), start=True)
    assert_run(late_events, run, range(30), start=True)
    # Objects are loaded per event: the run is RUNNING until the DONE event shows it ended.
    assert early_events[1]["experiment"]["status"] == "RUNNING"
    assert early_events[-1]["experiment"]["status"] == "COMPLETED"
    assert all(e["experimentId"] == experiment for e in late_events)
    assert early_events[1]["publishedAt"] > 0


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_reconnect_with_since_step(env: Served, unique: str, protocol: str) -> None:
    run = Run(env.server, env.token, env.project, f"since-{unique}")
    await run.start()
    await run.steps(range(0, 10))
    experiment = await run.experiment_id()
    variables = {"project": env.project.id, "experiment": experiment, "since": 4}
    resumed = subscribe(env.server, env.token, protocol, LIVE, variables, done_event)
    await wait_until(lambda: len(resumed.events) == 5)  # steps 5..9 from the database
    for k in range(10, 16, 2):
        await run.steps(range(k, k + 2))
    await run.done()
    assert_run(await resumed.wait(), run, range(5, 16), start=False)

    # A finished run: the missed steps, then DONE, then nothing more.
    variables["since"] = 13
    again = subscribe(env.server, env.token, protocol, LIVE, variables, done_event)
    assert_run(await again.wait(), run, range(14, 16), start=False)


async def test_project_wide_late_subscriber_catches_up_running_runs(
    env: Served, unique: str
) -> None:
    run = Run(env.server, env.token, env.project, f"wide-{unique}")
    await run.start()
    await run.steps(range(0, 3))
    mine = lambda e: done_event(e) and e["experiment"]["name"] == run.name  # noqa: E731
    late = subscribe(env.server, env.token, TRANSPORT_WS, LIVE, {"project": env.project.id}, mine)
    await wait_until(lambda: any(e["experiment"]["name"] == run.name for e in late.events))
    await run.steps(range(3, 5))
    await run.done()
    events = [e for e in await late.wait() if e["experiment"]["name"] == run.name]
    assert_run(events, run, range(5), start=True)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_queries_and_mutations_over_the_socket(env: Served, protocol: str) -> None:
    async with Client(transport=transport(env.server, env.token, protocol)) as session:
        request = gql("query($id: ID!) { project(id: $id) { name } }")
        request.variable_values = {"id": env.project.id}
        found = await session.execute(request)
        assert found == {"project": {"name": "wsproject"}}
        minted = await session.execute(
            gql(
                'mutation { createAccessToken(input: {name: "over-ws", scopes: [READ]})'
                " { token errors { code } } }"
            )
        )
        assert minted["createAccessToken"]["token"].startswith("dsat_")
        with pytest.raises(TransportQueryError) as invalid:
            await session.execute(gql("{ projects { nope } }"))
        assert "nope" in str(invalid.value)
        aliases = " ".join(f"a{i}: projects {{ totalCount }}" for i in range(40))
        with pytest.raises(TransportQueryError):  # the schema's limits hold here too
            await session.execute(gql(f"{{ {aliases} }}"))


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_missing_read_scope_is_forbidden(env: Served, protocol: str) -> None:
    token = scopeless_token(env.data_dir / "gitstudio.db")
    async with raw(env.server, protocol) as ws:
        await send(ws, {"type": "connection_init", "payload": {"token": token}})
        assert (await receive(ws))["type"] == "connection_ack"
        start = "subscribe" if protocol == TRANSPORT_WS else "start"
        query = "subscription($p: ID!) { projectEvents(projectId: $p) { type } }"
        payload = {"query": query, "variables": {"p": env.project.id}}
        await send(ws, {"id": "1", "type": start, "payload": payload})
        message = await receive(ws)
        while message["type"] == "ka":
            message = await receive(ws)
        assert message["type"] == "error" and message["id"] == "1"
        error = message["payload"][0] if protocol == TRANSPORT_WS else message["payload"]
        assert error["extensions"]["code"] == "FORBIDDEN"


async def test_unauthenticated_connections_are_refused(env: Served) -> None:
    bad = {"Authorization": "token dsat_" + "0" * 48}
    for payload in (bad, {"token": 5}, ["token"]):
        async with raw(env.server, TRANSPORT_WS) as ws:
            await send(ws, {"type": "connection_init", "payload": payload})
            assert await closed_with(ws) == (4401, "Unauthorized")
    for payload in ({}, None):  # no credentials: anonymous (tests/test_subscription_access.py)
        async with raw(env.server, TRANSPORT_WS) as ws:
            await send(ws, {"type": "connection_init", "payload": payload})
            assert (await receive(ws))["type"] == "connection_ack"
    async with raw(env.server, TRANSPORT_WS) as ws:  # subscribe before connection_init
        await send(
            ws,
            {"id": "1", "type": "subscribe", "payload": {"query": "{ projects { totalCount } }"}},
        )
        assert (await closed_with(ws))[0] == 4401
    async with raw(env.server, LEGACY_WS) as ws:
        await send(ws, {"type": "connection_init", "payload": bad})
        assert (await receive(ws))["type"] == "connection_error"
        assert (await closed_with(ws))[0] == 4401
    with pytest.raises(TransportServerError):
        async with Client(transport=transport(env.server, "dsat_" + "1" * 48, LEGACY_WS)):
            pass
    # The upgrade request's header is enough when the payload has no token.
    header = {"Authorization": f"Bearer {env.token}"}
    async with raw(env.server, TRANSPORT_WS, additional_headers=header) as ws:
        await send(ws, {"type": "connection_init"})
        assert (await receive(ws))["type"] == "connection_ack"


async def test_protocol_messages(env: Served) -> None:
    init = {"type": "connection_init", "payload": {"authorization": f"token {env.token}"}}
    query = "subscription($p: ID!) { projectEvents(projectId: $p) { type } }"
    subscribe_1 = {
        "id": "1",
        "type": "subscribe",
        "payload": {"query": query, "variables": {"p": env.project.id}},
    }
    async with raw(env.server, TRANSPORT_WS) as ws:
        await send(ws, init)
        assert await receive(ws) == {"type": "connection_ack"}
        await send(ws, {"type": "ping", "payload": {"n": 1}})
        assert await receive(ws) == {"type": "pong", "payload": {"n": 1}}
        await send(ws, subscribe_1)
        await send(ws, {"id": "1", "type": "complete"})
        await send(ws, subscribe_1)  # the id is free again once completed
        await send(
            ws,
            {"id": "q", "type": "subscribe", "payload": {"query": "{ projects { totalCount } }"}},
        )
        assert (await receive(ws))["type"] == "next"
        assert await receive(ws) == {"id": "q", "type": "complete"}
        await send(ws, subscribe_1)
        assert await closed_with(ws) == (4409, "Subscriber for 1 already exists")
    async with raw(env.server, TRANSPORT_WS) as ws:
        await send(ws, init)
        await receive(ws)
        await send(ws, init)
        assert await closed_with(ws) == (4429, "Too many initialisation requests")
    async with raw(env.server, TRANSPORT_WS) as ws:
        await ws.send("not json")
        assert (await closed_with(ws))[0] == 4400
    async with raw(env.server, "something-else") as ws:
        assert (await closed_with(ws))[0] == 4406
    async with raw(env.server, LEGACY_WS) as ws:
        await send(ws, init)
        assert await receive(ws) == {"type": "connection_ack"}
        assert await receive(ws) == {"type": "ka"}
        await send(ws, {"id": "7", "type": "start", "payload": subscribe_1["payload"]})
        await send(ws, {"id": "7", "type": "stop"})
        assert await receive(ws) == {"id": "7", "type": "complete"}
        await send(ws, {"type": "connection_terminate"})
        assert (await closed_with(ws))[0] == 1000


async def test_slow_subscriber_is_closed_while_others_keep_receiving(
    env: Served, unique: str
) -> None:
    metrics = tuple(f"m{i:02d}/value_of_a_long_metric_name" for i in range(40))
    run = Run(env.server, env.token, env.project, f"slow-{unique}", metrics)
    await run.start()
    experiment = await run.experiment_id()
    variables = {"project": env.project.id, "experiment": experiment}
    query = LIVE.replace("experiment { id name status kind }", "")
    fast = subscribe(env.server, env.token, TRANSPORT_WS, query, variables, done_event)
    async with raw(env.server, TRANSPORT_WS, sock=tiny_socket(env.server.url), max_queue=1) as slow:
        first = await raw_subscription(slow, env.token, query, variables)
        assert first["payload"]["data"]["liveMetrics"]["type"] == "START"
        await wait_until(lambda: bool(fast.events))
        # The slow client stops reading: the server must give up on it, not stall the others.
        steps = 0
        while "subscriber too slow" not in env.server.output.read_text():
            assert steps < 10_000, "the slow subscriber was never closed"
            await run.steps(range(steps, steps + 100))
            steps += 100
        # Reading again: whatever was buffered, then the close frame.
        closing = asyncio.create_task(closed_with(slow, timeout=30))
        await run.steps(range(steps, steps + 100))
        await run.done()
        assert steps_of(await fast.wait(60)) == list(range(steps + 100))
        assert await closing == (4429, "subscriber too slow")
