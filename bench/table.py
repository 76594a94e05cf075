"""The experiments table at scale (issue 15): CSV export of every row of bench/scale_repo.py's
10,000-commit project (40,000 rows) against Python's csv module writing the same rows.

    python -m bench.table [--quick] [--cache DIR]

The candidate is ``GET /api/projects/{id}/experiments.csv`` answered in process by the app
(httpx's ASGI transport: the gate, the arguments read as GraphQL reads them, the table's
keyset pages of GITSTUDIO_MAX_PAGE_SIZE rows, each row's cells, csv.writer), every column of
the project, the body read to its end. The baseline is ``csv.writer(...).writerows`` of the
answer's own rows (parsed back: the same strings) into a StringIO, in the same run and
process, whose collector is set as ``gitstudio serve`` sets it (gitstudio.cli.tune_gc). The
target: the export streams at >= 30 % of the baseline's speed (baseline s / export s).
Reported beside it, a plain script doing the same job without the app: one SELECT of the
project's rows in the table's default order on the SQLite file, both documents parsed,
the cells looked up (storage.cells.lookup), csv.writer into a StringIO: the cost of the
work itself, with no paging, gate or HTTP.
The repository and its index are cached as bench/plots.py caches them (``<tmp>/scale``).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import io
import os
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import PROJECT, Fixture
from bench.plots import SCALE_COMMITS, Session, _scale_data, served
from bench.report import print_result
from bench.scale_repo import scale_repo
from gitstudio.cli import tune_gc
from gitstudio.settings import Settings
from storage import queries
from storage.cells import lookup, place, split_column_key

PLAIN = (
    "SELECT kind, sha, name, baseline_sha, status, author_name, author_email, message,"
    " created_at, params, metrics FROM experiments WHERE project_id = ?"
    " ORDER BY created_at DESC, id DESC"
)

TARGET = 0.30


async def _export(session: Session, project_id: int) -> tuple[float, bytes, float, float]:
    """Seconds of one export, its body, and the CPU seconds it took: of the process (the
    SQLite reader's thread too) and of the event loop's thread alone."""
    gc.collect()  # the collector's debts of the work before (the rows parsed) paid before
    started, cpu, loop = time.perf_counter(), time.process_time(), time.thread_time()
    response = await session.client.get(
        f"/api/projects/{project_id}/experiments.csv",
        headers={"Authorization": f"token {session.token}"},
    )
    elapsed = time.perf_counter() - started
    cpu, loop = time.process_time() - cpu, time.thread_time() - loop
    if response.status_code != 200:
        raise RuntimeError(f"unexpected answer: {response.status_code} {response.text[:500]}")
    return elapsed, response.content, cpu, loop


def _write(rows: list[list[str]]) -> tuple[float, float]:
    """Seconds and CPU seconds of csv.writer writing ``rows`` (the fastest of a few: never
    the slow side)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        out = io.StringIO()
        gc.collect()
        started, cpu = time.perf_counter(), time.thread_time()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.thread_time() - cpu)
    return best, best_cpu


def _plain(database: Path, project_id: int, columns: list[str]) -> float:
    """Seconds of the plain script (see the module's doc)."""
    places = [place(*split_column_key(c)) for c in columns]
    gc.collect()
    started = time.perf_counter()
    connection = sqlite3.connect(database)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in connection.execute(PLAIN, [project_id]):
        documents = {"params": orjson.loads(row[9]), "metrics": orjson.loads(row[10])}
        writer.writerow([*row[:9], *lookup(documents.__getitem__, places)])
    connection.close()
    return time.perf_counter() - started


async def measure(data_dir: Path, repo: Path, rounds: int) -> dict[str, Any]:
    """Both sides in one process whose collector is set as `gitstudio serve` sets it (the
    bench measures what serve runs); bench/run.py's later benches get the settings back."""
    thresholds = gc.get_threshold()
    tune_gc()
    try:
        return await _measure(data_dir, repo, rounds)
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


