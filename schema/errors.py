"""Typed errors returned in mutation payloads."""

from __future__ import annotations

from enum import Enum

import strawberry

from storage.errors import DomainError


@strawberry.enum(description="Why a mutation did not do what was asked.")
class ErrorCode(Enum):
    INVALID = "INVALID"
    DUPLICATE = "DUPLICATE"
    NOT_FOUND = "NOT_FOUND"
    UNREACHABLE = "UNREACHABLE"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
    INTERNAL = "INTERNAL"
    INVALID_URL = "INVALID_URL"  # a repository URL that cannot be one (sync.repo_policy)
    FORBIDDEN_REPOSITORY = "FORBIDDEN_REPOSITORY"  # a repository the policy refuses
    IN_GIT = "IN_GIT"  # a row Git keeps (a commit, a pushed experiment ref): Git removes it
    FORBIDDEN_URL = "FORBIDDEN_URL"  # a webhook URL the outbound host policy refuses
    TOO_LARGE = "TOO_LARGE"  # an input past its size bound (a saved view's JSON)
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"  # one more would pass a count bound (views, webhooks)


@strawberry.type(
    description="A problem with a mutation's input or its effect; nothing was changed."
)
class UserError:
    code: ErrorCode
    message: str
    field: str | None = None


def user_error(exc: DomainError) -> UserError:
    try:
        code = ErrorCode(exc.code)
    except ValueError:
        code = ErrorCode.INTERNAL
    return UserError(code=code, message=exc.message, field=exc.field)
