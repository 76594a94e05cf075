"""Subscription sources: which bus channel a subscription listens to, which events of it it
keeps, and what a late (or reconnecting) subscriber missed, read from the database.

A root subscription field returns an :class:`EventStream`. Iterating it serves one
subscriber on its own: subscribe to the bus, *then* read the catch-up from the database,
then the live events without gap or duplicate (publishers publish after their commit).
gitstudio/ws.py does the same for many subscribers at once: subscribers of one operation
share the bus subscription and the execution of each live event (:attr:`EventStream.key`
names what they share), and each runs only :meth:`EventStream.catch_up` on its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import orjson

from resolvers.context import Context
from resolvers.errors import not_found
from storage import live_reads
from storage.bus import EventBus
from storage.events import experiments_channel, live_channel, project_channel, registry_channel

R = TypeVar("R")
S = TypeVar("S")

FINISHED = frozenset({"COMPLETED", "FAILED"})


@dataclass(frozen=True, slots=True)
class LiveRecord:
    """One liveMetrics event: START, DATA (the values of one step) or DONE."""

    type: str
    experiment_id: int
    step: int | None
    metrics: dict[str, Any]
    published_at: float | None = None  # None for events replayed from the database
    images: tuple[str, ...] = ()  # DATA: the images logged at the step (DVC-root paths)


@dataclass(frozen=True, slots=True)
class ExperimentChange:
    change: str  # CREATED, UPDATED, STATUS, LINKED or REMOVED
    experiment_id: int
    published_at: float | None


@dataclass(frozen=True, slots=True)
class ProjectChange:
    type: str  # SYNC_*, COMMITS_ADDED, REFS_CHANGED, PULL_REQUEST_* (storage.events)
    detail: dict[str, Any]
    published_at: float | None


@dataclass(frozen=True, slots=True)
class Marker:
    """Where an event sits in its run, to tell whether a subscriber already has it."""

    run: int
    type: str
    step: int | None = None
    names: frozenset[str] = frozenset()


_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class Overlap:
    """What one subscriber was sent from the database; :meth:`keep` drops the live events
    it already has (published after it subscribed, but committed before it read).

    DATA: steps up to the last replayed one (at that step, events that bring no new metric
    name). START / DONE: by the run's phase at the read: a START while it was running, or a
    DONE once it had ended, is the one already known (a START after DONE is a resumed run).
    A run is forgotten once a live event goes beyond what was read."""

    # run -> (last step the subscriber has, the names it has at that step; None: all)
    floor: dict[int, tuple[int, frozenset[str] | None]] = field(default_factory=dict)
    phase: dict[int, str] = field(default_factory=dict)  # run -> "RUNNING" or "DONE"

    def keep(self, marker: Marker | None) -> bool:
        if marker is None:
            return True
        run = marker.run
        if marker.type == "DATA":
            have = self.floor.get(run)
            if have is None or marker.step is None:
                return True
            step, names = have
            if marker.step > step:
                self._forget(run)
                return True
            return marker.step == step and names is not None and not marker.names <= names
        phase = self.phase.get(run)
        if phase is None:
            return True
        if (marker.type == "START") == (phase == "RUNNING"):
            return False
        self._forget(run)
        return True

    def _forget(self, run: int) -> None:
        self.floor.pop(run, None)
        self.phase.pop(run, None)

    @property
    def spent(self) -> bool:
        return not (self.floor or self.phase)


Item = tuple[R, Marker | None]


@dataclass(slots=True)
class CatchUp(Generic[R]):
    items: list[Item[R]]
    overlap: Overlap


class EventStream(Generic[R]):
    """A subscription's source: the events of ``channel`` that ``decode`` keeps, preceded
    by what ``catch_up`` reads from the database."""

    def __init__(
        self,
        bus: EventBus,
        project_id: int,
        channel: str,
        key: Hashable,
        decode: Callable[[dict[str, Any]], Item[R] | None],
        catch_up: Callable[[], Awaitable[CatchUp[R]]] | None = None,
    ) -> None:
        self.bus = bus
        self.project_id = project_id  # whose events: what a subscriber must be able to read
        self.channel = channel
        self.key = key  # equal keys: equal live events (the catch-up may differ)
        self._decode = decode
        self._catch_up = catch_up

    def accept(self, message: bytes) -> Item[R] | None:
        """The event a bus message carries for this stream, or None if it is not for it."""
        return self._decode(orjson.loads(message))

    async def catch_up(self) -> CatchUp[R]:
        """What the subscriber missed; call it after subscribing to ``channel``."""
        if self._catch_up is None:
            return CatchUp([], Overlap())
        return await self._catch_up()

    def map(self, convert: Callable[[R], S]) -> EventStream[S]:
        def decode(event: dict[str, Any]) -> Item[S] | None:
            item = self._decode(event)
            return None if item is None else (convert(item[0]), item[1])

        async def catch_up() -> CatchUp[S]:
            done = await self.catch_up()
            return CatchUp([(convert(r), m) for r, m in done.items], done.overlap)

        return EventStream(self.bus, self.project_id, self.channel, self.key, decode, catch_up)

    async def __aiter__(self) -> AsyncIterator[R]:
        subscription = await self.bus.subscribe(self.channel)
        try:
            done = await self.catch_up()
            for root, _marker in done.items:
                yield root
            overlap = done.overlap
            async for message in subscription:
                item = self.accept(message)
                if item is not None and overlap.keep(item[1]):
                    yield item[0]
        finally:
            await subscription.close()


async def _project(ctx: Context, project_id: int) -> None:
    if await ctx.loaders.project.load(project_id) is None:
        raise not_found("project")


async def live_metrics(
    ctx: Context, project_id: int, experiment_id: int | None, since_step: int | None
) -> EventStream[LiveRecord]:
    """START / DATA / DONE of one run, or of every run of the project. The catch-up replays
    the run's stored points after ``since_step`` (one DATA per step), preceded by START when
    ``since_step`` is None and followed by DONE when the run has finished; without
    ``experiment_id`` it replays the project's running runs."""
    await _project(ctx, project_id)
    if experiment_id is not None:
        run = await live_reads.live_run(experiment_id)
        if run is None or run.project_id != project_id:
            raise not_found("experiment")

    def decode(event: dict[str, Any]) -> Item[LiveRecord] | None:
        run_id = event["experimentId"]
        if experiment_id is not None and run_id != experiment_id:
            return None
        type_, step, metrics = event["type"], event.get("step"), event.get("metrics") or {}
        images = tuple(event.get("images") or ())
        record = LiveRecord(type_, run_id, step, metrics, event.get("ts"), images)
        return record, Marker(run_id, type_, step, _names(record) if type_ == "DATA" else _NONE)

    async def catch_up() -> CatchUp[LiveRecord]:
        if experiment_id is not None:
            found = await live_reads.live_run(experiment_id)
            runs = [found] if found is not None else []
        else:
            runs = await live_reads.running_runs(project_id)
        done = CatchUp[LiveRecord]([], Overlap())
        for run in runs:
            await _replay_run(run, since_step, done)
        return done

    key = ("live", project_id, experiment_id)
    return EventStream(ctx.bus, project_id, live_channel(project_id), key, decode, catch_up)


