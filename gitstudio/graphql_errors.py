"""GraphQL errors as every transport (POST, GET, websocket) sends them.

Every error carries ``extensions.code``:

* a code the error already has (resolvers' ``ApiError``, the limits, the cost rule) stays;
* a :class:`~storage.errors.DomainError` that escaped a resolver shows its own code and
  message (it is the user-facing kind);
* any other exception raised while executing is masked: "Internal server error",
  ``INTERNAL_SERVER_ERROR`` and a request id, logged once in one line
  (:mod:`gitstudio.failures`);
* a syntax error is ``GRAPHQL_PARSE_FAILED``; any other error without a path happened before
  execution (a rule of the document, its variables, the operation to run) and gets the
  code the caller names for that stage (validation: ``GRAPHQL_VALIDATION_FAILED``, variables
  and operation: ``BAD_USER_INPUT``);
* an error graphql-core raised about a value the server produced (null in a non-null
  field, a value its type cannot serialize) is the server's fault: ``INTERNAL_SERVER_ERROR``
  with graphql-core's message (it names the field, nothing else), logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError

from gitstudio.failures import INTERNAL_CODE, INTERNAL_MESSAGE, report, report_message
from storage.errors import DomainError

PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
BAD_REQUEST = "BAD_REQUEST"


def format_errors(
    errors: Sequence[GraphQLError], before_execution: str = BAD_USER_INPUT
) -> list[dict[str, Any]]:
    """The ``errors`` entry of a response; ``before_execution``: the code of errors without
    a path and without a code of their own."""
    request_id: str | None = None
    out: list[dict[str, Any]] = []
    for error in errors:
        formatted = dict(error.formatted)
        extensions = formatted.get("extensions")
        if isinstance(extensions, dict) and "code" in extensions:
            out.append(formatted)
            continue
        original = error.original_error
        if isinstance(original, DomainError):
            formatted["message"] = original.message
            formatted["extensions"] = {"code": original.code, "field": original.field}
        elif error.path is None:
            code = PARSE_FAILED if isinstance(error, GraphQLSyntaxError) else before_execution
            formatted["extensions"] = {"code": code}
        elif original is not None and not isinstance(original, GraphQLError):
            request_id = report(original, f"field {_path(error)}", request_id)
            formatted["message"] = INTERNAL_MESSAGE
            formatted["extensions"] = {"code": INTERNAL_CODE, "requestId": request_id}
        else:
            request_id = report_message(error.message, f"field {_path(error)}", request_id)
            formatted["extensions"] = {"code": INTERNAL_CODE, "requestId": request_id}
        out.append(formatted)
    return out


def request_error(message: str, code: str = BAD_REQUEST) -> dict[str, Any]:
    """An error about the HTTP request itself (its body, its parameters)."""
    return {"message": message, "extensions": {"code": code}}


def internal_error(exc: BaseException, where: str) -> dict[str, Any]:
    """An unexpected exception outside any field: masked, logged once in one line."""
    request_id = report(exc, where)
    return {
        "message": INTERNAL_MESSAGE,
        "extensions": {"code": INTERNAL_CODE, "requestId": request_id},
    }


def _path(error: GraphQLError) -> str:
    return ".".join(str(p) for p in error.path or ())
