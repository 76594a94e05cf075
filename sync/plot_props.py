"""What a repository may say about its plots, checked before DVC's rendering code sees it.

dvc-render takes properties it never documents for dvc.yaml (``out`` makes it write image
files to that directory, ``template_dir`` makes it read templates from it) and reads a
template name as a path on the local disk, then in the working directory. So: plot
properties are checked as ``dvc.schema`` checks dvc.yaml (the top-level ``PLOT_DEFINITION``,
a stage output's ``PLOT_PROPS``), only those keys reach the renderer, and every template is
looked up in the revision and handed over as content (:class:`TemplateRef`, a fresh
``Template`` per render: dvc-render fills a template object in place). Plot data is copied
into plain JSON values under a budget (:func:`plain`): YAML aliases cannot multiply it, and
a value JSON cannot hold (bytes, sets, dates) becomes a string.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

# dvc.schema.PLOT_PROPS: what a stage output's flags may say about its chart.
PLOT_PROPS = frozenset({"template", "x", "y", "x_label", "y_label", "title", "header"})
# dvc.schema.OUT_PSTAGE_DETAILED_SCHEMA: the other flags a stage's plot output may carry.
OUTPUT_FLAGS = frozenset(
    {"cache", "persist", "checkpoint", "remote", "push", "desc", "type", "labels", "meta"}
)
_LABELS = ("template", "x_label", "y_label", "title")
MAX_DEPTH = 64  # nesting of plot data DVC's converter walks recursively
MAX_TEXT = 1000  # characters of a property: a template repeats it in the spec
# A template: its size, and the anchors it may hold (each <DVC_METRIC_DATA> would inline
# all the chart's rows once more; the others repeat a property's text).
TEMPLATE_MAX_BYTES = 256 * 1024
TEMPLATE_MAX_ANCHORS = 100
DATA_ANCHOR = "<DVC_METRIC_DATA>"
_INT64 = (-(2**63), 2**64)  # what JSON encoders take (orjson)


class PlotPropsError(ValueError):
    """Plot properties DVC's schema refuses (DVC fails the whole revision)."""


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(_text(v) for v in value)


def _axis_ok(key: str, value: Any) -> bool:
    if _text(value):
        return True
    if key == "y" and _strings(value):
        return True
    if not isinstance(value, dict):
        return False
    return all(_text(k) and (_text(v) or (key == "y" and _strings(v))) for k, v in value.items())


def top_level(plot_id: str, props: Any) -> dict[str, Any] | None:
    """A top-level ``plots:`` entry's properties (``PLOT_DEFINITION``), or the error."""
    if props is None:
        return None
    if not isinstance(props, dict):
        raise PlotPropsError(f"plots: '{plot_id}' must map to properties")
    for key, value in props.items():
        fine = _axis_ok(key, value) if key in ("x", "y") else _text(value)
        if key not in ("x", "y", *_LABELS) or not fine:
            raise PlotPropsError(f"plots: '{plot_id}': extra keys or bad value for '{key}'")
    return dict(props)


def output(path: str, flags: dict[str, Any]) -> dict[str, Any]:
    """A stage plot output's chart properties, its flags checked as DVC checks them."""
    props: dict[str, Any] = {}
    for key, value in flags.items():
        if key == "header":
            fine = isinstance(value, bool)
        elif key in PLOT_PROPS:
            fine = _text(value)
        else:
            fine = key in OUTPUT_FLAGS
        if not fine:
            raise PlotPropsError(f"plots: '{path}': extra keys or bad value for '{key}'")
        if key in PLOT_PROPS:
            props[key] = value
    return props


def for_renderer(props: Any, image: bool) -> dict[str, Any]:
    """The properties handed to dvc-render: only chart properties (never ``out`` or
    ``template_dir``), and a fresh template object for a chart (DVC's ``linear`` when none
    was resolved)."""
    kept = {k: v for k, v in props.items() if k in PLOT_PROPS} if isinstance(props, dict) else {}
    if not image:
        ref = kept.get("template")
        kept["template"] = (ref if isinstance(ref, TemplateRef) else LINEAR).instance()
    return kept


@dataclass(frozen=True, slots=True)
class TemplateRef:
    """A template found for a plot: its content (from the revision), or DVC's built-in
    template of that name (``content`` None). Shared between threads: never filled."""

    name: str
    content: dict[str, Any] | None = None

    def instance(self) -> Any:
        from dvc_render.vega_templates import TEMPLATES, Template

        if self.content is not None:
            # dvc-render makes a file name of it (Path(name).with_suffix), which some names
            # the revision may hold ("./", "/") fail; it only appears in its messages.
            return Template(self.content, name="custom")
        for kind in TEMPLATES:
            if self.name == kind.DEFAULT_NAME:
                return kind()
        raise PlotPropsError(f"template '{self.name}' not found")

    @staticmethod
    def builtin(name: str) -> TemplateRef | None:
        from dvc_render.vega_templates import TEMPLATES

        return TemplateRef(name) if any(name == k.DEFAULT_NAME for k in TEMPLATES) else None


LINEAR = TemplateRef("linear")


class TooManyValues(ValueError):
    """Plot data over its budget (GITSTUDIO_PLOT_MAX_FILE_VALUES)."""


TOO_MANY_FILE_VALUES = "more values than GITSTUDIO_PLOT_MAX_FILE_VALUES allows"


def plain(value: Any, budget: int) -> tuple[Any, int]:
    """A JSON-safe copy of parsed plot data and how many values it holds; raises
    :class:`TooManyValues` past ``budget`` values (an alias repeated counts each time, so a
    few bytes of YAML aliases cannot become millions of rows) or :data:`MAX_DEPTH` levels."""
    counter = [budget]
    return _plain(value, counter, 0), budget - counter[0]


def _plain(value: Any, counter: list[int], depth: int) -> Any:
    counter[0] -= 1
    if counter[0] < 0:
        raise TooManyValues(TOO_MANY_FILE_VALUES)
    if depth > MAX_DEPTH:
        raise TooManyValues(f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, int) and not isinstance(value, bool):
        return value if _INT64[0] <= value < _INT64[1] else str(value)
    if value is None or isinstance(value, bool | float | str):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v, counter, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v, counter, depth + 1) for v in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def template_content(raw: bytes, path: str) -> dict[str, Any]:
    """A template file of the revision, checked: JSON, an object, at most
    :data:`TEMPLATE_MAX_BYTES`, one data anchor and :data:`TEMPLATE_MAX_ANCHORS` in all."""
    import orjson

    if len(raw) > TEMPLATE_MAX_BYTES:
        raise PlotPropsError(f"template '{path}' is larger than {TEMPLATE_MAX_BYTES} bytes")
    text = raw.decode("utf-8", "replace")
    if text.count(DATA_ANCHOR) > 1 or text.count("<DVC_METRIC_") > TEMPLATE_MAX_ANCHORS:
        raise PlotPropsError(f"template '{path}' repeats its anchors")
    try:
        content = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise PlotPropsError(f"template '{path}' is not JSON: {exc}") from None
    if not isinstance(content, dict):
        raise PlotPropsError(f"template '{path}' must be a JSON object")
    return content
