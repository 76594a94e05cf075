"""Commit lists and lookups of a project."""

from __future__ import annotations

import re

from resolvers.context import Context
from resolvers.errors import bad_input
from resolvers.pagination import Page, page_size, trim
from storage import queries
from storage.records import CommitRecord

_SHA = re.compile(r"^[0-9a-fA-F]{7,40}$")


async def commits(
    ctx: Context, project_id: int, branch: str | None, first: int | None, after: list[object] | None
) -> Page[CommitRecord]:
    limit = page_size(first, ctx.max_page_size)
    key: tuple[int, int] | None = None
    if after is not None:
        if len(after) != 2 or not all(isinstance(v, int) for v in after):
            raise bad_input("cursor does not belong to this list")
        key = (int(after[0]), int(after[1]))  # type: ignore[call-overload]
    found = await queries.commits_page(project_id, branch, key, limit + 1)
    rows, more = trim([(c, [c.committed_at, c.id]) for c in found], limit)

    async def count() -> int:
        return await queries.count_commits(project_id, branch)

    return Page(rows, more, after is not None, count)


async def commit(ctx: Context, project_id: int, sha: str) -> CommitRecord | None:
    if not _SHA.match(sha):
        raise bad_input(f"not a commit sha: {sha!r}")
    return await ctx.loaders.commit.load((project_id, sha.lower()))


async def tag_names(ctx: Context, project_id: int, sha: str) -> list[str]:
    """The tags pointing at commit ``sha``, by name; the project's tags read once per
    request."""

    async def by_sha() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for tag in await ctx.loaders.tags.load(project_id) or []:
            found.setdefault(tag.sha, []).append(tag.name)
        return found

    names = await ctx.once(("tags by sha", project_id), by_sha)
    return list(names.get(sha, ()))
