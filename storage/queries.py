"""Read queries. Single-object lookups are batched (they back the DataLoaders); list queries
use keyset pagination on a total order that ends with the primary key.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from typing import Any, Generic, NamedTuple, TypeVar, cast

import orjson

from storage import db
from storage.access import visible_clause
from storage.caches import ACCESS, MISS, BoundedCache, Family
from storage.cells import Place, json_path
from storage.limits import limits
from storage.records import (
    EXPORT_FIELDS,
    PROJECT_NAME,
    BranchRecord,
    CommitRecord,
    ExperimentRecord,
    ExportRow,
    ProjectRecord,
    TagRecord,
    branch_record,
    commit_record,
    experiment_record,
    project_record,
    tag_record,
)
from storage.sqlplan import Fetch, Reads
from storage.tokens import Principal

_BATCH = 500


def _marks(n: int) -> str:
    return ", ".join("?" * n)


async def _in(query: str, head: Sequence[Any], keys: Sequence[Any]) -> list[dict[str, Any]]:
    """Run ``query`` (with one ``{in}`` slot) over ``keys`` in chunks."""
    rows: list[dict[str, Any]] = []
    for start in range(0, len(keys), _BATCH):
        chunk = list(keys[start : start + _BATCH])
        rows.extend(await db.fetch(query.format(**{"in": _marks(len(chunk))}), [*head, *chunk]))
    return rows


# -- projects -----------------------------------------------------------------------------


# What a ProjectRecord is read from: never ``SELECT *``, whose ref_tips (every ref's tip:
# megabytes at 30,000 refs) and registry columns no request reads (on PostgreSQL the row
# cost 20-30 ms instead of 1).
PROJECT_COLUMNS = (
    "id, name, repo_url, subdir, default_branch, created_at, last_synced_at,"
    " last_sync_error, sync_count, skipped_columns, owner_user_id, owner_team_id, visibility,"
    " import_since, column_filter, custom_files, column_limit, auto_hide_unchanged, reindex,"
    " sync_owner, sync_lease_until"
)


async def list_projects(viewer: Principal, after_id: int, limit: int) -> list[ProjectRecord]:
    """The projects ``viewer`` may read (storage.access.visible_clause), by id."""
    visible, values = visible_clause(viewer)
    rows = await db.fetch(
        f"SELECT {PROJECT_COLUMNS} FROM projects WHERE id > ? AND {visible} ORDER BY id LIMIT ?",
        [after_id, *values, limit],
    )
    return [project_record(r) for r in rows]


async def visible_project_ids(
    viewer: Principal, after_id: int, limit: int, only: Sequence[int] | None = None
) -> list[int]:
    """Ids of the projects ``viewer`` may read, above ``after_id`` (and among ``only`` when
    given), in order, at most ``limit``."""
    visible, values = visible_clause(viewer)
    among = ""
    if only is not None:
        if not only:
            return []
        among = f" AND id IN ({', '.join('?' * len(only))})"
    rows = await db.fetch(
        f"SELECT id FROM projects WHERE id > ? AND {visible}{among} ORDER BY id LIMIT ?",
        [after_id, *values, *(only or ()), limit],
    )
    return [int(r["id"]) for r in rows]


async def count_projects(viewer: Principal) -> int:
    visible, values = visible_clause(viewer)
    rows = await db.fetch(f"SELECT COUNT(*) AS n FROM projects WHERE {visible}", values)
    return int(rows[0]["n"])


# Project rows change rarely (create, delete, the end of a sync) and are read by almost every
# request: each app keeps them briefly in memory (by id and by name, its size a setting).
# Writers in this process call forget_projects(), which clears every app's; other processes
# sharing the database see a change within the TTL.
PROJECT_TTL = 2.0
ProjectCache = BoundedCache[int | str, ProjectRecord | None]
_PROJECT_ROWS: Family[int | str, ProjectRecord | None] = Family()


def project_cache(entries: int, ttl: float = PROJECT_TTL) -> ProjectCache:
    """An app's cache of project rows by id and by name (misses remembered too)."""
    return _PROJECT_ROWS.cache(entries, ttl)


def forget_projects() -> None:
    """Project rows changed (this process wrote them): no app of it answers the old ones."""
    _PROJECT_ROWS.clear()
    ACCESS.bump()


async def projects_by_ids(
    ids: Sequence[int], cache: ProjectCache | None = None
) -> dict[int, ProjectRecord]:
    """The projects of ``ids`` that exist; ``cache`` (the app's) first, if given."""
    out: dict[int, ProjectRecord] = {}
    missing: list[int] = []
    if cache is None:
        missing = list(ids)
    else:
        for pid in ids:
            found = cache.get(pid)
            if found is MISS:
                missing.append(pid)
            elif found is not None:
                out[pid] = found
    if missing:
        rows = {r["id"]: project_record(r) for r in await _in(
            f"SELECT {PROJECT_COLUMNS} FROM projects WHERE id IN ({{in}})", [], missing
        )}  # fmt: skip
        if cache is not None:
            for pid in missing:
                cache.put(pid, rows.get(pid))
        out.update(rows)
    return out


async def project_by_name(name: str, cache: ProjectCache | None = None) -> ProjectRecord | None:
    """The project named ``name``, if any; ``cache`` (the app's) first, if given. A name no
    project can have (a NUL, say, which PostgreSQL refuses) is none, without a query."""
    if not PROJECT_NAME.fullmatch(name):
        return None
    if cache is not None:
        found = cache.get(name)
        if found is not MISS:
            return found
    rows = await db.fetch(f"SELECT {PROJECT_COLUMNS} FROM projects WHERE name = ?", [name])
    record = project_record(rows[0]) if rows else None
    if cache is not None:
        cache.put(name, record)
    return record


# -- refs ---------------------------------------------------------------------------------


async def branches_by_project(project_ids: Sequence[int]) -> dict[int, list[BranchRecord]]:
    rows = await _in(
        "SELECT * FROM branches WHERE project_id IN ({in}) ORDER BY name", [], project_ids
    )
    out: dict[int, list[BranchRecord]] = {pid: [] for pid in project_ids}
    for r in rows:
        out[r["project_id"]].append(branch_record(r))
    return out


async def tags_by_project(project_ids: Sequence[int]) -> dict[int, list[TagRecord]]:
    rows = await _in("SELECT * FROM tags WHERE project_id IN ({in}) ORDER BY name", [], project_ids)
    out: dict[int, list[TagRecord]] = {pid: [] for pid in project_ids}
    for r in rows:
        out[r["project_id"]].append(tag_record(r))
    return out


# -- commits ------------------------------------------------------------------------------


async def commits_page(
    project_id: int, branch: str | None, after: tuple[int, int] | None, limit: int
) -> list[CommitRecord]:
    """Newest first by (committed_at, id); ``after`` is the key of the last row seen."""
    where = ["c.project_id = ?"]
    args: list[Any] = [project_id]
    if branch is not None:
        where.append(
            "c.id IN (SELECT bc.commit_id FROM branch_commits bc JOIN branches b"
            " ON b.id = bc.branch_id WHERE b.project_id = ? AND b.name = ?)"
        )
        args += [project_id, branch]
    if after is not None:
        where.append("(c.committed_at < ? OR (c.committed_at = ? AND c.id < ?))")
        args += [after[0], after[0], after[1]]
    rows = await db.fetch(
        f"SELECT c.* FROM commits c WHERE {' AND '.join(where)}"
        " ORDER BY c.committed_at DESC, c.id DESC LIMIT ?",
        [*args, limit],
    )
    return [commit_record(r) for r in rows]


async def count_commits(project_id: int, branch: str | None) -> int:
    if branch is None:
        rows = await db.fetch(
            "SELECT COUNT(*) AS n FROM commits WHERE project_id = ?", [project_id]
        )
    else:
        rows = await db.fetch(
            "SELECT COUNT(*) AS n FROM branch_commits bc JOIN branches b ON b.id = bc.branch_id"
            " WHERE b.project_id = ? AND b.name = ?",
            [project_id, branch],
        )
    return int(rows[0]["n"])


async def commits_by_sha(keys: Sequence[tuple[int, str]]) -> dict[tuple[int, str], CommitRecord]:
    """Batch lookup by (project id, sha or unique sha prefix of 7+ characters)."""
    out: dict[tuple[int, str], CommitRecord] = {}
    by_project: dict[int, list[str]] = {}
    for pid, sha in keys:
        by_project.setdefault(pid, []).append(sha)
    for pid, shas in by_project.items():
        full = [s for s in shas if len(s) == 40]
        for r in await _in(
            "SELECT * FROM commits WHERE project_id = ? AND sha IN ({in})", [pid], full
        ):
            out[(pid, r["sha"])] = commit_record(r)
        for prefix in (s for s in shas if len(s) != 40):
            rows = await db.fetch(
                "SELECT * FROM commits WHERE project_id = ? AND sha LIKE ? LIMIT 2",
                [pid, prefix.lower() + "%"],
            )
            if len(rows) == 1:
                out[(pid, prefix)] = commit_record(rows[0])
    return out


