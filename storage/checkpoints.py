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

    def enabled(self) -> bool:
        return self._path is not None

    async def stop(self) -> None:
        await super().stop()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    async def tick(self) -> None:
        try:
            await asyncio.to_thread(self._checkpoint)
        except sqlite3.Error:  # busy or locked now: the next turn tries again
            log.debug("WAL checkpoint skipped", exc_info=True)

    def _checkpoint(self) -> None:
        if self._conn is None:
            assert self._path is not None
            self._conn = sqlite3.connect(self._path, check_same_thread=False, timeout=0.1)
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
