"""The audit log: every write through the API, who made it and how it ended."""

from __future__ import annotations

from datetime import datetime

import orjson
import strawberry
from strawberry.types import Info

from resolvers import audit as resolve
from resolvers.context import Context
from schema.permissions import AUDIT, guard, on_project_if_named, project_at
from schema.relay import Connection, connection, cursor, decode_id, to_global_id
from schema.scalars import JSON, as_json
from storage.models import AuditEntry as AuditRow


@strawberry.type(description="One write through the API (a mutation), refused ones too.")
class AuditEntry:
    row: strawberry.Private[AuditRow]
    at: datetime
    user: str | None = strawberry.field(description="The user's name then; null: anonymous.")
    operation: str = strawberry.field(description="The mutation's name.")
    result: str = strawberry.field(description="OK, or the error codes it answered.")

    @strawberry.field(description="The token it was made with.")
    def token_id(self) -> strawberry.ID | None:
        token = self.row.token_id
        return strawberry.ID(to_global_id("AccessToken", token)) if token else None

    @strawberry.field(description="The project it was about (it may be deleted since).")
    def project_id(self) -> strawberry.ID | None:
        project = self.row.project_id
        return strawberry.ID(to_global_id("Project", project)) if project else None

    @strawberry.field(description="Its arguments, secrets redacted.")
    def arguments(self) -> JSON:
        return as_json(orjson.loads(self.row.arguments))


def audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        row=row, at=row.at, user=row.user_name, operation=row.operation, result=row.result
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The audit log, newest first: of one project (its ADMINs and site"
        " admins), or without projectId every record (site admins) or those of the projects"
        " you administer.",
        extensions=guard(on_project_if_named(AUDIT, project_at("project_id"))),
    )
    async def audit_log(
        self,
        info: Info[Context, None],
        project_id: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AuditEntry]:
        db_id = decode_id(project_id, "Project") if project_id is not None else None
        page = await resolve.entries(info.context, db_id, first, cursor(after))
        return connection(page, audit_entry)