async def commits_by_ids(ids: Sequence[int]) -> dict[int, CommitRecord]:
    rows = await _in("SELECT * FROM commits WHERE id IN ({in})", [], ids)
    return {r["id"]: commit_record(r) for r in rows}


async def branches_containing(keys: Sequence[int]) -> dict[int, list[str]]:
    """Commit id -> names of the branches whose history contains it."""
    rows = await _in(
        "SELECT bc.commit_id, b.name FROM branch_commits bc JOIN branches b ON b.id = bc.branch_id"
        " WHERE bc.commit_id IN ({in}) ORDER BY b.name",
        [],
        keys,
    )
    out: dict[int, list[str]] = {k: [] for k in keys}
    for r in rows:
        out[r["commit_id"]].append(r["name"])
    return out


# -- experiments --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ColumnCondition:
    kind: str
    file: str
    path: str
    op: str  # EQ NE GT GTE LT LTE CONTAINS EXISTS; KEY (internal): value is (number, text)
    value: Any


@dataclass(frozen=True, slots=True)
class ExperimentQuery:
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    # Studio's "branch = X": commits of the branch's first-parent line from its head
    # (branch_commits.first_parent); experiments and live runs by their baseline.
    branch: str | None = None
    on_branch: str | None = None  # every commit the branch reaches (by baseline likewise)
    tag: str | None = None  # the commit the tag names (by baseline likewise)
    # Rows other than commits whose baseline commit is not indexed (True), or the others.
    detached: bool | None = None
    author: str | None = None
    message: str | None = None
    baseline_sha: str | None = None
    conditions: tuple[ColumnCondition, ...] = ()
    # (kind, file, path, descending) column orders, applied before the creation time.
    order: tuple[tuple[str, str, str, bool], ...] = ()
    newest_first: bool = True
    # A row field ordered before the time ("author", "message" or "branch", SORT_FIELDS),
    # descending or not; never with column orders.
    sort: str | None = None
    sort_descending: bool = False
    # Internal (the walk of the branch order): rows whose commit is on this branch's
    # first-parent line (apart from ``branch``, the caller's own filter, which still holds);
    # rows whose commit is on no first-parent line of a branch named before this one; rows
    # whose commit is on no line at all.
    walk_line: str | None = None
    first_on: str | None = None
    on_no_line: bool = False
    # Hidden rows (experiments.hidden) are left out unless included: they neither count
    # nor take a place in any order.
    include_hidden: bool = False


@dataclass(slots=True)
class _Sql:
    joins: list[str] = field(default_factory=list)
    join_args: list[Any] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    keys: list[tuple[str, bool]] = field(default_factory=list)  # (expression, descending)


_OPS = {"EQ": "=", "NE": "<>", "GT": ">", "GTE": ">=", "LT": "<", "LTE": "<="}


def _condition(c: ColumnCondition, probe: str = "", row: str = "e.id") -> tuple[str, list[Any]]:
    """The SQL of one column condition on the row whose id is ``row``; ``probe`` ends each
    subquery."""
    base = (
        f"SELECT 1 FROM cells f WHERE f.experiment_id = {row}"
        " AND f.kind = ? AND f.file = ? AND f.path = ?"
    )
    args: list[Any] = [c.kind, c.file, c.path]
    if c.op == "EXISTS":
        return f"EXISTS ({base}{probe})", args
    if c.op == "KEY":  # internal: the row's (number, text) keys of the column are c.value
        same = "NOT (f.num IS NULL AND f.text IS NULL) AND COALESCE(f.num, 0) = ?"
        same += " AND COALESCE(f.text, '') = ?"
        return f"EXISTS ({base} AND {same}{probe})", [*args, *c.value]
    if c.op == "CONTAINS":
        needle = f"%{str(c.value).lower()}%"
        return f"EXISTS ({base} AND LOWER(f.text) LIKE ?{probe})", [*args, needle]
    op = _OPS[c.op]
    value: float | str
    if isinstance(c.value, bool):
        test, value = f"f.vtype = 'bool' AND f.num {op} ?", float(c.value)
    elif isinstance(c.value, int | float):
        test, value = f"f.vtype = 'number' AND f.num {op} ?", float(c.value)
    else:
        test, value = f"f.text {op} ?", str(c.value)
    if c.op == "NE":
        # "not equal" also matches rows that lack the column, as a spreadsheet filter would.
        return f"NOT EXISTS ({base} AND NOT ({test}){probe})", [*args, value]
    return f"EXISTS ({base} AND {test}{probe})", [*args, value]


def _probe(page: bool) -> str:
    """What ends a condition's subquery. A page walks its order's index and probes each row
    (cells_of_experiment) until the page is full. PostgreSQL would rather turn the EXISTS
    into a join from the filter's matches, then sort them all, whenever its estimate of the
    matches is low - and a value of one column among all the project's cells is estimated
    far too low (lr = 0.01: 148 rows estimated, 8,000 found; 212-357 ms per page at 10,000
    commits). ``OFFSET 0`` keeps the subquery a per-row probe. A count keeps the join."""
    return " OFFSET 0" if page and db.is_postgres() else ""


# The commit of a row: its own (COMMIT rows), its baseline's (experiments, live runs).
_ROW_COMMIT = "(CASE WHEN e.kind = 'COMMIT' THEN e.sha ELSE e.baseline_sha END)"


@dataclass(frozen=True, slots=True)
class Commits:
    """A set of commits a filter names (a branch's first-parent line, every commit a branch
    reaches, a tag's commit): commits ``c`` of ``tables`` where ``where`` holds (bound: the
    project id, then ``args``)."""

    tables: str  # read from the set (CROSS JOIN: in this order on SQLite)
    where: str
    args: tuple[Any, ...]
    field: str  # the ExperimentQuery field that names them
    lookup: str  # ``tables`` read from the commit

    def probe(self, probe: str) -> str:
        """Whether the row ``e``'s commit is one of them: one unique-index lookup of the
        commit (and of its membership row), per row."""
        return (
            f"EXISTS (SELECT 1 FROM {self.lookup} WHERE {self.where}"
            f" AND c.project_id = e.project_id AND c.sha = {_ROW_COMMIT}{probe})"
        )

    def rows(self, shown: bool = False) -> str:
        """The ids of the rows at those commits (``rows.id``), read from the commits: the
        COMMIT rows by sha, the others by baseline, from the indexes alone
        (experiments_at_commit, experiments_at_baseline); ``shown``: the hidden ones left
        out. Bound: :meth:`rows_args`."""
        hidden = f" AND e2.{_SHOWN[2:]}" if shown else ""
        return (
            f"(SELECT e2.id FROM {self.tables} CROSS JOIN experiments e2 WHERE {self.where}"
            f" AND e2.project_id = c.project_id AND e2.sha = c.sha AND e2.kind = 'COMMIT'{hidden}"
            f" UNION ALL SELECT e2.id FROM {self.tables} CROSS JOIN experiments e2"
            f" WHERE {self.where} AND e2.project_id = c.project_id"
            f" AND e2.baseline_sha = c.sha AND e2.kind <> 'COMMIT'{hidden}) rows"
        )

    def rows_args(self, project_id: int) -> list[Any]:
        return [project_id, *self.args] * 2

    def apart(self, q: ExperimentQuery) -> ExperimentQuery:
        """``q`` without the filter naming these commits."""
        fields: dict[str, Any] = {self.field: None}
        return replace(q, **fields)


def _line(branch: str, first_parent: bool, field: str = "") -> Commits:
    """A branch's first-parent line, or every commit it reaches (branch_first_parents,
    branch_commits' unique index); ``field``: the ExperimentQuery field naming it, when not
    ``branch`` / ``on_branch``."""
    line = " AND bc.first_parent = 1" if first_parent else ""
    where = (
        "bc.branch_id = (SELECT b.id FROM branches b WHERE b.project_id = ? AND b.name = ?)"
        f"{line} AND c.id = bc.commit_id"
    )
    field = field or ("branch" if first_parent else "on_branch")
    return Commits(
        "branch_commits bc CROSS JOIN commits c",
        where,
        (branch,),
        field,
        "commits c CROSS JOIN branch_commits bc",
    )


