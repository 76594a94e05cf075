"""The caller's token: ``Authorization: token X`` (Studio's form) or ``Bearer X``, checked by
the app's one :class:`TokenGate` (``state.gate``) on every token-authenticated route,
through the app's cache of principals by token hash (``state.caches.tokens``), so the
database stays off the hot path; a token revoked by another process keeps working here for
at most ``storage.tokens.CACHE_TTL`` seconds.

Every REST route on projects asks the gate twice: :meth:`TokenGate.caller` (who calls,
before the body is read: a caller without credentials is ``ANONYMOUS`` when the route only
reads) and :meth:`TokenGate.allowed` (which of the projects it touches the caller may touch:
storage.access, the decision GraphQL makes too). A project the caller may not read is
exactly one that does not exist; one it reads but may not change is 403. The gate tells
the audit log who called (gitstudio.audit_rest.note_caller), so that a refused write's record
names its user and token.

Without an Authorization header, the ``gitstudio_session`` cookie of a signed-in browser
authenticates as its user, given the app's SessionPolicy; a request other than
GET/HEAD/OPTIONS must then prove it comes from this server's pages (CSRF, 403
``CSRF_FAILED``): see gitstudio/sessions.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple, Protocol, TypeVar

from starlette.requests import Request

from gitstudio.audit_rest import note_caller
from gitstudio.rest import HttpError
from gitstudio.sessions import Header, SessionPolicy, principal_from_session
from storage.access import READ, Need, allows, role_on
from storage.queries import ProjectCache, projects_by_ids
from storage.tokens import ANONYMOUS, Principal, Scope, TokenCache, TokenUses, authenticate

TOKEN_REQUIRED = "a valid access token is required: send 'Authorization: token <TOKEN>'"  # noqa: S105 (a message)


def token_from_header(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() not in ("token", "bearer") or not token.strip():
        return None
    return token.strip()


async def principal_from(
    headers: Mapping[str, str],
    cache: TokenCache,
    uses: TokenUses | None = None,
    sessions: SessionPolicy | None = None,
    method: str = "POST",
) -> Principal | None:
    """The caller: the Authorization header's token, else (given ``sessions``) the session
    cookie, checked for CSRF unless ``method`` is safe (HttpError 403)."""
    return await _principal(headers.get, cache, uses, sessions, method)


async def principal_from_raw(
    headers: Mapping[bytes, bytes],
    cache: TokenCache,
    uses: TokenUses | None = None,
    sessions: SessionPolicy | None = None,
    method: str = "POST",
) -> Principal | None:
    """The same from ASGI's raw headers (lower-cased names, bytes)."""

    def header(name: str) -> str | None:
        value = headers.get(name.encode())
        return None if value is None else value.decode("latin-1")

    return await _principal(header, cache, uses, sessions, method)


async def _principal(
    header: Header,
    cache: TokenCache,
    uses: TokenUses | None,
    sessions: SessionPolicy | None,
    method: str,
) -> Principal | None:
    token = token_from_header(header("authorization"))
    if token:
        return await authenticate(token, cache, uses)
    if sessions is None:
        return None
    return await principal_from_session(header, cache, sessions, method)


class HasId(Protocol):
    """A project as a route holds it (storage.live.ProjectRef, a Project row...)."""

    @property
    def id(self) -> int: ...


P = TypeVar("P", bound=HasId)

_MAX_ID = 2**31  # no row has a larger id, and PostgreSQL refuses the comparison


class _ProjectId(NamedTuple):
    """A project as the gate asks about it: its id (the gate reads the row, cached)."""

    id: int


class TokenGate:
    """401 without a valid token, 403 without the scope; principals from ``cache``; who may
    touch a project from the app's cache of project rows (``projects``, as GraphQL)."""

    __slots__ = ("cache", "projects", "sessions", "uses")

    def __init__(
        self,
        cache: TokenCache,
        uses: TokenUses | None = None,
        projects: ProjectCache | None = None,
        sessions: SessionPolicy | None = None,
    ) -> None:
        self.cache = cache
        self.uses = uses
        self.projects = projects
        self.sessions = sessions  # None: tokens only

    async def require(self, request: Request, scope: Scope) -> Principal:
        principal = await principal_from(
            request.headers, self.cache, self.uses, self.sessions, request.method
        )
        note_caller(principal)  # the audit log's caller, refused or not (audit_rest)
        return self.check(principal, scope)

    async def require_raw(self, headers: Mapping[bytes, bytes], scope: Scope) -> Principal:
        """Raw headers carry no method: a session must bring its CSRF proof."""
        principal = await principal_from_raw(headers, self.cache, self.uses, self.sessions)
        note_caller(principal)
        return self.check(principal, scope)

    async def site_admin(self, request: Request) -> Principal:
        """A site admin's token with the ADMIN scope (a server-wide route: /metrics); any
        other is 403, a non-admin user's ADMIN token too."""
        principal = await self.require(request, Scope.ADMIN)
        if not principal.site_admin:
            raise HttpError(403, "only a site admin may read this")
        return principal

    @staticmethod
    def check(principal: Principal | None, scope: Scope) -> Principal:
        if principal is None:
            raise HttpError(401, TOKEN_REQUIRED)
        if not principal.has(scope):
            raise HttpError(403, f"this token lacks the {scope.value} scope")
        return principal

    async def caller(self, request: Request | Mapping[bytes, bytes], need: Need) -> Principal:
        """Who calls a route on projects that needs ``need`` (a Request, or an ASGI route's
        raw headers): without credentials, ANONYMOUS when ``need`` is READ (it reads PUBLIC
        projects), else 401; a bad token 401; a token without ``need.scope`` 403."""
        if isinstance(request, Request):
            sent = "authorization" in request.headers
            principal = await principal_from(
                request.headers, self.cache, self.uses, self.sessions, request.method
            )
        else:
            sent = b"authorization" in request
            principal = await principal_from_raw(request, self.cache, self.uses, self.sessions)
        if principal is None and not sent and need == READ:
            principal = ANONYMOUS
        note_caller(principal)
        return self.check(principal, need.scope)

    async def allowed(self, principal: Principal, projects: Sequence[P], need: Need) -> list[P]:
        """The one decision of the REST routes: those of ``projects`` on which ``principal``
        may do what needs ``need`` (storage.access.allows), in order. None readable: ``[]``,
        what the route answers for projects that do not exist, so that a hidden project is
        one (for ANONYMOUS, 401: it may find more with a token). Some readable but none
        allowing ``need``: 403."""
        found = await projects_by_ids([p.id for p in projects], self.projects) if projects else {}
        readable = [p for p in projects if p.id in found and allows(principal, found[p.id], READ)]
        if not readable:
            if principal.user_id is None:
                raise HttpError(401, TOKEN_REQUIRED)
            return []
        permitted = [p for p in readable if allows(principal, found[p.id], need)]
        if not permitted:
            record = found[readable[0].id]
            role = role_on(principal, record)
            raise HttpError(
                403,
                f"this needs the {need.role.name} role on project {record.name!r};"
                f" you have {role.name if role is not None else 'no role'}",
            )
        return permitted

    async def allows_project(self, principal: Principal, project_id: int, need: Need) -> bool:
        """``allowed`` for one project named by its id in a route's path (an id no row can
        have is a missing project, asked of nothing)."""
        asked = [_ProjectId(project_id)] if project_id < _MAX_ID else []
        return bool(await self.allowed(principal, asked, need))
