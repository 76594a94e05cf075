"""The model page's registry writes in a real Chromium against ``gitstudio serve --demo``,
with the gto CLI on a fresh clone of the project's remote as the oracle: a version
registered and a stage assigned from the page are Git tags gto reads as the page shows them;
unassigning the stage and deprecating the model too. Every request stays on the server's
origin and axe-core finds no serious violation on the page after each write."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from flows_support import fresh_clone, git, repo_url, signed_in_on
from registry_support import gto
from web_support import Served, Visit, assert_accessible

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

MODEL_PAGE = "/projects/demo/models/model"


@pytest.fixture
async def model_page(browser: Browser, flows_demo: Served) -> AsyncIterator[Visit]:
    async with signed_in_on(browser, flows_demo, MODEL_PAGE) as opened:
        await opened.page.get_by_test_id("versions").wait_for()
        yield opened


async def wrote(page: Page, message: str) -> None:
    """Until the page says the write is done (its status line), and it is no error."""
    status = page.get_by_test_id("model-message")
    await status.filter(has_text=message).wait_for()


async def page_version(page: Page, version: str) -> dict[str, str]:
    """The versions table's row of ``version``: commit (short), stages, state."""
    cells = page.locator(f'[data-testid=version][data-version="{version}"] td')
    texts = await cells.all_inner_texts()
    commit, stages, _author, _created, state = (t.strip() for t in texts)
    return {"commit": commit, "stages": stages, "state": state}


def gto_on_clone(served: Served, into: Path, *args: str) -> Any:
    """``gto show ARGS --json`` on a fresh clone of the project's remote."""
    return gto(fresh_clone(repo_url(served), into), "show", *args)


async def test_register_a_version_and_assign_then_unassign_a_stage(
    model_page: Visit, tmp_path: Path
) -> None:
    page, served = model_page.page, model_page.served
    # Register v0.1.0 at the default branch's head (the Commit field left empty).
    await page.get_by_test_id("register-version").fill("v0.1.0")
    await page.get_by_role("button", name="Register", exact=True).click()
    await wrote(page, "Registered (tag model@v0.1.0)")
    shown = await page_version(page, "v0.1.0")
    assert shown["state"] == "active" and shown["stages"] == "", shown
    await assert_accessible(page)

    await page.get_by_test_id("stage-version").select_option("v0.1.0")
    await page.get_by_test_id("stage-name").fill("staging")
    await page.get_by_role("button", name="Assign", exact=True).click()
    await wrote(page, "Assigned staging")
    await page.locator("[data-stage=staging]").filter(has_text="staging: v0.1.0").wait_for()
    assert (await page_version(page, "v0.1.0"))["stages"] == "staging"

    # gto on a clone of the remote agrees with the page.
    clone = tmp_path / "after-assign"
    show = gto_on_clone(served, clone)
    assert show["model"]["version"] == "v0.1.0", show
    assert show["model"]["stage"] == {"prod": "v0.0.1", "staging": "v0.1.0"}, show
    versions = {v["version"]: v for v in gto(clone, "show", "model")}
    registered = versions["v0.1.0"]
    main = git("rev-parse", "origin/main", cwd=clone)
    assert registered["commit_hexsha"] == main  # the Commit field defaulted to main
    assert main.startswith(shown["commit"]), (main, shown)
    assert registered["is_active"] is True
    assert [s["stage"] for s in registered["stages"]] == ["staging"]
    assert [a["tag"] for a in registered["registrations"]] == ["model@v0.1.0"]
    await assert_accessible(page)

    # Unassign it: the stage goes from the page and from gto's view of the remote.
    await page.get_by_test_id("stage-version").select_option("v0.1.0")
    await page.get_by_test_id("stage-name").fill("staging")
    await page.get_by_role("button", name="Unassign", exact=True).click()
    await wrote(page, "Unassigned staging")
    await page.locator("[data-stage=staging]").wait_for(state="detached")
    assert (await page_version(page, "v0.1.0"))["stages"] == ""
    show = gto_on_clone(served, tmp_path / "after-unassign")
    assert show["model"]["stage"] == {"prod": "v0.0.1"}, show
    history = gto(tmp_path / "after-unassign", "history", "model")
    unassigned = [h for h in history if h["event"] == "unassignment"]
    assert [(h["version"], h["stage"]) for h in unassigned] == [("v0.1.0", "staging")], history
    # The page's History is gto's: every event with its version, stage and tag.
    rows = await page.get_by_test_id("history").locator("tbody tr").all()
    on_page = sorted([tuple((await r.locator("td").all_inner_texts())[1:]) for r in rows])
    by_gto = sorted(
        (h["event"], h["version"] or "", h["stage"] or "", h["author"], h["ref"]) for h in history
    )
    assert on_page == by_gto
    await assert_accessible(page)

    # Registering a version that exists (on a commit with none): the page shows the API's
    # error, and no tag reaches the remote.
    tags = git("ls-remote", "--tags", repo_url(served))
    unregistered = git("rev-parse", "origin/main~1", cwd=clone)
    await page.get_by_test_id("register-rev").fill(unregistered)
    await page.get_by_test_id("register-version").fill("v0.0.1")
    await page.get_by_role("button", name="Register", exact=True).click()
    await wrote(page, "DUPLICATE: model v0.0.1 is registered already")
    assert git("ls-remote", "--tags", repo_url(served)) == tags
    model_page.recorder.assert_stayed_home()
    assert model_page.recorder.errors == []


