"""One revision's plots as ``dvc plots show`` collects them, read from Git objects only.

DVC's own code does the work (``dvc.repo.plots``: ``_resolve_definitions`` for top-level
``plots:`` and plot directories, ``unpack_if_dir`` for stage outputs, ``parse`` for CSV,
TSV, JSON and YAML data) over :class:`TreeFS`, a read-only filesystem on the revision's
tree with paths relative to the DVC root. Nothing touches the server's own files: plot
properties are checked as DVC's schema checks them and every template is found in the
revision (``.dvc/plots/``, then the path itself, then DVC's built-ins) before the renderer
sees it (sync.plot_props). Parsed data is copied into plain values under a budget, and it
and templates are cached by blob id in the caller's :class:`BlobCache`; image files are
listed by blob id and never read here.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from storage.limits import limits
from storage.metrics import METRICS_DIR, PointRow
from sync.dvcproject import BlobCache, RevisionData, collect_revision
from sync.git import open_mirror
from sync.plot_props import (
    TOO_MANY_FILE_VALUES,
    PlotPropsError,
    TemplateRef,
    TooManyValues,
    output,
    plain,
    template_content,
    top_level,
)
from sync.remote_files import RemoteAccess, RemoteFileError, cached_output
from sync.tree import RevisionTree, commit_trees, join

# What dvc-render shows as images (ImageRenderer.EXTENSIONS), and how they are served.
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
}
TEMPLATES_DIR = ".dvc/plots"


class PlotFileError(Exception):
    """A plot's data file that cannot be read (missing, too large, not a plot format)."""


TOO_MANY_VALUES = "its plot data holds more values than GITSTUDIO_PLOT_MAX_CHART_VALUES allows"


def is_image(path: str) -> bool:
    """Whether DVC shows the plot ``path`` as an image (``ImageRenderer.matches``)."""
    return posixpath.splitext(path)[1] in IMAGE_TYPES


def outside(path: str) -> bool:
    """Whether a DVC-root-relative path leaves the DVC root (``..``, ``../x``)."""
    return path == ".." or path.startswith("../")


