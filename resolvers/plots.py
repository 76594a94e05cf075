"""Plots of experiment rows: Git revisions read from the project's mirror, live runs from
their stored series and images, rendered together as ``dvc plots diff --json`` renders
several revisions (sync.plot_data, sync.plot_render). Each row is labelled as Studio labels
it: an experiment or live run by its name, a commit by its short sha."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from resolvers.compare import MAX_IDS, rows
from resolvers.context import Context
from resolvers.errors import bad_input
from storage import live as live_storage
from storage import metrics
from storage.limits import limits
from storage.metrics import PointRow
from storage.records import ExperimentRecord
from sync.dvcproject import BlobCache
from sync.plot_data import (
    IMAGE_TYPES,
    LIVE_DIR_PATHS,
    LiveImage,
    RevisionPlots,
    at_commits,
    live,
    live_directory,
    series_file,
    series_row,
)
from sync.plot_render import PlotError, Rendered, cost, render
from sync.remote_files import RemoteAccess


class ChartTooLarge(Exception):
    """The rows' plot data holds more values than GITSTUDIO_PLOT_MAX_CHART_VALUES."""


class Budget:
    """The plot values one request may still render (GITSTUDIO_PLOT_MAX_CHART_VALUES), all
    its charts together: a page of rows asking each for its plots shares it. Spent from
    the threads that render."""

    def __init__(self, values: int) -> None:
        self.left = values
        self._lock = threading.Lock()

    def spend(self, values: int, what: str) -> None:
        with self._lock:
            if values > self.left:
                raise ChartTooLarge(_too_large(what))
            self.left -= values


def content_type(path: str) -> str:
    return IMAGE_TYPES.get(path[path.rfind(".") :], "")


@dataclass(frozen=True, slots=True)
class ImageLink:
    revision: str
    step: int | None
    url: str
    content_type: str


@dataclass(frozen=True, slots=True)
class Chart:
    """One plot of the rows asked, ready for the API."""

    id: str
    kind: str  # "vega" or "image"
    revisions: list[str]
    spec: dict[str, object] | None
    images: list[ImageLink]


@dataclass(frozen=True, slots=True)
class _Live:
    record: ExperimentRecord
    points: list[PointRow]
    images: list[LiveImage]


@dataclass(frozen=True, slots=True)
class Charts:
    """The plots of some rows, and what could not be shown (as ``dvc plots`` lists it)."""

    plots: list[Chart]
    errors: list[PlotError]


async def charts_of(ctx: Context, project_id: int, ids: Sequence[int]) -> Charts:
    """The plots of the project's rows ``ids`` (1 to MAX_IDS, as compared)."""
    if not 1 <= len(ids) <= MAX_IDS:
        raise bad_input(f"plots takes between 1 and {MAX_IDS} ids")
    return await charts(ctx, await rows(ctx, project_id, ids))


async def charts(ctx: Context, records: Sequence[ExperimentRecord]) -> Charts:
    """The plots of ``records`` (rows of one project), in one set of charts; computed once
    per request for the same rows (a query may ask for plots and their errors)."""
    if not records:
        return Charts([], [])
    key = ("plots", *(r.id for r in records))
    return await ctx.once(key, lambda: _charts(ctx, records))


async def _charts(ctx: Context, records: Sequence[ExperimentRecord]) -> Charts:
    project = await ctx.loaders.project.load(records[0].project_id)
    labels = _labels(records)
    runs = await asyncio.gather(*(_live_run(r) for r in records if r.kind == "LIVE"))
    mirror = ctx.syncer.mirror_path(records[0].project_id)
    subdir = project.subdir if project else ""
    cache = ctx.caches.plot_blobs
    budget: Budget = ctx.extra.setdefault("plot_budget", Budget(limits().plot_max_chart_values))
    remote = await ctx.syncer.remote_access(project) if project else None

    def build() -> tuple[list[Rendered], list[PlotError], dict[str, RevisionPlots]]:
        return _render(records, labels, runs, mirror, subdir, cache, budget, remote)

    try:
        rendered, errors, revisions = await asyncio.to_thread(build)
    except ChartTooLarge as exc:
        raise bad_input(str(exc)) from None
    by_label = {labels[r.id]: r for r in records}
    return Charts([_chart(ctx, plot, revisions, by_label) for plot in rendered], errors)


def label(record: ExperimentRecord) -> str:
    """A row as Studio labels it: an experiment or live run by its name, a commit by its
    short sha."""
    if record.kind != "COMMIT" and record.name:
        return record.name
    return record.sha[:7] if record.sha else f"#{record.id}"


