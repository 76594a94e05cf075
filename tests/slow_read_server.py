"""`gitstudio serve` (the real CLI, app, lifespan and uvicorn) with two more routes for
tests/test_sqlite_readers.py: ``/slow`` runs a runaway read through ``storage.db.fetch``,
the path of every GraphQL read, and ``/pool`` answers ``storage.db.pool_stats()``.

Run as ``python tests/slow_read_server.py serve --data-dir ... --port ...``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import gitstudio.app
from gitstudio import cli
from gitstudio.rest import guard, json_response
from gitstudio.settings import Settings
from storage import db

# Counts to a billion: minutes of work, ended only by a timeout or a cancellation.
RUNAWAY = (
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000000) "
    "SELECT count(*) AS n FROM c"
)

_create_app = gitstudio.app.create_app


async def slow(request: Request) -> Response:
    return json_response(await db.fetch(RUNAWAY))


async def pool(request: Request) -> Response:
    return json_response(db.pool_stats())


def create_app(settings: Settings) -> Starlette:
    app = _create_app(settings)
    app.router.routes[:0] = [Route("/slow", guard(slow)), Route("/pool", pool)]
    return app


gitstudio.app.create_app = create_app  # cmd_serve imports it when it runs

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv[1:]))
