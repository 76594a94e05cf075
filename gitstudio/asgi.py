"""Bare ASGI: the hot routes (``POST /graphql``, ``POST /api/live``), the browser-origin
policy at the edge, and the one request-body reader of every route.

Both hot routes are called thousands of times a second by machines (dashboards, DVCLive).
Starlette's request and response objects, exception middleware and router cost about as
much as the work itself on such small requests, so :class:`HotRoutes` (installed as the
app's one middleware, inside Starlette's server-error handler) hands those method and path
pairs to their ASGI endpoint directly. The same endpoints are also in the routing table, so
every other method and path behaves as routed.

The same middleware applies :class:`~gitstudio.cors.Cors` to every request, hot or routed:
CORS headers when origins are allowed (nothing at all is done per request when none are),
preflights, and the Origin check of websockets. And it is the last resort of every routed
request: an exception no route handled is answered as typed JSON (a 500 with a request id)
and logged once in one line.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence

import orjson
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gitstudio.cors import Cors
from gitstudio.failures import rest_body

# A websocket refused before it is accepted: the server answers the upgrade with HTTP 403.
WS_FORBIDDEN = 4403


class Disconnected(Exception):
    """The client went away while sending its body."""


class TooLarge(Exception):
    """The request body exceeds the route's limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body exceeds {limit} bytes")
        self.limit = limit


class Hot:
    """An ASGI endpoint that HotRoutes serves directly for ``methods`` (a plain class: a
    function or bound method given to a Route would be wrapped as a request handler)."""

    def __init__(
        self, app: Callable[[Scope, Receive, Send], Awaitable[None]], methods: Sequence[str]
    ) -> None:
        self._app = app
        self.methods = tuple(methods)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


def hot_paths(routes: Sequence[BaseRoute]) -> dict[tuple[str, str], ASGIApp]:
    """(method, path) -> endpoint of the routes whose endpoint is Hot; ("WEBSOCKET", path)
    -> the ASGI endpoint of websocket routes marked ``hot`` (each open websocket then holds
    no frames of Starlette's exception middleware and router while it idles)."""
    paths: dict[tuple[str, str], ASGIApp] = {
        (method, route.path): route.endpoint
        for route in routes
        if isinstance(route, Route) and isinstance(route.endpoint, Hot)
        for method in route.endpoint.methods
    }
    for route in routes:
        if isinstance(route, WebSocketRoute) and getattr(route.endpoint, "hot", False):
            paths[("WEBSOCKET", route.path)] = route.endpoint
    return paths


class HotRoutes:
    def __init__(
        self, app: ASGIApp, routes: Mapping[tuple[str, str], ASGIApp], cors: Cors | None = None
    ) -> None:
        self._app = app
        self._routes = dict(routes)
        self._cors = cors or Cors(())
        self._cors_headers = self._cors.enabled  # off: not a single step per request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            endpoint = self._routes.get((scope["method"], scope["path"]))
            cors = self._cors
            if endpoint is None and cors.is_preflight(scope) and cors.applies(scope["path"]):
                await cors.preflight(scope, send)
                return
            if self._cors_headers:
                send = self._cors.sender(scope, send)
            if endpoint is not None:
                await endpoint(scope, receive, send)
                return
            await _answering_failures(self._app, scope, receive, send)
            return
        if kind == "websocket":
            if not self._cors.websocket_allowed(scope):
                await receive()  # websocket.connect
                await send({"type": "websocket.close", "code": WS_FORBIDDEN})
                return
            endpoint = self._routes.get(("WEBSOCKET", scope["path"]))
            if endpoint is not None:
                await endpoint(scope, receive, send)
                return
        await self._app(scope, receive, send)


async def _answering_failures(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Run a routed request; an exception no route handled becomes a typed JSON 500, logged
    once in one line (left to the server to log, it would be a traceback), unless the
    response had started already."""
    started = False

    async def tracking(message: Message) -> None:
        nonlocal started
        started = started or message["type"] == "http.response.start"
        await send(message)

    try:
        await app(scope, receive, tracking)
    except Exception as exc:
        if started:
            raise
        body = rest_body(exc, f"{scope['method']} {scope['path']}")
        await send_json(send, 500, orjson.dumps(body))


async def read_body(receive: Receive, headers: Mapping[bytes, bytes] | None, limit: int) -> bytes:
    """The request body; TooLarge past ``limit`` bytes (the declared length is checked before
    reading, the received one while streaming), Disconnected when the client goes away."""
    if headers is not None:
        declared = declared_length(headers)
        if declared is not None and declared > limit:
            raise TooLarge(limit)
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Disconnected
        body += message.get("body", b"")
        if len(body) > limit:
            raise TooLarge(limit)
        if not message.get("more_body", False):
            return bytes(body)


def declared_length(headers: Mapping[bytes, bytes]) -> int | None:
    value = headers.get(b"content-length", b"")
    return int(value) if value.isdigit() else None


async def send_json(
    send: Send,
    status: int,
    body: bytes,
    content_type: bytes = b"application/json",
    extra: Iterable[tuple[bytes, bytes]] = (),
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
