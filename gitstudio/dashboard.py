"""The built-in dashboard: its built files (``web/`` compiled into gitstudio/static/dashboard
by Vite, see web/README) served by gitstudio, so ``pip install`` then ``gitstudio serve``
shows it with no Node at run time and nothing loaded from another host.

Every page path of the dashboard (``/``, ``/projects/<name>``, ``/projects/<name>/models/
<model>``, ``/models``, ``/settings/tokens``) answers its one ``index.html``; the page's
script routes in the browser. The HTML holds no data (the script reads everything through
/graphql as its user), so it is served to anyone. Its scripts and styles are
``/assets/<name>-<hash>.<ext>``: a name changes with its content, so they are cached for a
year (immutable) while ``index.html`` is revalidated every time (no-cache, an ETag) and a
new build shows on the next load.

The Content-Security-Policy allows this server's own origin only and no inline script or
style: nothing the page runs or loads can come from elsewhere, and an injected ``<script>``
or ``style=`` attribute does nothing. ``connect-src 'self'`` covers the same-origin
websocket of subscriptions (CSP Level 3; tests/web checks it in Chromium).

A checkout without the build answers ``503`` with a page that says how to build it (never
a 500); the rest of the server (``/login``, ``/graphql``) works without it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread
from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from gitstudio.pages import page

BUILT = Path(__file__).resolve().parent / "static" / "dashboard"
ASSETS_PATH = "/assets"
# The dashboard's page paths: each is index.html (the script reads the path).
PAGES = (
    "/",
    "/projects/{name}",
    "/projects/{name}/models/{model:model}",
    "/models",
    "/settings/tokens",
)


class _ModelName(Convertor[str]):
    """A model's name: GTO names of a monorepo hold ``/`` (``dir/sub:name``), so a path,
    but never empty (``:path`` would match ``models/`` and redirect ``models`` there)."""

    regex = ".+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("model", _ModelName())

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# What every answer of the dashboard carries: its files are never sniffed as another type,
# never framed (clickjacking), and send no Referer to another site (a URL may name a private
# project). same-origin rather than no-referrer: a form POSTed from a no-referrer page
# carries ``Origin: null``, which the session's CSRF check refuses (gitstudio/pages.py).
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
PAGE_HEADERS = {**SECURITY_HEADERS, "Content-Security-Policy": CSP, "Cache-Control": "no-cache"}
IMMUTABLE = "public, max-age=31536000, immutable"

BUILD_HINT = (
    "<p>This gitstudio has no built dashboard: <code>{index}</code> is missing (a checkout"
    " of the sources without the build).</p>"
    "<p>Build it from the repository's root (Node 20 or later):</p>"
    "<p><code>npm ci --prefix web &amp;&amp; npm run --prefix web build</code></p>"
    "<p>then reload this page; or install a released gitstudio package, which ships it."
    " Meanwhile <a href='/graphql'>GraphiQL</a> and <a href='/login'>sign-in</a> work.</p>"
)


@dataclass(frozen=True, slots=True)
class _Index:
    stamp: tuple[int, int, int]  # inode, size, mtime: a rebuilt file is read again
    body: bytes
    etag: str


class Dashboard:
    """The dashboard built into ``directory`` (``index.html`` and ``assets/``);
    GITSTUDIO_DASHBOARD_DIR points a server at another build (a development build, the
    tests' fixture)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = (directory or BUILT).resolve()
        self.index_path = self.directory / "index.html"
        self._index: _Index | None = None

    def _read_index(self) -> _Index | None:
        try:
            stat = os.stat(self.index_path)
            stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            if self._index is not None and self._index.stamp == stamp:
                return self._index
            body = self.index_path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        self._index = _Index(stamp, body, etag)
        return self._index

    async def page(self, request: Request) -> Response:
        index = await anyio.to_thread.run_sync(self._read_index)
        if index is None:
            hint = BUILD_HINT.format(index=self.index_path)
            response = page("Dashboard not built", hint, status=503)
            response.headers["Retry-After"] = "60"
            return response
        if index.etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={**PAGE_HEADERS, "ETag": index.etag})
        return Response(
            index.body,
            media_type="text/html; charset=utf-8",
            headers={**PAGE_HEADERS, "ETag": index.etag},
        )

    def routes(self) -> list[BaseRoute]:
        pages: list[BaseRoute] = [Route(path, self.page, methods=["GET"]) for path in PAGES]
        return [*pages, Mount(ASSETS_PATH, _Assets(self.directory / "assets"), name="assets")]


class _Assets(StaticFiles):
    """``assets/`` of the build: hashed names, cached for good. A missing directory (no
    build) is a 404 per file, as any unknown file, never StaticFiles' RuntimeError."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory, check_dir=False)

    async def check_config(self) -> None:
        # StaticFiles raises RuntimeError (a 500) for a missing directory: no build here,
        # so every asset is simply not found.
        with contextlib.suppress(RuntimeError):
            await super().check_config()

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers.update(SECURITY_HEADERS)
        response.headers["Cache-Control"] = IMMUTABLE
        response.headers["Vary"] = "Accept-Encoding"
        return response

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if not isinstance(response, FileResponse) or response.stat_result is None:
            return response  # a 304, a 404
        if Path(response.path).suffix not in COMPRESSED or not _accepts_gzip(Headers(scope=scope)):
            return response
        stat = response.stat_result
        # Compressed in a worker thread: the first request of a large file costs some 40 ms.
        body = await anyio.to_thread.run_sync(
            _gzipped, str(response.path), stat.st_mtime_ns, stat.st_size
        )
        headers = {k: v for k, v in response.headers.items() if k != "content-length"}
        gzipped = Response(body, response.status_code, headers=headers)
        gzipped.headers["Content-Encoding"] = "gzip"
        # Weak: the same content in another encoding (a strong one names the bytes). A
        # browser's If-None-Match with it still matches the file's (a 304).
        gzipped.headers["ETag"] = "W/" + response.headers["etag"]
        return gzipped


# What is sent gzipped to a browser that accepts it: text (scripts, styles), a third of its
# size (the dashboard's 975 KB are 331 KB). Images and fonts are compressed already.
COMPRESSED = frozenset({".js", ".css", ".svg", ".json", ".txt", ".html"})


@functools.lru_cache(maxsize=64)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """The file at ``path`` gzipped, once per process and version of the file (a build's
    handful of files, each compressed on its first request: the largest, 860 KB, in some
    40 ms)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


def _accepts_gzip(headers: Headers) -> bool:
    """Whether Accept-Encoding lists gzip (or ``*``) with a weight above zero."""
    for part in headers.get("accept-encoding", "").split(","):
        name, _, params = part.partition(";")
        if name.strip().lower() in ("gzip", "*"):
            weight = params.strip().lower().removeprefix("q=")
            try:
                return not params.strip() or float(weight) > 0
            except ValueError:
                return False
    return False


def dashboard_routes(directory: Path | None = None) -> list[BaseRoute]:
    return Dashboard(directory).routes()
