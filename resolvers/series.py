"""``metricNames`` and ``metricHistory`` of a row. A row with stored series (a live run, or
the experiment ref a live run became) answers from them (storage.metrics); a commit or
experiment ref without them from the DVCLive metric files of its revision
(sync.git_series), read from the project's mirror once per revision and batch."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from storage.metrics import Series, window
from storage.records import ExperimentRecord
from sync import git_series
from sync.dvcproject import BlobCache
from sync.git_series import RevisionSeries

if TYPE_CHECKING:
    from resolvers.context import Context, Loaders

RevisionKey = tuple[int, str]  # project id, commit sha


async def metric_names(ctx: Context, record: ExperimentRecord) -> list[str]:
    stored = await ctx.loaders.metric_names.load(record.id) or []
    revision = _revision(record)
    if stored or revision is None:
        return stored
    return sorted(await ctx.loaders.revision_series.load(revision))


async def metric_history(
    ctx: Context, record: ExperimentRecord, name: str, since_step: int | None, max_points: int
) -> Series:
    revision = _revision(record)
    if revision is not None and not await ctx.loaders.metric_names.load(record.id):
        found = await ctx.loaders.revision_series.load(revision)
        return window(name, found.get(name, ()), since_step, max_points)
    return await ctx.loaders.history.load((record.id, name, since_step, max_points))


def _revision(record: ExperimentRecord) -> RevisionKey | None:
    """The revision whose files hold a Git row's series (None for a live run)."""
    if record.kind == "LIVE" or record.sha is None:
        return None
    return (record.project_id, record.sha)


async def revision_series(
    loaders: Loaders, mirror_path: Callable[[int], Path], keys: list[RevisionKey]
) -> list[RevisionSeries]:
    """The revision_series loader's batch: every revision asked, in one worker thread."""
    shas: dict[int, list[str]] = {}
    for project_id, sha in keys:
        shas.setdefault(project_id, []).append(sha)
    projects = await loaders.project.load_many(list(shas))
    jobs = [
        (project_id, mirror_path(project_id), project.subdir or "", shas[project_id])
        for project_id, project in zip(shas, projects, strict=True)
        if project is not None
    ]
    found = await asyncio.to_thread(_read, jobs, loaders.caches.plot_blobs)
    return [found.get(key, {}) for key in keys]


def _read(
    jobs: list[tuple[int, Path, str, list[str]]], cache: BlobCache
) -> dict[RevisionKey, RevisionSeries]:
    found: dict[RevisionKey, RevisionSeries] = {}
    for project_id, mirror, subdir, shas in jobs:
        if not mirror.exists():
            continue
        for sha, series in git_series.at_commits(mirror, subdir, shas, cache).items():
            found[(project_id, sha)] = series
    return found
