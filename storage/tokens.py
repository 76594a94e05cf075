"""Access tokens: minted once, stored as a SHA-256 hash, checked by hash lookup.

Tokens carry 288 bits of randomness, so a fast unsalted hash is the right tool (as for API
keys at GitHub or Stripe): a leaked database does not reveal usable tokens, and the check is a
single indexed lookup.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import orjson
from tortoise.expressions import Q

from storage import db
from storage.caches import ACCESS, MISS, BoundedCache, Family
from storage.errors import DomainError, check_text, encodes
from storage.models import AccessToken
from storage.periodic import Periodic
from storage.roles import Role
from storage.users import BUILTIN_ADMIN, builtin_admin_id

log = logging.getLogger(__name__)

TOKEN_PREFIX = "dsat_"  # noqa: S105 (a prefix, not a secret)


class Scope(StrEnum):
    READ = "READ"
    PROJECTS = "PROJECTS"
    EXPERIMENTS = "EXPERIMENTS"
    MODELS = "MODELS"
    ADMIN = "ADMIN"


@dataclass(frozen=True, slots=True)
class Principal:
    token_id: int
    name: str
    scopes: frozenset[Scope]
    owner: tuple[str, str] | None = None  # (name, email) that writes made with it carry
    user_id: int | None = None  # the user the token belongs to (storage.users)
    user_name: str | None = None
    admin: bool = False  # the user is a site admin
    # The user's teams and its role in each, by team id (storage.access.role_on): read with
    # the token, so that deciding access costs no query.
    teams: tuple[tuple[int, Role], ...] = ()
    # The projects the token is restricted to (storage.access); None: every one its user's
    # roles reach.
    projects: frozenset[int] | None = None

    def has(self, scope: Scope) -> bool:
        """ADMIN grants every scope; every other scope also grants READ. A scope is not a
        user's power: see :attr:`site_admin`."""
        if Scope.ADMIN in self.scopes or scope in self.scopes:
            return True
        return scope is Scope.READ and bool(self.scopes)

    @property
    def site_admin(self) -> bool:
        """May act on everything (other users' tokens, ...): a site admin's token with the
        ADMIN scope. A non-admin user's ADMIN token is not, nor a site admin's READ token."""
        return self.admin and Scope.ADMIN in self.scopes


# Whoever sends no credentials: reads, as no user (storage.access gives it PUBLIC projects
# only). Nothing authenticates as it yet.
ANONYMOUS = Principal(0, "anonymous", frozenset({Scope.READ}))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def generate_token() -> str:
    # 36 random bytes -> 48 url-safe characters, the shape the VS Code extension accepts.
    return TOKEN_PREFIX + secrets.token_urlsafe(36)


def parse_scopes(values: list[str]) -> frozenset[Scope]:
    """Case-insensitive, as dvc-studio-client sends them as typed; unknown names raise."""
    scopes = set()
    for value in values:
        try:
            scopes.add(Scope(value.strip().upper()))
        except ValueError:
            raise ValueError(f"unknown scope {value!r}") from None
    return frozenset(scopes)


def check_token_name(name: str) -> str:
    """A token's name without surrounding blanks: 1-100 characters, no controls; else
    INVALID (field ``name``)."""
    name = name.strip()
    if not encodes(name):
        raise DomainError("INVALID", "name is not valid UTF-8 text", "name")
    if not 1 <= len(name) <= 100:
        raise DomainError("INVALID", "name must be 1-100 characters", "name")
    check_text(name, "name", 400)
    return name


async def create_token(
    name: str,
    scopes: frozenset[Scope],
    owner: tuple[str, str] | None = None,
    user_id: int | None = None,
    projects: frozenset[int] | None = None,
) -> tuple[AccessToken, str]:
    """Return the stored row and the only copy of the secret. The token belongs to user
    ``user_id``, else to the built-in admin (storage.users.BUILTIN_ADMIN): every token
    belongs to a user. ``projects``: the only projects it acts on (None: all)."""
    if user_id is None:
        user_id = await builtin_admin_id()
    token = generate_token()
    row = await AccessToken.create(
        user_id=user_id,
        name=name,
        prefix=token[:12],
        token_hash=hash_token(token),
        scopes=orjson.dumps(sorted(scopes)).decode(),
        owner_name=owner[0] if owner else None,
        owner_email=owner[1] if owner else None,
        project_ids=None if projects is None else orjson.dumps(sorted(projects)).decode(),
    )
    return row, token


