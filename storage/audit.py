"""The audit log: who wrote what, when, and how it ended.

Every mutation is recorded by its guard once it ran (schema/permissions.py), refused ones
too; REST writes by their routes. A record keeps the user (and its name then) and token,
the operation, the project, the arguments as JSON with secrets redacted (the value of any
key naming a token, password, secret, credential or key, see ``_SECRET``; a URL's userinfo,
query and fragment, and the path of one not naming a repository, see ``_url``) and cut at
ARGUMENT_BYTES, and the
result: ``OK`` or the error codes. A failed write is recorded at most once per
(operation, result, caller) per WINDOW seconds (:class:`Repeats`; the next record says how
many were left out), so that a client repeating a refused request does not flood the log.
Site admins read every record, a project's admins that project's (resolvers/audit.py).
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import orjson
from tortoise.expressions import Q

from storage.models import AuditEntry, Project
from storage.periodic import Periodic
from storage.roles import Role
from storage.tokens import Principal

WINDOW = 60.0  # seconds: one failure of a (caller, operation, result) recorded per window
MAX_KEYS = 10_000  # failure keys remembered per process; past it new ones share one key
_SHARED = ("*",)  # the key of every new failure once MAX_KEYS are held
log = logging.getLogger(__name__)

ARGUMENT_BYTES = 4096  # of JSON arguments kept per record; longer ones are cut, and say so
REDACTED = "[redacted]"
# Keys whose value is a secret: tokens, passwords, keys (a DVC remote's access_key_id,
# secret_access_key, account_key; API and private keys) and connection strings.
_SECRET = re.compile(
    r"token|passw|passphrase|secret|credential|access_?key|account_?key|private_?key"
    r"|api_?key|connection_?string",
    re.IGNORECASE,
)
# Keys whose value is a URL: userinfo, query and fragment may carry credentials (a receiver
# token in a webhook's query string); see _url. Only those naming a repository or an API
# keep their path; any other (a webhook's ``url``: Slack-style receivers have the token in
# the path) keeps only its scheme and host.
_URL = re.compile(r"ur[li]$", re.IGNORECASE)
_PATH_KEPT = re.compile(r"repo|api|endpoint", re.IGNORECASE)


def plain(value: Any) -> Any:
    """``value`` as JSON-able data: input objects as dicts, enums by value, secrets
    redacted wherever they are nested."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _value(key: str, value: Any) -> Any:
    if value is None:
        return None
    if _SECRET.search(key):
        return REDACTED
    if isinstance(value, str) and _URL.search(key):
        return _url(value, keep_path=bool(_PATH_KEPT.search(key)))
    return plain(value)


def _url(value: str, keep_path: bool) -> str:
    """A URL with its userinfo, query and fragment redacted, and its path unless
    ``keep_path``; a value with no host (a local path, ``file://``, scp-like
    ``git@host:path``) as it is."""
    try:
        parts = urlsplit(value)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return REDACTED  # not a URL Python parses: kept from the log entirely
    if not parts.netloc:
        return value
    netloc = f"{REDACTED}@" if "@" in parts.netloc else ""
    netloc += f"[{host}]" if host and ":" in host else host or ""
    netloc += f":{port}" if port is not None else ""
    path = parts.path if keep_path or parts.path in ("", "/") else "/" + REDACTED
    query = REDACTED if parts.query else ""
    fragment = REDACTED if parts.fragment else ""
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def arguments_json(arguments: dict[str, Any]) -> str:
    text = orjson.dumps(plain(arguments)).decode()
    if len(text.encode()) <= ARGUMENT_BYTES:
        return text
    cut = text.encode()[: ARGUMENT_BYTES - 64].decode(errors="ignore")
    return orjson.dumps({"truncated": cut}).decode()


async def record(
    principal: Principal | None,
    operation: str,
    project_id: int | None,
    arguments: dict[str, Any],
    result: str,
) -> AuditEntry:
    return await AuditEntry.create(
        at=datetime.now(UTC),
        user_id=principal.user_id if principal else None,
        user_name=principal.user_name if principal else None,
        token_id=principal.token_id if principal and principal.token_id > 0 else None,
        operation=operation[:100],
        project_id=project_id,
        arguments=arguments_json(arguments),
        result=result[:200],
    )


