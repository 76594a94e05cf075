"""Relay plumbing: global ids, opaque cursors, page info, and the ``Node`` interface."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import orjson
import strawberry

from resolvers.errors import bad_input
from resolvers.pagination import Page

# Row ids are 32-bit integers (PostgreSQL's integer; SQLite compares at most 64 bits):
# a larger id names no row, and sent to the database it fails the query instead.
MAX_ID = 2**31 - 1


class InvalidId(ValueError):
    pass


def to_global_id(type_name: str, db_id: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{db_id}".encode()).decode().rstrip("=")


def from_global_id(global_id: str, expected: str | None = None) -> tuple[str, int]:
    """Decode ``Type:id``; also accept a bare integer when the type is known."""
    if expected and global_id.isdigit() and int(global_id) <= MAX_ID:
        return expected, int(global_id)
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw = base64.urlsafe_b64decode(padded).decode().partition(":")
        db_id = int(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidId(f"not a valid id: {global_id!r}") from None
    if not -MAX_ID <= db_id <= MAX_ID:  # no row has it, and the database cannot compare it
        raise InvalidId(f"not a valid id: {global_id!r}")
    if expected and type_name != expected:
        raise InvalidId(f"id {global_id!r} is a {type_name}, not a {expected}")
    return type_name, db_id


def decode_id(global_id: str, expected: str) -> int:
    """The database id of a global id of type ``expected``; BAD_USER_INPUT otherwise."""
    try:
        return from_global_id(global_id, expected)[1]
    except InvalidId as exc:
        raise bad_input(str(exc)) from None


def cursor(after: str | None) -> list[Any] | None:
    """The keyset cursor of a connection's ``after`` (None: the first page);
    BAD_USER_INPUT for one that is not a cursor."""
    try:
        return decode_cursor(after) if after else None
    except InvalidId as exc:
        raise bad_input(str(exc)) from None


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(values)).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded))
    except (binascii.Error, orjson.JSONDecodeError, ValueError):
        raise InvalidId(f"not a valid cursor: {cursor!r}") from None
    if not isinstance(values, list):
        raise InvalidId(f"not a valid cursor: {cursor!r}")
    return values


@strawberry.interface(description="An object with a globally unique id (Relay).")
class Node:
    id: strawberry.ID


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


T = TypeVar("T")
R = TypeVar("R")


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list (Relay connection).")
class Connection(Generic[T]):
    page: strawberry.Private[Page[Any]]
    edges: list[Edge[T]]
    nodes: list[T]
    page_info: PageInfo

    @strawberry.field(description="Items over all pages.")
    async def total_count(self) -> int:
        return await self.page.count()


def connection(page: Page[R], make: Callable[[R], T]) -> Connection[T]:
    edges = [Edge(cursor=encode_cursor(key), node=make(row)) for row, key in page.rows]
    cursors = [e.cursor for e in edges]
    return Connection(
        page=page,
        edges=edges,
        nodes=[e.node for e in edges],
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        ),
    )