def parse_owner(name: str | None, email: str | None) -> tuple[str, str] | None:
    """A token owner as Git writes an identity (``Name <email>``): both parts or neither.
    ValueError names what is wrong."""
    if name is None and email is None:
        return None
    if name is None or email is None:
        raise ValueError("give both the owner's name and email, or neither")
    name, email = name.strip(), email.strip()
    if not 1 <= len(name) <= 200 or any(c in name for c in "<>\n\r\0"):
        raise ValueError("the owner's name must be 1-200 characters without <, > or newlines")
    local, at, domain = email.partition("@")
    if not (at and local and domain) or len(email) > 254 or any(c in email for c in "<> \n\r\0"):
        raise ValueError(f"{email!r} is not an email address")
    return name, email


def owner_of(row: AccessToken) -> tuple[str, str] | None:
    if row.owner_name is None or row.owner_email is None:
        return None
    return row.owner_name, row.owner_email


def scopes_of(row: AccessToken) -> frozenset[Scope]:
    return _scopes(row.scopes)


def projects_of(row: AccessToken) -> frozenset[int] | None:
    return _projects(row.project_ids)


def _projects(stored: str | None) -> frozenset[int] | None:
    if stored is None:
        return None
    return frozenset(int(p) for p in orjson.loads(stored))


# Principals by token hash, so the hot paths (every GraphQL request, every /api/live post)
# skip the database: one cache per app (its size a setting), each entry for CACHE_TTL
# seconds. Revocation clears every app's cache in this process; other processes see it
# within the TTL.
CACHE_TTL = 5.0
TokenCache = BoundedCache[str, Principal | None]
_PRINCIPALS: Family[str, Principal | None] = Family()


def token_cache(entries: int, ttl: float = CACHE_TTL) -> TokenCache:
    """An app's cache of principals by token hash (at most ``entries``; unknown tokens are
    remembered too, and must not grow it without bound)."""
    return _PRINCIPALS.cache(entries, ttl)


