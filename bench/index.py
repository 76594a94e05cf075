"""Full index (``ProjectSyncer.create`` on a fresh SQLite file) against its two baselines.

* ``index-vs-dvc``: a cold ``dvc exp show --json -A -f``; target at least 50x faster.
* ``index-vs-walk``: a bare pygit2 walk parsing the same files; target within 2x.

Runs are interleaved round-robin; figures are medians.
"""

from __future__ import annotations

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
