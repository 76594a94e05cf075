"""What ``dvc exp show --json`` shows for one revision, computed from Git objects only.

Mirrors DVC 3.67 (``dvc/repo/params/show.py``, ``dvc/repo/metrics/show.py``,
``dvc/repo/experiments/serialize.py``, ``dvc/repo/index.py``): every ``dvc.yaml`` and
``.dvc`` file under the DVC root (skipping ``.dvc/``, ``.git/`` and sub-repositories),
stage params/metrics/outs/deps, top-level ``params:``/``metrics:``/``plots:``, the default
``params.yaml``, ``dvc.lock`` hashes, and simple templating (``vars``, ``${...}``,
``foreach``, ``matrix``). Files are parsed at most once per blob id through
:class:`BlobCache`, which also keeps what follows from one blob whatever the revision:
dvc-file listings by directory id, ``dvc.yaml`` checks, stage plans and templated stages
(by the values they read), ``dvc.lock`` hashes by path, selected params and metrics. Values
handed out may be shared with the cache: treat them as read-only.
"""

from __future__ import annotations

import datetime
import fnmatch
import hashlib
import json
import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import product
from typing import Any

from storage.limits import limits
from sync.formats import ParseError, kind_of, parse_as_plain
from sync.remote_files import ERROR_TYPE, RemoteAccess, RemoteFileError
from sync.tree import RevisionTree, join, norm

__all__ = ["BlobCache", "FileError", "Parsed", "RevisionData", "collect_revision"]

PARAMS_FILE = "params.yaml"


@dataclass(frozen=True, slots=True)
class FileError:
    """A file DVC reports with ``{"error": ...}``, or a broken ``dvc.yaml``/``dvc.lock``.

    ``file`` is relative to the DVC root; ``kind`` is ``params``, ``metrics``, ``dvc.yaml``
    or ``dvc.lock``; ``type`` is DVC's exception class name.
    """

    file: str
    kind: str
    type: str
    message: str


