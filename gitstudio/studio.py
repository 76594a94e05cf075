"""Studio-compatible REST routes, wire-compatible with unmodified DVC, DVCLive and
dvc-studio-client (see the wire-protocol reference):

* ``POST /api/live``: live experiment events (``start``/``data``/``done``, parsed by
  :mod:`gitstudio.live_events`), answered exactly ``200 {}`` once committed by the
  group-commit writer (:mod:`storage.metric_writer`);
* ``GET /api/live/images/{experiment_id}/{path}?step=N``: images logged with ``log_image``
  (:mod:`gitstudio.live_images`);
* ``POST /webhook/dvc``: ``dvc exp push`` / ``dvc exp remove -g``; answers
  ``{"url": ...}`` at once and syncs the project in the background;
* ``GET /api/view-links`` (VS Code) and ``POST /api/create-project`` (REST API);
* the ``dvc studio login`` device flow (:mod:`gitstudio.device_login`).

Errors are typed JSON (:mod:`gitstudio.rest`), tokens are checked by the one gate
(:mod:`gitstudio.auth`), projects are found by repository URL through the app's one
:class:`~gitstudio.project_index.ProjectIndex`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Send
from starlette.types import Scope as ASGIScope

from gitstudio.asgi import Disconnected, Hot, TooLarge, declared_length, read_body, send_json
from gitstudio.audit_rest import Call, audited, current_call
from gitstudio.device_login import device_login_routes
from gitstudio.failures import report, rest_body
from gitstudio.live_events import parse_live
from gitstudio.live_images import ImageStore, image_response
from gitstudio.rest import (
    HttpError,
    bad,
    error,
    guard,
    json_object,
    json_response,
    public_base,
    request_body,
)
from schema.relay import to_global_id
from storage.access import LIVE, READ
from storage.caches import MISS
from storage.errors import DomainError, redact
from storage.live import (
    LiveEvent,
    ProjectRef,
    count_unmatched,
    find_image,
    images_root,
    live_runs_on,
    project_of_experiment,
    projects_with_run,
    pushed_on,
)
from storage.metric_writer import MetricWriter, ProjectGone, StaleSweeper
from storage.roles import Visibility
from storage.teams import project_owner
from storage.tokens import Scope

if TYPE_CHECKING:
    from gitstudio.app import State

log = logging.getLogger(__name__)

_OK = b"{}"


def _dropped(count: int) -> bytes:
    """The answer to an event some of whose plot rows were left out: kept, and said."""
    detail = f"{count} plot row(s) without an integer step were left out; the rest is kept"
    return orjson.dumps({"dropped_rows": count, "detail": detail})


_INT32 = 2**31


class StudioApi:
    def __init__(self, state: State) -> None:
        self.state = state
        self.settings = state.settings
        self.tokens = state.gate
        self.projects = state.projects
        self.writer = MetricWriter(state.bus.publish)
        self.sweeper = StaleSweeper(self.writer, state.settings.live_stale_after)
        self.images = ImageStore(images_root(state.settings.data_dir))
        self._runs = state.caches.live_runs  # monorepos: run -> its projects' ids
        self._plot_names = state.caches.plot_names

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/api/live", Hot(self.live, ["POST"]), methods=["POST"]),
            Route(
                "/api/live/images/{experiment_id:int}/{path:path}",
                guard(self.image),
                methods=["GET"],
            ),
            Route(
                "/webhook/dvc",
                audited("POST /webhook/dvc", guard(self.dvc_webhook)),
                methods=["POST"],
            ),
            Route("/api/view-links", guard(self.view_links), methods=["GET"]),
            Route(
                "/api/create-project",
                audited("POST /api/create-project", guard(self.create_project)),
                methods=["POST"],
            ),
            *device_login_routes(),
        ]

    def _base(self, request: Request) -> str:
        return public_base(request, self.settings.public_url)

    def _project_url(self, request: Request, name: str) -> str:
        return f"{self._base(request)}/projects/{name}"

    async def _unknown_repo(self, repo_url: str) -> HttpError:
        try:
            await count_unmatched(self.projects.key(repo_url), repo_url)
        except Exception as exc:
            report(exc, "counting an unmatched repository")
        shown = repo_url if len(repo_url) <= 200 else repo_url[:200] + "..."
        return HttpError(
            404,
            f"no gitstudio project for repo_url {redact(shown)!r}; "
            "create one with createProject or POST /api/create-project",
        )

    # POST /api/live: a bare ASGI endpoint, the hottest route (gitstudio/asgi.py)
    async def live(self, scope: ASGIScope, receive: Receive, send: Send) -> None:
        """Audited: ``start`` and ``done`` events, and failures (bounded per caller, as
        every REST failure: gitstudio/audit_rest.py); never an accepted ``data`` event,
        one per step, nor an event's metrics or params."""
        client = scope.get("client")
        call = Call("POST /api/live", str(client[0]) if client else "")
        with self.state.audit.running(call):
            try:
                dropped = await self._ingest(dict(scope["headers"]), receive, call)
            except HttpError as exc:
                await self.state.audit.done(call, exc.status, exc.code)
                body = {"detail": exc.detail, "code": exc.code}
                await send_json(send, exc.status, orjson.dumps(body))
            except Disconnected:
                return  # gone while sending its body: nobody reads the answer
            except Exception as exc:  # a bug: masked and logged once, still typed JSON
                await send_json(send, 500, orjson.dumps(rest_body(exc, "POST /api/live")))
            else:
                await self.state.audit.done(call, 200)
                await send_json(send, 200, _dropped(dropped) if dropped else _OK)

    async def _ingest(self, headers: dict[bytes, bytes], receive: Receive, call: Call) -> int:
        """Take the event; how many of its plot rows were left out (no integer step)."""
        limit = self.settings.max_live_body_bytes
        length = declared_length(headers)
        if length is not None and length > limit:
            raise HttpError(413, f"request body exceeds {limit} bytes")
        principal = await self.tokens.caller(headers, LIVE)
        try:
            body = await read_body(receive, None, limit)
        except TooLarge:
            raise HttpError(413, f"request body exceeds {limit} bytes") from None
        if b"\\u0000" in body:  # text columns (PostgreSQL) cannot hold NUL
            raise bad("NUL characters are not accepted")
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise bad("body is not valid JSON") from None
        parsed = parse_live(doc, len(body), self._plot_names, self.settings.max_json_depth)
        event = parsed.event
        call.arguments = _live_arguments(parsed.repo_url, event)
        # A repository whose projects the caller cannot see is one gitstudio does not know.
        projects = await self.tokens.allowed(
            principal, await self.projects.lookup(parsed.repo_url), READ
        )
        if not projects:
            raise await self._unknown_repo(parsed.repo_url)
        targets = await self._targets(parsed.repo_url, projects, event)
        targets = await self.tokens.allowed(principal, targets, LIVE)  # none allowing it: 403
        call.about(targets[0].id)
        if parsed.images:
            event.images = await asyncio.to_thread(self.images.put, parsed.images)
        if len(targets) == 1:  # the usual case: one project per repository
            delivered = [await self._submit(event, targets[0])]
        else:  # a monorepo run shown by several projects: committed in one flush
            copies = [replace(event) for _ in targets]
            delivered = await asyncio.gather(
                *(self._submit(c, p) for c, p in zip(copies, targets, strict=True))
            )
        if not any(delivered):
            raise await self._unknown_repo(parsed.repo_url)
        call.skip = event.type == "data"  # one per step: not recorded (its failures are)
        return parsed.dropped

    async def _submit(self, event: LiveEvent, project: ProjectRef) -> bool:
        """``event`` as an event of ``project``'s run (the writer never changes an event's
        rows, so the copies of a monorepo run share them); False when the project is gone."""
        event.project_id = project.id
        event.project_subdir = project.subdir
        try:
            await self.writer.submit(event)
        except ProjectGone:
            self.projects.invalidate()
            self.writer.forget_project(project.id)
            return False
        return True

    async def _targets(
        self, url: str, projects: list[ProjectRef], event: LiveEvent
    ) -> list[ProjectRef]:
        """The projects that show a run when several share the repository (monorepo), as
        Studio matches them: every project whose sub-directory is the run's DVC root (the
        ``subdir`` of DVC's ``start``, ``""`` when absent); when none is, the deepest
        project containing that root (the root project for any). Events without a subdir
        (DVCLive's, ``data``, ``done``) follow the run where it already is (kept in
        ``Caches.live_runs``, else asked of the database), else go to every root project.
        One project per repository takes none of this: no cache, no query."""
        if len(projects) == 1:
            return projects
        run = (self.projects.key(url), event.baseline_sha, event.name)
        by_id = {p.id: p for p in projects}
        chosen: list[ProjectRef] = []
        if event.subdir is not None:
            chosen = _matching(projects, event.subdir)
        if not chosen:
            known = self._runs.get(run)
            if known is not MISS:
                chosen = [by_id[i] for i in known if i in by_id]
        if not chosen:
            having = await projects_with_run(list(by_id), event.baseline_sha, event.name)
            chosen = [by_id[i] for i in sorted(set(having))]
        if not chosen:
            chosen = _matching(projects, "") or projects[:1]
        self._runs.put(run, tuple(p.id for p in chosen))
        return chosen

    # GET /api/live/images/{experiment_id}/{path}
    async def image(self, request: Request) -> Response:
        principal = await self.tokens.caller(request, READ)
        raw_step = request.query_params.get("step")
        step: int | None = None
        if raw_step is not None:
            try:
                step = int(raw_step)
            except ValueError:
                return error(400, "step must be an integer")
        experiment_id: int = request.path_params["experiment_id"]
        path: str = request.path_params["path"]
        # >= 2**31: no such row, and PostgreSQL refuses the comparison
        project = await project_of_experiment(experiment_id) if experiment_id < _INT32 else None
        if not await self.tokens.allowed(principal, [project] if project else [], READ):
            return error(404, f"no image {path!r} for experiment {experiment_id}")
        found = await find_image(experiment_id, path, step)
        opened = await asyncio.to_thread(self.images.open, found.digest) if found else None
        if found is None or opened is None:
            return error(404, f"no image {path!r} for experiment {experiment_id}")
        file, media_type = opened
        # Without ?step= the latest image: the same URL may answer another one later.
        cache = "private, max-age=3600"
        shown = {"X-Image-Step": str(found.step)}
        return image_response(request, file, media_type, found.digest, cache, shown)

    # POST /webhook/dvc
    async def dvc_webhook(self, request: Request) -> Response:
        principal = await self.tokens.caller(request, LIVE)
        doc = json_object(await request_body(request, self.settings.max_request_body_bytes))
        repo_url = doc.get("repo_url")
        if not isinstance(repo_url, str) or not repo_url.strip():
            return error(400, "repo_url must be a non-empty string")
        refs = doc.get("refs", {})
        if not isinstance(refs, dict) or not all(
            isinstance(v, list) and all(isinstance(r, str) for r in v) for v in refs.values()
        ):
            return error(400, "refs must map pushed/removed to lists of ref names")
        current_call().arguments = {"repo_url": redact(repo_url), "refs": refs}
        projects = await self.tokens.allowed(principal, await self.projects.lookup(repo_url), LIVE)
        if not projects:
            raise await self._unknown_repo(repo_url)
        for project in projects:  # those the caller may change (403 when none)
            await self.state.sync_scheduler.request(project.id, "dvc exp push")
            current_call().about(project.id)  # a row per project synced
        return json_response({"url": self._project_url(request, projects[0].name)})

    # GET /api/view-links
    async def view_links(self, request: Request) -> Response:
        principal = await self.tokens.caller(request, READ)
        url = request.query_params.get("git_remote_url")
        if not url:
            return error(400, "git_remote_url is required")
        commits = [c.lower() for c in request.query_params.getlist("commits") if c][:5000]
        projects = await self.tokens.allowed(principal, await self.projects.lookup(url), READ)
        if not projects:
            return error(404, f"no gitstudio project for git_remote_url {url}")
        ids = [p.id for p in projects]
        project = next((p for p in projects if not p.subdir), projects[0])
        return json_response(
            {
                "live": await live_runs_on(ids, commits) if commits else [],
                "pushed": await pushed_on(ids, commits) if commits else [],
                "view_url": self._project_url(request, project.name),
            }
        )

    # POST /api/create-project
    async def create_project(self, request: Request) -> Response:
        principal = await self.tokens.require(request, Scope.PROJECTS)
        doc = json_object(await request_body(request, self.settings.max_request_body_bytes))
        repo_url = doc.get("repo_url")
        if not isinstance(repo_url, str) or not repo_url.strip():
            return error(400, "repo_url must be a non-empty string", code="INVALID")
        fields = (("name", str), ("subdir", str), ("team_name", str), ("public", bool))
        current_call().arguments = {
            "repo_url": redact(repo_url),
            **{field: doc.get(field) for field, _kind in fields},
        }
        for field, kind in fields:
            if doc.get(field) is not None and not isinstance(doc[field], kind):
                return error(400, f"{field} must be a {kind.__name__}", code="INVALID")
        team = doc.get("team_name") or None
        if team is not None and team.lower() == (principal.user_name or "").lower():
            team = None  # Studio's personal namespace: the user's own name
        visibility = Visibility.PUBLIC if doc.get("public") else None
        try:
            owner = await project_owner(principal, team, visibility)
            project = await self.state.syncer.create_for_api(
                repo_url, doc.get("name") or None, doc.get("subdir") or "", None, owner
            )
        except DomainError as exc:
            status = {
                "DUPLICATE": 409,
                "NOT_FOUND": 404,
                "FORBIDDEN": 403,
                "UNREACHABLE": 422,
                "FORBIDDEN_REPOSITORY": 403,
            }.get(exc.code, 400)
            return error(status, exc.message, code=exc.code, field=exc.field)
        self.projects.invalidate()
        current_call().about(project.id)
        return json_response(
            {
                "projects": [
                    {
                        "id": to_global_id("Project", project.id),
                        "url": self._project_url(request, project.name),
                        "name": project.name,
                    }
                ]
            }
        )


def _matching(projects: list[ProjectRef], root: str) -> list[ProjectRef]:
    """The projects whose sub-directory is ``root``; else the deepest one containing it."""
    exact = [p for p in projects if p.subdir == root]
    if exact:
        return exact
    inside = [p for p in projects if not p.subdir or root.startswith(p.subdir + "/")]
    return [max(inside, key=lambda p: len(p.subdir))] if inside else []


def _live_arguments(repo_url: str, event: LiveEvent) -> dict[str, object]:
    """What a live event's record keeps: which run, never its metrics or params."""
    return {
        "type": event.type,
        "repo_url": redact(repo_url),
        "baseline_sha": event.baseline_sha,
        "name": event.name,
        "client": event.client,
    }


def studio_routes(state: State) -> list[BaseRoute]:
    api = StudioApi(state)
    state.services.append(api.writer)
    state.services.append(api.sweeper)
    return api.routes()
