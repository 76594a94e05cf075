"""The per-request context: who is asking, and the DataLoaders of this request.

Loaders are built per request (cache isolation). A websocket connection passes
``cache=False`` so every event reads fresh rows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from storage import metrics, queries
from storage.bus import EventBus
from storage.metrics import Series
from storage.records import (
    BranchRecord,
    CommitRecord,
    ExperimentRecord,
    ProjectRecord,
    TagRecord,
)
from storage.tokens import Principal
from sync.service import ProjectSyncer

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


@dataclass(slots=True)
class Loaders:
    cache: bool = True
    project: DataLoader[int, ProjectRecord | None] = field(init=False)
    branches: DataLoader[int, list[BranchRecord] | None] = field(init=False)
    tags: DataLoader[int, list[TagRecord] | None] = field(init=False)
    commit: DataLoader[tuple[int, str], CommitRecord | None] = field(init=False)
    commit_by_id: DataLoader[int, CommitRecord | None] = field(init=False)
    commit_row: DataLoader[tuple[int, str], ExperimentRecord | None] = field(init=False)
    experiments_of: DataLoader[tuple[int, str], list[ExperimentRecord] | None] = field(init=False)
    experiment: DataLoader[int, ExperimentRecord | None] = field(init=False)
    branch_names: DataLoader[int, list[str] | None] = field(init=False)
    metric_names: DataLoader[int, list[str] | None] = field(init=False)
    history: DataLoader[HistoryKey, Series] = field(init=False)

    def __post_init__(self) -> None:
        c = self.cache
        self.project = _loader(queries.projects_by_ids, lambda: None, c)
        self.branches = _loader(queries.branches_by_project, list, c)
        self.tags = _loader(queries.tags_by_project, list, c)
        self.commit = _loader(queries.commits_by_sha, lambda: None, c)
        self.commit_by_id = _loader(queries.commits_by_ids, lambda: None, c)
        self.commit_row = _loader(queries.commit_rows_by_sha, lambda: None, c)
        self.experiments_of = _loader(queries.experiments_by_baseline, list, c)
        self.experiment = _loader(queries.experiments_by_ids, lambda: None, c)
        self.branch_names = _loader(queries.branches_containing, list, c)
        self.metric_names = _loader(metrics.names_by_experiment, list, c)
        self.history = DataLoader(load_fn=_histories, cache=c, max_batch_size=500)


@dataclass(slots=True)
class Context:
    principal: Principal | None
    syncer: ProjectSyncer
    max_page_size: int
    base_url: str
    bus: EventBus
    loaders: Loaders = field(default_factory=Loaders)
    extra: dict[str, Any] = field(default_factory=dict)