class TreeFS:
    """The part of fsspec's interface DVC's plot collection calls, over a Git tree.

    Paths are relative to the DVC root (``root`` inside the Git tree), as DVC's own
    filesystem gives them. With ``remote``, a data file Git lacks that is a cached DVC
    output is read from the DVC remote (:meth:`from_remote`) and then served like the
    others."""

    sep = "/"

    def __init__(
        self,
        tree: RevisionTree,
        root: str,
        remote: RemoteAccess | None = None,
        cache: BlobCache | None = None,
    ) -> None:
        self.tree = tree
        self.root = root
        self.remote = remote
        self.cache = cache
        self.fetched: dict[str, bytes] = {}  # read from the DVC remote, by path
        self._outs: dict[str, Any] | None = None

    def git_path(self, path: str) -> str:
        return join(self.root, path)

    @staticmethod
    def join(*parts: str) -> str:
        return posixpath.join(*parts)

    @staticmethod
    def dirname(path: str) -> str:
        return posixpath.dirname(path)

    @staticmethod
    def commonpath(paths: list[str]) -> str:
        return posixpath.commonpath(paths)

    def isdir(self, path: str) -> bool:
        if outside(path):
            return False
        return self.tree.is_dir(self.git_path(path)) or bool(self._remote_files(path))

    def exists(self, path: str) -> bool:
        return (
            self.isdir(path)
            or path in self.fetched
            or self.tree.blob_id(self.git_path(path)) is not None
        )

    def from_remote(self, path: str) -> str | None:
        """``md5:`` + the md5 of ``path`` read from the DVC remote when a cached output of
        the revision holds it (its bytes then served by :meth:`read`); None when none does.
        Raises RemoteFileError when the remote cannot give it."""
        if self.remote is None or outside(path):
            return None
        content = self.remote.read(self.tree, self.root, self._outputs(), path)
        if content is None:
            return None
        self.fetched[path] = content
        return "md5:" + hashlib.md5(content, usedforsecurity=False).hexdigest()

    def find(self, path: str) -> list[str]:
        prefix = self.git_path(path)
        files = self.tree.walk_files(prefix)
        if not files:  # a directory output kept in the DVC remote: its listing
            return sorted(posixpath.join(path, f) for f in self._remote_files(path))
        return [posixpath.join(path, f[len(prefix) :].lstrip("/")) for f in files]

    def _outputs(self) -> dict[str, Any]:
        """The revision's cached outputs with their hashes (dvc.lock's), read once."""
        if self._outs is None:
            self._outs = collect_revision(self.tree, self.root, self.cache).cached
        return self._outs

    def _remote_files(self, path: str) -> list[str]:
        """The files of the directory output ``path`` kept in the DVC remote (its listing,
        read from there), relative to it; none when it is no such output or cannot be
        listed (reading it as a file then says why)."""
        if self.remote is None or self.tree.blob_id(self.git_path(path)) is not None:
            return []  # a file in Git (the usual case) needs no dvc.lock read
        found = cached_output(self._outputs(), path)
        if found is None or found[0] != path or not found[1].endswith(".dir"):
            return []
        try:
            return list(self.remote.listing(self.tree, self.root, found[1], path))
        except RemoteFileError:
            return []

    def ls(self, path: str) -> list[str]:
        if not self.isdir(path):
            raise FileNotFoundError(path)
        return [posixpath.join(path, e.name) for e in self.tree.listdir(self.git_path(path))]

    def open(self, path: str, mode: str = "r", encoding: str | None = None, **_: Any) -> IO[Any]:
        content = self.read(path)
        if "b" in mode:
            return io.BytesIO(content)
        # newline=None: universal newlines, as DVC's text-mode open reads a file
        return io.StringIO(content.decode(encoding or "utf-8"), newline=None)

    def read(self, path: str) -> bytes:
        if path in self.fetched:
            return self.fetched[path]
        git = self.git_path(path)
        size = None if outside(path) else self.tree.size(git)
        if size is None:
            raise FileNotFoundError(f"'{path}' does not exist in this revision")
        if size > limits().max_parse_file_bytes:
            raise PlotFileError(f"'{path}' is larger than {limits().max_parse_file_bytes} bytes")
        found = self.tree.read(git)
        assert found is not None
        return found[1]


@dataclass(frozen=True, slots=True)
class ImageFile:
    """An image of a revision: a Git blob (``step`` None), or a live run's image at a step
    (``key`` is then its stored digest)."""

    key: str
    step: int | None = None


@dataclass(slots=True)
class RevisionPlots:
    """One revision in the shape of ``dvc.repo.plots.Plots.show()[rev]``: ``definitions``
    ({"data": {config file: {"data": {plot id: props}}}}) and ``sources`` ({"data": {path:
    {"data": parsed} | {"error": exception}}}); images map to their blob ids instead of
    their bytes (``images``), and ``errors`` holds the definitions that could not be used.
    ``failure`` (type, message): why DVC shows nothing of this revision (a broken dvc.yaml).
    ``values``: how many values its data holds (GITSTUDIO_PLOT_MAX_CHART_VALUES). Shared
    between requests once made: read-only."""

    definitions: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)
    images: dict[str, list[ImageFile]] = field(default_factory=dict)  # by path
    errors: dict[str, Exception] = field(default_factory=dict)  # plot id -> why
    failure: tuple[str, str] | None = None
    source_values: dict[str, int] = field(default_factory=dict)  # by data file

    @property
    def values(self) -> int:
        return sum(self.source_values.values())


