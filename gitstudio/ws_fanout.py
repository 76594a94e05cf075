"""Fan-out of subscription events to many websockets.

Subscribers of the same operation (document, operation, variables, source stream, and what
the subscriber may see: its token's scopes and its role on the project) form a
:class:`Group`: one bus subscription and one execution per event, whose payload is
serialized once and spliced into each subscriber's frame. Before an event, a group asks
each member whether it may still read the project when access changed in this process
(storage.caches.ACCESS) or RECHECK_SECONDS passed (changes made by other processes reach
here within their caches' lifetimes): one that may not leaves with an error. Every websocket has an
:class:`Outbox`, a bounded queue drained by a sender task while it holds frames: the group
only appends (never awaits), and a websocket whose outbox is full is closed as too slow.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from graphql.execution import Executor
from starlette.types import Send

from gitstudio.ws_documents import execute_event, payload
from resolvers.live import EventStream, Marker, Overlap
from storage import telemetry
from storage.caches import ACCESS

log = logging.getLogger(__name__)

# At least this often a group decides again whether its members may read the project.
RECHECK_SECONDS = 2.0


class Outbox:
    """Text frames waiting for one websocket, sent in order by a sender task that runs only
    while there are frames: an idle websocket holds neither a task nor a queue."""

    __slots__ = ("_drained", "_frames", "_gone", "_send", "_task", "limit")

    def __init__(self, send: Send, limit: int) -> None:
        self._send = send
        self._frames: deque[str] | None = None  # None while empty
        self._drained: asyncio.Future[None] | None = None
        self._task: asyncio.Task[None] | None = None
        self._gone = False  # stopped, or the client went away: frames are dropped
        self.limit = limit

    def push(self, frame: str) -> bool:
        """Queue a frame without waiting; False (frame dropped) when the outbox is full."""
        frames = self._frames
        if frames is not None and len(frames) >= self.limit:
            return False
        self.push_control(frame)
        return True

    def push_control(self, frame: str) -> None:
        """Queue a protocol frame (ack, pong, complete, error): small and rare, never refused."""
        if self._gone:
            return
        frames = self._frames
        if frames is None:
            frames = self._frames = deque()
        frames.append(frame)
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def put(self, frame: str) -> None:
        """Queue a frame, waiting for the outbox to drain first if it is full (catch-up)."""
        while (frames := self._frames) is not None and len(frames) >= self.limit:
            if self._gone:
                return
            await self.drained()
        self.push(frame)

    async def drained(self) -> None:
        """Wait until every queued frame was handed to the server."""
        if not self._frames or self._task is None:
            return
        if self._drained is None:
            self._drained = asyncio.get_running_loop().create_future()
        await asyncio.shield(self._drained)

    async def _run(self) -> None:
        send = self._send
        try:
            while frames := self._frames:
                await send({"type": "websocket.send", "text": frames.popleft()})
        except OSError:  # the client went away (uvicorn's ClientDisconnected)
            self._gone = True
        except BaseException:
            self._gone = True
            raise
        finally:
            # No await since the last check: nothing was queued in between.
            self._task = self._frames = None
            drained, self._drained = self._drained, None
            if drained is not None and not drained.done():
                drained.set_result(None)

    async def stop(self) -> None:
        self._gone = True
        self._frames = None
        task = self._task
        if task is not None:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task


class Peer(Protocol):
    """The websocket side of a member."""

    outbox: Outbox

    def too_slow(self) -> None: ...

    def ended(self, member: Member) -> None: ...

    def withdrawn(self, member: Member) -> None: ...

    async def may_stay(self, member: Member) -> bool: ...


class Member:
    """One subscription (operation id) of one websocket in a group."""

    __slots__ = (
        "group",
        "head",
        "id",
        "outbox",
        "overlap",
        "peer",
        "pending",
        "project_id",
        "view",
    )

    def __init__(self, peer: Peer, op_id: str, head: str, project_id: int, view: Hashable) -> None:
        self.peer = peer
        self.project_id = project_id  # whose events it receives
        self.view = view  # what it saw of the project when it joined (storage.access.view)
        self.outbox = peer.outbox
        self.id = op_id
        self.head = head  # the frame up to its payload: {"id":..,"type":"next","payload":
        # Live events arriving while the catch-up is sent: delivered after it.
        self.pending: list[tuple[str, Marker | None]] | None = []
        # What the catch-up already sent (None once nothing can overlap any more).
        self.overlap: Overlap | None = None
        self.group: Group | None = None

    def go_live(self, overlap: Overlap) -> None:
        """The catch-up was queued: flush the events that arrived meanwhile, then go live."""
        pending, self.pending = self.pending or [], None
        for text, marker in pending:
            if overlap.keep(marker) and not self.outbox.push(f"{self.head}{text}}}"):
                self.peer.too_slow()
                return
        self.overlap = None if overlap.spent else overlap

    def keep(self, marker: Marker | None) -> bool:
        """Whether a live event is new to this subscriber (only asked while it may not be)."""
        overlap = self.overlap
        assert overlap is not None
        if not overlap.keep(marker):
            return False
        if overlap.spent:
            self.overlap = None
        return True


class Group:
    """Subscribers sharing one source stream and one execution per event."""

    def __init__(
        self, hub: Hub, key: Hashable, stream: EventStream[Any], executor: Executor[Any]
    ) -> None:
        self.hub = hub
        self.key = key
        self.stream = stream
        self.executor = executor
        self.members: dict[Member, None] = {}
        self.epoch, self.checked = ACCESS.value, time.monotonic()
        self.ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        stream = self.stream
        try:
            subscription = await stream.bus.subscribe(stream.channel)
        except Exception as exc:
            self.hub.discard(self)
            self.ready.set_exception(exc)
            return
        self.ready.set_result(None)
        try:
            async for message in subscription:
                try:
                    item = stream.accept(message)
                    if item is None:
                        continue
                    await self.recheck()
                    text = payload(await execute_event(self.executor, item[0]))
                except Exception:
                    log.exception("a subscription event could not be executed")
                    continue
                self.deliver(text, item[1])
                # Let the sender tasks drain before the next event: a burst of events must
                # not pile up in the outboxes of subscribers that are keeping up.
                await asyncio.sleep(0)
        finally:
            self.hub.discard(self)
            await subscription.close()
        # The bus ended the stream (shutdown): complete every subscriber.
        for member in list(self.members):
            member.peer.ended(member)

    async def recheck(self) -> None:
        """Withdraw the members that may no longer read the project (see the module)."""
        now = time.monotonic()
        if ACCESS.value == self.epoch and now - self.checked < RECHECK_SECONDS:
            return
        self.epoch, self.checked = ACCESS.value, now
        for member in list(self.members):
            if not await member.peer.may_stay(member):
                member.peer.withdrawn(member)

    def deliver(self, text: str, marker: Marker | None) -> None:
        slow: list[Member] = []
        for member in self.members:
            if member.pending is not None:
                member.pending.append((text, marker))
                if len(member.pending) > member.outbox.limit:
                    slow.append(member)
            elif member.overlap is not None and not member.keep(marker):
                continue
            elif not member.outbox.push(f"{member.head}{text}}}"):
                slow.append(member)
        for member in slow:
            member.peer.too_slow()

    def remove(self, member: Member) -> None:
        if member in self.members:
            del self.members[member]
            telemetry.subscribed(-1)
        member.group = None
        if not self.members:
            self.hub.discard(self)
            self.task.cancel()


class Hub:
    """The groups of one app, by key."""

    def __init__(self) -> None:
        self.groups: dict[Hashable, Group] = {}

    async def join(self, key: Hashable, member: Member, make_group: Callable[[], Group]) -> None:
        """Add ``member`` to the group of ``key`` (made if needed) and wait until the
        group's bus subscription is active; live events are buffered in the member from
        then on."""
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = make_group()
        group.members[member] = None
        telemetry.subscribed()
        member.group = group
        try:
            await asyncio.shield(group.ready)
        except BaseException:
            group.remove(member)
            raise

    def discard(self, group: Group) -> None:
        if self.groups.get(group.key) is group:
            del self.groups[group.key]
