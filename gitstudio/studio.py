"""Studio-compatible REST routes, wire-compatible with unmodified DVC, DVCLive and
dvc-studio-client (see the wire-protocol reference):

* ``POST /api/live``: live experiment events (``start``/``data``/``done``), answered exactly
  ``200 {}`` once committed by the group-commit writer (:mod:`storage.metric_writer`);
* ``GET /api/live/images/{experiment_id}/{path}?step=N``: images logged with ``log_image``;
* ``POST /webhook/dvc``: ``dvc exp push`` / ``dvc exp remove -g``; answers
  ``{"url": ...}`` at once and syncs the project in the background;
* ``GET /api/view-links`` (VS Code) and ``POST /api/create-project`` (REST API);
* the ``dvc studio login`` device flow (:mod:`gitstudio.device_login`).

Every error is a JSON object ``{"detail": ...}``; nothing redirects.

Tokens (``Authorization: token X`` or ``Bearer X``) are checked through storage.tokens, whose
per-process cache keyed by the token's hash keeps the database off the hot path (a token
revoked by another process keeps working here for at most ``CACHE_TTL`` seconds). Projects
are matched by :func:`sync.urls.repo_key` over a cached index that reloads when a key misses.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import logging
import math
import os
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Send
from starlette.types import Scope as ASGIScope

from gitstudio.asgi import Disconnected, Hot, declared_length, send_json
from gitstudio.asgi import read_body as read_asgi_body
from gitstudio.auth import principal_from, principal_from_raw
from gitstudio.device_login import device_login_routes
from schema.relay import to_global_id
from storage.errors import DomainError
from storage.live import (
    FileErrorRow,
    ImageRow,
    LiveEvent,
    ProjectRef,
    count_unmatched,
    find_image,
    live_runs_on,
    load_projects,
    normalise_subdir,
    projects_with_run,
    pushed_on,
)
from storage.metric_writer import MetricWriter, ProjectGone, StaleSweeper
from storage.metrics import PointRow
from storage.models import Project
from storage.tokens import Principal, Scope
from sync.urls import repo_key

if TYPE_CHECKING:
    from gitstudio.app import State

log = logging.getLogger(__name__)

MAX_BODY = 30_000_000  # Studio's request-body limit; the client caps plots at 29 MB
MAX_PLOTS = 200
MAX_PLOT_SIZE = 10_000_000
MAX_SMALL_BODY = 1_000_000  # webhook, create-project
_SHA = re.compile(r"^[0-9a-h]{40}$")  # dvc-studio-client's own check (g/h included)
_INT32 = 2**31
_JSON = "application/json"
_OK = b"{}"

_background: set[asyncio.Task[Any]] = set()


class HttpError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def json_response(body: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type=_JSON)


def error(status: int, detail: str, **extra: Any) -> Response:
    return json_response({"detail": detail, **extra}, status)


def bad(detail: str) -> HttpError:
    return HttpError(400, detail)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes (checked while streaming)."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HttpError(413, f"request body exceeds {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"request body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def public_base(request: Request, configured: str = "") -> str:
    """Links in answers: the configured public URL, else what the client reached."""
    return configured.rstrip("/") or str(request.base_url).rstrip("/")


# -- caches -------------------------------------------------------------------------------------


class TokenGate:
    """Token checks of the REST routes (storage.tokens caches principals by token hash)."""

    async def require(self, request: Request, scope: Scope) -> Principal:
        return self.check(await principal_from(request.headers), scope)

    @staticmethod
    def check(principal: Principal | None, scope: Scope) -> Principal:
        if principal is None:
            raise HttpError(
                401, "a valid access token is required: send 'Authorization: token <TOKEN>'"
            )
        if not principal.has(scope):
            raise HttpError(403, f"this token lacks the {scope.value} scope")
        return principal


class ProjectIndex:
    """Projects by normalised repository key. A miss reloads the index (a project created
    a moment ago is found at once); raw URL spellings map to keys through a memo."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[ProjectRef]] = {}
        self._keys: dict[str, str] = {}
        self._generation = 0
        self._lock = asyncio.Lock()

    def key(self, url: str) -> str:
        key = self._keys.get(url)
        if key is None:
            key = repo_key(url)
            if len(self._keys) >= 10_000:
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
            by_key.setdefault(self.key(project.repo_url), []).append(project)
        self._by_key = by_key
        self._generation += 1

    def invalidate(self) -> None:
        self._by_key = {}
        self._generation += 1


