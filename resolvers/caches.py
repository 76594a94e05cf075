"""The caches of one app, made once from its settings (gitstudio.app.State; a worker process
makes its own) and reached through it: the resolvers' Context, the routes' state.

Each is a storage.caches.BoundedCache of a size the settings give, so two apps in one
process share nothing (tests run several). Token and project caches also drop their entries
when this process revokes a token or writes a project (storage.caches.Family); entries
other processes changed expire after their TTL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from resolvers.registry_folds import RegistryFolds
from storage.caches import BoundedCache
from storage.limits import from_settings
from storage.queries import ProjectCache, project_cache
from storage.tokens import TokenCache, TokenUses, token_cache
from sync.dvcproject import BlobCache

if TYPE_CHECKING:
    from resolvers.models import RegistryCache


@dataclass(frozen=True, slots=True)
class CacheSizes:
    """Entries each cache holds; fields named as the settings (gitstudio.settings)."""

    token_cache_entries: int
    project_cache_entries: int
    registry_cache_projects: int
    registry_warm_projects: int
    plot_name_cache_entries: int
    live_run_cache_entries: int
    plot_cache_entries: int
    plot_cache_values: int


class Caches:
    """What one app keeps between requests (see the module)."""

    __slots__ = (
        "live_runs",
        "plot_blobs",
        "plot_names",
        "projects",
        "registries",
        "registry_folds",
        "token_uses",
        "tokens",
    )

    def __init__(self, sizes: CacheSizes) -> None:
        # Principals by token hash, for CACHE_TTL seconds (storage.tokens).
        self.tokens: TokenCache = token_cache(sizes.token_cache_entries)
        # Token uses to write as lastUsedAt, of as many tokens as the cache holds; its
        # flushing task runs with the app's lifespan (gitstudio.app.State.services).
        self.token_uses = TokenUses(sizes.token_cache_entries)
        # Project rows by id and by name, for PROJECT_TTL seconds (storage.queries).
        self.projects: ProjectCache = project_cache(sizes.project_cache_entries)
        # Folded model registries, checked against the project's sync (resolvers.models).
        self.registries: RegistryCache = BoundedCache(sizes.registry_cache_projects)
        # Their folds off the request path, at most this many projects queued; warming
        # runs while a server's lifespan starts it (gitstudio.app.warm_registries).
        self.registry_folds = RegistryFolds(self.registries, sizes.registry_warm_projects)
        # POST /api/live: plot file key -> (metric name, value column) (live_events).
        self.plot_names: BoundedCache[str, tuple[str, str]] = BoundedCache(
            sizes.plot_name_cache_entries
        )
        # POST /api/live in monorepos: (repository, baseline, run name) -> its projects' ids.
        self.live_runs: BoundedCache[tuple[str, str, str], tuple[int, ...]] = BoundedCache(
            sizes.live_run_cache_entries
        )
        # Plots: parsed data files, templates and dvc.yaml files by blob id (resolvers.plots).
        self.plot_blobs = BlobCache(sizes.plot_cache_entries, sizes.plot_cache_values)

    @classmethod
    def from_settings(cls, settings: object) -> Caches:
        """From gitstudio.settings.Settings (which this layer cannot import)."""
        return cls(from_settings(CacheSizes, settings))