async def _measure(data_dir: Path, repo: Path, rounds: int) -> dict[str, Any]:
    load = [os.getloadavg()]
    async with served(Settings(data_dir=data_dir), repo) as session:
        (data_dir / "indexed").touch()
        project = await queries.project_by_name(PROJECT)
        assert project is not None
        first, body, _cpu, _loop = await _export(session, project.id)
        rows = list(csv.reader(io.StringIO(body.decode())))
        columns = rows[0][8:]
        exports, writes, plain, cpu, loop, write_cpu = [], [], [], [], [], []
        for _ in range(rounds):
            elapsed, _body, process, thread = await _export(session, project.id)
            exports.append(elapsed)
            cpu.append(process)
            loop.append(thread)
            written, written_cpu = _write(rows)
            writes.append(written)
            write_cpu.append(written_cpu)
            plain.append(_plain(data_dir / "gitstudio.db", project.id, columns))
    load.append(os.getloadavg())
    return {
        "rows": len(rows) - 1,
        "columns": len(rows[0]),
        "bytes": len(body),
        "first": first,
        "export": exports,
        "csv": writes,
        "plain": plain,
        "export_cpu": cpu,
        "export_loop_cpu": loop,
        "csv_cpu": write_cpu,
        "load": load,
    }


def table_csv(opts: Options, fixture: Fixture) -> Result:
    """bench/run.py's entry: the cached 10,000-commit project (generated if missing)."""
    cache = Path(tempfile.gettempdir()) / "scale"
    return _result(opts, cache)


def _result(opts: Options, cache: Path) -> Result:
    repo = scale_repo(cache, SCALE_COMMITS)
    found = asyncio.run(measure(_scale_data(cache), repo.path, 2 if opts.quick else 5))
    export, write = median(found["export"]), median(found["csv"])
    plain = median(found["plain"])
    log(f"plain script (SELECT, parse, lookup, csv.writer): {plain:.2f} s, {plain / export:.0%}")
    cpu, loop = median(found["export_cpu"]), median(found["export_loop_cpu"])
    write_cpu = median(found["csv_cpu"])
    log(
        f"CPU (a loaded machine's fairer figure): export {cpu:.2f} s (event loop's thread"
        f" {loop:.2f} s), csv.writer {write_cpu:.3f} s: {write_cpu / cpu:.1%}"
        f" ({write_cpu / loop:.1%} of the loop's)"
    )
    log(
        f"{found['rows']:,} rows x {found['columns']} columns, {found['bytes']:,} bytes; first"
        f" export {found['first']:.2f} s; load {found['load'][0][0]:.2f} ->"
        f" {found['load'][1][0]:.2f}"
    )
    return Result(
        name="table-csv",
        title=f"CSV export of every row of a {SCALE_COMMITS:,}-commit project vs csv.writer",
        candidate=Figure("GET experiments.csv in process (SQLite)", "s", found["export"]),
        baseline=Figure("csv.writer(StringIO).writerows of the same rows", "s", found["csv"]),
        ratio=write / export,
        ratio_label="export speed / csv.writer speed",
        ratio_format="%",
        target=Target(">=", TARGET),
        details={
            "rows": found["rows"],
            "columns": found["columns"],
            "bytes": found["bytes"],
            "first_export_s": found["first"],
            "plain_script_s": found["plain"],
            "plain_script_ratio": plain / export,
            "export_cpu_s": found["export_cpu"],
            "export_loop_cpu_s": found["export_loop_cpu"],
            "csv_writer_cpu_s": found["csv_cpu"],
            "cpu_ratio": write_cpu / cpu,
            "load_average": found["load"],
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "scale")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-table-") as tmp:
        opts = Options(args.quick, Path(tmp), Path(tmp), False)
        print_result(_result(opts, args.cache))


if __name__ == "__main__":
    main()
