"""clientMutationId: a retried write mutation (same token, same mutation, same id) returns
the first result and writes nothing again, also when the retry races the original; the same
id for a different request is refused; a failed request keeps no record."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pygit2
from support import Api

from storage.models import AccessToken, MutationRecord, Project
from sync.generate import RepoSpec, generate_repo
from sync.generate_registry import RegistrySpec, generate_registry

CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id name } errors { code field } clientMutationId } }"""
DELETE = """mutation($id: ID!, $key: String) { deleteProject(id: $id, clientMutationId: $key) {
  project { id name } errors { code field } clientMutationId } }"""
TOKEN = """mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
  accessToken { id name } token errors { code field } clientMutationId } }"""
ASSIGN = """mutation($input: StageInput!) { assignStage(input: $input) {
  tag errors { code field } clientMutationId } }"""
VERSIONS = """query($name: String!) { project(name: $name) { model(name: "model-0") {
  versions { version active stages } } } }"""


async def call(api: Api, query: str, field: str, **variables: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (await api.data(query, variables))[field]
    return payload


async def test_create_and_delete_project_are_idempotent(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    fields = {"repoUrl": str(repo), "name": f"once-{unique}", "clientMutationId": f"c-{unique}"}
    first, second = await asyncio.gather(
        *(call(api, CREATE, "createProject", input=fields) for _ in range(2))
    )
    third = await call(api, CREATE, "createProject", input=fields)
    assert first["errors"] == [] and first["clientMutationId"] == f"c-{unique}"
    assert first == second == third, "a retry is answered, not refused as DUPLICATE"
    assert await Project.filter(name=f"once-{unique}").count() == 1
    # another project under the same key is a different request
    other = await call(api, CREATE, "createProject", input={**fields, "name": f"other-{unique}"})
    assert other["errors"] == [{"code": "INVALID", "field": "clientMutationId"}]
    assert not await Project.exists(name=f"other-{unique}")

    pid = first["project"]["id"]
    gone = [await call(api, DELETE, "deleteProject", id=pid, key=f"d-{unique}") for _ in "ab"]
    assert gone[0]["errors"] == [] and gone[0] == gone[1], "the retry sees the same deletion"
    assert not await Project.exists(name=f"once-{unique}")
    unkeyed = await call(api, DELETE, "deleteProject", id=pid, key=None)
    assert unkeyed["errors"] == [{"code": "NOT_FOUND", "field": "id"}]


async def test_access_token_is_minted_once(api: Api, unique: str) -> None:
    fields = {"name": f"ci-{unique}", "scopes": ["READ"], "clientMutationId": f"t-{unique}"}
    first, second = await asyncio.gather(
        *(call(api, TOKEN, "createAccessToken", input=fields) for _ in range(2))
    )
    assert first["errors"] == [] and first["token"].startswith("dsat_")
    assert first == second, "the retry gets the same token and secret"
    assert await AccessToken.filter(name=f"ci-{unique}").count() == 1
    [record] = await MutationRecord.filter(client_mutation_id=f"t-{unique}")
    assert record.result is not None and first["token"] not in record.result, "kept sealed"
    works = await api.client.post(
        "/graphql",
        json={"query": "{ projects { totalCount } }"},
        headers={"Authorization": f"token {first['token']}"},
    )
    assert works.status_code == 200 and "errors" not in works.json()

    # a day later the key is forgotten: the same request mints a new token
    await MutationRecord.filter(id=record.id).update(created_at=record.created_at - 86_401)
    later = await call(api, TOKEN, "createAccessToken", input=fields)
    assert later["errors"] == [] and later["token"] != first["token"]
    # revoking a token drops the sealed secret kept to replay its creation
    revoke = "mutation($id: ID!) { revokeAccessToken(id: $id) { errors { code } } }"
    assert (await api.data(revoke, {"id": later["accessToken"]["id"]}))["revokeAccessToken"] == {
        "errors": []
    }
    assert not await MutationRecord.exists(client_mutation_id=f"t-{unique}")


async def test_registry_write_is_idempotent(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "registry"
    generate_registry(repo, RegistrySpec(models=1, versions=2, seed=3, allowed_stages=True))
    project = await api.create_project(repo, f"reg-once-{unique}")
    found = await api.data(VERSIONS, {"name": f"reg-once-{unique}"})
    version = next(
        v["version"]
        for v in found["project"]["model"]["versions"]
        if v["active"] and "prod" not in v["stages"]
    )
    fields = {
        "projectId": project["id"],
        "model": "model-0",
        "version": version,
        "stage": "prod",
        "clientMutationId": f"r-{unique}",
    }
    before = set(pygit2.Repository(str(repo)).references)
    results = await asyncio.gather(
        *(call(api, ASSIGN, "assignStage", input=fields) for _ in range(3))
    )
    assert results[0]["errors"] == [] and all(r == results[0] for r in results)
    added = set(pygit2.Repository(str(repo)).references) - before
    assert added == {f"refs/tags/{results[0]['tag']}"}, "one tag, not three"
    unkeyed = await call(api, ASSIGN, "assignStage", input={**fields, "clientMutationId": None})
    assert unkeyed["errors"] == [{"code": "CONFLICT", "field": "stage"}]  # already in prod


RUN = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  commit { sha } branch errors { code } clientMutationId } }"""


async def test_a_write_whose_client_went_away_completes_once(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """The client disconnects while the push runs (its request is cancelled): the write
    completes anyway and the retry under the same key gets it, not a second commit."""
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    served = tmp_path / "served.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(served)], check=True)
    # A slow remote: the push waits in the hook until the test has cancelled the request.
    waiting, go_on = tmp_path / "push-waiting", tmp_path / "push-go-on"
    hook = served / "hooks" / "pre-receive"
    hook.write_text(
        f"#!/bin/sh\ncat >/dev/null\ntouch {waiting}\ni=0\n"
        f"while [ ! -e {go_on} ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done\n"
    )
    hook.chmod(0o755)
    pid = (await api.create_project(served, f"gone-{unique}"))["id"]
    main = str(pygit2.Repository(str(served)).branches["main"].target)
    fields = {
        "projectId": pid,
        "baseRev": "main",
        "target": "COMMIT",
        "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.7}],
        "clientMutationId": f"gone-{unique}",
    }
    first = asyncio.create_task(call(api, RUN, "runExperiment", input=fields))
    deadline = asyncio.get_running_loop().time() + 30
    while not waiting.exists():  # the cancel lands mid-push
        assert asyncio.get_running_loop().time() < deadline, "the push never reached the hook"
        await asyncio.sleep(0.02)
    first.cancel()
    go_on.touch()
    retry = await call(api, RUN, "runExperiment", input=fields)
    assert retry["errors"] == [] and retry["branch"] == "main"
    tip = pygit2.Repository(str(served)).get(retry["commit"]["sha"])
    assert isinstance(tip, pygit2.Commit) and [str(p) for p in tip.parent_ids] == [main]
    assert str(pygit2.Repository(str(served)).branches["main"].target) == str(tip.id)