@dataclass(slots=True)
class RevisionData:
    """One revision as ``dvc exp show --json`` sees it (keys relative to the DVC root)."""

    params: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)
    plots: list[str] = field(default_factory=list)
    deps: dict[str, dict[str, Any]] = field(default_factory=dict)
    outs: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The error that makes DVC fail the whole revision (``exp show``: ``"data": null,
    # "error": {...}``), e.g. a broken dvc.yaml/dvc.lock or a broken ``params.yaml`` next to
    # a dvc.yaml. What could still be read is kept in the other fields.
    dvc_error: FileError | None = None
    # How the plots are declared, for rendering them (sync.plot_data); not stored with the
    # row. Each dvc.yaml's top-level ``plots:`` list by the file's path, and the stage
    # outputs marked as plots with their ``plots:`` flags (paths relative to the DVC root).
    plot_definitions: dict[str, list[Any]] = field(default_factory=dict, compare=False)
    plot_outputs: list[tuple[str, dict[str, Any]]] = field(default_factory=list, compare=False)
    # Every output kept in the DVC cache that DVC's files give a hash for (metrics and plots
    # outputs too), by path, with its hash fields: what sync.remote_files reads from the DVC
    # remote when Git lacks the file. Not stored with the row.
    cached: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "params": self.params,
            "metrics": self.metrics,
            "errors": [asdict(e) for e in self.errors],
            "plots": list(self.plots),
            "deps": self.deps,
            "outs": self.outs,
            "dvc_error": None if self.dvc_error is None else asdict(self.dvc_error),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RevisionData:
        error = data.get("dvc_error")
        return cls(
            params=dict(data.get("params") or {}),
            metrics=dict(data.get("metrics") or {}),
            errors=[FileError(**e) for e in data.get("errors") or []],
            plots=list(data.get("plots") or []),
            deps=dict(data.get("deps") or {}),
            outs=dict(data.get("outs") or {}),
            dvc_error=None if error is None else FileError(**error),
        )


# --- the blob cache ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parse result: ``value`` (JSON-compatible) or ``error``; ``exotic`` if the raw data
    held types DVC's templating context rejects (dates, tuples, sets...)."""

    value: Any = None
    error: ParseError | None = None
    exotic: bool = False


class BlobCache:
    """Memoises parsed blobs by ``(blob id, parser kind)``; also caches per-tree listings.

    ``hits``/``misses`` count lookups, ``parsed`` counts actual parses. With ``max_entries``
    it holds at most that many entries, as two generations (an approximate LRU that costs
    nothing per hit): when the young one is full it becomes the old one and the previous
    old one is dropped; a hit in the old generation moves the entry back to the young one.
    Nearby revisions share most blobs, so a full index keeps its hit rate in bounded memory.
    With ``max_weight`` too, entries put with a weight (plots: the values parsed) rotate the
    generations when the young one weighs half of it; an entry heavier than that is not kept.
    """

    def __init__(self, max_entries: int | None = None, max_weight: int | None = None) -> None:
        self._data: dict[tuple[str, str], Any] = {}
        self._old: dict[tuple[str, str], Any] = {}
        self._weights: dict[tuple[str, str], int] = {}  # entries heavier than 1
        self._young_weight = 0
        self.max_entries = max_entries
        self.max_weight = max_weight
        self.hits = 0
        self.misses = 0
        self.parsed = 0

    def __len__(self) -> int:
        return len(self._data) + len(self._old)

    def get(self, oid: str, kind: str) -> Any | None:
        key = (oid, kind)
        value = self._data.get(key)
        if value is None and self._old:
            value = self._old.pop(key, None)
            if value is not None:
                self._store(key, value)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, oid: str, kind: str, value: Any, weight: int = 1) -> None:
        key = (oid, kind)
        if weight > 1:
            if self.max_weight is not None and weight > self.max_weight // 2:
                return
            self._weights[key] = weight
        self._store(key, value)

    def keep_only(self, prefix: str) -> None:
        """Drop every entry whose kind does not start with ``prefix`` (after a large
        index: what it parsed is spread over the whole heap and would pin it)."""
        self._data = {k: v for k, v in self._data.items() if k[1].startswith(prefix)}
        self._old = {k: v for k, v in self._old.items() if k[1].startswith(prefix)}

    def _store(self, key: tuple[str, str], value: Any) -> None:
        weight = self._weights.get(key, 1) if self._weights else 1
        full = self.max_entries is not None and len(self._data) >= max(1, self.max_entries // 2)
        heavy = self.max_weight is not None and self._young_weight + weight > self.max_weight // 2
        if full or heavy:
            if self._weights:
                for dropped in self._old:
                    self._weights.pop(dropped, None)
            self._old = self._data
            self._data = {}
            self._young_weight = 0
        self._data[key] = value
        self._young_weight += weight

    def parse(self, oid: str, kind: str, path: str, content: bytes) -> Parsed:
        """The memoised :class:`Parsed` of a blob."""
        hit = self.get(oid, kind)
        if isinstance(hit, Parsed):
            return hit
        self.parsed += 1
        result = _parse(kind, path, content)
        self.put(oid, kind, result)
        return result


def _parse(kind: str, path: str, content: bytes) -> Parsed:
    try:
        raw, plain = parse_as_plain(kind, path, content)
    except ParseError as exc:
        return Parsed(error=exc)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        return Parsed(error=ParseError(type(exc).__name__, str(exc)))
    if kind == "yaml" and b"*" in content and _expands(raw, _unfolded_bound(content)):
        message = f"'{path}' unfolds its YAML aliases into too many values"
        return Parsed(error=ParseError("FileTooLargeError", message))
    if plain:
        return Parsed(value=raw)
    value, exotic = _jsonable(raw)
    return Parsed(value=value, exotic=exotic)


MAX_UNFOLDED = 1_000_000  # values a YAML file with aliases may unfold into, at most ...
UNFOLD_FACTOR = 100  # ... and per byte of the file (a config reusing blocks stays far below)


def _unfolded_bound(content: bytes) -> int:
    return min(MAX_UNFOLDED, UNFOLD_FACTOR * len(content))


def _expands(value: Any, most: int) -> bool:
    """Whether ``value``, walked as a tree, holds more than ``most`` values. With YAML
    aliases a few hundred bytes can unfold into millions of values (each ``*alias`` repeats
    a whole subtree), which every later walk and the stored row would pay for."""
    stack = [value]
    while stack:
        most -= 1
        if most < 0:
            return True
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
    return False


def _jsonable(obj: Any) -> tuple[Any, bool]:
    """JSON-compatible copy (dates -> ISO strings, tuples/sets -> lists), and whether the
    input held anything but None/bool/int/float/str/list/dict."""
    if obj is None or isinstance(obj, bool | int | float | str):
        return obj, False
    if isinstance(obj, dict):
        items = [(k, _jsonable(v)) for k, v in obj.items()]
        exotic = any(e for _, (_, e) in items)
        return {_key(k): v for k, (v, _) in items}, exotic
    if isinstance(obj, list | tuple | set | frozenset):
        items2 = [_jsonable(v) for v in obj]
        exotic = not isinstance(obj, list) or any(e for _, e in items2)
        return [v for v, _ in items2], exotic
    if isinstance(obj, datetime.date | datetime.time):
        return obj.isoformat(), True
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace"), False
    return str(obj), True


def _key(key: Any) -> str:
    """Keys as ``exp show --json`` prints them (JSON object keys are strings)."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool | int | float):
        return json.dumps(key)
    return str(key)


# --- entry point ----------------------------------------------------------------------


def collect_revision(
    tree: RevisionTree,
    subdir: str = "",
    cache: BlobCache | None = None,
    *,
    declared_only: bool = False,
    custom_files: Sequence[tuple[str, str]] = (),
    remote: RemoteAccess | None = None,
) -> RevisionData:
    """Params, metrics, plots, deps and outs of one revision, as ``dvc exp show --json``
    run in ``subdir`` (the DVC root inside the Git repository) reports them.
    ``declared_only``: what the DVC files declare, without reading the params and metrics
    files or dvc.lock's hashes (what plots need). ``custom_files``: (path relative to the
    root, ``params`` or ``metrics``) read as if a dvc.yaml declared them (a project's
    customFiles setting, for repositories without DVC or beside it); one this revision
    lacks is left out, not an error. ``remote``: how a params or metrics file missing from
    Git is read from the DVC remote when it is a cached output (None: such a file is
    missing, as DVC finds it without the cache)."""
    collector = _Collector(tree, norm(subdir), cache if cache is not None else BlobCache())
    collector.declared_only = declared_only
    collector.custom_files = custom_files
    collector.remote = remote
    return collector.run()


_NO_HASH: dict[str, Any] = {"hash": None, "size": None, "nfiles": None}
_Hashes = dict[str, dict[str, Any]]  # dvc.lock dep/out path -> hash fields
_LockStage = tuple[_Hashes, _Hashes]  # deps, outs
_NO_LOCK_STAGE: _LockStage = ({}, {})


@dataclass(frozen=True, slots=True)
class _Lock:
    """What one dvc.lock blob gives: a validation problem, or each stage's hashes by path."""

    problem: str | None
    stages: dict[str, _LockStage]


@dataclass(slots=True)
class _StagePlan:
    """One resolved stage, ready to apply to a revision: git paths and reported keys, in
    DVC's order. ``error`` (a ValueError message) fails the pipeline after what is listed."""

    params: list[dict[str, list[str]]] = field(default_factory=list)
    deps: list[tuple[str, str]] = field(default_factory=list)  # (key, lock path)
    outs: list[tuple[str, str, str, bool]] = field(default_factory=list)  # + git path, cache
    outputs: list[tuple[str, str, str, bool]] = field(default_factory=list)  # metrics, plots
    metrics: list[str] = field(default_factory=list)  # git paths
    plots: list[tuple[str, str]] = field(default_factory=list)  # (git path, key)
    plot_flags: list[dict[str, Any]] = field(default_factory=list)  # each plot's flags
    error: str | None = None