def _commit_sets(q: ExperimentQuery) -> list[Commits]:
    """The commit sets ``q``'s filters name, the smallest first (a tag's one commit, a
    branch's line, what it reaches)."""
    found = []
    if q.tag is not None:
        tagged = "t.project_id = ? AND t.name = ? AND c.project_id = t.project_id AND c.sha = t.sha"
        tables = "tags t CROSS JOIN commits c"
        found.append(Commits(tables, tagged, (q.tag,), "tag", tables))
    if q.branch is not None:
        found.append(_line(q.branch, True))
    if q.walk_line is not None:
        found.append(_line(q.walk_line, True, "walk_line"))
    if q.on_branch is not None:
        found.append(_line(q.on_branch, False))
    return found


# A row other than a commit whose baseline commit is not indexed (a live run started on a
# commit never pushed): Experiment.detached.
_DETACHED = (
    "(e.kind <> 'COMMIT' AND NOT EXISTS (SELECT 1 FROM commits d"
    " WHERE d.project_id = e.project_id AND d.sha = e.baseline_sha))"
)

# Row fields a page may be ordered by (before the time): the author's name, the message's
# first 200 characters, in code point order on both databases; each walks its index
# (migration 0025: experiments_by_author, experiments_by_message). And the branch: the
# first (by name) of the branches whose first-parent line holds the row's commit, rows on
# none last (_branch_page).
SORT_FIELDS = ("author", "message", "branch")


def sort_key(name: str) -> str:
    key = {
        "author": "COALESCE(e.author_name, '')",
        "message": "SUBSTR(COALESCE(e.message, ''), 1, 200)",
    }[name]
    return f'({key}) COLLATE "C"' if db.is_postgres() else key


def _lines_of_row(names: str = "") -> str:
    """The first-parent lines holding the row ``e``'s commit (``b``: their branches, of
    ``names`` only when given: a condition on ``b.name``), per row: the commit's lookup, then
    one probe per branch of the project."""
    return (
        f"FROM commits c CROSS JOIN branches b CROSS JOIN branch_commits bc"
        f" WHERE c.project_id = e.project_id AND c.sha = {_ROW_COMMIT}"
        f" AND b.project_id = c.project_id{names} AND bc.branch_id = b.id"
        " AND bc.first_parent = 1 AND bc.commit_id = c.id"
    )


def _branch_keys(desc: bool) -> list[tuple[str, bool]]:
    """The branch order's keys in one sort (the order the walk gives): on no line last, then
    the first branch's name."""
    first = f"(SELECT MIN(b.name {_binary()}) {_lines_of_row()})"
    return [(f"CASE WHEN {first} IS NULL THEN 1 ELSE 0 END", False),
            (f"COALESCE({first}, '')", desc)]  # fmt: skip


_SHOWN = "e.hidden = 0"


def _build(project_id: int, q: ExperimentQuery, page: bool = True, row: str = "e.id") -> _Sql:
    """The joins, conditions and sort keys of ``q``; its column conditions probe the row
    whose id is ``row`` (a walk of cells gives it before the row itself is read)."""
    s = _Sql(where=["e.project_id = ?"], args=[project_id])
    if not q.include_hidden:
        # A literal (not a bound 0): the default order then walks experiments_shown_by_time
        # (project_id, hidden, created_at, id) past no hidden row.
        s.where.append(_SHOWN)
    if q.kinds:
        s.where.append(f"e.kind IN ({_marks(len(q.kinds))})")
        s.args += list(q.kinds)
    if q.statuses:
        s.where.append(f"e.status IN ({_marks(len(q.statuses))})")
        s.args += list(q.statuses)
    for commits in _commit_sets(q):
        s.where.append(commits.probe(_probe(page)))
        s.args += [project_id, *commits.args]
    if q.detached is not None:
        s.where.append(_DETACHED if q.detached else f"NOT {_DETACHED}")
    if q.first_on is not None:
        s.where.append(f"NOT EXISTS (SELECT 1 {_lines_of_row(f' AND b.name {_binary()} < ?')})")
        s.args.append(q.first_on)
    if q.on_no_line:
        s.where.append(f"NOT EXISTS (SELECT 1 {_lines_of_row()})")
    if q.author:
        s.where.append("(LOWER(e.author_name) LIKE ? OR LOWER(e.author_email) LIKE ?)")
        s.args += [f"%{q.author.lower()}%"] * 2
    if q.message:
        s.where.append("LOWER(e.message) LIKE ?")
        s.args.append(f"%{q.message.lower()}%")
    if q.baseline_sha:
        s.where.append("e.baseline_sha = ?")
        s.args.append(q.baseline_sha)
    for cond in q.conditions:
        clause, args = _condition(cond, _probe(page), row)
        s.where.append(clause)
        s.args += args
    for i, (kind, file, path, desc) in enumerate(q.order):
        s.joins.append(
            f"LEFT JOIN cells o{i} ON o{i}.experiment_id = e.id AND o{i}.kind = ?"
            f" AND o{i}.file = ? AND o{i}.path = ?"
        )
        s.join_args += [kind, file, path]
        # Rows without the column sort last in both directions; keys never NULL (keyset needs it).
        s.keys += [
            (f"CASE WHEN o{i}.num IS NULL AND o{i}.text IS NULL THEN 1 ELSE 0 END", False),
            (f"COALESCE(o{i}.num, 0)", desc),
            (f"COALESCE(o{i}.text, '')", desc),
        ]
    if q.sort == "branch":
        s.keys += _branch_keys(q.sort_descending)
    elif q.sort is not None:
        s.keys.append((sort_key(q.sort), q.sort_descending))
    s.keys += [("e.created_at", q.newest_first), ("e.id", q.newest_first)]
    return s


def _keyset(keys: list[tuple[str, bool]], after: list[Any]) -> tuple[str, list[Any]]:
    """Rows strictly after ``after`` in the order given by ``keys`` (expanded OR form)."""
    # The first key's bound is implied by the OR form; stated alone it lets an index seek.
    first, first_desc = keys[0]
    ors: list[str] = []
    args: list[Any] = [after[0]]
    for i, (expr, desc) in enumerate(keys):
        parts = [f"{keys[j][0]} = ?" for j in range(i)]
        parts.append(f"{expr} {'<' if desc else '>'} ?")
        ors.append("(" + " AND ".join(parts) + ")")
        args += [*after[:i], after[i]]
    bound = f"{first} {'<=' if first_desc else '>='} ?"
    return f"({bound} AND (" + " OR ".join(ors) + "))", args


R = TypeVar("R")
Page = list[tuple[R, list[Any]]]


@dataclass(frozen=True, slots=True)
class RowShape(Generic[R]):
    """What a page of the table reads of each row and makes of it: ``columns`` (a SELECT
    list over ``experiments e``, ``width`` of them) and ``make`` (their values, in order ->
    a row). Every plan of a page reads its rows through one (the same filter, order and
    keyset cursor whatever is read)."""

    columns: str
    width: int
    make: Callable[[tuple[Any, ...]], R]
    args: tuple[Any, ...] = ()  # the values ``columns`` binds (its ``?``: before any other)


def _shape(names: Sequence[str], make: Callable[[tuple[Any, ...]], R]) -> RowShape[R]:
    """The shape reading the columns of ``names`` (a record's fields: ``params_json`` is
    the column ``params``), in that order."""
    return RowShape(", ".join("e." + n.removesuffix("_json") for n in names), len(names), make)


# What an ExperimentRecord is read from, in the order of its fields (storage.records): not
# ``e.*``, whose live runs' live_metrics and live_subdir no page reads.
RECORDS = _shape(
    [f.name for f in dataclass_fields(ExperimentRecord)], lambda r: ExperimentRecord(*r)
)


class ExportShape(NamedTuple):
    """How the CSV export reads its rows (:func:`export_rows`): the page's row shape, and
    the parts (params, metrics) whose columns' values it reads as one JSON array per row
    (in the order of the part's columns; a missing or null value: ``null``; a part of one
    column: that value twice); the other parts with a column in them come as documents."""

    rows: RowShape[ExportRow]
    arrays: frozenset[str]


