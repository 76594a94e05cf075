"""Scalars and small shared types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import cast

import strawberry
from strawberry.scalars import JSON

__all__ = ["JSON", "Person", "as_json", "git_time"]


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
