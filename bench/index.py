"""Full index (``ProjectSyncer.create`` on a fresh SQLite file) against its two baselines.

* ``index-vs-dvc``: a cold ``dvc exp show --json -A -f``; target at least 50x faster.
* ``index-vs-walk``: a bare pygit2 walk parsing the same files; target within 2x.

Runs are interleaved round-robin; figures are medians.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from pathlib import Path

from bench.baselines import DvcRun, bare_walk, dvc_exp_show
from bench.common import Figure, Options, Result, Target, log, median, timed
from bench.fixture import Fixture, IndexRun, full_index, median_phases
from bench.phases import phase_timers
from bench.profiling import write_profiles

CANDIDATE = "gitstudio ProjectSyncer.create (fetch + scan + storage)"


def _index(opts: Options, fixture: Fixture, label: str) -> IndexRun:
    return full_index(fixture.repo, opts.workdir / label)


def _phase_details(runs: list[IndexRun], revisions: int) -> dict[str, object]:
    phases = median_phases(runs)
    total = median([r.seconds for r in runs])
    return {
        "revisions": revisions,
        "index_ms_per_revision": 1000 * total / revisions,
        "index_phases_median_s": phases,
        "index_phase_share": {k: v / total for k, v in phases.items()},
    }


def _profile_index(opts: Options, fixture: Fixture, name: str) -> list[str]:
    """One extra, untimed index run with every phase under cProfile."""
    with phase_timers(profile=True) as times:
        full_index(fixture.repo, opts.workdir / f"{name}-profile", times)
    return write_profiles(times.profiles or {}, opts.results_dir, name)


def index_vs_dvc(opts: Options, fixture: Fixture) -> Result:
    index_runs = 3 if opts.quick else 4
    dvc_runs = 1 if opts.quick else 2
    runs: list[IndexRun] = []
    walks: list[float] = []  # the ceiling: what parsing alone costs
    dvc: list[DvcRun] = []
    for i in range(max(index_runs, dvc_runs)):
        if i < index_runs:
            runs.append(_index(opts, fixture, f"dvc-cmp-{i}"))
            walks.append(timed(lambda: bare_walk(fixture.repo)))
            log(f"index {runs[-1].seconds:.3f} s (walk alone {walks[-1]:.3f} s)")
        if i < dvc_runs:
            log("dvc exp show --json -A -f (cold) ...")
            dvc.append(dvc_exp_show(fixture.repo))
            log(f"dvc exp show {dvc[-1].seconds:.2f} s")
    candidate = Figure(CANDIDATE, "s", [r.seconds for r in runs])
    baseline = Figure(
        "dvc exp show --json -A -f, cold (.dvc/tmp removed)", "s", [d.seconds for d in dvc]
    )
    details = _phase_details(runs, fixture.revisions)
    details["dvc_rows"] = {
        "baselines_incl_workspace": dvc[0].baselines,
        "experiments": dvc[0].experiments,
    }
    details["dvc_ms_per_revision"] = 1000 * baseline.value / fixture.revisions
    details["walk_median_s"] = median(walks)
    details["dvc_over_walk_ceiling"] = baseline.value / median(walks)
    if opts.profile:
        details["profiles"] = _profile_index(opts, fixture, "index")
    return Result(
        name="index-vs-dvc",
        title=f"full index vs cold dvc exp show: {fixture.describe()}",
        candidate=candidate,
        baseline=baseline,
        ratio=baseline.value / candidate.value,
        ratio_label="dvc / index (speed-up)",
        ratio_format="x",
        target=Target(">=", 50.0),
        details=details,
    )


def index_vs_walk(opts: Options, fixture: Fixture) -> Result:
    rounds = 3 if opts.quick else 5
    runs: list[IndexRun] = []
    walks: list[float] = []
    for i in range(rounds):
        runs.append(_index(opts, fixture, f"walk-cmp-{i}"))
        walks.append(timed(lambda: bare_walk(fixture.repo)))
        log(f"index {runs[-1].seconds:.3f} s, walk {walks[-1]:.3f} s")
    revisions = bare_walk(fixture.repo)
    candidate = Figure(CANDIDATE, "s", [r.seconds for r in runs])
    baseline = Figure(
        "bare pygit2 walk + collect_revision, fresh BlobCache, no storage", "s", walks
    )
    details = _phase_details(runs, fixture.revisions)
    details["walk_revisions"] = revisions
    phases = median_phases(runs)
    details["scan_over_walk"] = phases["scan"] / baseline.value
    details["index_minus_fetch_over_walk"] = (candidate.value - phases["fetch"]) / baseline.value
    return Result(
        name="index-vs-walk",
        title=f"full index vs bare pygit2 walk: {fixture.describe()}",
        candidate=candidate,
        baseline=baseline,
        ratio=candidate.value / baseline.value,
        ratio_label="index / walk (slow-down)",
        ratio_format="x",
        target=Target("<=", 2.0),
        details=details,
    )


def _cpu_of(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one call in this process (CPU counts every thread)."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    fn()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, cpu


def index_over_walk(repo: Path, workdir: Path, rounds: int = 3) -> dict[str, float]:
    """Full index (SQLite, in process) against a bare walk of ``repo``, interleaved; wall
    and CPU medians. On a shared machine the CPU ratio is the steadier one."""
    index: list[tuple[float, float]] = []
    walk: list[tuple[float, float]] = []
    for i in range(rounds):
        root = workdir / f"index-{i}"
        index.append(_cpu_of(lambda: full_index(repo, root)))  # noqa: B023 (called at once)
        walk.append(_cpu_of(lambda: bare_walk(repo)))
        log(f"index {index[-1][0]:.2f} s ({index[-1][1]:.2f} CPU), walk {walk[-1][0]:.2f} s"
            f" ({walk[-1][1]:.2f} CPU)")  # fmt: skip
    figures = {
        "index_s": median([w for w, _ in index]),
        "index_cpu_s": median([c for _, c in index]),
        "walk_s": median([w for w, _ in walk]),
        "walk_cpu_s": median([c for _, c in walk]),
    }
    figures["wall_ratio"] = figures["index_s"] / figures["walk_s"]
    figures["cpu_ratio"] = figures["index_cpu_s"] / figures["walk_cpu_s"]
    return figures


if __name__ == "__main__":
    import argparse
    import tempfile

    from gitstudio.settings import Settings
    from storage import limits

    parser = argparse.ArgumentParser(description="index / bare walk on one repository")
    parser.add_argument("repo", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    limits.configure(Settings())
    with tempfile.TemporaryDirectory() as tmp, open("/proc/loadavg") as load:
        print(f"load average {' '.join(load.read().split()[:3])}")
        print(index_over_walk(args.repo, Path(tmp), args.rounds))
