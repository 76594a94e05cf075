"""Browser sessions: a signed-in user's cookie, and the throttle in front of ``POST /login``.

A session's secret is 256 random bits, in the ``gitstudio_session`` cookie only; the
``sessions`` row keeps its SHA-256 (as tokens keep theirs: a fast hash is right for a
random secret, and a leaked database signs nobody in). The CSRF token is
HMAC-SHA256(secret, "gitstudio csrf"): derived, not stored, so it needs no column, dies
with the session, and cannot be computed from the database; a page reads it from
``GET /api/session`` and sends it back in ``X-CSRF-Token``.

A session is its user's principal with the scopes READ, PROJECTS, EXPERIMENTS and MODELS,
and ADMIN too for a site admin: a person in a browser does what their user may (roles on
teams and projects decide the rest, as for tokens). Its ``token_id`` is the session's id
negated: never a token's (those are positive), unique per session, so what is keyed by
token id (clientMutationId replays, websockets per token) is kept apart per session.

A session ends at ``expires_at`` (GITSTUDIO_SESSION_TTL_SECONDS after login, however
active), after GITSTUDIO_SESSION_IDLE_SECONDS without a request (``last_seen_at``, written
at most once a minute), at logout (the row deleted) or when its user is disabled.
Principals are cached by the app's token cache (5 s), so a logout in another process
takes that long to reach this one; a logout here is seen here at once.

Failed logins are rows of ``login_failures``, one per key they count against (the folded
user name, the client address): in the database, so several instances throttle as one. A
key with as many failures as allowed within the window refuses logins, a right password
too, until its oldest failure leaves the window. An attempt is noted before its password is
checked (and withdrawn if it succeeds or is throttled), so a burst of parallel guesses gets
no more checks than the bound.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from storage import db
from storage.caches import MISS
from storage.models import BrowserSession, LoginFailure, MutationRecord
from storage.roles import Role
from storage.tokens import Principal, Scope, TokenCache, hash_token

log = logging.getLogger(__name__)

# What a session may do, besides what its user's roles allow; a site admin's adds ADMIN.
SESSION_SCOPES = frozenset({Scope.READ, Scope.PROJECTS, Scope.EXPERIMENTS, Scope.MODELS})
# last_seen_at is written at most this often per session (the idle bound is in days).
SEEN_EVERY = timedelta(seconds=60)
_CSRF_CONTEXT = b"gitstudio csrf"
_CACHE_PREFIX = "session:"  # the token cache's keys for sessions (tokens: a bare digest)
MAX_SECRET_CHARS = 100  # a secret is 43 characters; anything far longer is not one


def now() -> datetime:
    return datetime.now(UTC)


def csrf_token(secret: str) -> str:
    """The CSRF token of the session whose secret is ``secret``."""
    return hmac.new(secret.encode(), _CSRF_CONTEXT, hashlib.sha256).hexdigest()


def csrf_matches(secret: str, sent: str | None) -> bool:
    """Whether ``sent`` is the session's CSRF token (compared in constant time)."""
    return bool(sent) and hmac.compare_digest(csrf_token(secret), sent or "")


def is_session(principal: Principal) -> bool:
    return principal.token_id < 0


async def create_session(
    user_id: int, ttl: float, at: datetime | None = None
) -> tuple[BrowserSession, str]:
    """A new session of ``user_id`` ending ``ttl`` seconds from ``at``; the row and the only
    copy of its secret. Sessions that ended are deleted on the way (the table stays the
    size of the live sessions)."""
    at = at or now()
    await BrowserSession.filter(expires_at__lt=at).delete()
    secret = secrets.token_urlsafe(32)
    row = await BrowserSession.create(
        secret_hash=hash_token(secret),
        user_id=user_id,
        created_at=at,
        expires_at=at + timedelta(seconds=ttl),
        last_seen_at=at,
    )
    return row, secret


async def end_session(secret: str, cache: TokenCache | None = None) -> bool:
    """Delete the session of ``secret`` (logout), with the clientMutationId results it
    kept (a createAccessToken's sealed secret must not outlive it); whether there was one."""
    row = await BrowserSession.get_or_none(secret_hash=hash_token(secret))
    if row is not None:
        await BrowserSession.filter(id=row.id).delete()
        await MutationRecord.filter(token_id=-row.id).delete()
    if cache is not None:  # after the delete: a request meanwhile cannot cache it again
        cache.discard(_CACHE_PREFIX + hash_token(secret))
    return row is not None


