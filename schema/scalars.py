"""Scalars and small shared types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import strawberry
from strawberry.scalars import JSON

__all__ = ["JSON", "Person", "git_time"]


@strawberry.type(description="A Git identity.")
class Person:
    name: str
    email: str


def git_time(epoch: int, offset_minutes: int = 0) -> datetime:
    """A Git timestamp as an aware datetime in the committer's own offset."""
    tz = timezone(timedelta(minutes=offset_minutes)) if offset_minutes else UTC
    return datetime.fromtimestamp(epoch, tz)
