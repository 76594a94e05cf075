"""Which browser origins may use the API: CORS for HTTP, the ``Origin`` check of websockets.

``GITSTUDIO_CORS_ORIGINS`` lists the origins (``https://dash.example.com``, comma-separated;
``*`` for any) whose pages may call ``/graphql`` and the Studio API routes (``/api/...``,
``/healthz``) with a token. Empty (the default): no cross-origin access, a preflight is
refused. No credentials mode is offered: another origin's page cannot read an answer
made with the session cookie (gitstudio/sessions.py), and the cookie's writes need a CSRF
token only this server's pages can read. Forge webhooks and the device-login page are not
for browsers of other origins and never get CORS headers.

A websocket's ``Origin`` is sent by browsers only; when sent, it must be the server's own
(the Host it was reached at, or ``GITSTUDIO_PUBLIC_URL``) or an allowed origin: otherwise a
page of any site could open a subscription with a token it got from its user.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

import orjson
from starlette.types import Message, Scope, Send

# Requests a browser may send cross-origin; Accept is safelisted but stated for clarity.
ALLOW_METHODS = b"GET, POST"
ALLOW_HEADERS = b"Authorization, Content-Type, Accept"
# Seconds a browser may reuse a preflight answer (Chromium caps it at 7200).
MAX_AGE = b"600"
_PATHS = ("/graphql", "/healthz")
_PREFIXES = ("/api/",)


def normalise_origin(raw: str) -> str:
    """``scheme://host[:port]`` in lower case, or ``*``; ValueError for anything else."""
    item = raw.strip().rstrip("/").lower()
    if item == "*":
        return item
    parts = urlsplit(item)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
        raise ValueError(
            f"GITSTUDIO_CORS_ORIGINS: {raw.strip()!r} is not an origin "
            "(scheme://host[:port], e.g. https://dash.example.com) nor '*'"
        )
    return item


class Cors:
    def __init__(self, origins: Iterable[str], public_url: str = "") -> None:
        listed = {normalise_origin(o) for o in origins}
        self.any = "*" in listed
        self.origins = frozenset(o.encode() for o in listed if o != "*")
        self.enabled = self.any or bool(self.origins)
        public = urlsplit(public_url.lower()) if public_url else None
        self._public = f"{public.scheme}://{public.netloc}".encode() if public else None

    def allowed(self, origin: bytes) -> bool:
        return origin != b"null" and (self.any or origin.lower() in self.origins)

    @staticmethod
    def applies(path: str) -> bool:
        return path in _PATHS or path.startswith(_PREFIXES)

    @staticmethod
    def is_preflight(scope: Scope) -> bool:
        if scope["method"] != "OPTIONS":
            return False
        return _header(scope, b"access-control-request-method") is not None

    async def preflight(self, scope: Scope, send: Send) -> None:
        """Answer a preflight of a CORS path: 204 with the grants, or a typed 403."""
        origin = _header(scope, b"origin") or b""
        if not self.allowed(origin):
            detail = (
                f"cross-origin requests from {origin.decode('latin-1')!r} are not allowed;"
                " the server's GITSTUDIO_CORS_ORIGINS lists the origins that are"
            )
            body = orjson.dumps({"detail": detail, "code": "CORS_ORIGIN_NOT_ALLOWED"})
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"vary", b"Origin"),
            ]
            await send({"type": "http.response.start", "status": 403, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        headers = [
            (b"access-control-allow-origin", origin),
            (b"access-control-allow-methods", ALLOW_METHODS),
            (b"access-control-allow-headers", ALLOW_HEADERS),
            (b"access-control-max-age", MAX_AGE),
            (b"vary", b"Origin"),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    def sender(self, scope: Scope, send: Send) -> Send:
        """``send`` adding the CORS headers to the response of a cross-origin request."""
        origin = _header(scope, b"origin")
        if origin is None or not self.applies(scope["path"]):
            return send
        grant = [(b"access-control-allow-origin", origin)] if self.allowed(origin) else []

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", ()), (b"vary", b"Origin"), *grant]
                message = {**message, "headers": headers}
            await send(message)

        return send_with_cors

    def websocket_allowed(self, scope: Scope) -> bool:
        """No Origin (not a browser), the server's own origin, or an allowed one."""
        origin = _header(scope, b"origin")
        if origin is None or self.allowed(origin):
            return True
        origin = origin.lower()
        if self._public is not None and origin == self._public:
            return True
        host = _header(scope, b"host")
        return host is not None and origin.partition(b"://")[2] == host.lower()


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None
