"""The hand-written SQL baseline of bench/scale.py: the same 50 rows through an ideal index.

For each page shape a side table ``bench_scale_<shape>(experiment_id, k, v)`` is built in the
server's own database once the project is indexed (not timed): ``v`` is the sort value of
the row (the metric, the param or ``created_at``), ``k`` the filtered param (``NULL`` when the
shape has no filter), one row per experiment of the project that has the sort value, and a
B-tree index on ``(v, experiment_id)`` or ``(k, v, experiment_id)``: the one index that
answers that very page by walking it and stopping after 50 entries. The timed statement,
through the server's own driver (aiosqlite on SQLite, asyncpg on PostgreSQL) from this
process, is::

    SELECT e.<the columns a page needs> FROM (
        SELECT experiment_id, v FROM bench_scale_<shape>
        [WHERE k = $1] [AND (v, experiment_id) < ($2, $3)]  -- filter; keyset cursor
        ORDER BY v DESC, experiment_id DESC LIMIT 50        -- or ASC
    ) s JOIN experiments e ON e.id = s.experiment_id ORDER BY s.v DESC, s.experiment_id DESC

and every row is fetched into Python. ``totalCount`` is compared with ``SELECT COUNT(*)``
on the experiments table (and on the filter's side table for a filtered count).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiosqlite
import asyncpg  # type: ignore[import-untyped]
import orjson

# What a page needs of each row to answer the GraphQL selection of bench/scale.py.
ROW_COLUMNS = (
    "e.id, e.kind, e.sha, e.name, e.baseline_sha, e.status, e.created_at, e.author_name,"
    " e.author_email, e.message, e.params, e.metrics"
)


@dataclass(frozen=True, slots=True)
class Side:
    """One side table: the sort value ``v`` (from a column or the row's time) and,
    for a filter, the filtered param ``k``."""

    table: str
    sort: tuple[str, str, str] | None  # (kind, file, path); None: created_at
    descending: bool
    key: tuple[str, str, str] | None = None  # the filtered column (EQ)


def _value(row: dict[str, Any], column: tuple[str, str, str] | None) -> float | None:
    if column is None:
        return float(row["created_at"])
    kind, file, path = column
    doc = orjson.loads(row["params" if kind == "param" else "metrics"] or "{}").get(file)
    for part in path.split("."):
        if not isinstance(doc, dict):
            return None
        doc = doc.get(part)
    if isinstance(doc, bool) or not isinstance(doc, int | float):
        return None
    return float(doc)


class Baseline:
    """A direct connection to the server's database, for the side tables and the timed SQL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith("postgres")
        self._pg: Any = None
        self._lite: aiosqlite.Connection | None = None

    async def open(self) -> None:
        if self.postgres:
            self._pg = await asyncpg.connect(self.url)
        else:
            self._lite = await aiosqlite.connect(self.url.removeprefix("sqlite://"))
            await self._lite.execute("PRAGMA busy_timeout = 30000")

    async def close(self) -> None:
        if self._pg is not None:
            await self._pg.close()
        if self._lite is not None:
            await self._lite.close()

    def _sql(self, query: str) -> str:
        if not self.postgres:
            return query
        out, n = [], 0
        for ch in query:
            if ch == "?":
                n += 1
                out.append(f"${n}")
            else:
                out.append(ch)
        return "".join(out)

    async def fetch(self, query: str, args: Sequence[Any] = ()) -> list[Any]:
        if self._pg is not None:
            return list(await self._pg.fetch(self._sql(query), *args))
        assert self._lite is not None
        async with self._lite.execute(query, list(args)) as cursor:
            return list(await cursor.fetchall())

    async def execute(self, query: str, args: Sequence[Any] = ()) -> None:
        if self._pg is not None:
            await self._pg.execute(self._sql(query), *args)
            return
        assert self._lite is not None
        await self._lite.execute(query, list(args))
        await self._lite.commit()

    async def executemany(self, query: str, rows: list[tuple[Any, ...]]) -> None:
        if self._pg is not None:
            await self._pg.executemany(self._sql(query), rows)
            return
        assert self._lite is not None
        await self._lite.executemany(query, rows)
        await self._lite.commit()

    async def build(self, project_id: int, sides: Sequence[Side]) -> dict[str, int]:
        """Create and fill every side table (dropped first); return their row counts."""
        rows = await self.fetch(
            "SELECT id, created_at, params, metrics FROM experiments WHERE project_id = ?",
            [project_id],
        )
        docs = [dict(zip(("id", "created_at", "params", "metrics"), r, strict=True)) for r in rows]
        counts: dict[str, int] = {}
        for side in sides:
            await self.execute(f"DROP TABLE IF EXISTS {side.table}")
            await self.execute(
                f"CREATE TABLE {side.table} (experiment_id BIGINT NOT NULL,"
                " k DOUBLE PRECISION, v DOUBLE PRECISION NOT NULL)"
            )
            values = []
            for d in docs:
                v = _value(d, side.sort)
                if v is not None:
                    values.append((d["id"], _value(d, side.key) if side.key else None, v))
            await self.executemany(
                f"INSERT INTO {side.table} (experiment_id, k, v) VALUES (?, ?, ?)", values
            )
            cols = "k, v, experiment_id" if side.key else "v, experiment_id"
            await self.execute(f"CREATE INDEX {side.table}_ix ON {side.table} ({cols})")
            await self.execute(f"ANALYZE {side.table}")
            counts[side.table] = len(values)
        return counts

    async def drop(self, sides: Sequence[Side]) -> None:
        for side in sides:
            await self.execute(f"DROP TABLE IF EXISTS {side.table}")

    def page_sql(self, side: Side, filtered: bool, after: bool) -> str:
        d = "DESC" if side.descending else "ASC"
        where = []
        if filtered:
            where.append("k = ?")
        if after:
            where.append(f"(v, experiment_id) {'<' if side.descending else '>'} (?, ?)")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return (
            f"SELECT {ROW_COLUMNS}, s.v FROM (SELECT experiment_id, v FROM {side.table}{clause}"
            f" ORDER BY v {d}, experiment_id {d} LIMIT 50) s"
            f" JOIN experiments e ON e.id = s.experiment_id ORDER BY s.v {d}, s.experiment_id {d}"
        )

    async def cursor_at(self, side: Side, row: int) -> tuple[float, int]:
        """(v, experiment_id) of the ``row``-th entry (0-based) in the side's order."""
        d = "DESC" if side.descending else "ASC"
        found = await self.fetch(
            f"SELECT v, experiment_id FROM {side.table} ORDER BY v {d}, experiment_id {d}"
            " LIMIT 1 OFFSET ?",
            [row],
        )
        return float(found[0][0]), int(found[0][1])

    async def explain(self, query: str, args: Sequence[Any]) -> list[str]:
        if self.postgres:
            return [str(r[0]) for r in await self.fetch("EXPLAIN " + query, args)]
        return [str(r[3]) for r in await self.fetch("EXPLAIN QUERY PLAN " + query, args)]

    async def timed(self, query: str, args: Sequence[Any]) -> tuple[float, list[Any]]:
        started = time.perf_counter()
        rows = await self.fetch(query, args)
        return time.perf_counter() - started, rows
