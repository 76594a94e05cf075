"""Repository URLs that live events named but no project matches (ADMIN only): what an
admin may want to add as projects."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers.context import Context
from resolvers.pagination import page_size
from schema.permissions import guard, site_admin
from storage.live import unmatched


@strawberry.type(description="A repository URL live events named that no project matches.")
class UnmatchedRepository:
    repo_url: str = strawberry.field(
        description="As sent, cut to GITSTUDIO_UNMATCHED_URL_CHARS characters."
    )
    events: int
    last_seen_at: datetime


@strawberry.type
class UnmatchedQuery:
    @strawberry.field(
        extensions=guard(site_admin()),
        description="Most recently seen first; at most GITSTUDIO_UNMATCHED_MAX_ROWS are kept"
        " (the least recently seen go first).",
    )
    async def unmatched_repositories(
        self, info: Info[Context, None], first: int | None = None
    ) -> list[UnmatchedRepository]:
        found = await unmatched(page_size(first, info.context.max_page_size))
        return [
            UnmatchedRepository(repo_url=r.repo_url, events=r.events, last_seen_at=r.last_seen_at)
            for r in found
        ]
