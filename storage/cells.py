"""Flattening params/metrics documents into typed cells (column -> value), and the bound on
the columns a project indexes.

A column is identified by its kind (``param`` or ``metric``), the file it comes from and the
dotted path inside it, as DVC flattens them for ``exp show``.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

import orjson

from storage.limits import limits
from storage.sqlplan import Fetch, Many, Plan, one


class CellValue(NamedTuple):
    kind: str
    file: str
    path: str
    vtype: str
    num: float | None
    text: str | None


def column_key(kind: str, file: str, path: str) -> str:
    """The public column id, e.g. ``metric:metrics.json:train.loss``."""
    return f"{kind}:{file}:{path}"


def split_column_key(key: str) -> tuple[str, str, str]:
    kind, sep, rest = key.partition(":")
    if not sep or kind not in ("param", "metric"):
        raise ValueError(
            f"column id must look like 'param:FILE:PATH' or 'metric:FILE:PATH': {key!r}"
        )
    # File names rarely contain ':', dotted paths never do: split on the last one.
    file, sep, path = rest.rpartition(":")
    if not sep or not file or not path:
        raise ValueError(f"column id must look like 'param:FILE:PATH': {key!r}")
    return kind, file, path


def typed(value: Any) -> tuple[str, float | None, str | None]:
    if isinstance(value, bool):
        return "bool", float(value), None
    if isinstance(value, int | float):
        return "number", float(value), None
    if value is None:
        return "null", None, None
    if isinstance(value, str):
        return "string", None, value
    return "json", None, repr(value)


def leaves(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            yield from leaves(f"{prefix}.{key}" if prefix else str(key), sub)
    elif prefix:
        yield prefix, value


def flatten(kind: str, document: dict[str, Any]) -> list[CellValue]:
    """The cells of a document: one per (file, path) - a key holding a dot could repeat a
    nested path (``{"a.b": 1, "a": {"b": 2}}``): the first is kept (storage.queries counts
    a column's rows as its cells)."""
    cells = []
    for file, data in document.items():
        seen: set[str] = set()
        for path, value in leaves("", data):
            if path in seen:
                continue
            seen.add(path)
            vtype, num, text = typed(value)
            cells.append(CellValue(kind, file, path, vtype, num, text))
    return cells


# Where a column's value is in an experiment's documents: ("params" or "metrics", the file,
# the keys of the dotted path).
Place = tuple[str, str, tuple[str, ...]]


def place(kind: str, file: str, path: str) -> Place:
    """Where the value of the column (kind, file, path) is (see split_column_key)."""
    return ("params" if kind == "param" else "metrics", file, tuple(path.split(".")))


# SQLite's JSON path (3.40) ends a quoted key at the next quote and compares it with the key
# as the document spells it, escapes and all: orjson escapes a quote, a backslash and the
# control characters, so a key holding one cannot be named.
_UNNAMEABLE = re.compile(r'["\\\x00-\x1f]')


def json_path(where: Place) -> str | None:
    """The SQLite JSON path of the value at ``where`` (``$."file"."key"``: each key quoted,
    dots and all), None when a key of it cannot be named in one (``_UNNAMEABLE``)."""
    _part, file, path = where
    keys = (file, *path)
    if any(map(_UNNAMEABLE.search, keys)):
        return None
    return "$" + "".join(f'."{key}"' for key in keys)


def lookup(document: Callable[[str], dict[str, Any]], places: Sequence[Place]) -> list[Any]:
    """The values at ``places`` (None where there is none), in order; ``document(part)``
    gives a part's document, asked once each (a row's parsed params or metrics)."""
    documents: dict[str, dict[str, Any]] = {}
    values: list[Any] = []
    append = values.append  # CSV export asks this for every cell of a table: kept lean
    at: tuple[str, str] | None = None
    data: Any = None
    for part, file, path in places:
        if at != (part, file):  # columns come grouped by file: each file's data found once
            found = documents.get(part)
            if found is None:
                found = documents[part] = document(part)
            data, at = found.get(file), (part, file)
        node = data
        try:
            for key in path:
                node = node[key]
        except (KeyError, TypeError):  # no such key, or not an object (JSON: dict only)
            node = None
        append(node)
    return values


class ColumnLookup:
    """:func:`lookup` of many rows at once (a page of the CSV export): the values at
    ``places`` in every row, a list per place, each step down a path taken for the whole
    page (``map`` of an ``itemgetter``: no Python code per cell) and by row only where a
    row lacks the key or holds no object there. A step shared by several places (a file,
    ``model`` of ``model.depth`` and ``model.width``) is taken once."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.width = len(places)
        # part -> a tree of the keys down to each place: (children by key, places ending).
        self.parts: dict[str, _Step] = {}
        for i, (part, file, path) in enumerate(places):
            step = self.parts.setdefault(part, ({}, []))
            for key in (file, *path):
                step = step[0].setdefault(key, ({}, []))
            step[1].append(i)

    def __call__(self, documents: Callable[[str], list[Any]]) -> list[list[Any]]:
        """The values of each place in the rows whose parsed documents of a part
        ``documents(part)`` gives (asked once per part the places are in)."""
        found: list[list[Any]] = [[] for _ in range(self.width)]
        for part, step in self.parts.items():
            _descend(step, documents(part), found)
        return found


# A step down the paths of ColumnLookup: the steps below it by key, the places ending there.
_Step = tuple[dict[str, "_Step"], list[int]]


def _descend(step: _Step, nodes: list[Any], found: list[list[Any]]) -> None:
    below, ending = step
    for i in ending:
        found[i] = nodes
    for key, next_step in below.items():
        try:
            children = list(map(itemgetter(key), nodes))
        except (KeyError, TypeError):  # a row without it, or without its parent
            children = _children(nodes, key)
        _descend(next_step, children, found)


def _children(nodes: list[Any], key: str) -> list[Any]:
    """``key`` of each of ``nodes``, None where a node lacks it or is no object (as
    lookup() finds it): by ``dict.get`` where every node is an object or missing (no
    exception per row: a row lacking a file raised one for each of its columns), else
    row by row."""
    try:
        return list(map(dict.get, [node or _NO_OBJECT for node in nodes], repeat(key)))
    except TypeError:  # a node is a list, text or a number
        return [_child(node, key) for node in nodes]


_NO_OBJECT: dict[str, Any] = {}


def _child(node: Any, key: str) -> Any:
    try:
        return node[key]
    except (KeyError, TypeError):
        return None


@dataclass(frozen=True, slots=True)
class ColumnFilter:
    """Which columns a project stores as cells (its columns setting): fnmatch globs, case
    sensitive, over ``FILE:PATH`` and the column id ``KIND:FILE:PATH``; a column is stored
    when it matches an include glob (any, without one) and no exclude glob."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def admits(self, kind: str, file: str, path: str) -> bool:
        if not (self.include or self.exclude):
            return True
        names = (f"{file}:{path}", f"{kind}:{file}:{path}")
        included = not self.include or any(map(_matcher(self.include), names))
        return included and not any(map(_matcher(self.exclude), names))

    def to_json(self) -> dict[str, list[str]]:
        return {"include": list(self.include), "exclude": list(self.exclude)}


@lru_cache(maxsize=256)
def _matcher(globs: tuple[str, ...]) -> Any:
    """One compiled pattern for a list of globs: its ``match`` (False for no glob)."""
    if not globs:
        return lambda _name: False
    return re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)).match


