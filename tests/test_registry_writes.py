"""Registry mutations: the tags gitstudio writes are the tags gto would write, read back by
the real gto; bad requests are refused with a code and write nothing; a remote gets the tag
by push, and a refused push leaves no tag anywhere; concurrent writers never share a counter.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pygit2
import pytest
from registry_support import GTO, assert_same_as_gto, gto, project_id
from support import Api

from gitstudio.app import State
from storage.events import decode, registry_channel
from storage.tokens import Scope, create_token
from sync.generate_registry import RegistrySpec, generate_registry

PAYLOAD = "tag errors { code message field } model { name latestVersion { version } }"

REGISTER = f"""mutation($input: RegisterModelVersionInput!) {{
  registerModelVersion(input: $input) {{ {PAYLOAD} }} }}"""
ASSIGN = f"""mutation($input: StageInput!) {{ assignStage(input: $input) {{ {PAYLOAD} }} }}"""
UNASSIGN = f"""mutation($input: StageInput!) {{ unassignStage(input: $input) {{ {PAYLOAD} }} }}"""
DEREGISTER = f"""mutation($input: DeregisterModelVersionInput!) {{
  deregisterModelVersion(input: $input) {{ {PAYLOAD} }} }}"""
DEPRECATE = f"""mutation($input: DeprecateModelInput!) {{
  deprecateModel(input: $input) {{ {PAYLOAD} }} }}"""


def tags_of(repo: Path) -> set[str]:
    git = pygit2.Repository(str(repo))
    return {r[len("refs/tags/") :] for r in git.references if r.startswith("refs/tags/")}


async def run(api: Api, mutation: str, **fields: Any) -> dict[str, Any]:
    body = await api.data(mutation, {"input": fields})
    payload: dict[str, Any] = next(iter(body.values()))
    return payload


@pytest.fixture
async def registry(api: Api, tmp_path: Path, unique: str) -> tuple[Path, str, str]:
    repo = tmp_path / "registry"
    generate_registry(repo, RegistrySpec(models=2, versions=2, seed=7, allowed_stages=True))
    project = await api.create_project(repo, f"w-{unique}")
    return repo, f"w-{unique}", project["id"]


async def test_each_action_writes_gtos_tag(api: Api, registry: tuple[Path, str, str]) -> None:
    repo, name, pid = registry
    done = await run(api, REGISTER, projectId=pid, model="model-0", rev="main", bump="MINOR")
    assert done["errors"] == []
    assert done["tag"] == "model-0@v1.1.0"  # latest v1.0.0, minor bump, simple name
    assert done["model"]["latestVersion"]["version"] == "v1.1.0"
    event = gto(repo, "check-ref", done["tag"])
    assert event["event"] == "registration" and event["version"] == "v1.1.0"
    assert event["message"] == "Registering artifact model-0 version v1.1.0"
    assert event["author"] == "gitstudio"

    counters = [
        int(t.rsplit("#", 1)[1]) for t in tags_of(repo) if t.startswith("model-0") and "#" in t
    ]
    assigned = await run(
        api, ASSIGN, projectId=pid, model="model-0", version="v1.1.0", stage="prod"
    )
    assert assigned["tag"] == f"model-0#prod#{max(counters) + 1}"
    assert gto(repo, "show")["model-0"]["stage"]["prod"] == "v1.1.0"
    await assert_same_as_gto(api, repo, name)

    unassigned = await run(
        api, UNASSIGN, projectId=pid, model="model-0", version="v1.1.0", stage="prod"
    )
    assert unassigned["tag"] == f"model-0#prod!#{max(counters) + 2}"
    gone = await run(api, DEREGISTER, projectId=pid, model="model-0", version="v1.1.0")
    assert gone["tag"] == "model-0@v1.1.0!"
    assert gone["model"]["latestVersion"]["version"] == "v1.0.0"
    deprecated = await run(api, DEPRECATE, projectId=pid, model="model-1")
    assert deprecated["tag"] == "model-1@deprecated"
    assert "model-1" not in gto(repo, "show")
    await assert_same_as_gto(api, repo, name)
    history = gto(repo, "history", "model-0")
    assert [e["ref"] for e in history[:3]] == [gone["tag"], unassigned["tag"], assigned["tag"]]


@pytest.mark.parametrize(
    ("mutation", "fields", "code", "field"),
    [
        (REGISTER, {"model": "model-0", "rev": "main", "version": "1.0"}, "INVALID", "version"),
        (
            REGISTER,
            {"model": "model-0", "rev": "main", "version": "v0.0.0"},
            "DUPLICATE",
            "version",
        ),
        (REGISTER, {"model": "model-0", "rev": "no-such-ref"}, "NOT_FOUND", "rev"),
        (REGISTER, {"model": "bad name!", "rev": "main"}, "INVALID", "model"),
        (
            ASSIGN,
            {"model": "model-0", "version": "v9.9.9", "stage": "prod"},
            "NOT_FOUND",
            "version",
        ),
        (ASSIGN, {"model": "model-0", "version": "v0.0.0", "stage": "qa"}, "INVALID", "stage"),
        (ASSIGN, {"model": "model-0", "version": "v0.0.0", "stage": "dev"}, "CONFLICT", "stage"),
        (UNASSIGN, {"model": "model-0", "version": "v1.0.0", "stage": "dev"}, "CONFLICT", "stage"),
        (DEPRECATE, {"model": "nobody"}, "NOT_FOUND", "model"),
    ],
)
async def test_bad_requests_are_refused_and_write_nothing(
    api: Api,
    registry: tuple[Path, str, str],
    mutation: str,
    fields: dict[str, Any],
    code: str,
    field: str,
) -> None:
    repo, _name, pid = registry
    before = tags_of(repo)
    payload = await run(api, mutation, projectId=pid, **fields)
    assert payload["tag"] is None
    [error] = payload["errors"]
    assert (error["code"], error["field"]) == (code, field), error
    assert tags_of(repo) == before


async def test_registry_writes_need_the_models_scope(
    api: Api, registry: tuple[Path, str, str]
) -> None:
    repo, _name, pid = registry
    _row, token = await create_token("reader", frozenset({Scope.READ}))
    before = tags_of(repo)
    body = await api.gql(
        REGISTER, {"input": {"projectId": pid, "model": "model-0", "rev": "main"}}, token=token
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert tags_of(repo) == before


async def test_concurrent_writers_never_share_a_counter(
    api: Api, registry: tuple[Path, str, str]
) -> None:
    repo, name, pid = registry
    stages = ["dev", "staging", "prod"]
    results = await asyncio.gather(
        *(
            run(api, ASSIGN, projectId=pid, model="model-1", version="v1.0.0-alpha", stage=s)
            for s in stages
        ),
        *(
            run(api, REGISTER, projectId=pid, model="model-1", rev="main~1", version="v5.0.0")
            for _ in range(2)
        ),
    )
    assigned = [r["tag"] for r in results[:3]]
    assert all(t is not None for t in assigned)
    counters = [t.rsplit("#", 1)[1] for t in assigned]
    assert len(set(counters)) == 3, assigned
    registered = results[3:]
    assert sorted(bool(r["errors"]) for r in registered) == [False, True], "exactly one wins"
    loser = next(r for r in registered if r["errors"])
    assert loser["errors"][0]["code"] in ("DUPLICATE", "CONFLICT")
    await assert_same_as_gto(api, repo, name)


async def test_writes_are_announced(api: Api, registry: tuple[Path, str, str]) -> None:
    _repo, name, pid = registry
    state: State = api.client._transport.app.state.gitstudio  # type: ignore[attr-defined]
    subscription = await state.bus.subscribe(registry_channel(await project_id(api, name)))
    try:
        done = await run(api, REGISTER, projectId=pid, model="model-0", rev="main")
        message = await asyncio.wait_for(anext(aiter(subscription)), 5)
    finally:
        await subscription.close()
    event = decode(message)
    assert event["detail"]["tag"] == done["tag"]
    assert event["detail"]["action"] == "register"


async def test_remote_gets_the_tag_and_a_refused_push_leaves_none(
    api: Api, daemon: tuple[str, Path], tmp_path: Path, unique: str
) -> None:
    base_url, root = daemon
    work = tmp_path / "work"
    generate_registry(work, RegistrySpec(models=1, versions=1, seed=3, edge_cases=False))
    served = root / "reg.git"
    subprocess.run(["git", "clone", "-q", "--bare", "--mirror", str(work), str(served)], check=True)
    project = await api.create_project(f"{base_url}/reg.git", f"remote-{unique}")
    done = await run(api, REGISTER, projectId=project["id"], model="model-0", rev="main")
    assert done["errors"] == [] and done["tag"] in tags_of(served)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", f"{base_url}/reg.git", str(clone)], check=True)
    event = gto(clone, "check-ref", done["tag"])  # the real gto reads what was pushed
    assert (event["event"], event["version"]) == (
        "registration",
        done["model"]["latestVersion"]["version"],
    )
    hook = served / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'tags are frozen' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = tags_of(served)
    version = done["model"]["latestVersion"]["version"]
    refused = await run(
        api, ASSIGN, projectId=project["id"], model="model-0", version=version, stage="qa"
    )
    [error] = refused["errors"]
    assert error["code"] in ("UNREACHABLE", "CONFLICT"), error
    assert tags_of(served) == before
    mirror = api.settings.mirrors_dir / f"{await project_id(api, f'remote-{unique}')}.git"
    assert not any(t.startswith("model-0#qa") for t in tags_of(mirror)), "nothing half-written"
    assert GTO


def new_tags(repo: Path, before: set[str]) -> dict[str, tuple[str, str]]:
    """Tags added since ``before``: name -> (target commit, message)."""
    git = pygit2.Repository(str(repo))
    out: dict[str, tuple[str, str]] = {}
    for name in tags_of(repo) - before:
        tag = git.get(git.references[f"refs/tags/{name}"].target)
        assert isinstance(tag, pygit2.Tag), f"{name} is not annotated"
        out[name] = (str(tag.target), tag.message)
    return out


async def test_same_tags_as_the_gto_cli(api: Api, tmp_path: Path, unique: str) -> None:
    """The same operations through gto on one copy and through gitstudio on another give
    the same tag names, targets and messages."""
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    spec = RegistrySpec(models=2, versions=2, seed=9, edge_cases=False)
    generate_registry(ours, spec)
    generate_registry(theirs, spec)
    before = tags_of(ours)
    assert before == tags_of(theirs)
    project = (await api.create_project(ours, f"same-{unique}"))["id"]
    steps: list[tuple[list[str], str, dict[str, Any]]] = [
        (["register", "model-0", "HEAD"], REGISTER, {"model": "model-0", "rev": "HEAD"}),
        (
            ["register", "model-1", "HEAD", "--bump-minor"],
            REGISTER,
            {"model": "model-1", "rev": "HEAD", "bump": "MINOR"},
        ),
        (
            ["assign", "model-0", "--version", "v1.0.1", "--stage", "prod"],
            ASSIGN,
            {"model": "model-0", "version": "v1.0.1", "stage": "prod"},
        ),
        (
            ["deprecate", "model-0", "v1.0.1", "prod"],  # gto 1.10 unassigns this way
            UNASSIGN,
            {"model": "model-0", "version": "v1.0.1", "stage": "prod"},
        ),
        (
            ["deprecate", "model-1", "v0.2.0"],  # and deregisters this way
            DEREGISTER,
            {"model": "model-1", "version": "v0.2.0"},
        ),
        (["deprecate", "model-1"], DEPRECATE, {"model": "model-1"}),
    ]
    for cli_args, mutation, fields in steps:
        done = subprocess.run([GTO, *cli_args, "-r", str(theirs)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        payload = await run(api, mutation, projectId=project, **fields)
        assert payload["errors"] == [], (cli_args, payload["errors"])
    assert new_tags(ours, before) == new_tags(theirs, before)
