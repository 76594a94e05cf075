"""The browser tests' fixtures (the harness is web_support.py): ``demo``, a real
``gitstudio serve --demo``; ``browser``, Debian's Chromium driven by Playwright;
``anonymous`` and ``signed_in``, a browser context on the demo server before and after
signing in through the real /login form, recording what its pages do.

Without Chromium or Playwright these tests skip on a laptop; under ``CI=true`` they fail
(.ci/run installs both), as tests/test_graphiql.py's Chromium test does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import pytest
from flows_support import own_demo
from support import stop_server
from web_support import (
    CHROMIUM,
    HOST_RULES,
    USER,
    Served,
    Visit,
    needed,
    serve,
    sign_in,
    visit,
)

if TYPE_CHECKING:
    from playwright.async_api import Browser


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``gitstudio serve --demo``: the demo project (20 commits, experiments, models)."""
    served = serve(tmp_path_factory.mktemp("web-demo"), "--demo")
    try:
        yield served
    finally:
        stop_server(served.server)


@pytest.fixture(scope="session")
def flows_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Another ``gitstudio serve --demo``, for the write flows (test_flows_*.py): they
    register model versions, push branches and merge pull requests into its repository,
    which would change what the tests reading ``demo`` expect."""
    with own_demo(tmp_path_factory.mktemp("web-flows")) as served:
        yield served


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One headless Chromium for the session (Debian's, never a downloaded one)."""
    if CHROMIUM is None:
        needed("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        needed("playwright is not installed (pip install -c constraints.txt -e '.[test]')")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[HOST_RULES, "--disable-gpu"]
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def anonymous(browser: Browser, demo: Served) -> AsyncIterator[Visit]:
    """A browser context on the demo server that has not signed in."""
    opened = await visit(browser, demo)
    try:
        yield opened
    finally:
        await opened.context.close()


@pytest.fixture
async def signed_in(browser: Browser, demo: Served) -> AsyncIterator[Visit]:
    """A browser context on the demo server signed in as ``USER`` through /login; its page
    is left on /login, which says who is signed in."""
    opened = await visit(browser, demo)
    try:
        await sign_in(opened.page, demo, "/login")
        assert f"signed in as {USER}" in await opened.page.locator("body").inner_text()
        yield opened
    finally:
        await opened.context.close()