@lru_cache(maxsize=1024)
def column_filter(stored: str | None) -> ColumnFilter:
    """A project's ``projects.column_filter`` (storage.project_settings) as a filter."""
    if not stored:
        return ColumnFilter()
    value = orjson.loads(stored)
    return ColumnFilter(tuple(value.get("include") or ()), tuple(value.get("exclude") or ()))


Row = tuple[Any, ...]  # a cells row: project_id, experiment_id, kind, file, path, vtype, ...
Key = tuple[str, str, str]  # kind, file, path


def within_columns(rows: list[Row]) -> Plan[list[Row]]:
    """The rows of columns their projects may index: of the columns their columns setting
    admits, the ones a project has, then new ones (params first, in the order found) up to
    its column cap (:func:`_beyond_cap`); the rest are counted in
    ``projects.skipped_columns`` (the most any write found) and not stored. Columns whose
    file or path exceed what the table holds are skipped too.

    Every insert of cells goes through here (or :func:`admit_columns`), in the transaction
    that inserts the rows returned: their counts are added to ``cell_columns`` (migration
    0012; deletes of cells subtract theirs in a trigger)."""
    skipped = yield from admit_columns(Counter(map(itemgetter(0, 2, 3, 4, 5), rows)))
    if skipped:
        rows = [r for r in rows if (r[0], r[2], r[3], r[4]) not in skipped]
    return rows


