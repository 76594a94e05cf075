"""Folding model registries off the request path: each app's ``RegistryFolds``
(``Caches.registry_folds``, resolvers/caches.py).

Folding a project's registry (resolvers.models.build) takes ~200 ms at 4,000 tags. A
request never waits for a fold it can do without: when a project's tags or declarations
change, the app folds the new registry in a worker thread and swaps it into
``Caches.registries`` in one ``put`` (a reader gets the previous registry or the new one,
never a half state). It learns of the change

- from its own syncer, right after a sync's commit (``refresh``, awaited by the sync: so
  ``syncProject`` and the registry writes answer with the new registry), and
- from the bus: ``REFS_CHANGED`` on the project channel (storage/events.py) of every
  project whose registry it keeps, so a server hears of the syncs that procrastinate
  workers or other servers ran, and warms (``request``) at most
  ``GITSTUDIO_REGISTRY_WARM_PROJECTS`` projects queued at once, folded one at a time.

Meanwhile readers keep getting the registry kept before: stale by at most the fold time (and
the queue's wait). Only a reader with no registry kept at all, or one whose project the full
queue has no room for, folds on its request (joining a fold of that project already running).
A failed fold, on any path, drops the project's kept registry: the next reader folds on its
request, and gets the fold's error (or the registry, if it folds now).
Folds of one project run one after the other, each from rows read after it was asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from resolvers import models
from storage import db, queries
from storage.bus import EventBus, Subscription
from storage.caches import MISS
from storage.events import decode, project_channel

if TYPE_CHECKING:
    from resolvers.models import ProjectRegistry, RegistryCache

log = logging.getLogger(__name__)

Key = tuple[str, int]  # (database, project id), as Caches.registries keys


class RegistryFolds:
    """The registry folds of one app (see the module)."""

    def __init__(self, kept: RegistryCache, queue: int) -> None:
        self.kept = kept
        self.queue = queue  # projects waiting to be warmed at most; 0: no warming
        self.folded = 0  # folds run, on any path (tests and benches read it)
        self._waiting: dict[Key, None] = {}  # in arrival order
        self._folding: dict[Key, asyncio.Future[ProjectRegistry | None]] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._bus: EventBus | None = None
        self._watches: dict[Key, asyncio.Task[None]] = {}
        self._listening: set[Key] = set()  # watches subscribed

    def warming(self, key: Key) -> bool:
        """Whether a fold of the project is queued or running."""
        return key in self._waiting or key in self._folding

    def listening(self, project_id: int) -> bool:
        """Whether the project's REFS_CHANGED reach this app (its watch has subscribed)."""
        return (db.database_key(), project_id) in self._listening

    def request(self, project_id: int) -> bool:
        """Queue a fold off the request path; False when warming is off (not started, or
        ``queue`` 0) or the queue is full: then a reader folds on its request."""
        if self._task is None or self.queue <= 0:
            return False
        key = (db.database_key(), project_id)
        if self.warming(key):
            return True
        if len(self._waiting) >= self.queue:
            log.info("registry warm queue full (%s): project %s folds on a read", self.queue, key)
            return False
        self._waiting[key] = None
        self._wake.set()
        return True

    async def refresh(self, project_id: int) -> None:
        """After a commit of this process that changed the project's tags or declarations:
        fold the new registry now (in a thread), if this app keeps the project's registry or
        has room for it (it never evicts a read registry for one nobody asked for)."""
        key = (db.database_key(), project_id)
        if self.queue <= 0 or (key not in self.kept and len(self.kept) >= self.kept.entries):
            return
        try:
            await self.fold(project_id)
        except Exception:  # the sync stands; a reader folds it
            log.exception("folding the registry of project %s after its sync failed", project_id)

    async def fold(self, project_id: int) -> ProjectRegistry | None:
        """The project's registry as of now (None: no such project), kept: folded again
        unless the kept one's version is current. After any fold of the project already
        running (it may have read older rows)."""
        key = (db.database_key(), project_id)
        while (running := self._folding.get(key)) is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(running)
        done: asyncio.Future[ProjectRegistry | None] = asyncio.get_running_loop().create_future()
        self._folding[key] = done
        try:
            found = await self._fold(key)
        except BaseException as exc:
            # The kept registry is not served again: the next read folds itself, so a fold
            # that keeps failing is its readers' error, not a stale registry forever.
            self.kept.discard(key)
            done.set_exception(exc)
            done.exception()  # retrieved: joiners fold themselves
            raise
        else:
            done.set_result(found)
        finally:
            del self._folding[key]
        return found

    async def _fold(self, key: Key) -> ProjectRegistry | None:
        pid = key[1]
        # The sync count first: an entry is never marked newer than the rows it holds.
        project = (await queries.projects_by_ids([pid])).get(pid)
        if project is None:
            return None
        self.watch(pid)
        version = (await queries.registry_versions([pid])).get(pid)
        cached = self.kept.get(key)
        if cached is not MISS and cached[1] == version:
            self.kept.put(key, (project.sync_count, cached[1], cached[2]))
            return cached[2]
        rows = (await queries.registry_rows([pid])).get(pid)
        if rows is None:
            return None
        built = await asyncio.to_thread(_build, pid, rows)
        self.folded += 1
        self.kept.put(key, (project.sync_count, rows.version, built))  # the swap
        return built

    def watch(self, project_id: int) -> None:
        """Listen for REFS_CHANGED of a project whose registry is kept (started apps only);
        watches of projects no longer kept end, so there are about as many as the cache
        holds."""
        key = (db.database_key(), project_id)
        if self._bus is None or key in self._watches:
            return
        self._watches[key] = asyncio.create_task(self._listen(key, self._bus))
        if len(self._watches) > self.kept.entries:
            for gone in [k for k in self._watches if k not in self.kept]:
                self._watches.pop(gone).cancel()

    async def _listen(self, key: Key, bus: EventBus) -> None:
        subscription: Subscription | None = None
        try:
            subscription = await bus.subscribe(project_channel(key[1]))
            self._listening.add(key)
            async for message in subscription:
                event = decode(message)
                if event.get("type") == "REFS_CHANGED" and _registry_refs(event["detail"]):
                    self.request(key[1])
        except asyncio.CancelledError:
            raise
        except Exception:  # the bus closed or failed: reads check versions as before
            log.warning("watching the registry refs of project %s ended", key, exc_info=True)
        finally:
            self._listening.discard(key)
            if self._watches.get(key) is asyncio.current_task():
                del self._watches[key]
            if subscription is not None:
                with contextlib.suppress(Exception):
                    await subscription.close()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._waiting:
                key = next(iter(self._waiting))
                if key[0] != db.database_key():  # queued before the database changed
                    del self._waiting[key]
                    continue
                try:
                    await self.fold(key[1])
                except Exception:
                    log.exception("warming the registry of project %s failed", key)
                finally:
                    self._waiting.pop(key, None)

    async def start(self, bus: EventBus) -> None:
        self._bus = bus
        self._task = asyncio.create_task(self._run(), name="registry-folds")

    async def stop(self) -> None:
        tasks = [*self._watches.values(), *([self._task] if self._task else [])]
        self._task, self._bus = None, None
        self._watches.clear()
        self._waiting.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task


def _build(project_id: int, rows: queries.RegistryRows) -> ProjectRegistry:
    """resolvers.models.build, in a worker thread; the views of Query.models' default
    selection computed there too, before any reader sees the registry."""
    built = models.build(project_id, rows)
    built.matching(models.ModelSelection())
    for name in built.names():
        artifact = built.artifact(name)
        if artifact is not None:
            built.latest(artifact)
            built.versions(artifact, False)
            built.stages(artifact)
    return built


def _registry_refs(detail: dict[str, Any]) -> bool:
    """Whether refs that a registry is folded from moved: tags, or a branch (the default
    branch's head holds the declarations); experiment refs alone never."""
    refs = [*detail.get("updated", {}), *detail.get("deleted", [])]
    return any(isinstance(r, str) and not r.startswith("refs/exps/") for r in refs)