class ImageStore:
    """Image bytes under the data directory, named by their sha256 digest (never by a
    client-controlled path); identical images are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def put(self, items: list[tuple[str, int, str]]) -> list[ImageRow]:
        """Decode base64 ``(path, step, data)`` items and store them; runs in a thread.
        Every item is decoded before any is written: a bad one stores nothing."""
        decoded = []
        for path, step, data in items:
            try:
                decoded.append((path, step, base64.b64decode(data, validate=True)))
            except (binascii.Error, ValueError):
                raise bad(f"plots[{path!r}].image is not valid base64") from None
        rows = []
        for path, step, content in decoded:
            digest = hashlib.sha256(content).hexdigest()
            target = self.path(digest)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{digest}.{os.getpid()}.{time.monotonic_ns()}")
                tmp.write_bytes(content)
                tmp.replace(target)
            rows.append(ImageRow(path, step, digest, len(content)))
        return rows

    def open(self, digest: str) -> tuple[Path, str] | None:
        target = self.path(digest)
        try:
            with target.open("rb") as f:
                head = f.read(16)
        except OSError:
            return None
        return target, sniff_image(head)


def sniff_image(head: bytes) -> str:
    """Content type from magic bytes: only raster formats are served as images."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"BM"):
        return "image/bmp"
    return "application/octet-stream"


# -- parsing POST /api/live ---------------------------------------------------------------------


@dataclass(slots=True)
class ParsedLive:
    repo_url: str
    event: LiveEvent
    images: list[tuple[str, int, str]]  # (path, step, base64) still to decode and store


def parse_live(doc: Any, body_size: int) -> ParsedLive:
    """Validate an event as dvc-studio-client's schema describes it (400 on violations,
    413 on the plot limits) and turn it into a :class:`LiveEvent`."""
    if not isinstance(doc, dict):
        raise bad("body must be a JSON object")
    type_ = doc.get("type")
    if type_ not in ("start", "data", "done"):
        raise bad("type must be one of start, data, done")
    repo_url = doc.get("repo_url")
    if not isinstance(repo_url, str) or not repo_url.strip():
        raise bad("repo_url must be a non-empty string")
    sha = doc.get("baseline_sha")
    if not isinstance(sha, str) or not _SHA.match(sha := sha.lower()):
        raise bad("baseline_sha must be a 40-character commit sha")
    name = doc.get("name")
    if not isinstance(name, str) or not name or len(name) > 255:
        raise bad("name must be a string of 1 to 255 characters")
    client = doc.get("client", "")
    if not isinstance(client, str):
        raise bad("client must be a string")
    event = LiveEvent(
        type=type_,
        client=client,
        project_id=0,
        project_subdir="",
        baseline_sha=sha,
        name=name,
    )
    params = doc.get("params")
    if params is not None:
        if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
            raise bad("params must map file paths to objects")
        event.params = params or None
    metrics = doc.get("metrics")
    if metrics is not None:
        _parse_metrics(metrics, event)
    images: list[tuple[str, int, str]] = []
    if type_ == "start":
        message = doc.get("message")
        if message is not None:
            if not isinstance(message, str):
                raise bad("message must be a string")
            event.message = message[:1000]
        subdir = doc.get("subdir")
        if subdir is not None:
            if not isinstance(subdir, str):
                raise bad("subdir must be a string")
            event.subdir = normalise_subdir(subdir)
    elif type_ == "data":
        step = doc.get("step")
        if type(step) is not int or not -_INT32 <= step < _INT32:
            raise bad("step must be an integer")
        event.step = step
        plots = doc.get("plots")
        if plots is not None:
            images = _parse_plots(plots, event, step, body_size > MAX_PLOT_SIZE)
    else:
        rev = doc.get("experiment_rev")
        if rev is not None:
            if not isinstance(rev, str) or not _SHA.match(rev := rev.lower()):
                raise bad("experiment_rev must be a 40-character commit sha")
            event.experiment_rev = rev
    return ParsedLive(repo_url, event, images)


