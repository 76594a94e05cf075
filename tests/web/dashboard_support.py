"""Helpers of the dashboard's browser tests (tests/web/test_dashboard_*.py): the GraphQL API
as the oracle of what a page must show, and the table's rows as the page shows them.

The table is virtualised (only the rows in view are in the DOM): the tests give the page a
viewport tall enough for the demo project's every line, and :func:`all_lines_rendered`
checks that it is, so that a list read from the DOM is the whole table, not its first
screen.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

from web_support import (
    PlaywrightTimeout,
    Served,
    Visit,
    assert_accessible,
    sign_in,
    visit,
)

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page, Request

# Tall enough for the demo's 108 lines (80 rows, commits of both branches twice, 3 groups).
TALL = {"width": 1400, "height": 4600}
LAPTOP = {"width": 1400, "height": 900}
ROWS = "[data-testid=row]"
TABLE = "[data-testid=experiments-table]"

EXPERIMENT_IDS = """
query Rows($name: String!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!],
           $after: String) {
  project(name: $name) {
    experiments(filter: $filter, orderBy: $orderBy, first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id }
    }
  }
}
"""


async def api(served: Served, query: str, variables: dict[str, Any] | None = None) -> Any:
    """The server's answer to ``query`` (with its ADMIN token), off the event loop."""
    return await asyncio.to_thread(served.gql, query, variables)


