"""A runaway read is ended with QUERY_TIMEOUT on both databases (storage.db), the server
keeps answering, and SIGTERM stops `gitstudio serve` even while a request's query runs."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from graphql import GraphQLError
from services import fresh_postgres
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from support import Api, http, start_server, statement_timeout

from gitstudio.graphql_errors import format_errors
from gitstudio.rest import guard, json_response
from storage import db
from storage.errors import DomainError
from storage.sqlplan import Fetch, Reads

# Counts to a billion: minutes of work on either database, ended only by the timeout.
RUNAWAY = (
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000000) "
    "SELECT count(*) AS n FROM c"
)
TIMEOUT = 0.3


@pytest.fixture
async def bounded(api: Api) -> AsyncIterator[Api]:
    async with statement_timeout(api, TIMEOUT):
        yield api


async def projects_answer(api: Api) -> httpx.Response:
    return await api.client.post(
        "/graphql",
        json={"query": "{ projects { totalCount } }"},
        headers={"Authorization": f"Bearer {api.token}"},
    )


async def test_a_runaway_read_ends_with_query_timeout_and_the_server_keeps_answering(
    bounded: Api,
) -> None:
    runaway = asyncio.create_task(db.fetch(RUNAWAY))
    meanwhile = await projects_answer(bounded)
    with pytest.raises(DomainError) as caught:
        await asyncio.wait_for(runaway, timeout=30)
    assert caught.value.code == db.QUERY_TIMEOUT
    assert meanwhile.status_code == 200 and "errors" not in meanwhile.json()

    after = await projects_answer(bounded)
    assert after.status_code == 200 and "errors" not in after.json()
    assert await db.fetch("SELECT 1 AS ok") == [{"ok": 1}]

    # GraphQL shows it as the error's code, not a masked INTERNAL_SERVER_ERROR.
    error = GraphQLError("x", path=["projects"], original_error=caught.value)
    [formatted] = format_errors([error])
    assert formatted["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "GITSTUDIO_STATEMENT_TIMEOUT_SECONDS" in formatted["message"]


async def test_a_plan_s_statements_share_one_deadline(bounded: Api) -> None:
    """The statements of one plan (storage.db.fetch_plan: a page's reads, the branch
    order's one per branch) are bounded together: quick statements one after another end
    with QUERY_TIMEOUT once the plan has run for the timeout, not each given its own."""

    def endless() -> Reads[str]:
        started = time.monotonic()
        while time.monotonic() - started < 20 * TIMEOUT:
            rows = yield Fetch("SELECT 1 AS ok")
            assert rows == [{"ok": 1}]
        return "ran on"

    started = time.monotonic()
    with pytest.raises(DomainError) as caught:
        await db.fetch_plan(endless())
    assert caught.value.code == db.QUERY_TIMEOUT
    assert TIMEOUT <= time.monotonic() - started < 20 * TIMEOUT
    assert await db.fetch_plan(iter_one()) == [{"ok": 1}]  # the next plan: its own deadline


def iter_one() -> Reads[list[dict[str, int]]]:
    rows: list[dict[str, int]] = yield Fetch("SELECT 1 AS ok")
    return rows


async def test_a_rest_route_answers_a_timeout_with_a_typed_503(bounded: Api) -> None:
    async def slow(request: Request) -> Response:
        return json_response(await db.fetch(RUNAWAY))

    app = Starlette(routes=[Route("/slow", guard(slow))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        answer = await client.get("/slow")
    assert answer.status_code == 503
    assert answer.json()["code"] == "QUERY_TIMEOUT"


async def test_writes_and_transactions_are_not_bounded(bounded: Api) -> None:
    """A write's own reads (inside its transaction) run past the read timeout."""
    from tortoise.transactions import in_transaction

    longer = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {}) "
    longer += "SELECT count(*) AS n FROM c"
    # Find a size that outlasts the timeout as a bounded read...
    size = 100_000
    while True:
        try:
            await db.fetch(longer.format(size))
        except DomainError:
            break
        size *= 4
    # ...and run it inside a transaction: it finishes.
    async with in_transaction():
        assert await db.fetch(longer.format(size)) == [{"n": size}]


async def test_a_cancelled_request_ends_its_statement(api: Api) -> None:
    """What uvicorn does to requests still running at shutdown: their statements stop and
    the connection answers the next one (on SQLite the reader's thread is free again)."""
    await db.init_db(api.settings.database_url, 0)  # no timeout: cancellation alone ends it
    try:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(db.fetch(RUNAWAY), timeout=0.5)
        assert await asyncio.wait_for(db.fetch("SELECT 1 AS ok"), timeout=10) == [{"ok": 1}]
    finally:
        await db.init_db(api.settings.database_url)


def _cli(env: dict[str, str], data: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


async def _wait_for_lock_waiter(url: str, deadline: float) -> None:
    admin = await asyncpg.connect(url)
    try:
        while time.monotonic() < deadline:
            waiting = await admin.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            if waiting:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the server's query never reached the lock")
    finally:
        await admin.close()


async def test_sigterm_stops_serve_within_10_s_mid_query(tmp_path: Path) -> None:
    """A request blocked in PostgreSQL (a table locked by the test), no statement timeout:
    SIGTERM still ends the process within 10 s."""
    async with fresh_postgres("gitstudio_timeout") as url:
        env = {"GITSTUDIO_DATABASE_URL": url, "GITSTUDIO_STATEMENT_TIMEOUT_SECONDS": "0"}
        token = await asyncio.to_thread(
            _cli, env, tmp_path, "token", "create", "--name", "t", "--scope", "read"
        )
        server = await asyncio.to_thread(start_server, [], tmp_path, env)
        locker = await asyncpg.connect(url)
        try:
            async with locker.transaction():
                await locker.execute("LOCK TABLE projects IN ACCESS EXCLUSIVE MODE")
                answers: list[object] = []

                def ask() -> None:
                    try:
                        answers.append(
                            http.post(
                                f"{server.url}/graphql",
                                json={"query": "{ projects { totalCount } }"},
                                headers={"Authorization": f"Bearer {token}"},
                                timeout=60,
                            )
                        )
                    except httpx.HTTPError as exc:
                        answers.append(exc)

                asking = threading.Thread(target=ask, daemon=True)
                asking.start()
                await _wait_for_lock_waiter(url, time.monotonic() + 30)
                server.process.send_signal(signal.SIGTERM)
                try:
                    code = await asyncio.to_thread(server.process.wait, 10)
                except subprocess.TimeoutExpired:
                    server.process.kill()
                    raise AssertionError(
                        "serve still running 10 s after SIGTERM:\n" + server.output.read_text()
                    ) from None
                # uvicorn re-raises the signal it handled once it shut down cleanly.
                assert code in (0, -signal.SIGTERM), server.output.read_text()
                assert "Application shutdown complete" in server.output.read_text()
        finally:
            await locker.close()
            if server.process.poll() is None:
                server.process.kill()
