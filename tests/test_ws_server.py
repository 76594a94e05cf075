"""gitstudio/ws_server.py: the lean uvicorn websocket protocol, served for real (uvicorn in
this process, a real websockets client), its queue and writable flag, and the setting that
chooses the implementation. The GraphQL behaviour over it is tests/test_subscriptions*.py
(``gitstudio serve`` uses it by default)."""

from __future__ import annotations

import asyncio

import pytest
import uvicorn
import websockets
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect
from support import free_port
from ws_support import wait_until

from gitstudio.ws_server import Inbox, LeanWebSocketProtocol, Writable, uvicorn_ws


async def test_inbox_keeps_order_and_wakes_its_reader() -> None:
    inbox = Inbox()
    assert inbox.empty()
    reader = asyncio.create_task(inbox.get())
    await asyncio.sleep(0)
    inbox.put_nowait({"type": "websocket.connect"})
    inbox.put_nowait({"type": "websocket.receive", "text": "a"})
    assert await reader == {"type": "websocket.connect"}
    assert not inbox.empty()
    assert await inbox.get() == {"type": "websocket.receive", "text": "a"}
    assert inbox.empty()


async def test_a_cancelled_reader_does_not_break_the_next_one() -> None:
    inbox = Inbox()
    reader = asyncio.create_task(inbox.get())
    await asyncio.sleep(0)
    reader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    nxt = asyncio.create_task(inbox.get())
    await asyncio.sleep(0)
    inbox.put_nowait({"type": "websocket.disconnect", "code": 1000})
    assert (await nxt)["type"] == "websocket.disconnect"


async def test_writable_wakes_every_sender_and_survives_a_cancelled_one() -> None:
    flag = Writable()
    assert await flag.wait()
    flag.clear()
    first, second = asyncio.create_task(flag.wait()), asyncio.create_task(flag.wait())
    await asyncio.sleep(0)
    first.cancel()
    await asyncio.sleep(0)
    assert not second.done()
    flag.set()
    assert await second
    assert flag.is_set()


def test_the_setting_names_an_implementation() -> None:
    assert uvicorn_ws("lean") is LeanWebSocketProtocol
    assert uvicorn_ws("websockets-sansio") == "websockets-sansio"
    with pytest.raises(ValueError, match="GITSTUDIO_WS_PROTOCOL"):
        uvicorn_ws("tornado")


async def echo(ws: WebSocket) -> None:
    await ws.accept(subprotocol="echo")
    try:
        while True:
            text = await ws.receive_text()
            for i in range(3):  # several frames per message, sent back to back
                await ws.send_text(f"{text} {i}")
    except WebSocketDisconnect:
        pass


async def test_served_by_uvicorn_it_echoes_pings_and_drops_the_handshake() -> None:
    app = Starlette(routes=[WebSocketRoute("/ws", echo)])
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, ws=LeanWebSocketProtocol, log_level="warning"
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    try:
        await wait_until(lambda: server.started)
        url = f"ws://127.0.0.1:{port}/ws"
        async with websockets.connect(url, subprotocols=["echo"]) as client:  # type: ignore[list-item]
            assert client.subprotocol == "echo"
            for word in ("a", "b"):
                await client.send(word)
            got = [await client.recv() for _ in range(6)]
            assert got == ["a 0", "a 1", "a 2", "b 0", "b 1", "b 2"]
            await asyncio.wait_for(await client.ping(), 5)
            (protocol,) = [
                c for c in server.server_state.connections if c.__class__ is LeanWebSocketProtocol
            ]
            assert protocol.request is None and protocol.response is None
            assert protocol.scope["headers"] == []  # read before accepting, then let go
            assert not hasattr(protocol, "__dict__") or not protocol.__dict__
    finally:
        server.should_exit = True
        await serving


async def test_one_timer_pings_every_connection_and_closes_the_silent_ones() -> None:
    app = Starlette(routes=[WebSocketRoute("/ws", echo)])
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        ws=LeanWebSocketProtocol,
        ws_ping_interval=0.3,
        ws_ping_timeout=0.3,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    try:
        await wait_until(lambda: server.started)
        # A raw client that never answers pings...
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            b"Sec-WebSocket-Protocol: echo\r\n\r\n"
        )
        assert b" 101 " in await reader.readuntil(b"\r\n\r\n")
        # ...and one that does (the websockets client answers them itself).
        url = f"ws://127.0.0.1:{port}/ws"
        async with websockets.connect(url, subprotocols=["echo"]) as client:  # type: ignore[list-item]
            got = b""
            async with asyncio.timeout(10):
                while chunk := await reader.read(1024):  # pings, then the close (1011)
                    got += chunk
            assert b"\x89" in got  # a ping frame
            assert b"\x88" in got and b"keepalive ping timeout" in got
            await client.send("still here")
            assert await client.recv() == "still here 0"
            (keepalive,) = {c.keepalive for c in server.server_state.connections}  # type: ignore[attr-defined]
            assert keepalive is not None and sum(map(len, keepalive.slices)) == 1
        writer.close()
    finally:
        server.should_exit = True
        await serving