async def _replay_run(run: live_reads.LiveRun, since_step: int | None, into: CatchUp[Any]) -> None:
    items, overlap = into.items, into.overlap
    finished = run.status in FINISHED
    if run.live:
        overlap.phase[run.id] = "DONE" if finished else "RUNNING"
        if since_step is None:
            items.append((LiveRecord("START", run.id, None, {}), None))
    steps = await live_reads.steps_with_images(run.id, since_step)
    replayed = [
        LiveRecord("DATA", run.id, step, metrics, None, images) for step, metrics, images in steps
    ]
    items.extend((record, None) for record in replayed)
    if replayed:
        overlap.floor[run.id] = (steps[-1][0], _names(replayed[-1]))
    elif since_step is not None:
        overlap.floor[run.id] = (since_step, None)
    if run.live and finished:
        items.append((LiveRecord("DONE", run.id, run.last_step, {}), None))


def _names(record: LiveRecord) -> frozenset[str]:
    """What a DATA event brings, to tell it from one already replayed: its metric names and
    its images."""
    return frozenset(record.metrics) | {f"image:{path}" for path in record.images}


async def experiment_events(ctx: Context, project_id: int) -> EventStream[ExperimentChange]:
    """Experiment rows of the project created, changed or removed (no catch-up)."""
    await _project(ctx, project_id)

    def decode(event: dict[str, Any]) -> Item[ExperimentChange] | None:
        change = ExperimentChange(event["change"], event["experimentId"], event.get("ts"))
        return change, None

    key = ("experiments", project_id)
    return EventStream(ctx.bus, project_id, experiments_channel(project_id), key, decode)


@dataclass(frozen=True, slots=True)
class RegistryChange:
    detail: dict[str, Any]  # the tag written: tag, action, model, version, stage, commit, message
    published_at: float | None


async def registry_events(ctx: Context, project_id: int) -> EventStream[RegistryChange]:
    """Registry tags written through gitstudio for the project (no catch-up)."""
    await _project(ctx, project_id)

    def decode(event: dict[str, Any]) -> Item[RegistryChange] | None:
        return RegistryChange(event.get("detail") or {}, event.get("ts")), None

    key = ("registry", project_id)
    return EventStream(ctx.bus, project_id, registry_channel(project_id), key, decode)


async def project_events(ctx: Context, project_id: int) -> EventStream[ProjectChange]:
    """Sync progress, new commits and changed refs of the project (no catch-up)."""
    await _project(ctx, project_id)

    def decode(event: dict[str, Any]) -> Item[ProjectChange] | None:
        return ProjectChange(event["type"], event.get("detail") or {}, event.get("ts")), None

    key = ("project", project_id)
    return EventStream(ctx.bus, project_id, project_channel(project_id), key, decode)