@dataclass(slots=True)
class _DvcYaml:
    """What one dvc.yaml blob gives whatever the revision: its validation problem, whether
    it needs templating at all, the ids of its template-free dicts and lists, and of its
    templated stage bodies with the ``${...}`` they read, in order (``data`` keeps them all
    alive); then memos: resolved templated stages by what they read, and stage plans."""

    data: Any
    problem: str | None
    plain: bool
    constant: set[int]
    exprs: dict[int, list[str]] = field(default_factory=dict)
    resolved: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)
    kept: set[int] = field(default_factory=set)  # ids of the dicts in ``resolved``
    plans: dict[tuple[int, str, str], _StagePlan] = field(default_factory=dict)

    def stable(self, definition: Any) -> bool:
        """Whether ``definition`` (a resolved stage) stays alive as long as this object."""
        return id(definition) in self.constant or id(definition) in self.kept

    def remember(self, key: tuple[Any, ...], resolved: dict[str, Any]) -> None:
        """Memoise a resolved stage; entries are never dropped (their ids are used)."""
        if len(self.resolved) < _MAX_RESOLVED:
            self.resolved[key] = resolved
            self.kept.add(id(resolved))


_MAX_RESOLVED = 256  # memoised resolved stages per dvc.yaml blob


class _RevisionFailure(Exception):
    """A dvc.yaml-level failure (DVC fails the whole revision)."""

    def __init__(self, error: FileError) -> None:
        super().__init__(error.message)
        self.error = error


