"""Repository URLs on the Studio REST routes: a URL that cannot be a repository's is a typed
400 that changes nothing, and one unreadable stored project never stops the repo-URL index
(gitstudio/project_index.py) from serving the other projects."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from harness import Hostile, assert_rest_error

from storage.models import Project

BAD_URLS = {
    "NUL byte": "https://example.com/org/re\x00po.git",
    "NUL in a path": "/srv/re\x00po",
    "unknown user's home": "~nosuchuser/repo",
    "file URL of an unknown user's home": "file://~nosuchuser/repo",
    "broken IPv6 literal": "https://[::1/org/repo.git",
}
SHA = "a" * 40


async def studio_request(h: Hostile, route: str, repo_url: str) -> httpx.Response:
    headers = h.headers("ADMIN")
    if route == "live":
        event = {"type": "start", "repo_url": repo_url, "baseline_sha": SHA, "name": "x"}
        return await h.client.post("/api/live", json=event, headers=headers)
    if route == "dvc webhook":
        body = {"repo_url": repo_url, "client": "dvc", "refs": {"pushed": [], "removed": []}}
        return await h.client.post("/webhook/dvc", json=body, headers=headers)
    if route == "view links":
        params = {"git_remote_url": repo_url, "commits": SHA}
        return await h.client.get("/api/view-links", params=params, headers=headers)
    params = {"repo": repo_url, "name": "model"}
    return await h.client.get(
        "/api/model-registry/get-download-uris", params=params, headers=headers
    )


ROUTES = ["live", "dvc webhook", "view links", "download uris"]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("url", BAD_URLS.values(), ids=BAD_URLS.keys())
async def test_a_url_that_is_no_repository_is_a_typed_400(
    hostile: Hostile, route: str, url: str
) -> None:
    before = await hostile.snapshot()
    response = await studio_request(hostile, route, url)
    body = assert_rest_error(response, 400)
    # /api/live refuses a NUL anywhere in its body before reading any field
    assert body["code"] in {"INVALID", "BAD_REQUEST"}, body
    await hostile.assert_unchanged(before)


@pytest.fixture
async def unreadable_project(hostile: Hostile) -> AsyncIterator[Project]:
    """A stored project whose repo_url fails to normalise (what a half-made createProject
    of issue 11 left behind), removed afterwards."""
    project = await Project.create(
        name=f"unreadable-{uuid.uuid4().hex[:8]}", repo_url="~nosuchuser/repo"
    )
    hostile.app.state.gitstudio.projects.invalidate()  # the next lookup reloads every row
    try:
        yield project
    finally:
        await project.delete()
        hostile.app.state.gitstudio.projects.invalidate()


async def test_one_unreadable_row_leaves_every_other_project_served(
    hostile: Hostile, unreadable_project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    alpha, registry = hostile.projects["alpha"], hostile.projects["registry"]
    headers = hostile.headers("ADMIN")
    links = await hostile.client.get(
        "/api/view-links",
        params={"git_remote_url": str(alpha.repo), "commits": alpha.main_sha},
        headers=headers,
    )
    assert links.status_code == 200, links.text
    assert links.json()["view_url"].endswith(f"/projects/{alpha.name}")

    uris = await hostile.client.get(
        "/api/model-registry/get-download-uris",
        params={"repo": str(registry.repo), "name": "no-such-model"},
        headers=headers,
    )
    assert uris.status_code == 404 and uris.json()["code"] == "NOT_FOUND", uris.text

    unknown = await studio_request(hostile, "dvc webhook", "https://example.com/none/here.git")
    assert unknown.status_code == 404 and unknown.json()["code"] == "NOT_FOUND", unknown.text

    name = f"index-{uuid.uuid4().hex[:8]}"
    event = {"type": "start", "repo_url": str(alpha.repo), "baseline_sha": alpha.main_sha}
    live = await hostile.client.post("/api/live", json={**event, "name": name}, headers=headers)
    assert live.status_code == 200 and live.json() == {}, live.text

    skipped = [r for r in caplog.records if "left out of the repo-URL index" in r.getMessage()]
    assert len(skipped) == 1 and unreadable_project.name in skipped[0].getMessage()


@pytest.mark.parametrize(
    "body",
    [
        {"name": "nul\x00name"},
        {"client": "dvc\x00live"},
        {"message": "a\x00b"},
        {"params": {"params.yaml": {"k\x00": 1}}},
    ],
    ids=["name", "client", "message", "params key"],
)
async def test_nul_in_any_live_field_is_a_typed_400(hostile: Hostile, body: dict[str, str]) -> None:
    alpha = hostile.projects["alpha"]
    event = {"type": "start", "repo_url": str(alpha.repo), "baseline_sha": alpha.main_sha}
    before = await hostile.snapshot()
    response = await hostile.client.post(
        "/api/live", json={**event, "name": "nul", **body}, headers=hostile.headers("ADMIN")
    )
    assert assert_rest_error(response, 400)["code"] == "BAD_REQUEST"
    await hostile.assert_unchanged(before)
