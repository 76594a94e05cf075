"""Scope checks shared by every root field."""

from __future__ import annotations

from resolvers.context import Context
from resolvers.errors import forbidden, unauthenticated
from storage.tokens import Principal, Scope


def require(context: Context, scope: Scope) -> Principal:
    principal = context.principal
    if principal is None:
        raise unauthenticated()
    if not principal.has(scope):
        raise forbidden(scope.value)
    return principal
