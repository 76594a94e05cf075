"""Keeping recorded pull requests true after a sync: a plain-Git pull request whose source
has reached its target (merged with the git CLI and pushed, say) becomes MERGED; one on a
forge takes the forge's state (merged or closed there). Also where a project's forge
settings are read, with its token unsealed."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

from storage import db, deliveries
from storage.errors import DomainError
from storage.models import Project, PullRequest
from storage.sealed import Sealer
from sync.forges import (
    TIMEOUT,
    CheckHost,
    Forge,
    ForgeConfig,
    ForgeError,
    forge_for,
    secure_api_url,
)
from sync.git import open_mirror
from sync.git_writer import Mergeability, mergeability

log = logging.getLogger(__name__)

OPEN, MERGED, CLOSED = "OPEN", "MERGED", "CLOSED"
FORGE_CONCURRENCY = 8  # requests in flight to one forge while refreshing


def forge_config(project: Project, sealer: Sealer | None) -> ForgeConfig | None:
    """The project's forge (None: plain Git)."""
    if not project.forge:
        return None
    stored = orjson.loads(project.forge)
    if not secure_api_url(stored["api_url"]):  # stored before https was required
        raise DomainError("INVALID", "the forge's apiUrl is not https: configure it again")
    token = ""
    if project.forge_token:
        if sealer is None:
            raise DomainError("INVALID", "this server has no secret key to read forge tokens")
        token = sealer.open(project.forge_token)
    return ForgeConfig(stored["kind"], stored["api_url"], stored["repository"], token)


def merge_state(mirror: Path, pr: PullRequest) -> Mergeability | None:
    """How an open pull request's branches stand now (None when one is gone)."""
    try:
        return mergeability(open_mirror(mirror), pr.source_branch, pr.target_branch)
    except DomainError:
        return None


async def refresh(
    project: Project, mirror: Path, sealer: Sealer | None, check: CheckHost | None = None
) -> list[PullRequest]:
    """Update the open pull requests of ``project`` whose state changed outside gitstudio;
    return them. A forge that cannot be asked is logged and asked again next time."""
    changed: list[PullRequest] = []
    hosted: list[PullRequest] = []
    # Most syncs are of projects with no open pull request: one raw query, no ORM queryset.
    if not await db.fetch(
        "SELECT 1 FROM pull_requests WHERE project_id = ? AND state = ? LIMIT 1",
        [project.id, OPEN],
    ):
        return []
    for pr in await PullRequest.filter(project_id=project.id, state=OPEN):
        if pr.forge is not None:
            hosted.append(pr)
            continue
        now = await asyncio.to_thread(merge_state, mirror, pr)
        if now is not None and now.merged:
            pr.state, pr.merged_at, pr.merge_sha = MERGED, time.time(), now.target_sha
            pr.source_sha, pr.target_sha = now.source_sha, now.target_sha
            changed.append(pr)
    changed += await _forge_states(project, sealer, hosted, check)
    fields = ("state", "merged_at", "merge_sha", "source_sha", "target_sha")
    return [pr for pr in changed if await settle(pr, {f: getattr(pr, f) for f in fields})]


async def settle(pr: PullRequest, fields: dict[str, Any]) -> bool:
    """Write a state change of an open pull request, unless another writer (a merge, a
    close, another instance's sync) settled it first: True when this one did, so each
    change is announced exactly once."""
    settled = bool(await PullRequest.filter(id=pr.id, state=OPEN).update(**fields))
    if settled:
        merged = fields.get("state") == MERGED
        event = deliveries.PULL_REQUEST_MERGED if merged else deliveries.PULL_REQUEST_CLOSED
        await deliveries.enqueue(pr.project_id, event, *announced(pr, fields))
    return settled


def announced(
    pr: PullRequest, changed: dict[str, Any] | None = None
) -> tuple[dict[str, Any], deliveries.Node]:
    """What outgoing webhooks are told of a pull request (with ``changed`` applied)."""
    now = {"state": pr.state, "merge_sha": pr.merge_sha, **(changed or {})}
    obj = {
        "number": pr.number,
        "title": pr.title,
        "sourceBranch": pr.source_branch,
        "targetBranch": pr.target_branch,
        "state": now["state"],
        "url": pr.url,
        "mergeSha": now["merge_sha"],
    }
    return obj, ("PullRequest", pr.id)


async def _forge_states(
    project: Project, sealer: Sealer | None, prs: list[PullRequest], check: CheckHost | None
) -> list[PullRequest]:
    """Ask the forge about ``prs`` a few at a time over one connection pool, so many open
    pull requests, or a slow forge, hold a sync up for about one request's timeout."""
    asked = [pr for pr in prs if pr.external_number is not None]
    try:
        config = forge_config(project, sealer) if asked else None
    except DomainError as exc:
        log.warning("cannot refresh the pull requests of %s: %s", project.name, exc)
        return []
    if config is None:
        return []
    gate = asyncio.Semaphore(FORGE_CONCURRENCY)
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        try:
            forge = forge_for(config, client, check)  # check: the host policy
        except ForgeError as exc:
            log.warning("cannot refresh the pull requests of %s: %s", project.name, exc)
            return []

        async def moved(pr: PullRequest) -> bool:
            async with gate:
                return await _forge_state(project.name, forge, pr)

        answers = await asyncio.gather(*(moved(pr) for pr in asked))
    return [pr for pr, changed in zip(asked, answers, strict=True) if changed]


async def _forge_state(name: str, forge: Forge, pr: PullRequest) -> bool:
    assert pr.external_number is not None
    try:
        there = await forge.get_pull_request(pr.external_number)
    except ForgeError as exc:
        log.warning("cannot refresh pull request #%s of %s: %s", pr.number, name, exc)
        return False
    if there.state == pr.state:
        return False
    pr.state = there.state
    if there.state == MERGED:
        pr.merged_at = time.time()
    return True
