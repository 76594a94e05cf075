"""Relay plumbing: global ids, opaque cursors, page info, and the ``Node`` interface."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import orjson
import strawberry


class InvalidId(ValueError):
    pass


def to_global_id(type_name: str, db_id: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{db_id}".encode()).decode().rstrip("=")


def from_global_id(global_id: str, expected: str | None = None) -> tuple[str, int]:
    """Decode ``Type:id``; also accept a bare integer when the type is known."""
    if expected and global_id.isdigit():
        return expected, int(global_id)
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw = base64.urlsafe_b64decode(padded).decode().partition(":")
        db_id = int(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidId(f"not a valid id: {global_id!r}") from None
    if expected and type_name != expected:
        raise InvalidId(f"id {global_id!r} is a {type_name}, not a {expected}")
    return type_name, db_id


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


def make_page_info(has_next: bool, has_previous: bool, cursors: list[str]) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
