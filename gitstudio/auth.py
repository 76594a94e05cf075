"""The caller's token: ``Authorization: token X`` (Studio's form) or ``Bearer X``, checked by
the app's one :class:`TokenGate` (``state.gate``) on every token-authenticated route,
through the app's cache of principals by token hash (``state.caches.tokens``), so the
database stays off the hot path; a token revoked by another process keeps working here for
at most ``storage.tokens.CACHE_TTL`` seconds.

Without an Authorization header, the ``gitstudio_session`` cookie of a signed-in browser
(storage.sessions) authenticates as its user, given the app's :class:`SessionPolicy`. A
cookie is sent by the browser whoever's page made the request, so every request with a
method other than GET/HEAD/OPTIONS authenticated by it must prove it comes from this
server's own pages: the ``X-CSRF-Token`` header equal to the session's CSRF token
(``GET /api/session``), and, when the browser says where the request comes from
(``Origin``, ``Sec-Fetch-Site``), this server's own origin. Otherwise 403 ``CSRF_FAILED``.
A token in the Authorization header needs neither: a page of another site cannot make a
browser send one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request, cookie_parser

from gitstudio.rest import HttpError
from storage.sessions import csrf_matches, session_principal
from storage.tokens import Principal, Scope, TokenCache, TokenUses, authenticate

TOKEN_REQUIRED = "a valid access token is required: send 'Authorization: token <TOKEN>'"  # noqa: S105 (a message)
SESSION_COOKIE = "gitstudio_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FAILED = "CSRF_FAILED"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

Header = Callable[[str], str | None]  # a request header by lower-case name


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    """How the app takes session cookies: the idle bound (GITSTUDIO_SESSION_IDLE_SECONDS)
    and this server's own origin (``scheme://host[:port]`` of GITSTUDIO_PUBLIC_URL; else the
    Host each request names)."""

    idle: float = 0.0
    public_origin: str | None = None

    @classmethod
    def build(cls, idle: float, public_url: str) -> SessionPolicy:
        parts = urlsplit(public_url.strip().lower()) if public_url.strip() else None
        origin = f"{parts.scheme}://{parts.netloc}" if parts and parts.netloc else None
        return cls(idle, origin)

    def same_origin(self, header: Header, required: bool = False) -> bool:
        """Whether the browser says the request comes from this server's own pages (or
        says nothing, unless ``required``): ``Sec-Fetch-Site`` same-origin, ``Origin`` this
        server's (GITSTUDIO_PUBLIC_URL's, or the host the request was sent to)."""
        site = header("sec-fetch-site")
        if site is not None and site.lower() != "same-origin":
            return False
        origin = header("origin")
        if origin is None:
            return not required
        origin = origin.strip().lower()
        if self.public_origin is not None and origin == self.public_origin:
            return True
        host = (header("host") or "").strip().lower()
        scheme, _, netloc = origin.partition("://")
        return scheme in ("http", "https") and bool(host) and netloc == host

    def check_csrf(self, header: Header, secret: str, sent: str | None = None) -> None:
        """403 CSRF_FAILED unless the request proves it comes from this server's pages:
        ``sent`` (a form field) or the X-CSRF-Token header is the session's CSRF token,
        and the browser names no other origin."""
        if not csrf_matches(secret, sent or header(CSRF_HEADER)):
            raise HttpError(
                403,
                "a request signed in by the session cookie needs the X-CSRF-Token header"
                " (GET /api/session gives it)",
                CSRF_FAILED,
            )
        if not self.same_origin(header):
            raise HttpError(
                403, "a cross-origin request cannot use the session cookie", CSRF_FAILED
            )


def session_secret(cookie: str | None) -> str | None:
    """The session secret of a Cookie header, if it holds one."""
    if not cookie or SESSION_COOKIE not in cookie:
        return None
    return cookie_parser(cookie).get(SESSION_COOKIE) or None


async def principal_from_session(
    header: Header,
    cache: TokenCache,
    sessions: SessionPolicy,
    method: str = "POST",
) -> Principal | None:
    """The user of the session cookie, if any; for a method other than GET/HEAD/OPTIONS
    only with the CSRF proof (:meth:`SessionPolicy.check_csrf`, else HttpError 403)."""
    secret = session_secret(header("cookie"))
    if secret is None:
        return None
    principal = await session_principal(secret, cache, sessions.idle)
    if principal is not None and method.upper() not in SAFE_METHODS:
        sessions.check_csrf(header, secret)
    return principal


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
