"""The REST writes in the audit log (gitstudio/audit_rest.py), over HTTP on SQLite and
PostgreSQL: each route records exactly the rows it should (operation, user, token, project,
result), never a secret (a login's password, a device login's tokens, metrics), never a
DVCLive data event nor a pending poll; refusals are recorded, at most once a window per
caller, operation and result, with the repeats counted in the next row."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import orjson
from live_support import event, new_project, rows, state_of
from support import Api, git

from gitstudio.app import create_app
from gitstudio.audit_rest import RestAudit
from schema.relay import from_global_id
from storage.models import AccessToken, AuditEntry, DeviceCode, LoginFailure, User
from storage.tokens import Scope, create_token, hash_token
from storage.users import create_user
from sync import scheduling
from sync.generate import RepoSpec, generate_repo

PASSWORD = "correct horse battery staple"
SECRET = "forge-s3cret"


@dataclass
class Caller:
    user: User
    token: str
    token_id: int

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}


async def caller(name: str, *scopes: Scope) -> Caller:
    user = await create_user(name, password=PASSWORD)
    row, token = await create_token(f"{name}-token", frozenset(scopes), None, user.id)
    return Caller(user, token, row.id)


async def own_project(api: Api, tmp: Path, name: str, owner: Caller) -> tuple[Path, int, str]:
    """A generated repository made a project of ``owner`` (POST /api/create-project):
    (repository, project id, main's sha)."""
    repo = tmp / name
    generate_repo(repo, RepoSpec(commits=2, branches=("main",), exps_per_commit=0,
                                 gto_tags=False, extra_formats=False))  # fmt: skip
    made = await api.client.post(
        "/api/create-project", json={"repo_url": str(repo), "name": name}, headers=owner.headers
    )
    assert made.status_code == 200, made.text
    project_id = from_global_id(made.json()["projects"][0]["id"])[1]
    return repo, int(project_id), git(repo, "rev-parse", "main")


async def last_id() -> int:
    row = await AuditEntry.all().order_by("-id").first()
    return row.id if row is not None else 0


async def since(start: int, operation: str | None = None) -> list[AuditEntry]:
    query = AuditEntry.filter(id__gt=start)
    if operation is not None:
        query = query.filter(operation=operation)
    return list(await query.order_by("id"))


def brief(row: AuditEntry) -> tuple[Any, ...]:
    return (row.operation, row.user_id, row.token_id, row.project_id, row.result)


@asynccontextmanager
async def client(app: Any, address: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of ``app`` from ``address`` (the key of anonymous refusals)."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


def app_of(api: Api) -> Any:
    return api.client._transport.app  # type: ignore[attr-defined]


class Clock:
    """The time the refusal bound reads, moved by the test (no sleeping)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@contextmanager
def fresh_audit(api: Api, **bounds: Any) -> Iterator[Clock]:
    """The session app's REST audit replaced by one of its own (bounds, a clock the test
    moves), so that earlier tests' refusals count for nothing here."""
    state = state_of(api)
    saved, state.audit = state.audit, RestAudit(**bounds)
    clock = state.audit.repeats.clock = Clock()
    try:
        yield clock
    finally:
        state.audit = saved


async def settle() -> None:
    await asyncio.gather(*list(scheduling.RUNNING))


# -- create-project -------------------------------------------------------------------------


async def test_create_project_records_each_outcome(api: Api, tmp_path: Path, unique: str) -> None:
    maker = await caller(f"maker-{unique}", Scope.PROJECTS)
    reader = await caller(f"reader-{unique}", Scope.READ)
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    # not PUBLIC: tests/security's anonymous probes of low ids expect to see no project
    body = {"repo_url": str(repo), "name": f"made-{unique}", "public": False}
    start = await last_id()
    with fresh_audit(api):
        made = await api.client.post("/api/create-project", json=body, headers=maker.headers)
        again = await api.client.post("/api/create-project", json=body, headers=maker.headers)
        refused = await api.client.post("/api/create-project", json=body, headers=reader.headers)
        async with client(app_of(api), f"10.20.{int(unique[:2], 16)}.1") as anonymous:
            nobody = await anonymous.post("/api/create-project", json=body)
    assert made.status_code == 200 and again.status_code == 409, again.text
    assert (refused.status_code, nobody.status_code) == (403, 401)
    project_id = from_global_id(made.json()["projects"][0]["id"])[1]
    operation = "POST /api/create-project"
    found = await since(start)
    assert [brief(r) for r in found] == [
        (operation, maker.user.id, maker.token_id, project_id, "OK"),
        (operation, maker.user.id, maker.token_id, None, "DUPLICATE"),
        (operation, reader.user.id, reader.token_id, None, "FORBIDDEN"),
        (operation, None, None, None, "UNAUTHENTICATED"),
    ]
    assert found[0].user_name == maker.user.name
    assert orjson.loads(found[0].arguments) == {
        "repo_url": str(repo), "name": f"made-{unique}", "subdir": None, "team_name": None,
        "public": False,
    }  # fmt: skip


# -- POST /api/live -------------------------------------------------------------------------


async def test_live_records_start_and_done_never_data_nor_metrics(
    api: Api, tmp_path: Path, unique: str
) -> None:
    name = f"live-audit-{unique}"
    runner = await caller(f"runner-{unique}", Scope.EXPERIMENTS, Scope.PROJECTS)
    repo, pid, baseline = await own_project(api, tmp_path, name, runner)
    secret_metric = f"metric-{unique}"
    base = (str(repo), baseline, "quiet-run")
    start = await last_id()
    with fresh_audit(api):
        for body in (
            event("start", *base),
            *[event("data", *base, step=s, metrics={"m.json": {"data": {secret_metric: s}}},
                    plots=rows("loss", (s, 0.5))) for s in range(3)],
            event("done", *base, metrics={"m.json": {"data": {secret_metric: 9}}}),
        ):  # fmt: skip
            response = await api.client.post("/api/live", json=body, headers=runner.headers)
            assert response.status_code == 200, response.text
    found = await since(start)
    assert [brief(r) for r in found] == [
        ("POST /api/live", runner.user.id, runner.token_id, pid, "OK"),
        ("POST /api/live", runner.user.id, runner.token_id, pid, "OK"),
    ]
    assert [orjson.loads(r.arguments)["type"] for r in found] == ["start", "done"]
    assert orjson.loads(found[0].arguments) == {
        "type": "start", "repo_url": str(repo), "baseline_sha": baseline, "name": "quiet-run",
        "client": "dvclive",
    }  # fmt: skip
    assert all(secret_metric not in r.arguments for r in found)


async def test_live_refusals_are_recorded_once_a_window_with_their_repeats(
    api: Api, tmp_path: Path, unique: str
) -> None:
    name = f"live-refused-{unique}"
    repo, _pid, baseline = await new_project(api, tmp_path, name)
    reader = await caller(f"live-reader-{unique}", Scope.READ)
    runner = await caller(f"live-runner-{unique}", Scope.EXPERIMENTS)
    data = event("data", str(repo), baseline, "r", step=1)
    unknown = event("data", "https://example.com/none.git", baseline, "r", step=1)
    address = f"10.21.{int(unique[:2], 16)}.7"
    start = await last_id()
    with fresh_audit(api) as clock:
        async with client(app_of(api), address) as http:
            for _ in range(5):  # DVCLive posting each step with the wrong token
                assert (await http.post("/api/live", json=data, headers=reader.headers)).status_code == 403  # fmt: skip
                assert (await http.post("/api/live", json=unknown, headers=runner.headers)).status_code == 404  # fmt: skip
                bad = {"Authorization": "token dsat_" + "0" * 48}
                assert (await http.post("/api/live", json=data, headers=bad)).status_code == 401
            first = await since(start)
            clock.now += 61
            assert (await http.post("/api/live", json=data, headers=reader.headers)).status_code == 403  # fmt: skip
    assert [brief(r) for r in first] == [
        ("POST /api/live", reader.user.id, reader.token_id, None, "FORBIDDEN"),
        ("POST /api/live", runner.user.id, runner.token_id, None, "NOT_FOUND"),
        ("POST /api/live", None, None, None, "UNAUTHENTICATED"),
    ]
    later = (await since(start))[len(first) :]
    assert [brief(r) for r in later] == [
        ("POST /api/live", reader.user.id, reader.token_id, None, "FORBIDDEN")
    ]
    assert orjson.loads(later[0].arguments)["repeats"] == 4  # the four not recorded before
    assert "repeats" not in orjson.loads(first[0].arguments)


async def test_refusal_keys_are_bounded_past_them_one_shared_row(api: Api, unique: str) -> None:
    """A flood from many addresses: at most ``max_keys`` rows and one more per window."""
    bad = {"Authorization": "token dsat_" + "1" * 48}
    start = await last_id()
    with fresh_audit(api, max_keys=2):
        for host in range(6):
            async with client(app_of(api), f"10.22.{int(unique[:2], 16)}.{host}") as http:
                for _ in range(2):
                    response = await http.post("/api/create-project", json={}, headers=bad)
                    assert response.status_code == 401
    found = await since(start)
    assert [brief(r) for r in found] == [("POST /api/create-project", None, None, None,
                                          "UNAUTHENTICATED")] * 3  # fmt: skip


# -- webhooks ------------------------------------------------------------------------------------


async def test_dvc_webhook_records_the_sync_of_each_project(
    api: Api, tmp_path: Path, unique: str
) -> None:
    name = f"hook-audit-{unique}"
    pusher = await caller(f"pusher-{unique}", Scope.EXPERIMENTS, Scope.PROJECTS)
    repo, pid, _baseline = await own_project(api, tmp_path, name, pusher)
    body = {"repo_url": str(repo), "client": "dvc", "refs": {"pushed": ["refs/exps/a/b/c"]}}
    start = await last_id()
    with fresh_audit(api):
        ok = await api.client.post("/webhook/dvc", json=body, headers=pusher.headers)
        missing = {**body, "repo_url": "https://example.com/x/unknown.git"}
        gone = await api.client.post("/webhook/dvc", json=missing, headers=pusher.headers)
    await settle()
    assert (ok.status_code, gone.status_code) == (200, 404)
    found = await since(start)
    assert [brief(r) for r in found] == [
        ("POST /webhook/dvc", pusher.user.id, pusher.token_id, pid, "OK"),
        ("POST /webhook/dvc", pusher.user.id, pusher.token_id, None, "NOT_FOUND"),
    ]
    assert orjson.loads(found[0].arguments) == {"repo_url": str(repo), "refs": body["refs"]}


async def test_forge_webhooks_record_each_project_synced_without_a_user(
    api: Api, tmp_path: Path, unique: str
) -> None:
    name = f"forge-audit-{unique}"
    repo, pid, _baseline = await new_project(api, tmp_path, name)
    app = create_app(replace(api.settings, github_webhook_secret=SECRET))
    url = f"file://{repo}/"
    push = json.dumps({"ref": "refs/heads/main", "repository": {"clone_url": url}}).encode()
    elsewhere = json.dumps({"repository": {"clone_url": "https://example.com/a.git"}}).encode()

    def signed(body: bytes) -> dict[str, str]:
        return {"X-Hub-Signature-256": "sha256=" + hmac.new(
            SECRET.encode(), body, hashlib.sha256).hexdigest()}  # fmt: skip

    start = await last_id()
    async with client(app, f"10.23.{int(unique[:2], 16)}.1") as forge:
        assert (await forge.post("/webhooks/github", content=push, headers=signed(push))).status_code == 202  # fmt: skip
        assert (await forge.post("/webhooks/github", content=elsewhere, headers=signed(elsewhere))).status_code == 202  # fmt: skip
        for _ in range(3):
            wrong = {"X-Hub-Signature-256": "sha256=" + "0" * 64}
            assert (await forge.post("/webhooks/github", content=push, headers=wrong)).status_code == 401  # fmt: skip
    await settle()
    found = await since(start)
    assert [brief(r) for r in found] == [
        ("POST /webhooks/github", None, None, pid, "OK"),  # the unknown repository: no row
        ("POST /webhooks/github", None, None, None, "UNAUTHENTICATED"),  # once, not thrice
    ]
    assert orjson.loads(found[0].arguments) == {"repositories": [url]}


# -- device login ---------------------------------------------------------------------------


async def test_device_login_records_decisions_and_the_token_minted_never_a_secret(
    api: Api, unique: str
) -> None:
    approver = await caller(f"approver-{unique}", Scope.EXPERIMENTS, Scope.READ, Scope.MODELS)
    weak = await caller(f"weak-{unique}", Scope.MODELS)
    start = await last_id()
    with fresh_audit(api):
        async with client(app_of(api), f"10.24.{int(unique[:2], 16)}.1") as dvc:
            started = (await dvc.post("/api/device-login", json={
                "client_name": "DVC", "token_name": "laptop", "scopes": ["EXPERIMENTS"]})).json()  # fmt: skip
            code, device_code = started["user_code"], started["device_code"]
            pending = await dvc.post("/api/device-login/token", json={"code": device_code})
            assert pending.json() == {"detail": "authorization_pending"}
            form = {"user_code": code, "action": "approve"}
            refused = await dvc.post("/auth/device-login", data={**form, "token": weak.token})
            assert refused.status_code == 403
            approved = await dvc.post("/auth/device-login", data={**form, "token": approver.token})
            assert approved.status_code == 200
            minted = await dvc.post("/api/device-login/token", json={"code": device_code})
            secret = minted.json()["access_token"]
            again = await dvc.post("/api/device-login/token", json={"code": device_code})
            assert again.json()["detail"] == "authorization_expired"
            other = (await dvc.post("/api/device-login", json={"client_name": "VS"})).json()
            denied = await dvc.post("/auth/device-login", data={
                "user_code": other["user_code"], "action": "deny", "token": approver.token})  # fmt: skip
            assert denied.status_code == 200
    new = await AccessToken.get(token_hash=hash_token(secret))
    login = (await DeviceCode.get(user_code=code)).id
    found = await since(start)
    assert [brief(r) for r in found] == [
        ("device-login approve", weak.user.id, weak.token_id, None, "FORBIDDEN"),
        ("device-login approve", approver.user.id, approver.token_id, None, "OK"),
        ("device-login token", approver.user.id, approver.token_id, None, "OK"),
        ("device-login deny", approver.user.id, approver.token_id, None, "OK"),
    ]
    assert orjson.loads(found[1].arguments) == {
        "login": login, "client_name": "DVC", "name": "laptop", "scopes": ["EXPERIMENTS"]}  # fmt: skip
    assert orjson.loads(found[2].arguments) == {
        "login": login, "client_name": "DVC", "name": "laptop", "scopes": ["EXPERIMENTS"],
        "id": new.id}  # fmt: skip
    for secret_text in (secret, device_code, code, other["user_code"], approver.token, weak.token):
        assert all(secret_text not in r.arguments for r in await AuditEntry.all())


# -- sign-ins ------------------------------------------------------------------------------------


async def test_sign_ins_failures_and_logout_are_recorded_never_the_password(
    api: Api, unique: str
) -> None:
    app = create_app(replace(api.settings, login_max_failures=2))
    person = await caller(f"person-{unique}", Scope.READ)
    name = person.user.name
    wrong = f"wrong-{unique}-password"
    start = await last_id()
    async with client(app, f"10.25.{int(unique[:2], 16)}.1") as browser:
        assert (await browser.post("/login", json={"name": name, "password": wrong})).status_code == 401  # fmt: skip
        form = {"name": name, "password": wrong}
        assert (await browser.post("/login", data=form)).status_code == 401
        for _ in range(3):  # throttled now: one row, not three
            throttled = await browser.post("/login", json={"name": name, "password": PASSWORD})
            assert throttled.status_code == 429
        async with client(app, f"10.25.{int(unique[:2], 16)}.2") as other:
            # the name's failures forgotten (a window later): its right password signs in
            await LoginFailure.filter(key=f"name:{name.lower()}").delete()
            signed = await other.post("/login", json={"name": name, "password": PASSWORD})
            assert signed.status_code == 200, signed.text
            csrf = signed.json()["csrf_token"]
            assert (await other.post("/logout", headers={"X-CSRF-Token": csrf})).status_code == 204
            assert (await other.post("/logout")).status_code == 204  # no session: nothing
    found = await since(start)
    assert [brief(r) for r in found] == [
        ("POST /login", None, None, None, "INVALID_CREDENTIALS"),
        ("POST /login", None, None, None, "INVALID_CREDENTIALS"),
        ("POST /login", None, None, None, "LOGIN_THROTTLED"),
        ("POST /login", person.user.id, None, None, "OK"),
        ("POST /logout", person.user.id, None, None, "OK"),
    ]
    assert [orjson.loads(r.arguments) for r in found[:4]] == [{"name": name}] * 4
    assert all(wrong not in r.arguments and PASSWORD not in r.arguments for r in found)
    assert found[3].user_name == name
    assert all(PASSWORD not in r.arguments for r in await AuditEntry.all())
