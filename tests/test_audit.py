"""The audit log: every mutation, allowed or refused, recorded by its guard with its user,
token, project, arguments (secrets redacted) and result; read by site admins (everything)
and project admins (their projects'), and by nobody else."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from support import Api
from test_permissions import World, build

from schema.relay import encode_cursor, from_global_id
from storage import audit
from storage.models import AccessToken, AuditEntry
from storage.tokens import hash_token

SYNC = "mutation($id: ID!) { syncProject(id: $id) { errors { code } } }"
LOG = """query($p: ID, $first: Int, $after: String) { auditLog(projectId: $p, first: $first,
  after: $after) { totalCount pageInfo { hasNextPage endCursor }
  nodes { at user tokenId operation projectId arguments result } } }"""


@pytest.fixture
async def world(api: Api, tmp_path: Path, unique: str) -> World:
    audit.REFUSALS.clear()  # failures of earlier tests within the window would be left out
    return await build(api, tmp_path, unique)


async def token_id(world: World, who: str) -> int:
    row = await AccessToken.get(token_hash=hash_token(world.tokens[who] or ""))
    return row.id


async def test_writes_are_recorded_with_who_what_and_how_they_ended(world: World) -> None:
    project = world.ids["team-private"]["Project"]
    start = await AuditEntry.all().count()
    ok = await world.post("editor", SYNC, {"id": project})
    assert ok["data"]["syncProject"]["errors"] == []
    refused = await world.post("viewer", SYNC, {"id": project})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    hidden = await world.post("outsider", SYNC, {"id": project})
    assert hidden["data"]["syncProject"]["errors"][0]["code"] == "NOT_FOUND"
    anonymous = await world.post("anonymous", SYNC, {"id": project})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    rows = list(reversed(await AuditEntry.all().order_by("-id").limit(4)))
    _kind, db_id = from_global_id(project)
    assert [(r.user_name, r.result) for r in rows] == [
        (f"editor-{world.team[5:]}", "OK"),
        (f"viewer-{world.team[5:]}", "FORBIDDEN"),
        (f"outsider-{world.team[5:]}", "NOT_FOUND"),
        (None, "UNAUTHENTICATED"),
    ]
    assert [r.project_id for r in rows] == [db_id, None, None, None]  # only once it was seen
    assert rows[0].token_id == await token_id(world, "editor")
    assert orjson.loads(rows[0].arguments) == {"id": project}
    assert await AuditEntry.all().count() == start + 4


async def test_secrets_in_arguments_are_never_stored(world: World, api: Api) -> None:
    configure = """mutation($input: ConfigureForgeInput!) { configureForge(input: $input) {
                     errors { code } } }"""
    secret = "ghp_" + "s3cr3t" * 6
    body = await world.post("team-admin", configure, {"input": {
        "projectId": world.ids["team-private"]["Project"], "kind": "GITHUB",
        "repository": "org/repo", "token": secret}})  # fmt: skip
    assert "errors" not in body, body
    row = await AuditEntry.filter(operation="configureForge").order_by("-id").first()
    assert row is not None and secret not in row.arguments
    assert orjson.loads(row.arguments)["input"]["token"] == audit.REDACTED
    assert all(secret not in r.arguments for r in await AuditEntry.all())


async def test_remote_keys_and_webhook_urls_are_redacted(world: World) -> None:
    """configureRemote's access key id and session token, and a webhook's URL (a receiver
    token in its userinfo, path or query) never reach the log; the host does."""
    project = world.ids["team-private"]["Project"]
    settings = {
        "access_key_id": "AKIA" + "KEYID" * 3,
        "secret_access_key": "SAK" + "s3cr3t" * 4,
        "session_token": "STS" + "t0k3n" * 4,
        "endpointurl": "https://minio.example.com:9000/bucket?X-Amz-Signature=SIGSECRET",
        "region": "eu-west-1",
    }
    remote = """mutation($input: ConfigureRemoteInput!) { configureRemote(input: $input) {
                  errors { code } } }"""
    body = await world.post("team-admin", remote, {"input": {
        "projectId": project, "remote": "storage", "settings": settings}})  # fmt: skip
    assert "errors" not in body, body  # kept or refused (the endpoint's host): recorded
    hook = "https://rcv:PWSECRET@hooks.example.com/services/T0/PATHSECRET?token=QSECRET#FSECRET"
    create = """mutation($input: CreateWebhookInput!) { createWebhook(input: $input) {
                  errors { code } } }"""
    body = await world.post("team-admin", create, {"input": {
        "projectId": project, "url": hook, "events": ["RUN_FAILED"], "secret": "HMACSECRET"}})  # fmt: skip
    assert "errors" not in body, body  # created or refused (FORBIDDEN_URL): recorded either way
    rows = {
        r.operation: orjson.loads(r.arguments)
        for r in await AuditEntry.filter(
            operation__in=["configureRemote", "createWebhook"]
        ).order_by("id")
    }
    kept = rows["configureRemote"]["input"]["settings"]
    assert kept == {
        "access_key_id": audit.REDACTED,
        "secret_access_key": audit.REDACTED,
        "session_token": audit.REDACTED,
        "endpointurl": f"https://minio.example.com:9000/bucket?{audit.REDACTED}",
        "region": "eu-west-1",
    }
    r = audit.REDACTED
    assert rows["createWebhook"]["input"]["url"] == f"https://{r}@hooks.example.com/{r}?{r}#{r}"
    assert rows["createWebhook"]["input"]["secret"] == r
    keys = [settings["access_key_id"], settings["secret_access_key"], settings["session_token"]]
    leaked = [*keys, "SIGSECRET", "PWSECRET", "PATHSECRET", "QSECRET", "FSECRET"]
    assert not [s for row in await AuditEntry.all() for s in leaked if s in row.arguments]


@pytest.mark.parametrize(
    ("key", "value", "kept"),
    [
        ("repo_url", "/srv/repos/a", "/srv/repos/a"),  # a path: as it is
        ("repoUrl", "git@github.com:org/a.git", "git@github.com:org/a.git"),  # scp-like
        (
            "repo_url",
            "https://x-access-token:T@github.com/org/a.git",
            "https://[redacted]@github.com/org/a.git",
        ),
        ("api_url", "https://[::1]:8443/api/v4", "https://[::1]:8443/api/v4"),
        ("url", "https://hooks.example.com/", "https://hooks.example.com/"),
        ("url", "https://hooks.example.com:bad/x", "[redacted]"),  # no parse: nothing kept
        ("url", None, None),
        ("author", "Ada", "Ada"),
    ],
)
def test_urls_keep_their_host_and_plain_values_stay(
    key: str, value: str | None, kept: str | None
) -> None:
    assert audit.plain({key: value}) == {key: kept}


async def test_site_admins_read_everything_project_admins_their_projects(world: World) -> None:
    for who in ("editor", "team-admin", "owner"):
        for project in ("team-private", "own-private"):
            await world.post(who, SYNC, {"id": world.ids[project]["Project"]})
    team_project = world.ids["team-private"]["Project"]
    mine = await world.post("team-admin", LOG, {"p": team_project})
    entries = mine["data"]["auditLog"]["nodes"]
    assert entries and {e["projectId"] for e in entries} == {team_project}
    assert [e["operation"] for e in entries][:2] == ["syncProject", "syncProject"]
    forbidden = await world.post("editor", LOG, {"p": team_project})
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    hidden = await world.post("outsider", LOG, {"p": team_project})
    assert hidden["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    anonymous = await world.post("anonymous", LOG, {})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # without a project: the projects one administers (the owner: its own two)
    owned = await world.post("owner", LOG, {"first": 200})
    projects = {e["projectId"] for e in owned["data"]["auditLog"]["nodes"]}
    assert projects == {world.ids["own-private"]["Project"], world.ids["own-public"]["Project"]}
    editor = await world.post("editor", LOG, {})
    assert editor["data"]["auditLog"]["nodes"] == []
    everything = await world.post("site-admin", LOG, {"first": 2})
    page = everything["data"]["auditLog"]
    assert page["totalCount"] == await AuditEntry.all().count()
    assert page["pageInfo"]["hasNextPage"]
    after = await world.post(
        "site-admin", LOG, {"first": 2, "after": page["pageInfo"]["endCursor"]}
    )
    newer = [e["at"] for e in page["nodes"]]
    older = [e["at"] for e in after["data"]["auditLog"]["nodes"]]
    assert newer == sorted(newer, reverse=True) and max(older) <= min(newer)


@pytest.mark.parametrize("key", [[2**40], [-1], [True], ["x"], [1, 2]])
async def test_cursors_no_row_can_have_are_bad_input_not_a_crash(
    api: Api, key: list[object]
) -> None:
    after = encode_cursor(key)
    for query in ("query($a: String) { projects(after: $a) { totalCount } }",
                  "query($a: String) { auditLog(after: $a) { totalCount } }"):  # fmt: skip
        body = await api.gql(query, {"a": after})
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body


async def test_a_repeated_refusal_is_recorded_once_a_window(world: World) -> None:
    """A client repeating a refused mutation does not flood the log: one row per
    (operation, result, caller) per window, the next one says how many were left out."""
    project = world.ids["team-private"]["Project"]
    audit.REFUSALS.clear()
    start = await AuditEntry.all().count()
    for _ in range(5):
        refused = await world.post("viewer", SYNC, {"id": project})
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await AuditEntry.all().count() == start + 1
    clock = audit.REFUSALS.clock
    audit.REFUSALS.clock = lambda: clock() + audit.WINDOW + 1
    try:
        await world.post("viewer", SYNC, {"id": project})
    finally:
        audit.REFUSALS.clock = clock
    last = await AuditEntry.all().order_by("-id").first()
    assert last is not None and orjson.loads(last.arguments)["repeats"] == 4
    assert await AuditEntry.all().count() == start + 2


async def test_records_older_than_the_retention_are_deleted(api: Api, unique: str) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    old = await AuditEntry.create(at=now - timedelta(days=400), operation=f"old-{unique}",
                                  arguments="{}", result="OK")  # fmt: skip
    recent = await AuditEntry.create(at=now - timedelta(days=300), operation=f"new-{unique}",
                                     arguments="{}", result="OK")  # fmt: skip
    await audit.Retention(0).tick()  # 0: kept
    assert await AuditEntry.filter(id__in=[old.id, recent.id]).count() == 2
    await audit.Retention(365).tick()
    assert [r.id for r in await AuditEntry.filter(id__in=[old.id, recent.id])] == [recent.id]
