"""The generated repository every benchmark uses, and one full index of it."""

from __future__ import annotations

import asyncio
import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench.phases import PhaseTimes, phase_timers
from gitstudio.settings import Settings
from storage import db
from storage.tokens import Scope, create_token
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials
from sync.service import ProjectSyncer

PROJECT = "bench"


@dataclass(frozen=True, slots=True)
class Fixture:
    """A pristine generated repository; benchmarks that add commits work on a copy."""

    repo: Path
    spec: RepoSpec
    commits: int
    experiments: int

    @property
    def revisions(self) -> int:
        return self.commits + self.experiments

    def describe(self) -> str:
        return (
            f"{self.spec.commits} commits x {self.spec.exps_per_commit} experiments "
            f"({self.revisions} revisions, branches {', '.join(self.spec.branches)})"
        )

    def copy(self, dest: Path) -> Path:
        shutil.copytree(self.repo, dest, symlinks=True)
        return dest


def make_fixture(workdir: Path, commits: int = 100, exps_per_commit: int = 3) -> Fixture:
    spec = RepoSpec(commits=commits, exps_per_commit=exps_per_commit)
    generated = generate_repo(workdir / "repo", spec)
    return Fixture(
        repo=generated.path,
        spec=spec,
        commits=len(generated.commits),
        experiments=len(generated.experiments),
    )


@dataclass(frozen=True, slots=True)
class IndexRun:
    """One ``ProjectSyncer.create`` on a fresh database: wall seconds and phase split."""

    seconds: float
    phases: dict[str, float]


def sqlite_url(directory: Path) -> str:
    return f"sqlite://{directory / 'db.sqlite3'}"


async def _create(repo: Path, root: Path, times: PhaseTimes) -> IndexRun:
    await db.init_db(sqlite_url(root))
    try:
        syncer = ProjectSyncer(root / "mirrors", Credentials())
        times.reset()
        started = time.perf_counter()
        await syncer.create(str(repo), PROJECT, "", None)
        elapsed = time.perf_counter() - started
        return IndexRun(elapsed, times.snapshot(elapsed))
    finally:
        await db.close_db()


def full_index(repo: Path, root: Path, times: PhaseTimes | None = None) -> IndexRun:
    """Index ``repo`` from scratch into a new SQLite file under ``root`` (then deleted).

    Database initialisation (migrations) is not timed; fetch, scan and storage are.
    """
    root.mkdir(parents=True)
    try:
        if times is not None:
            return asyncio.run(_create(repo, root, times))
        with phase_timers() as own:
            return asyncio.run(_create(repo, root, own))
    finally:
        shutil.rmtree(root, ignore_errors=True)


def median_phases(runs: list[IndexRun]) -> dict[str, float]:
    """Per-phase medians (they need not add up to the median total)."""
    names = list(runs[0].phases)
    return {n: statistics.median(r.phases[n] for r in runs) for n in names}


async def _prepare_project(data_dir: Path, repo: Path, scope: Scope) -> str:
    settings = Settings(data_dir=data_dir)
    data_dir.mkdir(parents=True)
    await db.init_db(settings.effective_database_url)
    try:
        syncer = ProjectSyncer(settings.mirrors_dir, Credentials())  # as the server's
        await syncer.create(str(repo), PROJECT, "", None)
        _row, token = await create_token(f"bench-{scope.value.lower()}", frozenset({scope}))
        return token
    finally:
        await db.close_db()


def prepare_project(data_dir: Path, repo: Path, scope: Scope) -> str:
    """Index ``repo`` as project ``bench`` in a fresh ``data_dir`` for a server to serve;
    return a token with ``scope``."""
    return asyncio.run(_prepare_project(data_dir, repo, scope))
