"""A live experiment in the dashboard: with a project's table open in a real Chromium, a
real DVCLive script (tests/live_support.py's loop, unmodified DVCLive posting to
``gitstudio serve --demo`` as `dvc studio` config would make it) streams 20 steps. Its row
appears RUNNING, its metric chart (Compare of the live row) gains points while the page is
open, then the row turns COMPLETED: all without a reload, nothing leaving the origin, and
axe-core finds no serious violation on the page with the chart."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from dashboard_support import (
    ROWS,
    api,
    api_rows,
    check_accessible,
    document_kept,
    expect_api_rows,
    expect_rows,
    mark_document,
    new_page,
    open_table,
    signed_in_context,
)
from live_support import client_env, create_project_rest, live_repo
from playwright.async_api import expect
from test_dashboard_table import add_condition
from web_support import Served, Visit

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page, Request, WebSocket

PROJECT = "live-web"
STEPS = 20
PAUSE_AT = 10  # the script waits here (steps 0-9 posted) until the test lets it go on


@pytest.fixture(scope="module")
def live_project(demo: Served, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A repository whose pipeline trains with DVCLive, added to the demo server."""
    repo = tmp_path_factory.mktemp("live-web") / "repo"
    live_repo(repo)
    create_project_rest(demo.url, demo.token, str(repo), PROJECT)
    yield repo


@pytest.fixture(scope="module")
async def admin(browser: Browser, demo: Served) -> AsyncIterator[Visit]:
    signed = await signed_in_context(browser, demo)
    try:
        yield signed
    finally:
        await signed.context.close()


@pytest.fixture
async def signed_in(admin: Visit) -> AsyncIterator[Visit]:
    opened = await new_page(admin)
    try:
        yield opened
    finally:
        await opened.page.close()


def subscriptions_sent(page: Page, count: int) -> asyncio.Event:
    """Set once the page's websockets have sent ``count`` graphql-ws subscribe messages."""
    sent = asyncio.Event()
    seen: list[str] = []

    def frame(payload: str | bytes) -> None:
        text = payload if isinstance(payload, str) else payload.decode()
        if '"type":"subscribe"' in text.replace(" ", ""):
            seen.append(text)
            if len(seen) >= count:
                sent.set()

    def opened(socket: WebSocket) -> None:
        socket.on("framesent", frame)

    page.on("websocket", opened)
    return sent


def frame_received(page: Page, *parts: str) -> asyncio.Event:
    """Set once one of the page's websockets has received a message with every part."""
    received = asyncio.Event()

    def frame(payload: str | bytes) -> None:
        text = payload if isinstance(payload, str) else payload.decode()
        if all(part in text for part in parts):
            received.set()

    page.on("websocket", lambda socket: socket.on("framereceived", frame))
    return received


