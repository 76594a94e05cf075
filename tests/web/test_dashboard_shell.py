"""The dashboard's pages in a real Chromium, as the server serves them: the test fixture's
stand-in page (tests/web/dashboard_fixture) probes what the Content-Security-Policy lets a
page of this origin do. Same-origin fetch and the subscriptions' websocket work, signed in
by the session cookie; another origin and inline script are refused; nothing leaves the
server. And the server's own forms (/login, sign-out) work in a real browser."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support import http, stop_server
from web_support import (
    FIXTURE_BUILD,
    USER,
    Served,
    Visit,
    assert_accessible,
    serve,
    sign_in,
    visit,
)

if TYPE_CHECKING:
    from playwright.async_api import Browser

PROBES = ("path", "user", "fetch", "ws", "other", "cssom", "styleattr", "eval")


@pytest.fixture(scope="module")
def probe_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    served = serve(tmp_path_factory.mktemp("web-probe"), build=FIXTURE_BUILD)
    try:
        yield served
    finally:
        stop_server(served.server)


@pytest.fixture
async def probing(browser: Browser, probe_server: Served) -> AsyncIterator[Visit]:
    opened = await visit(browser, probe_server)
    try:
        yield opened
    finally:
        await opened.context.close()


async def probed(visit: Visit) -> dict[str, str]:
    """What the fixture's script found, once every probe has answered."""
    every = " && ".join(f"document.getElementById('{p}').textContent !== ''" for p in PROBES)
    await visit.page.wait_for_function(f"() => {every}")
    found: dict[str, str] = {}
    for name in (*PROBES, "inline", "violations"):
        found[name] = await visit.page.locator(f"#{name}").inner_text()
    return found


async def test_the_policy_allows_this_origin_only_fetch_and_websocket_included(
    probing: Visit,
) -> None:
    await sign_in(probing.page, probing.served, "/projects/demo/models/dir/sub:churn")
    found = await probed(probing)
    assert found["path"] == "/projects/demo/models/dir/sub:churn"
    assert found["user"] == USER  # the session cookie signs the page's requests in
    assert found["fetch"] == "ok 200"
    # connect-src 'self' covers ws:// of the same host and port (CSP Level 3 in Chromium)
    assert found["ws"] == "open connection_ack"
    assert found["other"] == "blocked"
    assert found["inline"] == "not run"
    # element.style (Preact's style prop) works; a style attribute and eval do not
    assert (found["cssom"], found["styleattr"], found["eval"]) == ("applied", "refused", "refused")
    assert set(found["violations"].split(" | ")) == {
        "connect-src http://other.invalid/probe",
        "style-src-attr inline",
        "script-src eval",
    }, found["violations"]
    recorder = probing.recorder
    assert recorder.foreign() == []  # refused before the network: nothing left
    assert recorder.websockets == [probing.served.url.replace("http", "ws", 1) + "/graphql"]
    # exactly the fixture's deliberate attempts were refused
    deliberate = ("inline script", "other.invalid", "inline style", "as JavaScript")
    assert len(recorder.refused) >= 4, recorder.refused
    assert all(any(what in line for what in deliberate) for line in recorder.refused), (
        recorder.refused
    )
    assert recorder.errors == []
    assets = [url for url in recorder.requests if "/assets/" in url]
    assert sorted(Path(url).name for url in assets) == sorted(
        p.name for p in (FIXTURE_BUILD / "assets").iterdir()
    )


async def test_every_page_path_loads_the_dashboard_anonymously(probing: Visit) -> None:
    for path in ("/", "/projects/demo", "/models", "/settings/tokens"):
        await probing.page.goto(f"{probing.served.url}{path}")
        found = await probed(probing)
        assert found["path"] == path
        assert found["user"] == "none (401)"  # public pages: the script asks, the API says


async def test_the_fixture_page_and_the_login_pages_are_accessible(probing: Visit) -> None:
    page, served = probing.page, probing.served
    await page.goto(f"{served.url}/login?next=/")
    await assert_accessible(page)
    await sign_in(page, served, "/models")
    await probed(probing)
    await assert_accessible(page)
    await page.goto(f"{served.url}/login")  # "signed in as", with its sign-out form
    await assert_accessible(page)


async def test_signing_out_through_the_form_ends_the_session(probing: Visit) -> None:
    """The server's forms post their origin (Referrer-Policy same-origin: a no-referrer
    page's form posts ``Origin: null``, which the CSRF check refuses)."""
    page, served = probing.page, probing.served
    await sign_in(page, served, "/login")
    assert USER in await page.locator("body").inner_text()
    cookies = await probing.context.cookies()
    session = next(c["value"] for c in cookies if c["name"] == "gitstudio_session")
    async with page.expect_navigation():
        await page.get_by_role("button", name="Sign out").click()
    assert "Sign in" in await page.title(), await page.content()
    answer = http.get(
        f"{served.url}/api/session", cookies={"gitstudio_session": session}, timeout=10
    )
    assert answer.status_code == 401, answer.text  # the session itself ended


def test_serve_demo_prints_the_dashboards_address(demo: Served) -> None:
    printed = demo.server.output.read_text()
    assert f"The dashboard: {demo.url}/projects/demo" in printed, printed
    page = http.get(f"{demo.url}/projects/demo", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
