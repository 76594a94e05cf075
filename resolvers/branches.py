"""Branches as Studio shows them: own commits, where they were merged, folded or not."""

from __future__ import annotations

from resolvers.context import Context
from storage import branches
from storage.branches import BranchShape
from storage.records import BranchRecord


async def shape(ctx: Context, record: BranchRecord) -> BranchShape:
    """The branch's shape, the project's branches computed once per request."""
    pid = record.project_id
    found = await ctx.once(("branch shapes", pid), lambda: _shapes(ctx, pid))
    return found.get(record.id, BranchShape())


async def _shapes(ctx: Context, project_id: int) -> dict[int, BranchShape]:
    project = await ctx.loaders.project.load(project_id)
    return await branches.shapes(project_id, project.default_branch if project else None)
