"""Test helpers: the GraphQL client of the in-process app, a subprocess server, git."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from gitstudio.settings import Settings
from storage.tokens import TokenUses
from sync.generate import RepoSpec, generate_repo


def hand_commented_repo(repo: Path) -> Path:
    """A generated repository (3 commits, no experiments) whose params.yaml starts with a
    comment, committed: what a write of params must keep."""
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    (repo / "params.yaml").write_text("# tuned by hand\n" + (repo / "params.yaml").read_text())
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "comment params"], check=True)
    return repo


@dataclass
class Api:
    """The real app in process, with an ADMIN token; ``gql`` posts a GraphQL request."""

    client: httpx.AsyncClient
    token: str
    settings: Settings
    backend: str
    uses: TokenUses  # the app's lastUsedAt writer (the lifespan does not run in tests)
    names: set[str] = field(default_factory=set)

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        response = await self.client.post(
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"token {token or self.token}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def post_as(
        self, token: str | None, query: str, variables: dict[str, Any]
    ) -> dict[str, Any]:
        """``query`` with ``token``, or with no credentials at all (None: anonymous)."""
        headers = {"Authorization": f"token {token}"} if token else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.gql(query, variables)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result

    async def create_project(
        self, repo: Path | str, name: str, subdir: str | None = None
    ) -> dict[str, Any]:
        payload = (
            await self.data(
                """mutation($input: CreateProjectInput!) { createProject(input: $input) {
                     project { id name } errors { code message field } } }""",
                {"input": {"repoUrl": str(repo), "name": name, "subdir": subdir}},
            )
        )["createProject"]
        assert payload["errors"] == [], payload["errors"]
        project: dict[str, Any] = payload["project"]
        return project

    async def experiments(self, name: str) -> list[dict[str, Any]]:
        """The ``id`` and ``sha`` of the Git experiments (kind EXPERIMENT) of project ``name``."""
        body = await self.data(
            "query($name: String!) { project(name: $name) { experiments(filter: {kinds:"
            " [EXPERIMENT]}) { nodes { id sha } } } }",
            {"name": name},
        )
        nodes: list[dict[str, Any]] = body["project"]["experiments"]["nodes"]
        return nodes

    async def sync(self, project_id: str) -> dict[str, Any]:
        payload = (
            await self.data(
                """mutation($id: ID!) { syncProject(id: $id) {
                     sync { newCommits newExperiments removedExperiments parsedBlobs }
                     errors { code message } } }""",
                {"id": project_id},
            )
        )["syncProject"]
        assert payload["errors"] == [], payload["errors"]
        summary: dict[str, Any] = payload["sync"]
        return summary


@asynccontextmanager
async def statement_timeout(api: Api, seconds: float) -> AsyncIterator[Api]:
    """The app's database with statements bounded to ``seconds``; unbounded again after."""
    from storage import db

    await db.init_db(api.settings.database_url, seconds)
    try:
        yield api
    finally:
        await db.init_db(api.settings.database_url)


class StatementCounter(logging.Handler):
    """Counts SQL statements as tortoise logs them (one DEBUG record per statement)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.statements.append(record.getMessage())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    output: Path


class Http:
    """``httpx.get`` / ``httpx.post`` with one TLS context for the process: httpx's module
    functions build a client per call, and with it a context loading the CA bundle (some
    30 ms of CPU). A server's start is polled every 0.1 s: that was a second of the test
    process's CPU per server, taken from the server starting beside it on two cores."""

    def __init__(self) -> None:
        self.tls = ssl.create_default_context()

    def get(self, url: str, **options: Any) -> httpx.Response:
        return self.request("GET", url, **options)

    def post(self, url: str, **options: Any) -> httpx.Response:
        return self.request("POST", url, **options)

    def async_client(self, **options: Any) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` with the process's TLS context."""
        return httpx.AsyncClient(verify=self.tls, **options)

    def request(
        self,
        method: str,
        url: str,
        timeout: float | None = 5.0,
        cookies: Any = None,
        **options: Any,
    ) -> httpx.Response:
        with httpx.Client(verify=self.tls, timeout=timeout, cookies=cookies) as client:
            return client.request(method, url, **options)


http = Http()


def start_server(
    args: list[str],
    data_dir: Path,
    env: dict[str, str] | None = None,
    port: int | None = None,
    program: Sequence[str] = (sys.executable, "-m", "gitstudio.cli"),
) -> Server:
    """``gitstudio serve`` in a subprocess (on a free port unless given, e.g. to restart on
    the URL clients were given); waits for /healthz. ``program``: what runs the ``serve``
    command (a test's script wrapping gitstudio's CLI)."""
    port = port or free_port()
    output = data_dir / f"server-{port}-{time.monotonic_ns()}.log"
    log = output.open("w")
    process = subprocess.Popen(
        [
            *program,
            "serve",
            "--data-dir",
            str(data_dir),
            "--port",
            str(port),
            *args,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{output.read_text()}")
        try:
            if http.get(f"{url}/healthz", timeout=1).status_code == 200:
                return Server(url, process, output)
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server did not start:\n{output.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def copy_repo(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


# A git daemon's upload-pack wrapper (``--upload-pack``-style hook script) that holds a fetch
# (upload-pack's pack-objects) while a test has the gate armed and not opened: it marks
# ``fetch.waiting`` and waits for ``fetch.open`` (at most a minute).
FETCH_GATE = """#!/bin/sh
gates="{gates}"
if [ -e "$gates/fetch.armed" ]; then
  touch "$gates/fetch.waiting"
  i=0
  while [ ! -e "$gates/fetch.open" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done
fi
exec "$@"
"""


def dvc_json(repo: Path, *args: str) -> Any:
    """What ``dvc ARGS --json`` prints in ``repo``, decoded (the oracle of many tests)."""
    out = subprocess.run(
        [sys.executable, "-m", "dvc", *args, "--json"],
        cwd=repo,
        env={**os.environ, "DVC_NO_ANALYTICS": "1"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def new_dvc_repo(repo: Path) -> Path:
    """An empty Git repository on ``main`` with DVC initialised (``dvc init``)."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "T")
    subprocess.run([sys.executable, "-m", "dvc", "init", "-q"], cwd=repo, check=True)
    return repo


@dataclass
class ClockedRepo:
    """A repository whose git commands each run a minute after the last (author and
    committer dates fixed), so commit order and times never depend on the machine."""

    path: Path
    clock: int = 1_700_000_000

    def git(self, *args: str) -> str:
        self.clock += 60
        stamp = f"{self.clock} +0000"
        env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        done = subprocess.run(
            ["git", "-C", str(self.path), *args],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()


@asynccontextmanager
async def with_services(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of ``app`` over ASGI while the services its lifespan runs (live writer,
    STALE sweep, webhook deliveries, ...) run, stopped afterwards in reverse order."""
    state = app.state.gitstudio
    for service in state.services:
        await service.start()
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield http
    finally:
        for service in reversed(state.services):
            await service.stop()


async def eventually(check: Callable[[], Awaitable[Any]], what: str, timeout: float = 20) -> Any:
    """``await check()`` until it answers something true, polled up to ``timeout`` seconds
    (work done off the request, e.g. the live writer's: a deadline, never a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while not (found := await check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)
    return found
