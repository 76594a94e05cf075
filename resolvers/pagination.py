"""Page arguments shared by every connection: size caps and opaque cursors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from resolvers.errors import bad_input

T = TypeVar("T")

DEFAULT_PAGE = 50


def page_size(first: int | None, cap: int) -> int:
    if first is None:
        return min(DEFAULT_PAGE, cap)
    if first < 0:
        raise bad_input("'first' must not be negative")
    if first > cap:
        raise bad_input(f"'first' must be at most {cap}")
    return first


@dataclass(slots=True)
class Page(Generic[T]):
    """Rows of one page with the sort key of each, and how to count the whole set."""

    rows: list[tuple[T, list[Any]]]
    has_next: bool
    has_previous: bool
    count: Callable[[], Awaitable[int]]


def trim(rows: list[tuple[T, list[Any]]], limit: int) -> tuple[list[tuple[T, list[Any]]], bool]:
    """Queries fetch ``limit + 1`` rows; the extra one only says a next page exists."""
    return rows[:limit], len(rows) > limit


def cursor_id(after: list[object] | None) -> int | None:
    """The row id of a list paged by id (a one-key cursor), or BAD_USER_INPUT for a cursor
    of another list or an id no row can have."""
    if after is None:
        return None
    found = after[0] if len(after) == 1 else None
    if not isinstance(found, int) or isinstance(found, bool) or not 0 <= found < 2**31:
        raise bad_input("cursor does not belong to this list")
    return found
