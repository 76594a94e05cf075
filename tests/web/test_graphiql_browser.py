"""GraphiQL at /graphql in a real Chromium against ``gitstudio serve --demo``: the link the
server prints runs a query and a subscription in the page (the run button, the result
pane), every request stays on the server's origin, the policy refuses nothing, and axe-core
finds no serious violation (gitstudio's page fixes GraphiQL 3.8.3's own: token colours in
gitstudio.css, editor names and a focusable result scroller in graphiql-init.js)."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING
from urllib.parse import quote

from web_support import PlaywrightTimeout, Served, Visit, assert_accessible

if TYPE_CHECKING:
    from playwright.async_api import Page

PROJECT = '{ project(name: "demo") { name commits { totalCount } } }'


async def answered(page: Page) -> None:
    """Until the result pane shows an answer (data, errors or a refusal)."""
    await page.wait_for_function(
        "() => (document.querySelector('.result-window')?.innerText ?? '').includes('}')"
    )


async def result_text(visit: Visit) -> str:
    text: str = await visit.page.locator(".result-window").inner_text()
    return text


async def test_the_printed_link_runs_a_query_in_the_page(anonymous: Visit) -> None:
    page = anonymous.page
    await page.goto(anonymous.served.graphiql_link(q=PROJECT))
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    await answered(page)
    text = await result_text(anonymous)
    assert '"name": "demo"' in text and '"totalCount": 20' in text, text
    anonymous.recorder.assert_stayed_home()
    posts = [url for url in anonymous.recorder.requests if url.endswith("/graphql")]
    assert posts, anonymous.recorder.requests  # the query went to this server's /graphql


async def test_a_subscription_streams_into_the_result_pane(anonymous: Visit) -> None:
    served: Served = anonymous.served
    project_id = served.gql('{ project(name: "demo") { id } }')["project"]["id"]
    page = anonymous.page
    subscription = f'subscription {{ projectEvents(projectId: "{project_id}") {{ type }} }}'
    await page.goto(served.graphiql_link(q=subscription))
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    # Running: the button stops it now.
    await page.get_by_role("button", name="Stop query (Ctrl-Enter)").wait_for()
    sync = "mutation($id: ID!) { syncProject(id: $id) { errors { code } } }"
    deadline = time.monotonic() + 60
    # The websocket may subscribe after the first sync: sync until the pane shows one. The
    # pane shows the last event only: a quick sync's SYNC_FINISHED may replace its
    # SYNC_STARTED before a poll sees it, so either one shows the stream works.
    shown = "() => document.querySelector('.result-window')?.innerText.includes('\"SYNC_')"
    while True:
        await asyncio.to_thread(served.gql, sync, {"id": project_id})
        try:
            await page.wait_for_function(shown, timeout=2_000)
            break
        except PlaywrightTimeout:
            assert time.monotonic() < deadline, await result_text(anonymous)
    sockets = anonymous.recorder.websockets
    assert sockets == [served.url.replace("http://", "ws://") + "/graphql"], sockets
    anonymous.recorder.assert_stayed_home()
    await page.get_by_role("button", name="Stop query (Ctrl-Enter)").click()
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").wait_for()


async def test_graphiql_has_no_serious_violation(anonymous: Visit, signed_in: Visit) -> None:
    """With the token link (the headers editor open) and signed in (no headers)."""
    page = anonymous.page
    await page.goto(anonymous.served.graphiql_link(q=PROJECT))
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    await answered(page)
    await assert_accessible(page)
    anonymous.recorder.assert_stayed_home()
    await signed_in.page.goto(f"{signed_in.served.url}/graphql?q={quote(PROJECT)}")
    await signed_in.page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    await answered(signed_in.page)
    await assert_accessible(signed_in.page)


async def test_signed_in_graphiql_needs_no_token(signed_in: Visit) -> None:
    """The session cookie signs GraphiQL's requests in; its POSTs carry the session's CSRF
    token (graphiql-init.js reads it from /api/session)."""
    page = signed_in.page
    await page.goto(f"{signed_in.served.url}/graphql?q={quote(PROJECT)}")
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    await answered(page)
    text = await result_text(signed_in)
    assert '"totalCount": 20' in text and "CSRF" not in text, text
    signed_in.recorder.assert_stayed_home()
