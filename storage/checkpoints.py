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
import logging
import sqlite3
import threading
from pathlib import Path

from storage.periodic import Periodic

log = logging.getLogger(__name__)


def sqlite_path(database_url: str) -> Path | None:
    if not database_url.startswith("sqlite://"):
        return None
    path = database_url[len("sqlite://") :].split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)


class Checkpointer(Periodic):
    """A background service of the app (see gitstudio.app.Service)."""

    def __init__(self, database_url: str, interval: float = 0.5) -> None:
        super().__init__(interval)
        self._path = sqlite_path(database_url)
        self._conn: sqlite3.Connection | None = None
        # The connection is used on a worker thread: a stop cancels the tick awaiting it
        # but not the thread, so the close waits for a checkpoint under way (closing a
        # connection while another thread runs a statement on it crashes the process).
        self._lock = threading.Lock()
        self._closed = False

    def enabled(self) -> bool:
        return self._path is not None

    async def start(self) -> None:
        self._closed = False
        await super().start()

    async def stop(self) -> None:
        await super().stop()
        await asyncio.to_thread(self._close)

    def _close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    async def tick(self) -> None:
        try:
            await asyncio.to_thread(self._checkpoint)
        except sqlite3.Error:  # busy or locked now: the next turn tries again
            log.debug("WAL checkpoint skipped", exc_info=True)

    def _checkpoint(self) -> None:
        with self._lock:
            if not self._closed:
                self._checkpoint_now()

    def _checkpoint_now(self) -> None:
        if self._conn is None:
            assert self._path is not None
            self._conn = sqlite3.connect(self._path, check_same_thread=False, timeout=0.1)
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