class _Collector:
    def __init__(self, tree: RevisionTree, root: str, cache: BlobCache) -> None:
        self.tree = tree
        self.root = root
        self.cache = cache
        self.data = RevisionData()
        self.param_specs: list[dict[str, list[str]]] = []
        self.metric_paths: list[str] = []
        self.tracked_vars: dict[str, dict[str, Any]] = {}
        self.out_dirs: set[str] = set()
        self.declared_only = False
        self.custom_files: Sequence[tuple[str, str]] = ()
        self.remote: RemoteAccess | None = None

    # paths -------------------------------------------------------------------------

    def rel(self, path: str) -> str:
        return relative(path, self.root)

    def load(self, path: str, kind: str | None = None) -> Parsed | None:
        """Parsed content of the file at the git path ``path``; None if not a file."""
        found = self.load_blob(path, kind)
        return None if found is None else found[1]

    def load_blob(self, path: str, kind: str | None = None) -> tuple[str, Parsed] | None:
        """(blob id, parsed content) of the file at ``path``; the content is read only when
        the blob was never parsed."""
        oid = self.tree.blob_id(path)
        if oid is None:
            return None
        kind = kind or kind_of(path)
        hit = self.cache.get(oid, kind)
        if isinstance(hit, Parsed):
            return oid, hit
        limit = limits().max_parse_file_bytes
        # A bound first (a loose object's file size), the header only when it says no more.
        size = 0 if (self.tree.size_at_most(path) or 0) <= limit else self.tree.size(path) or 0
        if size > limit:  # known from the object header: the content is never read
            message = (
                f"'{self.rel(path)}' is {size} bytes, over the {limit} bytes files may have to"
                " be parsed (GITSTUDIO_MAX_PARSE_FILE_BYTES): not parsed"
            )
            too_large = Parsed(error=ParseError("FileTooLargeError", message))
            self.cache.put(oid, kind, too_large)
            return oid, too_large
        blob = self.tree.read(path)
        assert blob is not None
        return oid, self.cache.parse(blob[0], kind, path, blob[1])

    def add_error(self, error: FileError, fatal: bool = False) -> None:
        if all((e.file, e.kind) != (error.file, error.kind) for e in self.data.errors):
            self.data.errors.append(error)
        if fatal and self.data.dvc_error is None:
            self.data.dvc_error = error

    # main --------------------------------------------------------------------------

    def run(self) -> RevisionData:
        if self.root and not self.tree.is_dir(self.root):  # DVC checks the root dir only
            message = "Commit does not contain a DVC repo"
            self._fail(self.root, "dvc.yaml", "NotDvcRepoError", message)
            return self.data
        for path in _dvcfiles(self.tree, self.root, self.cache):
            if self._pruned(path):
                continue
            if path.endswith(".dvc"):
                self._single_stage_file(path)
            else:
                self._pipeline_file(path)
        for path, kind in self.custom_files:
            full = join(self.root, path)
            if self.tree.blob_id(full) is None:
                continue
            if kind == "params":
                self.param_specs.append({full: []})
            elif full not in self.metric_paths:
                self.metric_paths.append(full)
        if not self.declared_only:
            self._collect_params()
            self._collect_metrics()
        return self.data

    def _pruned(self, path: str) -> bool:
        parent = posixpath.dirname(path)
        while parent and parent != self.root:
            if parent in self.out_dirs:
                return True
            parent = posixpath.dirname(parent)
        return False

    # .dvc files --------------------------------------------------------------------

    def _single_stage_file(self, path: str) -> None:
        parsed = self.load(path, "yaml")
        assert parsed is not None
        if parsed.error is not None or not isinstance(parsed.value, dict):
            kind = "YAMLSyntaxError" if parsed.error else "YAMLValidationError"
            self._fail(path, "dvc.yaml", kind, f"invalid '{self.rel(path)}'")
            return
        stage = parsed.value
        wdir = join(posixpath.dirname(path), _str(stage.get("wdir")))
        for out in _dict_items(stage.get("outs")):
            self._add_out(wdir, str(out.get("path")), out, out.get("cache", True))
            self.data.outs[self.rel(join(wdir, str(out.get("path"))))]["is_data_source"] = (
                stage.get("cmd") is None
            )
        for dep in _dict_items(stage.get("deps")):
            if not ({"repo", "db", "params", "dataset"} & dep.keys()):
                self.data.deps[self.rel(join(wdir, str(dep.get("path"))))] = _hash_fields(dep)

    # dvc.yaml ----------------------------------------------------------------------

    def _fail(self, path: str, kind: str, type_: str, message: str) -> None:
        self.add_error(FileError(self.rel(path), kind, type_, message), fatal=True)

    def _pipeline_file(self, path: str) -> None:
        found = self.load_blob(path, "yaml")
        assert found is not None
        oid, parsed = found
        if parsed.error is not None:
            self._fail(path, "dvc.yaml", "YAMLSyntaxError", parsed.error.message)
            return
        info = self._dvcyaml(oid, parsed.value)
        if info.problem:
            self._fail(path, "dvc.yaml", "YAMLValidationError", f"'{path}' {info.problem}")
            return
        directory = posixpath.dirname(path)
        lock = {} if self.declared_only else self._lockfile(join(directory, "dvc.lock"))
        try:
            resolved = _Resolver(self, directory, info).resolve()
        except _RevisionFailure as exc:
            self.add_error(exc.error, fatal=True)
            return
        for name, definition in resolved.get("stages", {}).items():
            plan = self._stage_plan(info, directory, definition)
            self._apply(plan, lock.get(name, _NO_LOCK_STAGE))
            if plan.error is not None:
                self._fail(path, "dvc.yaml", "ValueError", plan.error)
                return
        self._top_level(directory, resolved)

    def _dvcyaml(self, oid: str, value: Any) -> _DvcYaml:
        hit = self.cache.get(oid, "dvc.yaml")
        if isinstance(hit, _DvcYaml):
            return hit
        info = _dvcyaml_info(value)
        self.cache.put(oid, "dvc.yaml", info)
        return info

    def _lockfile(self, path: str) -> dict[str, _LockStage]:
        found = self.load_blob(path, "yaml")
        if found is None:
            return {}
        oid, parsed = found
        if parsed.error is not None:
            self._fail(path, "dvc.lock", "YAMLSyntaxError", parsed.error.message)
            return {}
        lock = self.cache.get(oid, "dvc.lock")
        if not isinstance(lock, _Lock):
            lock = _lock_info(parsed.value)
            self.cache.put(oid, "dvc.lock", lock)
        if lock.problem:
            self._fail(path, "dvc.lock", "YAMLValidationError", f"'{path}' {lock.problem}")
            return {}
        return lock.stages

    def _stage_plan(self, info: _DvcYaml, directory: str, definition: Any) -> _StagePlan:
        """The plan of a resolved stage; memoised for stages that need no templating."""
        if not info.stable(definition):
            return _plan_stage(directory, definition, self.root)
        key = (id(definition), directory, self.root)
        plan = info.plans.get(key)
        if plan is None:
            plan = info.plans[key] = _plan_stage(directory, definition, self.root)
        return plan

    def _apply(self, plan: _StagePlan, lock: _LockStage) -> None:
        deps, outs = lock
        self.param_specs.extend(plan.params)
        for key, path in plan.deps:
            self.data.deps[key] = dict(deps.get(path, _NO_HASH))
        for git_path, key, path, use_cache in plan.outs:
            self.out_dirs.add(git_path)
            hashes = outs.get(path, _NO_HASH)
            self.data.outs[key] = {**hashes, "use_cache": use_cache, "is_data_source": False}
        for _git_path, key, path, use_cache in plan.outs + plan.outputs:
            if use_cache and path in outs:
                self.data.cached[key] = outs[path]
        for git_path in plan.metrics:
            self.metric_paths.append(git_path)
            self.out_dirs.add(git_path)
        for (git_path, key), flags in zip(plan.plots, plan.plot_flags, strict=True):
            self._add_plot(key)
            self.data.plot_outputs.append((key, flags))
            self.out_dirs.add(git_path)

    def _add_out(self, wdir: str, out: str, info: dict[str, Any], use_cache: Any) -> None:
        path = join(wdir, out)
        self.out_dirs.add(path)
        entry = _hash_fields(info)
        if use_cache:
            self.data.cached[self.rel(path)] = dict(entry)
        entry.update(use_cache=bool(use_cache), is_data_source=False)
        self.data.outs[self.rel(path)] = entry

    def _top_level(self, directory: str, resolved: dict[str, Any]) -> None:
        if resolved.get("plots"):
            self.data.plot_definitions[self.rel(join(directory, "dvc.yaml"))] = list(
                resolved["plots"]
            )
        for metric in resolved.get("metrics") or []:
            self.metric_paths.append(join(directory, str(metric)))
        for param in resolved.get("params") or []:
            self.param_specs.append({join(directory, str(param)): []})
        for plot in resolved.get("plots") or []:
            names = [plot] if isinstance(plot, str) else list(_dict(plot))
            for name in names:
                self._add_plot(self.rel(join(directory, str(name))))

    def _add_plot(self, key: str) -> None:
        """Once: a file declared in a stage and at the top level is one plot."""
        if key not in self.data.plots:
            self.data.plots.append(key)

    # params ------------------------------------------------------------------------

    def _collect_params(self) -> None:
        default = join(self.root, PARAMS_FILE)
        specs = list(self.param_specs)
        if self.tree.blob_id(default) is not None or self.tree.is_dir(default):
            specs.append({default: []})
        try:
            merged = merge_params(specs)
        except ValueError as exc:
            self._fail(join(self.root, "dvc.yaml"), "dvc.yaml", "ValueError", str(exc))
            merged = {}
        for path, keys in merged.items():
            for file in self._expand(path):
                self._read_params(file, keys)
        for file, values in self.tracked_vars.items():
            key = self.rel(file)
            if key not in self.data.params and not self._errored(key, "params"):
                self.data.params[key] = values

    def _errored(self, key: str, kind: str) -> bool:
        return any(e.file == key and e.kind == kind for e in self.data.errors)

    def _expand(self, path: str) -> list[str]:
        if self.tree.is_dir(path):
            return self.tree.walk_files(path) or [path]
        return [path]

    def _read_params(self, path: str, keys: list[str]) -> None:
        key = self.rel(path)
        found = self._read_or_error(path, "params")
        if found is None:
            return
        oid, parsed = found
        if not keys:
            self.data.params[key] = parsed.value
            return
        kind = f"select:{keys!r}"
        selected = self.cache.get(oid, kind)
        if selected is None:
            selected = select_keys(parsed.value, keys)
            self.cache.put(oid, kind, selected)
        self.data.params[key] = selected

    def _read_or_error(self, path: str, kind: str) -> tuple[str, Parsed] | None:
        key = self.rel(path)
        found = self.load_blob(path) or self._from_remote(path, kind)
        if found is None:
            message = f"[Errno 2] No such file or directory: '{key}'"
            self.add_error(FileError(key, kind, "FileNotFoundError", message))
            return None
        error = found[1].error
        if error is not None:
            self.add_error(FileError(key, kind, error.type, error.message))
            return None
        return found

    def _from_remote(self, path: str, kind: str) -> tuple[str, Parsed] | None:
        """(``md5:`` + its md5, parsed content) of a file Git lacks that a cached output
        holds, read from the DVC remote; None when no output holds it. A remote that
        fails records the row's error and gives a Parsed error (reported once)."""
        key = self.rel(path)
        if self.remote is None or key == ".." or key.startswith("../"):
            return None
        try:
            content = self.remote.read(self.tree, self.root, self.data.cached, key)
        except RemoteFileError as exc:
            return "", Parsed(error=ParseError(ERROR_TYPE, str(exc)))
        if content is None:
            return None
        oid = "md5:" + hashlib.md5(content, usedforsecurity=False).hexdigest()
        return oid, self.cache.parse(oid, kind_of(path), path, content)

    # metrics -----------------------------------------------------------------------

    def _collect_metrics(self) -> None:
        seen: set[str] = set()
        for path in self.metric_paths:
            for file in self._expand(path):
                if file in seen:
                    continue
                seen.add(file)
                found = self._read_or_error(file, "metrics")
                if found is not None:
                    self.data.metrics[self.rel(file)] = self._metrics(*found)

    def _metrics(self, oid: str, parsed: Parsed) -> Any:
        metrics = self.cache.get(oid, "metrics")
        if metrics is None:
            metrics = extract_metrics(parsed.value) or {}
            self.cache.put(oid, "metrics", metrics)
        return metrics


