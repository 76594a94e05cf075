"""Database lifecycle (tortoise init + built-in migrations) and the raw-SQL helpers.

Bulk paths (indexer writes, experiment filtering) bypass the ORM. They are written once with
``?`` placeholders; :func:`sql` rewrites them to ``$n`` for PostgreSQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import math
import queue
import re
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable, Generator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

import asyncpg  # type: ignore[import-untyped]
from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.sqlite.client import SqliteClient
from tortoise.migrations.api import migrate

from storage.errors import DomainError

log = logging.getLogger(__name__)
_sql_log = logging.getLogger("tortoise.db_client")

MODELS_MODULE = "storage.models"
MIGRATIONS_MODULE = "storage.migrations"

_PLACEHOLDER = re.compile(r"\?")

T = TypeVar("T")

# SQLite readers by default (GITSTUDIO_SQLITE_READERS): enough that a slow read or two
# leave others to answer on 2-8 cores; each is a connection, a thread and its page cache.
SQLITE_READERS = 4
# Page cache of each reader (GITSTUDIO_SQLITE_READER_CACHE_MIB), filled only as it reads.
# SQLite's own 2 MiB is smaller than one filtered or sorted page of the experiments table at
# 10,000 commits (its walk touches cells and rows on ~1,000 pages): beyond it every page
# read is a system call, 3-4x the statement's time (bench/README.md, "engine vs ideal SQL").
SQLITE_READER_CACHE_MIB = 8
# Bytes of the file each reader maps (GITSTUDIO_SQLITE_READER_MMAP_MIB): pages read from the
# OS's cache without a read() each. Safe here: SQLite stops a process through a mapping only
# on an I/O error of the disk or a file truncated under it, and nothing truncates this file
# while the server runs (no VACUUM, auto_vacuum off: a checkpoint never shrinks it).
SQLITE_READER_MMAP_MIB = 1024


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` (libpq spelling) and give SQLite sane pragmas by default."""
    if url.startswith("postgresql://"):
        url = "postgres://" + url[len("postgresql://") :]
    if url.startswith("sqlite://"):
        # WAL + NORMAL: durable at checkpoints, fast commits. The server checkpoints in the
        # background (storage.checkpoints); a commit only checkpoints past 400 MB of log.
        for pragma in ("synchronous=NORMAL", "wal_autocheckpoint=100000"):
            if pragma.split("=")[0] not in url:
                url += ("&" if "?" in url else "?") + pragma
    return url


def connection_name(database_url: str) -> str:
    """Name the connection after its dialect: tortoise caches compiled statements per
    connection name, so one process may then use SQLite and PostgreSQL in turn (the tests)."""
    return "postgres" if database_url.startswith(("postgres", "asyncpg")) else "sqlite"


_current = "sqlite"
_url = ""
_timeout = 0.0
_readers: Readers | None = None

QUERY_TIMEOUT = "QUERY_TIMEOUT"


def database_key() -> str:
    """Which database this process is using (keys of per-process caches of its rows)."""
    return _url


# libpq's TLS modes, as asyncpg takes them by name.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def _connection(url: str) -> str | dict[str, Any]:
    """The connection as tortoise takes it. tortoise reads any non-empty ``?ssl=`` as true
    (asyncpg's verify-full), so ``ssl=disable`` or ``ssl=require`` would not do what they
    say (and the job queue, which reads them as libpq does, would connect differently):
    a mode by name goes to asyncpg as that name."""
    if not url.startswith("postgres://"):
        return url
    mode = (parse_qs(urlsplit(url).query).get("ssl") or [""])[-1].lower()
    if mode not in SSL_MODES:
        return url
    config: dict[str, Any] = expand_db_url(url)
    config["credentials"]["ssl"] = mode
    return config


