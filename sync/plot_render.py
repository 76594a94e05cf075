"""Charts from revisions' plots, rendered by DVC's own code as ``dvc plots diff --json``
renders them: ``dvc.render.match.match_defs_renderers`` groups the definitions of every
revision by plot id and dvc-render fills each template with the data rows of every revision
(each row tagged with its ``rev``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sync.plot_data import RevisionPlots

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImageAt:
    """One image of a chart: which revision, which file (its plot id)."""

    revision: str
    path: str


@dataclass(slots=True)
class Rendered:
    """One plot: a vega-lite ``spec`` with the data inlined, or images by revision."""

    id: str
    kind: str  # "vega" or "image"
    revisions: list[str]
    spec: dict[str, Any] | None = None
    images: list[ImageAt] = field(default_factory=list)


def render(revisions: dict[str, RevisionPlots]) -> tuple[list[Rendered], dict[str, str]]:
    """The plots of ``revisions`` ({label: plots}, in the order they are compared), and the
    plots that could not be rendered ({plot id: why})."""
    from dvc.render.convert import to_json
    from dvc.render.match import match_defs_renderers

    data = {label: plots.as_dvc() for label, plots in revisions.items()}
    rendered: list[Rendered] = []
    errors = {pid: str(e) for plots in revisions.values() for pid, e in plots.errors.items()}
    for found in match_defs_renderers(data):
        renderer = found.renderer
        for rev, error in found.definition_errors.items():
            errors.setdefault(renderer.name, f"{rev}: {error}")
        if renderer.TYPE == "image":
            rendered.append(_images(renderer))
            continue
        try:
            entries = to_json(renderer)
        except Exception as exc:  # dvc-render raises its own, undeclared kinds
            errors[renderer.name] = str(exc)
            continue
        for entry in entries:
            rendered.append(Rendered(renderer.name, "vega", entry["revisions"], entry["content"]))
    return rendered, errors


def _images(renderer: Any) -> Rendered:
    shown = [ImageAt(str(d["rev"]), str(d["filename"])) for d in renderer.datapoints]
    revisions = list(dict.fromkeys(image.revision for image in shown))
    return Rendered(renderer.name, "image", revisions, images=shown)
