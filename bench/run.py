"""Run the gitstudio benchmarks: ``python bench/run.py [--quick] [--only NAME] [--profile]``.

Each benchmark measures its candidate and its baseline in this run and reports the ratio
against the target from the performance issue; see bench/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import bench.* from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import importlib
import logging
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from typing import cast

from bench.common import Options, Result
from bench.fixture import Fixture, make_fixture
from bench.report import machine, print_result, print_summary, write_json

# A benchmark returns one Result, or several when it checks several targets (fanout).
Benchmark = Callable[[Options, Fixture], Result | list[Result]]

# name -> (module, function); imported lazily so that one broken import (the rest of the
# repository changes concurrently) fails one benchmark, not the runner.
BENCHMARKS: dict[str, tuple[str, str]] = {
    "index-vs-dvc": ("bench.index", "index_vs_dvc"),
    "index-vs-walk": ("bench.index", "index_vs_walk"),
    "resync": ("bench.resync", "resync"),
    # two results: compiled query plans on (graphql-http) and off (graphql-no-plans)
    "graphql-http": ("bench.graphql_http", "graphql_http"),
    "table-values": ("bench.table_values", "table_values"),
    # CSV export of the 40,000 rows of the cached 10,000-commit project vs csv.writer
    "table-csv": ("bench.table", "table_csv"),
    "ingest": ("bench.ingest", "ingest"),
    "fanout": ("bench.fanout", "fanout"),
    # two results: server RSS with 10,000 idle subscribers, and an event to the last of them
    "idle-subscribers": ("bench.idle_subscribers", "idle_subscribers"),
    "registry": ("bench.registry", "registry"),
    "run-experiment": ("bench.run_experiment", "run_experiment"),
    # four results: 100 revisions vs dvc plots diff, 7 rows of 10,000 commits; warm and cold
    "plots": ("bench.plots", "plots"),
    # four results (issue 16, headless Chromium): the demo table's first render, scrolling the
    # 40,000-row table, a live run's steps in the page, the dashboard's assets gzip -9
    "web": ("bench.web", "web"),
}
RESULTS_DIR = Path(__file__).resolve().parent / "results"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, shorter loads")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        default=[],
        help=f"run only these (repeatable or comma-separated): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also write cProfile output of each candidate to bench/results/",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is not met"
    )
    return parser


def _selected(only: list[str]) -> list[str]:
    names = [n.strip() for item in only for n in item.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s) {unknown}; choose from {list(BENCHMARKS)}")
    return [n for n in BENCHMARKS if not names or n in names]


def _load(name: str) -> Benchmark:
    module, function = BENCHMARKS[name]
    return cast(Benchmark, getattr(importlib.import_module(module), function))


def _run_all(names: list[str], opts: Options) -> tuple[list[Result], dict[str, str]]:
    started = time.perf_counter()
    fixture = make_fixture(opts.workdir)
    print(f"fixture: {fixture.describe()}, generated in {time.perf_counter() - started:.1f} s\n")
    results: list[Result] = []
    errors: dict[str, str] = {}
    for name in names:
        print(f"[{name}]", flush=True)
        try:
            outcome = _load(name)(opts, fixture)
        except Exception:
            errors[name] = traceback.format_exc()
            print(f"  ERROR\n{errors[name]}", flush=True)
            continue
        for result in outcome if isinstance(outcome, list) else [outcome]:
            print(f"  {result.title}")
            print_result(result)
            results.append(result)
    return results, errors


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    names = _selected(args.only)
    logging.basicConfig(level=logging.WARNING)
    workdir = Path(tempfile.mkdtemp(prefix="gitstudio-bench-"))
    opts = Options(quick=args.quick, workdir=workdir, results_dir=RESULTS_DIR, profile=args.profile)
    print(f"gitstudio benchmarks ({'quick' if args.quick else 'full'}): {', '.join(names)}")
    print(f"machine: {machine()}; workdir {workdir}\n")
    started = time.perf_counter()
    try:
        results, errors = _run_all(names, opts)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print_summary(results, errors)
    out = RESULTS_DIR / "latest.json"
    write_json(out, results, errors, args.quick, elapsed)
    print(f"\n{len(results)} benchmark(s) in {elapsed:.0f} s; results written to {out}")
    if errors or (args.strict and not all(r.met for r in results)):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