async def authenticate(
    token: str, cache: TokenCache | None = None, uses: TokenUses | None = None
) -> Principal | None:
    """The principal of a live token of an enabled user, else None; ``cache`` (the app's)
    first, if given. Each use is noted in ``uses`` (the app's, which writes
    ``last_used_at``), if given."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    digest = hash_token(token)
    if cache is not None:
        cached = cache.get(digest)
        if cached is not MISS:
            if cached is not None and uses is not None:
                uses.note(digest, cached.token_id)
            return cached
    # A token without a user (minted by an instance still on the code before users, during
    # a rolling upgrade on one database) is the built-in admin's, as migration 0013 made
    # every older token: falling back here covers those minted after any backfill ran, with
    # no start-up pass to forget (a backfill at start misses tokens minted after it).
    # One row per team of the user (one, with no team, for a user in none).
    rows = await db.fetch(
        "SELECT t.id, t.name, t.scopes, t.owner_name, t.owner_email, t.project_ids,"
        " u.id AS user_id,"
        " u.name AS user_name, u.admin, m.team_id, m.role FROM access_tokens t JOIN users u"
        " ON u.id = COALESCE(t.user_id, (SELECT a.id FROM users a WHERE a.name = ?))"
        " LEFT JOIN team_members m ON m.user_id = u.id"
        " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL",
        [BUILTIN_ADMIN, digest],
    )
    principal = None
    if rows:
        r = rows[0]
        owner = (r["owner_name"], r["owner_email"]) if r["owner_email"] is not None else None
        teams = _teams(rows)
        principal = Principal(
            r["id"],
            r["name"],
            _scopes(r["scopes"]),
            owner,
            r["user_id"],
            r["user_name"],
            bool(r["admin"]),
            tuple(teams),
            _projects(r["project_ids"]),
        )
        if uses is not None:
            uses.note(digest, principal.token_id)
    if cache is not None:
        cache.put(digest, principal)
    return principal


async def user_principal(user_id: int, scopes: frozenset[Scope]) -> Principal | None:
    """The principal of enabled user ``user_id`` acting with ``scopes`` but no token (a
    signed download link minted for it: gitstudio/model_downloads.py), with its current
    teams; None when the user is gone or disabled."""
    rows = await db.fetch(
        "SELECT u.name, u.admin, m.team_id, m.role FROM users u"
        " LEFT JOIN team_members m ON m.user_id = u.id"
        " WHERE u.id = ? AND u.disabled_at IS NULL",
        [user_id],
    )
    if not rows:
        return None
    name = rows[0]["name"]
    return Principal(
        0, name, scopes, None, user_id, name, bool(rows[0]["admin"]), tuple(_teams(rows))
    )


def _teams(rows: list[dict[str, Any]]) -> list[tuple[int, Role]]:
    """(team id, role) of each membership row, by team id; a role this code does not know
    grants nothing (closed)."""
    return sorted(
        (m["team_id"], Role[m["role"]])
        for m in rows
        if m["team_id"] is not None and m["role"] in Role.__members__
    )


# last_used_at is written at most once a USED_EVERY per token, never by the request that
# used it: an app's TokenUses collects uses for USED_FLUSH seconds, then its task writes
# them all in one statement per 500 tokens, only where the stored value is that old (so
# several processes do not each write it). Both are named constants, not settings: the
# field is "used lately", a minute's precision is what a person reading it needs, and a
# second's delay is what keeps the write off the request without holding uses long.
USED_EVERY = 60.0
USED_FLUSH = 1.0
# A flush that keeps failing (the database away) warns at most this often.
_WARN_EVERY = 60.0


class TokenUses(Periodic):
    """One app's record of token uses (gitstudio.app.State: a service started and stopped
    with the lifespan). :meth:`note` is on the hot path (every authenticated request):
    a clock read and a dict lookup, no await. What it remembers lately is keyed by token
    hash, at most ``remembered`` tokens (the app's token cache size); the ids to write
    belong to the database the app has open, and :meth:`stop` writes them before the app
    closes it, so none is written to another database."""

    def __init__(self, remembered: int) -> None:
        super().__init__(USED_FLUSH)
        self._remembered = max(1, remembered)
        self._used: dict[str, float] = {}
        self._pending: set[int] = set()
        self._last_warning = -_WARN_EVERY

    def note(self, digest: str, token_id: int) -> None:
        now = time.monotonic()
        last = self._used.get(digest)
        if last is not None and now - last < USED_EVERY:
            return
        if len(self._pending) >= self._remembered:
            return  # not remembered either: a use after the next flush notes it
        used = self._used
        if len(used) >= self._remembered:
            used.clear()  # forgetting costs at most one more (conditional) write per token
        used[digest] = now
        self._pending.add(token_id)

    async def stop(self) -> None:
        """Stop the loop, then write what is pending (the database is still open)."""
        await super().stop()
        await self.flush()

    async def tick(self) -> None:
        await self.flush()

    async def flush(self) -> None:
        """Write the uses noted since the last flush; a failure is logged and they are
        dropped (the next use after USED_EVERY notes the token again)."""
        ids = sorted(self._pending)
        self._pending.clear()
        if not ids:
            return
        at = datetime.now(UTC)
        try:
            for i in range(0, len(ids), 500):
                await AccessToken.filter(
                    Q(last_used_at__isnull=True)
                    | Q(last_used_at__lt=at - timedelta(seconds=USED_EVERY)),
                    id__in=ids[i : i + 500],
                ).update(last_used_at=at)
        except Exception:
            now = time.monotonic()
            if now - self._last_warning >= _WARN_EVERY:
                self._last_warning = now
                log.warning("could not note the use of %d tokens", len(ids), exc_info=True)
            else:
                log.debug("could not note the use of %d tokens", len(ids), exc_info=True)


async def tokens_of(user_id: int) -> list[AccessToken]:
    """A user's live (not revoked) tokens, oldest first."""
    return await AccessToken.filter(user_id=user_id, revoked_at__isnull=True).order_by("id")


def _scopes(raw: str) -> frozenset[Scope]:
    return frozenset(Scope(s) for s in orjson.loads(raw))


async def revoke_token(token_id: int) -> AccessToken | None:
    row = await AccessToken.get_or_none(id=token_id)
    if row is None:
        return None
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        await row.save(update_fields=["revoked_at"])
    forget_principals()
    return row


def forget_principals() -> None:
    """Drop every app's cached principals in this process, at once: after a change to a
    token, a user or a team's members (other processes see it within CACHE_TTL)."""
    _PRINCIPALS.clear()
    ACCESS.bump()
