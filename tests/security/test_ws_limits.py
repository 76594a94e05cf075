"""Websocket limits over a real uvicorn server: operations per connection, message size,
connections per token, and the query cost limit on this transport too."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
import websockets
from harness import Hostile
from support import Server, start_server, stop_server
from ws_support import (
    LEGACY_WS,
    PROTOCOLS,
    TRANSPORT_WS,
    Project,
    admin_token,
    closed_with,
    create_project,
    raw,
    receive,
    send,
)

MAX_OPERATIONS, MAX_MESSAGE, PER_TOKEN = 3, 20_000, 2


@dataclass
class Env:
    server: Server
    token: str
    other_token: str
    project: Project


@pytest.fixture(scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    data_dir = tmp_path_factory.mktemp("ws-limits")
    token, other = admin_token(data_dir), admin_token(data_dir)
    limits = {
        "GITSTUDIO_WS_MAX_OPERATIONS": str(MAX_OPERATIONS),
        "GITSTUDIO_WS_MAX_MESSAGE_BYTES": str(MAX_MESSAGE),
        "GITSTUDIO_WS_MAX_CONNECTIONS_PER_TOKEN": str(PER_TOKEN),
    }
    server = start_server([], data_dir, env=limits)
    try:
        repos = tmp_path_factory.mktemp("ws-limits-repos")  # never inside the data directory
        project = await create_project(server, token, repos, "wslimits")
        yield Env(server, token, other, project)
    finally:
        stop_server(server)


async def init(ws: Any, token: str) -> dict[str, Any]:
    await send(ws, {"type": "connection_init", "payload": {"Authorization": f"token {token}"}})
    message = await receive(ws)
    while message["type"] == "ka":
        message = await receive(ws)
    return message


def start(protocol: str, op_id: str, query: str, variables: Any = None) -> dict[str, Any]:
    kind = "subscribe" if protocol == TRANSPORT_WS else "start"
    return {"id": op_id, "type": kind, "payload": {"query": query, "variables": variables}}


async def next_message(ws: Any) -> dict[str, Any]:
    """The next message that is not a keep-alive."""
    while (message := await receive(ws))["type"] == "ka":
        pass
    return message


EVENTS = "subscription($p: ID!) { projectEvents(projectId: $p) { type } }"


def codes(payload: Any) -> list[str]:
    errors = payload if isinstance(payload, list) else [payload]
    return [e["extensions"]["code"] for e in errors]


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_operations_per_connection_are_bounded(env: Env, protocol: str) -> None:
    async with raw(env.server, protocol) as ws:
        assert (await init(ws, env.token))["type"] == "connection_ack"
        for n in range(MAX_OPERATIONS):
            await send(ws, start(protocol, str(n), EVENTS, {"p": env.project.id}))
        await send(ws, start(protocol, "over", EVENTS, {"p": env.project.id}))
        refused = await next_message(ws)
        assert refused["type"] == "error" and refused["id"] == "over"
        assert codes(refused["payload"]) == ["TOO_MANY_OPERATIONS"]
        assert str(MAX_OPERATIONS) in str(refused["payload"])
        stop = "complete" if protocol == TRANSPORT_WS else "stop"
        await send(ws, {"id": "0", "type": stop})
        if protocol == LEGACY_WS:  # the legacy protocol confirms a stop
            assert (await next_message(ws))["type"] == "complete"
        await send(ws, start(protocol, "query", "{ projects { totalCount } }"))
        answer = await next_message(ws)
        assert answer["id"] == "query" and answer["payload"]["data"]["projects"]["totalCount"] >= 1


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_an_oversized_message_closes_with_1009(env: Env, protocol: str) -> None:
    """uvicorn refuses the frame before reading it (``ws_max_size``)."""
    async with raw(env.server, protocol, max_size=None) as ws:
        assert (await init(ws, env.token))["type"] == "connection_ack"
        await send(ws, {"type": "ping", "payload": {"pad": "x" * MAX_MESSAGE}})
        assert (await closed_with(ws))[0] == 1009


async def test_the_app_bounds_messages_under_any_server(hostile: Hostile) -> None:
    """Behind a server that lets a larger message through, the endpoint still refuses it
    before parsing it (driven over ASGI)."""
    limit = hostile.settings.ws_max_message_bytes
    incoming: list[dict[str, Any]] = [
        {"type": "websocket.connect"},
        {"type": "websocket.receive", "text": '{"type": "ping", "pad": "' + "x" * limit + '"}'},
        {"type": "websocket.disconnect", "code": 1000},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send_(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "websocket",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [],
        "subprotocols": [TRANSPORT_WS],
        "scheme": "ws",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 40000),
        "asgi": {"version": "3.0"},
    }
    await hostile.app(scope, receive, send_)
    closes = [m for m in sent if m["type"] == "websocket.close"]
    assert closes == [
        {"type": "websocket.close", "code": 1009, "reason": f"message larger than {limit} bytes"}
    ]


async def test_connections_per_token_are_bounded(env: Env) -> None:
    async with raw(env.server, TRANSPORT_WS) as first, raw(env.server, LEGACY_WS) as second:
        assert (await init(first, env.token))["type"] == "connection_ack"
        assert (await init(second, env.token))["type"] == "connection_ack"
        async with raw(env.server, TRANSPORT_WS) as third:
            await send(third, {"type": "connection_init", "payload": {"token": env.token}})
            reason = f"more than {PER_TOKEN} websockets of this token"
            assert await closed_with(third) == (4429, reason)
        async with raw(env.server, LEGACY_WS) as third:
            refused = await init(third, env.token)
            assert refused == {"type": "connection_error", "payload": {"message": reason}}
            assert (await closed_with(third))[0] == 4429
        async with raw(env.server, TRANSPORT_WS) as elsewhere:  # other tokens are not bound
            assert (await init(elsewhere, env.other_token))["type"] == "connection_ack"
    # Closed connections stop counting (as soon as the server has seen them go).
    deadline = time.monotonic() + 20
    while True:
        async with raw(env.server, TRANSPORT_WS) as again:
            try:
                accepted = (await init(again, env.token))["type"] == "connection_ack"
            except websockets.ConnectionClosed:
                accepted = False
        if accepted:
            break
        assert time.monotonic() < deadline, "closed websockets still counted"
        await asyncio.sleep(0.05)


NESTED = """{ projects(first: 500) { nodes { experiments(first: 500) { nodes { id } } } } }"""


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_query_cost_is_checked_on_websockets(env: Env, protocol: str) -> None:
    async with raw(env.server, protocol) as ws:
        assert (await init(ws, env.token))["type"] == "connection_ack"
        await send(ws, start(protocol, "big", NESTED))
        refused = await next_message(ws)
        assert refused["type"] == "error" and refused["id"] == "big"
        assert codes(refused["payload"]) == ["QUERY_TOO_COMPLEX"]
        variables = {"n": 500}
        await send(
            ws,
            start(
                protocol,
                "vars",
                "query($n: Int) { projects(first: $n) { nodes { experiments(first: $n)"
                " { nodes { id } } } } }",
                variables,
            ),
        )
        refused = await next_message(ws)
        assert refused["id"] == "vars" and codes(refused["payload"]) == ["QUERY_TOO_COMPLEX"]
