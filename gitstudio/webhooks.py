"""Forge push webhooks: ``POST /webhooks/github`` and ``POST /webhooks/gitlab``.

A delivery is verified first (signature or shared token); nothing is synced otherwise. A
verified push schedules a sync of every project whose repository the payload names and
answers at once (forges time out after ~10 s, a sync may take longer).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gitstudio.settings import Settings
from storage.models import Project
from sync.service import ProjectSyncer
from sync.urls import repo_key
from sync.webhooks import (
    github_repo_urls,
    github_signature_ok,
    gitlab_repo_urls,
    gitlab_token_ok,
)

log = logging.getLogger(__name__)

MAX_BODY = 5 * 1024 * 1024
_background: set[asyncio.Task[Any]] = set()


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


async def _projects_for(urls: list[str]) -> list[Project]:
    keys = {repo_key(u) for u in urls}
    return [p for p in await Project.all() if repo_key(p.repo_url) in keys]


def _schedule(syncer: ProjectSyncer, projects: list[Project]) -> None:
    async def run(project: Project) -> None:
        try:
            await syncer.sync(project)
        except Exception:
            log.exception("webhook sync of %s failed", project.name)

    for project in projects:
        task = asyncio.create_task(run(project))
        _background.add(task)
        task.add_done_callback(_background.discard)


async def _read(request: Request) -> bytes | None:
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return bytes(body)


def webhook_routes(syncer: ProjectSyncer, settings: Settings) -> list[Route]:
    def handler(
        verify: Callable[[Request, bytes], bool], urls_of: Callable[[dict[str, Any]], list[str]]
    ) -> Callable[[Request], Any]:
        async def receive(request: Request) -> JSONResponse:
            body = await _read(request)
            if body is None:
                return _error(413, f"payload larger than {MAX_BODY} bytes")
            if not verify(request, body):
                return _error(401, "signature or token does not match")
            try:
                payload = orjson.loads(body)
            except orjson.JSONDecodeError:
                return _error(400, "body is not JSON")
            if not isinstance(payload, dict):
                return _error(400, "body is not a JSON object")
            projects = await _projects_for(urls_of(payload))
            _schedule(syncer, projects)
            return JSONResponse({"syncing": [p.name for p in projects]}, status_code=202)

        return receive

    def github(request: Request, body: bytes) -> bool:
        header = request.headers.get("x-hub-signature-256")
        return github_signature_ok(settings.github_webhook_secret, body, header)

    def gitlab(request: Request, body: bytes) -> bool:
        return gitlab_token_ok(settings.gitlab_webhook_token, request.headers.get("x-gitlab-token"))

    return [
        Route("/webhooks/github", handler(github, github_repo_urls), methods=["POST"]),
        Route("/webhooks/gitlab", handler(gitlab, gitlab_repo_urls), methods=["POST"]),
    ]
