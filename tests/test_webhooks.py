"""Forge push webhooks: verified deliveries sync the named project; others change nothing."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
from support import Api

from gitstudio.app import create_app
from schema.relay import decode_id
from sync import scheduling
from sync.generate import RepoSpec, add_commit, generate_repo

SECRET = "s3cret-for-tests"
TOKEN = "gitlab-t0ken"

HEAD = "query($name: String!) { project(name: $name) { branches { name sha } } }"


def client(api: Api) -> httpx.AsyncClient:
    settings = replace(api.settings, github_webhook_secret=SECRET, gitlab_webhook_token=TOKEN)
    transport = httpx.ASGITransport(app=create_app(settings))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def main_sha(api: Api, name: str) -> str:
    branches = (await api.data(HEAD, {"name": name}))["project"]["branches"]
    return next(b["sha"] for b in branches if b["name"] == "main")


async def settle() -> None:
    await asyncio.gather(*list(scheduling.RUNNING))


def github_push(repo: Path) -> bytes:
    return json.dumps(
        {"ref": "refs/heads/main", "repository": {"clone_url": f"file://{repo}/", "html_url": "x"}}
    ).encode()


async def test_github_push_with_valid_signature_syncs(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    name = f"gh-{unique}"
    await api.create_project(repo, name)
    new = add_commit(repo, "main", {"params.yaml": "lr: 9\n"}, "pushed")
    body = github_push(repo)
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    async with client(api) as http:
        response = await http.post(
            "/webhooks/github",
            content=body,
            headers={"X-Hub-Signature-256": signature, "X-GitHub-Event": "push"},
        )
    assert response.status_code == 202
    assert name in response.json()["syncing"]
    await settle()
    assert await main_sha(api, name) == new


async def test_wrong_signature_is_rejected_and_nothing_synced(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    name = f"ghbad-{unique}"
    await api.create_project(repo, name)
    before = await main_sha(api, name)
    add_commit(repo, "main", {"params.yaml": "lr: 9\n"}, "pushed")
    body = github_push(repo)
    wrong = "sha256=" + hmac.new(b"not-the-secret", body, hashlib.sha256).hexdigest()
    async with client(api) as http:
        for headers in ({"X-Hub-Signature-256": wrong}, {}, {"X-Hub-Signature-256": "sha1=abc"}):
            response = await http.post("/webhooks/github", content=body, headers=headers)
            assert response.status_code == 401
            assert response.json()["detail"]
        gitlab = await http.post(
            "/webhooks/gitlab", content=body, headers={"X-Gitlab-Token": "nope"}
        )
        assert gitlab.status_code == 401
    await settle()
    assert await main_sha(api, name) == before


async def test_gitlab_push_with_token_syncs(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    name = f"gl-{unique}"
    await api.create_project(repo, name)
    new = add_commit(repo, "main", {"params.yaml": "lr: 7\n"}, "pushed")
    body = json.dumps({"object_kind": "push", "project": {"git_http_url": str(repo)}}).encode()
    async with client(api) as http:
        response = await http.post(
            "/webhooks/gitlab", content=body, headers={"X-Gitlab-Token": TOKEN}
        )
        assert response.status_code == 202
        assert response.json()["syncing"] == [name]
        malformed = await http.post(
            "/webhooks/gitlab", content=b"{", headers={"X-Gitlab-Token": TOKEN}
        )
        assert malformed.status_code == 400
    await settle()
    assert await main_sha(api, name) == new


async def test_webhooks_refuse_everything_without_a_configured_secret(api: Api) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(api.settings)), base_url="http://testserver"
    ) as http:
        body = b"{}"
        signature = "sha256=" + hmac.new(b"", body, hashlib.sha256).hexdigest()
        response = await http.post(
            "/webhooks/github", content=body, headers={"X-Hub-Signature-256": signature}
        )
        assert response.status_code == 401
        response = await http.post("/webhooks/gitlab", content=body, headers={"X-Gitlab-Token": ""})
        assert response.status_code == 401


class FailingFor:
    """The app's own scheduler, except that queueing the given projects fails (a queue
    briefly away for them)."""

    def __init__(self, inner: Any, failing: set[int]) -> None:
        self.inner, self.failing, self.asked = inner, failing, []

    async def request(self, project_id: int, reason: str) -> None:
        self.asked.append(project_id)
        if project_id in self.failing:
            raise ConnectionError("the queue is away")
        await self.inner.request(project_id, reason)


async def test_a_queue_error_for_one_project_does_not_skip_the_others(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """Two projects on one repository, queueing the first fails: the second still syncs
    and the forge gets its 202; when every one fails, a typed 503 (never a 500) and
    nothing synced."""
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    first, second = f"wa-{unique}", f"wb-{unique}"
    ids = [decode_id((await api.create_project(repo, n))["id"], "Project") for n in (first, second)]
    before = await main_sha(api, first)
    new = add_commit(repo, "main", {"params.yaml": "lr: 5\n"}, "pushed")
    body = json.dumps({"object_kind": "push", "project": {"git_http_url": str(repo)}}).encode()
    async with client(api) as http:
        state = http._transport.app.state.gitstudio  # type: ignore[attr-defined]
        failing = state.sync_scheduler = FailingFor(state.sync_scheduler, set(ids))
        response = await http.post(
            "/webhooks/gitlab", content=body, headers={"X-Gitlab-Token": TOKEN}
        )
        assert response.status_code == 503, response.text
        assert response.json()["code"] == "UNAVAILABLE"
        assert failing.asked == ids, "every project was tried"
        await settle()
        assert await main_sha(api, first) == before and await main_sha(api, second) == before
        failing.failing, failing.asked = {ids[0]}, []
        response = await http.post(
            "/webhooks/gitlab", content=body, headers={"X-Gitlab-Token": TOKEN}
        )
        assert response.status_code == 202, response.text
        assert failing.asked == ids
    await settle()
    assert await main_sha(api, second) == new
    assert await main_sha(api, first) == before
