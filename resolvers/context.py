"""The per-request context: who is asking, the app's caches, and the DataLoaders of this
request.

Loaders are built per request (cache isolation); they read through the app's caches
(resolvers/caches.py) where those keep rows across requests. A websocket connection passes
``cache=False`` so every event reads fresh rows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import InitVar, dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from strawberry.dataloader import DataLoader

from storage import goals, metrics, queries
from storage.bus import EventBus
from storage.metrics import Series
from storage.records import (
    BranchRecord,
    CommitRecord,
    ExperimentRecord,
    ProjectRecord,
    TagRecord,
)
from storage.teams import Member, rosters
from storage.tokens import ANONYMOUS, Principal
from sync.scheduling import SyncScheduler
from sync.service import ProjectSyncer

if TYPE_CHECKING:
    from resolvers.caches import Caches
    from resolvers.models import ProjectRegistry
    from resolvers.series import RevisionKey
    from sync.git_series import RevisionSeries

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _loader(
    fetch: Callable[[Sequence[K]], Awaitable[dict[K, V]]],
    default: Callable[[], V | None],
    cache: bool,
) -> DataLoader[K, V | None]:
    async def load(keys: list[K]) -> list[V | None]:
        found = await fetch(keys)
        return [found.get(k, default()) for k in keys]

    return DataLoader(load_fn=load, cache=cache, max_batch_size=500)


HistoryKey = tuple[int, str, int | None, int]  # experiment id, metric, since step, max points


async def _histories(keys: list[HistoryKey]) -> list[Series]:
    """Batch per (metric, since step, max points): one query for all experiments asking."""
    groups: dict[tuple[str, int | None, int], list[int]] = {}
    for exp_id, name, since, limit in keys:
        groups.setdefault((name, since, limit), []).append(exp_id)
    found: dict[HistoryKey, Series] = {}
    for (name, since, limit), ids in groups.items():
        for exp_id, series in (await metrics.history(ids, name, since, limit)).items():
            found[(exp_id, name, since, limit)] = series
    return [found[k] for k in keys]


class Loaders:
    """The DataLoaders of one request, each built on first use (most requests need few)."""

    def __init__(self, caches: Caches, syncer: ProjectSyncer, cache: bool = True) -> None:
        self.caches = caches
        self.syncer = syncer  # where the projects' mirrors are
        self.cache = cache

    def _make(
        self, fetch: Callable[[Sequence[K]], Awaitable[dict[K, V]]], default: Callable[[], V | None]
    ) -> DataLoader[K, V | None]:
        return _loader(fetch, default, self.cache)

    @cached_property
    def project(self) -> DataLoader[int, ProjectRecord | None]:
        return self._make(
            partial(queries.projects_by_ids, cache=self.caches.projects), lambda: None
        )

    @cached_property
    def branches(self) -> DataLoader[int, list[BranchRecord] | None]:
        return self._make(queries.branches_by_project, list)

    @cached_property
    def tags(self) -> DataLoader[int, list[TagRecord] | None]:
        return self._make(queries.tags_by_project, list)

    @cached_property
    def commit(self) -> DataLoader[tuple[int, str], CommitRecord | None]:
        return self._make(queries.commits_by_sha, lambda: None)

    @cached_property
    def commit_by_id(self) -> DataLoader[int, CommitRecord | None]:
        return self._make(queries.commits_by_ids, lambda: None)

    @cached_property
    def commit_row(self) -> DataLoader[tuple[int, str], ExperimentRecord | None]:
        return self._make(queries.commit_rows_by_sha, lambda: None)

    @cached_property
    def experiments_of(self) -> DataLoader[tuple[int, str], list[ExperimentRecord] | None]:
        return self._make(queries.experiments_by_baseline, list)

    @cached_property
    def experiment(self) -> DataLoader[int, ExperimentRecord | None]:
        return self._make(queries.experiments_by_ids, lambda: None)

    @cached_property
    def branch_names(self) -> DataLoader[int, list[str] | None]:
        return self._make(queries.branches_containing, list)

    @cached_property
    def column_goals(self) -> DataLoader[int, dict[str, str] | None]:
        return self._make(goals.goals_by_project, dict)

    @cached_property
    def metric_names(self) -> DataLoader[int, list[str] | None]:
        return self._make(metrics.names_by_experiment, list)

    @cached_property
    def registry(self) -> DataLoader[int, ProjectRegistry | None]:
        from resolvers.models import registries  # it builds on this module's Context

        return self._make(partial(registries, caches=self.caches), lambda: None)

    @cached_property
    def team_members(self) -> DataLoader[int, list[Member] | None]:
        return self._make(rosters, list)

    @cached_property
    def history(self) -> DataLoader[HistoryKey, Series]:
        return DataLoader(load_fn=_histories, cache=self.cache, max_batch_size=500)

    @cached_property
    def revision_series(self) -> DataLoader[RevisionKey, RevisionSeries]:
        """A Git revision's metric series by name (resolvers.series)."""
        from resolvers.series import revision_series  # it builds on this module's loaders

        load = partial(revision_series, self, self.syncer.mirror_path)
        return DataLoader(load_fn=load, cache=self.cache, max_batch_size=500)


@dataclass(slots=True)
class Context:
    principal: Principal | None
    syncer: ProjectSyncer
    max_page_size: int
    base_url: str
    bus: EventBus
    scheduler: SyncScheduler  # where this server's syncs run (in process or queued)
    caches: Caches  # the app's (resolvers/caches.py)
    cache: InitVar[bool] = True  # False: loaders that keep nothing (a websocket event)
    loaders: Loaders = field(init=False)
    extra: dict[str, Any] = field(default_factory=dict)
    live_images: Path | None = None  # where live images are (storage.live.images_root)

    def __post_init__(self, cache: bool) -> None:
        self.loaders = Loaders(self.caches, self.syncer, cache)

    @property
    def viewer(self) -> Principal:
        """Whom reads are decided for (storage.access): the caller, or ANONYMOUS, who reads
        PUBLIC projects only."""
        return self.principal or ANONYMOUS

    @property
    def author(self) -> tuple[str, str]:
        """Who commits and tags written for this request are by: the token's owner, else
        the server's configured author."""
        owner = self.principal.owner if self.principal else None
        return owner or self.syncer.author

    async def once(self, key: Hashable, make: Callable[[], Awaitable[V]]) -> V:
        """``make()`` computed once per request for ``key``, however many fields ask (each
        waits for the same task; one asker going away does not cancel it for the others)."""
        memo: dict[Hashable, asyncio.Future[Any]] = self.extra.setdefault("once", {})
        task = memo.get(key)
        if task is None:
            task = memo[key] = asyncio.ensure_future(make())
        found: V = await asyncio.shield(task)
        return found
