"""The background checkpointer moves WAL pages into the database file without any commit
of the app doing it (storage/checkpoints.py)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

from storage.checkpoints import Checkpointer, sqlite_path


def test_sqlite_path_of_urls() -> None:
    assert sqlite_path("sqlite:///data/g.db?synchronous=NORMAL") == Path("/data/g.db")
    assert sqlite_path("postgres://u@h/db") is None
    assert sqlite_path("sqlite://:memory:") is None


async def test_wal_reaches_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")  # only the checkpointer may checkpoint
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for _ in range(2000)])
    before = path.stat().st_size
    assert (tmp_path / "g.db-wal").stat().st_size > 500_000
    checkpointer = Checkpointer(f"sqlite://{path}?synchronous=NORMAL", interval=0.05)
    await checkpointer.start()
    try:
        for _ in range(100):
            await asyncio.sleep(0.05)
            if path.stat().st_size > before + 500_000:
                break
    finally:
        await checkpointer.stop()
    assert path.stat().st_size > before + 500_000, "the rows were copied into the file"
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 2000
    conn.close()


async def test_nothing_runs_on_postgres(tmp_path: Path) -> None:
    checkpointer = Checkpointer("postgres://u@127.0.0.1/none")
    assert not checkpointer.enabled()
    await checkpointer.start()
    try:
        assert not checkpointer.running, "no loop on PostgreSQL"
    finally:
        await checkpointer.stop()
    on_sqlite = Checkpointer(f"sqlite://{tmp_path / 'g.db'}")  # the same calls start one
    await on_sqlite.start()
    try:
        assert on_sqlite.running
    finally:
        await on_sqlite.stop()
    assert not on_sqlite.running


async def test_a_stop_waits_for_the_checkpoint_under_way(tmp_path: Path) -> None:
    """The stop cancels the tick awaiting the worker thread, not the thread: the close
    waits for its checkpoint (closing under a running statement crashed the process)."""
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x TEXT)")
    checkpointer = Checkpointer(f"sqlite://{path}")
    entered, release = threading.Event(), threading.Event()
    checkpoint_now = checkpointer._checkpoint_now

    def slow_checkpoint() -> None:
        entered.set()
        release.wait(10)
        checkpoint_now()

    checkpointer._checkpoint_now = slow_checkpoint  # type: ignore[method-assign]
    running = asyncio.create_task(asyncio.to_thread(checkpointer._checkpoint))
    await asyncio.to_thread(entered.wait, 10)
    stopping = asyncio.create_task(checkpointer.stop())
    await asyncio.sleep(0)
    assert not stopping.done()
    release.set()
    await running
    await stopping
    assert checkpointer._conn is None and checkpointer._closed
    checkpointer._checkpoint()  # after the stop: nothing, no connection opened again
    assert checkpointer._conn is None
    conn.close()
