"""Access token mutations: minting (the secret is returned once) and revoking.

A token belongs to a user (storage.users). A new token belongs to the caller's user; only a
site admin (storage.tokens.Principal.site_admin) names another user, names another Git
owner, or revokes another user's tokens; a token with the ADMIN scope revokes its own
user's.
"""

from __future__ import annotations

from resolvers.context import Context
from resolvers.permissions import caller
from resolvers.replay import Result, forget_token, once
from storage import queries
from storage.access import READ, allows
from storage.errors import DomainError
from storage.models import AccessToken
from storage.tokens import (
    Principal,
    Scope,
    check_token_name,
    create_token,
    parse_owner,
    parse_scopes,
    revoke_token,
)
from storage.users import user_by_name


async def create(
    ctx: Context,
    name: str,
    scopes: list[str],
    client_id: str | None = None,
    owner: tuple[str | None, str | None] = (None, None),
    user: str | None = None,
    projects: list[int] | None = None,
) -> tuple[AccessToken, str]:
    """Mint a token of ``user`` (a site admin only) or else of the caller's user, owned by
    ``owner`` (name, email) or else, for the caller's own user only, by the caller's
    token's owner (another user's token gets none unless named: it must not write commits
    in the caller's name); a retry under the same
    clientMutationId gets the same token and secret (kept sealed with the mutation's
    record, see storage.sealed) instead of a second one. ``projects`` restricts it to
    those (storage.access): projects the caller reads, within the caller's own restriction,
    which a token it mints keeps when it names none."""
    principal = caller(ctx)
    try:
        named = parse_owner(*owner)
    except ValueError as exc:
        raise DomainError("INVALID", str(exc), "ownerEmail") from None
    if named is not None and named != principal.owner and not principal.site_admin:
        # Else any token could mint one that writes commits in somebody else's name.
        raise DomainError(
            "FORBIDDEN", "only a site admin's ADMIN token can name another owner", "ownerName"
        )
    user_id = await _user_of_new_token(principal, user)
    owned = named if named is not None or user_id != principal.user_id else principal.owner
    limited = await _projects_of_new_token(ctx, principal, projects)
    sealer = ctx.syncer.sealer
    if client_id is None or sealer is None:
        return await _create(principal, name, scopes, owned, user_id, limited)

    async def run() -> Result:
        row, secret = await _create(principal, name, scopes, owned, user_id, limited)
        return {"token": row.id, "sealed": sealer.seal(secret)}

    asked = [name, sorted(scopes), owned, user_id, None if limited is None else sorted(limited)]
    result = await once(principal, "createAccessToken", client_id, asked, run)
    row = await AccessToken.get(id=result["token"])
    return row, sealer.open(str(result["sealed"]))


async def _user_of_new_token(principal: Principal, user: str | None) -> int:
    own = principal.user_name
    if user is None or (own is not None and user.lower() == own.lower()):  # any case
        if principal.user_id is None:
            raise DomainError("FORBIDDEN", "this token belongs to no user", "user")
        return principal.user_id
    if not principal.site_admin:
        raise DomainError(
            "FORBIDDEN", "only a site admin's ADMIN token can mint tokens of other users", "user"
        )
    row = await user_by_name(user)
    if row is None:
        raise DomainError("NOT_FOUND", f"no user named {user!r}", "user")
    if row.disabled_at is not None:
        raise DomainError("INVALID", f"user {user!r} is disabled", "user")
    return row.id


async def _projects_of_new_token(
    ctx: Context, principal: Principal, asked: list[int] | None
) -> frozenset[int] | None:
    """The projects a new token is restricted to: those asked (each one the caller reads,
    else NOT_FOUND as for one that does not exist; within the caller's own restriction,
    else FORBIDDEN; at most GITSTUDIO_MAX_PAGE_SIZE), else the caller's restriction."""
    if asked is None:
        return principal.projects
    if not 1 <= len(asked) <= ctx.max_page_size:
        raise DomainError(
            "INVALID", f"name 1-{ctx.max_page_size} projects, or none for all", "projects"
        )
    found = await queries.projects_by_ids(asked, ctx.caches.projects)
    for project_id in asked:
        project = found.get(project_id)
        if project is None or not allows(principal, project, READ):
            raise DomainError("NOT_FOUND", "a project named is not one you can read", "projects")
    wanted = frozenset(asked)
    if principal.projects is not None and not wanted <= principal.projects:
        raise DomainError(
            "FORBIDDEN", "a restricted token mints tokens for its own projects only", "projects"
        )
    return wanted


async def _create(
    principal: Principal,
    name: str,
    scopes: list[str],
    owner: tuple[str, str] | None,
    user_id: int,
    projects: frozenset[int] | None,
) -> tuple[AccessToken, str]:
    name = check_token_name(name)
    try:
        wanted = parse_scopes(scopes)
    except ValueError as exc:
        raise DomainError("INVALID", str(exc), "scopes") from None
    if not wanted:
        raise DomainError("INVALID", "at least one scope is required", "scopes")
    # A token can only hand out what it holds itself (ADMIN holds everything).
    beyond = sorted(s.value for s in wanted if not principal.has(s))
    if beyond:
        raise DomainError("FORBIDDEN", f"cannot grant scopes this token lacks: {beyond}", "scopes")
    return await create_token(name, wanted, owner, user_id, projects)


async def revoke(ctx: Context, token_id: int) -> AccessToken:
    """Revoke the caller's token itself; with the ADMIN scope, any token of the caller's
    user; as a site admin, any token. (Every token that existed before users belongs to
    the built-in admin: a READ token handed to one system must not revoke the others.)"""
    principal = caller(ctx)
    row = await AccessToken.get_or_none(id=token_id)
    itself = token_id == principal.token_id
    sibling = row is not None and principal.user_id is not None and row.user_id == principal.user_id
    if row is None or not (
        itself or (sibling and principal.has(Scope.ADMIN)) or principal.site_admin
    ):
        # The same answer for a token that exists and one the caller may not act on (nor
        # see in me.tokens): token ids are not told to whoever asks.
        raise DomainError(
            "NOT_FOUND",
            f"no token with id {token_id} that this token may revoke (itself, its user's"
            " with the ADMIN scope, any as a site admin's ADMIN token)",
            "id",
        )
    revoked = await revoke_token(token_id)
    if revoked is None:
        raise DomainError("NOT_FOUND", f"no token with id {token_id}", "id")
    await forget_token(token_id)
    return revoked
