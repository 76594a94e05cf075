"""The event bus: publish bytes on a channel, subscribe to a channel. One interface, two
implementations: in memory (one process, the default) and Redis pub/sub (several processes).

Publishers publish after their database commit, so a subscriber that reads the database
after subscribing misses nothing: ``subscribe`` returns once the subscription is active.
Subscriptions are cheap objects; callers that fan out to many clients subscribe once per
channel and share (gitstudio/ws.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.asyncio.client import PubSub

log = logging.getLogger(__name__)


class Subscription(Protocol):
    def __aiter__(self) -> AsyncIterator[bytes]: ...

    async def close(self) -> None: ...


class EventBus(Protocol):
    async def publish(self, channel: str, message: bytes) -> None: ...

    async def subscribe(self, channel: str) -> Subscription: ...

    async def ping(self) -> None:
        """Raise when the bus does not answer (``/healthz``)."""

    async def close(self) -> None: ...


class _LocalSubscription:
    def __init__(self, fanout: _Fanout, channel: str, maxsize: int) -> None:
        self._fanout = fanout
        self.channel = channel
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize)
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            message = await self.queue.get()
            if message is None:
                return
            yield message

    def end(self) -> None:
        """Stop the iteration (the bus is closing or the subscription was closed)."""
        self.closed = True
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(None)

    async def close(self) -> None:
        if not self.closed:
            self.end()
            await self._fanout._release(self)


class _Fanout:
    """The subscribers of this process, per channel. A subscriber whose queue is full loses
    the message (the consumer notices a gap by ``step``); the publisher never waits."""

    def __init__(self, maxsize: int) -> None:
        self._maxsize = maxsize
        self._channels: dict[str, set[_LocalSubscription]] = {}

    def _add(self, channel: str) -> _LocalSubscription:
        sub = _LocalSubscription(self, channel, self._maxsize)
        self._channels.setdefault(channel, set()).add(sub)
        return sub

    def _deliver(self, channel: str, message: bytes) -> None:
        for sub in self._channels.get(channel, ()):
            if not sub.queue.full():
                sub.queue.put_nowait(message)

    async def _release(self, sub: _LocalSubscription) -> None:
        subs = self._channels.get(sub.channel)
        if subs is None or sub not in subs:
            return
        subs.discard(sub)
        if not subs:
            del self._channels[sub.channel]
            await self._last_left(sub.channel)

    async def _last_left(self, channel: str) -> None:
        """Called when the last local subscriber of ``channel`` closed."""

    def _end_all(self) -> None:
        for subs in self._channels.values():
            for sub in subs:
                sub.end()
        self._channels.clear()


class MemoryBus(_Fanout):
    """In-process fan-out: correct with one server process only."""

    def __init__(self, maxsize: int = 10_000) -> None:
        super().__init__(maxsize)

    async def publish(self, channel: str, message: bytes) -> None:
        self._deliver(channel, message)

    async def subscribe(self, channel: str) -> Subscription:
        return self._add(channel)

    async def ping(self) -> None:
        """In process: always answers."""

    async def close(self) -> None:
        self._end_all()


class RedisBus(_Fanout):
    """Redis pub/sub behind the same interface, for several server processes.

    One connection publishes; one pub/sub connection per process carries every channel
    this process listens to (``prefix:channel`` in Redis), read by one task that hands each
    message to the local subscribers. Redis subscribe/unsubscribe commands are issued one at
    a time and awaited until Redis confirms them. After a connection error the reader
    reconnects with backoff and redis-py re-subscribes every channel; messages published
    meanwhile are lost (subscribers catch up from the database by ``sinceStep``).
    Publishing never raises: a failed publish is logged.
    """

    def __init__(self, url: str, prefix: str = "gitstudio", maxsize: int = 10_000) -> None:
        from redis.asyncio import Redis

        super().__init__(maxsize)
        self.prefix = prefix.rstrip(":")
        name = f"gitstudio-bus:{self.prefix}"
        self._publisher: Redis = Redis.from_url(
            url, single_connection_client=True, client_name=f"{name}:publish", socket_keepalive=True
        )
        # The reader wakes up every few seconds so that a dead connection is noticed (PING).
        self._listener: Redis = Redis.from_url(
            url, client_name=f"{name}:listen", socket_keepalive=True, health_check_interval=30
        )
        self._pubsub: PubSub = self._listener.pubsub()
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._ready: dict[str, asyncio.Future[None]] = {}  # channel -> subscribed in Redis
        self._waiting: dict[tuple[str, str], asyncio.Future[None]] = {}  # (kind, key)
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False

    def key(self, channel: str) -> str:
        return f"{self.prefix}:{channel}"

    async def ping(self) -> None:
        """PING on the publishing connection; raises when Redis does not answer."""
        if self._closed:
            raise RuntimeError("the event bus is closed")
        await self._publisher.ping()

    async def publish(self, channel: str, message: bytes) -> None:
        try:
            await self._publisher.publish(self.key(channel), message)
        except Exception:
            log.warning("publishing on %s failed", channel, exc_info=True)

    async def subscribe(self, channel: str) -> Subscription:
        if self._closed:
            raise RuntimeError("the event bus is closed")
        first = channel not in self._channels
        sub = self._add(channel)
        if first:
            ready = self._ready[channel] = asyncio.get_running_loop().create_future()
            task = asyncio.create_task(self._redis_subscribe(channel, ready))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        ready = self._ready[channel]
        try:
            await asyncio.shield(ready)
        except BaseException:
            await sub.close()
            raise
        return sub

    async def _redis_subscribe(self, channel: str, ready: asyncio.Future[None]) -> None:
        try:
            async with self._lock:
                await self._command("subscribe", channel)
        except Exception as exc:
            if not ready.done():
                ready.set_exception(exc)
                ready.exception()  # retrieved: subscribers that gave up do not log it
            if self._ready.get(channel) is ready:
                del self._ready[channel]
            return
        if not ready.done():
            ready.set_result(None)

    async def _last_left(self, channel: str) -> None:
        ready = self._ready.pop(channel, None)
        if ready is None or self._closed:
            return
        with contextlib.suppress(Exception):
            await asyncio.shield(ready)
        async with self._lock:
            # Someone subscribed again while we waited for the lock: keep the channel.
            if channel in self._channels or self._closed:
                return
            try:
                await self._command("unsubscribe", channel)
            except Exception:
                log.warning("unsubscribing from %s failed", channel, exc_info=True)

    async def _command(self, kind: str, channel: str, wait: float = 10.0) -> None:
        """SUBSCRIBE or UNSUBSCRIBE one channel and wait for Redis to confirm it."""
        key = self.key(channel)
        confirmed = asyncio.get_running_loop().create_future()
        self._waiting[(kind, key)] = confirmed
        try:
            if kind == "subscribe":
                await self._pubsub.subscribe(key)
            else:
                await self._pubsub.unsubscribe(key)
            if self._reader is None:
                self._reader = asyncio.create_task(self._read(), name="redis-bus-reader")
            await asyncio.wait_for(confirmed, wait)
        finally:
            self._waiting.pop((kind, key), None)

    async def _read(self) -> None:
        backoff = 0.1
        while True:
            try:
                message = await self._pubsub.get_message(timeout=5.0)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("event bus connection lost; reconnecting", exc_info=True)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            backoff = 0.1
            if message is not None:
                self._handle(message)

    def _handle(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        raw = message["channel"]
        key = raw.decode() if isinstance(raw, bytes) else str(raw)
        if kind == "message":
            channel = key[len(self.prefix) + 1 :]
            data = message["data"]
            self._deliver(channel, data if isinstance(data, bytes) else str(data).encode())
        elif kind in ("subscribe", "unsubscribe"):
            waiter = self._waiting.get((kind, key))
            if waiter is not None and not waiter.done():
                waiter.set_result(None)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._end_all()
        for ready in self._ready.values():
            if not ready.done():
                ready.set_exception(RuntimeError("the event bus is closed"))
                ready.exception()
        self._ready.clear()
        for task in [*self._tasks, *([self._reader] if self._reader else [])]:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        with contextlib.suppress(Exception):
            await self._pubsub.aclose()
        for client in (self._listener, self._publisher):
            with contextlib.suppress(Exception):
                await client.aclose()


def make_bus(url: str, prefix: str = "gitstudio") -> EventBus:
    """``memory`` (default) or ``redis://host:port/db`` (``rediss://`` and ``unix://`` too);
    ``prefix`` namespaces the Redis channels (several deployments on one Redis)."""
    if url in ("", "memory"):
        return MemoryBus()
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisBus(url, prefix)
    raise ValueError(f"unknown event bus {url!r}: use 'memory' or 'redis://...'")
