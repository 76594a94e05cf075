"""Projects by normalised repository key, for the routes that name a repository by URL
(``/api/live``, ``/webhook/dvc``, ``/api/view-links``, model downloads, forge webhooks).

One index per app (on its State). Any token holder can send URLs no project has, so a miss
reloads it only when the projects changed (their count or highest id, one cheap query: a
project created a moment ago, in any process, is found at once), after ``invalidate``, or
when the last reload is older than ``GITSTUDIO_REPO_INDEX_RELOAD_SECONDS``. Raw URL
spellings map to keys through a memo; a request's URL longer than
``GITSTUDIO_MAX_REPO_URL_BYTES`` is refused before it is remembered, and keys are computed
on a worker thread (a local path is resolved on the file system). A URL that cannot be a
repository's (a NUL byte, ``~nosuchuser/...``, a broken IPv6 literal) is the caller's error
when it comes in a request (400) and a skipped, logged row when it is stored: one bad
project never stops the index from serving the others.
"""

from __future__ import annotations

import asyncio
import logging
import time

from gitstudio.rest import HttpError
from storage.errors import has_control
from storage.live import ProjectRef, load_projects, projects_version
from sync.urls import repo_key

log = logging.getLogger(__name__)

MAX_MEMO = 10_000  # raw URL spellings remembered; cleared when full


class BadRepoUrl(HttpError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(400, f"{url[:200]!r} is not a repository URL: {reason}", "INVALID")


def safe_key(url: str) -> str:
    """The repository key of ``url``, or BadRepoUrl."""
    if has_control(url.strip()):  # NUL, escapes, newlines: in no repository URL
        raise BadRepoUrl(url, "it contains a control character")
    if url.strip().removeprefix("file://").startswith("~"):
        raise BadRepoUrl(url, "a home directory (~) is never expanded")
    try:
        key = repo_key(url)
    except (ValueError, RuntimeError, OSError) as exc:  # urlsplit, a path that cannot be
        raise BadRepoUrl(url, str(exc) or type(exc).__name__) from None
    if key.startswith("invalid:"):
        raise BadRepoUrl(url, "it cannot be a path")
    return key


class ProjectIndex:
    def __init__(self, max_url_bytes: int, reload_seconds: float) -> None:
        self.max_url_bytes = max_url_bytes  # GITSTUDIO_MAX_REPO_URL_BYTES
        self.reload_seconds = reload_seconds  # GITSTUDIO_REPO_INDEX_RELOAD_SECONDS
        self._by_key: dict[str, list[ProjectRef]] = {}
        self._keys: dict[str, str] = {}
        self._generation = 0
        self._loaded_at = float("-inf")  # monotonic time of the last reload
        self._version = (-1, -1)  # projects_version() at the last reload
        self._lock = asyncio.Lock()
        self._skipped: set[int] = set()  # project ids whose bad URL was logged already

    def key(self, url: str) -> str:
        """The key of a request's ``url`` (memoised; see :meth:`lookup` for the loop)."""
        key = self._keys.get(url)
        if key is None:
            self._check_length(url)
            key = self._remember(url, safe_key(url))
        return key

    async def lookup(self, url: str) -> list[ProjectRef]:
        key = self._keys.get(url)
        if key is None:
            self._check_length(url)  # before anything is remembered or resolved
            key = self._remember(url, await asyncio.to_thread(safe_key, url))
        found = self._by_key.get(key)
        if found is not None:
            return found
        generation = self._generation
        async with self._lock:
            if generation == self._generation and await self._stale():  # nobody reloaded
                await self._reload()
        return self._by_key.get(key, [])

    async def _stale(self) -> bool:
        if time.monotonic() - self._loaded_at >= self.reload_seconds:
            return True
        return await projects_version() != self._version

    def _check_length(self, url: str) -> None:
        limit = self.max_url_bytes
        if len(url) > limit or len(url.encode("utf-8", "surrogatepass")) > limit:
            raise BadRepoUrl(url, f"it is longer than {limit} bytes")

    def _remember(self, url: str, key: str) -> str:
        if len(self._keys) >= MAX_MEMO:
            self._keys.clear()
        self._keys[url] = key
        return key

    async def _reload(self) -> None:
        version = await projects_version()  # before the list: a creation between is seen next
        projects = await load_projects()
        keyed = await asyncio.to_thread(_keys_of, projects)  # resolves local paths
        by_key: dict[str, list[ProjectRef]] = {}
        for project, key in zip(projects, keyed, strict=True):
            if isinstance(key, BadRepoUrl):
                self._skip(project, key.detail)
                continue
            by_key.setdefault(self._remember(project.repo_url, key), []).append(project)
        self._by_key = by_key
        self._generation += 1
        self._loaded_at = time.monotonic()
        self._version = version

    def _skip(self, project: ProjectRef, why: str) -> None:
        if project.id not in self._skipped:
            self._skipped.add(project.id)
            log.warning(
                "project %s (id %s) left out of the repo-URL index: %s",
                project.name,
                project.id,
                why,
            )

    def invalidate(self) -> None:
        """Forget every project: the next lookup reloads, however recent the last reload."""
        self._by_key = {}
        self._generation += 1
        self._loaded_at = float("-inf")


def _keys_of(projects: list[ProjectRef]) -> list[str | BadRepoUrl]:
    """The key of each stored project's URL, or why it has none. Stored URLs are not held
    to the request bound: a project stays findable if the setting is lowered later."""
    keys: list[str | BadRepoUrl] = []
    for project in projects:
        try:
            keys.append(safe_key(project.repo_url))
        except BadRepoUrl as exc:
            keys.append(exc)
    return keys
