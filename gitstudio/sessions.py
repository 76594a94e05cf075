"""Signing in with a browser: ``/login``, ``/logout`` and ``/api/session``.

``GET /login`` is a plain HTML form (no script, no outside asset). ``POST /login`` takes
``name`` and ``password`` as a form or as JSON; a right password of an enabled user starts
a session (storage.sessions) and sets the ``gitstudio_session`` cookie: HttpOnly (no script
reads it), SameSite=Lax (other sites' forms and fetches do not carry it), Path=/, Secure
when the server is reached over https (GITSTUDIO_PUBLIC_URL, the request's scheme, which
uvicorn takes from a trusted proxy's X-Forwarded-Proto, or X-Forwarded-Proto itself). A
form is then redirected (303) to ``next``, only when that is a path of this server (else
to ``/login``, which says who is signed in): an open redirect would lend this server's name
to phishing. JSON gets ``{"user", "admin", "csrf_token", "expires_at"}``.

A wrong password, an unknown or disabled user: the same 401 ``INVALID_CREDENTIALS``, after
the same Argon2id verification (against a dummy hash when there is no hash to check), so
neither the answer nor its time tells which. Failures are counted per user name and per
client address (storage.sessions.Throttle); past the bound, 429 ``LOGIN_THROTTLED`` with
Retry-After, before any password is checked. A login posted by another site's page
(Origin or Sec-Fetch-Site says so) is refused (403 ``CSRF_FAILED``): it would sign the
victim in as the attacker.

The session cookie signs in on every route (gitstudio.auth.principal_from, websockets):
a cookie is sent by the browser whoever's page made the request, so every request with a
method other than GET/HEAD/OPTIONS authenticated by it must prove it comes from this
server's own pages: the ``X-CSRF-Token`` header (or a ``csrf_token`` form field) equal to
the session's CSRF token, and, when the browser says where the request comes from
(``Origin``, ``Sec-Fetch-Site``), this server's own origin. Otherwise 403 ``CSRF_FAILED``.
A token in the Authorization header needs neither: no page of another site can make a
browser send one.

``POST /logout`` deletes the session and clears the cookie; it needs the CSRF token
(``X-CSRF-Token`` or a ``csrf_token`` form field). ``GET /api/session`` answers the
signed-in user and the CSRF token a page sends with every write.

The audit log (gitstudio/audit_rest.py) records every sign-in as ``POST /login`` with the
name tried (never the password): OK with its user, or INVALID_CREDENTIALS without a user,
each one (the throttle bounds them); a throttled attempt (LOGIN_THROTTLED) or another refusal
at most once a minute per client address, as every REST failure. A logout that ended a
session is recorded with its user.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import orjson
from starlette.requests import Request, cookie_parser
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from gitstudio.asgi import Disconnected
from gitstudio.audit_rest import audited, current_call, user_principal
from gitstudio.pages import page
from gitstudio.rest import HttpError, error, json_response, request_body
from gitstudio.settings import Settings
from storage.models import BrowserSession, User
from storage.passwords import hash_password, needs_rehash, verify_password
from storage.sessions import (
    Throttle,
    create_session,
    csrf_matches,
    csrf_token,
    end_session,
    session_principal,
)
from storage.tokens import Principal, TokenCache, hash_token
from storage.users import user_by_name

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


LOGIN = "/login"
INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
LOGIN_THROTTLED = "LOGIN_THROTTLED"
_WRONG = "wrong user name or password"
_MAX_NEXT = 2000
_MAX_FIELDS = 20  # a login posts three


def safe_next(value: str | None) -> str:
    """``value`` when it is a path of this server (``/...``, no scheme, no host, no ``//``
    or backslash a browser would read as another host, no control character); else
    ``/login``."""
    if not value or len(value) > _MAX_NEXT or not value.startswith("/"):
        return LOGIN
    if (
        value.startswith("//")
        or "\\" in value
        or any(ord(c) < 0x21 or ord(c) == 0x7F for c in value)
    ):
        return LOGIN
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return LOGIN
    return value


def login_url(next_path: str) -> str:
    """Where to send a visitor who must sign in first, back to ``next_path`` after."""
    return f"{LOGIN}?next={quote(next_path, safe='/')}"


def policy(request: Request) -> SessionPolicy:
    found: SessionPolicy = request.app.state.gitstudio.sessions
    return found


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.gitstudio.settings
    return settings


def _cache(request: Request) -> TokenCache:
    cache: TokenCache = request.app.state.gitstudio.caches.tokens
    return cache


def _header(request: Request) -> Any:
    return request.headers.get


async def signed_in(request: Request) -> tuple[Principal, str] | None:
    """The principal of the request's session cookie and its secret, without a CSRF check
    (reads; a write checks :meth:`SessionPolicy.check_csrf` itself)."""
    secret = session_secret(request.headers.get("cookie"))
    if secret is None:
        return None
    principal = await session_principal(secret, _cache(request), policy(request).idle)
    return (principal, secret) if principal is not None else None


def secure(request: Request) -> bool:
    """Whether the cookie gets Secure: the server is reached over https."""
    if _settings(request).public_url.strip().lower().startswith("https://"):
        return True
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme in ("https", "wss") or forwarded == "https"


def _set_cookie(response: Response, request: Request, value: str, max_age: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=max_age,
        path="/",
        secure=secure(request),
        httponly=True,
        samesite="lax",
    )


def _wants_json(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip() == "application/json"


async def _fields(request: Request) -> dict[str, Any]:
    """The posted fields, from JSON or a urlencoded form (HttpError 400/413)."""
    try:
        body = await request_body(request, _settings(request).max_request_body_bytes)
    except Disconnected:
        raise HttpError(400, "the client went away") from None
    if _wants_json(request):
        try:
            doc = orjson.loads(body) if body.strip() else {}
        except orjson.JSONDecodeError:
            raise HttpError(400, "body is not valid JSON") from None
        if not isinstance(doc, dict):
            raise HttpError(400, "body must be a JSON object")
        return doc
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=_MAX_FIELDS)
    except ValueError:
        raise HttpError(400, f"more than {_MAX_FIELDS} form fields") from None
    return {k: v[0] for k, v in fields.items() if v}


# -- the pages -----------------------------------------------------------------------------------


def _login_form(next_path: str, name: str = "", message: str = "") -> str:
    notice = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return (
        f'{notice}<form method="post" action="{LOGIN}">'
        f'<input type="hidden" name="next" value="{html.escape(next_path)}">'
        '<label for="name">User name</label>'
        f'<input id="name" name="name" value="{html.escape(name)}" required '
        'autocomplete="username" autocapitalize="none" maxlength="100">'
        '<label for="password">Password</label>'
        '<input id="password" name="password" type="password" required '
        'autocomplete="current-password">'
        '<button type="submit">Sign in</button></form>'
    )


def logout_form(secret: str) -> str:
    return (
        '<form method="post" action="/logout">'
        f'<input type="hidden" name="csrf_token" value="{csrf_token(secret)}">'
        '<button type="submit">Sign out</button></form>'
    )


async def login_page(request: Request) -> Response:
    next_path = safe_next(request.query_params.get("next"))
    current = await signed_in(request)
    if current is not None:
        principal, secret = current
        who = html.escape(principal.user_name or "")
        return page("Signed in", f"<p>You are signed in as <b>{who}</b>.</p>{logout_form(secret)}")
    return page("Sign in", _login_form(next_path) + _single_sign_on(request, next_path))


def _single_sign_on(request: Request, next_path: str) -> str:
    """A link to OIDC sign-in (gitstudio/oidc.py) when a provider is configured."""
    if not _settings(request).oidc_issuer:
        return ""
    target = f"/login/oidc?next={quote(next_path, safe='/')}"
    return f'<p><a href="{html.escape(target)}">Sign in with single sign-on</a></p>'


async def login(request: Request) -> Response:
    try:
        return await _login(request)
    except HttpError as exc:
        current_call().result = exc.code
        if _wants_json(request):
            return error(exc.status, exc.detail, exc.code)
        return page("Sign in", f'<p class="error">{html.escape(exc.detail)}</p>', exc.status)


async def _login(request: Request) -> Response:
    as_json = _wants_json(request)
    if not policy(request).same_origin(_header(request)):
        raise HttpError(403, "a login form of another site cannot sign in here", CSRF_FAILED)
    fields = await _fields(request)
    name, password = fields.get("name"), fields.get("password")
    next_path = safe_next(fields.get("next") or request.query_params.get("next"))
    if not isinstance(name, str) or not isinstance(password, str) or not name or not password:
        raise HttpError(400, "give a user name and a password")
    name = name.strip()[:200]
    call = current_call()
    call.arguments = {"name": name}
    attempt = await _throttle(request).attempt(name, _client(request))
    if attempt.retry_after:
        call.result = LOGIN_THROTTLED
        return _throttled(as_json, next_path, name, attempt.retry_after)
    user = await user_by_name(name)
    usable = user is not None and user.disabled_at is None
    stored = user.password_hash if user is not None and usable else None
    # No user, a disabled one or one without a password: a dummy hash is verified, in
    # the same time, and fails (the attempt stays noted as a failure).
    if user is None or not await verify_password(stored, password):
        call.result, call.every = INVALID_CREDENTIALS, True  # bounded by the throttle
        if as_json:
            return error(401, _WRONG, INVALID_CREDENTIALS)
        return page("Sign in", _login_form(next_path, name, "Wrong user name or password."), 401)
    await attempt.succeeded()
    call.principal = user_principal(user.id, user.name)
    if stored is not None and needs_rehash(stored):
        await User.filter(id=user.id).update(password_hash=await hash_password(password))
    row, secret = await new_session(request, user)
    response: Response
    if as_json:
        response = json_response(_describe(user, secret, row.expires_at))
    else:
        response = RedirectResponse(
            next_path, status_code=303, headers={"Cache-Control": "no-store"}
        )
    set_session_cookie(response, request, secret)
    return response


async def new_session(request: Request, user: User) -> tuple[BrowserSession, str]:
    """A new session of ``user`` for this browser, its row and secret (POST /login, OIDC
    sign-in: gitstudio/oidc.py): the session the request's cookie names ends first, so no
    secret planted before a sign-in survives it."""
    old = session_secret(request.headers.get("cookie"))
    if old is not None:
        await end_session(old, _cache(request))
    return await create_session(user.id, _settings(request).session_ttl_seconds)


def set_session_cookie(response: Response, request: Request, secret: str) -> None:
    """The session cookie of ``secret`` on ``response``, for GITSTUDIO_SESSION_TTL_SECONDS."""
    _set_cookie(response, request, secret, int(_settings(request).session_ttl_seconds))


def _throttle(request: Request) -> Throttle:
    settings = _settings(request)
    return Throttle(
        settings.login_max_failures,
        settings.login_max_failures_per_client,
        settings.login_window_seconds,
    )


def _client(request: Request) -> str:
    # Imported here: device_login imports this module.
    from gitstudio.device_login import client_key

    return client_key(request.client.host if request.client else "")


def _throttled(as_json: bool, next_path: str, name: str, wait: int) -> Response:
    detail = f"too many failed logins; try again in {wait} seconds"
    response: Response
    if as_json:
        response = error(429, detail, LOGIN_THROTTLED, retry_after=wait)
    else:
        response = page("Sign in", _login_form(next_path, name, detail.capitalize() + "."), 429)
    response.headers["Retry-After"] = str(wait)
    return response


def _describe(user: User, secret: str, expires_at: datetime) -> dict[str, Any]:
    return {
        "user": user.name,
        "admin": user.admin,
        "csrf_token": csrf_token(secret),
        "expires_at": expires_at.isoformat(),
    }


async def logout(request: Request) -> Response:
    as_json = _wants_json(request) or "text/html" not in request.headers.get("accept", "")
    secret = session_secret(request.headers.get("cookie"))
    call = current_call()
    call.skip = True  # nothing to record without a session
    if secret is not None:
        current = await signed_in(request)
        if current is not None:
            call.principal, call.skip = current[0], False
        try:
            fields = {} if _wants_json(request) else await _fields(request)
            sent = fields.get("csrf_token")
            policy(request).check_csrf(
                _header(request), secret, sent if isinstance(sent, str) else None
            )
        except HttpError as exc:
            call.result = exc.code
            if as_json:
                return error(exc.status, exc.detail, exc.code)
            return page("Sign out", f'<p class="error">{html.escape(exc.detail)}</p>', exc.status)
        await end_session(secret, _cache(request))
    response: Response = (
        Response(status_code=204) if as_json else RedirectResponse(LOGIN, status_code=303)
    )
    _set_cookie(response, request, "", 0)
    return response


async def current_session(request: Request) -> Response:
    current = await signed_in(request)
    row = (
        await BrowserSession.get_or_none(secret_hash=hash_token(current[1]))
        if current is not None
        else None
    )
    if current is None or row is None:
        return error(401, "not signed in: POST /login first", "UNAUTHENTICATED")
    principal, secret = current
    return json_response(
        {
            "user": principal.user_name,
            "admin": principal.admin,
            "csrf_token": csrf_token(secret),
            "expires_at": row.expires_at.isoformat(),
        },
        headers={"Cache-Control": "no-store"},
    )


def session_routes() -> list[BaseRoute]:
    return [
        Route(LOGIN, login_page, methods=["GET"]),
        Route(LOGIN, audited("POST /login", login), methods=["POST"]),
        Route("/logout", audited("POST /logout", logout), methods=["POST"]),
        Route("/api/session", current_session, methods=["GET"]),
    ]
