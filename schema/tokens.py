"""Access tokens: mint (the secret is shown once) and revoke."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import tokens as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.permissions import guard, signed_in
from schema.relay import InvalidId, decode_id, from_global_id, to_global_id
from schema.scalars import Person
from storage.errors import DomainError
from storage.models import AccessToken as TokenRow
from storage.tokens import Scope, owner_of, projects_of, scopes_of


@strawberry.enum
class TokenScope(Enum):
    READ = "READ"
    PROJECTS = "PROJECTS"
    EXPERIMENTS = "EXPERIMENTS"
    MODELS = "MODELS"
    ADMIN = "ADMIN"


@strawberry.type
class AccessToken:
    id: strawberry.ID
    name: str
    prefix: str = strawberry.field(description="The first characters, to recognise the token.")
    scopes: list[TokenScope]
    created_at: datetime
    last_used_at: datetime | None = strawberry.field(
        description="When the token last authenticated a request, up to a minute behind"
        " (written at most once a minute per token); null: never used (uses before users"
        " existed were not recorded)."
    )
    revoked_at: datetime | None
    owner: Person | None = strawberry.field(
        description="Author of the commits and tagger of the tags written with this token;"
        " null: the server's configured author."
    )
    projects: list[strawberry.ID] | None = strawberry.field(
        description="The only projects it acts on (besides reading PUBLIC ones); null: every"
        " project its user's roles reach."
    )


def token_type(row: TokenRow) -> AccessToken:
    owner = owner_of(row)
    return AccessToken(
        id=strawberry.ID(to_global_id("AccessToken", row.id)),
        name=row.name,
        prefix=row.prefix,
        scopes=[TokenScope(s.value) for s in sorted(scopes_of(row))],
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
        owner=Person(name=owner[0], email=owner[1]) if owner else None,
        projects=_project_ids(projects_of(row)),
    )


def _project_ids(projects: frozenset[int] | None) -> list[strawberry.ID] | None:
    if projects is None:
        return None
    return [strawberry.ID(to_global_id("Project", p)) for p in sorted(projects)]


@strawberry.type
class AccessTokenPayload:
    access_token: AccessToken | None = None
    token: str | None = strawberry.field(
        default=None, description="The secret, returned only once."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.input
class CreateAccessTokenInput:
    name: str
    scopes: list[TokenScope]
    owner_name: str | None = strawberry.field(
        default=None,
        description="Whom writes made with the token are by (with ownerEmail); unset: the"
        " owner of the token creating it when the new token is its own user's, else none"
        " (the server's Git author).",
    )
    owner_email: str | None = None
    user: str | None = strawberry.field(
        default=None,
        description="The user the token belongs to (a site admin's ADMIN token may name"
        " any); unset: the caller's user.",
    )
    projects: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Restrict it to these projects (ones you read; a restricted caller's"
        " own at most); unset: the caller's restriction, if any.",
    )
    client_mutation_id: str | None = strawberry.field(
        default=None, description="A retry with the same id returns the same token."
    )


@strawberry.type
class TokenMutation:
    @strawberry.mutation(
        extensions=guard(signed_in(Scope.READ)),
        description="Mint a token of the caller's user with at most the scopes of the"
        " caller's token.",
    )
    async def create_access_token(
        self, info: Info[Context, None], input: CreateAccessTokenInput
    ) -> AccessTokenPayload:
        client_id = input.client_mutation_id
        try:
            projects = None
            if input.projects is not None:
                projects = [decode_id(p, "Project") for p in input.projects]
            row, secret = await resolve.create(
                info.context,
                input.name,
                [s.value for s in input.scopes],
                client_id,
                (input.owner_name, input.owner_email),
                input.user,
                projects,
            )
        except DomainError as exc:
            return AccessTokenPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return AccessTokenPayload(
            access_token=token_type(row), token=secret, client_mutation_id=client_id
        )

    @strawberry.mutation(
        extensions=guard(signed_in(Scope.READ)),
        description="Revoke the caller's token; with the ADMIN scope any token of the"
        " caller's user; with a site admin's ADMIN token any token.",
    )
    async def revoke_access_token(
        self, info: Info[Context, None], id: strawberry.ID
    ) -> AccessTokenPayload:
        try:
            token_id = from_global_id(id, "AccessToken")[1]
            row = await resolve.revoke(info.context, token_id)
        except InvalidId as exc:
            return AccessTokenPayload(errors=[user_error(DomainError("INVALID", str(exc), "id"))])
        except DomainError as exc:
            return AccessTokenPayload(errors=[user_error(exc)])
        return AccessTokenPayload(access_token=token_type(row))