def export_rows(places: Sequence[Place], postgres: bool | None = None) -> ExportShape:
    """What the CSV export writes of each row (storage.records.ExportRow) whose param and
    metric columns are at ``places``, on the database in use (or the one ``postgres``
    says): about half the bytes of a row, as the statement gives them (``tuple`` of a tuple
    is the tuple itself), the author's and the time's text written by the database (off
    the event loop). On SQLite the values of each part whose places are all named by a
    JSON path (storage.cells.json_path) are read as an array by json_extract (C on the
    reader's thread, where the page writer parsed each document and looked each value up):
    it copies each value's text as the document spells it (orjson's: storage.index) and
    finds a key's first occurrence, the only one (storage.index writes none twice), so the
    array holds what the parsed document does. PostgreSQL reads the documents."""
    if postgres is None:
        postgres = db.is_postgres()
    parts = [_export_part(part, places, postgres) for part in EXPORT_PARTS]
    shape = RowShape(
        f"{_EXPORT_FIELDS}, {', '.join(sql for sql, _paths in parts)},"
        f" CASE WHEN {_FOUR_DIGIT_YEARS} THEN {_ISO_TIME[postgres]} END",
        len(EXPORT_FIELDS),
        cast("Callable[[tuple[Any, ...]], ExportRow]", tuple),
        tuple(path for _sql, paths in parts for path in paths),
    )
    arrays = frozenset(
        part for part, (_sql, paths) in zip(EXPORT_PARTS, parts, strict=True) if paths
    )
    return ExportShape(shape, arrays)


def _export_part(part: str, places: Sequence[Place], postgres: bool) -> tuple[str, list[str]]:
    """What :func:`export_rows` selects of ``part`` and the JSON paths it binds: the values
    at the part's places as an array (json_extract of their paths; one path given twice: of
    one, json_extract gives the value itself), else the document, or NULL for no place."""
    paths = [json_path(p) for p in places if p[0] == part]
    named = [path for path in paths if path is not None]
    if postgres or not named or len(named) < len(paths) or len(named) > _MOST_PATHS:
        return f"e.{part}" if paths else "NULL", []
    named *= 2 if len(named) == 1 else 1
    return f"json_extract(e.{part}, {_marks(len(named))})", named


# Paths of one json_extract at most: SQLite's functions take 127 arguments by default
# (SQLITE_MAX_FUNCTION_ARG). A part of more columns is read as its document.
_MOST_PATHS = 100


EXPORT_PARTS = ("params", "metrics")
# The fields of an export row before the documents: the author as the export writes it,
# "name <email>" or the name alone (nothing for neither) where either is missing or empty.
_EXPORT_FIELDS = (
    "e.kind, e.sha, e.name, e.baseline_sha, e.status,"
    " CASE WHEN e.author_name <> '' AND e.author_email <> ''"
    " THEN e.author_name || ' <' || e.author_email || '>' ELSE COALESCE(e.author_name, '') END,"
    " e.message, e.created_at"
)
# Years 1000 to 9999: both databases' formats pad none (Python writes the others).
_FOUR_DIGIT_YEARS = "e.created_at BETWEEN -30610224000 AND 253402300799"
_ISO_TIME = {
    False: "strftime('%Y-%m-%dT%H:%M:%S+00:00', e.created_at, 'unixepoch')",
    True: """to_char(to_timestamp(e.created_at) AT TIME ZONE 'UTC',"""
    """ 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')""",
}


async def experiments_page(
    project_id: int, q: ExperimentQuery, after: list[Any] | None, limit: int
) -> Page[ExperimentRecord]:
    """A page of rows with the sort key of each (the cursor material)."""
    return await table_page(project_id, q, after, limit, RECORDS)


async def table_page(
    project_id: int,
    q: ExperimentQuery,
    after: list[Any] | None,
    limit: int,
    shape: RowShape[R],
) -> Page[R]:
    """A page of rows as ``shape`` reads them, with the sort key of each. Its statements
    run as one plan (storage.db.fetch_plan): on SQLite one call on a reader's thread, on
    PostgreSQL one pooled connection."""
    return await db.fetch_plan(_page_plan(project_id, q, after, limit, shape))


def _page_plan(
    project_id: int, q: ExperimentQuery, after: list[Any] | None, limit: int, shape: RowShape[R]
) -> Reads[Page[R]]:
    few = yield from _few_matches(project_id, q)
    if few is not None:
        return (yield from _sorted(project_id, q, after, limit, shape, few))
    return (yield from _page(project_id, q, after, limit, shape))


def _page(
    project_id: int, q: ExperimentQuery, after: list[Any] | None, limit: int, shape: RowShape[R]
) -> Reads[Page[R]]:
    """The page when no filter of ``q`` matches few rows."""
    if q.order:
        return (yield from _column_page(project_id, q, after, limit, shape))
    if q.sort == "branch":
        return (yield from _branch_page(project_id, q, after, limit, shape))
    return (yield from _sorted(project_id, q, after, limit, shape))


def _branch_page(
    project_id: int, q: ExperimentQuery, after: list[Any] | None, limit: int, shape: RowShape[R]
) -> Reads[Page[R]]:
    """A page ordered by branch: the project's branches in name order, each the page of
    its first-parent line's rows that no line of a branch named before holds (the same
    query filtered so, in the time order: its walk, or its few rows sorted), then the rows
    on no line. The cursor: (on no line, the branch's name, the time, the id)."""
    if after is not None and not _branch_cursor(after):
        raise ValueError("cursor does not match this ordering")
    found = yield Fetch("SELECT name FROM branches WHERE project_id = ?", [project_id])
    bound = limits().max_branch_order_branches
    if len(found) > bound:  # one statement per branch: bounded (and all within the timeout)
        raise ValueError(
            f"ordering by branch walks each branch; this project has {len(found)} branches,"
            f" more than GITSTUDIO_MAX_BRANCH_ORDER_BRANCHES ({bound}): filter by branch or"
            " order by another field"
        )
    # Sorted here, by code point (as _binary() sorts): branches, not rows.
    names = sorted((r["name"] for r in found), reverse=q.sort_descending)
    rows: Page[R] = []
    plain = replace(q, sort=None)
    if after is None or after[0] == 0:
        for name in names:
            if after is not None and (name < after[1]) != q.sort_descending and name != after[1]:
                continue  # before the cursor's branch
            tail = after[2:] if after is not None and name == after[1] else None
            sub = replace(plain, walk_line=name, first_on=name)
            found = yield from _page_plan(project_id, sub, tail, limit - len(rows), shape)
            rows += [(record, [0, name, *keys]) for record, keys in found]
            if len(rows) >= limit:
                return rows
    tail = after[2:] if after is not None and after[0] == 1 else None
    found = yield from _page_plan(
        project_id, replace(plain, on_no_line=True), tail, limit - len(rows), shape
    )
    return rows + [(record, [1, "", *keys]) for record, keys in found]


def _branch_cursor(after: list[Any]) -> bool:
    return (
        len(after) == 4
        and after[0] in (0, 1)
        and not isinstance(after[0], bool)
        and isinstance(after[1], str)
        and all(isinstance(v, int) and not isinstance(v, bool) for v in after[2:])
    )


async def _sorted_page(
    project_id: int,
    q: ExperimentQuery,
    after: list[Any] | None,
    limit: int,
    among: tuple[str, list[Any]] | None = None,
) -> Page[ExperimentRecord]:
    """:func:`_sorted` alone: the plain sort of every row, which the walks must equal."""
    return await db.fetch_plan(_sorted(project_id, q, after, limit, RECORDS, among))


def _sorted(
    project_id: int,
    q: ExperimentQuery,
    after: list[Any] | None,
    limit: int,
    shape: RowShape[R],
    among: tuple[str, list[Any]] | None = None,
) -> Reads[Page[R]]:
    """The page in one statement: the default order walks experiments_by_time; ``among``
    (the rows of a filter matching fewer than FEW_MATCHES) are read and sorted instead."""
    if q.order and after is not None and not _column_cursor(after, len(q.order)):
        raise ValueError("cursor does not match this ordering")
    fits = _branch_cursor if q.sort == "branch" else _field_cursor
    if q.sort is not None and after is not None and not fits(after):
        raise ValueError("cursor does not match this ordering")
    s = _build(project_id, q)
    head, head_args = "experiments e", []
    if among is not None:  # the matches first (CROSS JOIN: SQLite keeps that order)
        head, head_args = f"{among[0]} CROSS JOIN experiments e", among[1]
        s.where.append("e.id = few.id")
    where, args = list(s.where), list(s.args)
    if after is not None:
        if len(after) != len(s.keys):
            raise ValueError("cursor does not match this ordering")
        clause, extra = _keyset(s.keys, after)
        where.append(clause)
        args += extra
    order = ", ".join(f"{expr} {'DESC' if desc else 'ASC'}" for expr, desc in s.keys)
    rows = yield Fetch(
        f"SELECT {shape.columns}, {_selected(s.keys)} FROM {head} {' '.join(s.joins)}"
        f" WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?",
        [*shape.args, *head_args, *s.join_args, *args, limit],
        tuples=True,
    )
    make, width = shape.make, shape.width
    return [(make(r[:width]), list(r[width:])) for r in rows]


