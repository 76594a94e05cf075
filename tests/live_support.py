"""Helpers for the live-experiment tests: event bodies as dvc-studio-client builds them,
projects made from generated repositories, direct reads of what got stored, and the
environment under which real DVC / DVCLive processes post to a gitstudio server."""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from support import Api, Server, free_port, git, http, start_server

from gitstudio.app import State
from storage import db
from storage.metric_writer import MetricWriter
from storage.metrics import PointRow, unfold
from storage.tokens import Scope, create_token
from sync.generate import RepoSpec, add_commit, generate_repo


def png(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid RGB PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG = png()


def event(
    type_: str,
    repo_url: str,
    baseline: str,
    name: str,
    client: str = "dvclive",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "type": type_,
        "repo_url": repo_url,
        "baseline_sha": baseline,
        "name": name,
        "client": client,
        **extra,
    }


def rows(metric: str, *values: tuple[int, Any]) -> dict[str, Any]:
    """A DVCLive metric TSV chunk: ``{"dvclive/plots/metrics/<metric>.tsv": {"data": [...]}}``."""
    column = metric.rsplit("/", 1)[-1]
    return {
        f"dvclive/plots/metrics/{metric}.tsv": {
            "data": [{"step": step, column: value} for step, value in values]
        }
    }


async def post_live(api: Api, body: Any, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"token {token or api.token}"} if token != "" else {}
    if isinstance(body, bytes | str):
        return await api.client.post(
            "/api/live",
            content=body,
            headers={**headers, "Content-type": "application/json"},
        )
    return await api.client.post("/api/live", json=body, headers=headers)


async def token_with(*scopes: Scope, name: str = "t", owner: tuple[str, str] | None = None) -> str:
    _row, token = await create_token(name, frozenset(scopes), owner)
    return token


async def new_project(api: Api, tmp_path: Path, name: str, **spec: Any) -> tuple[Path, int, str]:
    """A generated repository added as a project: (repo path, project db id, main's sha)."""
    repo = tmp_path / name
    generate_repo(
        repo,
        RepoSpec(
            **{
                "commits": 2,
                "branches": ("main",),
                "exps_per_commit": 0,
                "gto_tags": False,
                "extra_formats": False,
                **spec,
            }
        ),
    )
    await api.create_project(repo, name)
    found = await db.fetch("SELECT id FROM projects WHERE name = ?", [name])
    return repo, int(found[0]["id"]), git(repo, "rev-parse", "main")


async def live_rows(project_id: int) -> list[dict[str, Any]]:
    return await db.fetch(
        "SELECT * FROM experiments WHERE project_id = ? AND kind = 'LIVE' ORDER BY id",
        [project_id],
    )


async def stored_points(experiment_id: int) -> list[PointRow]:
    """(name, step, value, token, timestamp) of every stored point, by name and step."""
    found = await db.fetch(
        "SELECT step, points FROM metric_steps WHERE experiment_id = ?", [experiment_id]
    )
    return unfold((r["step"], r["points"]) for r in found)


async def points_of(experiment_id: int) -> list[tuple[Any, ...]]:
    """(name, step, value, token) of every stored point, by name and step."""
    return [p[:4] for p in await stored_points(experiment_id)]


def state_of(api: Api) -> State:
    transport = api.client._transport
    app: Any = transport.app  # type: ignore[attr-defined]
    state: State = app.state.gitstudio
    return state


def writer_of(state: State) -> MetricWriter:
    return next(s for s in state.services if isinstance(s, MetricWriter))


# -- real processes -------------------------------------------------------------------------


def client_env(server_url: str, token: str, repo_url: str, home: Path) -> dict[str, str]:
    """Env for DVC/DVCLive posting to ``server_url``, with an isolated global DVC config."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DVC_", "STUDIO_", "DVCLIVE_", "GITSTUDIO_"))
    }
    env.update(
        {
            # DVC stages run `python`: the interpreter running the tests, with DVCLive.
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "DVC_STUDIO_URL": server_url,
            "DVC_STUDIO_TOKEN": token,
            "DVC_STUDIO_REPO_URL": repo_url,
            "DVCLIVE_LOGLEVEL": "DEBUG",
            "DVC_NO_ANALYTICS": "1",
            "GIT_AUTHOR_NAME": "Alice",
            "GIT_AUTHOR_EMAIL": "alice@example.com",
            "GIT_COMMITTER_NAME": "Alice",
            "GIT_COMMITTER_EMAIL": "alice@example.com",
        }
    )
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> str:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{cmd} exited {done.returncode}:\n{output}"
    return output


def cli(data_dir: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


def admin_token(data_dir: Path, *scopes: str) -> str:
    flags = [a for s in scopes or ("ADMIN",) for a in ("--scope", s)]
    return cli(data_dir, "token", "create", "--name", "tests", *flags).splitlines()[-1]


def start_server_on(port: int, data_dir: Path, env: dict[str, str] | None = None) -> Server:
    """``gitstudio serve`` on a given port (a restart keeps the URL clients were given)."""
    return start_server([], data_dir, env, port=port)


def sqlite_rows(data_dir: Path, query: str, *args: Any) -> list[dict[str, Any]]:
    """Read the server's SQLite database directly (WAL: safe while it runs)."""
    conn = sqlite3.connect(data_dir / "gitstudio.db", timeout=10)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(query, args).fetchall()]
    finally:
        conn.close()


