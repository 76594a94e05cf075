"""Hiding rows of the experiments table by hand (hideRows / unhideRows): all the rows named
or none. Rows hidden by their commit message are hidden when indexed (storage.index)."""

from __future__ import annotations

from collections.abc import Sequence

from storage.errors import DomainError
from storage.sqlplan import Fetch, Plan, one, run_plan

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
