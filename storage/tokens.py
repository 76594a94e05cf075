"""Access tokens: minted once, stored as a SHA-256 hash, checked by hash lookup.

Tokens carry 288 bits of randomness, so a fast unsalted hash is the right tool (as for API
keys at GitHub or Stripe): a leaked database does not reveal usable tokens, and the check is a
single indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import orjson

from storage import db
from storage.caches import MISS, BoundedCache, Family
from storage.models import AccessToken

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

    def has(self, scope: Scope) -> bool:
        """ADMIN grants everything; every other scope also grants READ."""
        if Scope.ADMIN in self.scopes or scope in self.scopes:
            return True
        return scope is Scope.READ and bool(self.scopes)


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


async def create_token(
    name: str, scopes: frozenset[Scope], owner: tuple[str, str] | None = None
) -> tuple[AccessToken, str]:
    """Return the stored row and the only copy of the secret."""
    token = generate_token()
    row = await AccessToken.create(
        name=name,
        prefix=token[:12],
        token_hash=hash_token(token),
        scopes=orjson.dumps(sorted(scopes)).decode(),
        owner_name=owner[0] if owner else None,
        owner_email=owner[1] if owner else None,
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


async def authenticate(token: str, cache: TokenCache | None = None) -> Principal | None:
    """The principal of a live token, else None; ``cache`` (the app's) first, if given."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    digest = hash_token(token)
    if cache is not None:
        cached = cache.get(digest)
        if cached is not MISS:
            return cached
    rows = await db.fetch(
        "SELECT id, name, scopes, owner_name, owner_email FROM access_tokens"
        " WHERE token_hash = ? AND revoked_at IS NULL",
        [digest],
    )
    principal = None
    if rows:
        r = rows[0]
        owner = (r["owner_name"], r["owner_email"]) if r["owner_email"] is not None else None
        principal = Principal(r["id"], r["name"], _scopes(r["scopes"]), owner)
    if cache is not None:
        cache.put(digest, principal)
    return principal


def _scopes(raw: str) -> frozenset[Scope]:
    return frozenset(Scope(s) for s in orjson.loads(raw))


async def revoke_token(token_id: int) -> AccessToken | None:
    row = await AccessToken.get_or_none(id=token_id)
    if row is None:
        return None
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        await row.save(update_fields=["revoked_at"])
    _PRINCIPALS.clear()  # every app of this process, at once
    return row
