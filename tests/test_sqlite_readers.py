"""No read stalls the server (storage.db): on a SQLite file reads run on their own read-only
connections (WAL), so a slow one blocks neither other reads nor writes and ends with
QUERY_TIMEOUT; pooled reads on both databases time out and leave their pool usable; SIGTERM
stops `gitstudio serve` on SQLite within 10 s while a read runs."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from support import Api, Server, http, start_server, statement_timeout

from storage import db
from storage.errors import DomainError
from storage.sqlplan import Fetch, Reads
from storage.tokens import Scope, authenticate, create_token

# Counts to a billion: minutes of work on either database, ended only by a timeout or a
# cancellation.
RUNAWAY = (
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000000) "
    "SELECT count(*) AS n FROM c"
)
COUNT_TO = (
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {}) "
    "SELECT count(*) AS n FROM c"
)
TIMEOUT = 0.5
SERVER = Path(__file__).with_name("slow_read_server.py")


@pytest.fixture
async def bounded(api: Api) -> AsyncIterator[Api]:
    async with statement_timeout(api, TIMEOUT):
        yield api


def in_use() -> int:
    """Connections of the pool reads go to that run a statement now, on either database."""
    stats = db.pool_stats()
    return stats.get("sqlite_readers_in_use", stats.get("postgres_pool_in_use", 0))


async def until(condition: str, check: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"never: {condition} ({db.pool_stats()})")
        await asyncio.sleep(0.01)


CREATE_TOKEN = """mutation($name: String!) {
  createAccessToken(input: {name: $name, scopes: [READ]}) { token errors { message } }
}"""


async def test_slow_reads_block_neither_other_reads_nor_writes(api: Api) -> None:
    """On SQLite the slow reads hold two readers, on PostgreSQL two pooled connections."""
    # Two reads that would run for minutes (no timeout in the session's database).
    slow = [asyncio.create_task(db.fetch(RUNAWAY)) for _ in range(2)]
    try:
        await until("both slow reads running", lambda: in_use() == 2)

        # (a) Reads through the app answer: authentication, the page's own query.
        answer = await api.gql("{ projects { totalCount } }")
        assert "errors" not in answer, answer
        # (b) A write through the app commits...
        made = await api.gql(CREATE_TOKEN, {"name": "while-slow"})
        assert made["data"]["createAccessToken"]["errors"] == []
        token = made["data"]["createAccessToken"]["token"]
        # ...and a read right after it sees it: the new token authenticates (on a reader).
        assert "errors" not in await api.gql("{ projects { totalCount } }", token=token)

        # All of that happened while both slow reads still ran.
        assert not any(task.done() for task in slow)
        assert in_use() == 2
        if api.backend == "sqlite":
            assert db.pool_stats()["sqlite_readers_open"] >= 3  # the quick reads had theirs
    finally:
        for task in slow:
            task.cancel()
        done = await asyncio.gather(*slow, return_exceptions=True)
    assert all(isinstance(r, asyncio.CancelledError) for r in done)
    # Cancelled (as uvicorn cancels requests at shutdown): their statements ended and the
    # readers answer the next reads.
    await until("the readers free again", lambda: in_use() == 0)
    answers = await asyncio.gather(*(db.fetch("SELECT 1 AS ok") for _ in range(4)))
    assert answers == [[{"ok": 1}]] * 4


async def test_a_slow_read_ends_with_query_timeout_while_others_answer(
    bounded: Api,
) -> None:
    """On both databases, through the pool reads use (SQLite readers, asyncpg's pool):
    runaways end with QUERY_TIMEOUT no sooner than the timeout, quick reads and a write
    answer meanwhile, and every pooled connection answers after."""
    api = bounded
    started = time.monotonic()
    runaways = [asyncio.create_task(db.fetch(RUNAWAY)) for _ in range(3)]
    quick = await asyncio.gather(*(db.fetch("SELECT 2 AS two") for _ in range(3)))
    assert quick == [[{"two": 2}]] * 3
    made = await api.gql(CREATE_TOKEN, {"name": "while-runaway"})
    assert made["data"]["createAccessToken"]["errors"] == []

    ended = await asyncio.wait_for(asyncio.gather(*runaways, return_exceptions=True), 60)
    assert time.monotonic() - started >= TIMEOUT
    for outcome in ended:
        assert isinstance(outcome, DomainError), outcome
        assert outcome.code == db.QUERY_TIMEOUT

    await until("the pool idle again", lambda: in_use() == 0)
    stats = db.pool_stats()
    size = stats.get("sqlite_readers_max", stats.get("postgres_pool_max", 0))
    assert size >= 3
    # As many reads at once as the pool has connections: each connection answers.
    answers = await asyncio.wait_for(
        asyncio.gather(*(db.fetch(COUNT_TO.format(1000)) for _ in range(size))), 30
    )
    assert answers == [[{"n": 1000}]] * size
    if api.backend == "postgres":  # the server stopped them (asyncpg's cancel request)
        deadline = time.monotonic() + 30
        while await db.fetch(
            "SELECT pid FROM pg_stat_activity WHERE state = 'active'"
            " AND query LIKE 'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL%'"
            " AND pid <> pg_backend_pid()"
        ):
            assert time.monotonic() < deadline, "a runaway still runs on the server"
            await asyncio.sleep(0.05)


async def test_reads_see_every_committed_write(api: Api) -> None:
    """A read sees what was committed before it started: an ORM write, a write with
    RETURNING (on SQLite it runs on the writer: readers refuse writes)."""
    row, token = await create_token("read-your-writes", frozenset({Scope.READ}))
    principal = await authenticate(token)
    assert principal is not None and principal.token_id == row.id

    renamed = await db.fetch(
        "UPDATE access_tokens SET name = ? WHERE id = ? RETURNING name", ["renamed", row.id]
    )
    assert renamed == [{"name": "renamed"}]
    seen = await db.fetch("SELECT name FROM access_tokens WHERE id = ?", [row.id])
    assert seen == [{"name": "renamed"}]

    if api.backend != "sqlite":
        return
    path = api.settings.database_url.removeprefix("sqlite://").split("?")[0]
    readers = db.Readers(path, 1)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await readers.fetch("DELETE FROM access_tokens WHERE id = ?", [row.id])
        assert await readers.fetch("SELECT name FROM access_tokens WHERE id = ?", [row.id]) == [
            {"name": "renamed"}
        ]
    finally:
        await readers.close()
    with pytest.raises(sqlite3.OperationalError, match="closed"):
        await readers.fetch("SELECT 1", [])
    assert readers.opened == 0


def test_only_plain_reads_go_to_readers() -> None:
    assert db.reads_only("SELECT * FROM projects WHERE id = ?")
    assert db.reads_only("  with x AS (SELECT 1) SELECT * FROM x")
    assert db.reads_only("EXPLAIN QUERY PLAN SELECT 1")
    assert db.reads_only("SELECT * FROM experiments WHERE kind = 'COMMIT' AND x = 'it''s'")
    assert db.reads_only("WITH t AS (SELECT 'DELETE' AS d) SELECT replace_me FROM t")
    for query in (
        "UPDATE projects SET name = ? WHERE id = ? RETURNING id",
        "WITH gone AS (SELECT 1) DELETE FROM projects RETURNING id",
        "INSERT INTO t VALUES (1) RETURNING id",
        "PRAGMA journal_mode",
        "CREATE TABLE t AS SELECT 1",
        "with t AS (SELECT 1) UPDATE x SET y = 1",
        "WITH t AS (SELECT 'a' AS a) SELECT replace(a, 'a', 'b') FROM t",  # harmless false alarm
    ):
        assert not db.reads_only(query), query


async def test_one_connection_without_readers_still_bounds_reads_not_writes(
    tmp_path: Path,
) -> None:
    """GITSTUDIO_SQLITE_READERS=0 (and in-memory databases): reads on the one connection,
    under the timeout; its handler is gone after the read, so a long write is not cut."""
    url = f"sqlite://{tmp_path / 'one.db'}"
    session = db.database_key()  # the session's database, given back after
    try:
        await db.init_db("sqlite://:memory:", TIMEOUT)
        assert db.pool_stats()["sqlite_readers_max"] == 0
        assert await db.fetch("SELECT 1 AS ok") == [{"ok": 1}]
        # A file not in WAL mode: readers would block the writer (and it them).
        await db.init_db(f"sqlite://{tmp_path / 'rollback.db'}?journal_mode=DELETE", TIMEOUT)
        assert db.pool_stats()["sqlite_readers_max"] == 0
        assert await db.fetch("SELECT 1 AS ok") == [{"ok": 1}]

        await db.init_db(url, TIMEOUT, sqlite_readers=0)
        assert db.pool_stats()["sqlite_readers_max"] == 0
        size = 100_000
        while True:  # a size that outlasts the timeout as a read...
            try:
                await db.fetch(COUNT_TO.format(size))
            except DomainError as exc:
                assert exc.code == db.QUERY_TIMEOUT
                break
            size *= 4
        # ...runs to its end as a write on the same connection right after.
        await db.execute("DROP TABLE IF EXISTS counted")
        await db.execute("CREATE TEMP TABLE counted AS " + COUNT_TO.format(size))
        assert await db.fetch("SELECT n FROM counted") == [{"n": size}]
        await db.execute("DROP TABLE counted")
    finally:
        if session:
            await db.init_db(session)
        else:
            await db.close_db()


def test_a_cancel_after_its_statement_ended_touches_no_later_statement() -> None:
    """The permanent progress handler judges only the statement it watches now."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    watch = db._Watch()
    connection.set_progress_handler(watch, 100)
    first = db._Statement()
    assert db._read(connection, watch, first, COUNT_TO.format(10), []) == [{"n": 10}]
    first.cancel()  # too late: it ended
    assert watch.statement is None
    later = db._Statement()
    assert db._read(connection, watch, later, COUNT_TO.format(100_000), []) == [{"n": 100_000}]

    # A statement cancelled while it runs is interrupted, and only it.
    cancelled = db._Statement()
    cancelled.cancel()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        db._read(connection, watch, cancelled, COUNT_TO.format(100_000), [])
    assert watch.statement is None
    assert connection.execute(COUNT_TO.format(100_000)).fetchall() == [(100_000,)]
    connection.close()


def _serve(data: Path, env: dict[str, str]) -> Server:
    return start_server([], data, env, program=(sys.executable, str(SERVER)))


async def test_sigterm_stops_serve_on_sqlite_within_10_s_mid_read(tmp_path: Path) -> None:
    """A request's read running on a SQLite reader, no statement timeout: SIGTERM ends the
    process within 10 s (uvicorn cancels the request, which ends its statement)."""
    env = {
        "GITSTUDIO_DATABASE_URL": f"sqlite://{tmp_path / 'gitstudio.db'}",
        "GITSTUDIO_STATEMENT_TIMEOUT_SECONDS": "0",
    }
    server = await asyncio.to_thread(_serve, tmp_path, env)
    try:
        answers: list[object] = []

        def ask() -> None:
            try:
                answers.append(http.get(f"{server.url}/slow", timeout=60))
            except httpx.HTTPError as exc:
                answers.append(exc)

        asking = threading.Thread(target=ask, daemon=True)
        asking.start()

        def reading() -> bool:
            stats = http.get(f"{server.url}/pool", timeout=5).json()
            return bool(stats["sqlite_readers_in_use"] == 1)

        deadline = time.monotonic() + 30
        while not await asyncio.to_thread(reading):
            assert time.monotonic() < deadline, server.output.read_text()
            await asyncio.sleep(0.05)
        server.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.to_thread(server.process.wait, 10)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                "serve still running 10 s after SIGTERM:\n" + server.output.read_text()
            ) from None
        assert code in (0, -signal.SIGTERM), server.output.read_text()
        assert "Application shutdown complete" in server.output.read_text()
        await asyncio.to_thread(asking.join, 30)
        [answer] = answers  # cut off (or refused), never the runaway's rows
        assert not (isinstance(answer, httpx.Response) and answer.status_code == 200)
    finally:
        if server.process.poll() is None:
            server.process.kill()


