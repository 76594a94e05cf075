"""Metric series of Git revisions: the DVCLive metric files a commit or experiment ref holds
(``<dir>/plots/metrics/**/*.tsv``), read into the points a live run stores, so a pushed
experiment or a commit answers ``metricHistory`` as its live run did.

A row of a TSV becomes what ``POST /api/live`` stores for the same row when DVCLive sends
it (dvclive.studio reads its TSV back and casts each value to a float, a non-finite one kept
as its text): the step as an integer, a finite value, or None with its text as the token,
and the epoch-millisecond timestamp in seconds (storage.metrics owns those rules). A step
written twice keeps its first value, as stored series do. Parsed files are cached by blob id
in the caller's :class:`BlobCache`; files over ``max_parse_file_bytes`` are not read.
"""

from __future__ import annotations

import csv
import io
import posixpath
from collections.abc import Iterator, Sequence
from pathlib import Path

from storage.limits import limits
from storage.metrics import (
    METRICS_DIR,
    Point,
    metric_name,
    number_or_token,
    timestamp_seconds,
)
from sync.dvcproject import BlobCache, RevisionData, collect_revision
from sync.git import open_mirror
from sync.tree import RevisionTree, commit_trees, join, norm

# DVCLive's default directory: its series are found even when no dvc.yaml declares them
# (``Live(dvcyaml=None)``, or a dvc.yaml that was not committed).
DEFAULT_DIR = "dvclive/plots/metrics"
DELIMITERS = {".tsv": "\t", ".csv": ","}  # DVCLive writes TSVs; DVC reads a CSV by comma
MAX_NAME = 512  # as POST /api/live accepts a metric name
MAX_FILES = 1000  # series files read of one revision (DVCLive writes one per metric)
_INT32 = 2**31

# Metric name -> its points in step order.
RevisionSeries = dict[str, tuple[Point, ...]]


def at_commits(
    mirror: Path, root: str, shas: Sequence[str], cache: BlobCache
) -> dict[str, RevisionSeries]:
    """The series of each commit of ``shas`` found in the mirror (those missing are left
    out); ``root`` is the DVC root inside the repository (the project's subdir)."""
    found: dict[str, RevisionSeries] = {}
    for sha, tree in commit_trees(open_mirror(mirror), shas):
        found[sha] = revision_series(tree, root, collect_revision(tree, root, cache), cache)
    return found


def revision_series(
    tree: RevisionTree, root: str, data: RevisionData, cache: BlobCache
) -> RevisionSeries:
    """The series of one revision whose DVC files ``data`` describes (from
    :func:`sync.dvcproject.collect_revision` with the same ``root``). Two files of one name
    (``loss.tsv`` and ``loss.csv``, two DVCLive directories) merge, the first path's value
    of a step kept."""
    by_name: dict[str, dict[int, Point]] = {}
    left = limits().plot_max_chart_values // 3  # points (3 values each) of the revision
    for key in series_files(tree, root, data)[:MAX_FILES]:
        name = metric_name(key)
        if not name or len(name) > MAX_NAME:
            continue
        points = _file_points(tree, join(root, key), key, name, cache)
        left -= len(points)
        if left < 0:
            break  # the files read so far: more would exceed GITSTUDIO_PLOT_MAX_CHART_VALUES
        steps = by_name.setdefault(name, {})
        for point in points:
            steps.setdefault(point.step, point)
    return {
        name: tuple(steps[s] for s in sorted(steps)) for name, steps in by_name.items() if steps
    }


def series_files(tree: RevisionTree, root: str, data: RevisionData) -> list[str]:
    """The metric files of the revision (paths relative to ``root``, sorted): each
    ``.tsv``/``.csv`` under ``plots/metrics/`` within a declared plot file or directory, a
    file a top-level plot names in ``x``/``y``, or DVCLive's default directory."""
    root = norm(root)
    prefix = f"{root}/" if root else ""
    found: set[str] = set()
    for key in dict.fromkeys([*data.plots, *_definition_files(data), DEFAULT_DIR]):
        path = join(root, key)
        if path.startswith("..") or not (path == root or path.startswith(prefix)):
            continue  # outside the DVC root
        files = tree.walk_files(path) if tree.is_dir(path) else [path]
        for file in files:
            relative = file[len(prefix) :]
            if _is_series(relative) and tree.blob_id(file) is not None:
                found.add(relative)
    return sorted(found)


def _definition_files(data: RevisionData) -> Iterator[str]:
    """Files named in a top-level plot's ``x``/``y`` mappings (``{file: column}``), which
    are relative to their dvc.yaml's directory."""
    for config, plots in data.plot_definitions.items():
        directory = posixpath.dirname(config)
        for plot in plots:
            if not isinstance(plot, dict):
                continue
            for props in plot.values():
                if not isinstance(props, dict):
                    continue
                for axis in ("x", "y"):
                    files = props.get(axis)
                    if isinstance(files, dict):
                        yield from (join(directory, str(f)) for f in files)


def _is_series(key: str) -> bool:
    return f"/{METRICS_DIR}" in f"/{key}" and posixpath.splitext(key)[1] in DELIMITERS


def _file_points(
    tree: RevisionTree, git_path: str, key: str, name: str, cache: BlobCache
) -> tuple[Point, ...]:
    size = tree.size(git_path)
    if size is None or size > limits().max_parse_file_bytes:
        return ()
    extension = posixpath.splitext(key)[1]
    column = name.rsplit("/", 1)[-1]  # DVCLive names the value column after the file
    kind = f"series{extension}:{column}"
    oid = tree.blob_id(git_path)
    hit = None if oid is None else cache.get(oid, kind)
    if isinstance(hit, tuple):
        return hit
    blob = tree.read(git_path)
    if blob is None:
        return ()
    points = parse_table(blob[1], column, DELIMITERS[extension], limits().plot_max_file_values)
    cache.put(blob[0], kind, points, weight=max(1, 3 * len(points)))
    return points


def parse_table(content: bytes, column: str, delimiter: str, most: int) -> tuple[Point, ...]:
    """The points of a metric file's rows, in step order, as ``POST /api/live`` stores the
    same rows sent by DVCLive; rows without an integer step or a numeric value are left
    out, and a file the csv module cannot read (an over-long field) or of more than
    ``most`` rows (GITSTUDIO_PLOT_MAX_FILE_VALUES) gives nothing."""
    text = content.decode("utf-8", errors="replace")
    by_step: dict[int, Point] = {}
    try:
        for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(by_step) >= most:
                return ()
            point = _point(row, column)
            if point is not None and point.step not in by_step:
                by_step[point.step] = point
    except csv.Error:
        return ()
    return tuple(by_step[s] for s in sorted(by_step))


def _point(row: dict[str | None, object], column: str) -> Point | None:
    step = _step(row.get("step"))
    if step is None:
        return None
    if column in row:
        raw = row[column]
    else:  # the value column is named after the file; else the one other column
        others = [k for k in row if k not in ("step", "timestamp")]
        if len(others) != 1 or others[0] is None:
            return None
        raw = row[others[0]]
    if not isinstance(raw, str):
        return None
    try:
        value, token = number_or_token(raw)
    except ValueError:
        return None
    return Point(step, value, token, timestamp_seconds(row.get("timestamp")))


def _step(raw: object) -> int | None:
    if not isinstance(raw, str):
        return None
    try:
        step = int(raw)
    except ValueError:
        return None
    return step if -_INT32 <= step < _INT32 else None
