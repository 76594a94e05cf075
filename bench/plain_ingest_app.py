"""The ingest baseline: a parse-only ``POST /api/live``, served by uvicorn like gitstudio.

``BENCH_TOKEN=... uvicorn bench.plain_ingest_app:app`` - it checks the ``Authorization:
token ...`` header, reads the body, parses it with orjson and answers ``200 {}``: no
validation, no project lookup, no database.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

EXPECTED = f"token {os.environ.get('BENCH_TOKEN', '')}"
JSON_TYPE = "application/json"


def unauthorized(request: Request) -> Response | None:
    """401 unless the ``Authorization`` header is ``token $BENCH_TOKEN``."""
    if request.headers.get("authorization") != EXPECTED:
        return Response(b'{"detail":"bad token"}', status_code=401, media_type=JSON_TYPE)
    return None


async def live(request: Request) -> Response:
    if (refused := unauthorized(request)) is not None:
        return refused
    try:
        orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        return Response(
            b'{"detail":"body is not valid JSON"}', status_code=400, media_type=JSON_TYPE
        )
    return Response(b"{}", media_type=JSON_TYPE)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def http_routes(live: Callable[[Request], Awaitable[Response]]) -> list[BaseRoute]:
    """``POST /api/live`` answered by ``live``, and the ``/healthz`` bench/servers.py polls."""
    return [
        Route("/api/live", live, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]


app = Starlette(routes=http_routes(live))
