"""Reading the caller's token from a request: ``Authorization: token X`` (Studio's form) or
``Bearer X``."""

from __future__ import annotations

from collections.abc import Mapping

from storage.tokens import Principal, authenticate


def token_from_header(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() not in ("token", "bearer") or not token.strip():
        return None
    return token.strip()


async def principal_from(headers: Mapping[str, str]) -> Principal | None:
    token = token_from_header(headers.get("authorization"))
    return await authenticate(token) if token else None


async def principal_from_raw(headers: Mapping[bytes, bytes]) -> Principal | None:
    """The same from ASGI's raw headers (lower-cased names, bytes)."""
    token = token_from_header(headers.get(b"authorization", b"").decode("latin-1"))
    return await authenticate(token) if token else None
