"""The audit log as its readers see it: site admins every record, others the records of
the projects they administer (storage.audit)."""

from __future__ import annotations

from resolvers.context import Context
from resolvers.pagination import Page, cursor_id, page_size, trim
from resolvers.permissions import caller
from storage import audit
from storage.models import AuditEntry


async def entries(
    ctx: Context, project_id: int | None, first: int | None, after: list[object] | None
) -> Page[AuditEntry]:
    """Newest first. With ``project_id``, its guard checked the caller administers it."""
    principal = caller(ctx)
    limit = page_size(first, ctx.max_page_size)
    after_id = cursor_id(after)
    before = 2**31 - 1 if after_id is None else after_id  # newest first: below the cursor
    projects: list[int] | None = [project_id] if project_id is not None else None
    if projects is None and not principal.site_admin:
        projects = await audit.administered(principal.user_id, principal.teams)
    rows, more = trim(
        [(r, [r.id]) for r in await audit.entries(projects, before, limit + 1)], limit
    )

    async def count() -> int:
        return await audit.count(projects)

    return Page(rows, more, after is not None, count)
