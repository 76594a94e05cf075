"""The dashboard's other pages in a real Chromium against ``gitstudio serve --demo``, the
GraphQL API as the oracle: the projects dashboard (/), the models dashboard (/models) and
the access tokens page (/settings/tokens: a token created in the page works, is listed,
and revoked from the page stops working); signed out, a public project's table is
readable and a private one leads to /login and back. Every page stays on the server's
origin and axe-core finds no serious violation on it."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import pytest
from dashboard_support import (
    api_rows,
    expect_rows,
    new_page,
    open_table,
    session_api,
    signed_in_context,
)
from live_support import create_project_rest
from playwright.async_api import expect
from support import http
from web_support import PASSWORD, USER, Served, Visit, assert_accessible, visit

from sync.generate import RepoSpec, generate_repo

if TYPE_CHECKING:
    from playwright.async_api import Browser, Dialog

PUBLIC = "public-web"

PROJECTS = """
{ projects(first: 100) { totalCount nodes {
    name visibility
    rows: experiments(first: 1) { totalCount }
    commits: experiments(first: 1, filter: { kinds: [COMMIT] }) { totalCount }
    running: experiments(first: 5, filter: { kinds: [LIVE], statuses: [RUNNING] }) { totalCount }
} } }
"""
MODELS = """
{ models(first: 100) { totalCount nodes {
    name project { name } latestVersion { version } stages { stage versions { version } }
} } }
"""
TOKENS = "{ me { tokens { id name prefix scopes } } }"


@pytest.fixture(scope="module")
def public_project(demo: Served, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small project anyone may read (visibility PUBLIC), beside the demo's private one."""
    repo = tmp_path_factory.mktemp("public-web") / "repo"
    spec = RepoSpec(commits=3, branches=("main",), exps_per_commit=1, gto_tags=False)
    generate_repo(repo, spec)
    project = create_project_rest(demo.url, demo.token, str(repo), PUBLIC)
    update = (
        "mutation($input: UpdateProjectInput!) { updateProject(input: $input) { errors { code } } }"
    )
    done = demo.gql(update, {"input": {"id": project["id"], "visibility": "PUBLIC"}})
    assert done["updateProject"]["errors"] == [], done
    yield PUBLIC


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


async def anonymous_api(served: Served, query: str) -> Any:
    """The API's answer without a token or session: what anyone may read."""

    def post() -> Any:
        response = http.post(f"{served.url}/graphql", json={"query": query}, timeout=60)
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    return await asyncio.to_thread(post)


async def expect_projects(visit: Visit, listed: dict[str, Any]) -> None:
    """The projects table shows exactly the API's projects, each with its counts."""
    page = visit.page
    rows = page.locator("[data-testid=project]")
    await expect(rows).to_have_count(len(listed["nodes"]))
    names = await rows.evaluate_all("rows => rows.map(row => row.dataset.project)")
    assert sorted(names) == sorted(p["name"] for p in listed["nodes"])
    for project in listed["nodes"]:
        row = page.locator(f"[data-testid=project][data-project='{project['name']}']")
        await expect(row.get_by_test_id("row-count")).to_have_text(
            str(project["rows"]["totalCount"])
        )
        await expect(row.locator("td.num").first).to_have_text(
            str(project["commits"]["totalCount"])
        )
        await expect(row.locator("th")).to_contain_text(project["visibility"].lower())
        if project["running"]["totalCount"] == 0:
            await expect(row.get_by_test_id("running")).to_have_text("none")


async def test_the_projects_dashboard_lists_the_apis_projects(
    signed_in: Visit, public_project: str
) -> None:
    page, served = signed_in.page, signed_in.served
    await page.goto(f"{served.url}/")
    listed = (await session_api(signed_in, PROJECTS))["projects"]
    assert {"demo", public_project} <= {p["name"] for p in listed["nodes"]}
    await expect_projects(signed_in, listed)
    # A project's link opens its table in the page (the router: no document load).
    await page.get_by_role("link", name="demo", exact=True).click()
    await expect(page).to_have_url(f"{served.url}/projects/demo")
    await expect(page.locator("[data-testid=row]").first).to_be_visible()
    await page.go_back()
    await expect(page.locator("[data-testid=project]").first).to_be_visible()
    await assert_accessible(page)
    signed_in.recorder.assert_stayed_home()


