"""The experiments table (/projects/demo) in a real Chromium against ``gitstudio serve
--demo``, signed in through /login, with the GraphQL API as the oracle: the rows nested by
branch and commit as the API lists them, a sort by a metric in the API's order for that
``orderBy``, a filter made with the page's controls equal to the API's filtered rows, a row
hidden from the page hidden in the API (and shown again with "Show hidden"), and a saved view
that brings its columns, sort and filter back after a reload. Every page stays on the
server's origin and axe-core finds no serious violation on it."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest
from dashboard_support import (
    ROWS,
    api,
    api_rows,
    check_accessible,
    expect_rows,
    new_page,
    open_table,
    session_api,
    shown_rows,
    signed_in_context,
    table_reads,
)
from playwright.async_api import Page, expect
from web_support import Served, Visit

if TYPE_CHECKING:
    from playwright.async_api import Browser

DEMO = "demo"  # gitstudio/demo.py DEMO_NAME
ACC = "metric:metrics.json:acc"
LOSS = "metric:metrics.json:loss"

NESTING = """
query Nesting($name: String!, $filter: ExperimentFilter) {
  project(name: $name) {
    defaultBranch
    branches { name folded hidden }
    experiments(filter: $filter, first: 100) {
      totalCount
      nodes { id commit { experiments { id hidden } } }
    }
  }
}
"""

HIDDEN = "query($id: ID!) { node(id: $id) { ... on Experiment { hidden } } }"
VIEW = """
query($name: String!, $view: String!) {
  project(name: $name) { view(name: $view) { columns filter order includeHidden } }
}
"""


@pytest.fixture(scope="module")
async def admin(browser: Browser, demo: Served) -> AsyncIterator[Visit]:
    """Signed in once for the module: each test opens its own page in this context."""
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


async def nested_rows(served: Served) -> tuple[list[str], dict[str, int]]:
    """The table's nesting by the API: per shown branch (the default one first, then by
    name) its commits, each followed by its experiments that are not hidden; then the
    detached rows. And each branch's count of commits."""
    first = (await api(served, NESTING, {"name": DEMO, "filter": {}}))["project"]
    branches = sorted(
        (b["name"] for b in first["branches"] if not b["folded"] and not b["hidden"]),
        key=lambda name: (name != first["defaultBranch"], name),
    )
    order: list[str] = []
    counts: dict[str, int] = {}
    for branch in branches:
        commits = {"branch": branch, "kinds": ["COMMIT"]}
        found = (await api(served, NESTING, {"name": DEMO, "filter": commits}))["project"]
        rows = found["experiments"]
        assert rows["totalCount"] <= 100  # one page: the demo has 20 commits
        counts[branch] = rows["totalCount"]
        for commit in rows["nodes"]:
            order.append(commit["id"])
            order += [e["id"] for e in commit["commit"]["experiments"] if not e["hidden"]]
    order += await api_rows(served, DEMO, {"detached": True})
    return order, counts


async def test_the_table_shows_the_demo_rows_nested_as_the_api_lists_them(
    signed_in: Visit,
) -> None:
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    await expect(page.locator("h1")).to_have_text(DEMO)
    order, counts = await nested_rows(served)
    await expect_rows(page, order)
    # A commit on both branches shows under each: the rows are the API's rows, each once.
    assert set(await shown_rows(page)) == set(await api_rows(served, DEMO))
    for branch, count in counts.items():
        group = page.locator(f"[data-testid=branch-row][data-branch='{branch}']")
        await expect(group).to_contain_text(f"{count} commits")
    status = page.locator(f"{ROWS} [data-testid=status]").first
    await expect(status).to_have_text("COMPLETED")
    await check_accessible(page)
    signed_in.recorder.assert_stayed_home()


async def sort_by(page: Page, column: str, aria: str) -> None:
    header = page.locator(f"[data-testid=column-header][data-column='{column}']")
    await header.get_by_role("button").click()
    await expect(header).to_have_attribute("aria-sort", aria)


async def test_a_sort_by_a_metric_is_the_apis_order(signed_in: Visit) -> None:
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    await sort_by(page, ACC, "descending")
    table = page.locator("[data-testid=experiments-table]")
    await expect(table).to_have_attribute("data-nested", "false")  # a value sort lists flat
    await expect_rows(page, await api_rows(served, DEMO, order=[{"column": ACC}]))
    await sort_by(page, ACC, "ascending")
    ascending = [{"column": ACC, "direction": "ASC"}]
    await expect_rows(page, await api_rows(served, DEMO, order=ascending))
    await sort_by(page, LOSS, "descending")
    await expect(
        page.locator(f"[data-testid=column-header][data-column='{ACC}']")
    ).to_have_attribute("aria-sort", "none")
    await expect_rows(page, await api_rows(served, DEMO, order=[{"column": LOSS}]))
    await check_accessible(page)
    signed_in.recorder.assert_stayed_home()


