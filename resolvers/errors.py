"""Errors raised by resolvers, carrying the ``extensions.code`` clients switch on.

Request-level problems (no token, missing scope, malformed ids or cursors, unknown objects in
a query) become GraphQL errors. Expected mutation failures are returned as typed ``UserError``
values in payloads instead (see schema/errors.py).
"""

from __future__ import annotations

from graphql import GraphQLError


class ApiError(GraphQLError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, extensions={"code": code})
        self.code = code


def unauthenticated() -> ApiError:
    return ApiError(
        "UNAUTHENTICATED",
        "a valid access token is required: send 'Authorization: token <TOKEN>' or 'Bearer <TOKEN>'",
    )


def forbidden(scope: str) -> ApiError:
    return ApiError("FORBIDDEN", f"this token lacks the {scope} scope")


def bad_input(message: str) -> ApiError:
    return ApiError("BAD_USER_INPUT", message)


def not_found(what: str) -> ApiError:
    return ApiError("NOT_FOUND", f"{what} not found")