async def test_deprecate_the_model(model_page: Visit, tmp_path: Path) -> None:
    page, served = model_page.page, model_page.served
    assert "model" in gto_on_clone(served, tmp_path / "before")
    page.once("dialog", lambda dialog: dialog.accept())  # "Deprecate model? ..."
    await page.get_by_role("button", name="Deprecate model").click()
    await wrote(page, "Deprecated")
    await page.locator("h1 .chip").filter(has_text="deprecated").wait_for()
    assert await page.get_by_role("button", name="Deprecate model").is_disabled()

    clone = tmp_path / "after"
    assert "model" not in gto_on_clone(served, clone)  # gto hides deprecated artifacts
    with_deprecated = gto(clone, "show", "--deprecated")
    assert with_deprecated["model"]["active"] is False, with_deprecated
    history = gto(clone, "history", "model")
    deprecations = [h["ref"] for h in history if h["event"] == "deprecation"]
    assert deprecations == ["model@deprecated"], history
    await assert_accessible(page)

    # "A new registry tag revives it", says the page's confirmation: gto agrees.
    await page.get_by_test_id("register-rev").fill(git("rev-parse", "origin/main~2", cwd=clone))
    await page.get_by_test_id("register-version").fill("v0.2.0")
    await page.get_by_role("button", name="Register", exact=True).click()
    await wrote(page, "Registered (tag model@v0.2.0)")
    await page.locator("h1 .chip").wait_for(state="detached")
    assert await page.get_by_role("button", name="Deprecate model").is_enabled()
    show = gto_on_clone(served, tmp_path / "revived")
    assert show["model"]["version"] == "v0.2.0" and show["model"]["active"] is True, show
    model_page.recorder.assert_stayed_home()
    assert model_page.recorder.errors == []


async def test_the_stage_form_assigns_the_version_its_select_shows(model_page: Visit) -> None:
    page = model_page.page
    select = page.get_by_test_id("stage-version")
    shown = await select.evaluate("s => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text")
    await page.get_by_test_id("stage-name").fill("candidate")
    await page.get_by_role("button", name="Assign", exact=True).click()
    await wrote(page, "Assigned candidate")
    assigned = page.locator("[data-stage=candidate]")
    assert await assigned.inner_text() == f"candidate: {shown}"