# A filter matching few rows is read from its range of cells_column_order, and its rows
# sorted: walking an order and probing each row for the filter would read about
# page * rows / matches rows (every row when nothing matches). Up to FEW_MATCHES matches a
# sort is cheaper than that walk (at 40,000 rows, 1,000 matches: 2,000 probes); whether
# the range holds a FEW_MATCHES-th cell (at most that many index entries) tells which.
FEW_MATCHES = 1000


def _cell_range(c: ColumnCondition, indexed: bool = False) -> tuple[str, list[Any]] | None:
    """``c`` as a range of cells_column_order over cells ``f`` (project id bound first), or
    None when no range holds exactly its cells (NE, CONTAINS, an order on text).
    ``indexed``: the range as the index alone tells it, without the tests that read each
    cell (its value type, its whole text): it holds the cells of ``c`` and maybe more."""
    column = "f.project_id = ? AND f.kind = ? AND f.file = ? AND f.path = ?"
    args: list[Any] = [c.kind, c.file, c.path]
    if c.op == "EXISTS":
        return column, args
    if c.op not in _OPS or c.op == "NE":
        return None
    if isinstance(c.value, int | float):
        vtype = "bool" if isinstance(c.value, bool) else "number"
        test = f"COALESCE(f.num, 0) {_OPS[c.op]} ?"
        if indexed:
            return f"{column} AND {test}", [*args, float(c.value)]
        return f"{column} AND {test} AND f.vtype = ?", [*args, float(c.value), vtype]
    if c.op == "EQ":  # a text cell has no number: its key is (0, the text's prefix)
        test = (
            f"COALESCE(f.num, 0) = 0 AND SUBSTR(COALESCE(f.text, ''), 1, {TEXT_PREFIX})"
            f" = SUBSTR(?, 1, {TEXT_PREFIX})"
        )
        if indexed:
            return f"{column} AND {test}", [*args, str(c.value)]
        return f"{column} AND {test} AND f.text = ?", [*args, str(c.value), str(c.value)]
    return None


# Index ranges found to hold at least n cells (a filter's FEW_MATCHES, a group's BIG_GROUP),
# until when (monotonic): the next pages skip that probe (on PostgreSQL it reads a row per
# index entry - an expression index gives no index-only scan -, 1-2 ms). Remembering "many"
# is never wrong, only slower once the rows went (a sync removed them): the filter is then
# walked, the group paged on its own, as with many rows, for MANY_TTL at most.
MANY_TTL = 10.0
# A plain dict, not a storage.caches.BoundedCache (event loop only): plans run on the SQLite
# readers' threads too, and a dict's get, set and clear are each atomic under the GIL.
_many: dict[tuple[Any, ...], float] = {}


def _holds(cells: str, args: list[Any], n: int) -> Reads[bool]:
    """Whether ``cells`` (``FROM`` text: a range of cells_column_order) holds n cells."""
    known = (db.database_key(), cells, n, *args)
    if _many.get(known, 0.0) > time.monotonic():
        return True
    rows = yield Fetch(f"SELECT 1 AS many FROM {cells} LIMIT 1 OFFSET ?", [*args, n - 1])
    if rows:
        if len(_many) > 10_000:
            _many.clear()
        _many[known] = time.monotonic() + MANY_TTL
    return bool(rows)


def _few_matches(project_id: int, q: ExperimentQuery) -> Reads[tuple[str, list[Any]] | None]:
    """The rows of a filter of ``q`` matching fewer than FEW_MATCHES (a table ``few`` of
    their ids), if one does. Whether one does is read from the index alone (its range may
    hold more than the filter's cells: a bool and a number of 1, texts of one prefix), so a
    filter may be walked when it matches fewer, never read from a range cut short."""
    for c in q.conditions:
        found = _cell_range(c)
        if found is None:
            continue
        test, args = found
        wide, wide_args = _cell_range(c, indexed=True) or found
        many = yield from _holds(f"cells f WHERE {wide}", [project_id, *wide_args], FEW_MATCHES)
        if not many:
            # The LIMIT states the bound the sort relies on (it never cuts: fewer match).
            among = f"(SELECT f.experiment_id AS id FROM cells f WHERE {test} LIMIT ?) few"
            return among, [project_id, *args, FEW_MATCHES]
    for commits in _commit_sets(q):  # a tag, a short branch: their rows read from the commits
        rows, args = commits.rows(), commits.rows_args(project_id)
        if not (yield from _holds(rows, args, FEW_MATCHES)):
            return f"(SELECT rows.id AS id FROM {rows} LIMIT ?) few", [*args, FEW_MATCHES]
    return None


# A page ordered by columns walks the index cells_column_order (migration 0010) on the first
# one: the rows holding a value in index order first, then the rows without one; each stops
# after the page. Ties of the first column (its equal values) are ordered by the further
# columns and the time, sorted as they come (SQLite's "RIGHT PART OF ORDER BY", PostgreSQL's
# Incremental Sort). The order and the cursor are the ones _build gives: (missing, number,
# text) of each column, then created_at and id.
_NUM = "COALESCE(o.num, 0)"
_TEXT = "COALESCE(o.text, '')"
# The indexed prefix of the text: a full text may exceed PostgreSQL's B-tree row size. The
# prefix sorts as the text does, ties on it are then sorted by the full text.
TEXT_PREFIX = 200
_PREFIX = f"SUBSTR(COALESCE(o.text, ''), 1, {TEXT_PREFIX})"
_HAS_VALUE = "NOT (o.num IS NULL AND o.text IS NULL)"
_COLUMN = "o.kind = ? AND o.file = ? AND o.path = ?"


def _column_page(
    project_id: int, q: ExperimentQuery, after: list[Any] | None, limit: int, shape: RowShape[R]
) -> Reads[Page[R]]:
    if after is not None and not _column_cursor(after, len(q.order)):
        raise ValueError("cursor does not match this ordering")
    kind, file, path, _desc = q.order[0]
    # The further columns and the time: the tie keys of both ranges, as _build makes them
    # (the walk of cells probes filters on its cell's row id, before reading the row).
    further = replace(q, order=q.order[1:])
    rows: Page[R] = []
    if after is None or after[0] == 0:
        walked = _build(project_id, further, row="o.experiment_id")
        cursor = after[1:] if after else None
        rows += yield from _valued_walk(project_id, q, walked, cursor, limit, shape)
    # A condition on the ordered column other than NE holds only for rows with its value.
    valued_only = any((c.kind, c.file, c.path, c.op != "NE") == (kind, file, path, True)
                      for c in q.conditions)  # fmt: skip
    if len(rows) < limit and not valued_only:
        tail = after[3:] if after is not None and after[0] == 1 else None
        s = _build(project_id, further)
        rows += yield from _valueless(s, (kind, file, path), tail, limit - len(rows), shape)
    return rows


# The ties of the ordered column (rows of one value) are ordered by the further keys, which
# the walk of cells_column_order does not give: each group met is sorted. A group of more
# than BIG_GROUP rows (a param with a few values over 40,000 rows) is instead paged on its
# own - the same query with "column = that value" as a filter and the further keys as its
# order, walking their index (or the time's) and probing the value - so no page sorts more
# than BIG_GROUP rows. Where the groups are is read from the index alone: the values at a
# few offsets from the walk's position.
BIG_GROUP = 2000


def _valued_walk(
    project_id: int,
    q: ExperimentQuery,
    s: _Sql,
    after: list[Any] | None,
    limit: int,
    shape: RowShape[R],
) -> Reads[Page[R]]:
    """The rows with a value of the first ordered column from ``after`` (number, text,
    further keys), at most ``limit``, group after group."""
    kind, file, path, _desc = column = q.order[0]
    rows: Page[R] = []
    cursor = after
    start = None if after is None else (">=", float(after[0]), str(after[1])[:TEXT_PREFIX])
    # Cells ahead the first range spans: the page and some, more when filters skip rows
    # (a range is walked until the page is full: a wide one costs only its end's probe).
    # No range spans more than BIG_GROUP cells: none sorts more.
    width = min(max(4 * limit, 200) * (4 if q.conditions else 1), BIG_GROUP)
    while len(rows) < limit:
        need = limit - len(rows)
        far = yield from _value_at(project_id, column, q.conditions, start, width)
        bound = far  # the walk stops before it (None: at the end)
        if far is not None:
            found = yield from _valued(
                project_id, s, column, q.conditions, cursor, start, far, need, shape
            )
            rows += found
            if len(found) >= need:
                break
            first = None
            if not found:
                first = yield from _value_at(project_id, column, q.conditions, start, 0)
            if first == far:  # no cell before far: a group of more than width cells
                big = yield from _big_group(project_id, column, q.conditions, start, first)
                if big and len(first[1]) < TEXT_PREFIX:  # big, its text whole
                    inside = cursor is not None and (cursor[0], cursor[1]) == first
                    same = ColumnCondition(kind, file, path, "KEY", first)
                    sub = replace(q, conditions=(*q.conditions, same), order=q.order[1:])
                    tail = cursor[2:] if cursor and inside else None
                    group = yield from _page(project_id, sub, tail, need, shape)
                    rows += [(r, [0, first[0], first[1], *k]) for r, k in group]
                    if len(group) >= need:
                        break
                    start, cursor = (">", *first), None  # the group is done: past it
                    continue
                if big:  # its texts share a long prefix: the group sorted whole
                    bound = yield from _value_at(project_id, column, q.conditions, (">", *first), 0)
                else:
                    bound = yield from _value_at(project_id, column, q.conditions, start, BIG_GROUP)
                found = yield from _valued(
                    project_id, s, column, q.conditions, cursor, start, bound, need, shape
                )
                rows += found
                if len(found) >= need:
                    break
        else:
            found = yield from _valued(
                project_id, s, column, q.conditions, cursor, start, None, need, shape
            )
            rows += found
        if bound is None:
            break
        start, cursor = (">=", *bound), None
        width = min(2 * width, BIG_GROUP)
    return rows


