"""The other Studio-compatible routes in process, on SQLite and PostgreSQL: the DVC webhook,
view links (VS Code), create-project (REST) and the device-login flow."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from live_support import event, live_rows, new_project, post_live, token_with
from support import Api, git

from gitstudio.device_login import normalise_user_code, requested_scopes
from schema.relay import to_global_id
from storage import db
from storage.models import DeviceCode
from storage.tokens import Scope, hash_token
from sync import scheduling
from sync.generate import add_commit


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"token {token}"}


async def settle() -> None:
    await asyncio.gather(*list(scheduling.RUNNING))


def exp_ref(repo: Path, baseline: str, name: str) -> tuple[str, str]:
    """An experiment commit under refs/exps, as `dvc exp run` lays it out."""
    git(repo, "branch", "tmp-exp", baseline)
    sha = add_commit(repo, "tmp-exp", {"params.yaml": "lr: 0.7\n"}, "dvc: commit experiment")
    ref = f"refs/exps/{baseline[:2]}/{baseline[2:]}/{name}"
    git(repo, "update-ref", ref, sha)
    git(repo, "branch", "-D", "tmp-exp")
    return ref, sha


async def test_dvc_webhook_answers_a_url_and_syncs(api: Api, tmp_path: Path, unique: str) -> None:
    name = f"hook-{unique}"
    repo, pid, baseline = await new_project(api, tmp_path, name)
    ref, sha = exp_ref(repo, baseline, "exp-one")
    body = {"repo_url": f"file://{repo}", "client": "dvc", "refs": {"pushed": [ref]}}
    token = await token_with(Scope.EXPERIMENTS)
    response = await api.client.post("/webhook/dvc", json=body, headers=auth(token))
    assert response.status_code == 200
    assert response.json() == {"url": f"http://testserver/projects/{name}"}
    await settle()
    found = await db.fetch(
        "SELECT sha FROM experiments WHERE project_id = ? AND key = ?", [pid, ref]
    )
    assert [r["sha"] for r in found] == [sha]

    git(repo, "update-ref", "-d", ref)  # dvc exp remove -g origin exp-one
    body["refs"] = {"removed": [ref]}
    response = await api.client.post("/webhook/dvc", json=body, headers=auth(token))
    assert response.status_code == 200 and "url" in response.json()
    await settle()
    assert not await db.fetch(
        "SELECT id FROM experiments WHERE project_id = ? AND key = ?", [pid, ref]
    )


async def test_dvc_webhook_errors_are_json_objects(api: Api, tmp_path: Path, unique: str) -> None:
    repo, _pid, _base = await new_project(api, tmp_path, f"hookerr-{unique}")
    body = {"repo_url": str(repo), "client": "dvc", "refs": {"pushed": []}}
    cases = [
        (await api.client.post("/webhook/dvc", json=body), 401),
        (
            await api.client.post(
                "/webhook/dvc", json=body, headers=auth(await token_with(Scope.READ))
            ),
            403,
        ),
        (await api.client.post("/webhook/dvc", content=b"nope", headers=auth(api.token)), 400),
        (
            await api.client.post("/webhook/dvc", json={"client": "dvc"}, headers=auth(api.token)),
            400,
        ),
        (
            await api.client.post(
                "/webhook/dvc",
                json={**body, "repo_url": "https://example.com/x/unknown.git"},
                headers=auth(api.token),
            ),
            404,
        ),
    ]
    for response, status in cases:
        assert response.status_code == status, response.text
        assert isinstance(response.json()["detail"], str)


async def test_view_links_lists_live_and_pushed(api: Api, tmp_path: Path, unique: str) -> None:
    name = f"links-{unique}"
    repo, _pid, baseline = await new_project(api, tmp_path, name)
    other = git(repo, "rev-parse", "main~1")
    _ref, sha = exp_ref(repo, baseline, "pushed-exp")
    await api.client.post(
        "/webhook/dvc",
        json={"repo_url": str(repo), "client": "dvc", "refs": {"pushed": [_ref]}},
        headers=auth(api.token),
    )
    await settle()
    assert (
        await post_live(api, event("start", str(repo), baseline, "live-one"))
    ).status_code == 200
    assert (await post_live(api, event("start", str(repo), other, "live-two"))).status_code == 200
    response = await api.client.get(
        "/api/view-links",
        params=[("commits", baseline), ("commits", other), ("git_remote_url", f"file://{repo}")],
        headers=auth(await token_with(Scope.READ)),
    )
    assert response.status_code == 200, response.text
    links = response.json()
    assert links["view_url"] == f"http://testserver/projects/{name}"
    assert sorted(links["live"], key=lambda r: r["name"]) == [
        {"baseline_sha": baseline, "name": "live-one"},
        {"baseline_sha": other, "name": "live-two"},
    ]
    assert links["pushed"] == [sha]
    only_other = await api.client.get(
        "/api/view-links",
        params=[("commits", other), ("git_remote_url", str(repo))],
        headers=auth(api.token),
    )
    assert only_other.json()["pushed"] == [] and len(only_other.json()["live"]) == 1
    assert (
        await api.client.get("/api/view-links", params={"git_remote_url": str(repo)})
    ).status_code == 401
    unknown = await api.client.get(
        "/api/view-links",
        params={"git_remote_url": "https://example.com/none"},
        headers=auth(api.token),
    )
    assert unknown.status_code == 404 and "detail" in unknown.json()


async def test_create_project_over_rest(api: Api, tmp_path: Path, unique: str) -> None:
    from sync.generate import RepoSpec, generate_repo

    repo = tmp_path / "rest-repo"
    generate_repo(repo, RepoSpec(commits=2, branches=("main",), exps_per_commit=0, gto_tags=False))
    name = f"rest-{unique}"
    # Studio's personal namespace is the user's own name (the tokens are the built-in admin's)
    body = {"repo_url": str(repo), "name": name, "public": False, "team_name": "admin"}
    for scopes in ((Scope.READ,), (Scope.EXPERIMENTS, Scope.MODELS)):
        refused = await api.client.post(
            "/api/create-project", json=body, headers=auth(await token_with(*scopes))
        )
        assert refused.status_code == 403
    token = await token_with(Scope.PROJECTS)
    no_team = await api.client.post(
        "/api/create-project", json={**body, "team_name": "no-such-team"}, headers=auth(token)
    )
    assert no_team.status_code == 404 and no_team.json()["code"] == "NOT_FOUND"
    assert await db.fetch("SELECT id FROM projects WHERE name = ?", [name]) == []
    response = await api.client.post("/api/create-project", json=body, headers=auth(token))
    assert response.status_code == 200, response.text
    (stored,) = await db.fetch(
        "SELECT p.visibility, u.name FROM projects p JOIN users u ON u.id = p.owner_user_id"
        " WHERE p.name = ?",
        [name],
    )
    assert (stored["visibility"], stored["name"]) == ("PRIVATE", "admin")
    (created,) = response.json()["projects"]
    pid = int((await db.fetch("SELECT id FROM projects WHERE name = ?", [name]))[0]["id"])
    assert created == {
        "id": to_global_id("Project", pid),
        "url": f"http://testserver/projects/{name}",
        "name": name,
    }
    # Found at once by /api/live (the project index reloads on a miss).
    baseline = git(repo, "rev-parse", "main")
    assert (
        await post_live(api, event("start", str(repo), baseline, "right-away"))
    ).status_code == 200
    assert [r["name"] for r in await live_rows(pid)] == ["right-away"]

    again = await api.client.post("/api/create-project", json=body, headers=auth(token))
    assert again.status_code == 409 and again.json()["code"] == "DUPLICATE"
    missing = await api.client.post("/api/create-project", json={"name": "x"}, headers=auth(token))
    assert missing.status_code == 400 and missing.json()["code"] == "INVALID"
    bad_name = await api.client.post(
        "/api/create-project",
        json={"repo_url": str(repo), "name": "no spaces"},
        headers=auth(token),
    )
    assert bad_name.status_code == 400 and bad_name.json()["code"] == "INVALID"
    gone = await api.client.post(  # not a repository: the repository access policy refuses
        "/api/create-project", json={"repo_url": str(tmp_path / "nowhere")}, headers=auth(token)
    )
    assert gone.status_code == 403 and gone.json()["code"] == "FORBIDDEN_REPOSITORY"
    closed = await api.client.post(
        "/api/create-project",
        json={"repo_url": "https://127.0.0.2:9/nobody/nothing.git"},  # allowed in the tests
        headers=auth(token),
    )
    assert closed.status_code == 422 and closed.json()["code"] == "UNREACHABLE"


# -- device login -------------------------------------------------------------------------------


async def start_login(api: Api, **body: object) -> dict[str, str]:
    response = await api.client.post("/api/device-login", json={"client_name": "DVC", **body})
    assert response.status_code == 200, response.text
    started: dict[str, str] = response.json()
    return started


async def poll(api: Api, code: str) -> tuple[int, dict[str, str]]:
    response = await api.client.post("/api/device-login/token", json={"code": code})
    return response.status_code, response.json()


async def decide(api: Api, user_code: str, token: str, action: str = "approve") -> int:
    response = await api.client.post(
        "/auth/device-login",
        data={"user_code": user_code, "token": token, "action": action},
    )
    assert response.headers["content-type"].startswith("text/html")
    return response.status_code


async def test_device_login_happy_path(api: Api) -> None:
    started = await start_login(api, token_name="laptop", scopes=["experiments", "Datasets"])
    assert set(started) >= {
        "device_code",
        "user_code",
        "verification_uri",
        "token_uri",
        "token_name",
        "expires_in",
    }
    assert started["verification_uri"] == "http://testserver/auth/device-login"
    assert started["token_uri"] == "http://testserver/api/device-login/token"
    assert started["token_name"] == "laptop"
    assert re.fullmatch(r"[A-Z]{4}-[A-Z]{4}", started["user_code"])
    row = await DeviceCode.get(user_code=started["user_code"])
    assert started["device_code"] not in (row.device_code_hash, row.user_code)  # only a hash

    assert await poll(api, started["device_code"]) == (400, {"detail": "authorization_pending"})
    # The page asks a browser to sign in first (tests/test_sessions.py approves as a user).
    page = await api.client.get("/auth/device-login", params={"code": started["user_code"]})
    assert page.status_code == 303
    assert page.headers["location"].startswith("/login?next=/auth/device-login%3Fcode%3D")

    # An approver must hold the requested scopes.
    assert await decide(api, started["user_code"], await token_with(Scope.MODELS)) == 403
    assert await decide(api, started["user_code"], "dsat_" + "0" * 48) == 401
    assert await poll(api, started["device_code"]) == (400, {"detail": "authorization_pending"})
    approver = await token_with(Scope.EXPERIMENTS, Scope.READ, owner=("Ada", "ada@example.com"))
    assert await decide(api, started["user_code"].lower().replace("-", ""), approver) == 200

    status, body = await poll(api, started["device_code"])
    assert status == 200 and body["access_token"].startswith("dsat_")
    token = body["access_token"]
    status, again = await poll(api, started["device_code"])
    assert (status, again["detail"]) == (400, "authorization_expired")  # consumed: never again
    granted = await db.fetch(
        "SELECT name, scopes, owner_name, owner_email FROM access_tokens WHERE token_hash = ?",
        [hash_token(token)],
    )
    assert granted[0]["name"] == "laptop"
    assert (granted[0]["owner_name"], granted[0]["owner_email"]) == ("Ada", "ada@example.com")
    assert sorted(orjson.loads(granted[0]["scopes"])) == ["EXPERIMENTS", "READ"]


async def test_device_login_denied_expired_and_unknown(api: Api) -> None:
    denied = await start_login(api)
    row = await DeviceCode.get(user_code=denied["user_code"])
    assert sorted(orjson.loads(row.scopes)) == ["EXPERIMENTS", "MODELS", "READ"]
    assert await decide(api, denied["user_code"], api.token, "deny") == 200
    assert (await poll(api, denied["device_code"]))[1]["detail"] == "authorization_expired"
    assert await decide(api, denied["user_code"], api.token) == 400  # no longer pending

    late = await start_login(api, scopes=["MODELS"])
    await DeviceCode.filter(user_code=late["user_code"]).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    assert (await poll(api, late["device_code"]))[1]["detail"] == "authorization_expired"
    assert await poll(api, "no-such-code") == (
        400,
        {"detail": "authorization_expired", "reason": "unknown device code"},
    )
    bad = await api.client.post(
        "/api/device-login", json={"client_name": "DVC", "scopes": ["live"]}
    )
    assert bad.status_code == 400 and "live" in bad.json()["detail"]


def test_scope_mapping_and_user_codes() -> None:
    assert requested_scopes(["experiments", "DATASETS", "Models"]) == {
        Scope.EXPERIMENTS,
        Scope.READ,
        Scope.MODELS,
    }
    assert requested_scopes(None) == {Scope.EXPERIMENTS, Scope.MODELS, Scope.READ}
    with pytest.raises(ValueError):
        requested_scopes(["nope"])
    assert normalise_user_code(" bcdf ghjk ") == "BCDF-GHJK"
