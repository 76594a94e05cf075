"""What the write flows' browser tests (test_flows_*.py) share: a demo server of their own
(they register versions, push commits and merge pull requests into the demo's repository,
which would change what the other browser tests read from the session's ``demo``), a signed
in page on it, and Git itself as the oracle of what reached the project's remote."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from support import stop_server
from web_support import Served, Visit, serve, sign_in, visit

if TYPE_CHECKING:
    from playwright.async_api import Browser


@contextmanager
def own_demo(data_dir: Path) -> Iterator[Served]:
    """``gitstudio serve --demo`` on ``data_dir``, stopped on exit."""
    served = serve(data_dir, "--demo")
    try:
        yield served
    finally:
        stop_server(served.server)


@asynccontextmanager
async def signed_in_on(browser: Browser, served: Served, path: str) -> AsyncIterator[Visit]:
    """A browser context signed in through /login, its page on ``path``."""
    opened = await visit(browser, served)
    try:
        await sign_in(opened.page, served, path)
        yield opened
    finally:
        await opened.context.close()


def git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def repo_url(served: Served, project: str = "demo") -> str:
    """The project's repository as the API gives it (the demo's: <data_dir>/demo-repo)."""
    url: str = served.gql("query($n: String!) { project(name: $n) { repoUrl } }", {"n": project})[
        "project"
    ]["repoUrl"]
    return url


def fresh_clone(url: str, into: Path) -> Path:
    """A new clone of the remote, tags included: what anyone else would see."""
    git("clone", "--quiet", url, str(into))
    return into


def remote_heads(url: str) -> dict[str, str]:
    """Branch name -> sha on the remote (``git ls-remote --heads``)."""
    heads: dict[str, str] = {}
    for line in git("ls-remote", "--heads", url).splitlines():
        sha, ref = line.split("\t")
        heads[ref.removeprefix("refs/heads/")] = sha
    return heads
