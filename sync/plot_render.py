"""Charts from revisions' plots, rendered by DVC's own code as ``dvc plots diff --json``
renders them: ``dvc.render.match.match_defs_renderers`` groups the definitions of every
revision by plot id and dvc-render fills each template with the data rows of every revision
(each row tagged with its ``rev``)."""

from __future__ import annotations

import logging
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
    from dvc.render.convert import to_json
    from dvc.render.match import match_defs_renderers

    # DVC logs a warning for each plot it cannot render; they are PlotErrors here, so a
    # server's log would only repeat what each client is told.
    logging.getLogger("dvc.render.match").setLevel(logging.ERROR)
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
    for found in match_defs_renderers(data):
        renderer = found.renderer
        errors += [
            _error(renderer.name, rev, source, exc)
            for rev, sources in found.source_errors.items()
            for source, exc in sources.items()
        ]
        errors += [_error(renderer.name, r, None, e) for r, e in found.definition_errors.items()]
        if renderer.TYPE == "image":
            rendered.append(_images(renderer))
            continue
        try:
            entries = to_json(renderer)
        except Exception as exc:  # dvc-render raises its own, undeclared kinds
            errors.append(_error(renderer.name, ", ".join(renderer.get_revs()), None, exc))
            continue
        for entry in entries:
            rendered.append(Rendered(renderer.name, "vega", entry["revisions"], entry["content"]))
    return rendered, errors


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