def _labels(records: Sequence[ExperimentRecord]) -> dict[int, str]:
    """Each row's :func:`label`; one two rows would share gets the row's id appended."""
    wanted = {r.id: label(r) for r in records}
    seen = Counter(wanted.values())
    return {i: name if seen[name] == 1 else f"{name}#{i}" for i, name in wanted.items()}


async def _live_run(record: ExperimentRecord) -> _Live:
    bound = limits().plot_max_chart_values
    points = await metrics.all_points(record.id, bound)
    stored = await live_storage.images_of(record.id, bound)
    if points is None or stored is None:
        raise bad_input(_too_large(f"live run {label(record)!r}"))
    return _Live(record, points, [LiveImage(i.path, i.step, i.digest) for i in stored])


def _render(
    records: Sequence[ExperimentRecord],
    labels: dict[int, str],
    runs: list[_Live],
    mirror: Path,
    subdir: str,
    cache: BlobCache,
    budget: Budget,
    remote: RemoteAccess | None = None,
) -> tuple[list[Rendered], list[PlotError], dict[str, RevisionPlots]]:
    """Runs in a thread: read the commits (data files kept in the DVC remote through
    ``remote``), shape the live runs, render them all."""
    shas = [r.sha if r.kind != "LIVE" else r.baseline_sha for r in records]
    wanted = [s for s in shas if s]
    commits = at_commits(mirror, subdir, wanted, cache, remote) if mirror.exists() else {}
    by_id = {run.record.id: run for run in runs}
    revisions: dict[str, RevisionPlots] = {}
    for record, sha in zip(records, shas, strict=True):
        run = by_id.get(record.id)
        if run is not None:
            baseline = commits.get(sha) if sha else None
            revisions[labels[record.id]] = live(baseline, run.points, run.images)
        elif sha in commits:
            revisions[labels[record.id]] = commits[sha]
    budget.spend(cost(revisions), f"the {len(records)} rows asked in this request")
    rendered, errors = render(revisions)
    return rendered, errors, revisions


def _too_large(what: str) -> str:
    bound = limits().plot_max_chart_values
    return (
        f"the plot data of {what} holds more than {bound} values"
        " (GITSTUDIO_PLOT_MAX_CHART_VALUES): ask for fewer rows"
    )


def _chart(
    ctx: Context,
    plot: Rendered,
    revisions: dict[str, RevisionPlots],
    rows: dict[str, ExperimentRecord],
) -> Chart:
    images: list[ImageLink] = []
    for shown in plot.images:
        kind = content_type(shown.path)
        record = rows[shown.revision]
        for image in revisions[shown.revision].images.get(shown.path, []):
            url = (
                _blob_url(ctx, record.project_id, image.key, shown.path)
                if image.step is None
                else _live_image_url(ctx, record.id, shown.path, image.step)
            )
            images.append(ImageLink(shown.revision, image.step, url, kind))
    return Chart(plot.id, plot.kind, plot.revisions, plot.spec, images)


def _blob_url(ctx: Context, project_id: int, blob: str, path: str) -> str:
    """A committed image by its blob id, cacheable for good (gitstudio.plot_images)."""
    return f"{ctx.base_url}/api/projects/{project_id}/blobs/{blob}/{_segment(path)}"


def _live_image_url(ctx: Context, experiment_id: int, path: str, step: int) -> str:
    """A live run's image by experiment and step (gitstudio.studio)."""
    return f"{ctx.base_url}/api/live/images/{experiment_id}/{_segment(path)}?step={step}"


def _segment(path: str) -> str:
    """``path`` as one URL segment (``/`` escaped too): a ``..`` in it stays a name, never
    a step up to another route of the API when a browser resolves the URL."""
    return quote(path, safe="")


@dataclass(frozen=True, slots=True)
class LiveStep:
    """What one step of a live run adds to its plots: rows to append to the series' specs
    (``{plot id: [row]}``, each with the run's ``rev`` label) and its images."""

    rows: dict[str, list[dict[str, object]]]
    images: list[ImageLink]


async def live_step(
    ctx: Context, experiment_id: int, step: int, values: dict[str, object], images: Sequence[str]
) -> LiveStep:
    record = await ctx.loaders.experiment.load(experiment_id)
    if record is None:
        return LiveStep({}, [])
    shown = label(record)
    directory = live_directory(await live_storage.image_paths(record.id, LIVE_DIR_PATHS))
    rows: dict[str, list[dict[str, object]]] = {
        series_file(directory, name): [{**series_row(name, step, value), "rev": shown}]
        for name, value in values.items()
    }
    links = [
        ImageLink(shown, step, _live_image_url(ctx, record.id, path, step), content_type(path))
        for path in images
    ]
    return LiveStep(rows, links)
