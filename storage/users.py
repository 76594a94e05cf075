"""Users: whom access tokens belong to.

Names follow the rule of project names (1-100 letters, digits, '.', '_' or '-', starting
with a letter or digit) and are unique regardless of case, so ``Admin`` cannot pass for
``admin``. A site admin (``admin``) sees and does everything with a token holding the ADMIN
scope. The built-in user :data:`BUILTIN_ADMIN` is a site admin made by migration 0013: it
owns the tokens that existed before users did, and those minted without naming a user
(``gitstudio token create`` without ``--user``, the demo's). Users are disabled, never
deleted (:func:`disable_user`, :func:`enable_user`); the last enabled site admin cannot be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.functions import Lower
from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from storage import db
from storage.errors import DomainError, encodes, has_control
from storage.models import User
from storage.passwords import check_password, hash_password

M = TypeVar("M", bound=Model)

BUILTIN_ADMIN = "admin"
MAX_EMAIL_CHARS = 254  # users.email (RFC 5321's bound on a path)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def check_name(name: str) -> str:
    """A user name as given, or INVALID (field ``name``)."""
    if not _NAME.fullmatch(name):
        raise DomainError(
            "INVALID",
            "a user name is 1-100 letters, digits, '.', '_' or '-', starting with a letter"
            " or digit",
            "name",
        )
    return name


def check_email(email: str | None) -> str | None:
    """An address as a person types one (``local@domain``, no spaces or controls), without
    surrounding blanks; None stays None. INVALID (field ``email``) otherwise."""
    if email is None:
        return None
    email = email.strip()
    if not encodes(email):
        raise DomainError("INVALID", "email is not valid UTF-8 text", "email")
    if len(email) > MAX_EMAIL_CHARS:
        raise DomainError("INVALID", f"email is longer than {MAX_EMAIL_CHARS} characters", "email")
    local, at, domain = email.rpartition("@")
    if (
        not (at and local and domain)
        or has_control(email, c1=True)
        or any(c in email for c in " <>,;\"'")
    ):
        raise DomainError("INVALID", f"{email!r} is not an email address", "email")
    return email


async def create_user(
    name: str, *, email: str | None = None, admin: bool = False, password: str | None = None
) -> User:
    """Store a user: every argument is checked first, so bad input writes nothing.
    DUPLICATE (field ``name``) when a user has the name in any case."""
    name = check_name(name)
    email = check_email(email)
    if password is not None:
        check_password(password)
    if await _taken(name):
        raise _duplicate(name)
    password_hash = await hash_password(password) if password is not None else None
    try:
        return await User.create(name=name, email=email, admin=admin, password_hash=password_hash)
    except IntegrityError:  # the name, in any case, created since the check above
        raise _duplicate(name) from None


async def user_by_name(name: str) -> User | None:
    """The user named ``name`` in any case (names are unique regardless of case, and
    ``users_name_folded`` indexes ``LOWER(name)``); None for a name no user can have."""
    if not _NAME.fullmatch(name):
        return None
    return await named(User, name).first()


@dataclass(frozen=True, slots=True)
class UserSummary:
    """A user as ``gitstudio user list`` shows it: ``tokens`` counts its live tokens."""

    id: int
    name: str
    email: str | None
    admin: bool
    disabled_at: datetime | None
    tokens: int


async def list_users() -> list[UserSummary]:
    """Every user, disabled ones too, by name, each with its number of live (not revoked)
    tokens; a token without a user counts as the built-in admin's, as it authenticates."""
    users = await User.all().order_by("name")
    rows = await db.fetch(
        "SELECT user_id, COUNT(*) AS n FROM access_tokens WHERE revoked_at IS NULL GROUP BY user_id"
    )
    counts = {r["user_id"]: int(r["n"]) for r in rows}
    return [
        UserSummary(
            u.id,
            u.name,
            u.email,
            u.admin,
            u.disabled_at,
            counts.get(u.id, 0) + (counts.get(None, 0) if u.name == BUILTIN_ADMIN else 0),
        )
        for u in users
    ]


async def disable_user(name: str) -> User:
    """Disable the user named ``name`` in any case: its tokens then authenticate as nobody
    (storage.tokens.authenticate), and it can be enabled again (:func:`enable_user`); a
    disabled user stays disabled since the first time. NOT_FOUND (field ``name``) for no
    such user; CONFLICT (field ``name``) for the last enabled site admin (the built-in
    ``admin`` too): a site keeps one. The principals cached in this process are forgotten
    at once; other processes see the change within the token cache's TTL
    (storage.tokens.CACHE_TTL, 5 s), their cached principals until then."""
    user = await existing_user(name)
    async with in_transaction():
        if db.is_postgres():
            # Lock every enabled site admin: of two disabling the last two at once, the
            # second waits, then finds one left (SQLite has one writer).
            # In id order, so that two such transactions cannot deadlock.
            enabled_admins = User.filter(admin=True, disabled_at__isnull=True).order_by("id")
            await enabled_admins.select_for_update()
        user = await User.get(id=user.id)
        if user.disabled_at is None:
            if user.admin:
                others = User.filter(admin=True, disabled_at__isnull=True).exclude(id=user.id)
                if not await others.exists():
                    raise DomainError(
                        "CONFLICT",
                        f"{user.name!r} is the last enabled site admin: make or enable another"
                        " first",
                        "name",
                    )
            user.disabled_at = datetime.now(UTC)
            await user.save(update_fields=["disabled_at"])
    _forget_principals()
    return user


async def enable_user(name: str) -> User:
    """Enable the user named ``name`` in any case again: its live tokens authenticate as it
    (in other processes within the token cache's TTL). NOT_FOUND (field ``name``) for no
    such user; an enabled user stays as it is."""
    user = await existing_user(name)
    if user.disabled_at is not None:
        await User.filter(id=user.id).update(disabled_at=None)
        user.disabled_at = None
    _forget_principals()  # an unknown token's None is cached too
    return user


async def existing_user(name: str, field: str = "name") -> User:
    """The user named ``name`` in any case, or NOT_FOUND (on ``field``)."""
    user = await user_by_name(name)
    if user is None:
        raise DomainError("NOT_FOUND", f"no user named {name!r}", field)
    return user


def _forget_principals() -> None:
    # storage.tokens imports this module: imported here, not at the top.
    from storage.tokens import forget_principals

    forget_principals()


async def builtin_admin_id() -> int:
    """The id of :data:`BUILTIN_ADMIN`, made again should it be missing (it is made by
    migration 0013, and users are disabled, never deleted)."""
    rows = await db.fetch("SELECT id FROM users WHERE name = ?", [BUILTIN_ADMIN])
    if rows:
        return int(rows[0]["id"])
    try:
        return (await User.create(name=BUILTIN_ADMIN, admin=True)).id
    except IntegrityError:  # made meanwhile
        return (await User.get(name=BUILTIN_ADMIN)).id


def named(model: type[M], name: str) -> QuerySet[M]:
    """The rows of ``model`` (users, teams) named ``name`` in any case: one statement on
    ``LOWER(name)``, which their ``*_name_folded`` unique index covers."""
    return model.annotate(folded=Lower("name")).filter(folded=name.lower())


async def _taken(name: str) -> bool:
    return await named(User, name).exists()


def _duplicate(name: str) -> DomainError:
    return DomainError("DUPLICATE", f"a user named {name!r} exists already", "name")
