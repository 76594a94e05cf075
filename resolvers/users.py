"""The caller's user (``Query.me``) and its tokens."""

from __future__ import annotations

from resolvers.context import Context
from resolvers.errors import unauthenticated
from resolvers.permissions import require
from storage.models import AccessToken, User
from storage.tokens import Scope, tokens_of


async def me(ctx: Context) -> User:
    """The user of the caller's token (disabled users' tokens authenticate as nobody)."""
    principal = require(ctx, Scope.READ)
    row = await User.get_or_none(id=principal.user_id) if principal.user_id else None
    if row is None or row.disabled_at is not None:  # gone since the principal was cached
        raise unauthenticated()
    return row


async def tokens(ctx: Context, user_id: int) -> list[AccessToken]:
    """``user_id``'s live tokens: only the caller's own user reaches here (through ``me``)."""
    return await tokens_of(user_id)
