"""Projects by normalised repository key, for the routes that name a repository by URL
(``/api/live``, ``/webhook/dvc``, ``/api/view-links``, model downloads, forge webhooks).

One index per app (on its State). A miss reloads it, so a project created a moment ago is
found at once; raw URL spellings map to keys through a memo. A URL that cannot be a
repository's (a NUL byte, ``~nosuchuser/...``, a broken IPv6 literal) is the caller's error
when it comes in a request (400) and a skipped, logged row when it is stored: one bad
project never stops the index from serving the others.
"""

from __future__ import annotations

import asyncio
import logging
import re

from gitstudio.rest import HttpError
from storage.live import ProjectRef, load_projects
from sync.urls import repo_key

log = logging.getLogger(__name__)

MAX_MEMO = 10_000  # raw URL spellings remembered; cleared when full
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # NUL, escapes, newlines: in no repository URL


class BadRepoUrl(HttpError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(400, f"{url[:200]!r} is not a repository URL: {reason}", "INVALID")


def safe_key(url: str) -> str:
    """The repository key of ``url``, or BadRepoUrl."""
    if _CONTROL.search(url.strip()):
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
    def __init__(self) -> None:
        self._by_key: dict[str, list[ProjectRef]] = {}
        self._keys: dict[str, str] = {}
        self._generation = 0
        self._lock = asyncio.Lock()
        self._skipped: set[int] = set()  # project ids whose bad URL was logged already

    def key(self, url: str) -> str:
        key = self._keys.get(url)
        if key is None:
            key = safe_key(url)
            if len(self._keys) >= MAX_MEMO:
                self._keys.clear()
            self._keys[url] = key
        return key

    async def lookup(self, url: str) -> list[ProjectRef]:
        key = self.key(url)
        found = self._by_key.get(key)
        if found is not None:
            return found
        generation = self._generation
        async with self._lock:
            if generation == self._generation:  # nobody reloaded while we waited
                await self._reload()
        return self._by_key.get(key, [])

    async def _reload(self) -> None:
        by_key: dict[str, list[ProjectRef]] = {}
        for project in await load_projects():
            try:
                key = self.key(project.repo_url)
            except BadRepoUrl as exc:
                self._skip(project, exc.detail)
                continue
            by_key.setdefault(key, []).append(project)
        self._by_key = by_key
        self._generation += 1

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
        self._by_key = {}
        self._generation += 1
