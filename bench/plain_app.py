"""The HTTP baseline: a plain Starlette JSON endpoint, served by uvicorn like gitstudio.

``uvicorn bench.plain_app:app`` - it reads the POST body and answers the same small JSON
document the GraphQL query returns, with no parsing, auth or database.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

PAYLOAD = {"data": {"project": {"name": "bench", "commits": {"totalCount": 100}}}}


async def graphql(request: Request) -> JSONResponse:
    await request.body()
    return JSONResponse(PAYLOAD)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


app = Starlette(
    routes=[
        Route("/graphql", graphql, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
)
