"""Writing what a sync found: bulk statements in transactions, no ORM objects per row.

The sync layer hands over an :class:`IndexBatch` of plain rows; this module turns it into
a plan (storage.sqlplan) that runs unchanged on SQLite (``executemany``, in one thread hop)
and PostgreSQL (rows sent as one array per column and inserted with ``unnest``: one
statement per chunk instead of one per row). A large sync streams: :func:`write_rows`
commits each batch of rows (commits, experiment rows and their cells, idempotent), and
:func:`apply_batch` ends it with refs, branches, tags and the new tips in one transaction.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from storage import db
from storage.cells import admit_columns
from storage.hidden import auto_hide
from storage.limits import configured
from storage.queries import forget_projects
from storage.rows import CommitRow, ExperimentRow, Membership, TagRow
from storage.sqlplan import Fetch, Many, Plan, one, run_plan
from storage.trends import first_parent

_BATCH = 500  # below SQLite's bound-variable limit for IN (...) lists
_ARRAY_ROWS = 20_000  # rows of one PostgreSQL unnest insert (a few MB of parameters)

# Marks, in ``projects.ref_tips``, a sync that committed rows but not yet its new tips (a
# streamed index in progress, or one cut off): the next sync prunes whatever those rows
# hold that its refs no longer reach. Not a ref name (refs start with ``refs/``).
PARTIAL = "gitstudio:partial"


class LeaseLost(Exception):
    """The sync's lease went to another instance (or its project was deleted) before its
    index write: nothing of the batch was written."""


@dataclass(slots=True)
class IndexBatch:
    tips: dict[str, str]
    branches: dict[str, str]
    tags: list[TagRow]
    commits: list[CommitRow] = field(default_factory=list)
    experiments: list[ExperimentRow] = field(default_factory=list)
    removed_experiment_keys: list[str] = field(default_factory=list)
    membership: Membership = field(default_factory=Membership)
    reachable: set[str] | None = None
    default_branch: str | None = None
    tags_changed: bool = True
    tips_changed: bool = True  # False: ``tips`` equal the stored ones (not rewritten)
    registry: str | None = None  # declarations at the default branch head, when re-read
    # The sync's lease owner: the last write happens only while it still holds the lease.
    lease_owner: str | None = None
    # The commits this sync read (written in this batch or streamed before it), judged
    # by the project's autoHideUnchanged; None when it is off.
    auto_hide_shas: list[str] | None = None


@dataclass(slots=True)
class IndexChanges:
    """Experiment row ids a batch created, updated in place, linked (live run -> ref) or
    removed: what subscribers are told after the commit."""

    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    linked: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _json(value: Any) -> str:
    """``value`` as JSON text, keys that are not text (YAML's ``1:``) written as orjson
    writes them; where two keys become one text (``1`` and ``"1"``) only the last is kept,
    the one every parser of the text keeps (orjson, PostgreSQL's json): SQLite's JSON
    functions, which the CSV export reads values with, would find the first."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:  # a key that is not text (or a value orjson cannot write)
        text = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
        return orjson.dumps(orjson.loads(text)).decode()


async def apply_batch(project_id: int, batch: IndexBatch) -> IndexChanges:
    """The whole batch, or the end of a streamed sync, in one transaction: rows, removals,
    branches, tags, then the new tips (conditional on the lease)."""
    changes = await run_plan(_batch_plan(project_id, batch))
    forget_projects()
    return changes


async def write_rows(
    project_id: int,
    commits: list[CommitRow],
    experiments: list[ExperimentRow],
    lease_owner: str | None,
    partial_tips: dict[str, str] | None = None,
) -> IndexChanges:
    """One batch of a streamed sync in its own transaction: commits, experiment rows and
    their cells, never half of a row. Idempotent: commits already stored are skipped and a
    row already stored under its key is updated in place, so a sync cut off after some
    batches is completed by the next one, which reads the same commits again (the tips
    only move in :func:`apply_batch`). ``partial_tips`` (the first batch): the tips the
    project keeps meanwhile, written with :data:`PARTIAL` added. Fenced like the final
    write: without the lease nothing of the batch is written (LeaseLost)."""
    return await run_plan(_rows_plan(project_id, commits, experiments, lease_owner, partial_tips))


@dataclass(frozen=True, slots=True)
class BulkCache:
    """SQLite's page cache while a sync streams (gitstudio.settings holds the default)."""

    sqlite_bulk_cache_mib: int  # MiB of page cache the writing connection gets meanwhile


@asynccontextmanager
async def bulk_writes() -> AsyncIterator[None]:
    """Around the batches of a streamed sync on SQLite: a page cache large enough for the
    cells indexes, so a batch's random inserts into them are not written out and read back
    page by page (about a third less CPU at 1.2 M cells); the previous size and the
    memory come back afterwards. Nothing on PostgreSQL."""
    mib = configured(BulkCache).sqlite_bulk_cache_mib
    if db.is_postgres() or mib <= 0:
        yield
        return
    # Several syncs may stream at once on the one writer connection: the first raises the
    # size and remembers the one before, the last restores it (each restoring "its" previous
    # size would leave the raised one behind when they overlap).
    _bulk.depth += 1
    try:
        if _bulk.depth == 1:
            _bulk.before = await run_plan(_cache_size(f"-{mib * 1024}"))
        yield
    finally:
        _bulk.depth -= 1
        if _bulk.depth == 0 and _bulk.before is not None:
            before, _bulk.before = _bulk.before, None
            await run_plan(_cache_size(str(before), shrink=True))


class _BulkState:
    """Streamed syncs inside bulk_writes now, and the page cache size before the first."""

    depth = 0
    before: int | None = None


_bulk = _BulkState()


def _cache_size(size: str, shrink: bool = False) -> Plan[int]:
    rows = yield Fetch("PRAGMA cache_size")
    yield Fetch(f"PRAGMA cache_size = {int(size)}")
    if shrink:
        yield Fetch("PRAGMA shrink_memory")
    return int(next(iter(rows[0].values())))


def _rows_plan(
    project_id: int,
    commits: list[CommitRow],
    experiments: list[ExperimentRow],
    lease_owner: str | None,
    partial_tips: dict[str, str] | None,
) -> Plan[IndexChanges]:
    if db.is_postgres():
        # A batch lost in a crash is written again by the next sync (the tips have not
        # moved): no need to wait for its WAL flush. The final write stays synchronous.
        yield one("SET LOCAL synchronous_commit TO OFF", [])
    yield from _write_commits(project_id, commits)
    changes = yield from _write_experiments(project_id, experiments)
    sets, args = "sync_owner = sync_owner", list[Any]()
    if partial_tips is not None:
        sets = "ref_tips = ?"
        args.append(_json({**partial_tips, PARTIAL: "1"}))
    args.append(project_id)
    fence = ""
    if lease_owner is not None:
        fence = " AND sync_owner = ?"
        args.append(lease_owner)
    # Last, as in the final write: it locks the project row until the commit, so a
    # takeover either happened before (nothing written) or waits for this batch.
    updated = yield Fetch(f"UPDATE projects SET {sets} WHERE id = ?{fence} RETURNING id", args)
    if not updated:
        raise LeaseLost(f"project {project_id}: the lease was lost before an index write")
    return changes


@dataclass(frozen=True, slots=True)
class BulkLoad:
    """When a sync's write counts as a bulk load (gitstudio.settings holds the default)."""

    analyze_after_rows: int  # rows written by one sync past which statistics are refreshed


# What an index write fills: the tables whose statistics a bulk load makes stale.
_WRITTEN_TABLES = ("commits", "experiments", "cells", "branches", "branch_commits", "tags")


def rows_written(batch: IndexBatch) -> int:
    """Rows a batch adds, roughly: commits, experiment rows and branch memberships (cells
    grow with the experiment rows; tags are sent whole on every change, so not counted)."""
    added = sum(len(shas) for shas in batch.membership.added.values())
    return len(batch.commits) + len(batch.experiments) + added


async def analyze_after(batch: IndexBatch, first: bool, streamed: int = 0) -> bool:
    """After the write of a project's first index or of a large batch (``streamed``: the
    revisions a streamed sync wrote before ``batch``), refresh the database's statistics
    of the tables it filled (storage.db.analyze: PostgreSQL only)."""
    rows = rows_written(batch) + streamed
    if not first and rows < configured(BulkLoad).analyze_after_rows:
        return False
    if db.is_postgres() and await _vacuum_analyze(_WRITTEN_TABLES):
        return True
    return await db.analyze(_WRITTEN_TABLES)


async def _vacuum_analyze(tables: Sequence[str]) -> bool:
    """PostgreSQL ``VACUUM (ANALYZE)`` of ``tables``: the statistics, and the visibility
    map, so a count or a page reading only indexed columns is an index-only scan instead of
    a visit of every row's heap page (40,000 rows: ``totalCount`` 45-75 ms -> 8-12 ms).
    One statement outside any transaction (VACUUM cannot run in one; the connection's
    autocommit). Never raises: False and a log line instead (the caller then analyzes)."""
    names = [t for t in tables if t.isidentifier()]  # identifiers cannot be bound
    try:
        await db.conn().execute_script(f"VACUUM (ANALYZE) {', '.join(names)}")
    except Exception:  # vacuum only costs speed, never correctness
        db.log.warning("VACUUM (ANALYZE) %s failed", ", ".join(names), exc_info=True)
        return False
    # Logged where storage.db logs its ANALYZE: one logger for the statistics.
    db.log.info("analyzed %s (VACUUM (ANALYZE))", ", ".join(names))
    return True


def _batch_plan(project_id: int, batch: IndexBatch) -> Plan[IndexChanges]:
    yield from _write_commits(project_id, batch.commits)
    changes = yield from _write_experiments(project_id, batch.experiments)
    gone = batch.removed_experiment_keys
    if batch.reachable is not None:  # also rows a cut-off sync wrote for refs now gone
        gone = gone + (yield from _unreferenced_experiments(project_id, batch.tips))
    removed = yield from _ids_by(project_id, "experiments", "key", gone)
    changes.removed = list(removed.values())
    yield from _delete_experiments(project_id, gone)
    if batch.reachable is not None:
        yield from _prune_unreachable(project_id, batch.reachable)
    if batch.auto_hide_shas:  # after every row of the sync and its parents' are stored
        yield from auto_hide(project_id, batch.auto_hide_shas)
    yield from _write_branches(project_id, batch)
    if batch.tags_changed:
        yield from _write_tags(project_id, batch.tags)
    tips = _json(batch.tips) if batch.tips_changed else None  # 30,000 refs: megabytes
    args = [tips, datetime.now(UTC), batch.default_branch, batch.registry, project_id]
    fence = ""
    if batch.lease_owner is not None:  # fenced: a holder that lost its lease writes nothing
        fence = " AND sync_owner = ?"
        args.append(batch.lease_owner)
    updated = yield Fetch(
        "UPDATE projects SET ref_tips = COALESCE(?, ref_tips), last_synced_at = ?,"
        " last_sync_error = NULL,"
        " sync_count = sync_count + 1, default_branch = COALESCE(?, default_branch),"
        " registry = COALESCE(?, registry),"
        # A re-index a settings change asked for is done (changes take the lease: none
        # happened since this sync read the settings).
        " reindex = 0,"
        " sync_owner = NULL, sync_lease_until = NULL"  # the sync's lease ends with it
        f" WHERE id = ?{fence} RETURNING id",
        args,
    )
    if not updated:  # raised inside the transaction: everything above is rolled back
        raise LeaseLost(f"project {project_id}: the lease was lost before the index write")
    return changes


def _bulk_insert(
    table: str, columns: dict[str, str], rows: Sequence[Sequence[Any]], tail: str = ""
) -> Plan[None]:
    """``INSERT INTO table`` of ``rows``: ``executemany`` on SQLite; on PostgreSQL chunks of
    rows sent as one array per column (``columns``: name -> PostgreSQL type) and expanded by
    ``unnest``, a statement per chunk, as fast as COPY for these rows and, unlike COPY,
    able to skip rows already there (``tail``: an ON CONFLICT clause)."""
    if not rows:
        return
    names = ", ".join(columns)
    if not db.is_postgres():
        marks = ", ".join("?" * len(columns))
        yield Many(f"INSERT INTO {table} ({names}) VALUES ({marks}) {tail}", rows)
        return
    yield from _insert_arrays(table, columns, [list(c) for c in zip(*rows, strict=True)], tail)


def _insert_arrays(
    table: str, columns: dict[str, str], arrays: list[list[Any]], tail: str = ""
) -> Plan[None]:
    """PostgreSQL: ``INSERT INTO table`` of rows given as one list per column, expanded by
    ``unnest`` ``_ARRAY_ROWS`` at a time."""
    names = ", ".join(columns)
    kinds = ", ".join(f"?::{kind}[]" for kind in columns.values())
    query = f"INSERT INTO {table} ({names}) SELECT * FROM unnest({kinds}) {tail}"
    for start in range(0, len(arrays[0]) if arrays else 0, _ARRAY_ROWS):
        yield one(query, [column[start : start + _ARRAY_ROWS] for column in arrays])


_COMMIT_COLUMNS = {
    "project_id": "int", "sha": "text", "parents": "text", "author_name": "text",
    "author_email": "text", "authored_at": "bigint", "committer_name": "text",
    "committer_email": "text", "committed_at": "bigint", "commit_offset": "int",
    "message": "text",
}  # fmt: skip
_CELL_COLUMNS = {
    "project_id": "int", "experiment_id": "int", "kind": "text", "file": "text",
    "path": "text", "vtype": "text", "num": "float8", "text": "text",
}  # fmt: skip


def _write_commits(project_id: int, commits: list[CommitRow]) -> Plan[None]:
    yield from _bulk_insert(
        "commits",
        _COMMIT_COLUMNS,
        [
            (
                project_id,
                c.sha,
                _json(c.parents),
                c.author_name,
                c.author_email,
                c.authored_at,
                c.committer_name,
                c.committer_email,
                c.committed_at,
                c.offset,
                c.message,
            )
            for c in commits
        ],
        "ON CONFLICT (project_id, sha) DO NOTHING",
    )


def _write_experiments(project_id: int, rows: list[ExperimentRow]) -> Plan[IndexChanges]:
    """Insert new rows; update in place rows whose ref moved and live runs that their
    experiment ref now names (same baseline and name, or the ``experiment_rev`` they
    reported), so a run keeps its id and metric history when it becomes a pushed experiment."""
    changes = IndexChanges()
    if not rows:
        return changes
    in_place = yield from _rows_to_update(project_id, rows)
    fresh = [r for r in rows if r.key not in in_place]
    yield from _bulk_insert(
        "experiments",
        {"project_id": "int", **_COLUMN_TYPES, "hidden": "smallint"},
        [(project_id, *_values(r), int(r.hidden)) for r in fresh],
    )
    yield Many(
        f"UPDATE experiments SET {_HIDE_AGAIN}, {', '.join(f'{c} = ?' for c in _COLUMNS)}"
        " WHERE id = ?",
        [
            (int(r.hidden), r.message, *_values(r), in_place[r.key][0])
            for r in rows
            if r.key in in_place
        ],
    )
    ids = yield from _ids_by(project_id, "experiments", "key", [r.key for r in rows])
    yield from _delete_cells([ids[k] for k in in_place])  # fresh rows have no cells yet
    documents = _Documents(project_id)
    for row in rows:
        exp_id = ids[row.key]
        for kind, part in (("param", "params"), ("metric", "metrics")):
            for file, data in row.data.get(part, {}).items():
                documents.add(exp_id, kind, file, data)
    yield from documents.write()
    changes.created = [ids[r.key] for r in fresh]
    changes.updated = [ids[k] for k, (_, linked) in in_place.items() if not linked]
    changes.linked = [ids[k] for k, (_, linked) in in_place.items() if linked]
    return changes


class _Document:
    """The cells of one params or metrics file's document, and the experiment rows that
    hold it: flattened once per batch, however many rows share it (the parse cache hands
    out one value per blob)."""

    __slots__ = ("cells", "rows")

    def __init__(self, cells: list[tuple[Any, ...]]) -> None:
        self.cells = cells
        self.rows: list[int] = []


class _Documents:
    """The cells of a batch's experiment rows, by document: counted, checked against the
    project's column bound and written: on SQLite by executemany of the rows' cells, on
    PostgreSQL as column arrays extended document by document (no tuple per cell)."""

    def __init__(self, project_id: int) -> None:
        self.project_id = project_id
        self.by_key: dict[tuple[str, str, int], _Document] = {}

    def add(self, experiment_id: int, kind: str, file: str, data: Any) -> None:
        key = (kind, file, id(data))  # the rows hold ``data``: its id is stable meanwhile
        document = self.by_key.get(key)
        if document is None:
            document = self.by_key[key] = _Document(_flatten(kind, file, data))
        document.rows.append(experiment_id)

    def write(self) -> Plan[None]:
        documents = [d for d in self.by_key.values() if d.cells]
        counts: dict[tuple[int, str, str, str, str], int] = {}
        for document in documents:
            uses = len(document.rows)
            for cell in document.cells:  # a column has one cell per document
                key = (self.project_id, cell[0], cell[1], cell[2], cell[3])
                counts[key] = counts.get(key, 0) + uses
        skipped = yield from admit_columns(counts)
        if skipped:  # beyond the project's column bound: those columns' cells go
            for document in documents:
                document.cells = [
                    c for c in document.cells if (self.project_id, *c[:3]) not in skipped
                ]
            documents = [d for d in documents if d.cells]
        if db.is_postgres():
            yield from self._arrays(documents)
        else:
            rows = [(self.project_id, e, *c) for d in documents for e in d.rows for c in d.cells]
            yield from _bulk_insert("cells", _CELL_COLUMNS, rows)

    def _arrays(self, documents: list[_Document]) -> Plan[None]:
        columns: list[list[Any]] = [[] for _ in _CELL_COLUMNS]
        for document in documents:
            by_column = list(zip(*document.cells, strict=True))
            for row in document.rows:
                columns[1] += [row] * len(document.cells)
                for column, values in zip(columns[2:], by_column, strict=True):
                    column += values
        columns[0] = [self.project_id] * len(columns[1])
        yield from _insert_arrays("cells", _CELL_COLUMNS, columns)


def _flatten(kind: str, file: str, data: Any) -> list[tuple[Any, ...]]:
    """``storage.cells.flatten(kind, {file: data})`` as plain tuples, without generators
    (the index's hottest loop; tests/test_index_streaming.py checks they agree): one cell
    per path, the first kept when a dotted key repeats a nested path (``{"a.b": 1, "a":
    {"b": 2}}``), so a column never has two cells in one row."""
    out: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, sub in data.items():
            _leaves(out, kind, file, str(key), sub)
    if len(out) > 1 and len({cell[2] for cell in out}) < len(out):
        first: dict[str, tuple[Any, ...]] = {}
        for cell in out:
            first.setdefault(cell[2], cell)
        out = list(first.values())  # insertion order: each path where it first came
    return out


def _leaves(out: list[tuple[Any, ...]], kind: str, file: str, path: str, value: Any) -> None:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            _leaves(out, kind, file, f"{path}.{key}" if path else str(key), sub)
    elif not path:
        return  # under an empty key: no column (storage.cells.leaves)
    elif isinstance(value, bool):
        out.append((kind, file, path, "bool", float(value), None))
    elif isinstance(value, int | float):
        out.append((kind, file, path, "number", float(value), None))
    elif value is None:
        out.append((kind, file, path, "null", None, None))
    elif isinstance(value, str):
        out.append((kind, file, path, "string", None, value))
    else:
        out.append((kind, file, path, "json", None, repr(value)))


_COLUMNS = (
    "kind", "key", "sha", "baseline_sha", "name", "ref", "status", "author_name",
    "author_email", "message", "created_at", "params", "metrics", "errors", "plots", "deps",
    "outs", "revision_error",
)  # fmt: skip
_COLUMN_TYPES = {c: "bigint" if c == "created_at" else "text" for c in _COLUMNS}
# A row written again is hidden when its new message hides it and differs from the one it
# had (a moved experiment ref); otherwise it keeps its ``hidden``: a re-sync neither
# unhides a row hidden by hand nor hides again a "[skip studio]" row shown by hand. The
# right-hand sides read the row as it was (SQL's UPDATE), so ``message`` is the old one.
_HIDE_AGAIN = (
    "hidden = CASE WHEN ? = 1 AND COALESCE(message, '') <> COALESCE(?, '') THEN 1 ELSE hidden END"
)


def _values(r: ExperimentRow) -> tuple[Any, ...]:
    error = r.data.get("dvc_error")
    return (
        r.kind, r.key, r.sha, r.baseline_sha, r.name, r.ref, r.status, r.author_name,
        r.author_email, r.message, r.created_at,
        *(_json(r.data.get(k, d)) for k, d in _DATA_DEFAULTS),
        _json(error) if error else None,
    )  # fmt: skip


def _rows_to_update(
    project_id: int, rows: list[ExperimentRow]
) -> Plan[dict[str, tuple[int, bool]]]:
    """Key -> (existing row id, whether it is a live run being linked)."""
    ids = yield from _ids_by(project_id, "experiments", "key", [r.key for r in rows])
    found: dict[str, tuple[int, bool]] = {k: (i, False) for k, i in ids.items()}
    if not any(r.kind == "EXPERIMENT" and r.key not in found for r in rows):
        return found  # nothing a live run could become
    live = yield Fetch(
        "SELECT id, baseline_sha, name, experiment_rev FROM experiments"
        " WHERE project_id = ? AND kind = 'LIVE'",
        [project_id],
    )
    by_name = {(r["baseline_sha"], r["name"]): r["id"] for r in live}
    by_rev = {r["experiment_rev"]: r["id"] for r in live if r["experiment_rev"]}
    for row in rows:
        if row.key in found or row.kind != "EXPERIMENT":
            continue
        live_id = by_rev.get(row.sha) or by_name.get((row.baseline_sha, row.name))
        if live_id is not None:
            found[row.key] = (live_id, True)
    return found


def _delete_cells(experiment_ids: list[int]) -> Plan[None]:
    for chunk in _chunks(experiment_ids):
        yield one(
            f"DELETE FROM cells WHERE experiment_id IN ({', '.join('?' * len(chunk))})", chunk
        )


_DATA_DEFAULTS: tuple[tuple[str, Any], ...] = (
    ("params", {}),
    ("metrics", {}),
    ("errors", []),
    ("plots", []),
    ("deps", {}),
    ("outs", {}),
)


def _ids_by(project_id: int, table: str, column: str, values: list[str]) -> Plan[dict[str, int]]:
    found: dict[str, int] = {}
    if db.is_postgres() and values:
        # One array, not an IN list: on a table without statistics yet (a first index) the
        # planner read 500 bound values as a filter over the project's every row, ~0.5 s a
        # statement at 40,000 rows (84 s of a 10k index); = ANY(array) probes the unique
        # index (3 ms).
        rows = yield Fetch(
            f"SELECT id, {column} AS v FROM {table} WHERE project_id = ?"
            f" AND {column} = ANY(?::text[])",
            [project_id, values],
        )
        return {r["v"]: r["id"] for r in rows}
    for chunk in _chunks(values):
        marks = ", ".join("?" * len(chunk))
        rows = yield Fetch(
            f"SELECT id, {column} AS v FROM {table} WHERE project_id = ? AND {column} IN ({marks})",
            [project_id, *chunk],
        )
        found.update({r["v"]: r["id"] for r in rows})
    return found


def _delete_experiments(project_id: int, keys: list[str]) -> Plan[None]:
    for chunk in _chunks(keys):
        marks = ", ".join("?" * len(chunk))
        args = [project_id, *chunk]
        # Cells first: SQLite only cascades when foreign keys are on, PostgreSQL always.
        yield one(
            "DELETE FROM cells WHERE experiment_id IN (SELECT id FROM experiments"
            f" WHERE project_id = ? AND key IN ({marks}))",
            args,
        )
        yield one(
            f"DELETE FROM experiments WHERE project_id = ? AND key IN ({marks})",
            args,
        )


def _unreferenced_experiments(project_id: int, tips: dict[str, str]) -> Plan[list[str]]:
    """Keys of experiment-ref rows whose ref is not among ``tips`` (rows of an EXPERIMENT
    kind are keyed by their ref)."""
    rows = yield Fetch(
        "SELECT key FROM experiments WHERE project_id = ? AND kind = 'EXPERIMENT'", [project_id]
    )
    return [r["key"] for r in rows if r["key"] not in tips]


def _prune_unreachable(project_id: int, reachable: set[str]) -> Plan[None]:
    """Drop commits (and their rows) that no branch or tag reaches any more."""
    known = yield Fetch("SELECT sha FROM commits WHERE project_id = ?", [project_id])
    gone = [r["sha"] for r in known if r["sha"] not in reachable]
    yield from _delete_experiments(project_id, gone)  # COMMIT rows are keyed by sha
    for chunk in _chunks(gone):
        marks = ", ".join("?" * len(chunk))
        yield one(
            "DELETE FROM branch_commits WHERE commit_id IN (SELECT id FROM commits"
            f" WHERE project_id = ? AND sha IN ({marks}))",
            [project_id, *chunk],
        )
        yield one(
            f"DELETE FROM commits WHERE project_id = ? AND sha IN ({marks})",
            [project_id, *chunk],
        )


def _write_branches(project_id: int, batch: IndexBatch) -> Plan[None]:
    rows = yield Fetch("SELECT id, name, sha FROM branches WHERE project_id = ?", [project_id])
    current = {r["name"]: (r["id"], r["sha"]) for r in rows}
    for name, (branch_id, _sha) in current.items():
        if name not in batch.branches:
            yield one("DELETE FROM branch_commits WHERE branch_id = ?", [branch_id])
            yield one("DELETE FROM branches WHERE id = ?", [branch_id])
    for name, sha in batch.branches.items():
        if name not in current:
            yield one(
                "INSERT INTO branches (project_id, name, sha) VALUES (?, ?, ?)",
                [project_id, name, sha],
            )
        elif current[name][1] != sha:
            yield one("UPDATE branches SET sha = ? WHERE id = ?", [sha, current[name][0]])
    changed = batch.membership
    branch_ids = {name: row[0] for name, row in current.items()}
    new = [name for name in batch.branches if name not in branch_ids]
    if new:
        branch_ids.update((yield from _ids_by(project_id, "branches", "name", new)))
    yield from _write_membership(project_id, changed, branch_ids)
    for name, sha in batch.branches.items():
        old = current.get(name, (0, None))[1]
        if old != sha or name in changed.rebuilt or name in changed.added:
            yield from _first_parent_line(project_id, branch_ids[name], old, sha)


def _write_membership(
    project_id: int, changed: Membership, branch_ids: dict[str, int]
) -> Plan[None]:
    if not changed.added:
        return
    shas = sorted({sha for members in changed.added.values() for sha in members})
    commit_ids = yield from _ids_by(project_id, "commits", "sha", shas)
    for name, members in changed.added.items():
        branch_id = branch_ids[name]
        if name in changed.rebuilt:
            yield one("DELETE FROM branch_commits WHERE branch_id = ?", [branch_id])
        if name in changed.copied:  # copied in SQL: no walk, no rows through Python
            yield one(
                "INSERT INTO branch_commits (branch_id, commit_id) SELECT ?, commit_id"
                " FROM branch_commits WHERE branch_id = ?",
                [branch_id, branch_ids[changed.copied[name]]],
            )
        yield from _bulk_insert(
            "branch_commits",
            {"branch_id": "int", "commit_id": "int"},
            [(branch_id, commit_ids[sha]) for sha in members if sha in commit_ids],
            "ON CONFLICT (branch_id, commit_id) DO NOTHING",
        )


def _line_from(flagged: bool) -> str:
    """The first-parent line from a commit (bound: project id, its sha, a sha that ends the
    line, the branch id), as long as each commit's membership row of the branch is
    ``flagged`` or not: ids and first parents, from the start."""
    step = (
        f" AND c.sha <> ? AND {'' if flagged else 'NOT '}EXISTS (SELECT 1 FROM branch_commits f"
        " WHERE f.branch_id = ? AND f.commit_id = c.id AND f.first_parent = 1)"
    )
    return (
        f"WITH RECURSIVE line(id, parent, depth) AS (SELECT c.id, {first_parent()}, 0"
        f" FROM commits c WHERE c.project_id = ? AND c.sha = ?{step}"
        f" UNION ALL SELECT c.id, {first_parent()}, line.depth + 1 FROM line"
        f" JOIN commits c ON c.project_id = ? AND c.sha = line.parent{step})"
        " SELECT id, parent FROM line ORDER BY depth"
    )


def _first_parent_line(project_id: int, branch_id: int, old: str | None, new: str) -> Plan[None]:
    """Keep ``branch_commits.first_parent`` the branch's first-parent line from its head
    ``new`` (``git rev-list --first-parent``): the commits from ``new`` down to the first
    one already flagged (the old line, met at its head when the branch moved forward: only
    the new commits are read) are flagged, and those of the old line from its head ``old``
    down to that meeting point unflagged (all of it when none was met: a rebuilt branch, a
    reset, a new branch)."""
    walk = [project_id, new, "", branch_id, project_id, "", branch_id]
    fresh = yield Fetch(_line_from(False), walk)
    meet = fresh[-1]["parent"] if fresh else new
    if old is not None and old != meet:
        walk = [project_id, old, meet or "", branch_id, project_id, meet or "", branch_id]
        stale = yield Fetch(_line_from(True), walk)
        yield from _flag(branch_id, [r["id"] for r in stale], 0)
    yield from _flag(branch_id, [r["id"] for r in fresh], 1)


def _flag(branch_id: int, commit_ids: list[int], value: int) -> Plan[None]:
    for chunk in _chunks(commit_ids):
        yield one(
            f"UPDATE branch_commits SET first_parent = ? WHERE branch_id = ?"
            f" AND commit_id IN ({', '.join('?' * len(chunk))})",
            [value, branch_id, *chunk],
        )


_TAG_COLUMNS = {
    "project_id": "int", "name": "text", "sha": "text", "annotated": "bool",
    "tagger_name": "text", "tagger_email": "text", "tagged_at": "bigint", "message": "text",
    "tagger_offset": "int",
}  # fmt: skip


def _write_tags(project_id: int, tags: list[TagRow]) -> Plan[None]:
    # Tags are few and can move or vanish: replace the set.
    yield one("DELETE FROM tags WHERE project_id = ?", [project_id])
    yield from _bulk_insert(
        "tags",
        _TAG_COLUMNS,
        [
            (
                project_id,
                t.name,
                t.sha,
                t.annotated,
                t.tagger_name,
                t.tagger_email,
                t.tagged_at,
                t.message,
                t.tagger_offset,
            )
            for t in tags
        ],
    )
