"""Re-sync after one new commit (``ProjectSyncer.sync``) against a full index.

One long-lived syncer and database (as in a server) index a copy of the fixture once; each
round then adds a commit to the copy and times ``sync``, interleaved with a fresh full index
of the pristine fixture. Target: the re-sync under 5% of the full index (medians).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import PROJECT, Fixture, IndexRun, full_index, median_phases, sqlite_url
from bench.phases import PhaseTimes, phase_timers
from bench.profiling import write_profiles
from storage import db
from storage.models import Project
from sync.generate import add_commit
from sync.git import Credentials
from sync.service import ProjectSyncer, SyncReport

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Resync:
    seconds: float
    phases: dict[str, float]
    report: SyncReport


class Session:
    """A syncer and a database that outlive the rounds; each round opens its own loop."""

    def __init__(self, repo: Path, root: Path) -> None:
        self.repo = repo
        self.root = root
        self.syncer = ProjectSyncer(root / "mirrors", Credentials())

    async def _create(self) -> None:
        await self.syncer.create(str(self.repo), PROJECT, "", None)

    async def _sync(self, times: PhaseTimes) -> Resync:
        project = await Project.get(name=PROJECT)
        times.reset()
        started = time.perf_counter()
        report = await self.syncer.sync(project)
        elapsed = time.perf_counter() - started
        return Resync(elapsed, times.snapshot(elapsed), report)

    async def _open(self) -> None:
        await db.init_db(sqlite_url(self.root))

    def create(self) -> None:
        self.root.mkdir(parents=True)
        asyncio.run(self._with_db(self._create()))

    def sync(self, times: PhaseTimes) -> Resync:
        return asyncio.run(self._with_db(self._sync(times)))

    async def _with_db(self, work: Coroutine[Any, Any, T]) -> T:
        await self._open()
        try:
            return await work
        finally:
            await db.close_db()


def _params(i: int) -> str:
    return (
        f"lr: {0.001 * (i + 1):.4f}\nepochs: {5 + i % 7}\n"
        "model:\n  depth: 4\n  width: 64\n  activation: relu\n"
        f"seed: {1000 + i}\nuse_bias: true\nlayers: [8, 16, 32]\n"
    )


def resync(opts: Options, fixture: Fixture) -> Result:
    rounds = 3 if opts.quick else 5
    repo = fixture.copy(opts.workdir / "resync-repo")
    session = Session(repo, opts.workdir / "resync-session")
    session.create()
    full: list[IndexRun] = []
    syncs: list[Resync] = []
    with phase_timers() as times:
        for i in range(rounds):
            full.append(full_index(fixture.repo, opts.workdir / f"resync-full-{i}", times))
            add_commit(repo, "main", {"params.yaml": _params(i)}, f"bench: new params {i}")
            syncs.append(session.sync(times))
            log(f"full index {full[-1].seconds:.3f} s, re-sync {syncs[-1].seconds * 1000:.1f} ms")
        noop = session.sync(times)
    candidate = Figure(
        "ProjectSyncer.sync after one new commit on main", "s", [s.seconds for s in syncs]
    )
    baseline = Figure(
        "full index (ProjectSyncer.create, fresh database)", "s", [r.seconds for r in full]
    )
    details = _details(syncs, full, noop)
    if opts.profile:
        details["profiles"] = _profile(session, repo, opts)
    return Result(
        name="resync",
        title=f"re-sync after one new commit vs full index: {fixture.describe()}",
        candidate=candidate,
        baseline=baseline,
        ratio=candidate.value / baseline.value,
        ratio_label="re-sync / full index",
        ratio_format="%",
        target=Target("<", 0.05),
        details=details,
    )


def _details(syncs: list[Resync], full: list[IndexRun], noop: Resync) -> dict[str, object]:
    phase_names = list(syncs[0].phases)
    return {
        "resync_phases_median_s": {n: median([s.phases[n] for s in syncs]) for n in phase_names},
        "full_index_phases_median_s": median_phases(full),
        "resync_reports": [asdict(s.report) for s in syncs],
        "noop_sync_s": noop.seconds,
        "noop_sync_phases_s": noop.phases,
    }


def _profile(session: Session, repo: Path, opts: Options) -> list[str]:
    """One extra, untimed re-sync with each phase under cProfile."""
    add_commit(repo, "main", {"params.yaml": _params(99)}, "bench: profiled commit")
    with phase_timers(profile=True) as times:
        session.sync(times)
    return write_profiles(times.profiles or {}, opts.results_dir, "resync")
