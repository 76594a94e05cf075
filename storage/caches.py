"""The one bounded cache type of what a process keeps between requests.

Every app holds its own caches (resolvers/caches.py builds them from the settings), so two
apps in one process share no entry and never evict or clear each other's. One thing does
reach across: the process has one database (storage.db), so when it changes rows there
(revokes a token, writes a project) no app of the process may go on answering from the old
rows. Caches made by a :class:`Family` are cleared together for that; other processes see
the change when their entries expire (the TTL).
"""

from __future__ import annotations

import enum
from collections import OrderedDict
from time import monotonic
from typing import Final, Generic, TypeVar
from weakref import WeakSet

K = TypeVar("K")
V = TypeVar("V")


class Miss(enum.Enum):
    """What :meth:`BoundedCache.get` answers for a key it does not hold (a cached value may
    itself be None: "no such token" is worth remembering too)."""

    MISS = enum.auto()


MISS: Final = Miss.MISS


class BoundedCache(Generic[K, V]):
    """At most ``entries`` values (0: none kept), the least recently used dropped first; with
    ``ttl``, a value answers for ``ttl`` seconds after it was put, then is a miss.

    With a TTL, "used" is "put": a value in use is put again at least every ``ttl`` seconds,
    so the order of the puts is the order of use to within one TTL, and a hit costs a dict
    lookup and a clock read, no reordering (these caches sit on every request). Without
    one, a hit moves the entry to the end. No await, no allocation. Event loop only."""

    __slots__ = ("__weakref__", "_data", "entries", "ttl")

    def __init__(self, entries: int, ttl: float | None = None) -> None:
        if entries < 0:
            raise ValueError(f"a cache cannot hold {entries} entries")
        self.entries = entries
        self.ttl = ttl
        self._data: OrderedDict[K, tuple[float, V]] = OrderedDict()  # key -> (expiry, value)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        """Held (expired or not), without counting as a use."""
        return key in self._data

    def get(self, key: K) -> V | Miss:
        found = self._data.get(key)
        if found is None:
            return MISS
        if self.ttl is None:
            self._data.move_to_end(key)
        elif found[0] <= monotonic():
            return MISS
        return found[1]

    def put(self, key: K, value: V) -> None:
        data = self._data
        data[key] = (0.0 if self.ttl is None else monotonic() + self.ttl, value)
        data.move_to_end(key)
        if len(data) > self.entries:
            data.popitem(last=False)

    def discard(self, key: K) -> None:
        self._data.pop(key, None)

    def clear(self) -> None:
        self._data.clear()

    def values(self) -> list[V]:
        """What it holds (expired values too), least recently used first."""
        return [value for _expiry, value in self._data.values()]


class Family(Generic[K, V]):
    """The caches of the same database rows, one per app: :meth:`clear` (this process
    changed those rows) clears every one still alive."""

    __slots__ = ("_members",)

    def __init__(self) -> None:
        self._members: WeakSet[BoundedCache[K, V]] = WeakSet()

    def cache(self, entries: int, ttl: float | None = None) -> BoundedCache[K, V]:
        made: BoundedCache[K, V] = BoundedCache(entries, ttl)
        self._members.add(made)
        return made

    def clear(self) -> None:
        for member in list(self._members):
            member.clear()


class Epoch:
    """A counter this process bumps when what it cached about access changed: principals
    (a token, a user, a team's members) or project rows (a visibility) forgotten. Who keeps
    a decision beyond one request (a websocket subscriber, gitstudio/ws_fanout.py) decides
    again when it moved."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0

    def bump(self) -> None:
        self.value += 1


ACCESS = Epoch()
