"""configureRemote's settings are secrets: sealed at rest (the raw column never holds them),
never in a GraphQL answer (Project.remotes shows key names only), never in the audit log
(its redaction of keys naming a secret, token, password or credential), and only a project's
ADMIN with an ADMIN-scope token sets them, on that project alone. Every refusal stores
nothing. (The hostile inputs of the mutation are in test_hostile_corpus.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from support import Api

from storage import db
from storage.models import AuditEntry, RemoteSetting
from storage.sealed import Sealer
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate import RepoSpec, generate_repo

CONFIGURE = """mutation($input: ConfigureRemoteInput!) {
  configureRemote(input: $input) { remote { name keys configured } errors { code message field } } }"""
REMOTES = "query($id: ID!) { node(id: $id) { ... on Project { remotes { name url keys } } } }"
LOG = """query($p: ID) { auditLog(projectId: $p, first: 50) { nodes { operation arguments result } } }"""
VISIBILITY = """mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  errors { code } } }"""


def _repo(tmp_path: Path, name: str) -> Path:
    repo = tmp_path / name
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    return repo


async def _stored(project_id: str) -> list[RemoteSetting]:
    from schema.relay import decode_id

    return await RemoteSetting.filter(project_id=decode_id(project_id, "Project"))


async def test_the_secret_is_sealed_and_never_shown_or_logged(
    api: Api, tmp_path: Path, unique: str
) -> None:
    project = await api.create_project(_repo(tmp_path, "sealed"), f"sealed-{unique}")
    secret = f"wJalrXUtnFEMI-{unique}-EXAMPLEKEY"
    key_id = f"AKIA{unique.upper()}"
    settings = {"access_key_id": key_id, "secret_access_key": secret, "region": "eu-west-1"}
    answer = await api.gql(CONFIGURE, {"input": {"projectId": project["id"], "settings": settings}})
    assert answer["data"]["configureRemote"] == {
        "remote": {
            "name": "",
            "keys": ["access_key_id", "region", "secret_access_key"],
            "configured": True,
        },
        "errors": [],
    }
    shown = await api.gql(REMOTES, {"id": project["id"]})
    assert shown["data"]["node"]["remotes"] == [
        {"name": "", "url": None, "keys": ["access_key_id", "region", "secret_access_key"]}
    ]
    log = await api.gql(LOG, {"p": project["id"]})
    (entry,) = [e for e in log["data"]["auditLog"]["nodes"] if e["operation"] == "configureRemote"]
    assert entry["arguments"]["input"]["settings"]["secret_access_key"] == ("[redacted]")
    assert entry["arguments"]["input"]["settings"]["access_key_id"] == ("[redacted]")
    for body in (answer, shown, log):
        assert secret not in orjson.dumps(body).decode()
        assert key_id not in orjson.dumps(body).decode()
    assert not await AuditEntry.filter(arguments__contains=secret).exists()
    assert not await AuditEntry.filter(arguments__contains=key_id).exists()
    # at rest: the raw column holds a Fernet token, which the server's key opens
    (row,) = await _stored(project["id"])
    raw = await db.fetch("SELECT sealed FROM remote_settings WHERE id = ?", [row.id])
    assert secret not in raw[0]["sealed"] and key_id not in raw[0]["sealed"]
    opened = Sealer(api.settings.secret_key, api.settings.data_dir).open(raw[0]["sealed"])
    assert orjson.loads(opened) == settings
    # cleared with empty settings
    cleared = await api.gql(CONFIGURE, {"input": {"projectId": project["id"], "settings": {}}})
    assert cleared["data"]["configureRemote"]["errors"] == []
    assert await _stored(project["id"]) == []


async def _user_token(unique: str) -> str:
    user = await create_user(f"remote-admin-{unique}")
    _row, token = await create_token("remote", frozenset({Scope.ADMIN}), user_id=user.id)
    return token


async def test_a_project_admin_configures_its_own_project_only(
    api: Api, tmp_path: Path, unique: str
) -> None:
    token = await _user_token(unique)
    created = await api.gql(
        """mutation($input: CreateProjectInput!) { createProject(input: $input) {
             project { id } errors { code } } }""",
        {"input": {"repoUrl": str(_repo(tmp_path, "mine")), "name": f"mine-{unique}"}},
        token=token,
    )
    mine = created["data"]["createProject"]["project"]["id"]
    theirs = (await api.create_project(_repo(tmp_path, "theirs"), f"theirs-{unique}"))["id"]
    settings = {"access_key_id": "AKIAOTHER", "secret_access_key": "other-secret"}

    async def configure(project_id: str) -> list[str]:
        """The codes of the answer: the request's errors, else the payload's."""
        body = await api.gql(
            CONFIGURE, {"input": {"projectId": project_id, "settings": settings}}, token=token
        )
        if body.get("errors"):
            assert body["data"] is None
            return [e["extensions"]["code"] for e in body["errors"]]
        payload: dict[str, Any] = body["data"]["configureRemote"]
        assert (payload["remote"] is None) == bool(payload["errors"])
        return [e["code"] for e in payload["errors"]]

    # a private project it may not read: as if missing
    assert await configure(theirs) == ["NOT_FOUND"]
    public = await api.gql(VISIBILITY, {"input": {"id": theirs, "visibility": "PUBLIC"}})
    assert public["data"]["updateProject"]["errors"] == []
    # readable now, and still not its to configure
    assert await configure(theirs) == ["FORBIDDEN"]
    assert await _stored(theirs) == []
    assert await configure(mine) == []
    assert len(await _stored(mine)) == 1