def short_run(served: Served, repo: Path, tmp_path: Path, name: str) -> None:
    """A DVCLive run of 3 steps named ``name``, to its end."""
    env = client_env(served.url, served.token, f"file://{repo}/", tmp_path / "home")
    env.update(LIVE_STEPS="3", LIVE_EXP_NAME=name)
    done = subprocess.run(
        [sys.executable, "live_train.py"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


async def until_file(path: Path, script: subprocess.Popen[str], timeout: float = 90) -> None:
    """Until the script creates ``path`` (it says so when it reaches a step), or fails."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if script.poll() is not None:
            output = script.stdout.read() if script.stdout else ""
            raise AssertionError(f"the DVCLive script exited {script.returncode}:\n{output}")
        assert time.monotonic() < deadline, f"the script did not reach {path.name}"
        await asyncio.sleep(0.05)


async def test_a_dvclive_run_streams_into_the_open_table(
    signed_in: Visit, live_project: Path, tmp_path: Path
) -> None:
    page, served = signed_in.page, signed_in.served
    documents: list[str] = []

    def on_request(request: Request) -> None:
        if request.resource_type == "document":
            documents.append(request.url)

    subscribed = subscriptions_sent(page, 2)
    await open_table(page, served, PROJECT)
    await expect(page.locator(f"{ROWS}[data-kind=LIVE]")).to_have_count(0)
    # The table learns of new rows from its subscriptions (experimentEvents, liveMetrics):
    # the run starts once the page has asked for them, or its first event could pass unseen.
    await asyncio.wait_for(subscribed.wait(), 30)
    await mark_document(page)
    page.on("request", on_request)

    control = tmp_path / "control"
    control.mkdir()
    (control / "up").touch()  # the loop's second gate (a server restart elsewhere): open
    env = client_env(served.url, served.token, f"file://{live_project}/", tmp_path / "home")
    env.update(
        LIVE_STEPS=str(STEPS),
        LIVE_PAUSE_AT=str(PAUSE_AT),
        LIVE_CONTROL=str(control),
        LIVE_EXP_NAME="web-live",
    )
    script = subprocess.Popen(
        [sys.executable, "live_train.py"],
        cwd=live_project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # A new row, RUNNING, appears in the open table (the subscription, no reload).
        live = page.locator(f"{ROWS}[data-kind=LIVE]")
        await expect(live).to_have_count(1, timeout=90_000)
        await expect(live).to_have_attribute("data-status", "RUNNING")
        await until_file(control / "paused", script)  # steps 0-9 are on the server
        await expect(live.locator(".live-chip")).to_contain_text(f"step {PAUSE_AT - 1}")

        # Compare the live row: its charts draw the stored history, then what follows.
        await live.get_by_role("checkbox").check()
        await page.get_by_test_id("compare").click()
        chart = page.locator("[data-testid=metric-chart][data-metric=acc]")
        await expect(chart).to_have_attribute("data-points", str(PAUSE_AT), timeout=30_000)
        await expect(chart.locator("canvas")).to_be_visible()  # vega-embed drew it
        await check_accessible(page)

        (control / "down").touch()  # go on: steps 10-19, then the end
        await expect(chart).to_have_attribute("data-points", str(STEPS), timeout=90_000)
        await expect(live).to_have_attribute("data-status", "COMPLETED", timeout=90_000)
        assert script.wait(timeout=60) == 0, script.stdout.read() if script.stdout else ""
    finally:
        if script.poll() is None:
            script.kill()
            script.wait()

    row_id = await live.get_attribute("data-row-id")
    node = "query($id: ID!) { node(id: $id) { ... on Experiment { status lastStep name } } }"
    found = (await api(served, node, {"id": row_id}))["node"]
    assert found == {"status": "COMPLETED", "lastStep": STEPS - 1, "name": "web-live"}
    await expect(live.locator(".live-chip")).to_contain_text(f"step {STEPS - 1}")
    assert await document_kept(page), "the page was reloaded"
    assert documents == [], documents
    signed_in.recorder.assert_stayed_home()


async def test_a_live_run_outside_the_filter_stays_out_of_the_filtered_table(
    signed_in: Visit, live_project: Path, tmp_path: Path
) -> None:
    """A value filter the live run does not match (its metrics are DVCLive's, not
    metrics.json's): the open table keeps showing the API's filtered rows while it runs."""
    page, served = signed_in.page, signed_in.served
    subscribed = subscriptions_sent(page, 2)
    done = frame_received(page, '"web-live-unfiltered"', '"COMPLETED"')
    await open_table(page, served, PROJECT)
    await add_condition(page, "metric:metrics.json:acc", "GT", "0")
    condition = {"column": "metric:metrics.json:acc", "op": "GT", "value": 0}
    await asyncio.wait_for(subscribed.wait(), 30)
    before = await api_rows(served, PROJECT, {"columns": [condition]})
    await expect_rows(page, before)

    await asyncio.to_thread(short_run, served, live_project, tmp_path, "web-live-unfiltered")
    # The run is done on the server and the page has heard so from its subscription: the
    # API's filtered rows are as before (the run does not match), and so are the page's.
    await asyncio.wait_for(done.wait(), 30)
    runs = await api_rows(served, PROJECT, {"kinds": ["LIVE"], "statuses": ["COMPLETED"]})
    assert runs, "the run is not on the server"
    assert await api_rows(served, PROJECT, {"columns": [condition]}) == before
    await expect_rows(page, before)
    signed_in.recorder.assert_stayed_home()


async def test_a_live_run_shows_in_a_sorted_table_in_the_apis_order(
    signed_in: Visit, live_project: Path, tmp_path: Path
) -> None:
    """Sorted by a metric, the open table gains the new live run where the API's order puts
    it, without a reload."""
    page, served = signed_in.page, signed_in.served
    subscribed = subscriptions_sent(page, 2)
    done = frame_received(page, '"web-live-sorted"', '"COMPLETED"')
    await open_table(page, served, PROJECT)
    column = "metric:metrics.json:acc"
    header = page.locator(f"[data-testid=column-header][data-column='{column}']")
    await header.get_by_role("button").click()
    await expect(header).to_have_attribute("aria-sort", "descending")
    await asyncio.wait_for(subscribed.wait(), 30)
    await expect_rows(page, await api_rows(served, PROJECT, order=[{"column": column}]))
    await mark_document(page)

    await asyncio.to_thread(short_run, served, live_project, tmp_path, "web-live-sorted")
    await asyncio.wait_for(done.wait(), 30)
    await expect_api_rows(page, served, PROJECT, order=[{"column": column}])
    assert await document_kept(page), "the page was reloaded"
    signed_in.recorder.assert_stayed_home()
