"""The caches each app keeps (resolvers/caches.py, storage/caches.py): bounded by the
settings, one set per app (two apps in one process share nothing), and what this process
writes to its one database (a revoked token, a project write) reaches every app at once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import httpx
import pytest
from live_support import event, rows
from starlette.applications import Starlette
from support import Api

from gitstudio.app import create_app
from gitstudio.live_events import parse_live
from gitstudio.settings import Settings, from_env
from resolvers.caches import Caches
from storage import caches as cache_module
from storage.caches import MISS, BoundedCache
from storage.queries import forget_projects
from storage.tokens import Scope, create_token, hash_token, revoke_token

SIZES = {
    "token_cache_entries": ("GITSTUDIO_TOKEN_CACHE_ENTRIES", "tokens"),
    "project_cache_entries": ("GITSTUDIO_PROJECT_CACHE_ENTRIES", "projects"),
    "registry_cache_projects": ("GITSTUDIO_REGISTRY_CACHE_PROJECTS", "registries"),
    "plot_name_cache_entries": ("GITSTUDIO_PLOT_NAME_CACHE_ENTRIES", "plot_names"),
    "live_run_cache_entries": ("GITSTUDIO_LIVE_RUN_CACHE_ENTRIES", "live_runs"),
}


class Clock:
    """storage.caches' clock, moved by the test (TTLs without sleeping)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(cache_module, "monotonic", fake)
    return fake


def test_least_recently_used_goes_first_and_the_bound_holds() -> None:
    cache: BoundedCache[int, str | None] = BoundedCache(3)
    for key in range(3):
        cache.put(key, str(key))
    assert cache.get(0) == "0"  # 0 is now the most recently used: 1 goes next
    cache.put(3, None)  # None is a value (e.g. "no such token"), not a miss
    assert cache.get(1) is MISS
    assert [cache.get(k) for k in (0, 2, 3)] == ["0", "2", None]
    for key in range(100, 1000):
        cache.put(key, "x")
        assert len(cache) <= 3
    assert cache.values() == ["x", "x", "x"]
    cache.discard(999)
    assert cache.get(999) is MISS and len(cache) == 2
    cache.clear()
    assert len(cache) == 0


def test_zero_entries_keeps_nothing_and_negative_is_refused() -> None:
    cache: BoundedCache[str, int] = BoundedCache(0)
    cache.put("a", 1)
    assert cache.get("a") is MISS and len(cache) == 0
    with pytest.raises(ValueError, match="-1 entries"):
        BoundedCache(-1)


def test_a_value_answers_for_its_ttl_then_misses(clock: Clock) -> None:
    cache: BoundedCache[str, int] = BoundedCache(10, ttl=2.0)
    cache.put("a", 1)
    clock.now += 1.9
    assert cache.get("a") == 1  # a hit does not extend it
    cache.put("b", 2)
    clock.now += 0.1
    assert cache.get("a") is MISS
    assert cache.get("b") == 2
    cache.put("a", 3)  # put again: a fresh TTL
    clock.now += 1.99
    assert cache.get("a") == 3


def test_with_a_ttl_the_order_is_that_of_the_puts(clock: Clock) -> None:
    """A hit on a TTL cache (every request's token and project) reorders nothing: a value in
    use is put again every TTL, which moves it to the end."""
    cache: BoundedCache[str, int] = BoundedCache(2, ttl=5.0)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.get("a") is MISS
    assert [cache.get("b"), cache.get("c")] == [2, 3]


def test_every_size_is_a_setting() -> None:
    env = {name: str(7 + i) for i, (name, _) in enumerate(SIZES.values())}
    settings = from_env(env)
    caches = Caches.from_settings(settings)
    for i, (attr, (_name, cache)) in enumerate(SIZES.items()):
        assert getattr(settings, attr) == 7 + i
        assert getattr(caches, cache).entries == 7 + i, cache