async def add_condition(page: Page, column: str, op: str, value: str) -> None:
    """A value filter through the page's Filters panel (condition n: the last one). Each
    choice may re-read the table: the next one waits until what it set off is shown, as a
    user sees the table change (typing into the value box while a read is under way loses
    the text: see test_a_typed_filter_value_survives_a_table_update)."""
    reads = table_reads(page)
    panel = page.locator("[data-testid=filters]")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    conditions = panel.locator("[data-testid=condition]")
    n = await conditions.count() + 1
    await panel.get_by_role("button", name="Add condition").click()
    await expect(conditions).to_have_count(n)
    await reads.settled()
    for label, choice in ((f"Column of condition {n}", column), (f"Operator of condition {n}", op)):
        select = panel.get_by_label(label)
        if await select.input_value() != choice:
            await select.select_option(choice)
            await reads.settled()
    value_box = panel.get_by_label(f"Value of condition {n}")
    await value_box.fill(value)
    await value_box.press("Tab")  # the condition applies on change (blur)
    await expect(value_box).to_have_value(value)
    await reads.settled()


async def test_a_filter_from_the_controls_shows_the_apis_filtered_rows(
    signed_in: Visit,
) -> None:
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    await add_condition(page, ACC, "GT", "0.8")
    await expect(page.locator("[data-testid=filters] summary")).to_have_text("Filters (1)")
    condition = {"column": ACC, "op": "GT", "value": 0.8}
    filtered = await api_rows(served, DEMO, {"columns": [condition]})
    everything = await api_rows(served, DEMO)
    assert 0 < len(filtered) < len(everything)  # the filter keeps some rows, not all
    await expect_rows(page, filtered)
    # A second condition narrows it again, as the API's conditions do (all must hold).
    await add_condition(page, LOSS, "LT", "0.15")
    narrower = [condition, {"column": LOSS, "op": "LT", "value": 0.15}]
    both = await api_rows(served, DEMO, {"columns": narrower})
    assert 0 < len(both) < len(filtered)
    await expect_rows(page, both)
    await check_accessible(page)
    signed_in.recorder.assert_stayed_home()


async def test_a_hidden_row_leaves_the_table_and_is_hidden_in_the_api(
    signed_in: Visit,
) -> None:
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    row = page.locator(f"{ROWS}[data-kind=EXPERIMENT]").first
    row_id = await row.get_attribute("data-row-id")
    assert row_id
    assert (await api(served, HIDDEN, {"id": row_id}))["node"]["hidden"] is False
    this_row = page.locator(f"{ROWS}[data-row-id='{row_id}']")
    try:
        await this_row.locator("[data-testid=hide-row]").click()
        await expect(this_row).to_have_count(0)
        assert (await api(served, HIDDEN, {"id": row_id}))["node"]["hidden"] is True
        order, _counts = await nested_rows(served)  # the API's rows without it
        assert row_id not in order
        await expect_rows(page, order)
        await page.locator("[data-testid=show-hidden]").check()
        await expect(this_row).to_have_attribute("data-hidden", "true")
        await check_accessible(page)
        # Unhide from the page: the API agrees again.
        await this_row.locator("[data-testid=hide-row]").click()
        await expect(this_row).to_have_attribute("data-hidden", "false")
        assert (await api(served, HIDDEN, {"id": row_id}))["node"]["hidden"] is False
    finally:  # the demo server is shared by every browser test: leave the row shown
        unhide = (
            "mutation($input: HideRowsInput!) { unhideRows(input: $input) { errors { code } } }"
        )
        project_id = (await api(served, '{ project(name: "demo") { id } }'))["project"]["id"]
        await api(served, unhide, {"input": {"projectId": project_id, "ids": [row_id]}})
    signed_in.recorder.assert_stayed_home()


def value_headers(page: Page) -> Any:
    return page.locator(
        "[data-testid=column-header][data-column^='metric:'],"
        " [data-testid=column-header][data-column^='param:']"
    )


