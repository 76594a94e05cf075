"""The caller's token: ``Authorization: token X`` (Studio's form) or ``Bearer X``, checked by
the app's one :class:`TokenGate` (``state.gate``) on every token-authenticated route,
through the app's cache of principals by token hash (``state.caches.tokens``), so the
database stays off the hot path; a token revoked by another process keeps working here for
at most ``storage.tokens.CACHE_TTL`` seconds.

Without an Authorization header, the ``gitstudio_session`` cookie of a signed-in browser
authenticates as its user, given the app's SessionPolicy; a request other than
GET/HEAD/OPTIONS must then prove it comes from this server's pages (CSRF, 403
``CSRF_FAILED``): see gitstudio/sessions.py."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request

from gitstudio.rest import HttpError
from gitstudio.sessions import SessionPolicy, principal_from_session
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
    headers: Mapping[str, str],
    cache: TokenCache,
    uses: TokenUses | None = None,
    sessions: SessionPolicy | None = None,
    method: str = "POST",
) -> Principal | None:
    """The caller: the Authorization header's token, else (given ``sessions``) the session
    cookie, checked for CSRF unless ``method`` is safe (HttpError 403)."""
    token = token_from_header(headers.get("authorization"))
    if token:
        return await authenticate(token, cache, uses)
    if sessions is None:
        return None
    return await principal_from_session(headers.get, cache, sessions, method)


async def principal_from_raw(
    headers: Mapping[bytes, bytes],
    cache: TokenCache,
    uses: TokenUses | None = None,
    sessions: SessionPolicy | None = None,
    method: str = "POST",
) -> Principal | None:
    """The same from ASGI's raw headers (lower-cased names, bytes)."""
    token = token_from_header(headers.get(b"authorization", b"").decode("latin-1"))
    if token:
        return await authenticate(token, cache, uses)
    if sessions is None:
        return None

    def header(name: str) -> str | None:
        value = headers.get(name.encode())
        return None if value is None else value.decode("latin-1")

    return await principal_from_session(header, cache, sessions, method)


class TokenGate:
    """401 without a valid token, 403 without the scope; principals from ``cache``."""

    __slots__ = ("cache", "sessions", "uses")

    def __init__(
        self,
        cache: TokenCache,
        uses: TokenUses | None = None,
        sessions: SessionPolicy | None = None,
    ) -> None:
        self.cache = cache
        self.uses = uses
        self.sessions = sessions  # None: tokens only

    async def require(self, request: Request, scope: Scope) -> Principal:
        principal = await principal_from(
            request.headers, self.cache, self.uses, self.sessions, request.method
        )
        return self.check(principal, scope)

    async def require_raw(self, headers: Mapping[bytes, bytes], scope: Scope) -> Principal:
        """Raw headers carry no method: a session must bring its CSRF proof."""
        principal = await principal_from_raw(headers, self.cache, self.uses, self.sessions)
        return self.check(principal, scope)

    @staticmethod
    def check(principal: Principal | None, scope: Scope) -> Principal:
        if principal is None:
            raise HttpError(401, TOKEN_REQUIRED)
        if not principal.has(scope):
            raise HttpError(403, f"this token lacks the {scope.value} scope")
        return principal
