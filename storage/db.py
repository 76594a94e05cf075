"""Database lifecycle (tortoise init + built-in migrations) and the raw-SQL helpers.

Bulk paths (indexer writes, experiment filtering) bypass the ORM. They are written once with
``?`` placeholders; :func:`sql` rewrites them to ``$n`` for PostgreSQL.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import sqlite3
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import asyncpg  # type: ignore[import-untyped]
from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.migrations.api import migrate

from storage.errors import DomainError

log = logging.getLogger(__name__)

MODELS_MODULE = "storage.models"
MIGRATIONS_MODULE = "storage.migrations"

_PLACEHOLDER = re.compile(r"\?")


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

QUERY_TIMEOUT = "QUERY_TIMEOUT"


def database_key() -> str:
    """Which database this process is using (keys of per-process caches of its rows)."""
    return _url


def tortoise_config(database_url: str) -> dict[str, Any]:
    name = connection_name(database_url)
    return {
        "connections": {name: normalise_url(database_url)},
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


async def init_db(database_url: str, statement_timeout: float = 0.0) -> None:
    """Apply pending migrations, then open the connections used by the app.
    ``statement_timeout``: seconds a read outside a transaction may run (0: unbounded)."""
    global _current, _url, _timeout
    _timeout = statement_timeout
    config = tortoise_config(database_url)
    _current = connection_name(database_url)
    _url = database_url
    await migrate(config=config)
    await Tortoise.close_connections()
    # Requests run in other tasks than the lifespan: share the context process-wide.
    await Tortoise.init(config=config, _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


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
    index, which bounds itself."""
    client = conn()
    if isinstance(client, TransactionalDBClient):
        return await client.execute_query_dict(sql(query), list(values))
    try:
        if is_postgres():
            return await _fetch_postgres(client, sql(query), list(values))
        return await _fetch_sqlite(client, query, list(values))
    except (asyncpg.QueryCanceledError, TimeoutError) as exc:
        raise _timed_out() from exc
    except sqlite3.OperationalError as exc:
        if str(exc) != "interrupted":
            raise
        raise _timed_out() from exc


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


async def _fetch_sqlite(
    client: BaseDBAsyncClient, query: str, values: list[Any]
) -> list[dict[str, Any]]:
    # A progress handler returning True makes SQLite abort the statement ("interrupted").
    # Installed around this one statement under the client's lock, so no write runs with it;
    # a cancelled request (client gone, server shutting down) ends its statement at once,
    # timeout or not: a statement left running would keep the process from exiting.
    deadline = [time.monotonic() + _timeout if _timeout > 0 else math.inf]
    async with client.acquire_connection() as connection:
        await connection.set_progress_handler(
            lambda: time.monotonic() > deadline[0], _PROGRESS_STEPS
        )
        try:
            rows = await connection.execute_fetchall(query, values)
        except asyncio.CancelledError:
            deadline[0] = 0.0
            raise
        finally:
            # Queued on the connection's thread behind the statement: removed once it ended.
            await connection.set_progress_handler(None, 0)
    return [dict(r) for r in rows]


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
