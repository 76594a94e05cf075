"""Charts from revisions' plots, rendered by DVC's own code as ``dvc plots diff --json``
renders them: ``dvc.render.match.match_defs_renderers`` groups the definitions of every
revision by plot id and dvc-render fills each template with the data rows of every revision
(each row tagged with its ``rev``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sync.plot_data import RevisionPlots, is_image
from sync.plot_props import for_renderer


@dataclass(frozen=True, slots=True)
class ImageAt:
    """One image of a chart: which revision, which file (its plot id)."""

    revision: str
    path: str


@dataclass(frozen=True, slots=True)
class PlotError:
    """Why a revision's plot (or one of its files) could not be shown, as the ``errors`` of
    ``dvc plots diff --json`` list it."""

    plot: str | None  # None: the whole revision (its dvc.yaml is broken)
    revision: str
    source: str | None  # the data file, for an error reading it
    type: str  # the exception's class name
    message: str


@dataclass(slots=True)
class Rendered:
    """One plot: a vega-lite ``spec`` with the data inlined, or images by revision."""

    id: str
    kind: str  # "vega" or "image"
    revisions: list[str]
    spec: dict[str, Any] | None = None
    images: list[ImageAt] = field(default_factory=list)


def render(revisions: dict[str, RevisionPlots]) -> tuple[list[Rendered], list[PlotError]]:
    """The plots of ``revisions`` ({label: plots}, in the order they are compared), and what
    could not be shown."""
    from dvc.render.match import PlotsData

    data = {label: _for_renderer(plots) for label, plots in revisions.items()}
    rendered: list[Rendered] = []
    errors = [
        _error(plot, label, None, exc)
        for label, plots in revisions.items()
        for plot, exc in plots.errors.items()
    ]
    errors += [
        PlotError(None, label, None, *plots.failure)
        for label, plots in revisions.items()
        if plots.failure is not None
    ]
    for plot_id, group in PlotsData(data).group_definitions().items():
        try:
            shown = _plot(data, plot_id, group, errors)
        except Exception as exc:  # dvc-render raises its own, undeclared kinds
            errors.append(_error(plot_id, ", ".join(rev for rev, *_ in group), None, exc))
            continue
        if shown is not None:
            rendered.append(shown)
    return rendered, errors


def _plot(
    data: dict[str, Any], plot_id: str, group: list[Any], errors: list[PlotError]
) -> Rendered | None:
    """One plot of every revision: ``dvc.render.match.match_defs_renderers``' loop body,
    except that a plot without data points is not built at all (dvc-render would look up
    its default template on the local disk) and images keep their revision and file."""
    from dvc.render.convert import _get_converter, to_json
    from dvc.render.match import PlotsData, _squash_plots_properties
    from dvc.repo.plots import infer_data_sources
    from dvc_render import ImageRenderer, VegaRenderer

    props = _squash_plots_properties(group)
    points: list[dict[str, Any]] = []
    first: dict[str, Any] = {}
    revs: list[str] = []
    renderer_cls: Any = VegaRenderer
    for rev, inner_id, definition in group:
        sources = infer_data_sources(inner_id, definition)
        for source in sources:
            if error := data[rev]["sources"].get("data", {}).get(source, {}).get("error"):
                errors.append(_error(plot_id, rev, source, error))
        image = ImageRenderer.matches(inner_id, None)
        renderer_cls = ImageRenderer if image else VegaRenderer
        renderer_id = inner_id if image else plot_id
        found = PlotsData(data).get_definition_data(sources, rev)
        converter = _get_converter(renderer_cls, inner_id, props, found)
        try:
            dps, rev_props = converter.flat_datapoints(rev)
        except Exception as exc:  # as DVC: the revision's definition error
            errors.append(_error(plot_id, rev, None, exc))
            continue
        if dps and rev not in revs:
            revs.append(rev)
        first = first or rev_props
        points.extend(dps)
    if not points:
        return None
    first.setdefault("title", renderer_id)
    first["revs_with_datapoints"] = revs
    renderer = renderer_cls(points, renderer_id, **first)
    if renderer.TYPE == "image":
        return _images(renderer)
    (entry,) = to_json(renderer)
    return Rendered(renderer.name, "vega", entry["revisions"], entry["content"])


PLOT_COST = 100  # what one plot's spec costs beside its rows (its template's values)


def cost(revisions: dict[str, RevisionPlots]) -> int:
    """The values rendering ``revisions`` makes: each plot's rows once per ``y`` field (a
    file two plots show, or a plot of several fields, is copied for each), a price per plot
    and per image, so neither many small plots nor one shared file escape the budget."""
    from dvc.repo.plots import infer_data_sources

    total = 0
    for plots in revisions.values():
        for config in (plots.definitions or {}).get("data", {}).values():
            for plot_id, props in (config.get("data") or {}).items():
                rows = sum(
                    plots.source_values.get(s, 0) for s in infer_data_sources(plot_id, props)
                )
                total += PLOT_COST + rows * _fields(props)
        total += sum(len(images) for images in plots.images.values())
    return total


def _fields(props: Any) -> int:
    y = props.get("y") if isinstance(props, dict) else None
    if isinstance(y, dict):
        return max(1, sum(len(v) if isinstance(v, list) else 1 for v in y.values()))
    return max(1, len(y)) if isinstance(y, list) else 1


def _for_renderer(plots: RevisionPlots) -> dict[str, Any]:
    """The revision as DVC's renderer takes it, each plot's properties a fresh copy (with
    a template object of its own: dvc-render fills it in place) holding only what a chart
    may say; the shared, cached revision is left as it is."""
    configs = (plots.definitions or {}).get("data", {})
    definitions = {
        config: {"data": {pid: for_renderer(p, is_image(pid)) for pid, p in c["data"].items()}}
        for config, c in configs.items()
        if isinstance(c, dict) and "data" in c
    }
    return {"definitions": {"data": definitions}, "sources": plots.sources}


def _error(plot: str, revision: str, source: str | None, exc: BaseException) -> PlotError:
    return PlotError(plot, revision, source, type(exc).__name__, str(exc))


def _images(renderer: Any) -> Rendered:
    shown = [ImageAt(str(d["rev"]), str(d["filename"])) for d in renderer.datapoints]
    revisions = list(dict.fromkeys(image.revision for image in shown))
    return Rendered(renderer.name, "image", revisions, images=shown)
