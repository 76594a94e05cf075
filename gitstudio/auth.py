"""The caller's token: ``Authorization: token X`` (Studio's form) or ``Bearer X``, checked by
the app's one :class:`TokenGate` (``state.gate``) on every token-authenticated route,
through the app's cache of principals by token hash (``state.caches.tokens``), so the
database stays off the hot path; a token revoked by another process keeps working here for
at most ``storage.tokens.CACHE_TTL`` seconds."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request

from gitstudio.rest import HttpError
from storage.tokens import Principal, Scope, TokenCache, TokenUses, authenticate

TOKEN_REQUIRED = "a valid access token is required: send 'Authorization: token <TOKEN>'"  # noqa: S105 (a message)


def token_from_header(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() not in ("token", "bearer") or not token.strip():
        return None
    return token.strip()


async def principal_from(
    headers: Mapping[str, str], cache: TokenCache, uses: TokenUses | None = None
) -> Principal | None:
    token = token_from_header(headers.get("authorization"))
    return await authenticate(token, cache, uses) if token else None


async def principal_from_raw(
    headers: Mapping[bytes, bytes], cache: TokenCache, uses: TokenUses | None = None
) -> Principal | None:
    """The same from ASGI's raw headers (lower-cased names, bytes)."""
    token = token_from_header(headers.get(b"authorization", b"").decode("latin-1"))
    return await authenticate(token, cache, uses) if token else None


class TokenGate:
    """401 without a valid token, 403 without the scope; principals from ``cache``."""

    __slots__ = ("cache", "uses")

    def __init__(self, cache: TokenCache, uses: TokenUses | None = None) -> None:
        self.cache = cache
        self.uses = uses

    async def require(self, request: Request, scope: Scope) -> Principal:
        return self.check(await principal_from(request.headers, self.cache, self.uses), scope)

    async def require_raw(self, headers: Mapping[bytes, bytes], scope: Scope) -> Principal:
        return self.check(await principal_from_raw(headers, self.cache, self.uses), scope)

    @staticmethod
    def check(principal: Principal | None, scope: Scope) -> Principal:
        if principal is None:
            raise HttpError(401, TOKEN_REQUIRED)
        if not principal.has(scope):
            raise HttpError(403, f"this token lacks the {scope.value} scope")
        return principal
