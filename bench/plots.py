"""Plots (issue 14): ``Project.plots(ids)`` through the real GraphQL pipeline.

* ``plots-vs-dvc``: the plots of 100 revisions of the fixture repository (100 commits x 3
  experiments) against ``dvc plots diff --json`` of the same 100 revisions (the CLI, a
  subprocess); target at least 50x faster. Timed warm (the plot cache kept) and, as
  ``plots-vs-dvc-cold``, with the plot cache emptied before each request.
* ``plots-7-rows``: the plots of 7 rows of bench/scale_repo.py's 10,000-commit repository
  (40,000 rows); target under 100 ms warm; ``plots-7-rows-cold`` the same with the plot cache
  emptied.

The candidate is one POST /graphql answered in process by the app (httpx's ASGI transport:
token check, compiled plan, resolvers.plots.charts reading the project's mirror, dvc's
renderer, JSON encoding of the answer) of ``project(name) { plots(ids) { id kind spec } }``.
The answers are checked against dvc's first (the same plot ids, each plot's data rows the
same apart from their ``rev`` label) so an empty answer is never timed.

    python -m bench.plots [--quick] [--only dvc|scale] [--cache DIR] [--profile]

The 10,000-commit repository is cached as bench/scale.py caches it (``<tmp>/scale``, about
5 minutes to generate), and its index in ``<cache>/plots-data10000`` (about a minute).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pygit2

import resolvers.plots
from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import PROJECT, Fixture, make_fixture
from bench.phases import step_timers
from bench.profiling import write_profiles
from bench.report import print_result, print_summary
from bench.scale_repo import ScaleRepo, scale_repo
from gitstudio.app import create_app
from gitstudio.settings import Settings
from resolvers.caches import Caches
from schema.relay import to_global_id
from storage import db, queries
from storage.tokens import Scope, create_token
from sync.dvcproject import BlobCache
from sync.git import Credentials
from sync.service import ProjectSyncer

QUERY = """query Plots($name: String!, $ids: [ID!]!) {
  project(name: $name) { plots(ids: $ids) { id kind spec } }
}"""
# Files every chosen revision must hold: the stage's plot and DVCLive's series (the
# generator writes the TSV from its fourth commit on).
PLOT_FILES = ("plots/loss.csv", "dvclive/plots/metrics/train/loss.tsv")
REVISIONS = 100
SCALE_ROWS = 7
SCALE_COMMITS = 10_000
SCALE_BOUND_S = 0.100
DVC_PLOTS = ("plots", "diff", "--json")
SIDES = {"warm": "the plot cache kept", "cold": "the plot cache emptied before each"}
# Where a request's time goes (resolvers.plots looks both up at call time, in its thread).
STEPS = ((resolvers.plots, "at_commits", "read"), (resolvers.plots, "render", "render"))


@dataclass(frozen=True, slots=True)
class Row:
    id: int
    sha: str
    kind: str

    @property
    def global_id(self) -> str:
        return to_global_id("Experiment", self.id)


@dataclass(slots=True)
class Session:
    """The app in process with a READ token, and its caches."""

    client: httpx.AsyncClient
    token: str
    caches: Caches
    cache_entries: int

    async def plots(self, ids: list[str]) -> tuple[float, list[dict[str, Any]]]:
        """Seconds until the answer is in (not decoded: the figure is the server's), and the
        decoded plots."""
        started = time.perf_counter()
        response = await self.client.post(
            "/graphql",
            json={"query": QUERY, "variables": {"name": PROJECT, "ids": ids}},
            headers={"Authorization": f"token {self.token}"},
        )
        elapsed = time.perf_counter() - started
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"unexpected answer: {response.status_code} {str(body)[:500]}")
        plots: list[dict[str, Any]] = body["data"]["project"]["plots"]
        return elapsed, plots

    def empty_cache(self) -> None:
        """What a request finds after a restart, with the modules imported already."""
        self.caches.plot_blobs = BlobCache(self.cache_entries)


@asynccontextmanager
async def served(settings: Settings, repo: Path) -> AsyncIterator[Session]:
    """``repo`` indexed as project ``bench`` (unless it is already) and the app serving it."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    await db.init_db(settings.effective_database_url)
    try:
        if await queries.project_by_name(PROJECT) is None:
            started = time.perf_counter()
            await ProjectSyncer(settings.mirrors_dir, Credentials()).create(
                str(repo), PROJECT, "", None
            )
            log(f"indexed {repo.name} in {time.perf_counter() - started:.1f} s")
        _row, token = await create_token("bench-plots", frozenset({Scope.READ}))
        app = create_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            caches = app.state.gitstudio.caches
            yield Session(client, token, caches, settings.plot_cache_entries)
    finally:
        await db.close_db()


async def project_rows() -> list[Row]:
    """Every row of the project with a commit, oldest id first."""
    project = await queries.project_by_name(PROJECT)
    assert project is not None
    found = await db.fetch(
        "SELECT id, sha, kind FROM experiments WHERE project_id = ? AND sha IS NOT NULL"
        " ORDER BY id",
        [project.id],
    )
    return [Row(r["id"], r["sha"], r["kind"]) for r in found]


def with_plot_data(repo: Path, rows: list[Row]) -> list[Row]:
    """The rows whose commit holds every file of PLOT_FILES (read from the source)."""
    git = pygit2.Repository(str(repo))
    kept: list[Row] = []
    for row in rows:
        commit = git.get(row.sha)
        if isinstance(commit, pygit2.Commit) and all(p in commit.tree for p in PLOT_FILES):
            kept.append(row)
    return kept


def spread(rows: list[Row], n: int) -> list[Row]:
    """``n`` rows evenly spaced over ``rows`` (so they share as few blobs as rows can)."""
    if len(rows) < n:
        raise RuntimeError(f"only {len(rows)} rows hold {PLOT_FILES}, {n} wanted")
    return [rows[int((i + 0.5) * len(rows) / n)] for i in range(n)]


def dvc_plots_diff(repo: Path, shas: list[str]) -> tuple[float, dict[str, Any]]:
    """Wall seconds of ``python -m dvc plots diff --json SHA...`` in ``repo`` (``.dvc/tmp``
    removed first) and its answer's ``data``."""
    shutil.rmtree(repo / ".dvc" / "tmp", ignore_errors=True)
    env = {**os.environ, "DVC_NO_ANALYTICS": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dvc", *DVC_PLOTS, *shas],
        cwd=repo,
        env=env,
        capture_output=True,
        check=False,
        timeout=900,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace")[-800:]
        raise RuntimeError(f"dvc {' '.join(DVC_PLOTS)} failed ({done.returncode}): {tail}")
    answer: dict[str, Any] = json.loads(done.stdout)
    if answer.get("errors"):
        raise RuntimeError(f"dvc plots diff reported errors: {str(answer['errors'])[:500]}")
    return elapsed, answer["data"]


def _data_rows(spec: dict[str, Any] | None) -> Counter[str]:
    """A spec's data rows without their ``rev`` label, as a multiset."""
    values = ((spec or {}).get("data") or {}).get("values") or []
    return Counter(
        json.dumps({k: v for k, v in r.items() if k != "rev"}, sort_keys=True) for r in values
    )


def check_agree(ours: list[dict[str, Any]], theirs: dict[str, Any]) -> dict[str, int]:
    """Raise unless both answers have the same plot ids and, per plot, the same data rows
    apart from their labels; returns the data rows per plot id."""
    mine: dict[str, Counter[str]] = {}
    for plot in ours:
        mine.setdefault(plot["id"], Counter()).update(_data_rows(plot["spec"]))
    dvc: dict[str, Counter[str]] = {}
    for plot_id, entries in theirs.items():
        for entry in entries:
            dvc.setdefault(plot_id, Counter()).update(_data_rows(entry.get("content")))
    if set(mine) != set(dvc):
        raise RuntimeError(f"plot ids differ: gitstudio {sorted(mine)}, dvc {sorted(dvc)}")
    for plot_id, rows in dvc.items():
        if mine[plot_id] != rows:
            raise RuntimeError(
                f"{plot_id}: {mine[plot_id].total()} data rows, dvc {rows.total()}"
                f" ({len(mine[plot_id] - rows)} not in dvc's, {len(rows - mine[plot_id])} missing)"
            )
    counts = {plot_id: rows.total() for plot_id, rows in dvc.items()}
    if not counts or min(counts.values()) == 0:
        raise RuntimeError(f"a plot without data rows: {counts}")
    return counts


@dataclass(slots=True)
class Timings:
    """Seconds per request, ``cold`` (the plot cache emptied before) and ``warm``, and where
    each kind spent them (medians per request: the read and render steps, the rest)."""

    cold: list[float]
    warm: list[float]
    cold_split: dict[str, float]
    warm_split: dict[str, float]


async def _timed(
    session: Session, ids: list[str], runs: int, cold: bool
) -> tuple[list[float], dict[str, float]]:
    seconds: list[float] = []
    steps: dict[str, list[float]] = {phase: [] for _m, _a, phase in STEPS}
    with step_timers(STEPS) as times:
        for _ in range(runs):
            if cold:
                session.empty_cache()
            times.reset()
            seconds.append((await session.plots(ids))[0])
            for phase, found in steps.items():
                found.append(times.seconds.get(phase, 0.0))
    split = {phase: median(found) for phase, found in steps.items()}
    split["graphql+json"] = max(0.0, median(seconds) - sum(split.values()))
    return seconds, split


async def time_plots(session: Session, ids: list[str], cold: int, warm: int) -> Timings:
    """``cold`` requests, each after emptying the plot cache, then ``warm`` ones."""
    cold_s, cold_split = await _timed(session, ids, cold, cold=True)
    warm_s, warm_split = await _timed(session, ids, warm, cold=False)
    return Timings(cold_s, warm_s, cold_split, warm_split)


async def profile_plots(session: Session, ids: list[str], opts: Options, name: str) -> list[str]:
    """With ``--profile``: one cold and five warm requests (untimed), the read and render
    steps each under cProfile in the thread they run in."""
    if not opts.profile:
        return []
    with step_timers(STEPS, profile=True) as times:
        session.empty_cache()
        for _ in range(6):
            await session.plots(ids)
    return write_profiles(times.profiles or {}, opts.results_dir, name)


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def _split(split: dict[str, float]) -> str:
    return ", ".join(f"{k} {_ms(v)}" for k, v in split.items())


async def _versus_dvc(opts: Options, repo: Path) -> dict[str, Any]:
    settings = Settings(data_dir=opts.workdir / "plots-data")
    rounds = 2 if opts.quick else 3
    load = [os.getloadavg()]
    async with served(settings, repo) as session:
        picked = spread(with_plot_data(repo, await project_rows()), REVISIONS)
        ids, shas = [r.global_id for r in picked], [r.sha for r in picked]
        first, ours = await session.plots(ids)
        dvc_s, theirs = dvc_plots_diff(repo, shas)
        rows = check_agree(ours, theirs)
        log(f"answers agree: {rows} data rows per plot; first request {_ms(first)}")
        dvc, rounds_found = [dvc_s], []
        for i in range(rounds):
            if i:
                dvc.append(dvc_plots_diff(repo, shas)[0])
            found = await time_plots(session, ids, 2, 5 if opts.quick else 10)
            rounds_found.append(found)
            log(
                f"round {i + 1}: dvc plots diff {dvc[-1]:.2f} s; gitstudio cold"
                f" {_ms(median(found.cold))} ({_split(found.cold_split)}), warm"
                f" {_ms(median(found.warm))} ({_split(found.warm_split)});"
                f" load {os.getloadavg()[0]:.2f}"
            )
        profiles = await profile_plots(session, ids, opts, "plots-100")
    load.append(os.getloadavg())
    return {
        "kinds": Counter(r.kind for r in picked),
        "rows": rows,
        "first": first,
        "dvc": dvc,
        "cold": [x for f in rounds_found for x in f.cold],
        "warm": [x for f in rounds_found for x in f.warm],
        "cold_split": _median_split([f.cold_split for f in rounds_found]),
        "warm_split": _median_split([f.warm_split for f in rounds_found]),
        "load": load,
        "profiles": profiles,
    }


def _median_split(splits: list[dict[str, float]]) -> dict[str, float]:
    return {k: median([s[k] for s in splits]) for k in splits[0]}


def versus_dvc(opts: Options, fixture: Fixture) -> list[Result]:
    found = asyncio.run(_versus_dvc(opts, fixture.repo))
    kinds = ", ".join(f"{n} {k.lower()}s" for k, n in sorted(found["kinds"].items()))
    title = f"plots of {REVISIONS} revisions ({kinds}) vs dvc plots diff --json of the same"
    baseline = Figure(f"dvc {' '.join(DVC_PLOTS)} of the {REVISIONS} shas (CLI)", "s", found["dvc"])
    details = {
        "data_rows": found["rows"],
        "first_request_s": found["first"],
        "load_average": found["load"],
        "profiles": found["profiles"],
    }
    sides = (
        ("plots-vs-dvc", "warm", found["warm"], found["warm_split"]),
        ("plots-vs-dvc-cold", "cold", found["cold"], found["cold_split"]),
    )
    return _results(
        sides,
        title,
        baseline,
        lambda s: baseline.value / median(s),
        "dvc / gitstudio (speed-up)",
        Target(">=", 50.0),
        details,
    )


async def _seven_rows(opts: Options, repo: ScaleRepo, data_dir: Path) -> dict[str, Any]:
    load = [os.getloadavg()]
    async with served(Settings(data_dir=data_dir), repo.path) as session:
        (data_dir / "indexed").touch()
        rows = await project_rows()
        picked = spread(with_plot_data(repo.path, rows), SCALE_ROWS)
        ids = [r.global_id for r in picked]
        first, ours = await session.plots(ids)
        if not ours or not all(_data_rows(p["spec"]) for p in ours if p["kind"] == "VEGA"):
            raise RuntimeError(f"no data in the answer: {str(ours)[:300]}")
        found = await time_plots(session, ids, 3 if opts.quick else 5, 10 if opts.quick else 20)
        profiles = await profile_plots(session, ids, opts, "plots-7-rows")
    load.append(os.getloadavg())
    return {
        "rows": len(rows),
        "picked": Counter(r.kind for r in picked),
        "plots": Counter(p["id"] for p in ours),
        "first": first,
        "timings": found,
        "load": load,
        "profiles": profiles,
    }


def _scale_data(cache: Path) -> Path:
    """The data directory holding ``repo``'s index, kept between runs; started afresh when
    the repository was generated after it or an index did not finish."""
    data_dir = cache / f"plots-data{SCALE_COMMITS}"
    done = data_dir / "indexed"
    marker = cache / f"repo{SCALE_COMMITS}.json"
    if not done.exists() or done.stat().st_mtime < marker.stat().st_mtime:
        shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir


def seven_rows(opts: Options, cache: Path) -> list[Result]:
    repo = scale_repo(cache, SCALE_COMMITS)
    log(f"repository {repo.path} ({repo.source}); load {os.getloadavg()[0]:.2f}")
    found = asyncio.run(_seven_rows(opts, repo, _scale_data(cache)))
    timings: Timings = found["timings"]
    log(
        f"first request in the process {_ms(found['first'])}; cold {_split(timings.cold_split)};"
        f" warm {_split(timings.warm_split)}; plots {dict(found['plots'])};"
        f" load {found['load'][0][0]:.2f} -> {found['load'][1][0]:.2f}"
    )
    kinds = ", ".join(f"{n} {k.lower()}s" for k, n in sorted(found["picked"].items()))
    title = (
        f"plots of {SCALE_ROWS} rows ({kinds}) of a {SCALE_COMMITS:,}-commit project"
        f" ({found['rows']:,} rows)"
    )
    bound = Figure("the bound of issue 14", "s", [SCALE_BOUND_S])
    details = {
        "first_request_s": found["first"],
        "load_average": found["load"],
        "profiles": found["profiles"],
    }
    sides = (
        ("plots-7-rows", "warm", timings.warm, timings.warm_split),
        ("plots-7-rows-cold", "cold", timings.cold, timings.cold_split),
    )
    return _results(
        sides,
        title,
        bound,
        lambda s: median(s) / SCALE_BOUND_S,
        f"gitstudio / {_ms(SCALE_BOUND_S)}",
        Target("<", 1.0),
        details,
    )


Side = tuple[str, str, list[float], dict[str, float]]  # name, warm/cold, timings, split


def _results(
    sides: Sequence[Side],
    title: str,
    baseline: Figure,
    ratio: Callable[[list[float]], float],
    ratio_label: str,
    target: Target,
    details: dict[str, Any],
) -> list[Result]:
    """One result per side (warm, cold) of a measure against the same baseline."""
    return [
        Result(
            name=name,
            title=f"{title} ({label})",
            candidate=Figure(
                f"POST /graphql plots(ids), in process (SQLite); {SIDES[label]}", "s", s
            ),
            baseline=baseline,
            ratio=ratio(s),
            ratio_label=ratio_label,
            ratio_format="x",
            target=target,
            details={**details, f"{label}_split_s": split},
        )
        for name, label, s, split in sides
    ]


def default_cache() -> Path:
    return Path(tempfile.gettempdir()) / "scale"  # bench/scale.py's


def plots(opts: Options, fixture: Fixture) -> list[Result]:
    """bench/run.py's entry: both measures (the 10,000-commit one from its cache)."""
    return versus_dvc(opts, fixture) + seven_rows(opts, default_cache())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--only", choices=("dvc", "scale"), help="one of the two measures")
    parser.add_argument(
        "--cache",
        type=Path,
        default=default_cache(),
        help="where the 10,000-commit repository is kept",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the read and render steps")
    args = parser.parse_args(argv)
    results_dir = Path(__file__).resolve().parent / "results"
    with tempfile.TemporaryDirectory(prefix="gitstudio-plots-") as tmp:
        opts = Options(
            quick=args.quick, workdir=Path(tmp), results_dir=results_dir, profile=args.profile
        )
        print(f"load average {os.getloadavg()}")
        results: list[Result] = []
        if args.only != "scale":
            results += versus_dvc(opts, make_fixture(opts.workdir))
        if args.only != "dvc":
            results += seven_rows(opts, args.cache)
    for result in results:
        print(f"[{result.name}] {result.title}")
        print_result(result)
    print_summary(results, {})
    print(f"load average {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
