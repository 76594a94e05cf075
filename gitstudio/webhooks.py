"""Forge push webhooks: ``POST /webhooks/github`` and ``POST /webhooks/gitlab``.

A delivery is verified first (signature or shared token); nothing is synced otherwise. A
verified push asks the app's sync scheduler (sync/scheduling.py) for a sync of every
project whose repository the payload names (found through the app's one repo-URL index)
and answers at once (forges time out after ~10 s, a
sync may take longer). A project whose sync cannot be queued is logged and the others are
still asked; only when none could be queued is the answer a typed 503 (UNAVAILABLE), so the
forge retries the delivery. Errors are typed JSON (gitstudio.rest).

Audited (gitstudio/audit_rest.py) as ``POST /webhooks/github`` or ``/gitlab`` without a user
(the forge's signature, not a user, authenticates it): one row per project it syncs, with
that project's result; a delivery naming no project of gitstudio writes nothing and has no
row; a refused one (a bad signature) is recorded as every REST failure, bounded per client
address.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gitstudio.audit_rest import audited, current_call
from gitstudio.project_index import BadRepoUrl, ProjectIndex
from gitstudio.rest import HttpError, guard, json_object, json_response, request_body
from gitstudio.settings import Settings
from storage.errors import redact
from storage.models import Project
from sync.webhooks import (
    github_repo_urls,
    github_signature_ok,
    gitlab_repo_urls,
    gitlab_token_ok,
)

if TYPE_CHECKING:
    from gitstudio.app import State

log = logging.getLogger(__name__)


async def _projects_for(index: ProjectIndex, urls: list[str]) -> list[Project]:
    ids: set[int] = set()
    for url in urls:
        try:
            ids.update(p.id for p in await index.lookup(url))
        except BadRepoUrl:
            continue  # a URL no project can have
    return await Project.filter(id__in=ids).order_by("id") if ids else []


def webhook_routes(state: State, settings: Settings) -> list[Route]:
    def handler(
        path: str,
        verify: Callable[[Request, bytes], bool],
        urls_of: Callable[[dict[str, Any]], list[str]],
    ) -> Callable[[Request], Any]:
        async def receive(request: Request) -> Response:
            body = await request_body(request, settings.max_webhook_body_bytes)
            if not verify(request, body):
                raise HttpError(401, "signature or token does not match")
            try:
                urls = [u for u in urls_of(json_object(body)) if isinstance(u, str)]
            except (AttributeError, TypeError):  # "repository" is no object
                raise HttpError(400, "the payload names no repository") from None
            projects = await _projects_for(state.projects, urls)
            call = current_call()
            call.arguments = {"repositories": [redact(u) for u in urls]}
            call.skip = not projects  # nothing written, nothing recorded
            failed = 0
            for project in projects:  # each one: a failure must not skip the others
                try:
                    await state.sync_scheduler.request(project.id, "push webhook")
                    call.about(project.id)
                except Exception:  # the queue may be briefly away; the poller asks again
                    failed += 1
                    call.about(project.id, "UNAVAILABLE")
                    log.exception("queueing the webhook sync of %s failed", project.name)
            if projects and failed == len(projects):
                raise HttpError(503, "no sync could be queued; retry later", "UNAVAILABLE")
            return json_response({"syncing": [p.name for p in projects]}, 202)

        return audited(f"POST {path}", guard(receive))

    def github(request: Request, body: bytes) -> bool:
        header = request.headers.get("x-hub-signature-256")
        return github_signature_ok(settings.github_webhook_secret, body, header)

    def gitlab(request: Request, body: bytes) -> bool:
        return gitlab_token_ok(settings.gitlab_webhook_token, request.headers.get("x-gitlab-token"))

    return [
        Route(
            "/webhooks/github",
            handler("/webhooks/github", github, github_repo_urls),
            methods=["POST"],
        ),
        Route(
            "/webhooks/gitlab",
            handler("/webhooks/gitlab", gitlab, gitlab_repo_urls),
            methods=["POST"],
        ),
    ]
