"""Teams: users who share projects, each member with a role (storage.roles.Role).

Names follow the rule of user names (storage.users.check_name) and are unique regardless of
case (``teams_name_folded``, migration 0014). A team is made with its first ADMIN and never
loses its last one: removing or demoting it is CONFLICT. Every argument is checked before
anything is written, so bad input writes nothing; every write forgets the cached principals
of this process (storage.tokens.forget_principals), which carry their users' team roles.
A project belongs to a user or a team (:func:`project_owner`); storage.access decides
from both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from storage import db
from storage.access import Ownership
from storage.errors import DomainError
from storage.models import Team, TeamMember, User
from storage.roles import Role, Visibility
from storage.tokens import Principal, forget_principals
from storage.users import builtin_admin_id, check_name, named


@dataclass(frozen=True, slots=True)
class Membership:
    team_id: int
    team_name: str
    user_id: int
    role: Role


@dataclass(frozen=True, slots=True)
class Member:
    """A member as the API lists it: the user's name and its role."""

    user_name: str
    role: Role


def check_team_name(name: str) -> str:
    """A team name as given, or INVALID (field ``name``): the rule of user names."""
    try:
        return check_name(name)
    except DomainError:
        raise DomainError(
            "INVALID",
            "a team name is 1-100 letters, digits, '.', '_' or '-', starting with a letter"
            " or digit",
            "name",
        ) from None


def parse_role(value: str) -> Role:
    """A role by name in any case (``viewer``, ``EDITOR``), or INVALID (field ``role``)."""
    found = Role.__members__.get(value.strip().upper()) if isinstance(value, str) else None
    if found is None:
        raise DomainError("INVALID", "a role is VIEWER, EDITOR or ADMIN", "role")
    return found


async def create_team(name: str, admin_id: int) -> Team:
    """A team named ``name`` whose first member, its ADMIN, is user ``admin_id``.
    DUPLICATE (field ``name``) when a team has the name in any case."""
    name = check_team_name(name)
    await _enabled_user(admin_id)
    if await named(Team, name).exists():
        raise _duplicate(name)
    try:
        async with in_transaction():
            team = await Team.create(name=name)
            await TeamMember.create(team_id=team.id, user_id=admin_id, role=Role.ADMIN.name)
    except IntegrityError:  # the name, in any case, taken since the check above
        raise _duplicate(name) from None
    forget_principals()
    return team


async def team_by_name(name: str) -> Team | None:
    """The team named ``name`` in any case; None for a name no team can have."""
    try:
        name = check_team_name(name)
    except DomainError:
        return None
    return await named(Team, name).first()


async def add_member(team_id: int, user_id: int, role: Role) -> Membership:
    """Make user ``user_id`` a member of the team with ``role``. NOT_FOUND (``team`` or
    ``user``), INVALID for a disabled user or a role that is none, DUPLICATE (field
    ``user``) for a member already (change a role with :func:`set_role`)."""
    role = _role(role)
    team = await _team(team_id)
    await _enabled_user(user_id)
    try:
        await TeamMember.create(team_id=team.id, user_id=user_id, role=role.name)
    except IntegrityError:
        raise DomainError("DUPLICATE", "the user is a member of the team already", "user") from None
    forget_principals()
    return Membership(team.id, team.name, user_id, role)


async def set_role(team_id: int, user_id: int, role: Role) -> Membership:
    """Give member ``user_id`` of the team ``role``. NOT_FOUND (``team``, or ``user`` for
    one who is not a member); CONFLICT (field ``role``) to demote the team's last ADMIN."""
    role = _role(role)
    team = await _team(team_id)
    async with in_transaction():
        member = await _member(team.id, user_id)
        if member.role == Role.ADMIN.name and role is not Role.ADMIN:
            await _keep_an_admin(team.id, "role")
        if member.role != role.name:
            member.role = role.name
            await member.save(update_fields=["role"])
    forget_principals()
    return Membership(team.id, team.name, user_id, role)


async def put_member(team_id: int, user_id: int, role: Role) -> Membership:
    """Make user ``user_id`` a member with ``role``, or give a member ``role``: what
    :func:`add_member` or :func:`set_role` does, and their errors."""
    role = _role(role)
    ids = _an_id(team_id) and _an_id(user_id)
    if ids and await TeamMember.exists(team_id=team_id, user_id=user_id):
        return await set_role(team_id, user_id, role)
    try:
        return await add_member(team_id, user_id, role)
    except DomainError as exc:
        if exc.code != "DUPLICATE":
            raise
    return await set_role(team_id, user_id, role)  # added by another request meanwhile


async def remove_member(team_id: int, user_id: int) -> None:
    """Remove member ``user_id`` from the team. NOT_FOUND (``team``, or ``user`` for one who
    is not a member); CONFLICT (field ``user``) for the team's last ADMIN."""
    team = await _team(team_id)
    async with in_transaction():
        member = await _member(team.id, user_id)
        if member.role == Role.ADMIN.name:
            await _keep_an_admin(team.id, "user")
        await member.delete()
    forget_principals()


async def teams_of(user_id: int) -> list[Membership]:
    """The user's teams and its role in each, by team name."""
    rows = await db.fetch(
        "SELECT t.id, t.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id"
        " WHERE m.user_id = ? ORDER BY t.name",
        [user_id],
    )
    return [
        Membership(r["id"], r["name"], user_id, Role[r["role"]])
        for r in rows
        if r["role"] in Role.__members__
    ]


