"""The one exception for expected, user-facing failures: a stable code, a message, a field.

Raised by any layer (input validation, Git access, token rules); the API maps it to a typed
``UserError`` in a mutation payload or to ``extensions.code`` on a GraphQL error.
"""

from __future__ import annotations

import re


class DomainError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def has_control(text: str, *, c1: bool = False) -> bool:
    """C0 controls and DEL (and with ``c1`` the C1 controls U+0080-U+009F, which no path
    or URL anyone means holds): they end up in URLs, headers, logs and rows (PostgreSQL
    refuses NUL in text), and no name, message or URL a person types needs them."""
    top = 0x9F if c1 else 0x7F
    return any(ord(c) < 32 or 0x7F <= ord(c) <= top for c in text)


def redact(url: str) -> str:
    """Drop credentials from a URL before it reaches a log, an error message or a row."""
    return re.sub(r"//[^/@]+@", "//", url)


def encodes(value: str) -> bool:
    """Whether ``value`` is text UTF-8 can store: no lone surrogate (what Python makes of
    undecodable bytes in arguments, or of a JSON ``\\ud800``)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_text(value: str, field: str, max_bytes: int, code: str = "INVALID") -> None:
    """A caller's free text: at most ``max_bytes`` bytes of UTF-8 and no control character."""
    if len(value.encode("utf-8", "surrogatepass")) > max_bytes:
        raise DomainError(code, f"{field} is longer than {max_bytes} bytes", field)
    if has_control(value):
        raise DomainError(code, f"{field} contains control characters", field)