async def test_a_saved_view_brings_back_its_columns_sort_and_filter(signed_in: Visit) -> None:
    page, served = signed_in.page, signed_in.served
    name = f"view-{uuid.uuid4().hex[:8]}"
    await open_table(page, served, DEMO)
    all_columns = await value_headers(page).count()
    # Columns: only loss and acc, in that order.
    chooser = page.locator("[data-testid=columns-chooser]")
    await chooser.locator("summary").click()
    await chooser.get_by_role("button", name="Hide all").click()
    for column in (LOSS, ACC):
        option = chooser.locator(f"[data-testid=column-option][data-column='{column}']")
        await option.get_by_role("checkbox").check()
    await chooser.locator("summary").click()
    await expect(value_headers(page)).to_have_count(2)
    await sort_by(page, ACC, "descending")
    await add_condition(page, ACC, "GT", "0.75")
    condition = {"column": ACC, "op": "GT", "value": 0.75}
    want = await api_rows(served, DEMO, {"columns": [condition]}, [{"column": ACC}])
    await expect_rows(page, want)

    await page.get_by_test_id("view-name").fill(name)
    await page.get_by_role("button", name="Save view").click()
    await expect(page.get_by_role("status").filter(has_text="Saved")).to_contain_text(name)
    # The view is the signed-in user's own: read it as them.
    saved = (await session_api(signed_in, VIEW, {"name": DEMO, "view": name}))["project"]["view"]
    assert saved is not None
    assert saved["columns"] == [LOSS, ACC], saved
    assert saved["filter"]["columns"] == [condition], saved
    assert [(o.get("column"), o["direction"]) for o in saved["order"]] == [(ACC, "DESC")], saved

    async def restored() -> None:
        await expect(value_headers(page)).to_have_count(2)
        shown = await value_headers(page).evaluate_all("hs => hs.map(h => h.dataset.column)")
        assert shown == [LOSS, ACC]
        acc_header = page.locator(f"[data-testid=column-header][data-column='{ACC}']")
        await expect(acc_header).to_have_attribute("aria-sort", "descending")
        await expect(page.locator("[data-testid=filters] summary")).to_have_text("Filters (1)")
        await expect(page.get_by_test_id("view-select")).to_have_value(name)
        await expect_rows(page, want)

    # The reload keeps the view named in the address.
    await page.reload()
    await page.locator(ROWS).first.wait_for()
    await restored()
    # The table without it is the default one; picking the view restores it.
    await open_table(page, served, DEMO)
    await expect(value_headers(page)).to_have_count(all_columns)
    await expect(page.locator("[data-testid=filters] summary")).to_have_text("Filters")
    await page.get_by_test_id("view-select").select_option(name)
    await restored()
    await check_accessible(page)
    signed_in.recorder.assert_stayed_home()


UNHIDE = "mutation($input: HideRowsInput!) { unhideRows(input: $input) { errors { code } } }"
HIDE = "mutation($input: HideRowsInput!) { hideRows(input: $input) { errors { code } } }"


async def test_a_typed_filter_value_survives_a_table_update(signed_in: Visit) -> None:
    """Typing into the Author filter while another client hides a row (the table updates
    in place from its subscription): the text typed stays, and applies on leaving the box."""
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    panel = page.locator("[data-testid=filters]")
    await panel.locator("summary").click()
    author = panel.get_by_label("Author")
    await author.fill("Ali")
    row_id = await page.locator(f"{ROWS}[data-kind=EXPERIMENT]").first.get_attribute("data-row-id")
    project_id = (await api(served, '{ project(name: "demo") { id } }'))["project"]["id"]
    change = {"input": {"projectId": project_id, "ids": [row_id]}}
    try:
        await api(served, HIDE, change)
        await expect(page.locator(f"{ROWS}[data-row-id='{row_id}']")).to_have_count(0)
        await expect(author).to_have_value("Ali")
        await author.press("Tab")
        await expect(panel.locator("summary")).to_have_text("Filters (1)")
    finally:
        await api(served, UNHIDE, change)


async def test_a_refused_filter_shows_the_apis_error_not_an_empty_table(
    signed_in: Visit,
) -> None:
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    panel = page.locator("[data-testid=filters]")
    await panel.locator("summary").click()
    await panel.get_by_role("button", name="Add condition").click()
    await expect(panel.locator("[data-testid=condition]")).to_have_count(1)
    # The API refuses the condition without a value: the page says so, and does not claim
    # that no row matches.
    await expect(page.get_by_text("operator GT needs a value")).to_be_visible()
    table = page.locator("[data-testid=experiments-table]")
    await expect(table).not_to_contain_text("No rows match.")


VALUES = """
query($name: String!, $columns: [String!]) {
  project(name: $name) { experiments(first: 100) { nodes { id values(columns: $columns) { value } } } }
}
"""