def _dvcyaml_info(value: Any) -> _DvcYaml:
    problem = _validate_dvcyaml(value)
    if problem:
        return _DvcYaml(value, problem, False, set())
    stages = _dict(value.get("stages"))
    plain = "vars" not in value and not any(
        "foreach" in s or "matrix" in s for s in stages.values() if isinstance(s, dict)
    )
    constant: set[int] = set()
    free = _template_free(value, constant)
    info = _DvcYaml(value, None, plain and free, constant)
    for stage in stages.values():
        body = stage.get("do") if "foreach" in stage else stage
        if "matrix" not in stage and id(body) not in constant and "vars" not in body:
            info.exprs[id(body)] = _exprs(body)
    return info


def _exprs(definition: dict[str, Any]) -> list[str]:
    """The ``${...}`` a stage body reads, in the order :class:`_Resolver` reads them (top
    level keys are not interpolated)."""
    out: list[str] = []
    for value in definition.values():
        _collect_exprs(value, out)
    return out


def _collect_exprs(node: Any, out: list[str]) -> None:
    if isinstance(node, str):
        out.extend(match["inner"].strip() for match in _INTERP.finditer(node))
    elif isinstance(node, dict):
        for key, value in node.items():
            _collect_exprs(key, out)
            _collect_exprs(value, out)
    elif isinstance(node, list):
        for value in node:
            _collect_exprs(value, out)


def _template_free(node: Any, found: set[int]) -> bool:
    """Whether ``node`` holds no ``${``; adds the ids of template-free dicts and lists."""
    if isinstance(node, str):
        return "${" not in node
    if isinstance(node, dict):
        flags = [_template_free(k, found) & _template_free(v, found) for k, v in node.items()]
    elif isinstance(node, list):
        flags = [_template_free(v, found) for v in node]
    else:
        return True
    if all(flags):
        found.add(id(node))
        return True
    return False


def _lock_info(value: Any) -> _Lock:
    problem = _validate_lock(value)
    if problem:
        return _Lock(problem, {})
    stages = {
        name: (_hashes(stage.get("deps")), _hashes(stage.get("outs")))
        for name, stage in _dict(value.get("stages")).items()
    }
    return _Lock(None, stages)


def _hashes(entries: Any) -> _Hashes:
    return {path: _hash_fields(info) for path, info in _by_path(entries).items()}


def _plan_stage(directory: str, d: dict[str, Any], root: str) -> _StagePlan:
    """A resolved stage definition as a plan: its params, deps, outs, metrics and plots in
    DVC's order, up to the first error."""
    wdir = join(directory, _str(d.get("wdir")))
    plan = _StagePlan()
    try:
        params = merge_params(d.get("params") or []).items()
        plan.params = [{join(wdir, file): keys} for file, keys in params]
        deps = [str(dep) for dep in d.get("deps") or []]
        plan.deps = [(relative(join(wdir, dep), root), dep) for dep in deps]
        outs = merge_outs(d.get("outs") or []).items()
        plan.outs = [_planned_out(wdir, out, flags, root) for out, flags in outs]
        metrics = merge_outs(d.get("metrics") or [])
        plan.metrics = [join(wdir, out) for out in metrics]
        plots = merge_outs(d.get("plots") or [])
        marked = {**metrics, **plots}.items()
        plan.outputs = [_planned_out(wdir, out, _dict(flags), root) for out, flags in marked]
        plan.plots = [(path, relative(path, root)) for path in (join(wdir, p) for p in plots)]
        plan.plot_flags = list(plots.values())
    except ValueError as exc:
        plan.error = str(exc)
    return plan


def _planned_out(
    wdir: str, out: str, flags: dict[str, Any], root: str
) -> tuple[str, str, str, bool]:
    path = join(wdir, out)
    return path, relative(path, root), out, bool(flags.get("cache", True))


def relative(path: str, root: str) -> str:
    """``posixpath.relpath(path or ".", root or ".")`` for normalised paths, without the two
    ``getcwd`` calls when ``path`` is ``root`` or inside it."""
    if ".." not in path:
        if not root:
            return path or "."
        if path == root:
            return "."
        if path.startswith(root) and path[len(root)] == "/":
            return path[len(root) + 1 :]
    return posixpath.relpath(path or ".", root or ".")


