"""configureRemote's settings are secrets: sealed at rest (the raw column never holds them),
never in a GraphQL answer (Project.remotes shows key names only), never in the audit log
(its redaction of keys naming a secret, token, password or credential), and only a project's
ADMIN with an ADMIN-scope token sets them, on that project alone. Every refusal stores
nothing. (The hostile inputs of the mutation are in test_hostile_corpus.py.) A governed
project's remote never reads with the server's own cloud identity, whatever its committed
``.dvc/config`` says (remote:// chains included), and the URLs Project.remotes shows carry
no credentials or signed query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pygit2
import pytest
from support import Api

from storage import db
from storage.models import AuditEntry, RemoteSetting
from storage.sealed import Sealer
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate import RepoSpec, generate_repo
from sync.remote_files import (
    RemoteAccess,
    _Broken,
    _read_config,
    _without_ambient_identity,
    declared_remotes,
)
from sync.repo_policy import RepoPolicy
from sync.tree import GitTree

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


def _committed(tmp_path: Path, files: dict[str, str]) -> pygit2.Repository:
    """A repository whose one commit holds ``files``."""
    repo = pygit2.init_repository(str(tmp_path / "dvc-config"))
    for name, text in files.items():
        path = tmp_path / "dvc-config" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        repo.index.add(name)
    repo.index.write()
    author = pygit2.Signature("t", "t@example.com")
    repo.create_commit("HEAD", author, author, "config", repo.index.write_tree(), [])
    return repo


def _tree(repo: pygit2.Repository) -> GitTree:
    return GitTree(repo, repo.head.peel(pygit2.Commit).tree)


# The reviewer's case: the default remote refers to another (remote://), whose section
# names the server's AWS profile and credential files (inside a root the policy lets a
# repository name, so the path check passes and only the stripping stands between them).
# DVC merges b's options into a's.
CHAIN = """[core]
    remote = a
['remote "a"']
    url = remote://b/sub
['remote "b"']
    url = s3://victim-bucket
    profile = prod
    credentialpath = {root}/credentials
    configpath = {root}/config
"""


def _access(tmp_path: Path, governed: bool = True, **settings: str) -> RemoteAccess:
    policy = RepoPolicy.build([tmp_path / "aws"], tmp_path / "data", [], False)
    return RemoteAccess(
        str(tmp_path / "cache"), settings={"": settings}, policy=policy if governed else None
    )


def _chain(tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "aws").mkdir()
    text = CHAIN.format(root=tmp_path / "aws")
    return _read_config(_tree(_committed(tmp_path, {".dvc/config": text})), "")


def test_a_remote_chain_never_lends_the_server_its_aws_identity(tmp_path: Path) -> None:
    config = _chain(tmp_path)
    # the operator's own project: DVC's merge, untouched (the chain is real)
    _cls, kwargs, base = _access(tmp_path, governed=False).fs_arguments(config, "a")
    assert kwargs["profile"] == "prod" and base == "victim-bucket/sub"
    # governed: what the read would use has no profile, no files, and is anonymous
    cls, kwargs, base = _access(tmp_path).fs_arguments(config, "a")
    assert base == "victim-bucket/sub"
    assert not {"profile", "credentialpath", "configpath"} & set(kwargs)
    assert kwargs["allow_anonymous_login"] is True
    fs = cls(**kwargs)
    assert fs.fs_args["anon"] is True and "profile" not in fs.fs_args


def test_keys_configured_for_a_chained_remote_sign_its_reads(tmp_path: Path) -> None:
    config = _chain(tmp_path)
    access = _access(tmp_path, access_key_id="AKIACONFIGURED", secret_access_key="s3cret")
    cls, kwargs, _base = access.fs_arguments(config, "a")
    assert kwargs["access_key_id"] == "AKIACONFIGURED" and not kwargs["allow_anonymous_login"]
    assert "profile" not in kwargs
    fs = cls(**kwargs)
    assert fs.fs_args["key"] == "AKIACONFIGURED" and not fs.fs_args.get("anon")


def test_half_a_key_pair_reads_anonymously(tmp_path: Path) -> None:
    """A key id without its secret would make boto look for the rest in the server's
    environment: the read is anonymous instead, and the half key is not sent."""
    config = _chain(tmp_path)
    access = _access(tmp_path, access_key_id="AKIAHALF", session_token="t")
    _cls, kwargs, _base = access.fs_arguments(config, "a")
    assert kwargs["allow_anonymous_login"] is True
    assert not {"access_key_id", "session_token"} & set(kwargs)


@pytest.mark.parametrize(
    ("protocol", "given", "expected"),
    [
        ("gs", {"credentialpath": "/srv/sa.json"}, {"allow_anonymous_login": True}),
        ("azure", {"account_name": "acct"}, {"account_name": "acct", "allow_anonymous_login": True}),
        ("azure", {"account_name": "a", "sas_token": "sv=1"}, {"account_name": "a", "sas_token": "sv=1"}),
        ("azure", {"client_secret": "s"}, {"client_secret": "s", "allow_anonymous_login": True}),
        ("http", {"auth": "basic", "user": "u", "password": "p"}, {"auth": "basic", "user": "u", "password": "p"}),
        ("webdav", {"bearer_token_command": "id", "cert_path": "/srv/c"}, {}),
    ],
)  # fmt: skip
def test_every_scheme_drops_the_servers_identity(
    protocol: str, given: dict[str, str], expected: dict[str, object]
) -> None:
    assert _without_ambient_identity(protocol, given) == expected


@pytest.mark.parametrize("protocol", ["ssh", "hdfs", "webhdfs", "gdrive"])
def test_schemes_that_sign_as_the_server_are_not_read(protocol: str) -> None:
    with pytest.raises(_Broken, match=f"does not read {protocol}"):
        _without_ambient_identity(protocol, {"password": "p"})


def test_a_committed_config_local_is_not_read(tmp_path: Path) -> None:
    local = "['remote \"a\"']\n    url = s3://elsewhere\n    access_key_id = AKIALEAKED\n"
    files = {".dvc/config": "[core]\n    remote = a\n['remote \"a\"']\n    url = s3://b\n"}
    repo = _committed(tmp_path, {**files, ".dvc/config.local": local})
    assert _read_config(_tree(repo), "")["remote"] == {"a": {"url": "s3://b"}}


def test_remote_urls_shown_carry_no_credentials_or_signed_query(tmp_path: Path) -> None:
    urls = {
        "sas": "azure://box/dir?sv=2024&sig=SIGNATURE#frag",
        "signed": "https://alice:pw@host.example:8443/dvc?X-Amz-Credential=CRED&X-Amz-Signature=S",
        "plain": "s3://bucket/path",
        "local": "/srv/dvc?x=SECRET",
        "chain": "remote://sas/sub",
    }
    text = "[core]\n    remote = plain\n" + "".join(
        f"['remote \"{name}\"']\n    url = {url}\n" for name, url in urls.items()
    )
    repo = _committed(tmp_path, {".dvc/config": text})
    default, shown = declared_remotes(Path(repo.path), None, "")
    assert default == "plain"
    assert shown == {
        "sas": "azure://box/dir",
        "signed": "https://host.example:8443/dvc",
        "plain": "s3://bucket/path",
        "local": "/srv/dvc",
        "chain": "remote://sas/sub",
    }