def test_plot_names_stay_within_their_bound() -> None:
    names = Caches.from_settings(Settings(plot_name_cache_entries=2)).plot_names
    for i in range(6):
        doc = event("data", "https://example.com/r.git", "a" * 40, "run", step=1)
        doc["plots"] = rows(f"train/m{i}", (1, 0.5))
        parsed = parse_live(doc, 100, names)
        assert [p[0] for p in parsed.event.points] == [f"train/m{i}"]
        assert len(names) <= 2


@dataclass
class App:
    app: Starlette
    client: httpx.AsyncClient

    @property
    def caches(self) -> Caches:
        found: Caches = self.app.state.gitstudio.caches
        return found

    async def status(self, token: str, query: str = "{ __typename }") -> int:
        response = await self.client.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"token {token}"}
        )
        return response.status_code


@pytest.fixture
async def two_apps(api: Api) -> AsyncIterator[tuple[App, App]]:
    """Two apps on the process's one database, with different small caches."""
    small = replace(api.settings, token_cache_entries=3, project_cache_entries=4)
    other = replace(api.settings, token_cache_entries=5, project_cache_entries=6)
    apps = [create_app(small), create_app(other)]
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=apps[0]), base_url="http://a") as a,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=apps[1]), base_url="http://b") as b,
    ):
        yield App(apps[0], a), App(apps[1], b)


async def _tokens(n: int, unique: str) -> list[str]:
    return [(await create_token(f"{unique}-{i}", frozenset({Scope.READ})))[1] for i in range(n)]


async def test_two_apps_keep_their_own_token_caches(two_apps: tuple[App, App], unique: str) -> None:
    a, b = two_apps
    assert a.caches.tokens is not b.caches.tokens
    tokens = await _tokens(8, unique)
    for token in tokens:
        assert await a.status(token) == 200
        assert len(a.caches.tokens) <= 3
    unknown = [f"dsat_{unique}{i:043d}" for i in range(20)]  # 48 characters, never minted
    for token in unknown:
        assert await a.status(token) == 401
        assert len(a.caches.tokens) <= 3
    assert len(b.caches.tokens) == 0  # nothing of a's requests in b
    for token in tokens[:5]:
        assert await b.status(token) == 200
    assert len(b.caches.tokens) == 5
    assert all(b.caches.tokens.get(hash_token(t)) is not MISS for t in tokens[:5])
    assert a.caches.tokens.get(hash_token(tokens[0])) is MISS  # evicted from a only
    for token in tokens[5:]:
        assert await b.status(token) == 200
        assert len(b.caches.tokens) <= 5
    a.caches.tokens.clear()
    assert len(b.caches.tokens) == 5  # clearing a's leaves b's


async def test_two_apps_keep_their_own_project_caches(
    two_apps: tuple[App, App], api: Api, unique: str
) -> None:
    a, b = two_apps
    query = '{ project(name: "%s") { id } }'
    for i in range(10):  # unknown names are remembered (briefly) too: the bound matters
        assert await a.status(api.token, query % f"{unique}-{i}") == 200
        assert len(a.caches.projects) <= 4
    assert len(a.caches.projects) == 4
    assert len(b.caches.projects) == 0
    for i in range(10):
        assert await b.status(api.token, query % f"{unique}-{i}") == 200
        assert len(b.caches.projects) <= 6
    assert len(a.caches.projects) == 4  # b's requests evicted nothing of a's


async def test_writes_of_this_process_reach_every_app_at_once(
    two_apps: tuple[App, App], api: Api, unique: str
) -> None:
    """The process has one database: a project write or a revocation here must not leave
    either app answering from the old rows until its TTL runs out."""
    a, b = two_apps
    row, token = await create_token(f"{unique}-revoked", frozenset({Scope.READ}))
    for app in (a, b):
        assert await app.status(token) == 200
        assert await app.status(api.token, '{ project(name: "%s") { id } }' % unique) == 200
        assert len(app.caches.projects) == 1
    forget_projects()
    assert len(a.caches.projects) == len(b.caches.projects) == 0
    await revoke_token(row.id)
    assert await a.status(token) == 401
    assert await b.status(token) == 401
