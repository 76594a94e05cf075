"""Users: ``Query.me``, the caller's user and its tokens."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import teams as resolve_teams
from resolvers import users as resolve
from resolvers.context import Context
from schema.permissions import guard, signed_in
from schema.teams import UserTeam
from schema.tokens import AccessToken, token_type
from storage.models import User as UserRow
from storage.tokens import Scope


@strawberry.type(description="A user: whom access tokens belong to.")
class User:
    row: strawberry.Private[UserRow]
    name: str
    email: str | None
    admin: bool = strawberry.field(
        description="A site admin: sees and does everything with a token holding the ADMIN scope."
    )

    @strawberry.field(
        description="The user's tokens that are not revoked, oldest first: all of them for a"
        " token with the ADMIN scope, else the caller's token alone."
    )
    async def tokens(self, info: Info[Context, None]) -> list[AccessToken]:
        return [token_type(r) for r in await resolve.tokens(info.context, self.row.id)]

    @strawberry.field(description="The user's teams and its role in each, by team name.")
    async def teams(self, info: Info[Context, None]) -> list[UserTeam]:
        found = await resolve_teams.memberships(self.row.id)
        return [UserTeam(name=m.team_name, role=m.role) for m in found]


@strawberry.type
class UserQuery:
    @strawberry.field(
        extensions=guard(signed_in(Scope.READ)),
        description="The user the caller's token belongs to.",
    )
    async def me(self, info: Info[Context, None]) -> User:
        row = await resolve.me(info.context)
        return User(row=row, name=row.name, email=row.email, admin=row.admin)
