"""addModel with hostile input: a name gto and dvc refuse, a path leaving the project's
directory (``..``, absolute, backslash) or into ``.git``/``.dvc``, NUL and control
characters, oversize fields, too many labels, a bad branch, another user's project. Each is
refused with its typed code and field, and nothing changed: no row, no ref of the
repository or of the mirror (tests/security/harness.py's snapshot)."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from harness import assert_same
from policy_support import World, strict, world_for
from support import Api

from schema.relay import to_global_id
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate import RepoSpec, generate_repo

ADD = """mutation($input: AddModelInput!) { addModel(input: $input) {
  model { name } commit { sha } errors { code message field } } }"""


@dataclass
class Models:
    world: World
    project: str  # global id
    token: str  # MODELS scope, the built-in admin's
    stranger: str  # MODELS scope, a user who may read no project of this world


@pytest.fixture(scope="module")
async def models(api: Api, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Models]:
    root = tmp_path_factory.mktemp("add-model-root").resolve()
    generate_repo(root / "src", RepoSpec(commits=2, branches=("main",), exps_per_commit=0))
    bare = root / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(root / "src"), str(bare)], check=True)
    async for world in world_for(strict(api.settings, root), root, root, [bare]):
        tag = uuid.uuid4().hex[:6]
        project = await world.state.syncer.create(str(bare), f"am-{tag}", "", None)
        _row, token = await create_token(f"am-models-{tag}", frozenset({Scope.MODELS}))
        user = await create_user(f"am-stranger-{tag}")
        _row, stranger = await create_token("s", frozenset({Scope.MODELS}), None, user.id)
        yield Models(world, to_global_id("Project", project.id), token, stranger)


async def refused(
    m: Models, fields: dict[str, Any], code: str, field: str | None, token: str = ""
) -> None:
    before = await m.world.snapshot()
    response = await m.world.client.post(
        "/graphql",
        json={"query": ADD, "variables": {"input": {"projectId": m.project, **fields}}},
        headers={"Authorization": f"token {token or m.token}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    payload = body["data"]["addModel"]
    assert payload["model"] is None and payload["commit"] is None, payload
    [error] = payload["errors"]
    assert (error["code"], error["field"]) == (code, field), error
    assert_same(before, await m.world.snapshot())


def model(**fields: Any) -> dict[str, Any]:
    return {"name": "good-model", "path": "models/m.pt", "type": "model", **fields}


HOSTILE = [
    ("name-with-space", model(name="my model"), "INVALID", "name"),
    ("name-with-colon", model(name="other:model"), "INVALID", "name"),
    ("name-leading-dash", model(name="-x"), "INVALID", "name"),
    ("name-trailing-underscore", model(name="churn_"), "INVALID", "name"),
    ("name-with-dot", model(name="a.b"), "INVALID", "name"),
    ("name-empty", model(name=""), "INVALID", "name"),
    ("name-nul", model(name="a\x00b"), "INVALID", "name"),
    ("name-oversize", model(name="a" * 201), "INVALID", "name"),
    ("path-dotdot", model(path="../other/m.pt"), "FORBIDDEN", "path"),
    ("path-dotdot-inside", model(path="models/../../m.pt"), "FORBIDDEN", "path"),
    ("path-absolute", model(path="/etc/passwd"), "FORBIDDEN", "path"),
    ("path-backslash", model(path="models\\m.pt"), "FORBIDDEN", "path"),
    ("path-empty", model(path=""), "FORBIDDEN", "path"),
    ("path-git", model(path=".git/config"), "FORBIDDEN", "path"),
    ("path-dvc", model(path="sub/.dvc/config"), "FORBIDDEN", "path"),
    ("path-dot-part", model(path="./m.pt"), "INVALID", "path"),
    ("path-nul", model(path="m\x00.pt"), "INVALID", "path"),
    ("path-newline", model(path="m.pt\nx: 1"), "INVALID", "path"),
    ("path-oversize", model(path="m" * 1025), "INVALID", "path"),
    ("type-newline", model(type="model\nevil: 1"), "INVALID", "type"),
    ("type-oversize", model(type="t" * 201), "INVALID", "type"),
    ("description-nul", model(description="a\x00b"), "INVALID", "description"),
    ("description-oversize", model(description="d" * (16 * 1024 + 1)), "INVALID", "description"),
    ("labels-too-many", model(labels=[f"l{i}" for i in range(33)]), "INVALID", "labels"),
    ("label-control", model(labels=["ok", "a\x01b"]), "INVALID", "labels"),
    ("label-empty", model(labels=[""]), "INVALID", "labels"),
    ("branch-bad", model(target="BRANCH", branch="a..b"), "INVALID", "branch"),
    ("branch-missing", model(target="BRANCH"), "INVALID", "branch"),
    ("branch-exists", model(target="BRANCH", branch="main"), "DUPLICATE", "branch"),
    ("branch-with-commit", model(target="COMMIT", branch="other"), "INVALID", "branch"),
    ("message-nul", model(message="add\x00"), "INVALID", "message"),
]


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [case[1:] for case in HOSTILE],
    ids=[case[0] for case in HOSTILE],
)
async def test_hostile_input_is_refused_and_changes_nothing(
    models: Models, fields: dict[str, Any], code: str, field: str
) -> None:
    await refused(models, fields, code, field)


async def test_another_users_project_is_one_that_does_not_exist(models: Models) -> None:
    await refused(models, model(), "NOT_FOUND", "projectId", models.stranger)


async def test_a_token_without_the_models_scope_is_forbidden(models: Models) -> None:
    before = await models.world.snapshot()
    response = await models.world.client.post(
        "/graphql",
        json={"query": ADD, "variables": {"input": {"projectId": models.project, **model()}}},
        headers={"Authorization": f"token {models.world.token}"},  # PROJECTS scope only
    )
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    assert_same(before, await models.world.snapshot())