async def api_rows(
    served: Served,
    project: str,
    filter: dict[str, Any] | None = None,
    order: list[dict[str, Any]] | None = None,
) -> list[str]:
    """The ids of ``project``'s rows as the API lists them for ``filter`` and ``order``."""
    ids: list[str] = []
    after: str | None = None
    while True:
        variables = {"name": project, "filter": filter, "orderBy": order, "after": after}
        page = (await api(served, EXPERIMENT_IDS, variables))["project"]["experiments"]
        ids += [node["id"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            assert len(ids) == page["totalCount"], (len(ids), page["totalCount"])
            return ids
        after = page["pageInfo"]["endCursor"]


async def session_api(visit: Visit, query: str, variables: dict[str, Any] | None = None) -> Any:
    """The server's answer to ``query`` for the signed-in user of ``visit`` (the browser
    context's session cookie and CSRF token, as the dashboard asks): what that user sees,
    their own views included."""
    request = visit.context.request
    session = await request.get(f"{visit.served.url}/api/session")
    assert session.ok, await session.text()
    csrf = (await session.json())["csrf_token"]
    response = await request.post(
        f"{visit.served.url}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}),
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf},
    )
    assert response.ok, await response.text()
    body = await response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


async def signed_in_context(browser: Browser, served: Served) -> Visit:
    """A browser context signed in as ``USER`` through /login, once for a module's tests
    (each takes a page of its own from :func:`new_page`)."""
    opened = await visit(browser, served)
    await sign_in(opened.page, served, "/login")
    await opened.page.close()
    return opened


async def new_page(signed: Visit) -> Visit:
    page = await signed.context.new_page()
    page.set_default_timeout(30_000)
    return Visit(signed.context, page, signed.recorder, signed.served)


async def shown_rows(page: Page) -> list[str]:
    """The ids of the table's rows in the page's order (a commit under two branches twice)."""
    ids: list[str] = await page.locator(ROWS).evaluate_all(
        "rows => rows.map(row => row.dataset.rowId)"
    )
    return ids


async def expect_rows(page: Page, want: list[str], timeout: float = 15_000) -> None:
    """Until the table shows exactly the rows ``want`` in this order (and every line of it
    is rendered); on timeout, the difference."""
    check = (
        "want => JSON.stringify([...document.querySelectorAll('[data-testid=row]')]"
        ".map(row => row.dataset.rowId)) === JSON.stringify(want)"
    )
    try:
        await page.wait_for_function(check, arg=want, timeout=timeout)
    except PlaywrightTimeout:
        shown = await shown_rows(page)
        table = await page.locator(TABLE).inner_text()
        assert shown == want, {
            "table": table[-500:],
            "shown": len(shown),
            "want": len(want),
            "missing": [i for i in want if i not in shown][:10],
            "extra": [i for i in shown if i not in want][:10],
        }
    await all_lines_rendered(page)


async def expect_api_rows(
    page: Page,
    served: Served,
    project: str,
    order: list[dict[str, Any]] | None = None,
    timeout: float = 30,
) -> None:
    """Until the table shows the rows the API lists now for ``order``. The API is asked again
    each round: after a run ends, the server may still move on (a sync links the run to its
    experiment, a last event lands), and the page must follow it to the same end."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        want = await api_rows(served, project, order=order)
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            await expect_rows(page, want, timeout=1_000)
            return
        try:
            await expect_rows(page, want, timeout=min(left, 2) * 1000)
        except AssertionError:
            continue
        if want == await api_rows(served, project, order=order):
            return


LINES = """() => {
  const table = document.querySelector('[data-testid=experiments-table]');
  return {
    counted: Number(table.getAttribute('aria-rowcount')),
    headers: table.querySelector('[data-testid=baseline-row]') ? 2 : 1,
    lines: table.querySelectorAll('.tbody > [role=row]').length,
    placeholders: table.querySelectorAll('[data-testid=placeholder-row]').length,
  };
}"""


async def all_lines_rendered(page: Page) -> None:
    """Every line the table counts (``aria-rowcount``: header rows, groups, rows and
    placeholders) is in the DOM, none of them a placeholder: the viewport holds it all.
    Read in one step: a render between two reads would compare two tables."""
    found = await page.evaluate(LINES)
    lines, counted, headers = found["lines"], found["counted"], found["headers"]
    assert lines == counted - headers, (lines, counted, "the viewport is too short")
    assert found["placeholders"] == 0


async def open_table(page: Page, served: Served, name: str, query: str = "") -> None:
    """The table of project ``name`` with its first rows read."""
    await page.set_viewport_size(TALL)
    await page.goto(f"{served.url}/projects/{name}{query}")
    await page.locator(ROWS).first.wait_for()
    await page.locator("[data-testid=placeholder-row]").first.wait_for(state="detached")


async def check_accessible(page: Page) -> None:
    """axe-core's pass on the table at a laptop's size: the rows a user sees (axe's colour
    checks of the tall viewport's every row would take seconds for the same rules)."""
    await page.set_viewport_size(LAPTOP)
    await page.locator(ROWS).first.wait_for()
    await assert_accessible(page)
    await page.set_viewport_size(TALL)


async def mark_document(page: Page) -> None:
    """A mark on this document's window: it is still there only if nothing reloaded."""
    await page.evaluate("() => { window.__gitstudioTestMark = 'kept'; }")


async def document_kept(page: Page) -> bool:
    mark: Any = await page.evaluate("() => window.__gitstudioTestMark ?? null")
    return mark == "kept"


class TableReads:
    """The table's reads of its rows (``query TableRows``) a page has under way."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.pending: set[Request] = set()
        self.idle = asyncio.Event()
        self.idle.set()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Request) -> None:
        if request.url.endswith("/graphql") and "query TableRows" in (request.post_data or ""):
            self.pending.add(request)
            self.idle.clear()

    def _ended(self, request: Request) -> None:
        self.pending.discard(request)
        if not self.pending:
            self.idle.set()

    async def settled(self) -> None:
        """Until what the last action set off is shown: the page's render and effects have
        run (a change makes a new model in an effect after paint, which then reads), every
        read under way has answered, and no row is a placeholder any more."""
        await self.page.evaluate(
            "() => new Promise(done => { let frames = 0;"
            " const next = () => (++frames >= 4 ? setTimeout(done, 0) : requestAnimationFrame(next));"
            " requestAnimationFrame(next); })"
        )
        await asyncio.wait_for(self.idle.wait(), 30)
        await self.page.locator("[data-testid=placeholder-row]").first.wait_for(state="detached")


_reads: dict[Page, TableReads] = {}


def table_reads(page: Page) -> TableReads:
    """The page's :class:`TableReads` (watching from the first call on)."""
    if page not in _reads:
        _reads[page] = TableReads(page)
        page.on("close", lambda closed: _reads.pop(closed, None))
    return _reads[page]
