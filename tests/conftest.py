"""Shared fixtures: real databases (SQLite, and PostgreSQL when reachable), the real app
in process over ASGI, a real uvicorn server in a subprocess, and generated Git repositories.

PostgreSQL tests skip when the server is unreachable on a laptop, but fail under ``CI=true``.
Each run creates its own PostgreSQL database and drops it afterwards.
"""

from __future__ import annotations

import logging
import os
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from services import DAEMON_HOST, fresh_postgres
from support import Api, StatementCounter, free_port

from gitstudio.app import create_app
from gitstudio.settings import Settings
from storage import db, limits
from storage.tokens import Scope, create_token

# The bounds below the app come from the settings, as the app sets them at start; tests
# that index or make a ProjectSyncer without an app read them too.
limits.configure(Settings())


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path_factory.mktemp('sqlite') / 'gitstudio.db'}"
        return
    async with fresh_postgres("gitstudio_test") as url:
        try:
            yield url
        finally:
            await db.close_db()


@pytest.fixture(scope="session", autouse=True)
def repo_policy_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The repository access policy of the tests (sync/repo_policy.py): the repositories
    they make all live under the session's base temporary directory, and the `git daemon`
    of ``daemon`` listens on 127.0.0.2, the one loopback address allowed (127.0.0.1 and
    localhost stay refused, as in a deployment). Servers and CLIs started as subprocesses
    inherit it through the environment; ``api`` uses the same values."""
    policy = {
        "GITSTUDIO_LOCAL_REPO_ROOTS": str(tmp_path_factory.getbasetemp()),
        "GITSTUDIO_ALLOWED_GIT_HOSTS": DAEMON_HOST,
    }
    saved = {name: os.environ.get(name) for name in policy}
    os.environ.update(policy)
    yield policy
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
async def api(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, repo_policy_env: dict[str, str]
) -> AsyncIterator[Api]:
    data_dir = tmp_path_factory.mktemp("data")
    settings = Settings(
        data_dir=data_dir,
        database_url=database_url,
        max_page_size=200,
        local_repo_roots=(tmp_path_factory.getbasetemp(),),
        allowed_git_hosts=(DAEMON_HOST,),
    )
    await db.init_db(database_url)
    app = create_app(settings)
    _row, token = await create_token("test-admin", frozenset({Scope.ADMIN}))
    # The lifespan does not run here; its token-use writer does (lastUsedAt), as in a server.
    uses = app.state.gitstudio.caches.token_uses
    await uses.start()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield Api(
            client, token, settings, "postgres" if "postgres" in database_url else "sqlite", uses
        )
    await uses.stop()
    await db.close_db()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:8]


@pytest.fixture
def sql_counter() -> Iterator[StatementCounter]:
    logger = logging.getLogger("tortoise.db_client")
    counter = StatementCounter()
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(old_level)


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real `git daemon` serving (and accepting pushes into) the repositories under its root."""
    root = tmp_path / "served"
    root.mkdir()
    port = free_port()
    process = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
         f"--base-path={root}",
         f"--port={port}", f"--listen={DAEMON_HOST}", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        probe = subprocess.run(
            ["git", "ls-remote", f"git://{DAEMON_HOST}:{port}/none"], capture_output=True, text=True
        )
        if "Connection refused" not in probe.stderr:
            break
        time.sleep(0.1)
    try:
        yield f"git://{DAEMON_HOST}:{port}", root
    finally:
        process.terminate()
        process.wait(timeout=10)
