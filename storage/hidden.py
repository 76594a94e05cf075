"""Hiding rows of the experiments table and branches by hand (hideRows / unhideRows): all
the rows and branches named or none. Rows hidden by their commit message are hidden when
indexed (storage.index); a branch keeps its mark across syncs, which update its row in
place (storage.index._write_branches)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.errors import DomainError
from storage.sqlplan import Fetch, Plan, one, run_plan

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