# --- DVC helpers, reimplemented ---------------------------------------------------------


def merge_params(specs: list[Any]) -> dict[str, list[str]]:
    """``dvc.dependency._merge_params``: a file tracked wholly anywhere is tracked wholly."""
    merged: dict[str, list[str]] = {}
    wholly = {k for spec in specs if isinstance(spec, dict) for k, v in spec.items() if not v}
    for spec in specs:
        if isinstance(spec, str):
            if PARAMS_FILE not in wholly:
                merged.setdefault(PARAMS_FILE, []).append(spec)
            continue
        if not isinstance(spec, dict):
            raise ValueError(f"Only list of str/dict is supported. Got: '{type(spec).__name__}'.")
        for file, keys in spec.items():
            if file in wholly:
                merged[file] = []
            elif not isinstance(keys, list):
                raise ValueError(f"Expected list of params for custom params file '{file}'")
            else:
                merged.setdefault(file, []).extend(str(k) for k in keys)
    return merged


def merge_outs(specs: list[Any]) -> dict[str, dict[str, Any]]:
    """``dvc.output._merge_data``: ``[path | {path: flags}]`` -> ``{path: flags}``."""
    merged: dict[str, dict[str, Any]] = {}
    for spec in specs:
        if isinstance(spec, str):
            merged.setdefault(spec, {})
            continue
        if not isinstance(spec, dict):
            raise ValueError(f"'{type(spec).__name__}' not supported.")
        for path, flags in spec.items():
            merged.setdefault(str(path), {}).update(flags if isinstance(flags, dict) else {})
    return merged


def extract_metrics(value: Any) -> Any:
    """``dvc.repo.metrics.show._extract_metrics``: numbers, strings, bools, nested dicts."""
    if isinstance(value, int | float | str):
        return value
    if not isinstance(value, dict):
        return None
    out: dict[str, Any] = {}
    for key, val in value.items():
        extracted = extract_metrics(val)
        if extracted is not None and extracted != {}:
            out[key] = extracted
    return out


def select_keys(config: Any, keys: list[str]) -> dict[str, Any]:
    """``read_param_file`` with key paths: dpath search (``.``-separated, globs) merged."""
    result: dict[str, Any] = {}
    for key in dict.fromkeys(keys):
        for path, value in _search(config, key.split(".")):
            _deep_set(result, path, value)
    return result


def _search(node: Any, parts: list[str]) -> Iterator[tuple[list[Any], Any]]:
    if not parts:
        yield [], node
        return
    head, rest = parts[0], parts[1:]
    for key, child in _children(node):
        if fnmatch.fnmatchcase(str(key), head):
            for path, value in _search(child, rest):
                yield [key, *path], value


def _children(node: Any) -> list[tuple[Any, Any]]:
    if isinstance(node, dict):
        return list(node.items())
    if isinstance(node, list):
        return list(enumerate(node))
    return []


def _deep_set(target: dict[Any, Any], path: list[Any], value: Any) -> None:
    for key in path[:-1]:
        child = target.get(key)
        if not isinstance(child, dict):
            child = target[key] = {}
        target = child
    last = path[-1]
    if isinstance(value, dict) and isinstance(target.get(last), dict):
        _deep_merge(target[last], value)
    else:
        target[last] = _copy(value)


def _deep_merge(target: dict[Any, Any], value: dict[Any, Any]) -> None:
    for key, val in value.items():
        if isinstance(val, dict) and isinstance(target.get(key), dict):
            _deep_merge(target[key], val)
        else:
            target[key] = _copy(val)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _hash_fields(info: dict[str, Any]) -> dict[str, Any]:
    digest = info.get("md5") or info.get("etag") or info.get("checksum")
    return {"hash": digest, "size": info.get("size"), "nfiles": info.get("nfiles")}


def _by_path(entries: Any) -> dict[str, dict[str, Any]]:
    return {str(e.get("path")): e for e in _dict_items(entries)}


def _dict_items(value: Any) -> list[dict[str, Any]]:
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


# --- finding dvc files ------------------------------------------------------------------

_SKIP_DIRS = frozenset({".dvc", ".git", ".hg"})


@dataclass(frozen=True, slots=True)
class _Listing:
    """The dvc files under one directory (relative to it, in DVC's walk order), and whether
    the directory is a sub-repository (holds ``.dvc/``), which DVC skips."""

    files: list[str]
    subrepo: bool


def _dvcfiles(tree: RevisionTree, root: str, cache: BlobCache) -> list[str]:
    """``dvc.yaml`` and ``*.dvc`` files under ``root`` in DVC's top-down walk order."""
    tree_id = tree.tree_id(root)
    if tree_id is None:
        return []
    return [join(root, p) for p in _listing(tree, root, tree_id, cache).files]


def _listing(tree: RevisionTree, path: str, tree_id: str, cache: BlobCache) -> _Listing:
    """Memoised by directory id: a new revision lists only the directories it changed."""
    hit = cache.get(tree_id, "dvcfiles")
    if isinstance(hit, _Listing):
        return hit
    entries = tree.listdir(path)
    found = [e.name for e in entries if not e.is_dir and _is_dvcfile(e.name)]
    for entry in entries:
        if not entry.is_dir or entry.name in _SKIP_DIRS:
            continue
        sub = _listing(tree, join(path, entry.name), entry.oid, cache)
        if not sub.subrepo:
            found.extend(f"{entry.name}/{p}" for p in sub.files)
    listing = _Listing(found, any(e.is_dir and e.name == ".dvc" for e in entries))
    cache.put(tree_id, "dvcfiles", listing)
    return listing


def _is_dvcfile(name: str) -> bool:
    return name == "dvc.yaml" or (name.endswith(".dvc") and name != ".dvc")


# --- light schema validation (dvc/schema.py) ------------------------------------------

_TOP_KEYS = frozenset({"datasets", "plots", "stages", "vars", "params", "metrics", "artifacts"})
_STAGE_KEYS = frozenset(
    {
        "matrix",
        "cmd",
        "wdir",
        "deps",
        "params",
        "vars",
        "frozen",
        "meta",
        "desc",
        "always_changed",
        "outs",
        "metrics",
        "plots",
    }
)


