"""The fan-out baseline: a plain Starlette websocket broadcast, served by uvicorn like gitstudio.

``BENCH_TOKEN=... uvicorn bench.plain_ws_app:app --ws-per-message-deflate false``

* ``/graphql`` (websocket, ``graphql-transport-ws``): answers ``connection_init`` (token in
  its payload, ``{"Authorization": "token X"}``) with ``connection_ack``; a ``subscribe``
  adds the socket to the broadcast. Every socket has its own queue and sender task (as
  gitstudio's ``Outbox``), so one slow client does not hold up the others.
* ``POST /api/live`` (token header): a DVCLive ``data`` event with a ``plots`` chunk is
  turned into the ``next`` frame gitstudio sends for it - ``{"id":"1","type":"next",
  "payload":{"data":{"liveMetrics":{"type":"DATA","step":S,"metrics":{name: value}}}}}``,
  serialized once - and queued to every subscriber; answers ``200 {}``.

No GraphQL, no database, no event bus: the floor of what a broadcast of these bytes costs on
this socket stack. All subscribers are assumed to use operation id ``"1"`` (the benchmark's
clients do), so one text serves everybody.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from bench.plain_ingest_app import EXPECTED, JSON_TYPE, http_routes, unauthorized

PROTOCOL = "graphql-transport-ws"


class Subscriber:
    """One websocket: frames waiting to be sent, drained by its own task."""

    __slots__ = ("frames", "wake", "ws")

    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws
        self.frames: deque[str] = deque()
        self.wake = asyncio.Event()

    def push(self, frame: str) -> None:
        self.frames.append(frame)
        self.wake.set()

    async def run(self) -> None:
        frames = self.frames
        while True:
            while frames:
                await self.ws.send_text(frames.popleft())
            self.wake.clear()
            await self.wake.wait()


subscribers: dict[Subscriber, None] = {}


async def graphql_ws(ws: WebSocket) -> None:
    await ws.accept(subprotocol=PROTOCOL)
    me = Subscriber(ws)
    sender = asyncio.create_task(me.run())
    try:
        while True:
            message: Any = orjson.loads(await ws.receive_text())
            kind = message.get("type") if isinstance(message, dict) else None
            if kind == "connection_init":
                payload = message.get("payload") or {}
                if payload.get("Authorization") != EXPECTED:
                    await ws.close(4401, "Unauthorized")
                    return
                me.push('{"type":"connection_ack"}')
            elif kind == "subscribe":
                subscribers[me] = None
            elif kind == "ping":
                me.push('{"type":"pong"}')
    except WebSocketDisconnect:
        pass
    finally:
        subscribers.pop(me, None)
        sender.cancel()


def _metrics(plots: dict[str, Any], step: int) -> dict[str, Any]:
    """``{name: value}`` of the rows at ``step``, named as gitstudio names them."""
    out: dict[str, Any] = {}
    for key, entry in plots.items():
        at = key.find("plots/metrics/")
        name = key[at + len("plots/metrics/") :] if at >= 0 else key
        name = name.removesuffix(".tsv")
        column = name.rsplit("/", 1)[-1]
        for row in entry.get("data") or ():
            if row.get("step") == step and column in row:
                out[name] = float(row[column])
    return out


async def live(request: Request) -> Response:
    if (refused := unauthorized(request)) is not None:
        return refused
    doc = orjson.loads(await request.body())
    step = doc.get("step")
    if doc.get("type") == "data" and doc.get("plots"):
        event = {"type": "DATA", "step": step, "metrics": _metrics(doc["plots"], step)}
        text = orjson.dumps(
            {"id": "1", "type": "next", "payload": {"data": {"liveMetrics": event}}}
        ).decode()
        for subscriber in subscribers:
            subscriber.push(text)
    return Response(b"{}", media_type=JSON_TYPE)


app = Starlette(routes=[*http_routes(live), WebSocketRoute("/graphql", graphql_ws)])