def _parse_metrics(metrics: Any, event: LiveEvent) -> None:
    if not isinstance(metrics, dict):
        raise bad("metrics must map file paths to {data} or {error} objects")
    out: dict[str, Any] = {}
    for file, entry in metrics.items():
        if not isinstance(entry, dict):
            raise bad(f"metrics[{file!r}] must be an object")
        if "data" in entry:
            data = entry["data"]
            if not isinstance(data, dict):
                raise bad(f"metrics[{file!r}].data must be an object")
            out[file] = data
        elif "error" in entry:
            err = entry["error"]
            if (
                not isinstance(err, dict)
                or not isinstance(err.get("cls"), str)
                or not isinstance(err.get("text"), str)
            ):
                raise bad(f"metrics[{file!r}].error must be {{cls, text}} strings")
            event.metric_errors.append(FileErrorRow(file, err["cls"], err["text"]))
    event.metrics = out or None


def metric_name(key: str) -> str:
    """``dvclive/plots/metrics/train/loss.tsv`` -> ``train/loss``."""
    at = key.find("plots/metrics/")
    name = key[at + len("plots/metrics/") :] if at >= 0 else key
    for suffix in (".tsv", ".csv", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


_names: dict[str, tuple[str, str]] = {}  # plot key -> (metric name, value column); memo


def _metric_of(key: str) -> tuple[str, str]:
    found = _names.get(key)
    if found is None:
        name = metric_name(key)
        if not name or len(name) > 512:
            raise bad(f"plots[{key!r}]: metric name must be 1 to 512 characters")
        found = (name, name.rsplit("/", 1)[-1])
        if len(_names) >= 100_000:
            _names.clear()
        _names[key] = found
    return found


def _parse_plots(plots: Any, event: LiveEvent, step: int, check_sizes: bool) -> list[Any]:
    if not isinstance(plots, dict):
        raise bad("plots must map file paths to {data} or {image} objects")
    if len(plots) > MAX_PLOTS:
        raise HttpError(413, f"too many plot entries: {len(plots)} > {MAX_PLOTS}")
    images: list[tuple[str, int, str]] = []
    points = event.points
    for key, entry in plots.items():
        if not isinstance(entry, dict):
            raise bad(f"plots[{key!r}] must be an object")
        data = entry.get("data")
        image = entry.get("image")
        if data is not None and image is not None:
            raise bad(f"plots[{key!r}] has both data and image")
        if image is not None:
            if not isinstance(image, str):
                raise bad(f"plots[{key!r}].image must be a base64 string")
            if len(image) > MAX_PLOT_SIZE:
                raise HttpError(413, f"plot {key!r} exceeds {MAX_PLOT_SIZE} bytes")
            images.append((key, step, image))
        elif data is not None:
            if not isinstance(data, list):
                raise bad(f"plots[{key!r}].data must be a list of rows")
            if check_sizes and len(orjson.dumps(data)) > MAX_PLOT_SIZE:
                raise HttpError(413, f"plot {key!r} exceeds {MAX_PLOT_SIZE} bytes")
            if data:
                _parse_rows(key, data, points)
    return images


def _parse_rows(key: str, rows: list[Any], points: list[PointRow]) -> None:
    name, column = _metric_of(key)
    for row in rows:
        if not isinstance(row, dict):
            raise bad(f"plots[{key!r}].data rows must be objects")
        row_step = row.get("step")
        if type(row_step) is not int or not -_INT32 <= row_step < _INT32:
            raise bad(f"plots[{key!r}].data rows need an integer step")
        raw = row.get(column, row)
        if raw is row:  # the value column is named after the file; else the one other key
            others = [k for k in row if k not in ("step", "timestamp")]
            if len(others) != 1:
                continue
            raw = row[others[0]]
        kind = type(raw)
        token: str | None = None
        value: float | None
        if kind is float or kind is int or kind is bool:
            try:
                value = float(raw)
            except OverflowError:
                raise bad(f"plots[{key!r}]: value out of range") from None
        elif kind is str:
            try:
                number = float(raw)
            except ValueError:
                raise bad(f"plots[{key!r}]: value {raw[:40]!r} is not a number") from None
            if math.isfinite(number):
                value = number
            else:
                value, token = None, raw[:32]
        elif raw is None:
            continue
        else:
            raise bad(f"plots[{key!r}]: values must be numbers or 'nan'/'inf' strings")
        points.append((name, row_step, value, token, _timestamp(row.get("timestamp"))))


def _timestamp(raw: Any) -> float | None:
    """DVCLive writes epoch milliseconds (as text in the TSV); store epoch seconds."""
    if raw is None or isinstance(raw, bool):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value):
        return None
    return value / 1000 if abs(value) > 1e11 else value


