"""The ``dvc studio login`` device flow (dvc-studio-client's ``get_access_token``).

1. ``POST /api/device-login`` (no auth) ``{client_name, token_name, scopes}`` answers a
   ``device_code`` (only its hash is stored), a ``user_code`` such as ``BCDF-GHJK``, the
   verification page and the absolute ``token_uri``, both built from the URL the client
   reached (scheme + host), so they work behind any name the client used.
2. The user opens ``GET /auth/device-login?code=USER-CODE``: signed in (a browser session,
   gitstudio/sessions.py) they approve (or deny) as their user, the form carrying the
   session's CSRF token; not signed in, a pending code sends them to
   ``/login?next=...`` and back. A script (or a user without a password, such as the
   built-in admin) may still approve by posting an existing token in the form instead.
   The approver must hold every requested scope (a session holds READ, PROJECTS,
   EXPERIMENTS and MODELS, and ADMIN for a site admin). Either proof travels in the form
   body, so a cross-site form post cannot approve anything.
3. The client polls ``POST /api/device-login/token`` ``{"code"}``: ``400 authorization_pending``
   until approved, then ONCE ``200 {"access_token"}`` minted with the requested scopes for
   the approving user (with the approving token's Git owner, or the signed-in user's name
   and email), then
   ``400 authorization_expired`` (also for unknown, denied and expired codes; the client
   stops cleanly on that answer and would crash on any other 400).

Scopes are the client's ``EXPERIMENTS``/``DATASETS``/``MODELS`` (any case); DATASETS maps to
READ, and the other gitstudio scope names are accepted too. Without ``-s`` a login gets what
Studio grants by default: EXPERIMENTS, MODELS and READ (the DATASETS equivalent).

Nobody can lock others out: pending logins are bounded per client address
(``GITSTUDIO_DEVICE_LOGIN_PENDING_PER_CLIENT``) well below the server's bound, and user codes
a client address tried that named no pending login are counted
(``GITSTUDIO_DEVICE_LOGIN_ATTEMPTS_PER_CLIENT`` per code lifetime): past it that address gets
429 without any lookup, so guessing codes stays hopeless. An IPv6 client counts as its whole
/64, which one client is usually handed.

The audit log (gitstudio/audit_rest.py) records each decision as ``device-login approve`` or
``device-login deny`` with the approver (token or signed-in user) and what the client asked
(the login's id, the client's name, the token's name and scopes; never the approver's pasted
token nor the user code), a refused one
bounded as every REST failure; and each token minted at a poll as ``device-login token``
with the approver and the new token's id, name and scopes (never its secret). Polls that
mint nothing are not recorded (a client polls every few seconds).
"""

from __future__ import annotations

import html
import ipaddress
import logging
import secrets
import time
from collections import deque
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import orjson
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from gitstudio.asgi import Disconnected
from gitstudio.audit_rest import audited, current_call
from gitstudio.pages import HEADERS, page
from gitstudio.rest import HttpError, request_body
from gitstudio.sessions import login_url, policy, signed_in
from gitstudio.settings import Settings
from storage import audit
from storage.errors import has_control
from storage.models import AccessToken, BrowserSession, DeviceCode, User
from storage.sessions import csrf_token
from storage.tokens import (
    Principal,
    Scope,
    authenticate,
    create_token,
    hash_token,
    owner_of,
    projects_of,
)

log = logging.getLogger(__name__)

DEVICE_CODE_TTL = 900  # seconds
DEFAULT_SCOPES = frozenset({Scope.EXPERIMENTS, Scope.MODELS, Scope.READ})
_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"  # no vowels (no words), no look-alike digits
_PENDING, _APPROVED, _CONSUMED, _DENIED = "pending", "approved", "consumed", "denied"


