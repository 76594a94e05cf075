"""uvicorn's websocket protocol, lighter per connection, for servers holding many idle
subscribers (``gitstudio serve`` uses it unless GITSTUDIO_WS_PROTOCOL names another).

It is uvicorn's ``websockets-sansio`` implementation (websockets' sans-I/O protocol on an
asyncio transport: no task per connection besides the ASGI app's), with what an idle
connection holds cut down, measured by bench/idle_subscribers.py:

* attributes in slots, not in a per-instance dict of some forty keys;
* the ASGI receive queue is a list and one waiter instead of an ``asyncio.Queue`` (three
  deques and an ``asyncio.Event``, a fourth), and the "writable" flag is a boolean and a
  future made only while the transport is paused, instead of an ``asyncio.Event``;
* the parsed upgrade request and the handshake response (websockets ``Headers``) are
  dropped once the handshake is sent, and so are the ASGI scope's ``headers``: an app
  served by this protocol reads what it needs of them before it accepts (gitstudio's
  websocket endpoint keeps the Authorization header; the Origin check runs before).

* keepalive pings come from one timer per server (:class:`Keepalive`, ten slices of the
  connections in turn) instead of one timer per connection; a connection that has not
  answered its ping by its next turn (``ws_ping_interval`` later, or the first turn
  ``ws_ping_timeout`` after the ping when that is longer) is closed (1011) as uvicorn does.

Everything else (handshake, frames, limits, closing) is uvicorn's code.
"""

from __future__ import annotations

import asyncio
import random
import struct
from typing import Any

from uvicorn._types import ASGIReceiveEvent, ASGISendEvent
from uvicorn.config import Config
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from uvicorn.server import ServerState
from websockets.frames import Frame


class Inbox:
    """The ASGI receive queue of one websocket, for its one reader (the ASGI app): what
    uvicorn asks of an ``asyncio.Queue`` (``put_nowait``, ``get``, ``empty``)."""

    __slots__ = ("_items", "_waiter")

    def __init__(self) -> None:
        self._items: list[ASGIReceiveEvent] | None = None  # None while empty
        self._waiter: asyncio.Future[None] | None = None

    def put_nowait(self, item: ASGIReceiveEvent) -> None:
        if self._items is None:
            self._items = [item]
        else:
            self._items.append(item)
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def empty(self) -> bool:
        return self._items is None

    async def get(self) -> ASGIReceiveEvent:
        while self._items is None:
            waiter = self._waiter
            if waiter is None or waiter.done():  # done: a reader cancelled while waiting
                waiter = self._waiter = asyncio.get_running_loop().create_future()
            await waiter
        items = self._items
        item = items.pop(0)
        if not items:
            self._items = None
        return item


class Writable:
    """Whether the transport takes more data: what uvicorn asks of an ``asyncio.Event``."""

    __slots__ = ("_set", "_waiter")

    def __init__(self) -> None:
        self._set = True
        self._waiter: asyncio.Future[None] | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> bool:
        if self._set:
            return True
        waiter = self._waiter
        if waiter is None or waiter.done():
            waiter = self._waiter = asyncio.get_running_loop().create_future()
        # Several senders may wait; one of them being cancelled must not wake the others.
        await asyncio.shield(waiter)
        return True


class Keepalive:
    """The keepalive pings of one server's websockets: one timer, ``SLICES`` turns per
    ping interval, each pinging (or timing out) the connections of one slice."""

    SLICES = 10

    def __init__(self, loop: asyncio.AbstractEventLoop, interval: float) -> None:
        self.loop = loop
        self.interval = interval
        self.slices: list[dict[LeanWebSocketProtocol, None]] = [{} for _ in range(self.SLICES)]
        self.turn = 0
        self.added = 0
        self.timer: asyncio.TimerHandle | None = None

    @staticmethod
    def of(
        server_state: ServerState, loop: asyncio.AbstractEventLoop, interval: float
    ) -> Keepalive:
        found: Keepalive | None = getattr(server_state, "gitstudio_keepalive", None)
        if found is None or found.loop is not loop or found.interval != interval:
            found = Keepalive(loop, interval)
            server_state.gitstudio_keepalive = found  # type: ignore[attr-defined]
        return found

    def add(self, protocol: LeanWebSocketProtocol) -> None:
        self.slices[self.added % self.SLICES][protocol] = None
        self.added += 1
        if self.timer is None:
            self.timer = self.loop.call_later(self.interval / self.SLICES, self._tick)

    def discard(self, protocol: LeanWebSocketProtocol) -> None:
        for members in self.slices:
            if members.pop(protocol, 0) is None:
                return

    def _tick(self) -> None:
        self.timer = None
        members = self.slices[self.turn]
        self.turn = (self.turn + 1) % self.SLICES
        now = self.loop.time()
        for protocol in list(members):
            protocol.keepalive_turn(now)
        if any(self.slices):
            self.timer = self.loop.call_later(self.interval / self.SLICES, self._tick)


class LeanWebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's websockets-sansio protocol, lighter per idle connection (see the module)."""

    __slots__ = (
        "app",
        "app_state",
        "asgi_version",
        "client",
        "close_sent",
        "close_timeout",
        "close_timer",
        "config",
        "conn",
        "connections",
        "curr_msg_data_type",
        "default_headers",
        "disconnected",
        "frames",
        "handshake_complete",
        "handshake_initiated",
        "initial_response",
        "keepalive",
        "last_ping_rtt",
        "logger",
        "loop",
        "pending_ping_payload",
        "ping_interval",
        "ping_sent_at",
        "ping_timeout",
        "ping_timer",
        "pong_timer",
        "queue",
        "read_paused",
        "request",
        "response",
        "root_path",
        "scheme",
        "scope",
        "server",
        "tasks",
        "transport",
        "writable",
    )

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.keepalive: Keepalive | None = None
        if self.ping_interval is not None and self.ping_interval > 0:
            self.keepalive = Keepalive.of(server_state, self.loop, self.ping_interval)
        self.queue: Inbox = Inbox()  # type: ignore[assignment]
        self.writable: Writable = Writable()  # type: ignore[assignment]
        self.request = None  # type: ignore[assignment]
        self.response = None  # type: ignore[assignment]

    # -- keepalive: one timer for the server (Keepalive), not one per connection ----------

    def start_keepalive(self) -> None:
        if self.keepalive is not None:
            self.keepalive.add(self)

    def stop_keepalive(self) -> None:
        if self.keepalive is not None:
            self.keepalive.discard(self)
        self.pending_ping_payload = None

    def keepalive_turn(self, now: float) -> None:
        """This connection's turn: ping it, or close it if its last ping went unanswered."""
        if self.close_sent or self.transport.is_closing():
            return
        if self.pending_ping_payload is not None:
            if self.ping_timeout is not None and now - self.ping_sent_at >= self.ping_timeout:
                self.keepalive_timeout()
            return
        self.pending_ping_payload = struct.pack("!I", random.getrandbits(32))
        self.ping_sent_at = now
        self.conn.send_ping(self.pending_ping_payload)
        self.transport.write(b"".join(self.conn.data_to_send()))

    def handle_pong(self, event: Frame) -> None:
        if self.pending_ping_payload is None or bytes(event.data) != self.pending_ping_payload:
            return  # unsolicited or stale
        self.last_ping_rtt = self.loop.time() - self.ping_sent_at
        self.pending_ping_payload = None

    async def send(self, message: ASGISendEvent) -> None:
        await super().send(message)
        if self.response is not None and self.handshake_complete:
            # Sent (or refused): the upgrade request and the response are not read again.
            self.request = self.response = None  # type: ignore[assignment]
            if message["type"] == "websocket.accept":
                self.scope["headers"] = []


UVICORN_IMPLEMENTATIONS = ("websockets-sansio", "websockets", "wsproto")


def uvicorn_ws(name: str) -> str | type[asyncio.Protocol]:
    """What ``uvicorn.run(ws=...)`` takes for GITSTUDIO_WS_PROTOCOL."""
    if name == "lean":
        return LeanWebSocketProtocol
    if name in UVICORN_IMPLEMENTATIONS:
        return name
    choices = ", ".join(("lean", *UVICORN_IMPLEMENTATIONS))
    raise ValueError(f"GITSTUDIO_WS_PROTOCOL must be one of {choices}, not {name!r}")


__all__ = ["Inbox", "Keepalive", "LeanWebSocketProtocol", "Writable", "uvicorn_ws"]