async def test_the_models_dashboard_lists_the_apis_models(signed_in: Visit) -> None:
    page, served = signed_in.page, signed_in.served
    await page.goto(f"{served.url}/models")
    listed = (await session_api(signed_in, MODELS))["models"]
    assert listed["totalCount"] == len(listed["nodes"]) > 0  # the demo registers models
    rows = page.locator("[data-testid=model]")
    await expect(rows).to_have_count(len(listed["nodes"]))
    await expect(page.locator("[data-testid=models] caption")).to_have_text(
        f"{listed['totalCount']} models"
    )
    for model in listed["nodes"]:
        row = page.locator(f"[data-testid=model][data-model='{model['name']}']")
        await expect(row).to_have_count(1)
        cells = row.locator("td")
        await expect(cells.nth(0)).to_have_text(model["project"]["name"])
        latest = model["latestVersion"]
        await expect(cells.nth(1)).to_contain_text(latest["version"] if latest else "unregistered")
        for stage in model["stages"]:
            versions = ", ".join(v["version"] for v in stage["versions"])
            await expect(cells.nth(2)).to_contain_text(f"{stage['stage']}: {versions}")
    await assert_accessible(page)
    signed_in.recorder.assert_stayed_home()


MODEL = """
query($project: String!, $model: String!) { project(name: $project) { model(name: $model) {
    name latestVersion { version }
    versions(includeInactive: true) { version stages }
    stages { stage versions { version } }
} } }
"""


async def test_a_models_link_opens_its_page_with_the_apis_versions(signed_in: Visit) -> None:
    """From /models, a registered model's link: its page lists the API's versions, each
    with its stages, and the stages with their versions."""
    page, served = signed_in.page, signed_in.served
    await page.goto(f"{served.url}/models")
    listed = (await session_api(signed_in, MODELS))["models"]["nodes"]
    chosen = next(m for m in listed if m["latestVersion"] and m["stages"])
    project, name = chosen["project"]["name"], chosen["name"]
    found = await session_api(signed_in, MODEL, {"project": project, "model": name})
    model = found["project"]["model"]
    row = page.locator(f"[data-testid=model][data-model='{name}']")
    await row.get_by_role("link", name=name, exact=True).click()
    await expect(page.locator("#model-title")).to_contain_text(name)
    assert urlsplit(page.url).path.startswith(f"/projects/{project}/models/")
    versions = page.get_by_test_id("version")
    await expect(versions).to_have_count(len(model["versions"]))
    shown = await versions.evaluate_all("rows => rows.map(row => row.dataset.version)")
    assert shown == [v["version"] for v in model["versions"]]
    for version in model["versions"]:
        cells = page.locator(f"[data-testid=version][data-version='{version['version']}'] td")
        await expect(cells.nth(1)).to_have_text(", ".join(version["stages"]))
    for stage in model["stages"]:
        item = page.get_by_test_id("stages").locator(f"[data-stage='{stage['stage']}']")
        versions_text = ", ".join(v["version"] for v in stage["versions"])
        await expect(item).to_have_text(f"{stage['stage']}: {versions_text}")
    await assert_accessible(page)
    signed_in.recorder.assert_stayed_home()


def me_with(served: Served, token: str) -> httpx.Response:
    return http.post(
        f"{served.url}/graphql",
        json={"query": "{ me { name } }"},
        headers={"Authorization": f"token {token}"},
        timeout=60,
    )


