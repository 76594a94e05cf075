"""SQLite WAL checkpoints off the write path.

In WAL mode SQLite copies the log back into the database file (a checkpoint, with its
fsyncs) inside whichever commit crosses ``wal_autocheckpoint``; under the live-metrics
writer that commit, and every request waiting on it, stalled for tens of milliseconds
(the p99 of ingest). The server instead checkpoints from its own connection on a worker
thread every half second (PASSIVE: never blocks readers or the writer), and the app's
connection only checkpoints past a much larger log as a safety net (storage.db). Nothing
to do on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)


def sqlite_path(database_url: str) -> Path | None:
    if not database_url.startswith("sqlite://"):
        return None
    path = database_url[len("sqlite://") :].split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)


class Checkpointer:
    """A background service of the app (see gitstudio.app.Service)."""

    def __init__(self, database_url: str, interval: float = 0.5) -> None:
        self._path = sqlite_path(database_url)
        self._interval = interval
        self._conn: sqlite3.Connection | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._path is not None and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await asyncio.to_thread(self._checkpoint)
            except sqlite3.Error:  # busy or locked now: the next turn tries again
                log.debug("WAL checkpoint skipped", exc_info=True)

    def _checkpoint(self) -> None:
        if self._conn is None:
            assert self._path is not None
            self._conn = sqlite3.connect(self._path, check_same_thread=False, timeout=0.1)
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