async def set_baseline(page: Page, served: Served) -> tuple[str, dict[str, Any]]:
    """The second commit's row made the baseline from the page (shown pinned above the
    rows); its id and every row's acc by the API (the baseline's a float)."""
    commit = page.locator(f"{ROWS}[data-kind=COMMIT]").nth(1)
    baseline_id = str(await commit.get_attribute("data-row-id"))
    await commit.get_by_role("checkbox").check()
    await page.get_by_test_id("set-baseline").click()
    await expect(page.get_by_test_id("baseline-row")).to_have_attribute("data-row-id", baseline_id)
    nodes = (await api(served, VALUES, {"name": DEMO, "columns": [ACC]}))["project"]
    acc = {n["id"]: n["values"][0]["value"] for n in nodes["experiments"]["nodes"]}
    assert isinstance(acc[baseline_id], float)
    return baseline_id, acc


async def test_a_baseline_colours_by_the_goal_and_shows_deltas(signed_in: Visit) -> None:
    """A view goal (acc: higher is better) and a commit as baseline: each row's acc cell is
    better or worse by its value against the baseline's in the API, and the delta mode
    writes the API's differences."""
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    chooser = page.locator("[data-testid=columns-chooser]")
    await chooser.locator("summary").click()
    await chooser.get_by_label(f"Goal of {ACC}").select_option("HIGHER")
    await chooser.locator("summary").click()
    await expect(
        page.locator(f"[data-testid=column-header][data-column='{ACC}'] button")
    ).to_have_attribute("title", f"{ACC} (higher is better)")

    baseline_id, acc = await set_baseline(page, served)
    base = acc[baseline_id]

    cells = page.locator(f"{ROWS} [data-column='{ACC}']")
    await expect(cells.first).to_be_visible()

    async def shown() -> list[tuple[str, str, str]]:
        found: list[list[str]] = await page.locator(ROWS).evaluate_all(
            f"""rows => rows.map(row => {{
                const cell = row.querySelector("[data-column='{ACC}']");
                return [row.dataset.rowId, cell.className, cell.textContent];
            }})"""
        )
        return [(i, c, t) for i, c, t in found]

    def expected_class(row_id: str) -> str:
        value = acc[row_id]
        if row_id == baseline_id or not isinstance(value, float) or value == base:
            return ""
        return "better" if value > base else "worse"

    rows = await shown()
    assert len(rows) > 20
    for row_id, classes, _text in rows:
        marks = {c for c in classes.split() if c in ("better", "worse")}
        assert marks == ({expected_class(row_id)} - {""}), (row_id, classes, acc[row_id], base)
    assert {expected_class(r) for r, _c, _t in rows} >= {"better", "worse"}

    await page.get_by_test_id("delta-mode").check()
    await expect(cells.first).to_have_text(re.compile(r"^[+-]?\d|^0$|^$"))
    for row_id, _classes, text in await shown():
        value = acc[row_id]
        if row_id == baseline_id or not isinstance(value, float):
            continue
        assert float(text) == pytest.approx(value - base, rel=1e-4, abs=1e-9), (row_id, text)
    await check_accessible(page)

    # The view's goal made the project's (an ADMIN may): the API's columnGoals have it.
    goals = '{ project(name: "demo") { id columnGoals { column goal } } }'
    assert (await api(served, goals))["project"]["columnGoals"] == []
    await chooser.locator("summary").click()
    try:
        await chooser.get_by_test_id("save-project-goals").click()
        await expect(chooser.get_by_label(f"Goal of {ACC}").locator("option").first).to_have_text(
            "project: higher"
        )
        project = (await api(served, goals))["project"]
        assert project["columnGoals"] == [{"column": ACC, "goal": "HIGHER"}]
    finally:  # the demo server is shared: no goal left behind
        clear = "mutation($input: SetColumnGoalInput!) { setColumnGoal(input: $input) { errors { code } } }"
        project_id = (await api(served, goals))["project"]["id"]
        await api(served, clear, {"input": {"projectId": project_id, "column": ACC}})
    signed_in.recorder.assert_stayed_home()


