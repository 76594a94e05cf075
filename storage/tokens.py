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


async def create_token(name: str, scopes: frozenset[Scope]) -> tuple[AccessToken, str]:
    """Return the stored row and the only copy of the secret."""
    token = generate_token()
    row = await AccessToken.create(
        name=name,
        prefix=token[:12],
        token_hash=hash_token(token),
        scopes=orjson.dumps(sorted(scopes)).decode(),
    )
    return row, token


def scopes_of(row: AccessToken) -> frozenset[Scope]:
    return frozenset(Scope(s) for s in orjson.loads(row.scopes))


async def authenticate(token: str) -> Principal | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = await AccessToken.get_or_none(token_hash=hash_token(token), revoked_at=None)
    if row is None:
        return None
    return Principal(token_id=row.id, name=row.name, scopes=scopes_of(row))


async def revoke_token(token_id: int) -> AccessToken | None:
    row = await AccessToken.get_or_none(id=token_id)
    if row is None:
        return None
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        await row.save(update_fields=["revoked_at"])
    return row