def collect(
    tree: RevisionTree,
    root: str,
    data: RevisionData,
    cache: BlobCache,
    remote: RemoteAccess | None = None,
) -> RevisionPlots:
    """The plots of the revision ``tree`` whose DVC files ``data`` describes (from
    :func:`sync.dvcproject.collect_revision` with the same ``root``); ``remote``: how data
    files kept in the DVC remote are read (sync.remote_files)."""
    from dvc.repo.plots import _get_data_targets

    if data.dvc_error is not None:
        return RevisionPlots(failure=(data.dvc_error.type, data.dvc_error.message))
    fs = TreeFS(tree, root, remote, cache)
    try:
        definitions = _definitions(fs, data)
    except PlotPropsError as exc:
        return RevisionPlots(failure=("YAMLValidationError", str(exc)))
    except Exception as exc:  # DVC's collection fails the revision (its @error_handler)
        return RevisionPlots(failure=(type(exc).__name__, str(exc)))
    found = RevisionPlots(definitions={"data": definitions})
    sources: dict[str, Any] = {}
    for path in sorted(_get_data_targets(found.definitions)):
        sources[path] = _source(fs, path, _output_props(data, path), cache, found)
        if found.values > limits().plot_max_chart_values:
            return RevisionPlots(failure=("PlotFileError", TOO_MANY_VALUES))
    found.sources = {"data": sources}
    _resolve_templates(fs, found, cache)
    return found


def _definitions(fs: TreeFS, data: RevisionData) -> dict[str, Any]:
    """``_collect_definitions``: each dvc.yaml's top-level plots, then the stage outputs
    marked as plots under the config file ``""``, merged as DVC merges them."""
    from dvc.repo.plots import _normpath, _resolve_definitions, unpack_if_dir

    result: dict[str, Any] = {}
    for config, plots in data.plot_definitions.items():
        listed: dict[str, dict[str, Any] | None] = {}
        for elem in plots:
            if isinstance(elem, str):
                listed[elem] = None
            elif isinstance(elem, dict) and elem:
                key, value = next(iter(elem.items()))
                listed[str(key)] = top_level(str(key), value)
        resolved = _resolve_definitions(fs, [], {}, config, listed, onerror=_keep_error)
        merge(result, {config: resolved})
    for path, flags in data.plot_outputs:
        props = output(path, flags)
        unpacked = unpack_if_dir(fs, _normpath(path), props=props, onerror=_keep_error)
        merge(result, {"": unpacked})
    return result


def merge(into: dict[str, Any], source: dict[str, Any]) -> None:
    """``dpath.merge(into, source)`` (additive: dicts merged, lists joined, the rest
    replaced) for plain dicts, at a tenth of its cost."""
    for key, value in source.items():
        mine = into.get(key)
        if isinstance(mine, dict) and isinstance(value, dict):
            merge(mine, value)
        elif isinstance(mine, list) and isinstance(value, list):
            mine.extend(value)
        else:
            into[key] = value


def _keep_error(result: dict[str, Any], exception: Exception, *args: Any, **kwargs: Any) -> None:
    result["error"] = exception  # dvc.repo.plots.onerror_collect, without its logging


def _output_props(data: RevisionData, path: str) -> dict[str, Any]:
    """The chart properties of the stage output ``path`` (``header`` decides how a CSV is
    read); files inside an output directory have none, as in DVC's ``_collect_plots``."""
    for out, flags in data.plot_outputs:
        if out == path:
            return output(out, flags)
    return {}


