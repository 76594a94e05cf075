"""Helpers for the subscription tests: a real server with a project, live runs posted to its
real ``POST /api/live``, gql websocket clients on both subprotocols, and raw websockets."""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
import pytest
import websockets
from gql import Client, gql
from gql.transport.websockets import WebsocketsTransport
from support import Server, git, http, start_server, stop_server

from schema.relay import from_global_id, to_global_id
from storage.tokens import generate_token, hash_token
from sync.generate import RepoSpec, generate_repo

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
PROTOCOLS = (TRANSPORT_WS, LEGACY_WS)

REDIS_URL = os.environ.get("GITSTUDIO_TEST_REDIS", "redis://127.0.0.1:6379/0")

LIVE = """subscription Live($project: ID!, $experiment: ID, $since: Int) {
  liveMetrics(projectId: $project, experimentId: $experiment, sinceStep: $since) {
    type step metrics publishedAt experimentId experiment { id name status kind }
  }
}"""


def redis_reachable() -> bool:
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), 2):
            return True
    except OSError:
        return False


def ws_url(server: Server) -> str:
    return "ws" + server.url.removeprefix("http") + "/graphql"


def gid(type_name: str, db_id: int) -> str:
    return to_global_id(type_name, db_id)


def db_id(global_id: str) -> int:
    return from_global_id(global_id)[1]


