"""``POST /api/live`` bodies checked as dvc-studio-client's schema describes them (400 on
violations, 413 on the plot limits) and turned into :class:`~storage.live.LiveEvent`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson

from gitstudio.rest import HttpError, bad
from schema.scalars import json_deeper_than
from storage.caches import MISS, BoundedCache
from storage.live import FileErrorRow, LiveEvent, normalise_subdir
from storage.metrics import PointRow, metric_name, number_or_token, timestamp_seconds

MAX_PLOTS = 200
MAX_PLOT_SIZE = 10_000_000
_SHA = re.compile(r"^[0-9a-h]{40}$")  # dvc-studio-client's own check (g/h included)
_INT32 = 2**31


@dataclass(slots=True)
class ParsedLive:
    repo_url: str
    event: LiveEvent
    images: list[tuple[str, int, str]]  # (path, step, base64) still to decode and store
    dropped: int = 0  # plot rows left out: without an integer step (the answer says so)


# Plot file key -> (metric name, value column): the app's memo (Caches.plot_names), since
# every event of a run names the same few keys.
PlotNames = BoundedCache[str, tuple[str, str]]


def parse_live(doc: Any, body_size: int, names: PlotNames, max_depth: int = 32) -> ParsedLive:
    """Validate an event as dvc-studio-client's schema describes it (400 on violations,
    413 on the plot limits) and turn it into a :class:`LiveEvent`. Params and metrics,
    stored and served as JSON, may nest at most ``max_depth`` levels
    (GITSTUDIO_MAX_JSON_DEPTH, as GraphQL's JSON input)."""
    if not isinstance(doc, dict):
        raise bad("body must be a JSON object")
    type_ = doc.get("type")
    if type_ not in ("start", "data", "done"):
        raise bad("type must be one of start, data, done")
    repo_url = doc.get("repo_url")
    if not isinstance(repo_url, str) or not repo_url.strip():
        raise bad("repo_url must be a non-empty string")
    sha = doc.get("baseline_sha")
    if not isinstance(sha, str) or not _SHA.match(sha := sha.lower()):
        raise bad("baseline_sha must be a 40-character commit sha")
    name = doc.get("name")
    if not isinstance(name, str) or not name or len(name) > 255:
        raise bad("name must be a string of 1 to 255 characters")
    client = doc.get("client", "")
    if not isinstance(client, str):
        raise bad("client must be a string")
    event = LiveEvent(
        type=type_,
        client=client,
        project_id=0,
        project_subdir="",
        baseline_sha=sha,
        name=name,
    )
    params = doc.get("params")
    if params is not None:
        if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
            raise bad("params must map file paths to objects")
        _shallow("params", params, max_depth)
        event.params = params or None
    metrics = doc.get("metrics")
    if metrics is not None:
        _shallow("metrics", metrics, max_depth)
        _parse_metrics(metrics, event)
    images: list[tuple[str, int, str]] = []
    dropped = 0
    if type_ == "start":
        message = doc.get("message")
        if message is not None:
            if not isinstance(message, str):
                raise bad("message must be a string")
            event.message = message[:1000]
        subdir = doc.get("subdir")
        if subdir is not None:
            if not isinstance(subdir, str):
                raise bad("subdir must be a string")
            event.subdir = normalise_subdir(subdir)
    elif type_ == "data":
        step = doc.get("step")
        if type(step) is not int or not -_INT32 <= step < _INT32:
            raise bad("step must be an integer")
        event.step = step
        plots = doc.get("plots")
        if plots is not None:
            images, dropped = _parse_plots(plots, event, step, body_size > MAX_PLOT_SIZE, names)
    else:
        rev = doc.get("experiment_rev")
        if rev is not None:
            if not isinstance(rev, str) or not _SHA.match(rev := rev.lower()):
                raise bad("experiment_rev must be a 40-character commit sha")
            event.experiment_rev = rev
    return ParsedLive(repo_url, event, images, dropped)


def _shallow(field: str, value: Any, max_depth: int) -> None:
    if json_deeper_than(value, max_depth):
        raise bad(f"{field} nest deeper than {max_depth} levels")


def _parse_metrics(metrics: Any, event: LiveEvent) -> None:
    if not isinstance(metrics, dict):
        raise bad("metrics must map file paths to {data} or {error} objects")
    out: dict[str, Any] = {}
    for file, entry in metrics.items():
        if not isinstance(entry, dict):
            raise bad(f"metrics[{file!r}] must be an object")
        if "data" in entry:
            data = entry["data"]
            if not isinstance(data, dict):
                raise bad(f"metrics[{file!r}].data must be an object")
            out[file] = data
        elif "error" in entry:
            err = entry["error"]
            if (
                not isinstance(err, dict)
                or not isinstance(err.get("cls"), str)
                or not isinstance(err.get("text"), str)
            ):
                raise bad(f"metrics[{file!r}].error must be {{cls, text}} strings")
            event.metric_errors.append(FileErrorRow(file, err["cls"], err["text"]))
    event.metrics = out or None


def _metric_of(key: str, names: PlotNames) -> tuple[str, str]:
    found = names.get(key)
    if found is MISS:
        name = metric_name(key)
        if not name or len(name) > 512:
            raise bad(f"plots[{key!r}]: metric name must be 1 to 512 characters")
        found = (name, name.rsplit("/", 1)[-1])
        names.put(key, found)
    return found


def _parse_plots(
    plots: Any, event: LiveEvent, step: int, check_sizes: bool, names: PlotNames
) -> tuple[list[tuple[str, int, str]], int]:
    """The images to store, and how many data rows were left out (no integer step)."""
    if not isinstance(plots, dict):
        raise bad("plots must map file paths to {data} or {image} objects")
    if len(plots) > MAX_PLOTS:
        raise HttpError(413, f"too many plot entries: {len(plots)} > {MAX_PLOTS}")
    images: list[tuple[str, int, str]] = []
    points = event.points
    dropped = 0
    for key, entry in plots.items():
        if not isinstance(entry, dict):
            raise bad(f"plots[{key!r}] must be an object")
        data = entry.get("data")
        image = entry.get("image")
        if data is not None and image is not None:
            raise bad(f"plots[{key!r}] has both data and image")
        if image is not None:
            if not isinstance(image, str):
                raise bad(f"plots[{key!r}].image must be a base64 string")
            if len(image) > MAX_PLOT_SIZE:
                raise HttpError(413, f"plot {key!r} exceeds {MAX_PLOT_SIZE} bytes")
            images.append((key, step, image))
        elif data is not None:
            if not isinstance(data, list):
                raise bad(f"plots[{key!r}].data must be a list of rows")
            if check_sizes and len(orjson.dumps(data)) > MAX_PLOT_SIZE:
                raise HttpError(413, f"plot {key!r} exceeds {MAX_PLOT_SIZE} bytes")
            if data:
                dropped += _parse_rows(key, _metric_of(key, names), data, points)
    return images, dropped


def _parse_rows(key: str, metric: tuple[str, str], rows: list[Any], points: list[PointRow]) -> int:
    """Add the rows' points; how many rows were left out for want of an integer step (the
    event's metrics and its other rows are kept: one bad row must not lose a step)."""
    name, column = metric
    dropped = 0
    for row in rows:
        if not isinstance(row, dict):
            raise bad(f"plots[{key!r}].data rows must be objects")
        row_step = row.get("step")
        if type(row_step) is not int or not -_INT32 <= row_step < _INT32:
            dropped += 1
            continue
        raw = row.get(column, row)
        if raw is row:  # the value column is named after the file; else the one other key
            others = [k for k in row if k not in ("step", "timestamp")]
            if len(others) != 1:
                continue
            raw = row[others[0]]
        kind = type(raw)
        token: str | None = None
        value: float | None
        if kind is float or kind is int or kind is bool:
            try:
                value = float(raw)
            except OverflowError:
                raise bad(f"plots[{key!r}]: value out of range") from None
        elif kind is str:
            try:
                value, token = number_or_token(raw)
            except ValueError:
                raise bad(f"plots[{key!r}]: value {raw[:40]!r} is not a number") from None
        elif raw is None:
            continue
        else:
            raise bad(f"plots[{key!r}]: values must be numbers or 'nan'/'inf' strings")
        points.append((name, row_step, value, token, timestamp_seconds(row.get("timestamp"))))
    return dropped