async def test_a_token_is_created_listed_and_revoked_in_the_page(signed_in: Visit) -> None:
    page, served = signed_in.page, signed_in.served
    name = f"web-token-{uuid.uuid4().hex[:8]}"
    await page.goto(f"{served.url}/settings/tokens")
    await expect(page.get_by_test_id("tokens")).to_be_visible()
    before = (await session_api(signed_in, TOKENS))["me"]["tokens"]
    await expect(page.get_by_test_id("token")).to_have_count(len(before))

    await page.get_by_test_id("token-name").fill(name)
    await page.get_by_role("button", name="Create token").click()
    secret = (await page.get_by_test_id("new-token").locator("code").inner_text()).strip()
    row = page.get_by_test_id("token").filter(has=page.get_by_role("rowheader", name=name))
    await expect(row).to_have_count(1)
    mine = [t for t in (await session_api(signed_in, TOKENS))["me"]["tokens"] if t["name"] == name]
    assert len(mine) == 1, mine
    assert sorted(mine[0]["scopes"]) == ["EXPERIMENTS", "READ"]  # the page's default scopes
    await expect(row.locator("code")).to_have_text(mine[0]["prefix"])
    assert secret.startswith(mine[0]["prefix"])
    answer = await asyncio.to_thread(me_with, served, secret)
    assert answer.json()["data"]["me"]["name"] == USER, answer.text  # the token works
    await assert_accessible(page)

    async def accept(dialog: Dialog) -> None:
        assert name in dialog.message
        await dialog.accept()

    page.once("dialog", accept)
    await row.get_by_role("button", name=f"Revoke {name}").click()
    await expect(row).to_have_count(0)
    revoked = page.get_by_role("status").filter(has_text="Revoked")
    await expect(revoked).to_have_text(f"Revoked “{name}”")
    await expect(page.get_by_test_id("new-token")).to_have_count(0)  # its secret is gone too
    after = (await session_api(signed_in, TOKENS))["me"]["tokens"]
    assert name not in [t["name"] for t in after]
    answer = await asyncio.to_thread(me_with, served, secret)
    assert answer.status_code == 401 or "errors" in answer.json(), answer.text
    signed_in.recorder.assert_stayed_home()


async def test_signed_out_a_public_project_is_readable(
    anonymous: Visit, public_project: str
) -> None:
    page, served = anonymous.page, anonymous.served
    await page.goto(f"{served.url}/")
    await expect(page.get_by_test_id("sign-in")).to_be_visible()
    listed = (await anonymous_api(served, PROJECTS))["projects"]
    assert [p["name"] for p in listed["nodes"]] == [public_project]  # demo is private
    await expect_projects(anonymous, listed)
    await assert_accessible(page)

    # Models of public projects only: the API's anonymous answer (the demo's are private).
    await page.goto(f"{served.url}/models")
    models = (await anonymous_api(served, MODELS))["models"]
    await expect(page.get_by_text("Signed out: models of public projects only.")).to_be_visible()
    if models["nodes"]:
        await expect(page.get_by_test_id("model")).to_have_count(len(models["nodes"]))
    else:
        await expect(page.get_by_text("No models.")).to_be_visible()
    await assert_accessible(page)

    await open_table(page, served, public_project)
    await page.get_by_test_id("group-toggle").uncheck()  # flat: the API's order
    await expect_rows(page, await api_rows(served, public_project))
    await expect(page.get_by_test_id("hide-row")).to_have_count(0)  # reading only
    await assert_accessible(page)
    anonymous.recorder.assert_stayed_home()


async def test_signed_out_a_private_project_leads_to_login_and_back(
    browser: Browser, demo: Served
) -> None:
    opened = await visit(browser, demo)
    try:
        page = opened.page
        await page.goto(f"{demo.url}/projects/demo")
        notice = page.get_by_test_id("sign-in-needed")
        await expect(notice).to_contain_text("not public")
        await expect(page.locator("[data-testid=row]")).to_have_count(0)
        await assert_accessible(page)
        await notice.get_by_role("link", name="Sign in").click()
        await expect(page).to_have_url(f"{demo.url}/login?next=%2Fprojects%2Fdemo")
        await page.fill("#name", USER)
        await page.fill("#password", PASSWORD)
        async with page.expect_navigation():
            await page.click("button[type=submit]")
        assert urlsplit(page.url).path == "/projects/demo", page.url
        await expect(page.locator("[data-testid=row]").first).to_be_visible()
        await expect(notice).to_have_count(0)
        opened.recorder.assert_stayed_home()
    finally:
        await opened.context.close()
