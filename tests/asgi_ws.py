"""A websocket client of the real app in process, over its ASGI interface (httpx's
ASGITransport speaks HTTP only): the app runs in the test's event loop, on its database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import orjson
from starlette.types import ASGIApp, Message

WAIT = 30.0  # seconds: a deadline for each message, never a sleep


class AsgiWebSocket:
    def __init__(self, incoming: asyncio.Queue[Message], outgoing: asyncio.Queue[Message]):
        self.incoming = incoming
        self.outgoing = outgoing
        self.first: Message = {}  # the app's answer to the connect: accept or close

    async def send(self, message: dict[str, Any]) -> None:
        text = orjson.dumps(message).decode()
        await self.incoming.put({"type": "websocket.receive", "text": text})

    async def receive(self) -> dict[str, Any]:
        message = await asyncio.wait_for(self.outgoing.get(), WAIT)
        assert message["type"] == "websocket.send", message
        decoded: dict[str, Any] = orjson.loads(message["text"])
        return decoded


@asynccontextmanager
async def raw_asgi_websocket(
    app: ASGIApp,
    headers: Mapping[str, str] | None = None,
    subprotocol: str = "graphql-transport-ws",
    host: str = "testserver",
) -> AsyncIterator[AsgiWebSocket]:
    """A websocket to ``/graphql`` whose connect was answered (``ws.first``)."""
    raw = [(b"host", host.encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "server": (host, 80),
        "client": ("127.0.0.1", 50000),
        "root_path": "",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "headers": raw,
        "subprotocols": [subprotocol],
    }
    incoming: asyncio.Queue[Message] = asyncio.Queue()
    outgoing: asyncio.Queue[Message] = asyncio.Queue()
    task = asyncio.create_task(app(scope, incoming.get, outgoing.put))
    ws = AsgiWebSocket(incoming, outgoing)
    await incoming.put({"type": "websocket.connect"})
    ws.first = await asyncio.wait_for(outgoing.get(), WAIT)
    try:
        yield ws
    finally:
        await incoming.put({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(task, WAIT)


@asynccontextmanager
async def asgi_websocket(
    app: ASGIApp, headers: Mapping[str, str] | None = None
) -> AsyncIterator[AsgiWebSocket]:
    """A graphql-transport-ws websocket to ``/graphql``, accepted."""
    async with raw_asgi_websocket(app, headers) as ws:
        assert ws.first["type"] == "websocket.accept", ws.first
        yield ws