async def members_of(team_id: int) -> list[Membership]:
    """The team's members and their roles, by user id."""
    team = await _team(team_id)
    rows = await TeamMember.filter(team_id=team.id).order_by("user_id")
    return [
        Membership(team.id, team.name, r.user_id, Role[r.role])
        for r in rows
        if r.role in Role.__members__
    ]


async def role_in(team_id: int, user_id: int | None) -> Role | None:
    """The user's role in the team as stored now (not a cached principal's); None for no
    member (or no user)."""
    if user_id is None or not _an_id(user_id):
        return None
    member = await TeamMember.get_or_none(team_id=team_id, user_id=user_id)
    return Role[member.role] if member and member.role in Role.__members__ else None


async def teams_by_ids(team_ids: Sequence[int]) -> list[Team]:
    """The teams of ``team_ids`` that exist, in no order."""
    return await Team.filter(id__in=list(team_ids)) if team_ids else []


async def all_teams() -> list[Team]:
    """Every team, in no order (a site admin's list)."""
    return await Team.all()


async def rosters(team_ids: Sequence[int]) -> dict[int, list[Member]]:
    """Each team's members with their user names (disabled users too: they stay members),
    by name in any case; one query for all the teams."""
    if not team_ids:
        return {}
    marks = ", ".join("?" * len(team_ids))
    rows = await db.fetch(
        "SELECT m.team_id, u.name, m.role FROM team_members m JOIN users u ON u.id = m.user_id"
        f" WHERE m.team_id IN ({marks})",
        list(team_ids),
    )
    found: dict[int, list[Member]] = {team_id: [] for team_id in team_ids}
    for r in sorted(rows, key=lambda r: (r["name"].lower(), r["name"])):
        if r["role"] in Role.__members__:  # a role no code writes grants nothing: not shown
            found[r["team_id"]].append(Member(r["name"], Role[r["role"]]))
    return found


async def project_owner(
    principal: Principal, team: str | None, visibility: Visibility | None
) -> Ownership:
    """Whom a project ``principal`` creates belongs to: ``team``, which it must be an EDITOR
    or ADMIN of (a site admin: any team; a team it is not in is NOT_FOUND, as one that does
    not exist, field ``team``), or else its own user. PRIVATE unless asked otherwise."""
    chosen = Visibility.PRIVATE if visibility is None else visibility
    if principal.projects is not None:  # it would not see what it made
        raise DomainError("FORBIDDEN", "a token restricted to projects cannot add one", None)
    if team is None:
        user_id = principal.user_id if principal.user_id is not None else await builtin_admin_id()
        return Ownership(user_id=user_id, visibility=chosen)
    found = await team_by_name(team)
    role = None if found is None else dict(principal.teams).get(found.id)
    if found is None or (role is None and not principal.admin):
        raise DomainError("NOT_FOUND", f"no team {team!r}", "team")
    if role is not None and role < Role.EDITOR and not principal.admin:
        raise DomainError(
            "FORBIDDEN",
            f"only a team's EDITORs and ADMINs add its projects; you are {role.name}",
            "team",
        )
    return Ownership(team_id=found.id, visibility=chosen)


def _role(role: Role) -> Role:
    if not isinstance(role, Role):  # an int or a name from a caller that skipped parse_role
        raise DomainError("INVALID", "a role is VIEWER, EDITOR or ADMIN", "role")
    return role


async def _team(team_id: int) -> Team:
    team = await Team.get_or_none(id=team_id) if _an_id(team_id) else None
    if team is None:
        raise DomainError("NOT_FOUND", "no such team", "team")
    return team


async def _enabled_user(user_id: int) -> User:
    user = await User.get_or_none(id=user_id) if _an_id(user_id) else None
    if user is None:
        raise DomainError("NOT_FOUND", "no such user", "user")
    if user.disabled_at is not None:
        raise DomainError("INVALID", f"user {user.name!r} is disabled", "user")
    return user


async def _member(team_id: int, user_id: int) -> TeamMember:
    """The membership, locked until the transaction ends on PostgreSQL (SQLite has one
    writer), so that two requests cannot each remove one of the last two ADMINs."""
    if not _an_id(user_id):
        raise DomainError("NOT_FOUND", "the user is not a member of the team", "user")
    await _lock(team_id)
    member = await TeamMember.get_or_none(team_id=team_id, user_id=user_id)
    if member is None:
        raise DomainError("NOT_FOUND", "the user is not a member of the team", "user")
    return member


async def _lock(team_id: int) -> None:
    """Serialise changes of one team's members (PostgreSQL: the team row, FOR UPDATE)."""
    if db.is_postgres():
        await Team.filter(id=team_id).select_for_update().first()


async def _keep_an_admin(team_id: int, field: str) -> None:
    admins = await TeamMember.filter(team_id=team_id, role=Role.ADMIN.name).count()
    if admins <= 1:
        raise DomainError("CONFLICT", "a team keeps at least one ADMIN", field)


def _an_id(value: object) -> bool:
    """An id a row can have: an int in the range of an SQL INT (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


def _duplicate(name: str) -> DomainError:
    return DomainError("DUPLICATE", f"a team named {name!r} exists already", "name")