CELL_PLACES = """(column) => {
  const table = document.querySelector('[data-testid=experiments-table]');
  const header = table.querySelector(`[data-testid=column-header][data-column='${column}']`);
  const at = header.getBoundingClientRect();
  return [...table.querySelectorAll('[data-testid=row]')].map((row) => {
    const cell = row.querySelector(`[data-column='${column}']`);
    const box = cell ? cell.getBoundingClientRect() : null;
    return {
      id: row.dataset.rowId,
      cells: row.querySelectorAll('[role=cell]').length,
      left: box ? box.left - at.left : null,
      width: box ? box.width - at.width : null,
    };
  });
}"""
# Every row has the column's cell, exactly under its header.
PLACED = f"""([column, rows]) => {{
  const found = ({CELL_PLACES})(column);
  return found.length === rows && found.every(
    (r) => r.left !== null && Math.abs(r.left) < 0.5 && Math.abs(r.width) < 0.5);
}}"""


async def test_scrolled_sideways_each_columns_cells_stand_under_its_header(
    signed_in: Visit,
) -> None:
    """The rows make only the cells of the columns in view (and a few more): scrolled to the
    last column and back to the first, every row has that column's cell, exactly under its
    header, and fewer cells than the table has columns."""
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    table = page.locator("[data-testid=experiments-table]")
    headers = page.locator(
        "[data-testid=column-header][data-column^='metric:'],"
        " [data-testid=column-header][data-column^='param:']"
    )
    columns: list[str] = await headers.evaluate_all("hs => hs.map(h => h.dataset.column)")
    colcount = int(await table.get_attribute("aria-colcount") or 0)
    assert colcount == len(columns) + 8  # select, name, status, 4 fields, the values, actions
    assert len(columns) > 8, columns  # more than a window's worth: the test shows the window
    rows = len(await shown_rows(page))
    for column in (columns[-1], columns[0]):
        await headers.and_(page.locator(f"[data-column='{column}']")).scroll_into_view_if_needed()
        await page.wait_for_function(PLACED, arg=[column, rows])
        found = await page.evaluate(CELL_PLACES, column)
        assert all(r["cells"] < colcount for r in found), found[:3]


async def test_the_address_keeps_the_sort_and_filter_through_a_reload(signed_in: Visit) -> None:
    """A sort and a filter changed on the page are in the address (``?table=``): a reload
    (or the link, shared) opens the same table; a malformed one opens the default table."""
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    default = await shown_rows(page)
    await sort_by(page, ACC, "descending")
    await add_condition(page, ACC, "GT", "0.75")
    condition = {"column": ACC, "op": "GT", "value": 0.75}
    want = await api_rows(served, DEMO, {"columns": [condition]}, [{"column": ACC}])
    assert 0 < len(want) < len(default)
    await expect_rows(page, want)
    await expect(page).to_have_url(re.compile(r"[?&]table="))
    address = page.url

    await page.reload()
    await page.locator(ROWS).first.wait_for()
    acc_header = page.locator(f"[data-testid=column-header][data-column='{ACC}']")
    await expect(acc_header).to_have_attribute("aria-sort", "descending")
    await expect(page.locator("[data-testid=filters] summary")).to_have_text("Filters (1)")
    await expect_rows(page, want)
    assert page.url == address

    for broken in ("not-json", "[1,2]", '{"columns":7,"filter":[],"order":"x"}'):
        await page.goto(f"{served.url}/projects/{DEMO}?table={quote(broken)}")
        await page.locator(ROWS).first.wait_for()
        await expect_rows(page, default)
        await expect(page.locator("[data-testid=filters] summary")).to_have_text("Filters")
    signed_in.recorder.assert_stayed_home()


async def test_a_condition_on_the_delta_from_the_baseline_is_the_apis_value_filter(
    signed_in: Visit,
) -> None:
    """With a baseline, a condition marked "Δ baseline" (acc > baseline's + 0.01) shows the
    rows the API gives for acc > that sum; unmarked, the plain value again."""
    page, served = signed_in.page, signed_in.served
    await open_table(page, served, DEMO)
    baseline_id, acc = await set_baseline(page, served)
    base = acc[baseline_id]

    await add_condition(page, ACC, "GT", "0.01")
    plain = await api_rows(served, DEMO, {"columns": [{"column": ACC, "op": "GT", "value": 0.01}]})
    await expect_rows(page, plain)
    reads = table_reads(page)
    delta = page.get_by_test_id("condition-delta")
    await delta.check()
    await reads.settled()
    above = {"column": ACC, "op": "GT", "value": base + 0.01}
    want = await api_rows(served, DEMO, {"columns": [above]})
    assert 0 < len(want) < len(plain), (len(want), len(plain))
    await expect_rows(page, want)
    await delta.uncheck()
    await reads.settled()
    await expect_rows(page, plain)
    await check_accessible(page)
    signed_in.recorder.assert_stayed_home()