def _big_group(
    project_id: int,
    column: tuple[str, str, str, bool],
    conditions: tuple[ColumnCondition, ...],
    start: tuple[str, float, str] | None,
    first: tuple[float, str],
) -> Reads[bool]:
    """Whether the group of ``first`` (the first value from ``start``) holds more than
    BIG_GROUP cells: its own range of the index counted, index only, unless null cells
    may share its key (0 and "", as null, false and "" do) or the walk narrows the type of
    its cells (a bool and a number of 1 share theirs): then the walk's cell BIG_GROUP
    cells on is read, which tests each cell's type."""
    within, _bounds = _within(column, conditions)
    if within or first == (0.0, ""):
        beyond = yield from _value_at(project_id, column, conditions, start, BIG_GROUP)
        return beyond == first
    kind, file, path, _desc = column
    group = f"cells o WHERE o.project_id = ? AND {_COLUMN} AND {_NUM} = ? AND {_PREFIX} = ?"
    return (yield from _holds(group, [project_id, kind, file, path, *first], BIG_GROUP + 1))


def _position(op: str, desc: bool, num: float, prefix: str) -> tuple[str, list[Any]]:
    """The cells of the walked column whose (number, text prefix) is ``op`` (">", ">=" or
    "<") the given one in the walk's direction, with the number's bound stated alone (it
    lets the index seek)."""
    if desc:
        op = {">": "<", ">=": "<=", "<": ">"}[op]
    strict = op[0]
    # Only text cells have a prefix, and their number is 0: below "" there is no prefix,
    # and the cells of a number other than 0 have none, so the number's bound is the whole
    # comparison (and an exclusive bound: the walk does not read the group it stops at).
    if (op == "<" and prefix == "") or (op == ">" and num != 0):
        return f"{_NUM} {op} ?", [num]
    seek = f"{_NUM} {strict}= ?"
    return (
        f"{seek} AND ({_NUM} {strict} ? OR ({_NUM} = ? AND {_PREFIX} {op} ?))",
        [num, num, num, prefix],
    )


def _value_at(
    project_id: int,
    column: tuple[str, str, str, bool],
    conditions: tuple[ColumnCondition, ...],
    start: tuple[str, float, str] | None,
    offset: int,
) -> Reads[tuple[float, str] | None]:
    """(number, text prefix) of the cell ``offset`` cells into the walk of the column from
    ``start``, read from the index alone (a value type other than null stands for "has a
    value"; only where the walk's ranges end depends on it)."""
    kind, file, path, desc = column
    within, bounds = _within(column, conditions)
    where = [f"o.project_id = ? AND {_COLUMN} AND o.vtype <> 'null'", *within]
    args: list[Any] = [project_id, kind, file, path, *bounds]
    if start is not None:
        clause, extra = _position(start[0], desc, start[1], start[2])
        where.append(clause)
        args += extra
    direction = "DESC" if desc else "ASC"
    rows = yield Fetch(
        f"SELECT {_NUM} AS k1, {_PREFIX} AS k2 FROM cells o WHERE {' AND '.join(where)}"
        f" ORDER BY {_NUM} {direction}, {_PREFIX} {direction} LIMIT 1 OFFSET ?",
        [*args, offset],
    )
    return (float(rows[0]["k1"]), str(rows[0]["k2"])) if rows else None


def _field_cursor(after: list[Any]) -> bool:
    """Whether ``after`` is a cursor of a page ordered by a row field: its text, then the
    time and the id."""
    return (
        len(after) == 3
        and isinstance(after[0], str)
        and all(isinstance(v, int) and not isinstance(v, bool) for v in after[1:])
    )


def _column_cursor(after: list[Any], columns: int) -> bool:
    """Whether ``after`` is a cursor of a page ordered by ``columns`` columns: (missing,
    number, text) of each, then the time and the id."""
    if len(after) != 3 * columns + 2:
        return False
    whole = [*after[-2:], *after[0 : 3 * columns : 3]]  # times, ids and missing flags
    return (
        all(isinstance(v, int) and not isinstance(v, bool) for v in whole)
        and all(v in (0, 1) for v in after[0 : 3 * columns : 3])
        and all(
            isinstance(v, int | float) and not isinstance(v, bool)
            for v in after[1 : 3 * columns : 3]
        )
        and all(isinstance(v, str) for v in after[2 : 3 * columns : 3])
    )


def _valued(
    project_id: int,
    s: _Sql,
    column: tuple[str, str, str, bool],
    conditions: tuple[ColumnCondition, ...],
    after: list[Any] | None,
    start: tuple[str, float, str] | None,
    bound: tuple[float, str] | None,
    limit: int,
    shape: RowShape[R],
) -> Reads[Page[R]]:
    """The rows valued in ``column`` after the cursor ``after``, from ``start`` and before
    ``bound`` (number, text prefix) of the walk, their ties sorted. On SQLite the walk
    gives ids and the rows are read after, by id (its sort of ties copies whole rows: 3x
    the walk; a second statement costs no round trip on the reader's thread); PostgreSQL's
    incremental sort carries them for less than the second round trip would cost."""
    kind, file, path, desc = column
    within, bounds = _within(column, conditions)
    where = [f"o.project_id = ? AND {_COLUMN} AND {_HAS_VALUE}", *within, *s.where]
    args: list[Any] = [project_id, kind, file, path, *bounds, *s.args]
    # A cursor implies the start (and SQLite, given both, prices a sort of the range over
    # the index order).
    ends = [start] if start is not None and after is None else []
    if bound is not None:
        ends.append(("<", *bound))
    for op, num, prefix in ends:
        clause, extra = _position(op, desc, num, prefix)
        where.append(clause)
        args += extra
    keys = [(_NUM, desc), (_TEXT, desc), *s.keys]
    if after is not None:
        clause, extra = _keyset(keys, after)
        where.append(clause)
        args += extra
    direction = "DESC" if desc else "ASC"
    rest = ", ".join(f"{expr} {'DESC' if d else 'ASC'}" for expr, d in s.keys)
    wide = db.is_postgres()
    head, head_args = (shape.columns, shape.args) if wide else ("o.experiment_id AS id", ())
    rows = yield Fetch(
        f"SELECT {head}, {_NUM} AS v1, {_TEXT} AS v2, {_selected(s.keys)}"
        f" FROM cells o JOIN experiments e ON e.id = o.experiment_id {' '.join(s.joins)}"
        f" WHERE {' AND '.join(where)} ORDER BY {_NUM} {direction}, {_PREFIX} {direction},"
        f" {_TEXT} {direction}, {rest} LIMIT ?",
        [*head_args, *s.join_args, *args, limit],
        tuples=True,
    )
    if wide:
        width = shape.width
        return [(shape.make(r[:width]), [0, *r[width:]]) for r in rows]
    records = yield from _records([r[0] for r in rows], shape)
    return [(records[r[0]], [0, *r[1:]]) for r in rows]


def _records(ids: list[int], shape: RowShape[R]) -> Reads[dict[int, R]]:
    """The rows of ``ids`` (a page's: bound variables well within both databases' limits)."""
    if not ids:
        return {}
    rows = yield Fetch(
        f"SELECT e.id AS row_id, {shape.columns} FROM experiments e"
        f" WHERE e.id IN ({_marks(len(ids))})",
        [*shape.args, *ids],
        tuples=True,
    )
    return {r[0]: shape.make(r[1:]) for r in rows}