async def session_principal(
    secret: str,
    cache: TokenCache | None = None,
    idle: float = 0.0,
    at: datetime | None = None,
) -> Principal | None:
    """The principal of a live session of an enabled user, else None: ``cache`` first."""
    if not secret or len(secret) > MAX_SECRET_CHARS:
        return None
    key = _CACHE_PREFIX + hash_token(secret)
    if cache is not None:
        cached = cache.get(key)
        if cached is not MISS:
            return cached
    principal = await _lookup(hash_token(secret), idle, at or now())
    if cache is not None:
        cache.put(key, principal)
    return principal


async def _lookup(digest: str, idle: float, at: datetime) -> Principal | None:
    row = await BrowserSession.get_or_none(secret_hash=digest, expires_at__gt=at)
    if row is None or (idle > 0 and row.last_seen_at <= at - timedelta(seconds=idle)):
        return None
    # One row per team of the user (one, with no team, for a user in none).
    rows = await db.fetch(
        "SELECT u.name, u.email, u.admin, m.team_id, m.role FROM users u"
        " LEFT JOIN team_members m ON m.user_id = u.id"
        " WHERE u.id = ? AND u.disabled_at IS NULL",
        [row.user_id],
    )
    if not rows:
        return None
    if row.last_seen_at < at - SEEN_EVERY:
        await _seen(row.id, at)
    first = rows[0]
    teams = sorted(
        (m["team_id"], Role[m["role"]])
        for m in rows
        if m["team_id"] is not None and m["role"] in Role.__members__
    )
    admin = bool(first["admin"])
    return Principal(
        -row.id,
        first["name"],
        SESSION_SCOPES | {Scope.ADMIN} if admin else SESSION_SCOPES,
        (first["name"], first["email"]) if first["email"] else None,
        row.user_id,
        first["name"],
        admin,
        tuple(teams),
    )


async def _seen(session_id: int, at: datetime) -> None:
    """Note a use (the idle bound); a failure only logs: the request goes on."""
    try:
        await BrowserSession.filter(id=session_id, last_seen_at__lt=at - SEEN_EVERY).update(
            last_seen_at=at
        )
    except Exception:
        log.warning("could not note the use of session %d", session_id, exc_info=True)


# -- login throttling ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Throttle:
    """At most ``per_name`` failed logins per user name and ``per_client`` per client
    address within ``window`` seconds (GITSTUDIO_LOGIN_*)."""

    per_name: int
    per_client: int
    window: float

    def keys(self, name: str, client: str) -> list[tuple[str, int]]:
        return [
            (f"name:{name.lower()[:100]}", self.per_name),
            (f"client:{client[:64]}", self.per_client),
        ]

    async def attempt(self, name: str, client: str, at: datetime | None = None) -> Attempt:
        """Note a login as failed under both keys before its password is checked, so that
        attempts running at once count each other (checked first and noted after, a burst
        of parallel guesses would all pass while the first were still hashing); then the
        seconds to wait. A throttled attempt is withdrawn (it checked nothing); a
        successful one is :meth:`Attempt.succeeded`."""
        at = at or now()
        since = at - timedelta(seconds=self.window)
        await LoginFailure.filter(failed_at__lt=since).delete()
        keys = self.keys(name, client)
        ids = [(await LoginFailure.create(key=key, failed_at=at)).id for key, _limit in keys]
        wait = 0.0
        for (key, limit), own in zip(keys, ids, strict=True):
            # The ``limit`` failures noted before this one: all of them in the window hold
            # the key shut until the oldest of them leaves it.
            limit = max(limit, 1)
            latest = await (
                LoginFailure.filter(key=key, failed_at__gt=since, id__lt=own)
                .order_by("-id")
                .limit(limit)
                .values_list("failed_at", flat=True)
            )
            if len(latest) >= limit:
                oldest: datetime = min(latest)  # type: ignore[assignment]
                wait = max(wait, (oldest - since).total_seconds(), 1.0)
        attempt = Attempt(keys[0][0], ids, math.ceil(wait))
        if attempt.retry_after:
            await LoginFailure.filter(id__in=ids).delete()
        return attempt


@dataclass(frozen=True, slots=True)
class Attempt:
    """A login under way: its failure rows (``ids``), and the seconds to wait when it was
    throttled (0: go on, check the password)."""

    name_key: str
    ids: list[int]
    retry_after: int

    async def succeeded(self) -> None:
        """A right password: not a failure, and it clears the name's failures (the
        address keeps its own)."""
        await LoginFailure.filter(Q(id__in=self.ids) | Q(key=self.name_key)).delete()
