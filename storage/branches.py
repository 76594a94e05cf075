"""How a project's branches relate, as Studio shows them: the commits each has of its own
(not in the default branch's history), and the branches whose history holds its head (it
was merged into them, or has no commit of its own)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage import db


@dataclass(slots=True)
class BranchShape:
    own_commits: int = 0
    merged_into: list[str] = field(default_factory=list)


async def shapes(project_id: int, default_branch: str | None) -> dict[int, BranchShape]:
    """Every branch of the project by id. The default branch's own commits are its whole
    history; without a default branch, every branch's are."""
    branches = await db.fetch(
        "SELECT b.id, b.name, c.id AS head FROM branches b"
        " LEFT JOIN commits c ON c.project_id = b.project_id AND c.sha = b.sha"
        " WHERE b.project_id = ? ORDER BY b.name",
        [project_id],
    )
    found = {r["id"]: BranchShape() for r in branches}
    default = next((r["id"] for r in branches if r["name"] == default_branch), None)
    for r in await _own_counts(project_id, default):
        found[r["branch_id"]].own_commits = r["n"]
    await _merged(branches, found)
    return found


async def _own_counts(project_id: int, default: int | None) -> list[dict[str, int]]:
    if default is None:
        return await db.fetch(
            "SELECT bc.branch_id, count(*) AS n FROM branch_commits bc"
            " JOIN branches b ON b.id = bc.branch_id WHERE b.project_id = ?"
            " GROUP BY bc.branch_id",
            [project_id],
        )
    return await db.fetch(
        "SELECT bc.branch_id, count(*) AS n FROM branch_commits bc"
        " JOIN branches b ON b.id = bc.branch_id WHERE b.project_id = ?"
        " AND (bc.branch_id = ? OR NOT EXISTS (SELECT 1 FROM branch_commits d"
        " WHERE d.branch_id = ? AND d.commit_id = bc.commit_id))"
        " GROUP BY bc.branch_id",
        [project_id, default, default],
    )


async def _merged(branches: list[dict[str, Any]], found: dict[int, BranchShape]) -> None:
    """``merged_into``: the other branches whose history holds each branch's head."""
    heads: dict[int, list[int]] = {}  # head commit -> the branches at it
    for r in branches:
        if r["head"] is not None:
            heads.setdefault(int(r["head"]), []).append(int(r["id"]))
    if not heads:
        return
    names = {int(r["id"]): str(r["name"]) for r in branches}
    marks = ", ".join("?" * len(heads))
    holders = await db.fetch(
        f"SELECT branch_id, commit_id FROM branch_commits WHERE commit_id IN ({marks})",
        list(heads),
    )
    for r in holders:
        holder = r["branch_id"]
        for branch in heads[int(r["commit_id"])]:
            if holder != branch and holder in names:
                found[branch].merged_into.append(names[holder])
    for shape in found.values():
        shape.merged_into.sort()
