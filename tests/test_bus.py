"""The event buses: in memory, and Redis pub/sub (a real Redis; skipped when unreachable,
required under CI=true). Each run uses its own Redis channel prefix and leaves no channel."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis
from services import require_service
from ws_support import REDIS_URL, redis_reachable

from storage.bus import EventBus, MemoryBus, RedisBus, Subscription, make_bus


@pytest.fixture
def prefix() -> str:
    return f"gitstudio-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def redis(prefix: str) -> AsyncIterator[Redis]:
    require_service("Redis", redis_reachable())
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()
    await _no_channels_left(prefix)


@pytest.fixture(params=["memory", "redis"])
async def bus(request: pytest.FixtureRequest, prefix: str) -> AsyncIterator[EventBus]:
    if request.param == "memory":
        memory = MemoryBus()
        yield memory
        await memory.close()
        return
    require_service("Redis", redis_reachable())
    redis_bus = RedisBus(REDIS_URL, prefix)
    yield redis_bus
    await redis_bus.close()
    await _no_channels_left(prefix)


async def take(sub: Subscription, n: int, timeout: float = 5) -> list[bytes]:
    got: list[bytes] = []

    async def read() -> None:
        async for message in sub:
            got.append(message)
            if len(got) == n:
                return

    await asyncio.wait_for(read(), timeout)
    return got


async def nothing(sub: Subscription, wait: float = 0.2) -> bool:
    try:
        await take(sub, 1, wait)
    except TimeoutError:
        return True
    return False


async def test_publish_reaches_the_subscribers_of_its_channel(bus: EventBus) -> None:
    a1, a2, b = await bus.subscribe("a"), await bus.subscribe("a"), await bus.subscribe("b")
    # subscribe() returns once the subscription is active: nothing published after is lost.
    for i in range(50):
        await bus.publish("a", b"a%d" % i)
    await bus.publish("b", b"b0")
    await bus.publish("elsewhere", b"x")
    expected = [b"a%d" % i for i in range(50)]
    assert await take(a1, 50) == expected
    assert await take(a2, 50) == expected
    assert await take(b, 1) == [b"b0"]
    assert await nothing(b)
    for sub in (a1, a2, b):
        await sub.close()


async def test_a_closed_subscription_ends_and_others_go_on(bus: EventBus) -> None:
    kept, closed = await bus.subscribe("c"), await bus.subscribe("c")
    await closed.close()
    assert await take(closed, 1, 1) == []  # its iteration ends at once
    await bus.publish("c", b"1")
    assert await take(kept, 1) == [b"1"]
    await kept.close()
    again = await bus.subscribe("c")  # the channel can be subscribed again
    await bus.publish("c", b"2")
    assert await take(again, 1) == [b"2"]
    await again.close()


async def test_closing_the_bus_ends_every_subscription(bus: EventBus) -> None:
    subs = [await bus.subscribe(f"ch{i % 3}") for i in range(6)]
    readers = [asyncio.create_task(take(s, 1, 5)) for s in subs]
    for _ in range(3):  # let every reader reach its wait (no time passes)
        await asyncio.sleep(0)
    await bus.close()
    for reader in readers:
        assert await reader == []


async def test_redis_bus_spans_processes_on_prefixed_channels(redis: Redis, prefix: str) -> None:
    one, two = RedisBus(REDIS_URL, prefix), RedisBus(REDIS_URL, prefix)
    other = RedisBus(REDIS_URL, prefix + "-other")
    try:
        mine, theirs = await one.subscribe("live:1"), await other.subscribe("live:1")
        await two.subscribe("live:2")
        assert sorted(await redis.pubsub_channels(f"{prefix}:*")) == [
            f"{prefix}:live:1".encode(),
            f"{prefix}:live:2".encode(),
        ]
        # One pub/sub connection per bus, whatever the number of channels.
        for i in range(20):
            await one.subscribe(f"extra:{i}")
        assert len(await _clients(redis, f"gitstudio-bus:{prefix}:listen")) == 2
        await two.publish("live:1", b"from two")
        assert await take(mine, 1) == [b"from two"]
        assert await nothing(theirs)  # another prefix, another deployment
    finally:
        for bus in (one, two, other):
            await bus.close()


async def test_redis_bus_reconnects_after_losing_its_connection(redis: Redis, prefix: str) -> None:
    bus = RedisBus(REDIS_URL, prefix)
    try:
        sub = await bus.subscribe("live:1")
        (client_id,) = await _clients(redis, f"gitstudio-bus:{prefix}:listen")
        await redis.client_kill_filter(_id=client_id)
        received: list[bytes] = []

        async def read() -> None:
            async for message in sub:
                received.append(message)
                return

        reader = asyncio.create_task(read())
        for _ in range(100):  # messages published while reconnecting are lost
            await bus.publish("live:1", b"again")
            await asyncio.sleep(0.05)
            if received:
                break
        await asyncio.wait_for(reader, 1)
        assert received == [b"again"]
    finally:
        await bus.close()


def test_make_bus() -> None:
    assert isinstance(make_bus("memory"), MemoryBus)
    assert isinstance(make_bus(""), MemoryBus)
    redis_bus = make_bus("redis://127.0.0.1:6379/0", "p")
    assert isinstance(redis_bus, RedisBus) and redis_bus.key("live:1") == "p:live:1"
    with pytest.raises(ValueError, match="unknown event bus"):
        make_bus("kafka://x")


async def _clients(redis: Redis, name: str) -> list[int]:
    clients: list[dict[str, Any]] = await redis.client_list()
    return [int(c["id"]) for c in clients if c.get("name") == name]


async def _no_channels_left(prefix: str) -> None:
    """Nothing of this run stays subscribed (a closed connection may take a moment)."""
    client = Redis.from_url(REDIS_URL)
    try:
        for _ in range(50):
            if await client.pubsub_channels(f"{prefix}:*") == []:
                return
            await asyncio.sleep(0.02)
        raise AssertionError(await client.pubsub_channels(f"{prefix}:*"))
    finally:
        await client.aclose()