def _within(
    column: tuple[str, str, str, bool], conditions: tuple[ColumnCondition, ...]
) -> tuple[list[str], list[Any]]:
    """The numeric conditions on the ordered column, restated on its walked cell: a range
    of the index instead of a probe of every cell walked (``acc > 0.999`` ordered by acc).
    The conditions themselves stay in the WHERE, so this only narrows the walk."""
    clauses: list[str] = []
    args: list[Any] = []
    for c in conditions:
        numeric = isinstance(c.value, int | float)
        if (c.kind, c.file, c.path) == column[:3] and c.op in _OPS and c.op != "NE" and numeric:
            clauses.append(f"o.vtype = ? AND {_NUM} {_OPS[c.op]} ?")
            args += ["bool" if isinstance(c.value, bool) else "number", float(c.value)]
    return clauses, args


def _selected(keys: list[tuple[str, bool]]) -> str:
    return ", ".join(f"{expr} AS k{i}" for i, (expr, _d) in enumerate(keys))


def _valueless(
    s: _Sql,
    column: tuple[str, str, str],
    after: list[Any] | None,
    limit: int,
    shape: RowShape[R],
) -> Reads[Page[R]]:
    where = [*s.where, f"NOT EXISTS (SELECT 1 FROM cells o WHERE o.experiment_id = e.id"
             f" AND {_COLUMN} AND {_HAS_VALUE})"]  # fmt: skip
    args: list[Any] = [*s.args, *column]
    if after is not None:
        clause, extra = _keyset(s.keys, after)
        where.append(clause)
        args += extra
    order = ", ".join(f"{expr} {'DESC' if d else 'ASC'}" for expr, d in s.keys)
    rows = yield Fetch(
        f"SELECT {shape.columns}, {_selected(s.keys)} FROM experiments e"
        f" {' '.join(s.joins)} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?",
        [*shape.args, *s.join_args, *args, limit],
        tuples=True,
    )
    width = shape.width
    return [(shape.make(r[:width]), [1, 0.0, "", *r[width:]]) for r in rows]


async def count_experiments(project_id: int, q: ExperimentQuery) -> int:
    """The rows of ``q``, counted by one plan of reads (:func:`_count`)."""
    return await db.fetch_plan(_count(project_id, q))


def _count_of(query: str, args: list[Any]) -> Reads[int]:
    rows = yield Fetch(f"SELECT COUNT(*) AS n FROM {query}", args)
    return int(rows[0]["n"])


@dataclass(slots=True)
class _Range:
    """Column filters of one column that are a range of cells_column_order: ``test`` over
    cells ``f``, bound by ``args`` (the project id first, per condition)."""

    conditions: list[ColumnCondition]
    test: str
    args: list[Any]


def _column_ranges(project_id: int, q: ExperimentQuery) -> list[_Range]:
    """The column filters of ``q`` that are ranges of cells_column_order, one range per
    column: a row has one cell per column (storage.cells.flatten), so a column's conditions
    test one cell, in one range."""
    ranges: dict[tuple[str, str, str], _Range] = {}
    for c in q.conditions:
        found = _cell_range(c)
        if found is None:
            continue
        test, args = found
        known = ranges.get((c.kind, c.file, c.path))
        if known is None:
            ranges[(c.kind, c.file, c.path)] = _Range([c], test, [project_id, *args])
        else:
            known.conditions.append(c)
            known.test += f" AND {test}"
            known.args += [project_id, *args]
    return list(ranges.values())


def _holds_many(project_id: int, r: _Range) -> Reads[bool]:
    """Whether ``r`` holds FEW_MATCHES cells, read from the index alone as a page reads it
    (_few_matches): a column of one condition by its indexed range."""
    wide = _cell_range(r.conditions[0], indexed=True) if len(r.conditions) == 1 else None
    test, args = (wide[0], [project_id, *wide[1]]) if wide else (r.test, r.args)
    return (yield from _holds(f"cells f WHERE {test}", args, FEW_MATCHES))


# Rows whose cells tell which of several big ranges is the narrowest: the newest rows of the
# project (experiments_by_time), each probed for each range (cells_of_experiment).
SAMPLE = 200


def _sampled(project_id: int, ranges: list[_Range]) -> Reads[list[int]]:
    """How many of the project's SAMPLE newest rows each of ``ranges`` holds: an estimate
    of its size (never of a count), read in one statement of SAMPLE probes per range."""
    # SQLite, without statistics, may walk the range in cells_column_order for each probe
    # (its test names more of that index's columns): 1.9 s at 10,000 commits, 0.6 ms probed
    # by the row. PostgreSQL plans from its statistics and has no INDEXED BY.
    cells = "cells f" if db.is_postgres() else "cells f INDEXED BY cells_of_experiment"
    probes = [f"(SELECT COUNT(*) FROM {cells} WHERE f.experiment_id = s.id AND {r.test})"
              for r in ranges]  # fmt: skip
    rows = yield Fetch(
        f"SELECT {', '.join(f'SUM({p}) AS n{i}' for i, p in enumerate(probes))} FROM"
        " (SELECT e.id FROM experiments e WHERE e.project_id = ?"
        " ORDER BY e.created_at DESC, e.id DESC LIMIT ?) s",
        [*(a for r in ranges for a in r.args), project_id, SAMPLE],
    )
    return [int(rows[0][f"n{i}"] or 0) for i in range(len(ranges))]


def _in_every(ranges: list[_Range]) -> tuple[str, list[Any]]:
    """The ids of the rows in every one of ``ranges`` (``rows.id``; the likely narrowest
    first), read from cells_column_order alone (its last key is the row id, migration
    0026); a row is once in a range (one cell per column). On SQLite each range's ids among
    the previous ones' (``IN``: the narrowest range's ids kept in a temporary index, those
    of the next among them, ...). On PostgreSQL ``INTERSECT ALL``: each range scanned once
    and hashed, whatever the estimates (an ``IN`` turns into joins, and a generic plan,
    from a range's cells estimated a few hundred, probes each row of a range: 300 ms at
    10,000 commits)."""
    if db.is_postgres():
        parts = " INTERSECT ALL ".join(f"SELECT f.experiment_id FROM cells f WHERE {r.test}"
                                       for r in ranges)  # fmt: skip
        return f"({parts}) rows (id)", [a for r in ranges for a in r.args]
    found, args = "", list[Any]()
    for r in ranges:
        among = f" AND f.experiment_id IN (SELECT f.experiment_id FROM {found})" if found else ""
        found, args = f"cells f WHERE {r.test}{among}", [*r.args, *args]
    return f"(SELECT f.experiment_id AS id FROM {found}) rows", args


def _count(project_id: int, q: ExperimentQuery) -> Reads[int]:
    """The rows of ``q``. Filters on columns count from their ranges of cells_column_order:
    a range of fewer than FEW_MATCHES cells drives (its rows joined and probed for the
    rest); else the rows in every range are counted from the index alone (its last key is
    the row id, migration 0026): the narrowest range's ids kept (_sampled), those of the next
    range among them kept, ..., the last range's among them counted; then the hidden rows
    among them (few: read through experiments_shown_by_time, each probed as a page probes
    it) taken away, or, with other filters, the rows joined and probed for them."""
    ranges = _column_ranges(project_id, q)
    sets = _commit_sets(q)
    if not ranges and sets:
        # The rows at the commits of the filter's set, read from them (each row once: a row
        # has one commit), probed for the rest; not every row probed for its commit.
        s = _build(project_id, sets[0].apart(q), page=False)
        args = sets[0].rows_args(project_id)
        if s.where[1:] in ([], [_SHOWN]):  # nothing else asked: the indexes alone
            return (yield from _count_of(sets[0].rows(shown=s.where[1:] == [_SHOWN]), args))
        return (
            yield from _count_of(
                f"{sets[0].rows()} CROSS JOIN experiments e"
                f" WHERE e.id = rows.id AND {' AND '.join(s.where)}",
                [*args, *s.args],
            )
        )
    if not ranges:
        s = _build(project_id, q, page=False)
        return (yield from _count_of(f"experiments e WHERE {' AND '.join(s.where)}", s.args))
    ordered = []
    for r in ranges:
        ordered.append((bool((yield from _holds_many(project_id, r))), 0, r))
    if len(ranges) > 1 and all(many for many, _n, _r in ordered):
        sizes = yield from _sampled(project_id, ranges)
        ordered = [(True, n, r) for n, r in zip(sizes, ranges, strict=True)]
    ordered.sort(key=lambda found: found[:2])
    many, _rank, driver = ordered[0]
    if not many:
        # A range of few cells drives: its rows probed for the other filters (per row).
        others = tuple(c for c in q.conditions if c not in driver.conditions)
        s = _build(project_id, replace(q, conditions=others), page=False)
        return (
            yield from _count_of(
                "cells f CROSS JOIN experiments e WHERE e.id = f.experiment_id"
                f" AND {driver.test} AND " + " AND ".join(s.where),
                [*driver.args, *s.args],
            )
        )
    rows, rows_args = _in_every([r for _many, _rank, r in ordered])
    ranged = [c for r in ranges for c in r.conditions]
    rest = replace(q, conditions=tuple(c for c in q.conditions if c not in ranged))
    s = _build(project_id, replace(rest, include_hidden=True), page=False)
    if s.where == ["e.project_id = ?"]:
        n = yield from _count_of(rows, rows_args)
        if q.include_hidden:
            return n
        s = _build(project_id, replace(q, include_hidden=True))
        hidden = yield from _count_of(
            "experiments e WHERE e.hidden > 0 AND " + " AND ".join(s.where), s.args
        )
        return n - hidden
    s = _build(project_id, rest, page=False)
    return (
        yield from _count_of(
            f"{rows} CROSS JOIN experiments e WHERE e.id = rows.id AND " + " AND ".join(s.where),
            [*rows_args, *s.args],
        )
    )