def wait_for(check: Callable[[], Any], timeout: float = 30, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def gql(url: str, token: str, query: str, variables: dict[str, Any] | None = None) -> Any:
    response = http.post(
        f"{url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Authorization": f"token {token}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


__all__ = ["free_port"]


# -- a repository whose pipeline trains with DVCLive ---------------------------------------------

LIVE_TRAIN = '''"""A small DVCLive training loop; LIVE_CONTROL files let a test pause it."""
import math
import os
import sys
import time
from pathlib import Path

from dvclive import Live

steps = int(os.environ.get("LIVE_STEPS", "6"))
pause_at = int(os.environ.get("LIVE_PAUSE_AT", "-1"))
control = Path(os.environ.get("LIVE_CONTROL", "."))


def wait_for(name):
    deadline = time.time() + 120
    while not (control / name).exists():
        if time.time() > deadline:
            sys.exit(f"timed out waiting for {name}")
        time.sleep(0.05)


live = Live(exp_name=os.environ.get("LIVE_EXP_NAME") or None, exp_message="live training")
live.log_param("epochs", steps)
live.log_param("lr", 0.1)
for step in range(steps):
    if step == pause_at:  # the test stops the server now
        live._wait_for_studio_updates_posted()
        (control / "paused").touch()
        wait_for("down")
    if pause_at >= 0 and step == pause_at + 2:  # two steps posted into the void; restart
        live._wait_for_studio_updates_posted()
        (control / "posted-while-down").touch()
        wait_for("up")
    loss = math.nan if step == 2 else 1 / (step + 1)
    live.log_metric("train/loss", loss)
    live.log_metric("acc", round(0.5 + step / 20, 4))
    if step == 1 and Path("tiny.png").exists():
        live.log_image("sample.png", "tiny.png")
    live.next_step()
live.end()
'''

LIVE_DVC_YAML = """stages:
  train:
    cmd: python live_train.py
    deps:
    - live_train.py
"""


def live_repo(path: Path) -> str:
    """A generated DVC repository whose pipeline is a DVCLive loop; returns main's sha."""
    generate_repo(
        path,
        RepoSpec(
            commits=2, branches=("main",), exps_per_commit=0, gto_tags=False, extra_formats=False
        ),
    )
    sha = add_commit(
        path,
        "main",
        {
            "dvc.yaml": LIVE_DVC_YAML,
            "dvc.lock": None,
            "live_train.py": LIVE_TRAIN,
            ".gitignore": "/model.pkl\n/tiny.png\n",
        },
        "Train with DVCLive",
    )
    (path / "tiny.png").write_bytes(PNG)
    return sha


def create_project_rest(url: str, token: str, repo_url: str, name: str) -> dict[str, Any]:
    response = http.post(
        f"{url}/api/create-project",
        json={"repo_url": repo_url, "name": name},
        headers={"Authorization": f"token {token}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    project: dict[str, Any] = response.json()["projects"][0]
    return project


LIVE_ROWS = """query($name: String!, $kinds: [ExperimentKind!]) { project(name: $name) {
  experiments(filter: {kinds: $kinds}, first: 100) { nodes {
    databaseId kind name ref sha status message params metrics experimentRev lastStep
    metricNames } } } }"""


def experiments(url: str, token: str, project: str, *kinds: str) -> list[dict[str, Any]]:
    data = gql(url, token, LIVE_ROWS, {"name": project, "kinds": list(kinds) or None})
    nodes: list[dict[str, Any]] = data["project"]["experiments"]["nodes"]
    return nodes


def metric_points(data_dir: Path, experiment_id: int) -> list[tuple[Any, ...]]:
    """(name, step, value, token) of every point stored in a server's SQLite database."""
    rows = sqlite_rows(
        data_dir, "SELECT step, points FROM metric_steps WHERE experiment_id = ?", experiment_id
    )
    return [p[:4] for p in unfold((r["step"], r["points"]) for r in rows)]
