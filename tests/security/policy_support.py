"""What the policy tests share: an app of their own with a strict repository policy beside
the session's database, a snapshot of everything a refused request must leave as it was, and
a TCP port where something answers that is not Git."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from harness import Hostile, assert_same

from gitstudio.app import State, create_app
from gitstudio.settings import Settings
from storage.tokens import Scope, create_token

CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id name repoUrl } errors { code message field } } }"""


@dataclass
class World:
    """One app with a strict policy (one root, no allowed host), and its repositories."""

    client: httpx.AsyncClient
    state: State
    settings: Settings
    token: str  # PROJECTS scope
    root: Path  # the one allowed root; the data directory lies inside it
    outside: Path  # repositories outside every root
    repos: list[Path] = field(default_factory=list)  # whose refs a refusal must not move

    def repositories(self) -> list[Path]:
        mirrors = self.settings.mirrors_dir
        found = [*self.repos, *(sorted(mirrors.iterdir()) if mirrors.is_dir() else [])]
        return [p for p in found if p.exists()]

    # The corpus' snapshot (tests/security/harness.py): row counts of every table, the refs
    # of every repository this world names (self.repositories()) and the mirrors.
    snapshot = Hostile.snapshot

    async def create(self, repo_url: str, **fields: Any) -> dict[str, Any]:
        variables = {"repoUrl": repo_url, "name": f"p-{uuid.uuid4().hex[:8]}", **fields}
        response = await self.client.post(
            "/graphql",
            json={"query": CREATE, "variables": {"input": variables}},
            headers={"Authorization": f"token {self.token}"},
        )
        assert response.status_code == 200, response.text
        payload: dict[str, Any] = response.json()["data"]["createProject"]
        return payload

    async def refused(self, repo_url: str, code: str, says: str = "") -> str:
        """createProject of ``repo_url`` fails with ``code`` and changes nothing."""
        before = await self.snapshot()
        payload = await self.create(repo_url)
        assert payload["project"] is None, payload
        [error] = payload["errors"]
        assert error["code"] == code, error
        assert says in error["message"], error
        assert_same(before, await self.snapshot())
        message: str = error["message"]
        return message


def strict(base: Settings, root: Path, **overrides: Any) -> Settings:
    """``base`` with one local root (``root``, the data directory inside it), no allowed
    host and no http: the policy of a deployment that set only GITSTUDIO_LOCAL_REPO_ROOTS."""
    fields: dict[str, Any] = {
        "data_dir": root / "data",
        "local_repo_roots": (root,),
        "allowed_git_hosts": (),
        "allow_http_remotes": False,
        **overrides,
    }
    return replace(base, **fields)


async def world_for(
    settings: Settings, root: Path, outside: Path, repos: list[Path] | None = None
) -> AsyncIterator[World]:
    """The app of ``settings`` (its data directory made) with a PROJECTS token."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings)
    _row, token = await create_token(f"policy-{uuid.uuid4().hex[:6]}", frozenset({Scope.PROJECTS}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield World(client, app.state.gitstudio, settings, token, root, outside, repos or [])


@contextlib.contextmanager
def listening() -> Iterator[int]:
    """A TCP port on 127.0.0.1 where something accepts and answers garbage (not Git)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.sendall(b"HTTP/1.0 418 no\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(server.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


@contextlib.contextmanager
def redirecting() -> Iterator[tuple[str, list[str]]]:
    """(a Git URL on 127.0.0.1 whose server redirects every request to localhost, the
    paths requested there): what a fetch that follows redirects would reach."""
    seen: list[str] = []

    class Elsewhere(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    elsewhere = http.server.HTTPServer(("127.0.0.1", 0), Elsewhere)
    target = f"http://localhost:{elsewhere.server_address[1]}"

    class Redirect(Elsewhere):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", target + self.path)
            self.end_headers()

    first = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    servers = [first, elsewhere]
    for server in servers:
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{first.server_address[1]}/x.git", seen
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
