"""The caller of a request, as the guards of root fields (schema/permissions.py) check it.

Resolvers check no permission themselves: a root field's declared guard has run before its
resolver. They read the caller with :func:`caller` (a guarded field that needs a token) or
``Context.viewer`` (one open to anyone).
"""

from __future__ import annotations

from resolvers.context import Context
from resolvers.errors import forbidden, unauthenticated
from storage.tokens import Principal, Scope


def require(context: Context, scope: Scope) -> Principal:
    """The caller, whose token holds ``scope``: UNAUTHENTICATED without a token, FORBIDDEN
    without the scope."""
    principal = context.principal
    if principal is None:
        raise unauthenticated()
    if not principal.has(scope):
        raise forbidden(scope.value)
    return principal


def caller(context: Context) -> Principal:
    """The caller of a field whose guard needs a token (so it is there)."""
    principal = context.principal
    if principal is None:  # only a field declared open to anyone gets here without one
        raise unauthenticated()
    return principal