async def record_quietly(
    principal: Principal | None,
    operation: str,
    project_id: int | None,
    arguments: dict[str, Any],
    result: str,
) -> None:
    """:func:`record`; a failure is logged, never raised: the write happened, and its record
    failing must not hide that."""
    try:
        await record(principal, operation, project_id, arguments, result)
    except Exception:
        log.exception("could not record %s in the audit log", operation)


async def entries(project_ids: list[int] | None, before_id: int, limit: int) -> list[AuditEntry]:
    """Newest first, ids below ``before_id``: of ``project_ids`` (None: every record)."""
    query = AuditEntry.filter(id__lt=before_id)
    if project_ids is not None:
        query = query.filter(project_id__in=project_ids)
    return await query.order_by("-id").limit(limit)


async def count(project_ids: list[int] | None) -> int:
    query = AuditEntry.all()
    if project_ids is not None:
        query = query.filter(project_id__in=project_ids)
    return await query.count()


async def administered(user_id: int | None, teams: tuple[tuple[int, Role], ...]) -> list[int]:
    """The projects the user is ADMIN of: its own, and its teams' where it is ADMIN."""
    if user_id is None:
        return []
    condition = Q(owner_user_id=user_id)
    admin_teams = [team for team, role in teams if role >= Role.ADMIN]
    if admin_teams:
        condition |= Q(owner_team_id__in=admin_teams)
    return [p.id for p in await Project.filter(condition).only("id")]


class Repeats:
    """Which failures get a row: one per key per ``window`` seconds, the others counted."""

    def __init__(self, window: float = WINDOW, max_keys: int = MAX_KEYS) -> None:
        self.window = window
        self.max_keys = max_keys
        self.clock: Callable[[], float] = time.monotonic
        self._seen: dict[tuple[Any, ...], list[float]] = {}  # key -> [recorded at, not since]

    def admit(self, key: tuple[Any, ...]) -> int | None:
        """None: not recorded (counted); else how many like failures went unrecorded
        since this key's last row."""
        now = self.clock()
        if key not in self._seen and len(self._seen) >= self.max_keys:
            self._forget(now)
            if len(self._seen) >= self.max_keys:
                key = _SHARED
        seen = self._seen.get(key)
        if seen is not None and now - seen[0] < self.window:
            seen[1] += 1
            return None
        self._seen[key] = [now, 0]
        return int(seen[1]) if seen is not None else 0

    def arguments(self, key: tuple[Any, ...], arguments: dict[str, Any]) -> dict[str, Any] | None:
        """The arguments to record a failure of ``key`` with (and how many like it were
        left out since, ``repeats``), or None: left out."""
        repeats = self.admit(key)
        if repeats is None:
            return None
        return {**arguments, "repeats": repeats} if repeats else arguments

    def clear(self) -> None:
        self._seen.clear()

    def _forget(self, now: float) -> None:
        for key in [k for k, (at, _n) in self._seen.items() if now - at >= self.window]:
            del self._seen[key]


class Retention(Periodic):
    """Deletes the records older than ``days`` (GITSTUDIO_AUDIT_RETENTION_DAYS; 0 keeps
    them all), once an hour and at start, in one statement."""

    def __init__(self, days: float, interval: float = 3600.0) -> None:
        super().__init__(interval)
        self.days = days

    def enabled(self) -> bool:
        return self.days > 0

    async def start(self) -> None:
        await self.tick()
        await super().start()

    async def tick(self) -> None:
        if not self.enabled():
            return
        try:
            await prune(datetime.now(UTC) - timedelta(days=self.days))
        except Exception:  # the next turn tries again
            log.warning("pruning the audit log failed", exc_info=True)


async def prune(before: datetime) -> int:
    """Delete the records made before ``before``; how many."""
    return int(await AuditEntry.filter(at__lt=before).delete())


# The refused GraphQL mutations of this process (schema/permissions.py); REST calls have
# their app's (gitstudio/audit_rest.py).
REFUSALS = Repeats()