def _validate_dvcyaml(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "must be a mapping"
    if extra := set(data) - _TOP_KEYS:
        return f"has unknown keys {sorted(map(str, extra))}"
    for key in ("params", "metrics"):
        if key in data and not _list_of(data[key], str):
            return f"'{key}' must be a list of strings"
    if "plots" in data and not _list_of(data["plots"], str | dict):
        return "'plots' must be a list"
    if "vars" in data and not _list_of(data["vars"], str | dict):
        return "'vars' must be a list"
    stages = data.get("stages", {})
    if not isinstance(stages, dict):
        return "'stages' must be a mapping"
    for name, stage in stages.items():
        if problem := _validate_stage(stage):
            return f"stage '{name}': {problem}"
    return None


def _validate_stage(stage: Any) -> str | None:
    if not isinstance(stage, dict):
        return "must be a mapping"
    if "foreach" in stage or "do" in stage:
        if set(stage) != {"foreach", "do"}:
            return "foreach needs exactly 'foreach' and 'do'"
        return _validate_stage(stage["do"])
    if "cmd" not in stage or not isinstance(stage["cmd"], str | list):
        return "'cmd' is required"
    if extra := set(stage) - _STAGE_KEYS:
        return f"unknown keys {sorted(map(str, extra))}"
    checks = {
        "deps": str,
        "params": str | dict,
        "outs": str | dict,
        "metrics": str | dict,
        "plots": str | dict,
        "vars": str | dict,
    }
    for key, types in checks.items():
        if key in stage and not _list_of(stage[key], types):
            return f"'{key}' must be a list"
    if "matrix" in stage and not isinstance(stage["matrix"], dict):
        return "'matrix' must be a mapping"
    return None


def _validate_lock(data: Any) -> str | None:
    if not isinstance(data, dict) or data.get("schema") != "2.0":
        return "invalid schema version"
    stages = data.get("stages", {})
    if not isinstance(stages, dict):
        return "'stages' must be a mapping"
    for name, stage in stages.items():
        if not isinstance(stage, dict) or "cmd" not in stage:
            return f"stage '{name}': 'cmd' is required"
        if set(stage) - {"cmd", "deps", "params", "outs"}:
            return f"stage '{name}': unknown keys"
        for key in ("deps", "outs"):
            items = stage.get(key, [])
            if not _list_of(items, dict) or not all("path" in i for i in items):
                return f"stage '{name}': '{key}' entries need a path"
    return None


def _list_of(value: Any, types: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, types) for v in value)


# --- templating (dvc/parsing), the common subset ----------------------------------------

_INTERP = re.compile(r"(?<!\\)\$\{(?P<inner>.*?)\}")
_PRIMITIVES = (int, float, str, bool)
# What resolving a templated stage body read: the memo key (body id, then type, value and
# source file of each ${...}) and the params it tracked, to replay on a memo hit.
_StageReads = tuple[tuple[Any, ...], list[tuple[str, str, Any]]]


class _ResolveError(Exception):
    pass


