"""Teams: ``Query.teams``, ``createTeam``, ``addTeamMember`` and ``removeTeamMember``.

The guards ask the token's scope (READ to list, PROJECTS to change); which team a caller
may change is decided per team by resolvers.teams (its ADMINs and site admins; a team the
caller is not in is NOT_FOUND as one that does not exist).
"""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers import teams as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.permissions import guard, signed_in
from storage.errors import DomainError
from storage.roles import Role
from storage.tokens import Scope

strawberry.enum(  # storage.roles.Role is the GraphQL enum itself, named by its members
    Role,
    name="TeamRole",
    description="A member's role in a team, and so on the team's projects: VIEWER reads,"
    " EDITOR also writes experiments, runs and registry tags, ADMIN also changes the"
    " projects' settings and the team's members.",
)


@strawberry.type(description="A member of a team.")
class TeamMember:
    user: str = strawberry.field(description="The user's name.")
    role: Role


@strawberry.type(description="Users who share projects, each with a role.")
class Team:
    id: strawberry.Private[int]
    name: str
    created_at: datetime
    my_role: Role | None = strawberry.field(
        description="The caller's role; null for a site admin who is not a member."
    )

    @strawberry.field(description="Its members, by name. Teams are shown to their members"
                      " and site admins only.")  # fmt: skip
    async def members(self, info: Info[Context, None]) -> list[TeamMember]:
        found = await info.context.loaders.team_members.load(self.id) or []
        return [TeamMember(user=m.user_name, role=m.role) for m in found]


@strawberry.type(description="A team of a user, and the user's role in it.")
class UserTeam:
    name: str
    role: Role


def team_type(seen: resolve.SeenTeam) -> Team:
    return Team(id=seen.id, name=seen.name, created_at=seen.created_at, my_role=seen.my_role)


@strawberry.type
class TeamPayload:
    team: Team | None = strawberry.field(
        default=None,
        description="The team after the change; null on errors, or when the caller is no"
        " longer in it (and not a site admin).",
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.input
class CreateTeamInput:
    name: str = strawberry.field(
        description="1-100 letters, digits, '.', '_' or '-', starting with a letter or digit;"
        " unique regardless of case."
    )
    client_mutation_id: str | None = strawberry.field(
        default=None, description="A retry with the same id returns the same team."
    )


@strawberry.input
class AddTeamMemberInput:
    team: str = strawberry.field(description="The team's name, in any case.")
    user: str = strawberry.field(description="The user's name, in any case.")
    role: Role = strawberry.field(description="Its role; a member already gets this role.")
    client_mutation_id: str | None = None


@strawberry.input
class RemoveTeamMemberInput:
    team: str = strawberry.field(description="The team's name, in any case.")
    user: str = strawberry.field(description="The user's name, in any case.")
    client_mutation_id: str | None = None


async def _payload(work: Awaitable[resolve.SeenTeam | None], client_id: str | None) -> TeamPayload:
    try:
        seen = await work
    except DomainError as exc:
        return TeamPayload(errors=[user_error(exc)], client_mutation_id=client_id)
    team = team_type(seen) if seen is not None else None
    return TeamPayload(team=team, client_mutation_id=client_id)


@strawberry.type
class TeamQuery:
    @strawberry.field(
        extensions=guard(signed_in(Scope.READ)),
        description="The caller's teams, by name (a site admin: every team).",
    )
    async def teams(self, info: Info[Context, None]) -> list[Team]:
        return [team_type(t) for t in await resolve.visible(info.context)]


@strawberry.type
class TeamMutation:
    @strawberry.mutation(
        extensions=guard(signed_in(Scope.PROJECTS)),
        description="Make a team; the caller's user is its first ADMIN.",
    )
    async def create_team(self, info: Info[Context, None], input: CreateTeamInput) -> TeamPayload:
        client_id = input.client_mutation_id
        return await _payload(resolve.create(info.context, input.name, client_id), client_id)

    @strawberry.mutation(
        extensions=guard(signed_in(Scope.PROJECTS)),
        description="Add a user to a team, or change a member's role (the team's ADMINs and"
        " site admins). A team you are not in is NOT_FOUND; a team keeps an ADMIN: demoting"
        " its last is CONFLICT.",
    )
    async def add_team_member(
        self, info: Info[Context, None], input: AddTeamMemberInput
    ) -> TeamPayload:
        client_id = input.client_mutation_id
        work = resolve.put_member(info.context, input.team, input.user, input.role, client_id)
        return await _payload(work, client_id)

    @strawberry.mutation(
        extensions=guard(signed_in(Scope.PROJECTS)),
        description="Remove a member from a team (the team's ADMINs and site admins). A team"
        " you are not in is NOT_FOUND; removing its last ADMIN is CONFLICT.",
    )
    async def remove_team_member(
        self, info: Info[Context, None], input: RemoveTeamMemberInput
    ) -> TeamPayload:
        client_id = input.client_mutation_id
        work = resolve.remove_member(info.context, input.team, input.user, client_id)
        return await _payload(work, client_id)
