"""Teams through the API: the caller's teams, creating one, and managing its members.

The root fields' guards (schema/teams.py) check the token's scope; which team a caller may
manage is decided here, per team, from the membership as stored now rather than from the
principal's cached roles, so that an ADMIN removed or demoted in another process cannot
change members within the token cache's TTL. A team's ADMINs and site admins
(``Principal.admin``, as storage.access makes them ADMIN of every project, with the
PROJECTS scope the guards ask) manage its members. A team the caller is not in is
NOT_FOUND exactly as one that does not exist (field ``team``), so its name is not
revealed; a VIEWER or EDITOR of it is FORBIDDEN. A Team is only ever shown to its members
and site admins, so its members are visible wherever it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from resolvers.context import Context
from resolvers.permissions import caller
from resolvers.replay import Result, once
from storage import teams
from storage.errors import DomainError
from storage.models import Team
from storage.roles import Role
from storage.tokens import Principal
from storage.users import existing_user


@dataclass(frozen=True, slots=True)
class SeenTeam:
    """A team as its caller sees it: ``my_role`` None for a site admin who is not in it."""

    id: int
    name: str
    created_at: datetime
    my_role: Role | None


async def visible(ctx: Context) -> list[SeenTeam]:
    """The caller's teams, every team for a site admin, by name in any case."""
    principal = caller(ctx)
    mine = await _roles_of(principal.user_id)
    rows = await (teams.all_teams() if principal.admin else teams.teams_by_ids(list(mine)))
    seen = [SeenTeam(r.id, r.name, r.created_at, mine.get(r.id)) for r in rows]
    return sorted(seen, key=lambda t: (t.name.lower(), t.name))


async def memberships(user_id: int) -> list[teams.Membership]:
    """``user_id``'s teams and its role in each (``me.teams``: the caller's own user)."""
    return await teams.teams_of(user_id)


async def create(ctx: Context, name: str, client_id: str | None) -> SeenTeam | None:
    """A team whose first ADMIN is the caller's user; a retry under the same
    clientMutationId gets the same team rather than DUPLICATE."""
    principal = caller(ctx)
    user_id = principal.user_id
    if user_id is None:  # every token has a user since users exist; none: refuse, not guess
        raise DomainError("FORBIDDEN", "this token belongs to no user", None)
    name = teams.check_team_name(name)  # first: a retry's key holds only names that can be

    async def run() -> Result:
        return {"team": (await teams.create_team(name, user_id)).id}

    result = await once(principal, "createTeam", client_id, [name], run)
    return await _seen(principal, int(result["team"]))


async def put_member(
    ctx: Context, team: str, user: str, role: Role, client_id: str | None
) -> SeenTeam | None:
    """Make ``user`` a member of ``team`` with ``role``, or give a member that role."""
    principal = caller(ctx)
    found = await _managed(principal, team)
    member = await existing_user(user, "user")

    async def run() -> Result:
        await teams.put_member(found.id, member.id, role)
        return {"team": found.id}

    asked = [found.id, member.id, role.name]
    result = await once(principal, "addTeamMember", client_id, asked, run)
    return await _seen(principal, int(result["team"]))


async def remove_member(
    ctx: Context, team: str, user: str, client_id: str | None
) -> SeenTeam | None:
    """Remove ``user`` from ``team``; the team, or None once the caller left it (unless a
    site admin), since it may no longer see it."""
    principal = caller(ctx)
    found = await _managed(principal, team)
    member = await existing_user(user, "user")

    async def run() -> Result:
        await teams.remove_member(found.id, member.id)
        return {"team": found.id}

    asked = [found.id, member.id]
    result = await once(principal, "removeTeamMember", client_id, asked, run)
    return await _seen(principal, int(result["team"]))


async def _managed(principal: Principal, name: str) -> Team:
    """The team named ``name`` if the caller may change its members (NOT_FOUND, FORBIDDEN)."""
    found = await teams.team_by_name(name)
    role = None if found is None else await teams.role_in(found.id, principal.user_id)
    if found is None or (role is None and not principal.admin):
        raise DomainError("NOT_FOUND", f"no team named {name!r}", "team")
    if role is not None and role < Role.ADMIN and not principal.admin:
        raise DomainError(
            "FORBIDDEN", f"only a team's ADMINs change its members; you are {role.name}", "team"
        )
    return found


async def _seen(principal: Principal, team_id: int) -> SeenTeam | None:
    """The team as the caller sees it now; None when it may not (no longer a member)."""
    found = await Team.get_or_none(id=team_id)
    role = await teams.role_in(team_id, principal.user_id) if found else None
    if found is None or (role is None and not principal.admin):
        return None
    return SeenTeam(found.id, found.name, found.created_at, role)


async def _roles_of(user_id: int | None) -> dict[int, Role]:
    return {m.team_id: m.role for m in await teams.teams_of(user_id)} if user_id else {}
