"""Hiding rows of the experiments table and branches by hand (hideRows / unhideRows): all
the rows and branches named or none. Rows hidden by their commit message are hidden when
indexed (storage.index), and so are the commits a project's autoHideUnchanged hides
(:func:`auto_hide`); a branch keeps its mark across syncs, which update its row in place
(storage.index._write_branches)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage import db
from storage.errors import DomainError
from storage.sqlplan import Fetch, Plan, one, run_plan

# experiments.hidden: 0 shown; 1 hidden by hand or by "[skip studio]"; UNCHANGED hidden by
# the project's autoHideUnchanged (shown again when it is turned off).
UNCHANGED = 2
MAX_ROWS = 1000  # ids and branches one request may name (a page of the table is a few hundred)


@dataclass(frozen=True, slots=True)
class Hidden:
    """What a call changed: row ids and branch ids, each once, in the order named."""

    rows: list[int]
    branches: list[int]


async def set_hidden(
    project_id: int, ids: Sequence[int], hidden: bool, branches: Sequence[str] = ()
) -> Hidden:
    """Hide (or show) the rows ``ids`` and the branches named ``branches`` of the project.
    An id that is no row of this project (another project's too: NOT_FOUND, so nobody
    learns it exists), or a name no branch of it has, changes nothing."""
    if not 1 <= len(ids) + len(branches) <= MAX_ROWS:  # as sent: repeats count
        raise DomainError("INVALID", f"name between 1 and {MAX_ROWS} rows and branches", "ids")
    plan = _set(project_id, list(dict.fromkeys(ids)), list(dict.fromkeys(branches)), int(hidden))
    return await run_plan(plan)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _set(project_id: int, ids: list[int], names: list[str], hidden: int) -> Plan[Hidden]:
    found: set[int] = set()
    if ids:
        rows = yield Fetch(
            f"SELECT id FROM experiments WHERE project_id = ? AND id IN ({_marks(len(ids))})",
            [project_id, *ids],
        )
        found = {r["id"] for r in rows}
    missing = [i for i in ids if i not in found]
    if missing:  # before any write: the plan's transaction ends with nothing changed
        message = f"{len(missing)} of the ids are no row of this project"
        raise DomainError("NOT_FOUND", message, "ids")
    by_name: dict[str, int] = {}
    if names:
        rows = yield Fetch(
            "SELECT id, name FROM branches WHERE project_id = ?"
            f" AND name IN ({_marks(len(names))})",
            [project_id, *names],
        )
        by_name = {r["name"]: r["id"] for r in rows}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        message = f"{len(unknown)} of the names are no branch of this project"
        raise DomainError("NOT_FOUND", message, "branches")
    if ids:
        yield one(
            "UPDATE experiments SET hidden = ? WHERE project_id = ?"
            f" AND id IN ({_marks(len(ids))})",
            [hidden, project_id, *ids],
        )
    branch_ids = [by_name[n] for n in names]
    if branch_ids:
        yield one(
            f"UPDATE branches SET hidden = ? WHERE project_id = ?"
            f" AND id IN ({_marks(len(branch_ids))})",
            [hidden, project_id, *branch_ids],
        )
    return Hidden(ids, branch_ids)


def auto_hide(project_id: int, shas: Sequence[str] | None) -> Plan[None]:
    """Hide (:data:`UNCHANGED`) the shown commit rows, of ``shas`` (all when None), whose
    params, metrics and deps equal those of their first parent's row (as stored: the same
    JSON text). A commit's first parent is the first sha of ``commits.parents`` (a JSON
    list written without spaces, so characters 3-42); a root commit stays shown."""
    query = (
        "UPDATE experiments SET hidden = ? WHERE project_id = ? AND kind = 'COMMIT'"
        " AND hidden = 0{} AND EXISTS (SELECT 1 FROM commits c JOIN experiments p"
        " ON p.project_id = c.project_id AND p.key = SUBSTR(c.parents, 3, 40)"
        " WHERE c.project_id = experiments.project_id AND c.sha = experiments.sha"
        " AND p.kind = 'COMMIT' AND p.params = experiments.params"
        " AND p.metrics = experiments.metrics AND p.deps = experiments.deps)"
    )
    if shas is None:
        yield one(query.format(""), [UNCHANGED, project_id])
        return
    for start in range(0, len(shas), _CHUNK):
        chunk = list(shas[start : start + _CHUNK])
        if db.is_postgres():
            yield one(query.format(" AND sha = ANY(?::text[])"), [UNCHANGED, project_id, chunk])
        else:
            marks = ", ".join("?" * len(chunk))
            yield one(query.format(f" AND sha IN ({marks})"), [UNCHANGED, project_id, *chunk])


_CHUNK = 500  # below SQLite's bound-variable limit