def _json(body: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _error(status: int, detail: str, **extra: Any) -> Response:
    return _json({"detail": detail, **extra}, status)


def _now() -> datetime:
    return datetime.now(UTC)


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _address(request: Request) -> str:
    """The key the per-client bounds count under: the client's address (uvicorn puts a
    trusted proxy's X-Forwarded-For here), an IPv6 address by its /64."""
    return client_key(request.client.host if request.client else "")


def client_key(host: str) -> str:
    """An IPv4 address as it is; an IPv6 address as its /64 network (one host, or one home
    router's customer, is handed a whole /64, so counting single addresses would let one
    client take every pending login); an IPv4-mapped IPv6 address as its IPv4 address."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])  # no zone: one interface's
    except ValueError:
        return host[:64]  # not an IP (a test client, a unix socket): counted as given
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.gitstudio.settings
    return settings


def _limits(request: Request) -> tuple[int, int]:
    """(pending logins, failed code attempts) allowed per client address."""
    settings = _settings(request)
    return settings.device_login_pending_per_client, settings.device_login_attempts_per_client


class Attempts:
    """Failed user-code lookups per client address over the last ``window`` seconds (per
    process; addresses with no recent failure are forgotten)."""

    def __init__(self, window: float = DEVICE_CODE_TTL) -> None:
        self.window = window
        self._failed: dict[str, deque[float]] = {}

    def exhausted(self, address: str, limit: int) -> bool:
        times = self._failed.get(address)
        if times is None:
            return False
        while times and times[0] <= time.monotonic() - self.window:
            times.popleft()
        if not times:
            del self._failed[address]
        return len(times) >= limit

    def failed(self, address: str, limit: int) -> None:
        if len(self._failed) > 10_000:  # forget addresses whose failures all aged out
            for stale in [a for a in self._failed if not self.exhausted(a, limit)]:
                self._failed.pop(stale, None)
        self._failed.setdefault(address, deque(maxlen=max(limit, 1))).append(time.monotonic())


def _attempts(request: Request) -> Attempts:
    state = request.app.state
    found: Attempts | None = getattr(state, "device_login_attempts", None)
    if found is None:
        found = state.device_login_attempts = Attempts()
    return found


def requested_scopes(values: Any) -> frozenset[Scope]:
    """Case-insensitive; DATASETS -> READ; none requested -> :data:`DEFAULT_SCOPES`."""
    if values is None or values == []:
        return DEFAULT_SCOPES
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("scopes must be a list of strings")
    scopes = set()
    for value in values:
        name = value.strip().upper()
        if name == "DATASETS":
            scopes.add(Scope.READ)
            continue
        try:
            scopes.add(Scope(name))
        except ValueError:
            raise ValueError(f"unknown scope {value!r}") from None
    return frozenset(scopes)


def new_user_code() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def normalise_user_code(code: str) -> str:
    chars = "".join(c for c in code.upper() if c.isalnum())
    return f"{chars[:4]}-{chars[4:]}" if len(chars) == 8 else code.strip().upper()


def _expired(row: DeviceCode) -> bool:
    return row.expires_at <= _now()


async def _body(request: Request) -> bytes | None:
    """The body (the one reader of every route), or None past the request-body bound or
    when the client went away."""
    try:
        return await request_body(request, _settings(request).max_request_body_bytes)
    except (HttpError, Disconnected):
        return None


# -- the client side: start and poll ---------------------------------------------------------


async def start(request: Request) -> Response:
    body = await _body(request)
    if body is None:
        limit = _settings(request).max_request_body_bytes
        return _error(413, f"request body exceeds {limit} bytes")
    try:
        doc = orjson.loads(body) if body.strip() else {}
    except orjson.JSONDecodeError:
        return _error(400, "body is not valid JSON")
    if not isinstance(doc, dict):
        return _error(400, "body must be a JSON object")
    client_name = doc.get("client_name") or "client"
    token_name = doc.get("token_name")
    if not isinstance(client_name, str) or not (token_name is None or isinstance(token_name, str)):
        return _error(400, "client_name and token_name must be strings")
    if has_control(client_name) or (token_name is not None and has_control(token_name)):
        return _error(400, "client_name and token_name must not contain control characters")
    try:
        scopes = requested_scopes(doc.get("scopes"))
    except ValueError as exc:
        return _error(400, str(exc))
    now = _now()
    token_name = (token_name or f"{client_name} login {now:%Y-%m-%d %H:%M}")[:100]
    await DeviceCode.filter(expires_at__lt=now - timedelta(days=1)).delete()
    address, (per_client, _) = _address(request), _limits(request)
    pending = DeviceCode.filter(status=_PENDING, expires_at__gt=now)
    if await pending.filter(client_address=address).count() >= per_client:
        return _error(
            429,
            f"this address has {per_client} pending logins (the most allowed); finish or"
            f" let them expire (at most {DEVICE_CODE_TTL // 60} minutes)",
        )
    if await pending.count() >= _settings(request).device_login_pending_max:
        return _error(429, "too many pending logins; try again later")
    device_code = secrets.token_urlsafe(32)
    for _attempt in range(10):
        user_code = new_user_code()
        try:
            await DeviceCode.create(
                device_code_hash=hash_token(device_code),
                user_code=user_code,
                client_name=client_name[:100],
                token_name=token_name,
                scopes=orjson.dumps(sorted(scopes)).decode(),
                expires_at=now + timedelta(seconds=DEVICE_CODE_TTL),
                client_address=address,
            )
            break
        except IntegrityError:  # user code already taken: draw another
            continue
    else:
        return _error(503, "could not allocate a user code")
    base = _base(request)
    return _json(
        {
            "device_code": device_code,
            "user_code": user_code,
            "verification_uri": f"{base}/auth/device-login",
            "token_uri": f"{base}/api/device-login/token",
            "token_name": token_name,
            "expires_in": DEVICE_CODE_TTL,
        }
    )


async def poll(request: Request) -> Response:
    body = await _body(request)
    try:
        doc = orjson.loads(body) if body else None
    except orjson.JSONDecodeError:
        doc = None
    code = doc.get("code") if isinstance(doc, dict) else None
    if not isinstance(code, str) or not code:
        return _error(400, "authorization_expired", reason="no device code sent")
    row = await DeviceCode.get_or_none(device_code_hash=hash_token(code))
    if row is None:
        return _error(400, "authorization_expired", reason="unknown device code")
    if row.status in (_CONSUMED, _DENIED):
        return _error(400, "authorization_expired", reason=row.status)
    if _expired(row):
        return _error(400, "authorization_expired", reason="expired")
    if row.status == _PENDING:
        return _error(400, "authorization_pending")
    async with in_transaction():
        claimed = await DeviceCode.filter(id=row.id, status=_APPROVED).update(status=_CONSUMED)
        if claimed != 1:  # a concurrent poll took it
            return _error(400, "authorization_expired", reason=_CONSUMED)
        scopes = frozenset(Scope(s) for s in orjson.loads(row.scopes))
        approval = await _approval(row.approved_by or 0)
        if isinstance(approval, str):
            return _error(400, "authorization_expired", reason=approval)
        user_id, owner, projects = approval
        token_row, token = await create_token(row.token_name, scopes, owner, user_id, projects)
    log.info("device login: minted token %r for %s", row.token_name, row.client_name)
    await _record_mint(request, row, token_row)
    return _json({"access_token": token})


async def _record_mint(request: Request, row: DeviceCode, minted: AccessToken) -> None:
    """The audit log's row of a token minted by a device login: by its approver (the
    approving token, or the signed-in user), naming the new token by id, never its secret."""
    user = await User.get_or_none(id=minted.user_id) if minted.user_id else None
    approved_by = row.approved_by or 0
    principal = Principal(
        max(approved_by, 0),
        "device login",
        frozenset(),
        user_id=minted.user_id,
        user_name=user.name if user is not None else None,
    )
    arguments = {
        "login": row.id,
        "client_name": row.client_name,
        "name": row.token_name,
        "scopes": orjson.loads(row.scopes),
        "id": minted.id,
    }
    await audit.record_quietly(principal, "device-login token", None, arguments, "OK")


Approval = tuple[int, tuple[str, str] | None, frozenset[int] | None]


async def _approval(approved_by: int) -> Approval | str:
    """The user a device login's token is minted for, its Git owner and the projects it is
    restricted to (an approving token's restriction passes on), or why none is:
    ``approved_by`` is the approving token's id, or a session's id negated. Revoking the
    token, ending the session or disabling the user withdraws the approval."""
    if approved_by < 0:  # a signed-in browser: the user's own name and email
        session = await BrowserSession.get_or_none(id=-approved_by)
        user = await User.get_or_none(id=session.user_id) if session is not None else None
        if session is None or session.expires_at <= _now() or user is None or user.disabled_at:
            return "approval withdrawn"
        return user.id, (user.name, user.email) if user.email else None, None
    approver = await AccessToken.get_or_none(id=approved_by) if approved_by else None
    if approver is None or approver.user_id is None:  # every token has a user since 0013
        return "no approving token"
    approving_user = await User.get_or_none(id=approver.user_id)
    if approver.revoked_at is not None or approving_user is None or approving_user.disabled_at:
        return "approval withdrawn"
    # The new token is the approver's user's, with its owner (the Git author).
    return approver.user_id, owner_of(approver), projects_of(approver)


# -- the user side: the verification page --------------------------------------------------------


def _form(
    code: str,
    row: DeviceCode | None,
    message: str = "",
    session: tuple[Principal, str] | None = None,
) -> str:
    about = ""
    if row is not None:
        scopes = ", ".join(orjson.loads(row.scopes))
        about = (
            f"<p><b>{html.escape(row.client_name)}</b> asks for a token named "
            f"<code>{html.escape(row.token_name)}</code> with the scopes "
            f"<code>{html.escape(scopes)}</code>.</p>"
        )
    notice = f"<p><b>{html.escape(message)}</b></p>" if message else ""
    if session is not None:
        principal, secret = session
        return (
            f"{notice}{about}"
            f"<p>Signed in as <b>{html.escape(principal.user_name or '')}</b>: the token"
            " will be yours.</p>"
            '<form method="post">'
            f'<input type="hidden" name="csrf_token" value="{csrf_token(secret)}">'
            '<label for="user_code">Code shown by your client</label>'
            f'<input id="user_code" name="user_code" value="{html.escape(code)}" required '
            'autocomplete="off">'
            '<button name="action" value="approve" type="submit">Approve</button>'
            '<button name="action" value="deny" type="submit">Deny</button></form>'
        )
    return (
        f"{notice}{about}"
        '<form method="post">'  # to this page's own URL (any mount prefix)
        '<label for="user_code">Code shown by your client</label>'
        f'<input id="user_code" name="user_code" value="{html.escape(code)}" required '
        'autocomplete="off">'
        '<label for="token">An access token of yours that holds these scopes (or ADMIN)</label>'
        '<input id="token" name="token" type="password" required autocomplete="off">'
        '<button name="action" value="approve" type="submit">Approve</button>'
        '<button name="action" value="deny" type="submit">Deny</button></form>'
        '<p class="note">Create a token with <code>gitstudio token create --name me '
        "--scope ADMIN</code> or the <code>createAccessToken</code> mutation.</p>"
    )


async def _pending(code: str) -> DeviceCode | None:
    row = await DeviceCode.get_or_none(user_code=normalise_user_code(code)) if code else None
    if row is None or row.status != _PENDING or _expired(row):
        return None
    return row


async def _looked_up(request: Request, code: str) -> DeviceCode | Response | None:
    """The pending login of ``code``, None if there is none (a failed attempt of this
    address), or the 429 page once this address has failed too often."""
    if not code:
        return None
    attempts, address, (_, limit) = _attempts(request), _address(request), _limits(request)
    if attempts.exhausted(address, limit):
        minutes = DEVICE_CODE_TTL // 60
        message = f"Too many unknown codes from your address; try again in {minutes} minutes."
        return page("Approve a device login", f"<p><b>{html.escape(message)}</b></p>", 429)
    row = await _pending(code)
    if row is None:
        attempts.failed(address, limit)
    return row


async def verification_page(request: Request) -> Response:
    code = request.query_params.get("code", "")[:32]
    row = await _looked_up(request, code)
    if isinstance(row, Response):
        return row
    session = await signed_in(request)
    if row is not None and session is None:  # approving needs a signed-in user
        here = f"{request.url.path}?code={row.user_code}"
        return RedirectResponse(login_url(here), status_code=303, headers=HEADERS)
    message = "" if row or not code else "This code is unknown, used or expired."
    return page("Approve a device login", _form(code, row, message, session))


async def decide(request: Request) -> Response:
    body = await _body(request)
    if body is None:
        return page("Request too large", "", 413)
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v}
    code, token, action = form.get("user_code", ""), form.get("token", ""), form.get("action")
    call = current_call()
    if action in ("approve", "deny"):
        call.operation = f"device-login {action}"
    # Never the pasted token, nor a user code (it approves a pending login): its row's id.
    row = await _looked_up(request, code[:32])
    if isinstance(row, Response):
        return row
    session = None if token.strip() else await signed_in(request)
    if session is not None:
        call.principal = session[0]
    if row is None:
        message = "This code is unknown, used or expired."
        call.result = "NOT_FOUND"
        return page("Approve a device login", _form(code, None, message, session), 400)
    call.arguments = {"login": row.id, "client_name": row.client_name,
                      "name": row.token_name, "scopes": orjson.loads(row.scopes)}  # fmt: skip
    approver = await _approver(request, token, form.get("csrf_token"), session)
    if isinstance(approver, str):
        status = 403 if approver.startswith("This page") else 401
        call.result = "CSRF_FAILED" if status == 403 else "UNAUTHENTICATED"
        return page("Approve a device login", _form(code, row, approver, session), status)
    principal = call.principal = approver
    if action == "deny":
        await DeviceCode.filter(id=row.id, status=_PENDING).update(status=_DENIED)
        return page("Login denied", "<p>The client will be told the code has expired.</p>")
    if action != "approve":
        message = "Choose Approve or Deny."
        return page("Approve a device login", _form(code, row, message, session), 400)
    wanted = [Scope(s) for s in orjson.loads(row.scopes)]
    missing = [s.value for s in wanted if not principal.has(s)]
    if missing:
        who = "Your user" if session is not None else "That token"
        message = f"{who} lacks the scopes {', '.join(missing)}."
        return page("Approve a device login", _form(code, row, message, session), 403)
    # A token's id, or the session's id negated (storage.sessions): see _approval.
    await DeviceCode.filter(id=row.id, status=_PENDING).update(
        status=_APPROVED, approved_by=principal.token_id
    )
    log.info("device login %s approved by %r", row.user_code, principal.user_name)
    return page(
        "Login approved",
        f"<p>{html.escape(row.client_name)} receives its token on its next poll "
        "(within a few seconds). You can close this page.</p>",
    )


async def _approver(
    request: Request, token: str, sent_csrf: str | None, session: tuple[Principal, str] | None
) -> Principal | str:
    """Who approves: the pasted token's principal, else the signed-in user's if the form
    carries the session's CSRF token from this server's own page; else why not."""
    if token.strip():
        caches = request.app.state.gitstudio.caches
        principal = await authenticate(token.strip(), caches.tokens, caches.token_uses)
        return principal if principal is not None else "That token is not valid."
    if session is None:
        return "Sign in first, or give a token."
    try:
        policy(request).check_csrf(request.headers.get, session[1], sent_csrf)
    except HttpError:
        return "This page was not sent by this server: open it again and approve there."
    return session[0]


def device_login_routes() -> list[BaseRoute]:
    return [
        Route("/api/device-login", start, methods=["POST"]),
        Route("/api/device-login/token", poll, methods=["POST"]),
        Route("/auth/device-login", verification_page, methods=["GET"]),
        Route(
            "/auth/device-login",
            audited("POST /auth/device-login", decide),
            methods=["POST"],
        ),
    ]
