"""Unexpected failures: logged once, in one line, under a request id the client is shown.

An exception nobody anticipated is a bug. Its answer says only "Internal server error" and
the request id (no message, no stack trace: they can hold paths, SQL or secrets); the log
line carries the id, where it was raised and its message, escaped onto one line, so the
report of a user can be matched with the log without tracebacks flooding it.
"""

from __future__ import annotations

import logging
import secrets

from storage import telemetry

log = logging.getLogger("gitstudio.failures")

INTERNAL_MESSAGE = "Internal server error"
INTERNAL_CODE = "INTERNAL_SERVER_ERROR"


def new_request_id() -> str:
    """The id of the request being served (its log lines carry it: storage.telemetry), or a
    new one outside a request."""
    return telemetry.request_id() or secrets.token_hex(8)


def report(exc: BaseException, where: str, request_id: str | None = None) -> str:
    """Log ``exc`` in one line; returns the request id it was logged under."""
    request_id = request_id or new_request_id()
    log.error(
        "request %s: unexpected %s in %s at %s: %r",
        request_id,
        type(exc).__name__,
        where,
        _origin(exc),
        str(exc)[:500],
    )
    return request_id


def rest_body(exc: BaseException, where: str) -> dict[str, str]:
    """The JSON body of a REST route's answer to ``exc`` (status 500), reported."""
    request_id = report(exc, where)
    return {"detail": INTERNAL_MESSAGE, "code": INTERNAL_CODE, "request_id": request_id}


def report_message(message: str, where: str, request_id: str | None = None) -> str:
    """Log a failure that is no exception (a value the server should never produce)."""
    request_id = request_id or new_request_id()
    log.error("request %s: %s: %r", request_id, where, message[:500])
    return request_id


def _origin(exc: BaseException) -> str:
    """``file:line (function)`` of the innermost frame the exception passed through."""
    tb = exc.__traceback__
    if tb is None:
        return "?"
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    return f"{code.co_filename}:{tb.tb_lineno} ({code.co_name})"
