"""Database lifecycle (tortoise init + built-in migrations) and the raw-SQL helpers.

Bulk paths (indexer writes, experiment filtering) bypass the ORM. They are written once with
``?`` placeholders; :func:`sql` rewrites them to ``$n`` for PostgreSQL.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.migrations.api import migrate

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


async def init_db(database_url: str) -> None:
    """Apply pending migrations, then open the connections used by the app."""
    global _current, _url
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
    return await conn().execute_query_dict(sql(query), list(values))


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