async def experiments_by_ids(ids: Sequence[int]) -> dict[int, ExperimentRecord]:
    rows = await _in("SELECT * FROM experiments WHERE id IN ({in})", [], ids)
    return {r["id"]: experiment_record(r) for r in rows}


async def commit_rows_by_sha(
    keys: Sequence[tuple[int, str]],
) -> dict[tuple[int, str], ExperimentRecord]:
    """The COMMIT experiment row (params/metrics of a commit) by (project id, sha)."""
    out: dict[tuple[int, str], ExperimentRecord] = {}
    by_project: dict[int, list[str]] = {}
    for pid, sha in keys:
        by_project.setdefault(pid, []).append(sha)
    for pid, shas in by_project.items():
        rows = await _in(
            "SELECT * FROM experiments WHERE project_id = ? AND kind = 'COMMIT' AND key IN ({in})",
            [pid],
            shas,
        )
        out.update({(pid, r["key"]): experiment_record(r) for r in rows})
    return out


async def experiments_by_baseline(
    keys: Sequence[tuple[int, str]],
) -> dict[tuple[int, str], list[ExperimentRecord]]:
    """Experiment and live rows whose baseline is (project id, sha), newest first."""
    out: dict[tuple[int, str], list[ExperimentRecord]] = {k: [] for k in keys}
    by_project: dict[int, list[str]] = {}
    for pid, sha in keys:
        by_project.setdefault(pid, []).append(sha)
    for pid, shas in by_project.items():
        rows = await _in(
            "SELECT * FROM experiments WHERE project_id = ? AND kind <> 'COMMIT'"
            " AND baseline_sha IN ({in}) ORDER BY created_at DESC, id DESC",
            [pid],
            shas,
        )
        for r in rows:
            out[(pid, r["baseline_sha"])].append(experiment_record(r))
    return out


@dataclass(frozen=True, slots=True)
class ColumnRecord:
    kind: str
    file: str
    path: str
    types: tuple[str, ...]
    count: int


async def columns(
    project_id: int,
    kind: str | None = None,
    file: str | None = None,
    search: str | None = None,
    after: tuple[str, str, str] | None = None,
    first: int | None = None,
) -> list[ColumnRecord]:
    """The project's columns, params first, then by file and path: of one ``kind`` and
    ``file`` when given, whose file or path contains ``search`` (any case), after the
    column ``after`` (kind, file, path), at most ``first`` (GITSTUDIO_MAX_COLUMNS when
    None: every column of a project indexed under the cap; a project indexed before the
    cap may hold more, so the page is always cut, in SQL)."""
    where: list[str] = ["project_id = ?"]
    args: list[Any] = [project_id]
    for column, value in (("kind", kind), ("file", file)):
        if value is not None:
            where.append(f"{column} = ?")
            args.append(value)
    if search:
        needle = "%" + _like_escaped(search.lower()) + "%"
        where.append("(LOWER(file) LIKE ? ESCAPE '!' OR LOWER(path) LIKE ? ESCAPE '!')")
        args += [needle, needle]
    if after is not None:
        a_kind, a_file, a_path = after
        later = f"(file {_binary()} > ? OR (file = ? AND path {_binary()} > ?))"
        where.append(f"({_NOT_PARAM} > ? OR ({_NOT_PARAM} = ? AND {later}))")
        not_param = a_kind != "param"
        args += [not_param, not_param, a_file, a_file, a_path]
    page = limits().max_columns if first is None else first
    return await _columns(" AND ".join(where), args, page)


_NOT_PARAM = "(kind <> 'param')"  # params sort first: false < true on both dialects


def _like_escaped(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _binary() -> str:
    """Text compared and sorted by code point on both dialects, as column ids compare
    (PostgreSQL's default collation would follow the locale)."""
    return 'COLLATE "C"' if db.is_postgres() else "COLLATE BINARY"


async def _columns(where: str, args: list[Any], page: int) -> list[ColumnRecord]:
    """One page of columns in SQL, from the per-project summary ``cell_columns`` (migration
    0012, kept by the writes of cells): the page's (kind, file, path) first, then their
    value types and cell counts (a column whose cells hold several types is one column)."""
    order = f"{_NOT_PARAM}, file {_binary()}, path {_binary()}"
    rows = await db.fetch(
        "SELECT kind, file, path, vtype, cells AS n FROM cell_columns WHERE project_id = ?"
        " AND cells > 0 AND (kind, file, path) IN (SELECT kind, file, path FROM cell_columns"
        f" WHERE cells > 0 AND {where} GROUP BY kind, file, path ORDER BY {order} LIMIT ?)"
        f" ORDER BY {order}, vtype",
        [args[0], *args, page],
    )
    merged: dict[tuple[str, str, str], tuple[list[str], int]] = {}
    for r in rows:
        types, n = merged.setdefault((r["kind"], r["file"], r["path"]), ([], 0))
        types.append(r["vtype"])
        merged[(r["kind"], r["file"], r["path"])] = (types, n + int(r["n"]))
    return [
        ColumnRecord(kind, file, path, tuple(sorted(types)), n)
        for (kind, file, path), (types, n) in merged.items()
    ]


# -- model registry -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegistryRows:
    """What the registry of a project is folded from (resolvers/models.py)."""

    declarations: str | None  # sync.artifacts.Declarations as JSON
    subdir: str  # the project's directory in its repository: whose models it sees
    tags: list[TagRecord]  # annotated tags only
    commits: dict[str, CommitRecord]  # the commits those tags and the declarations point at
    version: RegistryVersion  # read before the rows: never newer than they are


# What a project's registry is folded from, in brief: its tags' count and highest id (a
# sync that changes tags replaces them all, under new ids: autoincrement on SQLite, a
# sequence on PostgreSQL; nothing updates a tag in place), its declarations and its subdir
# (which of them it sees). Equal versions, equal registries; reading it walks the tags'
# index, not their rows.
RegistryVersion = tuple[int, int | None, str | None, str]


async def registry_versions(project_ids: Sequence[int]) -> dict[int, RegistryVersion]:
    rows = await _in(
        "SELECT p.id, p.registry, p.subdir,"
        " (SELECT COUNT(*) FROM tags t WHERE t.project_id = p.id) AS n,"
        " (SELECT MAX(t.id) FROM tags t WHERE t.project_id = p.id) AS last"
        " FROM projects p WHERE p.id IN ({in})",
        [],
        project_ids,
    )
    return {r["id"]: (int(r["n"]), r["last"], r["registry"], r["subdir"] or "") for r in rows}


async def registry_rows(project_ids: Sequence[int]) -> dict[int, RegistryRows]:
    versions = await registry_versions(project_ids)
    projects = await _in(
        "SELECT id, registry, subdir FROM projects WHERE id IN ({in})", [], project_ids
    )
    tags = await _in(
        "SELECT * FROM tags WHERE project_id IN ({in}) AND annotated ORDER BY name",
        [],
        project_ids,
    )
    wanted: set[tuple[int, str]] = {(t["project_id"], t["sha"]) for t in tags}
    for p in projects:
        head = orjson.loads(p["registry"]).get("head") if p["registry"] else None
        if head:
            wanted.add((p["id"], head))
    commits = await commits_by_sha(sorted(wanted))
    out: dict[int, RegistryRows] = {}
    for p in projects:
        pid = p["id"]
        out[pid] = RegistryRows(
            p["registry"],
            p["subdir"] or "",
            [tag_record(t) for t in tags if t["project_id"] == pid],
            {sha: c for (cpid, sha), c in commits.items() if cpid == pid},
            versions.get(pid, (0, None, None, p["subdir"] or "")),
        )
    return out