class _Resolver:
    """Resolves one dvc.yaml: loads its vars context (always, like DVC), expands
    foreach/matrix stages and interpolates ``${...}``."""

    def __init__(self, collector: _Collector, directory: str, info: _DvcYaml) -> None:
        self.c = collector
        self.directory = directory
        self.info = info
        self.data: dict[str, Any] = info.data
        self.constant = info.constant  # template-free nodes: resolved as they are
        self.plain = info.plain
        self.dvcyaml = collector.rel(join(directory, "dvc.yaml"))
        self.context: dict[str, Any] = {}
        self.sources: dict[str, str] = {}  # top-level context key -> git path of its file

    def fail(self, type_: str, message: str) -> _RevisionFailure:
        return _RevisionFailure(FileError(self.dvcyaml, "dvc.yaml", type_, message))

    def resolve(self) -> dict[str, Any]:
        self._load_default_params()
        if self.plain:
            return self.data
        try:
            return self._resolve_all(_dict(self.data.get("stages")))
        except (_ResolveError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise self.fail("ResolveError", f"failed to parse '{self.dvcyaml}': {exc}") from exc

    def _load_default_params(self) -> None:
        """DVC loads ``params.yaml`` beside every dvc.yaml into the templating context and
        fails the whole revision if it is broken; we record that and go on."""
        path = join(self.directory, PARAMS_FILE)
        parsed = self.c.load(path)
        if parsed is None:
            return
        rel = self.c.rel(path)
        if parsed.error is not None:
            error = FileError(rel, "params", parsed.error.type, parsed.error.message)
            self.c.add_error(error, fatal=True)
        elif not isinstance(parsed.value, dict):
            message = f"failed to parse 'vars' in '{self.dvcyaml}': expected a dictionary"
            self.c.add_error(FileError(self.dvcyaml, "dvc.yaml", "ResolveError", message), True)
        elif parsed.exotic:
            message = f"Unsupported value type in '{rel}'"
            self.c.add_error(FileError(self.dvcyaml, "dvc.yaml", "TypeError", message), True)
        else:
            self._merge(parsed.value, path)

    def _merge(self, values: dict[str, Any], source: str | None) -> None:
        for key, value in values.items():
            if key in self.context:
                raise _ResolveError(f"cannot redefine '{key}'")
            self.context[key] = value
            if source is not None:
                self.sources[key] = source

    def _load_vars(self, items: list[Any], wdir: str) -> None:
        for item in items:
            if isinstance(item, dict):
                self._merge(item, None)
                continue
            file, _, keys = str(item).partition(":")
            path = join(wdir, file)
            if path == join(self.directory, PARAMS_FILE) and not keys:
                continue  # the default file, already loaded
            parsed = self.c.load(path)
            if parsed is None or parsed.error is not None or not isinstance(parsed.value, dict):
                raise _ResolveError(f"could not load vars from '{file}'")
            chosen = [k for k in keys.split(",") if k] or list(parsed.value)
            self._merge({k: parsed.value[k] for k in chosen}, path)

    def _resolve_all(self, stages: dict[str, Any]) -> dict[str, Any]:
        self._load_vars(list(self.data.get("vars") or []), self.directory)
        out: dict[str, Any] = {"stages": {}}
        for name, definition in stages.items():
            out["stages"].update(self._expand(str(name), definition))
        for key in ("metrics", "params", "plots"):
            if key in self.data:
                out[key] = self._interpolate(self.data[key], None)
        return out

    def _expand(self, name: str, definition: dict[str, Any]) -> dict[str, Any]:
        if "foreach" in definition:
            items = self._foreach_items(definition["foreach"])
            return {f"{name}@{k}": self._stage(definition["do"], extra) for k, extra in items}
        if "matrix" in definition:
            template = {k: v for k, v in definition.items() if k != "matrix"}
            return {
                f"{name}@{k}": self._stage(template, extra)
                for k, extra in self._matrix_items(definition["matrix"])
            }
        return {name: self._stage(definition, {})}

    def _foreach_items(self, spec: Any) -> list[tuple[str, dict[str, Any]]]:
        iterable = self._interpolate(spec, None) if isinstance(spec, str) else spec
        if isinstance(iterable, dict):
            return [(_to_str(k), {"item": v, "key": k}) for k, v in iterable.items()]
        if not isinstance(iterable, list):
            raise _ResolveError("foreach data must be a list or a mapping")
        if any(isinstance(v, dict | list) for v in iterable):
            return [(str(i), {"item": v}) for i, v in enumerate(iterable)]
        return [(_to_str(v), {"item": v}) for v in iterable]

    def _matrix_items(self, spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        axes = {}
        for key, values in spec.items():
            resolved = self._interpolate(values, None) if isinstance(values, str) else values
            if not isinstance(resolved, list):
                raise _ResolveError(f"matrix '{key}' must be a list")
            axes[key] = list(enumerate(resolved))
        out = []
        for combo in product(*axes.values()):
            item = {k: v for k, (_, v) in zip(axes, combo, strict=True)}
            parts = [
                f"{k}{i}" if isinstance(v, dict | list) else _to_str(v)
                for k, (i, v) in zip(axes, combo, strict=True)
            ]
            key = "-".join(parts)
            out.append((key, {"item": item, "key": key}))
        return out

    def _stage(self, definition: Any, extra: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(definition, dict):
            raise _ResolveError("a stage must be a mapping")
        if id(definition) in self.constant and "vars" not in definition:
            return definition
        saved = (dict(self.context), dict(self.sources))
        try:
            self.context.update(extra)
            for key in extra:
                self.sources.pop(key, None)
            return self._resolve_stage(definition)
        finally:
            self.context, self.sources = saved

    def _resolve_stage(self, definition: dict[str, Any]) -> dict[str, Any]:
        reads = self._reads(definition)
        if reads is not None and reads[0] in self.info.resolved:
            for source, dotted, value in reads[1]:
                self._track(source, dotted, value)
            return self.info.resolved[reads[0]]
        body = {k: v for k, v in definition.items() if k != "vars"}
        self._load_vars(list(definition.get("vars") or []), self.directory)
        resolved = {str(k): self._interpolate(v, str(k), track=True) for k, v in body.items()}
        if reads is not None:
            self.info.remember(reads[0], resolved)
        return resolved

    def _reads(self, definition: dict[str, Any]) -> _StageReads | None:
        """What resolving a templated stage body reads: the value (a scalar) and source
        file of each ``${...}``, in order, and the tracked params to replay on a hit. None
        if the body cannot be memoised (a lookup fails or gives a dict or list)."""
        exprs = self.info.exprs.get(id(definition))
        if exprs is None:
            return None
        read: list[tuple[type, Any, str | None]] = []
        tracked: list[tuple[str, str, Any]] = []
        for expr in exprs:
            parts = _parts(expr)
            try:
                value = self._select(expr, False)
            except (_ResolveError, KeyError, IndexError, TypeError, ValueError):
                return None
            if not (value is None or isinstance(value, _PRIMITIVES)):
                return None
            source = self.sources.get(parts[0])
            read.append((type(value), value.hex() if isinstance(value, float) else value, source))
            if source is not None:
                tracked.append((source, ".".join(parts), value))
        return (id(definition), *read), tracked

    def _interpolate(self, value: Any, key: str | None, track: bool = False) -> Any:
        if isinstance(value, str):
            return self._interpolate_str(value, key, track) if "${" in value else value
        if not isinstance(value, dict | list) or id(value) in self.constant:
            return value
        if isinstance(value, dict):
            return {
                self._interpolate(k, key, track): self._interpolate(v, key, track)
                for k, v in value.items()
            }
        return [self._interpolate(v, key, track) for v in value]

    def _interpolate_str(self, text: str, key: str | None, track: bool) -> Any:
        matches = list(_INTERP.finditer(text))
        if not matches:
            return text.replace("\\${", "${")
        if len(matches) == 1 and matches[0].group(0) == text:
            return self._select(matches[0]["inner"].strip(), track)
        pieces, index = [], 0
        for match in matches:
            value = self._select(match["inner"].strip(), track)
            if not (value is None or isinstance(value, _PRIMITIVES)) and key != "cmd":
                raise _ResolveError(f"Cannot interpolate data of type '{type(value).__name__}'")
            pieces.append(text[index : match.start()] + _to_str(value))
            index = match.end()
        pieces.append(text[index:])
        return "".join(pieces).replace("\\${", "${")

    def _select(self, expr: str, track: bool) -> Any:
        parts = _parts(expr)
        node: Any = self.context
        for part in parts:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.lstrip("-").isdigit():
                node = node[int(part)]
            else:
                raise _ResolveError(f"Could not find '{expr}'")
        if track and parts[0] in self.sources:
            self._track(self.sources[parts[0]], ".".join(parts), node)
        return node

    def _track(self, source: str, dotted: str, value: Any) -> None:
        self.c.tracked_vars.setdefault(source, {})[dotted] = value


def _parts(expr: str) -> list[str]:
    return expr.replace("[", ".").replace("]", "").split(".")


def _to_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
