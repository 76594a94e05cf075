"""Run an experiment from the table's params editor as a pull request, then merge it and
close another from the pull requests panel, in a real Chromium against ``gitstudio serve
--demo``; Git on the project's remote (``git ls-remote``, a fresh clone) is the oracle of
what was pushed and merged, the API of the pull requests' states. Every request stays on
the server's origin and axe-core finds no serious violation with either panel open."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from flows_support import fresh_clone, git, remote_heads, repo_url, signed_in_on
from web_support import Served, assert_accessible

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

PULL_REQUESTS = """query($id: ID!) { node(id: $id) { ... on Project {
  pullRequests { id number state sourceBranch targetBranch sourceSha mergeSha } } } }"""
RUN = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  commit { sha } branch pullRequest { number } errors { code message } } }"""


def params_at(clone: Path, rev: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(git("show", f"{rev}:params.yaml", cwd=clone))
    return loaded


def pull_requests(served: Served, project_id: str) -> dict[int, dict[str, Any]]:
    found = served.gql(PULL_REQUESTS, {"id": project_id})["node"]["pullRequests"]
    return {pr["number"]: pr for pr in found}


def is_ancestor(clone: Path, commit: str, of: str) -> bool:
    done = subprocess.run(
        ["git", "merge-base", "--is-ancestor", commit, of], cwd=clone, check=False, timeout=60
    )
    return done.returncode == 0


async def pr_row_says(page: Page, number: int, state: str) -> None:
    row = page.locator(f"[data-testid=pull-request][data-number='{number}']")
    await row.locator("td").nth(2).filter(has_text=re.compile(f"^{re.escape(state)}")).wait_for()


async def test_run_from_the_params_editor_as_a_pull_request_then_merge_and_close(
    browser: Browser, flows_demo: Served, tmp_path: Path
) -> None:
    served = flows_demo
    url = repo_url(served)
    project_id = served.gql('{ project(name: "demo") { id } }')["project"]["id"]
    main_before = remote_heads(url)["main"]
    async with signed_in_on(browser, served, "/projects/demo") as visit:
        page = visit.page
        # The main branch's head row: select it and open the params editor.
        await page.get_by_role("checkbox", name=f"Select {main_before[:7]}", exact=True).check()
        await page.get_by_test_id("run-experiment").click()
        lr = page.locator("[data-testid=param][data-file='params.yaml'][data-path=lr] input")
        assert await lr.input_value() == "0.03"  # the demo's head: lr 0.03
        await lr.fill("0.05")
        await page.get_by_test_id("run-target").select_option("PULL_REQUEST")
        await page.get_by_test_id("run-branch").fill("flows/lr-0.05")
        await page.get_by_test_id("run-submit").click()
        result = page.get_by_test_id("run-result")
        await result.filter(has_text="pull request #").wait_for()
        said = re.fullmatch(
            r"Committed ([0-9a-f]{7}) on flows/lr-0\.05, pull request #(\d+)",
            await result.inner_text(),
        )
        assert said, await result.inner_text()
        short, number = said[1], int(said[2])
        await assert_accessible(page)

        # The commit is on the remote: the PR's branch, on main's head, lr 0.05.
        pushed = remote_heads(url)["flows/lr-0.05"]
        assert pushed.startswith(short), (pushed, short)
        clone = fresh_clone(url, tmp_path / "after-run")
        assert git("rev-parse", f"{pushed}^", cwd=clone) == main_before
        assert params_at(clone, pushed)["lr"] == 0.05
        assert params_at(clone, main_before)["lr"] == 0.03
        assert remote_heads(url)["main"] == main_before  # nothing merged yet

        # Another pull request (through the API) that the panel will close.
        other = served.gql(
            RUN,
            {
                "input": {
                    "projectId": project_id,
                    "baseRev": "main",
                    "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.07}],
                    "target": "PULL_REQUEST",
                    "branch": "flows/lr-0.07",
                }
            },
        )["runExperiment"]
        assert other["errors"] == [], other
        closing = other["pullRequest"]["number"]
        before = pull_requests(served, project_id)
        assert before[number]["sourceBranch"] == "flows/lr-0.05"
        assert before[number]["sourceSha"] == pushed
        assert {before[number]["state"], before[closing]["state"]} == {"OPEN"}

        # The panel lists both; merge the first.
        await page.get_by_test_id("pulls-toggle").click()
        panel = page.get_by_test_id("pull-requests")
        first = panel.locator(f"[data-testid=pull-request][data-number='{number}']")
        await first.wait_for()
        assert "flows/lr-0.05 → main" in await first.inner_text()
        await pr_row_says(page, number, "open")
        await pr_row_says(page, closing, "open")
        await assert_accessible(page)
        await panel.get_by_role("button", name=f"Merge #{number}", exact=True).click()
        await pr_row_says(page, number, "merged")
        await panel.get_by_role("status").filter(has_text=f"#{number} merged").wait_for()

        # The remote's main contains the commit (and its lr).
        main_after = remote_heads(url)["main"]
        assert main_after != main_before
        merged = fresh_clone(url, tmp_path / "after-merge")
        assert is_ancestor(merged, pushed, "origin/main")
        assert params_at(merged, "origin/main")["lr"] == 0.05
        # The demo's repository has main checked out: the push moved its working tree too
        # (receive.denyCurrentBranch=updateInstead).
        worktree = served.data_dir / "demo-repo"
        assert Path(url).resolve() == worktree.resolve()
        assert yaml.safe_load((worktree / "params.yaml").read_text())["lr"] == 0.05
        assert git("status", "--porcelain", cwd=worktree) == ""
        after = pull_requests(served, project_id)
        assert after[number]["state"] == "MERGED"
        assert after[number]["mergeSha"] == main_after

        # The other changed the same line from the same base: now it conflicts, and the
        # panel (reloaded after the merge) says so and offers no merge.
        await pr_row_says(page, closing, "open (conflicts: params.yaml)")
        assert await panel.get_by_role("button", name=f"Merge #{closing}").is_disabled()
        assert pull_requests(served, project_id)[closing]["state"] == "OPEN"

        # Close it from the panel: the API says CLOSED, main does not move.
        await panel.get_by_role("button", name=f"Close #{closing}", exact=True).click()
        await pr_row_says(page, closing, "closed")
        assert pull_requests(served, project_id)[closing]["state"] == "CLOSED"
        assert remote_heads(url)["main"] == main_after
        assert await panel.get_by_role("button", name=f"Merge #{closing}").count() == 0
        await assert_accessible(page)
        visit.recorder.assert_stayed_home()
        assert visit.recorder.errors == []


async def test_a_run_onto_a_branch_that_exists_is_refused_and_changes_nothing(
    browser: Browser, flows_demo: Served
) -> None:
    served = flows_demo
    url = repo_url(served)
    project_id = served.gql('{ project(name: "demo") { id } }')["project"]["id"]
    heads, prs = remote_heads(url), pull_requests(served, project_id)
    async with signed_in_on(browser, served, "/projects/demo") as visit:
        page = visit.page
        await page.get_by_role("checkbox", name=f"Select {heads['main'][:7]}", exact=True).check()
        await page.get_by_test_id("run-experiment").click()
        lr = page.locator("[data-testid=param][data-file='params.yaml'][data-path=lr] input")
        await lr.fill("0.5")
        await page.get_by_test_id("run-target").select_option("PULL_REQUEST")
        for branch, error in (
            ("main", "DUPLICATE: branch main exists already"),
            ("bad..name", "INVALID: 'bad..name' is not a valid branch name"),
        ):
            await page.get_by_test_id("run-branch").fill(branch)
            await page.get_by_test_id("run-submit").click()
            await page.get_by_test_id("run-result").filter(has_text=error).wait_for()
        visit.recorder.assert_stayed_home()
        assert visit.recorder.errors == []
    assert remote_heads(url) == heads
    assert pull_requests(served, project_id) == prs


async def test_a_run_from_an_older_commits_row_starts_from_that_commit(
    browser: Browser, flows_demo: Served, tmp_path: Path
) -> None:
    served = flows_demo
    url = repo_url(served)
    before = fresh_clone(url, tmp_path / "before")
    older = git("rev-parse", "origin/main~2", cwd=before)  # on main, not its head
    async with signed_in_on(browser, served, "/projects/demo") as visit:
        page = visit.page
        await page.get_by_role("checkbox", name=f"Select {older[:7]}", exact=True).check()
        await page.get_by_test_id("run-experiment").click()
        lr = page.locator("[data-testid=param][data-file='params.yaml'][data-path=lr] input")
        shown = params_at(before, older)
        assert await lr.input_value() == str(shown["lr"])  # the editor shows the row's params
        await lr.fill("0.02")
        await page.get_by_test_id("run-target").select_option("BRANCH")
        await page.get_by_test_id("run-branch").fill("flows/from-older")
        await page.get_by_test_id("run-submit").click()
        await page.get_by_test_id("run-result").filter(has_text="Committed").wait_for()
        visit.recorder.assert_stayed_home()
    pushed = remote_heads(url)["flows/from-older"]
    after = fresh_clone(url, tmp_path / "after")
    assert params_at(after, pushed) == {**shown, "lr": 0.02}
    assert git("rev-parse", f"{pushed}^", cwd=after) == older
