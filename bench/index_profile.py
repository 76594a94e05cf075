"""A full index in process, timed by phase: where an index of a large repository goes.

    python -m bench.index_profile --repo DIR [--db sqlite|postgres] [--rounds 1]

Each round indexes ``--repo`` (``ProjectSyncer.create``, as a server does) into a fresh
SQLite file or a fresh PostgreSQL database on 127.0.0.1 (user postgres, dropped after) and
prints wall seconds, the process's CPU seconds, the phases of bench/phases.py (scan and
storage overlap: the scan reads a batch ahead of the writes) and the peak RSS of the
process so far. Run it under ``py-spy record --threads --native`` to see every thread.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.index_scale import postgres_database
from bench.phases import phase_timers
from gitstudio.settings import from_env
from storage import db, limits
from sync.git import Credentials
from sync.service import ProjectSyncer


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class ThreadCpu:
    """CPU seconds of this process's threads by name (the sync worker ``sync-*``, SQLite's
    ``Thread-*``, the loop's ``MainThread``...), read from /proc every 0.2 s while the
    index runs (a thread's last reading counts: threads end before the index returns)."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = os.sysconf("SC_CLK_TCK")

    def _read(self) -> None:
        names = {str(t.native_id): t.name for t in threading.enumerate()}
        for tid in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{tid}/stat") as stat:
                    head, _, tail = stat.read().rpartition(")")
            except OSError:
                continue
            fields = tail.split()
            name = names.get(tid) or self.seen.get(tid, (head.partition("(")[2], 0))[0]
            self.seen[tid] = (name, (int(fields[11]) + int(fields[12])) / self._tick)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self._read()

    def __enter__(self) -> ThreadCpu:
        self._read()
        self.before = dict(self.seen)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._read()

    def by_name(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for tid, (name, cpu) in self.seen.items():
            # aiosqlite's "Thread-2 (_connection_worker_thread)" -> "sqlite", "sync-1_0" -> "sync"
            key = "sqlite" if "connection_worker" in name else name.rstrip("0123456789_-")
            out[key] = out.get(key, 0.0) + cpu - self.before.get(tid, (name, 0.0))[1]
        return {k: v for k, v in out.items() if v >= 0.05}


async def _index(repo: Path, url: str, workdir: Path) -> dict[str, float]:
    await db.init_db(url)
    try:
        syncer = ProjectSyncer(workdir / "mirrors", Credentials())
        with phase_timers() as times, ThreadCpu() as threads:
            server = await _server_cpu()
            cpu, started = _cpu(), time.perf_counter()
            await syncer.create(str(repo.resolve()), "profile", "", None)
            elapsed = time.perf_counter() - started
            figures = times.snapshot(elapsed)
        figures["total"] = elapsed
        figures["cpu"] = _cpu() - cpu
        if db.is_postgres():
            after = await _server_cpu()
            figures["cpu[postgres]"] = sum(v - server.get(k, 0.0) for k, v in after.items())
        figures.update({f"cpu[{name}]": cpu for name, cpu in threads.by_name().items()})
        figures["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return figures
    finally:
        await db.close_db()


async def _server_cpu() -> dict[int, float]:
    """PostgreSQL: CPU seconds of each server process connected to this database (the pool's
    backends, on this machine); nothing on SQLite."""
    if not db.is_postgres():
        return {}
    rows = await db.fetch("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", [])
    out: dict[int, float] = {}
    for row in rows:
        try:
            with open(f"/proc/{row['pid']}/stat") as stat:
                fields = stat.read().rpartition(")")[2].split()
        except OSError:
            continue
        out[row["pid"]] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


async def round_(repo: Path, kind: str) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="index_profile-"))
    try:
        if kind == "sqlite":
            return await _index(repo, f"sqlite://{workdir / 'db.sqlite3'}", workdir)
        async with postgres_database("index_profile") as url:
            return await _index(repo, url, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


async def main(args: argparse.Namespace) -> None:
    limits.configure(from_env())  # GITSTUDIO_* settings from the environment apply
    rounds: list[dict[str, float]] = []
    for _ in range(args.rounds):
        with open("/proc/loadavg") as load:
            before = " ".join(load.read().split()[:3])
        figures = await round_(args.repo, args.db)
        rounds.append(figures)
        shown = ", ".join(f"{k} {v:.1f}" for k, v in figures.items())
        print(f"{args.db}: {shown} (load before {before})", flush=True)
    if len(rounds) > 1:
        medians = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
        print("median: " + ", ".join(f"{k} {v:.1f}" for k, v in medians.items()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(tempfile.gettempdir()) / "table_scale" / "repo10000"
    parser.add_argument("--repo", type=Path, default=default)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=1)
    asyncio.run(main(parser.parse_args()))
