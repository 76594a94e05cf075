"""Hiding rows of the experiments table by hand (hideRows / unhideRows): all the rows named
or none. Rows hidden by their commit message are hidden when indexed (storage.index), and
so are the commits a project's autoHideUnchanged hides (:func:`auto_hide`)."""

from __future__ import annotations

from collections.abc import Sequence

from storage import db
from storage.errors import DomainError
from storage.sqlplan import Fetch, Plan, one, run_plan

# experiments.hidden: 0 shown; 1 hidden by hand or by "[skip studio]"; UNCHANGED hidden by
# the project's autoHideUnchanged (shown again when it is turned off).
UNCHANGED = 2
MAX_ROWS = 1000  # ids one request may name (a page of the table is at most a few hundred)


async def set_hidden(project_id: int, ids: Sequence[int], hidden: bool) -> list[int]:
    """Hide (or show) the rows ``ids`` of the project; their ids, each once, in the order
    given. An id that is no row of this project (another project's too: NOT_FOUND, so
    nobody learns it exists) changes nothing."""
    if not 1 <= len(ids) <= MAX_ROWS:  # as sent: a list of one id repeated is as long
        raise DomainError("INVALID", f"name between 1 and {MAX_ROWS} rows", "ids")
    return await run_plan(_set(project_id, list(dict.fromkeys(ids)), int(hidden)))


def _set(project_id: int, ids: list[int], hidden: int) -> Plan[list[int]]:
    marks = ", ".join("?" * len(ids))
    rows = yield Fetch(
        f"SELECT id FROM experiments WHERE project_id = ? AND id IN ({marks})", [project_id, *ids]
    )
    found = {r["id"] for r in rows}
    missing = [i for i in ids if i not in found]
    if missing:  # before any write: the plan's transaction ends with nothing changed
        message = f"{len(missing)} of the ids are no row of this project"
        raise DomainError("NOT_FOUND", message, "ids")
    yield one(
        f"UPDATE experiments SET hidden = ? WHERE project_id = ? AND id IN ({marks})",
        [hidden, project_id, *ids],
    )
    return ids


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
