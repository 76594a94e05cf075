"""Users' passwords: hashed with Argon2id (argon2-cffi), never stored or logged in clear.

argon2-cffi's ``PasswordHasher()`` defaults are RFC 9106's low-memory profile (Argon2id,
64 MiB, 3 passes, 4 lanes): a hash takes tens of milliseconds of CPU and 64 MiB, so it runs
in a worker thread (never on the event loop) and at most :data:`HASHES_AT_ONCE` run at once
per event loop, whatever arrives: a burst of logins queues instead of taking the memory
and the cores of the server. A user without a password, or no user at all, is checked
against a dummy hash, so an answer takes as long for a name that exists as for one that
does not.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Callable
from functools import cache
from typing import TypeVar
from weakref import WeakKeyDictionary

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from storage.errors import DomainError, encodes

T = TypeVar("T")

HASHES_AT_ONCE = 2  # 64 MiB each; this is a 2-core server's share for logins
# Argon2 compresses any length first, but nobody types more; a bound keeps requests small.
MAX_PASSWORD_BYTES = 1024

_HASHER = PasswordHasher()
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: what UTF-8 cannot encode
# One semaphore per event loop: an asyncio.Semaphore belongs to the loop it first waited
# on, and the CLI and the tests run several loops one after another.
_SLOTS: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = WeakKeyDictionary()


def check_password(password: str, field: str = "password") -> None:
    """A password one may set: not empty, at most MAX_PASSWORD_BYTES bytes of UTF-8."""
    if not password:
        raise DomainError("INVALID", "the password is empty", field)
    if not encodes(password):
        raise DomainError("INVALID", "the password is not valid UTF-8 text", field)
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise DomainError(
            "INVALID", f"the password is longer than {MAX_PASSWORD_BYTES} bytes", field
        )


async def hash_password(password: str) -> str:
    """The Argon2id hash to store (PHC string format, salt and parameters included)."""
    check_password(password)
    return await _bounded(_HASHER.hash, password)


async def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; ``None`` (no such user, or no password)
    costs one verification too, against a dummy hash, and answers False; so does a password
    no one can have set (too long, or not UTF-8 text: a lone surrogate)."""
    if (
        stored is None
        or not encodes(password)
        or len(password.encode("utf-8")) > MAX_PASSWORD_BYTES
    ):
        await _bounded(_verify_dummy, _SURROGATE.sub("?", password[:MAX_PASSWORD_BYTES]))
        return False
    return await _bounded(_verify, stored, password)


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with other parameters than today's: hash the password
    again after a successful login."""
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _verify_dummy(password: str) -> bool:
    return _verify(_dummy_hash(), password)


@cache
def _dummy_hash() -> str:
    """Made once per process, in a worker thread (its first verification)."""
    return _HASHER.hash(secrets.token_urlsafe(16))


async def _bounded(work: Callable[..., T], *args: str) -> T:
    loop = asyncio.get_running_loop()
    slots = _SLOTS.get(loop)
    if slots is None:
        slots = _SLOTS[loop] = asyncio.Semaphore(HASHES_AT_ONCE)
    async with slots:
        return await asyncio.to_thread(work, *args)
