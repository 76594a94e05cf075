"""The one exception for expected, user-facing failures: a stable code, a message, a field.

Raised by any layer (input validation, Git access, token rules); the API maps it to a typed
``UserError`` in a mutation payload or to ``extensions.code`` on a GraphQL error.
"""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