# -- the routes -----------------------------------------------------------------------------------


Handler = Callable[[Request], Awaitable[Response]]


def guard(handler: Handler) -> Handler:
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except HttpError as exc:
            return error(exc.status, exc.detail)
        except ClientDisconnect:  # gone while sending its body: nobody reads the answer
            return Response(status_code=400)

    return run


class StudioApi:
    def __init__(self, state: State) -> None:
        self.state = state
        self.settings = state.settings
        self.tokens = TokenGate()
        self.projects = ProjectIndex()
        self.writer = MetricWriter(state.bus.publish)
        self.sweeper = StaleSweeper(self.writer, state.settings.live_stale_after)
        self.images = ImageStore(state.settings.data_dir.resolve() / "live" / "images")
        self._runs: dict[tuple[str, str, str], int] = {}  # monorepos: run -> project id

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/api/live", Hot(self.live, ["POST"]), methods=["POST"]),
            Route(
                "/api/live/images/{experiment_id:int}/{path:path}",
                guard(self.image),
                methods=["GET"],
            ),
            Route("/webhook/dvc", guard(self.dvc_webhook), methods=["POST"]),
            Route("/api/view-links", guard(self.view_links), methods=["GET"]),
            Route("/api/create-project", guard(self.create_project), methods=["POST"]),
            *device_login_routes(),
        ]

    def _base(self, request: Request) -> str:
        return public_base(request, self.settings.public_url)

    def _project_url(self, request: Request, name: str) -> str:
        return f"{self._base(request)}/projects/{name}"

    async def _unknown_repo(self, repo_url: str) -> HttpError:
        try:
            await count_unmatched(self.projects.key(repo_url), repo_url)
        except Exception:
            log.exception("counting an unmatched repository failed")
        return HttpError(
            404,
            f"no gitstudio project for repo_url {repo_url}; "
            "create one with createProject or POST /api/create-project",
        )

    # POST /api/live: a bare ASGI endpoint, the hottest route (gitstudio/asgi.py)
    async def live(self, scope: ASGIScope, receive: Receive, send: Send) -> None:
        try:
            await self._ingest(dict(scope["headers"]), receive)
        except HttpError as exc:
            await send_json(send, exc.status, orjson.dumps({"detail": exc.detail}))
        except Disconnected:
            return  # gone while sending its body: nobody reads the answer
        else:
            await send_json(send, 200, _OK)

    async def _ingest(self, headers: dict[bytes, bytes], receive: Receive) -> None:
        length = declared_length(headers)
        if length is not None and length > MAX_BODY:
            raise HttpError(413, f"request body exceeds {MAX_BODY} bytes")
        self.tokens.check(await principal_from_raw(headers), Scope.EXPERIMENTS)
        body = await read_asgi_body(receive, MAX_BODY)
        if body is None:
            raise HttpError(413, f"request body exceeds {MAX_BODY} bytes")
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise bad("body is not valid JSON") from None
        parsed = parse_live(doc, len(body))
        event = parsed.event
        projects = await self.projects.lookup(parsed.repo_url)
        if not projects:
            raise await self._unknown_repo(parsed.repo_url)
        project = await self._pick(parsed.repo_url, projects, event)
        event.project_id = project.id
        event.project_subdir = project.subdir
        if parsed.images:
            event.images = await asyncio.to_thread(self.images.put, parsed.images)
        try:
            await self.writer.submit(event)
        except ProjectGone:
            self.projects.invalidate()
            self.writer.forget_project(project.id)
            raise await self._unknown_repo(parsed.repo_url) from None

    async def _pick(self, url: str, projects: list[ProjectRef], event: LiveEvent) -> ProjectRef:
        """The project of a run when several projects share the repository (monorepo):
        by the run's sub-directory, else where the run already is, else the root project."""
        if len(projects) == 1:
            return projects[0]
        run = (self.projects.key(url), event.baseline_sha, event.name)
        by_id = {p.id: p for p in projects}
        chosen: ProjectRef | None = None
        if event.subdir is not None:
            inside = [
                p
                for p in projects
                if not p.subdir
                or event.subdir == p.subdir
                or event.subdir.startswith(p.subdir + "/")
            ]
            if inside:
                chosen = max(inside, key=lambda p: len(p.subdir))
        if chosen is None and run in self._runs:
            chosen = by_id.get(self._runs[run])
        if chosen is None:
            having = await projects_with_run(list(by_id), event.baseline_sha, event.name)
            chosen = by_id[having[0]] if having else None
        if chosen is None:
            chosen = next((p for p in projects if not p.subdir), projects[0])
        if len(self._runs) >= 10_000:
            self._runs.clear()
        self._runs[run] = chosen.id
        return chosen

    # GET /api/live/images/{experiment_id}/{path}
    async def image(self, request: Request) -> Response:
        await self.tokens.require(request, Scope.READ)
        raw_step = request.query_params.get("step")
        step: int | None = None
        if raw_step is not None:
            try:
                step = int(raw_step)
            except ValueError:
                return error(400, "step must be an integer")
        experiment_id: int = request.path_params["experiment_id"]
        path: str = request.path_params["path"]
        found = await find_image(experiment_id, path, step)
        opened = await asyncio.to_thread(self.images.open, found.digest) if found else None
        if found is None or opened is None:
            return error(404, f"no image {path!r} for experiment {experiment_id}")
        file, media_type = opened
        return FileResponse(
            file,
            media_type=media_type,
            headers={
                "X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "default-src 'none'",
                "X-Image-Step": str(found.step),
                "Cache-Control": "private, max-age=3600",
            },
        )

    # POST /webhook/dvc
    async def dvc_webhook(self, request: Request) -> Response:
        await self.tokens.require(request, Scope.EXPERIMENTS)
        doc = _object(await read_body(request, MAX_SMALL_BODY))
        repo_url = doc.get("repo_url")
        if not isinstance(repo_url, str) or not repo_url.strip():
            return error(400, "repo_url must be a non-empty string")
        refs = doc.get("refs", {})
        if not isinstance(refs, dict) or not all(
            isinstance(v, list) and all(isinstance(r, str) for r in v) for v in refs.values()
        ):
            return error(400, "refs must map pushed/removed to lists of ref names")
        projects = await self.projects.lookup(repo_url)
        if not projects:
            raise await self._unknown_repo(repo_url)
        for project in projects:
            self._schedule_sync(project.id)
        return json_response({"url": self._project_url(request, projects[0].name)})

    def _schedule_sync(self, project_id: int) -> None:
        async def run() -> None:
            try:
                project = await Project.get_or_none(id=project_id)
                if project is not None:
                    await self.state.syncer.sync(project)
            except Exception:
                log.exception("sync after a dvc exp push of project %s failed", project_id)

        task = asyncio.create_task(run())
        _background.add(task)
        task.add_done_callback(_background.discard)

    # GET /api/view-links
    async def view_links(self, request: Request) -> Response:
        await self.tokens.require(request, Scope.READ)
        url = request.query_params.get("git_remote_url")
        if not url:
            return error(400, "git_remote_url is required")
        commits = [c.lower() for c in request.query_params.getlist("commits") if c][:5000]
        projects = await self.projects.lookup(url)
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
        await self.tokens.require(request, Scope.PROJECTS)
        doc = _object(await read_body(request, MAX_SMALL_BODY))
        repo_url = doc.get("repo_url")
        if not isinstance(repo_url, str) or not repo_url.strip():
            return error(400, "repo_url must be a non-empty string", code="INVALID")
        for field, kind in (("name", str), ("subdir", str), ("team_name", str), ("public", bool)):
            if doc.get(field) is not None and not isinstance(doc[field], kind):
                return error(400, f"{field} must be a {kind.__name__}", code="INVALID")
        try:
            project = await self.state.syncer.create(
                repo_url, doc.get("name") or None, doc.get("subdir") or "", None
            )
        except DomainError as exc:
            status = {"DUPLICATE": 409, "NOT_FOUND": 404, "UNREACHABLE": 422}.get(exc.code, 400)
            return error(status, exc.message, code=exc.code, field=exc.field)
        self.projects.invalidate()
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


def _object(body: bytes) -> dict[str, Any]:
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise bad("body is not valid JSON") from None
    if not isinstance(doc, dict):
        raise bad("body must be a JSON object")
    return doc


def studio_routes(state: State) -> list[BaseRoute]:
    api = StudioApi(state)
    state.services.append(api.writer)
    state.services.append(api.sweeper)
    return api.routes()
