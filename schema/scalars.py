"""Scalars and small shared types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

import strawberry
from graphql import (
    GraphQLError,
    ListValueNode,
    Node,
    ObjectValueNode,
    ValueNode,
    value_from_ast_untyped,
)
from strawberry.scalars import JSON
from strawberry.types.scalar import ScalarDefinition, ScalarWrapper
from strawberry.types.scalar import scalar as make_scalar

__all__ = ["JSON", "Person", "as_json", "bounded_json", "git_time", "holds_nul", "nul_error"]

_ECMA_404 = (
    "https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf"
)


@strawberry.type(description="A Git identity.")
class Person:
    name: str
    email: str


def as_json(value: object) -> JSON:
    """Mark a decoded document as the JSON scalar (it is passed through unchanged)."""
    return cast(JSON, value)


def git_time(epoch: int, offset_minutes: int = 0) -> datetime:
    """A Git timestamp as an aware datetime in the committer's own offset."""
    tz = timezone(timedelta(minutes=offset_minutes)) if offset_minutes else UTC
    return datetime.fromtimestamp(epoch, tz)


def bounded_json(max_depth: int) -> ScalarWrapper | ScalarDefinition:
    """strawberry's JSON scalar, refusing input nested deeper than ``max_depth`` before any
    code walks it (a deep value only makes resolvers recurse until Python gives up)."""

    def parse_value(value: Any) -> Any:
        if _depth_over(value, max_depth, _children):
            raise _too_deep(max_depth)
        return value

    def parse_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> Any:
        if _depth_over(node, max_depth, _literal_children):
            raise _too_deep(max_depth)
        return parse_value(value_from_ast_untyped(node, variables))

    return make_scalar(
        name="JSON",
        description="The `JSON` scalar type represents JSON values as specified by "
        f"[ECMA-404]({_ECMA_404}).",
        specified_by_url=_ECMA_404,
        serialize=lambda v: v,
        parse_value=parse_value,
        parse_literal=parse_literal,
    )


def holds_nul(value: Any) -> bool:
    """Whether a decoded value holds a NUL character in a string (or a key): no database
    column takes one (PostgreSQL refuses the whole statement)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def nul_error(node: Node | None = None) -> GraphQLError:
    return GraphQLError(
        "strings may not contain NUL characters", node, extensions={"code": "BAD_USER_INPUT"}
    )


def _too_deep(max_depth: int) -> GraphQLError:
    return GraphQLError(
        f"JSON value nested deeper than {max_depth} levels",
        extensions={"code": "BAD_USER_INPUT", "limit": max_depth},
    )


def _children(value: Any) -> Any:
    if isinstance(value, dict):
        return value.values()
    return value if isinstance(value, list) else None


def _literal_children(node: Any) -> Any:
    if isinstance(node, ObjectValueNode):
        return [f.value for f in node.fields]
    return node.values if isinstance(node, ListValueNode) else None


def json_deeper_than(value: Any, limit: int) -> bool:
    """Whether decoded JSON nests deeper than ``limit`` (REST bodies: gitstudio.live_events)."""
    return _depth_over(value, limit, _children)


def _depth_over(value: Any, limit: int, children: Any) -> bool:
    """Whether containers nest deeper than ``limit``; walked without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        inner = children(item)
        if inner is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in inner)
    return False
