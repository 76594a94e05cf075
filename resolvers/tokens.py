"""Access token mutations: minting (the secret is returned once) and revoking.

A token belongs to a user (storage.users). A new token belongs to the caller's user; only a
site admin (storage.tokens.Principal.site_admin) names another user, names another Git
owner, or revokes another user's tokens; a token with the ADMIN scope revokes its own
user's.
"""

from __future__ import annotations

from resolvers.context import Context
from resolvers.permissions import require
from resolvers.replay import Result, forget_token, once
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
) -> tuple[AccessToken, str]:
    """Mint a token of ``user`` (a site admin only) or else of the caller's user, owned by
    ``owner`` (name, email) or else by the caller's token's owner; a retry under the same
    clientMutationId gets the same token and secret (kept sealed with the mutation's
    record, see storage.sealed) instead of a second one."""
    principal = require(ctx, Scope.READ)
    try:
        owned = parse_owner(*owner) or principal.owner
    except ValueError as exc:
        raise DomainError("INVALID", str(exc), "ownerEmail") from None
    if owned != principal.owner and not principal.site_admin:
        # Else any token could mint one that writes commits in somebody else's name.
        raise DomainError(
            "FORBIDDEN", "only a site admin's ADMIN token can name another owner", "ownerName"
        )
    user_id = await _user_of_new_token(principal, user)
    sealer = ctx.syncer.sealer
    if client_id is None or sealer is None:
        return await _create(principal, name, scopes, owned, user_id)

    async def run() -> Result:
        row, secret = await _create(principal, name, scopes, owned, user_id)
        return {"token": row.id, "sealed": sealer.seal(secret)}

    asked = [name, sorted(scopes), owned, user_id]
    result = await once(principal, "createAccessToken", client_id, asked, run)
    row = await AccessToken.get(id=result["token"])
    return row, sealer.open(str(result["sealed"]))


async def _user_of_new_token(principal: Principal, user: str | None) -> int:
    if user is None or user == principal.user_name:
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


async def _create(
    principal: Principal,
    name: str,
    scopes: list[str],
    owner: tuple[str, str] | None,
    user_id: int,
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
    return await create_token(name, wanted, owner, user_id)


async def revoke(ctx: Context, token_id: int) -> AccessToken:
    """Revoke the caller's token itself; with the ADMIN scope, any token of the caller's
    user; as a site admin, any token. (Every token that existed before users belongs to
    the built-in admin: a READ token handed to one system must not revoke the others.)"""
    principal = require(ctx, Scope.READ)
    row = await AccessToken.get_or_none(id=token_id)
    if row is None:
        raise DomainError("NOT_FOUND", f"no token with id {token_id}", "id")
    itself = token_id == principal.token_id
    sibling = principal.user_id is not None and row.user_id == principal.user_id
    if not (itself or (sibling and principal.has(Scope.ADMIN)) or principal.site_admin):
        raise DomainError(
            "FORBIDDEN",
            "a token revokes itself, its user's tokens with the ADMIN scope, or any as a site"
            " admin's ADMIN token",
            "id",
        )
    revoked = await revoke_token(token_id)
    if revoked is None:
        raise DomainError("NOT_FOUND", f"no token with id {token_id}", "id")
    await forget_token(token_id)
    return revoked
