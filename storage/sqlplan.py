"""SQL plans: a transaction's statements written once as a generator, run on either driver.

A plan yields :class:`Fetch` (answered with its rows, as dicts) and :class:`Many` (an
``executemany``, answered with None) and returns its result. On PostgreSQL it runs
statement by statement in a tortoise transaction. On SQLite the whole plan runs in one call
on aiosqlite's worker thread, under tortoise's lock of that one connection (``BEGIN
IMMEDIATE`` ... ``COMMIT``): one thread hop per transaction instead of one per statement,
which is what bounds a write when the event loop is busy (the live writer's flushes) and
what most of a small write costs when it is not (indexing the commit a mutation made).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionWrapper
from tortoise.transactions import in_transaction

from storage import db

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Fetch:
    """A statement answered with its rows: dicts, or tuples in the order of its columns
    when ``tuples`` (no dict per row: a page's rows built straight into records)."""

    sql: str
    args: Sequence[Any] = ()
    tuples: bool = False


@dataclass(frozen=True, slots=True)
class Many:
    sql: str
    rows: Sequence[Sequence[Any]]


def one(sql: str, args: Sequence[Any]) -> Many:
    """A single statement that returns nothing."""
    return Many(sql, [args])


Op = Fetch | Many
Plan = Generator[Op, Any, T]
# A plan of reads only (storage.db.fetch_plan runs it).
Reads = Generator[Fetch, Any, T]


async def run_plan(plan: Plan[T]) -> T:
    """Run ``plan`` in one transaction: one worker-thread call on SQLite, statement by
    statement elsewhere."""
    client = db.conn()
    # Inside a caller's transaction the plan joins it, statement by statement.
    if isinstance(client, SqliteClient) and not isinstance(client, SqliteTransactionWrapper):
        async with client.acquire_connection() as connection:
            execute = getattr(connection, "_execute", None)
            raw = getattr(connection, "_conn", None)
            if execute is not None and isinstance(raw, sqlite3.Connection):
                result: T = await execute(_drive_sqlite, plan, raw)
                return result
    async with in_transaction():
        return await _drive_async(plan)


def _drive_sqlite(plan: Plan[T], conn: sqlite3.Connection) -> T:
    conn.execute("BEGIN IMMEDIATE")
    try:
        answer: Any = None
        while True:
            try:
                op = plan.send(answer)
            except StopIteration as done:
                conn.execute("COMMIT")
                result: T = done.value
                return result
            if isinstance(op, Fetch):
                found = conn.execute(op.sql, op.args).fetchall()
                answer = [tuple(r) if op.tuples else dict(r) for r in found]
            else:
                if op.rows:
                    conn.executemany(op.sql, op.rows)
                answer = None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


async def _drive_async(plan: Plan[T]) -> T:
    answer: Any = None
    while True:
        try:
            op = plan.send(answer)
        except StopIteration as done:
            result: T = done.value
            return result
        if isinstance(op, Fetch):
            answer = await db.fetch(op.sql, op.args)
            if op.tuples:
                answer = [tuple(r.values()) for r in answer]
        else:
            await db.execute_many(op.sql, op.rows)
            answer = None
