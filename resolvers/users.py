"""The caller's user (``Query.me``) and its tokens."""

from __future__ import annotations

from resolvers.context import Context
from resolvers.errors import unauthenticated
from resolvers.permissions import caller
from storage.models import AccessToken, User
from storage.tokens import Scope, tokens_of


async def me(ctx: Context) -> User:
    """The user of the caller's token (disabled users' tokens authenticate as nobody)."""
    principal = caller(ctx)
    row = await User.get_or_none(id=principal.user_id) if principal.user_id else None
    if row is None or row.disabled_at is not None:  # gone since the principal was cached
        raise unauthenticated()
    return row


async def tokens(ctx: Context, user_id: int) -> list[AccessToken]:
    """``user_id``'s live tokens (only the caller's own user reaches here, through ``me``):
    all of them with the ADMIN scope, else the caller's token alone. Every token from before
    users is the built-in admin's: a READ token handed to one system does not list the
    others, as it does not revoke them (resolvers.tokens.revoke)."""
    principal = caller(ctx)
    rows = await tokens_of(user_id)
    if principal.has(Scope.ADMIN):
        return rows
    return [r for r in rows if r.id == principal.token_id]
