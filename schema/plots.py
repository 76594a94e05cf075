"""Plots: DVC's plots of experiment rows as ``dvc plots show/diff --json`` renders them
(vega-lite specs with the data inlined, images by revision), live runs included."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.plots import Chart, Charts, ImageLink
from schema.scalars import JSON, as_json
from sync.plot_render import PlotError as PlotErrorRecord


@strawberry.enum
class PlotKind(Enum):
    VEGA = "VEGA"
    IMAGE = "IMAGE"


@strawberry.type(description="One image of a plot: a revision's file, or a live run's at a step.")
class PlotImage:
    revision: str = strawberry.field(description="The row's label, as in a spec's `rev`.")
    step: int | None = strawberry.field(description="The DVCLive step (live runs' images).")
    url: str = strawberry.field(
        description="Where the image is served, with this API's authorization; a committed"
        " image's URL names its content (cacheable for good)."
    )
    content_type: str


@strawberry.type(
    description="A DVC plot. `spec` is the vega-lite spec with the data inlined (each row's"
    " `rev` is its revision's label): vega-embed renders it as is."
)
class Plot:
    id: str = strawberry.field(
        description="DVC's plot id: the data file's path, or the top-level plots key."
    )
    kind: PlotKind
    revisions: list[str] = strawberry.field(description="Labels of the rows with data here.")
    spec: JSON | None
    images: list[PlotImage]


@strawberry.type(
    description="Why a revision's plot, or one of its data files, could not be shown (the"
    " `errors` of `dvc plots diff --json`); the plot is left out or drawn without it."
)
class PlotError:
    plot: str | None = strawberry.field(
        description="The plot id; null when the whole revision failed (a broken dvc.yaml)."
    )
    revision: str = strawberry.field(description="The row's label.")
    source: str | None = strawberry.field(description="The data file, if reading it failed.")
    type: str
    message: str


def plots_of(found: Charts) -> list[Plot]:
    return [plot_type(c) for c in found.plots]


def plot_errors_of(found: Charts) -> list[PlotError]:
    return [plot_error(e) for e in found.errors]


def plot_error(error: PlotErrorRecord) -> PlotError:
    return PlotError(
        plot=error.plot,
        revision=error.revision,
        source=error.source,
        type=error.type,
        message=error.message,
    )


def plot_type(chart: Chart) -> Plot:
    return Plot(
        id=chart.id,
        kind=PlotKind.VEGA if chart.kind == "vega" else PlotKind.IMAGE,
        revisions=list(chart.revisions),
        spec=as_json(chart.spec) if chart.spec is not None else None,
        images=[plot_image(i) for i in chart.images],
    )


def plot_image(image: ImageLink) -> PlotImage:
    return PlotImage(
        revision=image.revision, step=image.step, url=image.url, content_type=image.content_type
    )
