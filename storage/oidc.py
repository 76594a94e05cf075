"""Users who sign in with an OpenID provider (gitstudio/oidc.py checks the provider's
answer; this module decides whom it signs in and keeps their teams).

A person at a provider is its issuer's URL and the ``sub`` it names them by: the pair is
linked to one user (``oidc_identities``) at their first sign-in, and every later sign-in
finds that user by it. A name or email address the provider reports never picks a user: a
provider whose user calls themselves ``admin`` gets a new user, not the local ``admin``.
The new user's name comes from ``preferred_username``, else the email's local part, else
``name``, made a valid user name (other characters become ``-``, at most 90 kept) and, when
a user has it in any case, suffixed ``-2``, ``-3``... until free. It is no site admin and has
no password (it signs in with the provider only, until an admin sets one).

Teams: with a teams claim configured (GITSTUDIO_OIDC_TEAMS_CLAIM), each sign-in makes the
user a member, with the configured role, of every existing team the claim names (in any
case): teams are not made from claims, since any group name at the provider would become a
team here, named by whoever administers the provider. A membership made so is remembered
(``oidc_team_grants``); when a later claim no longer names the team, it is removed, unless a
team admin changed its role since (then it is kept, and no longer the claim's) or it is the
team's last ADMIN. A membership the user had before the claim named the team is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.functions import Lower
from tortoise.transactions import in_transaction

from storage.errors import DomainError
from storage.models import OidcIdentity, OidcTeamGrant, Team, TeamMember, User
from storage.roles import Role
from storage.teams import add_member, remove_member
from storage.tokens import forget_principals
from storage.users import check_email

MAX_TEAMS_CLAIMED = 200  # team names read from one claim; a claim is the provider's to size
_BASE_CHARS = 90  # of a derived name: room for a "-NNN" suffix within the 100 allowed
_SUFFIXES = 1000  # "-2" .. "-999", then the sign-in is refused (CONFLICT)
_NOT_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class SignIn:
    """Whom a sign-in signed in, and whether it made the user."""

    user: User
    created: bool


def derived_name(claims: Mapping[str, Any]) -> str:
    """A valid user name from the provider's claims (it may be taken: see
    :func:`_free_name`): ``preferred_username``, the email's local part, ``name``, ``user``."""
    email = claims.get("email")
    local = email.rpartition("@")[0] if isinstance(email, str) else None
    for value in (claims.get("preferred_username"), local, claims.get("name")):
        if isinstance(value, str):
            name = _NOT_NAME.sub("-", value.strip()).lstrip("._-")[:_BASE_CHARS].rstrip("._-")
            if name:
                return name
    return "user"


async def sign_in(
    issuer: str,
    claims: Mapping[str, Any],
    teams_claim: str = "",
    team_role: Role = Role.VIEWER,
) -> SignIn:
    """The user of ``claims["sub"]`` at ``issuer``, made (with its identity) if it has none
    yet; its claimed teams kept (:func:`sync_teams`) when ``teams_claim`` is set. FORBIDDEN
    for a disabled user; nothing is written then."""
    subject = claims["sub"]
    identity = await OidcIdentity.get_or_none(issuer=issuer, subject=subject)
    created = False
    if identity is None:
        user, created = await _link(issuer, subject, claims)
    else:
        user = await User.get(id=identity.user_id)
        if user.disabled_at is not None:
            raise DomainError("FORBIDDEN", f"user {user.name!r} is disabled", "user")
        await OidcIdentity.filter(id=identity.id).update(last_login_at=datetime.now(UTC))
    if teams_claim:
        await sync_teams(user.id, claimed_teams(claims.get(teams_claim)), team_role)
    return SignIn(user, created)


async def _link(issuer: str, subject: str, claims: Mapping[str, Any]) -> tuple[User, bool]:
    """A new user for the identity, under the first free name; the identity's user when
    another sign-in of it linked one meanwhile."""
    base = derived_name(claims)
    # An address the provider says it did not verify is not shown as the user's.
    email = _email(claims.get("email")) if claims.get("email_verified") is not False else None
    for name in await _candidates(base):
        now = datetime.now(UTC)
        try:
            async with in_transaction():
                user = await User.create(name=name, email=email)
                await OidcIdentity.create(
                    issuer=issuer,
                    subject=subject,
                    user_id=user.id,
                    created_at=now,
                    last_login_at=now,
                )
            return user, True
        except IntegrityError:
            # The name was taken meanwhile (try the next), or this identity was linked by
            # a parallel sign-in (then it is the user).
            linked = await OidcIdentity.get_or_none(issuer=issuer, subject=subject)
            if linked is not None:
                return await User.get(id=linked.user_id), False
    raise DomainError("CONFLICT", f"no free user name derived from {base!r}", "name")


async def _candidates(base: str) -> list[str]:
    """``base``, ``base-2``... without the ones taken in any case, in order."""
    wanted = [base, *(f"{base}-{n}" for n in range(2, _SUFFIXES))]
    rows = (
        await User.annotate(folded=Lower("name"))
        .filter(folded__in=[w.lower() for w in wanted])
        .values_list("folded", flat=True)
    )
    taken = {str(folded) for folded in rows}
    return [w for w in wanted if w.lower() not in taken]


def _email(value: object) -> str | None:
    """The claimed address if it is one (storage.users.check_email), else none: an address
    is shown, never used to find a user."""
    if not isinstance(value, str):
        return None
    try:
        return check_email(value)
    except DomainError:
        return None


def claimed_teams(value: object) -> list[str]:
    """Team names from a claim: a list of strings (or one string), at most
    :data:`MAX_TEAMS_CLAIMED`; anything else names none."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and 0 < len(v) <= 100][:MAX_TEAMS_CLAIMED]


async def sync_teams(user_id: int, names: Iterable[str], role: Role) -> None:
    """Make the user a ``role`` member of the existing teams ``names`` names (in any case),
    and remove it from those an earlier claim added it to and this one does not name."""
    folded = {n.lower() for n in names}
    teams = (
        await Team.annotate(folded=Lower("name")).filter(folded__in=list(folded)) if folded else []
    )
    claimed = {t.id for t in teams}
    members = set(await TeamMember.filter(user_id=user_id).values_list("team_id", flat=True))
    changed = False
    for team_id in sorted(claimed - members):
        try:
            await add_member(team_id, user_id, role)
        except DomainError:  # joined meanwhile, or the team went: theirs, not the claim's
            continue
        await OidcTeamGrant.get_or_create(
            user_id=user_id, team_id=team_id, defaults={"role": role.name}
        )
        changed = True
    for grant in await OidcTeamGrant.filter(user_id=user_id).exclude(team_id__in=list(claimed)):
        changed = await _drop(grant) or changed
    if changed:
        forget_principals()


async def _drop(grant: OidcTeamGrant) -> bool:
    """Remove the claim's membership of ``grant`` if it is still as the claim made it;
    forget the grant either way. Whether a membership went."""
    member = await TeamMember.get_or_none(team_id=grant.team_id, user_id=grant.user_id)
    removed = False
    if member is not None and member.role == grant.role:
        try:
            await remove_member(grant.team_id, grant.user_id)
            removed = True
        except DomainError:  # the team's last ADMIN stays (the team keeps one)
            pass
    await OidcTeamGrant.filter(id=grant.id).delete()
    return removed


async def identities_of(user_id: int) -> list[OidcIdentity]:
    """The provider identities linked to the user."""
    return await OidcIdentity.filter(user_id=user_id).order_by("id")


__all__ = ["SignIn", "claimed_teams", "derived_name", "identities_of", "sign_in", "sync_teams"]
