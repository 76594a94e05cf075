"""The REST writes in the audit log (storage.audit), through one helper.

A route wrapped by :func:`audited` (or an ASGI route calling :meth:`RestAudit.done` itself)
runs with a :class:`Call` as the current one: the token gate (gitstudio.auth) notes the
caller in it, the route adds the arguments (never a secret: storage.audit also redacts by
key name), the project(s) written and, when its answer carries no JSON ``code``, the
result. Once answered, the call is recorded under its operation (``POST /api/create-project``):

- an OK call: one row per project it wrote (one row without a project when it names none),
  unless the route said it writes nothing worth a row (``skip``: a DVCLive ``data`` event,
  a device-login poll still pending);
- a failed call (refused, not found, invalid, throttled): at most one row per (caller,
  operation, result) per :data:`WINDOW` seconds, so that a client repeating a refused
  request (DVCLive posting a step per second with a revoked token, a script guessing) does
  not flood the log. The next recorded failure of the same key says how many were not
  recorded (``repeats`` in its arguments). The caller is its token (or session), else the
  client address; the keys kept are bounded (:data:`MAX_KEYS`), and past that bound every
  new key shares one, so a flood of addresses still makes at most MAX_KEYS + 1 rows per
  window. The bound is per process. A route whose failures are already bounded (``POST
  /login``: the login throttle) records each (``every``).

Recording never fails a request: a write that happened is answered even if its record could
not be made (logged).
"""

from __future__ import annotations

import contextvars
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from gitstudio.rest import CODES
from storage import audit
from storage.audit import MAX_KEYS, WINDOW, Repeats
from storage.tokens import Principal

Handler = Callable[[Request], Awaitable[Response]]


@dataclass
class Call:
    """What the audit log learns about one REST call while it runs."""

    operation: str
    client: str  # the client's host: keys the failures of a caller without a token
    principal: Principal | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    projects: dict[int, str | None] = field(default_factory=dict)  # id -> own result or None
    result: str | None = None  # None: from the answer (its JSON code, else its status)
    skip: bool = False  # nothing worth a row (a data event, a pending poll)
    every: bool = False  # its failures are bounded by the route: record each

    def about(self, project_id: int, result: str | None = None) -> None:
        """The call wrote ``project_id`` (with ``result`` when it differs from the call's)."""
        self.projects[project_id] = result


_current: contextvars.ContextVar[Call | None] = contextvars.ContextVar("audit_call", default=None)


def current_call() -> Call:
    """The call being audited; outside one, a throwaway (routes need not check)."""
    return _current.get() or Call("", "")


def note_caller(principal: Principal | None) -> None:
    """The token gate's word on who calls, refused or not (gitstudio.auth)."""
    call = _current.get()
    if call is not None and principal is not None:
        call.principal = principal


def user_principal(user_id: int, name: str) -> Principal:
    """A signed-in user without a token (a session just started): the row's user."""
    return Principal(0, "session", frozenset(), user_id=user_id, user_name=name)


class RestAudit:
    """The app's recorder of REST calls (``state.audit``)."""

    def __init__(self, window: float = WINDOW, max_keys: int = MAX_KEYS) -> None:
        self.repeats = Repeats(window, max_keys)

    @contextmanager
    def running(self, call: Call) -> Iterator[Call]:
        """``call`` is the current one inside (the gate notes its caller)."""
        token = _current.set(call)
        try:
            yield call
        finally:
            _current.reset(token)

    async def done(self, call: Call, status: int, code: str | None = None) -> None:
        """Record ``call`` answered ``status`` (``code``: its error code, if it had one)."""
        if call.skip:
            return
        result = call.result or ("OK" if status < 400 else code or CODES.get(status, "ERROR"))
        arguments = call.arguments
        if result != "OK" and not call.every:
            kept = self.repeats.arguments((call.operation, result, _who(call)), arguments)
            if kept is None:
                return
            arguments = kept
        rows: list[tuple[int | None, str | None]] = [*call.projects.items()] or [(None, None)]
        for project_id, own in rows:
            await audit.record_quietly(
                call.principal, call.operation, project_id, arguments, own or result
            )


def _who(call: Call) -> tuple[str, Any]:
    principal = call.principal
    if principal is not None and principal.token_id:
        return ("token", principal.token_id)  # a session's id is negative: its own key
    return ("address", address_of(call.client))  # an IPv6 client by its /64


def rest_audit(request: Request) -> RestAudit:
    found: RestAudit = request.app.state.gitstudio.audit
    return found


def address_of(host: str) -> str:
    # Imported here: device_login imports gitstudio.auth, which imports this module.
    from gitstudio.device_login import client_key

    return client_key(host)


def audited(operation: str, handler: Handler) -> Handler:
    """``handler`` (which answers every error itself: gitstudio.rest.guard) recorded as
    ``operation``; the result is the call's, else its answer's JSON ``code``."""

    async def run(request: Request) -> Response:
        recorder = rest_audit(request)
        call = Call(operation, request.client.host if request.client else "")
        with recorder.running(call):
            response = await handler(request)
        await recorder.done(call, response.status_code, _code(response))
        return response

    return run


def _code(response: Response) -> str | None:
    if response.status_code < 400 or response.media_type != "application/json":
        return None
    try:
        found = orjson.loads(bytes(response.body)).get("code")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return found if isinstance(found, str) else None