def _source(
    fs: TreeFS, path: str, props: dict[str, Any], cache: BlobCache, found: RevisionPlots
) -> dict[str, Any]:
    """``{"data": parsed}`` or ``{"error": exception}`` for one data file, parsed once per
    blob id and way of reading it; an image is only listed by its blob id."""
    blob = None if outside(path) else fs.tree.blob_id(fs.git_path(path))
    if blob is None and not is_image(path):
        try:
            blob = fs.from_remote(path)
        except RemoteFileError as exc:
            return {"error": exc}
    if blob is None:
        return {"error": FileNotFoundError(f"'{path}' does not exist in this revision")}
    if is_image(path):
        found.images[path] = [ImageFile(blob)]
        return {"data": blob.encode()}  # a stand-in: the renderer only needs it truthy
    kind = f"plot{posixpath.splitext(path)[1]}:{props.get('header', True)}"
    hit = cache.get(blob, kind)
    if hit is None:
        hit = _parsed(fs, path, props)
        cache.put(blob, kind, hit, weight=max(1, hit[1]))
    result, values = hit
    found.source_values[path] = values
    return result


def _parsed(fs: TreeFS, path: str, props: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """DVC's parse of a data file, its data copied into plain values under the file budget;
    a file whose bytes promise far more values than that is not parsed at all."""
    from dvc.repo.plots import parse

    budget = limits().plot_max_file_values
    try:
        if _separators(fs.read(path)) > 4 * budget:
            raise TooManyValues(TOO_MANY_FILE_VALUES)
        result = parse(fs, path, props=props, onerror=_keep_error)
        if "data" not in result:
            return result, 0
        data, values = plain(result["data"], budget)
    except (TooManyValues, PlotFileError) as exc:
        return {"error": PlotFileError(str(exc))}, 0
    except FileNotFoundError as exc:
        return {"error": exc}, 0
    return {"data": data}, values


def _separators(content: bytes) -> int:
    """At least the values a CSV, TSV, JSON or YAML file can hold, roughly: its cell, item
    and line separators (a cheap scan, before a parse builds them all)."""
    return sum(content.count(c) for c in (b",", b"\t", b"\n", b":"))


def _resolve_templates(fs: TreeFS, found: RevisionPlots, cache: BlobCache) -> None:
    """Give each chart the template its ``template`` names (``linear`` when none) as found
    in the revision; drop a plot whose template does not exist."""
    for config in found.definitions["data"].values():
        plots = config.get("data", {}) if isinstance(config, dict) else {}
        for plot_id, props in list(plots.items()):
            if is_image(plot_id):
                continue
            props = props if isinstance(props, dict) else {}
            try:
                ref = template(fs, props.get("template") or "linear", cache)
            except PlotFileError as exc:
                del plots[plot_id]
                found.errors[plot_id] = exc
                continue
            plots[plot_id] = {**props, "template": ref}


def template(fs: TreeFS, name: str, cache: BlobCache) -> TemplateRef:
    """``dvc_render.vega_templates.get_template`` over the revision: ``.dvc/plots/NAME``,
    ``.dvc/plots/NAME.json``, the path ``NAME``, then the built-in templates."""
    for candidate in (f"{TEMPLATES_DIR}/{name}", f"{TEMPLATES_DIR}/{name}.json", name):
        if outside(candidate):
            continue
        blob = fs.tree.blob_id(fs.git_path(candidate))
        if blob is None:
            continue
        content = cache.get(blob, "plot-template")
        if content is None:
            try:
                content = template_content(fs.read(candidate), candidate)
            except PlotPropsError as exc:
                raise PlotFileError(str(exc)) from None
            cache.put(blob, "plot-template", content)
        return TemplateRef(name, content)
    found = TemplateRef.builtin(name)
    if found is None:
        raise PlotFileError(f"template '{name}' not found")
    return found


def at_commits(
    mirror: Path,
    root: str,
    shas: list[str],
    cache: BlobCache,
    remote: RemoteAccess | None = None,
) -> dict[str, RevisionPlots]:
    """The plots of each commit of ``shas`` found in the mirror (those missing are left out).
    A commit's plots never change: they are kept in ``cache`` by commit id and DVC root
    (unless a file could not be read from the DVC remote: that may change)."""
    kind = f"plots:{root}"
    found: dict[str, RevisionPlots] = {}
    for sha in shas:
        hit = cache.get(sha, kind)
        if isinstance(hit, RevisionPlots):
            found[sha] = hit
    missing = [sha for sha in shas if sha not in found]
    if not missing:
        return found
    for sha, tree in commit_trees(open_mirror(mirror), missing):
        declared = collect_revision(tree, root, cache, declared_only=True)
        found[sha] = collect(tree, root, declared, cache, remote)
        if not _remote_failed(found[sha]):
            cache.put(sha, kind, found[sha], weight=max(1, found[sha].values))
    return found


def _remote_failed(found: RevisionPlots) -> bool:
    sources = found.sources.get("data", {}) if found.sources else {}
    return any(isinstance(s.get("error"), RemoteFileError) for s in sources.values())


@dataclass(frozen=True, slots=True)
class LiveImage:
    path: str  # relative to the DVC root, e.g. dvclive/plots/images/confusion.png
    step: int
    digest: str


def live(
    baseline: RevisionPlots | None, points: list[PointRow], images: list[LiveImage]
) -> RevisionPlots:
    """A live run's plots in the shape of a revision's: its series as the TSVs DVCLive writes
    (``<dir>/plots/metrics/<name>.tsv``, rows ``{step, <name's last part>, timestamp}``) and
    its images by path and step, each declared as the baseline declares that file (DVCLive's
    own ``{x: step}`` otherwise), so a chart holds Git revisions and live runs alike."""
    declared = _declared(baseline)
    directory = live_directory(list(dict.fromkeys(i.path for i in images))[:LIVE_DIR_PATHS])
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, step, value, token, timestamp in points:
        row = series_row(name, step, token or value)
        if timestamp is not None:
            row["timestamp"] = round(timestamp * 1000)  # DVCLive writes epoch milliseconds
        rows.setdefault(series_file(directory, name), []).append(row)
    found = RevisionPlots()
    plots: dict[str, Any] = {p: declared.get(p, {"x": "step"}) for p in rows}
    sources: dict[str, Any] = {p: {"data": r} for p, r in rows.items()}
    found.source_values = {p: 3 * len(r) for p, r in rows.items()}  # step, value, timestamp
    for image in images:
        plots.setdefault(image.path, declared.get(image.path, {}))
        sources[image.path] = {"data": image.digest.encode()}
        found.images.setdefault(image.path, []).append(ImageFile(image.digest, image.step))
    found.definitions = {"data": {"dvc.yaml": {"data": plots}}} if plots else {}
    found.sources = {"data": sources}
    return found


def _declared(baseline: RevisionPlots | None) -> dict[str, Any]:
    """Each plot id of the baseline with its properties, whatever config file holds it."""
    out: dict[str, Any] = {}
    if baseline is None or not baseline.definitions:
        return out
    for config in baseline.definitions["data"].values():
        for plot_id, props in (config.get("data") or {}).items():
            out.setdefault(plot_id, props)
    return out


def series_file(directory: str, name: str) -> str:
    """The TSV DVCLive writes a metric's series to (``directory`` ends with ``/``)."""
    return f"{directory}{METRICS_DIR}{name}.tsv"


def series_row(name: str, step: int, value: Any) -> dict[str, Any]:
    """A row of that TSV: the step and the value, in the column named after the metric."""
    return {"step": step, name.rsplit("/", 1)[-1]: value}


LIVE_DIR_PATHS = 100  # image paths (sorted) a run's DVCLive directory is looked for in


def live_directory(paths: Iterable[str]) -> str:
    """A run's DVCLive directory with its trailing ``/``, from the first of ``paths`` (its
    images) under one, else DVCLive's default. The series' own directory is not stored
    (points are kept by metric name), and the rows a step adds (resolvers.plots.live_step)
    must land in the plot this names."""
    for path in paths:
        for marker in ("plots/images/", METRICS_DIR):
            at = path.find(marker)
            if at >= 0:
                return path[:at]
    return "dvclive/"