def tortoise_config(database_url: str) -> dict[str, Any]:
    name = connection_name(database_url)
    return {
        "connections": {name: _connection(normalise_url(database_url))},
        "apps": {
            "models": {
                "models": [MODELS_MODULE],
                "migrations": MIGRATIONS_MODULE,
                "default_connection": name,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def init_db(
    database_url: str,
    statement_timeout: float = 0.0,
    sqlite_readers: int = SQLITE_READERS,
    sqlite_reader_cache_mib: int = SQLITE_READER_CACHE_MIB,
    sqlite_reader_mmap_mib: int = SQLITE_READER_MMAP_MIB,
) -> None:
    """Apply pending migrations, then open the connections used by the app.
    ``statement_timeout``: seconds a read outside a transaction may run (0: unbounded).
    ``sqlite_readers``: read-only connections of a SQLite file (0: every read on the one
    connection, as in-memory databases always do), each with a page cache of
    ``sqlite_reader_cache_mib`` and the first ``sqlite_reader_mmap_mib`` of the file mapped
    into memory."""
    global _current, _url, _timeout, _readers
    _check_sqlite_directory(database_url)
    await _close_readers()
    _timeout = statement_timeout
    config = tortoise_config(database_url)
    _current = connection_name(database_url)
    _url = database_url
    await migrate(config=config)
    await Tortoise.close_connections()
    # Requests run in other tasks than the lifespan: share the context process-wide.
    await Tortoise.init(config=config, _enable_global_fallback=True)
    _readers = await _open_readers(sqlite_readers, sqlite_reader_cache_mib, sqlite_reader_mmap_mib)


def _check_sqlite_directory(database_url: str) -> None:
    """A SQLite file in a directory that does not exist is an error said at once: the
    driver's connecting thread fails and the connection never answers (a start that hangs)."""
    if not database_url.startswith("sqlite://"):
        return
    parts = urlsplit(database_url)
    path = parts.netloc + parts.path  # as tortoise reads a SQLite URL
    if path in ("", ":memory:") or "mode=memory" in database_url:
        return
    directory = Path(path).parent
    if not directory.is_dir():
        raise RuntimeError(f"the SQLite database's directory {directory} does not exist")


async def _open_readers(size: int, cache_mib: int, mmap_mib: int) -> Readers | None:
    """Readers of the SQLite file the writer uses, if it is a file in WAL mode."""
    client = conn()
    if size <= 0 or not isinstance(client, SqliteClient):
        return None
    path = str(client.filename)
    if path in ("", ":memory:") or "mode=memory" in path:
        return None  # each connection would see its own empty database
    # Asked on a connection of its own: the app's opens on its first statement, and one
    # opened here would be left open (its thread keeping the process alive) by a start-up
    # that fails after init_db. Migrations left the file in WAL mode, unless told otherwise.
    if await asyncio.to_thread(_journal_mode, path) != "wal":
        log.warning("SQLite is not in WAL mode: every read waits for the one connection")
        return None
    return Readers(path, size, cache_mib, mmap_mib)


def _journal_mode(path: str) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    finally:
        connection.close()


async def _close_readers() -> None:
    global _readers
    readers, _readers = _readers, None
    if readers is not None:
        await readers.close()


async def close_db() -> None:
    await _close_readers()
    await Tortoise.close_connections()


def pool_stats() -> dict[str, int]:
    """How much of each connection pool is in use (for /metrics): on SQLite the readers
    (``sqlite_readers_max``, ``_open``, ``_in_use``) and the one writer connection
    (``sqlite_writer_in_use``, 0 or 1); on PostgreSQL asyncpg's pool (``postgres_pool_max``,
    ``_size``: connections open, ``_in_use``). Empty before :func:`init_db`."""
    try:
        client = conn()
    except Exception:  # no database configured (yet)
        return {}
    stats: dict[str, int] = {}
    if isinstance(client, SqliteClient):
        readers = _readers
        stats["sqlite_readers_max"] = readers.size if readers else 0
        stats["sqlite_readers_open"] = readers.opened if readers else 0
        stats["sqlite_readers_in_use"] = readers.in_use if readers else 0
        stats["sqlite_writer_in_use"] = int(client._lock.locked())
        return stats
    pool = getattr(client, "_pool", None)
    if isinstance(pool, asyncpg.Pool):
        stats["postgres_pool_max"] = pool.get_max_size()
        stats["postgres_pool_size"] = pool.get_size()
        stats["postgres_pool_in_use"] = pool.get_size() - pool.get_idle_size()
    return stats


def conn() -> BaseDBAsyncClient:
    client: BaseDBAsyncClient = connections.get(_current)
    return client


def is_postgres() -> bool:
    return conn().capabilities.dialect == "postgres"


def sql(query: str) -> str:
    """Rewrite ``?`` placeholders for the current dialect."""
    if not is_postgres():
        return query
    counter = iter(range(1, 10_000_000))
    return _PLACEHOLDER.sub(lambda _m: f"${next(counter)}", query)


async def fetch(query: str, values: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows of a read. Outside a transaction (the request paths) it runs under the statement
    timeout (0: none) and ends when its task is cancelled; inside one (a write's own reads,
    e.g. storage.sqlplan on PostgreSQL) it does not: cutting it would roll back a bulk
    index, which bounds itself. On a SQLite file a read outside a transaction runs on one of
    the readers (:class:`Readers`), so it waits neither for the writer nor for other reads;
    a write's ``RETURNING`` and in-memory databases stay on the one connection."""
    client = conn()
    if isinstance(client, TransactionalDBClient):
        return await client.execute_query_dict(sql(query), list(values))
    _log_statement(query, values)
    try:
        if is_postgres():
            return await _fetch_postgres(client, sql(query), list(values))
        readers = _readers
        if readers is not None and reads_only(query):
            return await readers.fetch(query, list(values))
        return await _fetch_sqlite(client, query, list(values))
    except (asyncpg.QueryCanceledError, TimeoutError) as exc:
        raise _timed_out() from exc
    except sqlite3.OperationalError as exc:
        if str(exc) != "interrupted":
            raise
        raise _timed_out() from exc


# A reader's ``read(query, values, tuples)`` on its own thread (rows as dicts or tuples).
SyncFetch = Callable[[str, Sequence[Any], bool], list[Any]]


class Op(Protocol):
    """A statement of a plan (storage.sqlplan.Fetch): its rows as dicts, or as tuples in
    the order of its columns when ``tuples``."""

    @property
    def sql(self) -> str: ...

    @property
    def args(self) -> Sequence[Any]: ...

    @property
    def tuples(self) -> bool: ...


async def fetch_plan(plan: Generator[Op, Any, T]) -> T:
    """Run a plan of reads: a generator that yields statements (storage.sqlplan.Fetch), is
    sent each one's rows and returns its result - the reads of one answer (a page of the
    experiments table) in one go: on a SQLite file outside a transaction every statement
    runs on one reader's thread in one call (one thread hop, not one per statement); on
    PostgreSQL on one pooled connection (one acquire); in a transaction on it. Outside a
    transaction the statement timeout bounds the plan's statements together, not each: one
    deadline from its first statement (a plan of many statements - the branch order's walk,
    one per branch - takes no more than one statement may); on the one SQLite connection
    each statement is bounded as :func:`fetch` bounds one and none starts past the
    deadline."""
    client = conn()
    readers = _readers
    if isinstance(client, TransactionalDBClient):
        return await _drive_async(plan, _fetch_rows)
    deadline = _PlanDeadline()
    try:
        if readers is None and not is_postgres():

            async def on_writer(query: str, values: Sequence[Any], tuples: bool) -> list[Any]:
                deadline.remaining()
                return await _fetch_rows(query, values, tuples)

            return await _drive_async(plan, on_writer)
        if readers is not None:
            return await readers.run(functools.partial(_drive_sync, plan))
        async with client.acquire_connection() as connection:

            async def on_connection(query: str, values: Sequence[Any], tuples: bool) -> list[Any]:
                _log_statement(query, values)
                timeout = deadline.remaining()
                rows = await connection.fetch(sql(query), *values, timeout=timeout)
                return [tuple(r) if tuples else dict(r) for r in rows]

            return await _drive_async(plan, on_connection)
    except (asyncpg.QueryCanceledError, TimeoutError) as exc:
        raise _timed_out() from exc
    except sqlite3.OperationalError as exc:
        if str(exc) != "interrupted":
            raise
        raise _timed_out() from exc


class _PlanDeadline:
    """The deadline of a plan's statements (:func:`fetch_plan` on PostgreSQL and the one
    SQLite connection; a reader's :class:`_Statement` on SQLite readers): the statement
    timeout from its first statement."""

    __slots__ = ("at",)

    def __init__(self) -> None:
        self.at: float | None = None

    def remaining(self) -> float | None:
        """Seconds the next statement may run (None: unbounded); TimeoutError when none
        are left."""
        if _timeout <= 0:
            return None
        now = time.monotonic()
        if self.at is None:
            self.at = now + _timeout
        if now >= self.at:
            raise TimeoutError
        return self.at - now


def _log_statement(query: str, values: Sequence[Any]) -> None:
    if _sql_log.isEnabledFor(logging.DEBUG):  # as tortoise logs the statements it runs
        _sql_log.debug("%s: %s", query, values)


async def _fetch_rows(query: str, values: Sequence[Any], tuples: bool) -> list[Any]:
    """:func:`fetch` (as looked up now: tests record it), rows as tuples when asked."""
    rows = await fetch(query, values)
    return [tuple(r.values()) for r in rows] if tuples else rows


def _drive_sync(plan: Generator[Op, Any, T], read: SyncFetch) -> T:
    rows: Any = None
    while True:
        try:
            op = plan.send(rows)
        except StopIteration as done:
            result: T = done.value
            return result
        _log_statement(op.sql, op.args)
        rows = read(op.sql, op.args, op.tuples)


async def _drive_async(
    plan: Generator[Op, Any, T],
    read: Callable[[str, Sequence[Any], bool], Awaitable[list[Any]]] = _fetch_rows,
) -> T:
    rows: Any = None
    while True:
        try:
            op = plan.send(rows)
        except StopIteration as done:
            result: T = done.value
            return result
        rows = await read(op.sql, op.args, op.tuples)


def _timed_out() -> DomainError:
    """The one error of a read that ran out of time, whichever database ended it."""
    return DomainError(
        QUERY_TIMEOUT,
        f"the query ran longer than {_timeout:g} s and was stopped; narrow it (filter, "
        "smaller page) or raise GITSTUDIO_STATEMENT_TIMEOUT_SECONDS",
    )


async def _fetch_postgres(
    client: BaseDBAsyncClient, query: str, values: list[Any]
) -> list[dict[str, Any]]:
    # asyncpg's timeout sends PostgreSQL a cancel request: the backend stops the statement
    # (as statement_timeout would) and the pooled connection stays usable. Per statement,
    # not a server_settings statement_timeout, so writes and migrations are never cut.
    async with client.acquire_connection() as connection:
        rows = await connection.fetch(query, *values, timeout=_timeout or None)
    return [dict(r) for r in rows]


# SQLite virtual-machine steps between two checks of the deadline: ~a millisecond of work,
# so the check costs nothing measurable and a runaway stops within a few ms of its bound.
_PROGRESS_STEPS = 10_000

_READ = re.compile(r"\s*(SELECT|VALUES|EXPLAIN|WITH)\b", re.IGNORECASE)
_LITERAL = re.compile(r"'(?:[^']|'')*'")
_WRITE_WORD = re.compile(r"\b(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def reads_only(query: str) -> bool:
    """Whether ``query`` surely only reads: one statement (sqlite3 runs no more) that is a
    SELECT, VALUES or EXPLAIN, or a WITH whose text outside string literals names no
    INSERT, UPDATE, DELETE or REPLACE (a false alarm just keeps it on the writer). Readers
    refuse writes anyway (``PRAGMA query_only``)."""
    head = _READ.match(query)
    if head is None:
        return False
    return head[1].upper() != "WITH" or _WRITE_WORD.search(_LITERAL.sub("", query)) is None


class _Statement:
    """One timed read: its deadline (monotonic), -inf once its caller gave up on it. The
    statements of one plan (:func:`fetch_plan`) share one, set before the first: the plan's
    statements together take no longer than the statement timeout."""

    __slots__ = ("cancelled", "deadline", "started")

    def __init__(self) -> None:
        self.cancelled = False
        self.started = False
        self.deadline = -math.inf
        self.renew()

    def renew(self) -> None:
        """A fresh deadline, unless its caller gave up."""
        deadline = time.monotonic() + _timeout if _timeout > 0 else math.inf
        if not self.cancelled:
            self.deadline = deadline

    def start(self) -> None:
        """Before each statement of its plan: the deadline, from the first one."""
        if not self.started:
            self.started = True
            self.renew()

    def cancel(self) -> None:
        self.cancelled = True
        self.deadline = -math.inf


class _Watch:
    """A connection's progress handler: True (SQLite then ends the running statement with
    "interrupted") once the statement it watches is past its deadline or cancelled. The
    connection's thread sets :attr:`statement` around each timed read and clears it after,
    so a cancel that comes after its statement ended touches nothing, and a later statement
    (a write on the writer, the next read on a reader) is only ever judged by its own."""

    __slots__ = ("statement",)

    def __init__(self) -> None:
        self.statement: _Statement | None = None

    def __call__(self) -> bool:
        statement = self.statement
        return statement is not None and (
            statement.cancelled or time.monotonic() > statement.deadline
        )


def _read(
    connection: sqlite3.Connection,
    watch: _Watch,
    statement: _Statement,
    query: str,
    values: list[Any],
    tuples: bool = False,
) -> list[Any]:
    """On the connection's own thread: run ``query`` under ``watch``, rows as dicts (as
    tuples when asked)."""
    watch.statement = statement
    try:
        cursor = connection.execute(query, values)
        rows = cursor.fetchall()
    finally:
        watch.statement = None
    if tuples:
        return rows
    names = [column[0] for column in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _read_on_writer(
    connection: sqlite3.Connection, statement: _Statement, query: str, values: list[Any]
) -> list[dict[str, Any]]:
    # The writer's handler lives for the statement only, set and removed on its thread in
    # the same call (no extra hop): the writes sharing that connection (indexing, the
    # live writer) never run a Python callback every few thousand steps.
    watch = _Watch()
    connection.set_progress_handler(watch, _PROGRESS_STEPS)
    try:
        return _read(connection, watch, statement, query, values)
    finally:
        connection.set_progress_handler(None, 0)


async def _fetch_sqlite(
    client: BaseDBAsyncClient, query: str, values: list[Any]
) -> list[dict[str, Any]]:
    # The one connection (in-memory databases, no readers, a write's RETURNING): under the
    # client's lock, one call on its aiosqlite thread. A cancelled request (client gone,
    # server shutting down) ends its statement at once, timeout or not: a statement left
    # running would keep the process from exiting.
    statement = _Statement()
    async with client.acquire_connection() as connection:
        try:
            rows: list[dict[str, Any]] = await connection._execute(
                _read_on_writer, connection._conn, statement, query, values
            )
        except asyncio.CancelledError:
            statement.cancel()
            raise
    return rows


class _Reader:
    """One read-only connection to the SQLite file and the thread it lives on (opened there
    by its first read), with its one permanent progress handler."""

    def __init__(
        self,
        path: str,
        cache_mib: int = SQLITE_READER_CACHE_MIB,
        mmap_mib: int = SQLITE_READER_MMAP_MIB,
    ) -> None:
        self._path = path
        self._cache_kib = max(0, cache_mib) * 1024
        self._mmap_bytes = max(0, mmap_mib) * 1024 * 1024
        self._connection: sqlite3.Connection | None = None
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self.watch = _Watch()
        self._thread = threading.Thread(
            target=self._serve, name="gitstudio-sqlite-reader", daemon=True
        )
        self._thread.start()

    def _open(self) -> sqlite3.Connection:
        """On the reader's thread: its connection, opened on first use."""
        if self._connection is None:
            connection = sqlite3.connect(self._path, isolation_level=None)
            try:
                connection.execute("PRAGMA query_only = ON")
                if self._cache_kib:  # negative: KiB (positive would count pages)
                    connection.execute(f"PRAGMA cache_size = -{self._cache_kib}")
                # Pages read from the mapped file, not by a read() each into the cache:
                # half the time of a read over many rows (the CSV export's 40,000).
                connection.execute(f"PRAGMA mmap_size = {self._mmap_bytes}")
                connection.set_progress_handler(self.watch, _PROGRESS_STEPS)
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    def _serve(self) -> None:
        try:
            while (job := self._jobs.get()) is not None:
                job()
        finally:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    async def fetch(self, query: str, values: list[Any]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = await self.run(lambda read: read(query, values, False))
        return rows

    async def run(self, work: Callable[[SyncFetch], T]) -> T:
        """``work`` on the reader's thread, given a ``read(query, values)`` that runs each
        statement there (each under its own deadline, all ended by a cancel)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        statement = _Statement()

        def read(query: str, values: Sequence[Any], tuples: bool = False) -> list[Any]:
            if statement.cancelled:  # the caller gave up between two statements
                raise sqlite3.OperationalError("interrupted")
            statement.start()
            if time.monotonic() > statement.deadline:  # the plan's time is spent
                raise sqlite3.OperationalError("interrupted")
            return _read(self._open(), self.watch, statement, query, list(values), tuples)

        def job() -> None:
            try:
                result = work(read)
            except BaseException as exc:  # the caller's to handle
                _settle(loop, future, None, exc)
            else:
                _settle(loop, future, result, None)

        self._jobs.put(job)
        try:
            return await future
        except asyncio.CancelledError:
            statement.cancel()
            raise

    def stop(self) -> None:
        """End the running read; the thread closes the connection after the queued ones."""
        current = self.watch.statement
        if current is not None:
            current.cancel()
        self._jobs.put(None)

    def join(self, seconds: float) -> bool:
        self._thread.join(seconds)
        return not self._thread.is_alive()


def _settle(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[T],
    result: T | None,
    error: BaseException | None,
) -> None:
    """From a reader's thread: hand ``future`` its outcome on its loop (unless the caller
    gave up on it, or the loop is gone: a read still running at shutdown)."""

    def settle() -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
        loop.call_soon_threadsafe(settle)


class Readers:
    """A pool of read-only connections to a SQLite file in WAL mode, each on its own thread:
    a read waits neither for the writer (WAL readers see the last commit, never block it)
    nor for a slow read elsewhere, only for a free reader when all ``size`` are busy. A read
    sees what was committed before it started: every write path commits before it returns
    (autocommit, tortoise's transactions, storage.sqlplan), and the reads of a write's own
    transaction go to that transaction, never here. Connections open on first use."""

    def __init__(
        self,
        path: str,
        size: int,
        cache_mib: int = SQLITE_READER_CACHE_MIB,
        mmap_mib: int = SQLITE_READER_MMAP_MIB,
    ) -> None:
        self.path = path
        self.size = size
        self.cache_mib = cache_mib
        self.mmap_mib = mmap_mib
        self._idle: list[_Reader] = []
        self._all: list[_Reader] = []
        self._free: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self.in_use = 0

    async def fetch(self, query: str, values: list[Any]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = await self.run(lambda read: read(query, values, False))
        return rows

    async def run(self, work: Callable[[SyncFetch], T]) -> T:
        """``work`` on one reader's thread (see :meth:`_Reader.run`)."""
        loop = asyncio.get_running_loop()
        if self._free is None or self._loop is not loop:
            self._free, self._loop = asyncio.Semaphore(self.size), loop
        async with self._free:
            if self._closed:  # closed while this read waited for a reader
                raise sqlite3.OperationalError("the database connections are closed")
            if self._idle:
                reader = self._idle.pop()
            else:
                reader = _Reader(self.path, self.cache_mib, self.mmap_mib)
                self._all.append(reader)
            self.in_use += 1
            try:
                return await reader.run(work)
            finally:
                # Back at once even when cancelled: its thread ends the interrupted
                # statement within a few thousand steps, before the next job it queues.
                self.in_use -= 1
                if not self._closed:
                    self._idle.append(reader)

    @property
    def opened(self) -> int:
        return len(self._all)

    async def close(self, seconds: float = 5.0) -> None:
        """End running reads, close every connection (threads are daemons: one stuck past
        ``seconds`` does not keep the process alive)."""
        self._closed = True
        readers, self._all, self._idle = self._all, [], []
        for reader in readers:
            reader.stop()
        deadline = time.monotonic() + seconds
        for reader in readers:
            left = max(0.0, deadline - time.monotonic())
            if not await asyncio.to_thread(reader.join, left):
                log.warning("a SQLite reader did not stop within %g s", seconds)


async def execute(query: str, values: Sequence[Any] = ()) -> None:
    await conn().execute_query(sql(query), list(values))


async def execute_many(query: str, rows: Sequence[Sequence[Any]]) -> None:
    if rows:
        await conn().execute_many(sql(query), [list(r) for r in rows])


_TABLE = re.compile(r"^[a-z_]+$")


async def analyze(tables: Sequence[str]) -> bool:
    """Refresh the planner's statistics of ``tables`` (PostgreSQL ``ANALYZE``), e.g. after
    a bulk load: until autovacuum gets to it the planner guesses from an empty table and
    may pick a plan that scans every cell. Run outside any write's transaction; never
    raises (stale statistics make pages slower, not wrong): False and a log line instead.
    A no-op on SQLite, whose plans here do not depend on statistics (tests/test_table_plans)."""
    if not is_postgres():
        return False
    names = [t for t in tables if _TABLE.match(t)]  # identifiers cannot be bound
    try:
        await conn().execute_script(f"ANALYZE {', '.join(names)}")
    except Exception:  # any failure only costs statistics
        log.warning("ANALYZE %s failed", ", ".join(names), exc_info=True)
        return False
    log.info("analyzed %s", ", ".join(names))
    return True


def database_label(url: str) -> str:
    """The URL without credentials, for logs and /healthz."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{parts.path}" if host else f"{parts.scheme}://{parts.path}"