Counted = tuple[int, str, str, str, str]  # project_id, kind, file, path, vtype


def admit_columns(counts: Mapping[Counted, int]) -> Plan[set[tuple[int, str, str, str]]]:
    """:func:`within_columns` for cells already counted by column and value type (in the
    order found): which (project_id, kind, file, path) may not be stored; the counts of the
    others are added to ``cell_columns``. A writer that knows its cells by document counts
    them without a pass over every cell."""
    by_project: dict[int, dict[Key, None]] = {}
    for project_id, kind, file, path, _vtype in counts:
        by_project.setdefault(project_id, {})[(kind, file, path)] = None  # ordered, distinct
    skipped: set[tuple[int, str, str, str]] = set()
    for project_id, found in by_project.items():
        refused = yield from _beyond_cap(project_id, list(found))
        skipped.update((project_id, *key) for key in refused)
    yield from _count_columns(
        {key: n for key, n in counts.items() if not skipped or key[:4] not in skipped}
    )
    return skipped


def _count_columns(counts: Mapping[Counted, int]) -> Plan[None]:
    """Add the cells about to be inserted to their columns' counts (by value type), in key
    order (concurrent writers lock the summary rows in one order)."""
    if counts:
        yield Many(
            "INSERT INTO cell_columns (project_id, kind, file, path, vtype, cells)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, kind, file, path, vtype)"
            " DO UPDATE SET cells = cell_columns.cells + excluded.cells",
            [(*key, n) for key, n in sorted(counts.items()) if n],
        )


def _beyond_cap(project_id: int, found: list[Key]) -> Plan[set[Key]]:
    """The columns of ``found`` not to store: those the project's columns setting leaves
    out (not counted as skipped), then new ones beyond its column cap (its columnLimit, at
    most GITSTUDIO_MAX_COLUMNS) or too long for the table."""
    settings = yield Fetch(
        "SELECT column_limit, column_filter FROM projects WHERE id = ?", [project_id]
    )
    cap, wanted = limits().max_columns, ColumnFilter()
    if settings:
        cap = min(cap, settings[0]["column_limit"] or cap)
        wanted = column_filter(settings[0]["column_filter"])
    refused = {c for c in found if not wanted.admits(*c)}
    if refused:
        found = [c for c in found if c not in refused]
    known = yield from _known_columns(project_id, found)
    new = sorted((c for c in found if c not in known), key=lambda c: c[0] != "param")
    if not new:
        return refused
    counted = yield Fetch(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT kind, file, path FROM cell_columns"
        " WHERE project_id = ? AND cells > 0) AS columns_of_project",
        [project_id],
    )
    fitting = [c for c in new if fits(c[1], c[2])]
    room = max(0, cap - int(counted[0]["n"]))
    skipped = set(new).difference(fitting[:room])
    if skipped:
        yield one(
            "UPDATE projects SET skipped_columns = CASE WHEN skipped_columns < ? THEN ?"
            " ELSE skipped_columns END WHERE id = ?",
            [len(skipped), len(skipped), project_id],
        )
    return skipped | refused


MAX_FILE, MAX_PATH = 255, 512  # cells.file and cells.path (storage.models.Cell)


def fits(file: str, path: str) -> bool:
    """Whether a column of ``file`` and ``path`` fits what the cells table holds (longer
    ones are never indexed, so nothing can be asked of them)."""
    return len(file) <= MAX_FILE and len(path) <= MAX_PATH


def _known_columns(project_id: int, columns: list[Key]) -> Plan[set[Key]]:
    """Which of ``columns`` the project has cells of: one index probe each (EXISTS stops at
    the first cell), never a scan of the project's cells."""
    known: set[Key] = set()
    for start in range(0, len(columns), _COLUMN_BATCH):
        chunk = columns[start : start + _COLUMN_BATCH]
        found = yield Fetch(
            "SELECT v.column1 AS kind, v.column2 AS file, v.column3 AS path FROM (VALUES"
            f" {', '.join(['(?, ?, ?)'] * len(chunk))}) AS v WHERE EXISTS (SELECT 1 FROM cells"
            " WHERE project_id = ? AND kind = v.column1 AND file = v.column2"
            " AND path = v.column3)",
            [*(x for column in chunk for x in column), project_id],
        )
        known.update((r["kind"], r["file"], r["path"]) for r in found)
    return known


_COLUMN_BATCH = 300  # three bound variables each
