"""The ingest baseline: a parse-only ``POST /api/live``, served by uvicorn like gitstudio.

``BENCH_TOKEN=... uvicorn bench.plain_ingest_app:app`` - it checks the ``Authorization:
token ...`` header, reads the body, parses it with orjson and answers ``200 {}``: no
validation, no project lookup, no database.
"""

from __future__ import annotations

import os

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

EXPECTED = f"token {os.environ.get('BENCH_TOKEN', '')}"
_JSON = "application/json"


async def live(request: Request) -> Response:
    if request.headers.get("authorization") != EXPECTED:
        return Response(b'{"detail":"bad token"}', status_code=401, media_type=_JSON)
    try:
        orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        return Response(b'{"detail":"body is not valid JSON"}', status_code=400, media_type=_JSON)
    return Response(b"{}", media_type=_JSON)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


app = Starlette(
    routes=[
        Route("/api/live", live, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
)
