"""Bare ASGI for the two hot routes, ``POST /graphql`` and ``POST /api/live``.

Both are called thousands of times a second by machines (dashboards, DVCLive). Starlette's
request and response objects, exception middleware and router cost about as much as the
work itself on such small requests, so :class:`HotRoutes` (installed as the app's one
middleware, inside Starlette's server-error handler) hands those method and path pairs to
their ASGI endpoint directly. The same endpoints are also in the routing table, so every
other method and path behaves as routed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence

from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send


class Disconnected(Exception):
    """The client went away while sending its body."""


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
    """(method, path) -> endpoint of the routes whose endpoint is Hot."""
    return {
        (method, route.path): route.endpoint
        for route in routes
        if isinstance(route, Route) and isinstance(route.endpoint, Hot)
        for method in route.endpoint.methods
    }


class HotRoutes:
    def __init__(self, app: ASGIApp, routes: Mapping[tuple[str, str], ASGIApp]) -> None:
        self._app = app
        self._routes = dict(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            endpoint = self._routes.get((scope["method"], scope["path"]))
            if endpoint is not None:
                await endpoint(scope, receive, send)
                return
        await self._app(scope, receive, send)


async def read_body(receive: Receive, limit: int) -> bytes | None:
    """The request body, or None once it exceeds ``limit`` bytes (checked while streaming)."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Disconnected
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


def declared_length(headers: Mapping[bytes, bytes]) -> int | None:
    value = headers.get(b"content-length", b"")
    return int(value) if value.isdigit() else None


async def send_json(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