def cli(data_dir: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def admin_token(data_dir: Path, env: dict[str, str] | None = None) -> str:
    return cli(data_dir, env or {}, "token", "create", "--name", "ws-tests", "--scope", "ADMIN")


def scopeless_token(sqlite_file: Path) -> str:
    """A token without any scope (no READ): only a direct insert makes one."""
    token = generate_token()
    with sqlite3.connect(sqlite_file) as conn:
        conn.execute(
            "INSERT INTO access_tokens (name, prefix, token_hash, scopes, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            ("no-scope", token[:12], hash_token(token), "[]", "2024-01-01 00:00:00+00:00"),
        )
    return token


async def graphql(
    server: Server, token: str, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    async with http.async_client(timeout=60) as client:
        response = await client.post(
            f"{server.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"token {token}"},
        )
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


@dataclass
class Project:
    id: str  # global id
    db_id: int
    repo_url: str
    baseline: str


async def create_project(server: Server, token: str, root: Path, name: str) -> Project:
    repo = root / name
    generate_repo(
        repo,
        RepoSpec(
            commits=2, branches=("main",), exps_per_commit=0, gto_tags=False, extra_formats=False
        ),
    )
    data = await graphql(
        server,
        token,
        """mutation($input: CreateProjectInput!) { createProject(input: $input) {
             project { id } errors { message } } }""",
        {"input": {"repoUrl": str(repo), "name": name}},
    )
    payload = data["createProject"]
    assert payload["errors"] == [], payload
    project_id = payload["project"]["id"]
    return Project(project_id, db_id(project_id), str(repo), git(repo, "rev-parse", "main"))


@dataclass
class Served:
    """A real server on its own data directory, with an admin token and one project."""

    server: Server
    token: str
    project: Project
    data_dir: Path


@asynccontextmanager
async def served_project(
    tmp: pytest.TempPathFactory, name: str, settings: dict[str, str]
) -> AsyncIterator[Served]:
    """``start_server`` with ``settings`` (GITSTUDIO_* variables) on a fresh data directory,
    an admin token, and the project ``{name}project``; the server stopped afterwards."""
    data_dir = tmp.mktemp(name)
    token = admin_token(data_dir)
    server = start_server([], data_dir, env=settings)
    try:
        # The repository beside the data directory: the policy never serves one inside it.
        repos = tmp.mktemp(f"{name}-repos")
        project = await create_project(server, token, repos, f"{name}project")
        yield Served(server, token, project, data_dir)
    finally:
        stop_server(server)


@dataclass
class Run:
    """A live run posted to a server's ``/api/live`` the way DVCLive posts it."""

    server: Server
    token: str
    project: Project
    name: str
    metrics: tuple[str, ...] = ("train/loss",)

    def value(self, step: int, metric: str = "train/loss") -> float:
        return round(1.0 / (step + 1) + self.metrics.index(metric) / 1000, 6)

    async def post(self, type_: str, **extra: Any) -> None:
        body = {
            "type": type_,
            "repo_url": self.project.repo_url,
            "baseline_sha": self.project.baseline,
            "name": self.name,
            "client": "dvclive",
            **extra,
        }
        async with http.async_client(timeout=60) as client:
            response = await client.post(
                f"{self.server.url}/api/live",
                content=orjson.dumps(body),
                headers={
                    "Authorization": f"token {self.token}",
                    "Content-type": "application/json",
                },
            )
        assert response.status_code == 200, response.text

    async def start(self) -> None:
        await self.post("start", message="ws test")

    async def steps(self, steps: range) -> None:
        """One ``data`` event carrying the rows of ``steps`` for every metric."""
        plots = {
            f"dvclive/plots/metrics/{metric}.tsv": {
                "data": [
                    {"step": s, metric.rsplit("/", 1)[-1]: self.value(s, metric)} for s in steps
                ]
            }
            for metric in self.metrics
        }
        await self.post("data", step=steps[-1], plots=plots)

    async def done(self) -> None:
        await self.post("done")

    async def experiment_id(self) -> str:
        data = await graphql(
            self.server,
            self.token,
            """query($id: ID!) { project(id: $id) {
                 experiments(filter: {kinds: [LIVE]}, first: 100) { nodes { id name } } } }""",
            {"id": self.project.id},
        )
        nodes = data["project"]["experiments"]["nodes"]
        return next(n["id"] for n in nodes if n["name"] == self.name)


def transport(server: Server, token: str, protocol: str, **extra: Any) -> WebsocketsTransport:
    return WebsocketsTransport(
        url=ws_url(server),
        init_payload={"Authorization": f"token {token}"},
        subprotocols=[protocol],
        **extra,
    )


@dataclass
class Subscriber:
    """A gql client subscribed in the background, collecting events until ``until``."""

    events: list[dict[str, Any]] = field(default_factory=list)
    task: asyncio.Task[None] | None = None
    subscribed: asyncio.Event = field(default_factory=asyncio.Event)

    async def wait(self, timeout: float = 30) -> list[dict[str, Any]]:
        assert self.task is not None
        await asyncio.wait_for(self.task, timeout)
        return self.events


def subscribe(
    server: Server,
    token: str,
    protocol: str,
    query: str,
    variables: dict[str, Any],
    until: Callable[[dict[str, Any]], bool],
) -> Subscriber:
    subscriber = Subscriber()

    async def run() -> None:
        request = gql(query)
        request.variable_values = variables
        async with (
            Client(transport=transport(server, token, protocol)) as session,
            aclosing(session.subscribe(request)) as stream,
        ):
            subscriber.subscribed.set()
            async for result in stream:
                event = next(iter(result.values()))
                subscriber.events.append(event)
                if until(event):
                    return

    subscriber.task = asyncio.create_task(run())
    return subscriber


def done_event(event: dict[str, Any]) -> bool:
    return bool(event["type"] == "DONE")


def steps_of(events: list[dict[str, Any]]) -> list[int]:
    return [e["step"] for e in events if e["type"] == "DATA"]


async def wait_until(check: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


@asynccontextmanager
async def raw(server: Server, protocol: str, **connect: Any) -> Any:
    """A raw websocket (the ``websockets`` library) on ``/graphql``."""
    async with websockets.connect(ws_url(server), subprotocols=[protocol], **connect) as ws:
        yield ws


def tiny_socket(url: str) -> socket.socket:
    """A connected socket with a small receive buffer: a client that stops reading stalls
    the server's writes quickly."""
    host, port = url.split("//")[1].split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((host, int(port)))
    sock.setblocking(False)
    return sock


async def receive(ws: Any, timeout: float = 10) -> dict[str, Any]:
    message: dict[str, Any] = orjson.loads(await asyncio.wait_for(ws.recv(), timeout))
    return message


async def send(ws: Any, message: dict[str, Any]) -> None:
    await ws.send(orjson.dumps(message).decode())


async def raw_subscription(
    ws: Any, token: str, query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    """On a raw graphql-transport-ws socket: init with ``token``, its ack, then subscribe
    ``query`` as operation ``s``; the first message the subscription answers."""
    await send(ws, {"type": "connection_init", "payload": {"token": token}})
    assert (await receive(ws))["type"] == "connection_ack"
    payload = {"query": query, "variables": variables}
    await send(ws, {"id": "s", "type": "subscribe", "payload": payload})
    return await receive(ws)


async def closed_with(ws: Any, timeout: float = 10) -> tuple[int | None, str]:
    """Read until the server closes; the close code and reason."""
    try:
        while True:
            await asyncio.wait_for(ws.recv(), timeout)
    except websockets.ConnectionClosed as closed:
        frame = closed.rcvd
        return (frame.code, frame.reason) if frame else (None, "")
