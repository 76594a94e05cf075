"""The browser tests' harness (their fixtures are in tests/web/conftest.py): a real
``gitstudio serve`` in a subprocess with a site admin who has a password, Debian's Chromium
driven by Playwright (the PyPI package, through ``executable_path``: no browser is
downloaded), signing in through the real ``/login`` form, a recorder of every request,
websocket, Content-Security-Policy refusal and script error of a context's pages, and an
accessibility pass with axe-core (tests/web/vendor).

Chromium resolves no host but 127.0.0.1 (``--host-resolver-rules``), as on a machine without
internet: a page that needed another host would break here, and the recorder says which
request tried.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import pytest
from support import Server, http, start_server

from gitstudio.dashboard import BUILT

if TYPE_CHECKING:
    from playwright.async_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Response,
        WebSocket,
    )

try:
    from playwright.async_api import TimeoutError as PlaywrightTimeout
except ImportError:  # without playwright the browser fixture skips (fails under CI) the tests
    PlaywrightTimeout = TimeoutError  # type: ignore[misc,assignment]

HERE = Path(__file__).resolve().parent
FIXTURE_BUILD = HERE / "dashboard_fixture"
AXE = HERE / "vendor" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI") == "true"
USER = "web-admin"
PASSWORD = "a long test password for the browser"
# Every host but this server's is unresolvable inside the browser.
HOST_RULES = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# What a page of this server may reach besides its own origin: nothing over the network.
LOCAL_SCHEMES = ("data", "blob", "about")
# What a page loads as part of itself: any of them answered 4xx/5xx is a broken page.
ASSET_TYPES = ("script", "stylesheet", "image", "font", "media", "manifest")


def needed(what: str) -> None:
    """Skip on a laptop without ``what``; under CI=true the browser tests must run."""
    if IN_CI:
        pytest.fail(f"{what} (CI=true: .ci/run installs it, the browser tests must run)")
    pytest.skip(what)


def dashboard_build() -> Path:
    """The build the demo server serves: the shipped one once web/ has built it, until then
    the fixture (a stand-in page that probes the policy)."""
    return BUILT if (BUILT / "index.html").exists() else FIXTURE_BUILD


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


@dataclass
class Served:
    """A running ``gitstudio serve``: its URL, an ADMIN token, a site admin with a
    password (``USER``/``PASSWORD``), its data directory and log."""

    server: Server
    token: str
    data_dir: Path

    @property
    def url(self) -> str:
        return self.server.url

    def gql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = http.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"token {self.token}"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def graphiql_link(self, **params: str) -> str:
        """The GraphiQL link ``serve --demo`` prints (the token in its headers), plus
        ``params`` (``q``: the query)."""
        header = quote(f'{{"Authorization": "token {self.token}"}}')
        extra = "".join(f"&{name}={quote(value)}" for name, value in params.items())
        return f"{self.url}/graphql?headers={header}{extra}"


def serve(data_dir: Path, *args: str, build: Path | None = None) -> Served:
    """``gitstudio serve ARGS`` on ``data_dir`` with a site admin who has a password and an
    ADMIN token; the dashboard from ``build`` (default: :func:`dashboard_build`)."""
    cli(data_dir, "user", "create", USER, "--admin", "--password-stdin", stdin=PASSWORD + "\n")
    env = {"GITSTUDIO_DASHBOARD_DIR": str(build or dashboard_build())}
    server = start_server(list(args), data_dir, env)
    printed = re.search(r"stored hashed\): (\S+)", server.output.read_text())
    token = printed[1] if printed else None
    if token is None:  # no --demo: mint one as an operator would
        token = cli(data_dir, "token", "create", "--name", "web", "--scope", "ADMIN")
        token = token.splitlines()[-1]
    return Served(server, token, data_dir)


def same_origin(url: str, origin: str) -> bool:
    parts, own = urlsplit(url), urlsplit(origin)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    ports = {"http": 80, "https": 443, "ws": 80, "wss": 443}
    secure = parts.scheme in ("https", "wss")
    return (
        parts.scheme in ports
        and secure == (own.scheme == "https")
        and parts.hostname == own.hostname
        and (parts.port or ports[parts.scheme]) == (own.port or ports[own.scheme])
    )


@dataclass
class Recorder:
    """Everything the pages of one browser context did: each request (URL), websocket,
    Content-Security-Policy refusal (Chromium's console line), uncaught script error and
    asset (script, style, image, font, icon) the server did not have."""

    origin: str
    requests: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("page", self._watch)
        context.on("weberror", lambda error: self.errors.append(str(error.error)))
        context.on("response", self._response)

    def _response(self, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type in ASSET_TYPES:
            self.missing.append(f"{response.status} {response.url}")

    def _watch(self, page: Page) -> None:
        page.on("websocket", self._websocket)
        page.on("console", self._console)

    def _websocket(self, socket: WebSocket) -> None:
        self.websockets.append(socket.url)

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def foreign(self) -> list[str]:
        """Requests and websockets to anywhere but this server."""
        every = self.requests + self.websockets
        return [url for url in every if not same_origin(url, self.origin)]

    def assert_stayed_home(self) -> None:
        """Nothing left the server's origin and the policy refused nothing: what the
        page needs is all here, and nothing it does needs another host."""
        assert self.requests, "no request recorded: the recorder is not attached"
        assert self.foreign() == [], self.foreign()
        assert self.refused == [], self.refused
        assert self.missing == [], self.missing


@dataclass
class Visit:
    """A browser context on a server, its first page and what its pages did."""

    context: BrowserContext
    page: Page
    recorder: Recorder
    served: Served


async def visit(browser: Browser, served: Served) -> Visit:
    context = await browser.new_context(base_url=served.url)
    recorder = Recorder(served.url)
    recorder.attach(context)
    page = await context.new_page()
    page.set_default_timeout(30_000)
    return Visit(context, page, recorder, served)


async def sign_in(page: Page, served: Served, next_path: str = "/") -> None:
    """Sign in as ``USER`` through the real /login form, landing on ``next_path``."""
    await page.goto(f"{served.url}/login?next={quote(next_path, safe='/')}")
    await page.fill("#name", USER)
    await page.fill("#password", PASSWORD)
    async with page.expect_navigation():
        await page.click("button[type=submit]")
    assert urlsplit(page.url).path == next_path, page.url


# axe-core's impacts that fail a page: a user cannot use what they mark.
BLOCKING = ("serious", "critical")


async def axe_violations(page: Page, impacts: tuple[str, ...] = BLOCKING) -> list[dict[str, Any]]:
    """axe-core's violations of ``impacts`` on the page as it is now. The script goes in
    through the DevTools protocol, which the page's CSP does not govern (a <script> tag
    with axe's text would be an inline script the policy refuses)."""
    session = await page.context.new_cdp_session(page)
    try:
        loaded = await session.send(
            "Runtime.evaluate", {"expression": AXE.read_text(), "returnByValue": True}
        )
        assert "exceptionDetails" not in loaded, loaded["exceptionDetails"]
    finally:
        await session.detach()
    results = await page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))"
    )
    return [found for found in results if found["impact"] in impacts]


async def assert_accessible(page: Page, known: dict[str, str] | None = None) -> None:
    """No serious or critical axe-core violation, except those ``known`` lists (rule id ->
    why it is not ours to fix), each of which must still occur (so the list stays true)."""
    known = known or {}
    found = await axe_violations(page)
    ours = [v for v in found if v["id"] not in known]
    assert ours == [], ours
    stale = set(known) - {v["id"] for v in found}
    assert not stale, f"no longer violated, drop from the known list: {sorted(stale)}"
