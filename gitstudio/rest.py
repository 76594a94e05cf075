"""What every REST route shares: typed JSON errors, the request body, links.

Every error is a JSON object ``{"detail": ..., "code": ...}`` with a 4xx status (Studio's
clients read ``detail``; ``code`` is for everyone else); nothing redirects. A route wrapped
by :func:`guard` never answers a bare 500: an unexpected exception is logged once in one
line and answered ``500 {"detail": "Internal server error", "code":
"INTERNAL_SERVER_ERROR", "request_id": ...}``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from gitstudio.asgi import Disconnected, TooLarge, read_body
from gitstudio.failures import rest_body
from storage.db import QUERY_TIMEOUT
from storage.errors import DomainError

JSON = "application/json"

# The code of an error by its status, when the route names none.
CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "DUPLICATE",
    413: "TOO_LARGE",
    415: "UNSUPPORTED",
    422: "UNPROCESSABLE",
    429: "TOO_MANY_REQUESTS",
}


class HttpError(Exception):
    def __init__(self, status: int, detail: str, code: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code or CODES.get(status, "BAD_REQUEST")


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type=JSON, headers=headers)


def error(status: int, detail: str, code: str | None = None, **extra: Any) -> Response:
    body = {"detail": detail, "code": code or CODES.get(status, "BAD_REQUEST"), **extra}
    return json_response(body, status)


def bad(detail: str) -> HttpError:
    return HttpError(400, detail)


async def request_body(request: Request, limit: int) -> bytes:
    """The body of a routed request (through the one reader, gitstudio.asgi.read_body)."""
    try:
        return await read_body(request.receive, dict(request.scope["headers"]), limit)
    except TooLarge:
        raise HttpError(413, f"request body exceeds {limit} bytes") from None


def json_object(body: bytes) -> dict[str, Any]:
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise bad("body is not valid JSON") from None
    if not isinstance(doc, dict):
        raise bad("body must be a JSON object")
    return doc


def public_base(request: Request, configured: str = "") -> str:
    """Links in answers: the configured public URL, else what the client reached."""
    return configured.rstrip("/") or str(request.base_url).rstrip("/")


Handler = Callable[[Request], Awaitable[Response]]


def guard(handler: Handler) -> Handler:
    """Typed JSON errors for a route: HttpError as sent, anything unexpected masked."""

    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except HttpError as exc:
            return error(exc.status, exc.detail, exc.code)
        except DomainError as exc:
            if exc.code != QUERY_TIMEOUT:
                return internal_error(exc, f"{request.method} {request.url.path}")
            # The server is fine, this read ran out of time (storage.db): retry later.
            return error(503, exc.message, exc.code)
        except (ClientDisconnect, Disconnected):  # gone while sending: nobody reads the answer
            return Response(status_code=400)
        except Exception as exc:
            return internal_error(exc, f"{request.method} {request.url.path}")

    return run


def internal_error(exc: BaseException, where: str) -> Response:
    return json_response(rest_body(exc, where), 500)


async def http_exception(request: Request, exc: Exception) -> Response:
    """The router's own answers (404, 405) as typed JSON too."""
    assert isinstance(exc, HTTPException)
    response = error(exc.status_code, exc.detail)
    response.headers.update(exc.headers or {})
    return response
