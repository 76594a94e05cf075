"""Access token mutations: minting (the secret is returned once) and revoking."""

from __future__ import annotations

from resolvers.context import Context
from resolvers.permissions import require
from resolvers.replay import Result, forget_token, once
from storage.errors import DomainError, check_text
from storage.models import AccessToken
from storage.tokens import (
    Principal,
    Scope,
    create_token,
    parse_owner,
    parse_scopes,
    revoke_token,
)


async def create(
    ctx: Context,
    name: str,
    scopes: list[str],
    client_id: str | None = None,
    owner: tuple[str | None, str | None] = (None, None),
) -> tuple[AccessToken, str]:
    """Mint a token, owned by ``owner`` (name, email) or else by the caller's token's owner;
    a retry under the same clientMutationId gets the same token and secret (kept sealed
    with the mutation's record, see storage.sealed) instead of a second one."""
    principal = require(ctx, Scope.READ)
    try:
        owned = parse_owner(*owner) or principal.owner
    except ValueError as exc:
        raise DomainError("INVALID", str(exc), "ownerEmail") from None
    if owned != principal.owner and not principal.has(Scope.ADMIN):
        # Else any token could mint one that writes commits in somebody else's name.
        raise DomainError("FORBIDDEN", "only ADMIN tokens can name another owner", "ownerName")
    sealer = ctx.syncer.sealer
    if client_id is None or sealer is None:
        return await _create(principal, name, scopes, owned)

    async def run() -> Result:
        row, secret = await _create(principal, name, scopes, owned)
        return {"token": row.id, "sealed": sealer.seal(secret)}

    asked = [name, sorted(scopes), owned]
    result = await once(principal, "createAccessToken", client_id, asked, run)
    row = await AccessToken.get(id=result["token"])
    return row, sealer.open(str(result["sealed"]))


async def _create(
    principal: Principal, name: str, scopes: list[str], owner: tuple[str, str] | None
) -> tuple[AccessToken, str]:
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise DomainError("INVALID", "name must be 1-100 characters", "name")
    check_text(name, "name", 400)
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
    return await create_token(name, wanted, owner)


async def revoke(ctx: Context, token_id: int) -> AccessToken:
    principal = require(ctx, Scope.READ)
    if token_id != principal.token_id and not principal.has(Scope.ADMIN):
        raise DomainError("FORBIDDEN", "only ADMIN tokens can revoke other tokens", "id")
    row = await revoke_token(token_id)
    if row is None:
        raise DomainError("NOT_FOUND", f"no token with id {token_id}", "id")
    await forget_token(token_id)
    return row