async def test_pool_stats_name_the_pool_of_the_database(api: Api) -> None:
    stats = db.pool_stats()
    if api.backend == "sqlite":
        assert set(stats) == {
            "sqlite_readers_max",
            "sqlite_readers_open",
            "sqlite_readers_in_use",
            "sqlite_writer_in_use",
        }
        assert stats["sqlite_readers_max"] == db.SQLITE_READERS
    else:
        await db.fetch("SELECT 1 AS ok")  # the pool exists once used
        stats = db.pool_stats()
        assert set(stats) == {"postgres_pool_max", "postgres_pool_size", "postgres_pool_in_use"}
        assert stats["postgres_pool_size"] >= 1
    assert all(isinstance(v, int) and v >= 0 for v in stats.values())


def _reads(ops: list[Fetch], ran: list[str]) -> Reads[list[Any]]:
    """A plan of reads: the rows of each statement, in order (``ran``: those it reached)."""
    out = []
    for op in ops:
        ran.append(op.sql)
        out.append((yield op))
    return out


async def test_a_plan_of_reads_runs_in_one_call_each_statement_bounded(
    bounded: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """storage.db.fetch_plan (a page of the table): on SQLite every statement runs on one
    reader in one call (on PostgreSQL on one pooled connection), rows as dicts or tuples;
    each statement is bounded: a runaway ends the plan with QUERY_TIMEOUT, the statements
    after it never run, and the pool answers after."""
    calls = 0
    readers = db._readers
    if readers is not None:
        real = readers.run

        async def counted(work: Any) -> Any:
            nonlocal calls
            calls += 1
            return await real(work)

        monkeypatch.setattr(readers, "run", counted)
    ran: list[str] = []
    plan = _reads([Fetch("SELECT 1 AS one"), Fetch("SELECT 2 AS two", tuples=True)], ran)
    assert await db.fetch_plan(plan) == [[{"one": 1}], [(2,)]]
    assert calls == (1 if bounded.backend == "sqlite" else 0)

    ran.clear()
    started = time.monotonic()
    with pytest.raises(DomainError) as caught:
        await db.fetch_plan(
            _reads([Fetch("SELECT 1 AS one"), Fetch(RUNAWAY), Fetch("SELECT 3")], ran)
        )
    assert caught.value.code == db.QUERY_TIMEOUT
    assert time.monotonic() - started >= TIMEOUT
    assert ran == ["SELECT 1 AS one", RUNAWAY]
    await until("the pool idle again", lambda: in_use() == 0)
    assert await db.fetch_plan(_reads([Fetch("SELECT 4 AS four")], [])) == [[{"four": 4}]]


async def test_a_reader_keeps_the_page_cache_it_is_given(tmp_path: Path) -> None:
    """GITSTUDIO_SQLITE_READER_CACHE_MIB: each reader's page cache (KiB, negative)."""
    path = tmp_path / "cache.db"
    made = sqlite3.connect(path)
    made.execute("PRAGMA journal_mode = WAL")
    made.close()
    for mib, expected in ((5, -5 * 1024), (0, -2000)):  # 0: SQLite's own default
        readers = db.Readers(str(path), 1, mib)
        try:
            assert await readers.fetch("PRAGMA cache_size", []) == [{"cache_size": expected}]
        finally:
            await readers.close()


async def test_a_reader_maps_as_much_of_the_file_as_it_is_given(tmp_path: Path) -> None:
    """GITSTUDIO_SQLITE_READER_MMAP_MIB: the bytes of the file each reader maps."""
    path = tmp_path / "mapped.db"
    made = sqlite3.connect(path)
    made.execute("PRAGMA journal_mode = WAL")
    made.execute("CREATE TABLE t (x)")
    made.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(1000)])
    made.commit()
    made.close()
    for mib in (3, 0):
        readers = db.Readers(str(path), 1, 8, mib)
        try:
            found = await readers.fetch("PRAGMA mmap_size", [])
            assert found == [{"mmap_size": mib * 1024 * 1024}]
            assert await readers.fetch("SELECT sum(x) AS s FROM t", []) == [{"s": 499500}]
        finally:
            await readers.close()


async def test_a_database_in_a_missing_directory_is_an_error_at_once(tmp_path: Path) -> None:
    """It used to hang: the driver's connecting thread failed and nothing answered."""
    missing = tmp_path / "missing" / "gitstudio.sqlite3"
    with pytest.raises(RuntimeError, match="does not exist"):
        await asyncio.wait_for(db.init_db(f"sqlite://{missing}"), 30)
    assert not missing.parent.exists()
