"""addModel: a model declared in the dvc.yaml of a project's DVC root, as a commit onto the
default branch, on a new branch, or with a pull request (runExperiment's write path), on
SQLite and PostgreSQL. Oracles: DVC's own reading of the dvc.yaml written
(``Repo.artifacts``, in a clone) and ``gto show`` run in a clone once a version is
registered; the project's models list it, the sibling project of a monorepo does not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from registry_support import gto, project_id
from support import Api, git
from test_models_monorepo import SEES, _only, monorepo

from resolvers.models import registries
from schema.relay import to_global_id
from sync.registry import gto_show

ADD = """mutation($input: AddModelInput!) { addModel(input: $input) {
  model { name path type description labels declaredIn registered project { name } }
  commit { sha message } branch pullRequest { number state sourceBranch targetBranch }
  errors { code message field } clientMutationId } }"""
REGISTER = """mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) {
  tag errors { code message field } } }"""
MODELS = """query($name: String!) { project(name: $name) { models { name path declaredIn } } }"""
ALL = """query($filter: ModelFilter) { models(filter: $filter) {
  nodes { name type project { name } } } }"""


def bare_monorepo(tmp: Path) -> Path:
    """The registry monorepo (tags by the gto CLI) as a bare repository, which a push may
    move any branch of."""
    monorepo(tmp / "mono")
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(tmp / "mono"), str(tmp / "mono.git")], check=True
    )
    return tmp / "mono.git"


@pytest.fixture
async def mono(api: Api, tmp_path: Path, unique: str) -> tuple[Path, dict[str, str]]:
    repo = bare_monorepo(tmp_path)
    names = {}
    for subdir in SEES:
        names[subdir] = f"addm-{subdir or 'root'}-{unique}"
        await api.create_project(repo, names[subdir], subdir or None)
    return repo, names


async def add(api: Api, project: str, **fields: Any) -> dict[str, Any]:
    pid = to_global_id("Project", await project_id(api, project))
    data = await api.data(ADD, {"input": {"projectId": pid, **fields}})
    payload: dict[str, Any] = data["addModel"]
    return payload


def dvc_artifacts(repo: Path, tmp: Path) -> dict[str, dict[str, Any]]:
    """What DVC reads from every dvc.yaml of a clone of ``repo`` (its own parser)."""
    clone = tmp / "dvc-clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    subprocess.run([sys.executable, "-m", "dvc", "init", "-q"], cwd=clone, check=True)
    from dvc.repo import Repo

    with Repo(str(clone)) as dvc:
        read = dvc.artifacts.read()
        assert dvc.artifacts.get_path("vision:segformer") == "vision/weights/seg.pt"
    return {f: {n: a.to_dict() for n, a in arts.items()} for f, arts in read.items()}


async def test_a_model_added_onto_the_default_branch_is_listed_and_dvc_and_gto_agree(
    api: Api, mono: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    repo, names = mono
    before = (repo.parent / "mono" / "vision" / "dvc.yaml").read_bytes()
    head = git(repo, "rev-parse", "main")
    fields = {
        "name": "segformer",
        "path": "weights/seg.pt",
        "type": "model",
        "description": "Segments images: 3 classes",
        "labels": ["cv", "segmentation"],
        "clientMutationId": "add-1",
    }
    payload = await add(api, names["vision"], **fields)
    assert payload["errors"] == []
    assert payload["model"] == {
        "name": "vision:segformer",
        "path": "weights/seg.pt",
        "type": "model",
        "description": "Segments images: 3 classes",
        "labels": ["cv", "segmentation"],
        "declaredIn": "vision/dvc.yaml",
        "registered": False,
        "project": {"name": names["vision"]},
    }
    assert (
        payload["branch"] == "main" and payload["commit"]["message"] == "Add model vision:segformer"
    )
    sha = payload["commit"]["sha"]
    assert git(repo, "rev-parse", "main") == sha
    assert git(repo, "rev-parse", f"{sha}^") == head
    assert git(repo, "diff", "--name-only", head, sha) == "vision/dvc.yaml"
    written = git(repo, "show", f"{sha}:vision/dvc.yaml").encode() + b"\n"
    assert written.startswith(before)  # the old declarations kept byte for byte
    # A retry answers the first result and writes nothing.
    again = await add(api, names["vision"], **fields)
    assert again["commit"]["sha"] == sha and git(repo, "rev-parse", "main") == sha
    # The registry: vision lists it at once, the root project (same repository) after its
    # own sync, Query.models in both; nlp does not.
    root_id = to_global_id("Project", await project_id(api, names[""]))
    synced = await api.data("mutation($id: ID!) { syncProject(id: $id) { errors { code } } }",
                            {"id": root_id})  # fmt: skip
    assert synced["syncProject"]["errors"] == []
    for subdir, sees in (("vision", True), ("", True), ("nlp", False)):
        listed = (await api.data(MODELS, {"name": names[subdir]}))["project"]["models"]
        assert ("vision:segformer" in {m["name"] for m in listed}) is sees, subdir
    everywhere = (await api.data(ALL, {"filter": {"name": "segformer"}}))["models"]["nodes"]
    assert {(n["name"], n["project"]["name"]) for n in everywhere} == {
        ("vision:segformer", names["vision"]),
        ("vision:segformer", names[""]),
    }
    # DVC's reading of the dvc.yaml written: the new entry, the old one unchanged.
    assert dvc_artifacts(repo, tmp_path)["vision/dvc.yaml"] == {
        "resnet": {"path": "vision/resnet.pt", "type": "model"},
        "segformer": {
            "path": "weights/seg.pt",
            "desc": "Segments images: 3 classes",
            "type": "model",
            "labels": ["cv", "segmentation"],
        },
    }
    # gto: once a version is registered, gto show in a clone equals the project's registry.
    registered = (
        await api.data(
            REGISTER,
            {
                "input": {
                    "projectId": to_global_id("Project", await project_id(api, names["vision"])),
                    "model": "vision:segformer",
                    "rev": "main",
                    "version": "v0.1.0",
                }
            },
        )
    )["registerModelVersion"]
    assert registered["errors"] == []
    clone = tmp_path / "gto-clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    pid = await project_id(api, names["vision"])
    registry = (await registries([pid]))[pid].registry
    sees = SEES["vision"] | {"vision:segformer"}
    shown = gto(clone / "vision", "show")
    assert "vision:segformer" in shown
    assert gto_show(registry) == _only(shown, sees)


async def test_a_model_on_a_new_branch_and_in_a_pull_request(
    api: Api, mono: tuple[Path, dict[str, str]]
) -> None:
    repo, names = mono
    head = git(repo, "rev-parse", "main")
    branched = await add(
        api, names["nlp"], name="summarizer", path="sum.pt", target="BRANCH", branch="add-sum"
    )
    assert branched["errors"] == [] and branched["model"] is None
    assert branched["branch"] == "add-sum"
    assert git(repo, "rev-parse", "add-sum") == branched["commit"]["sha"]
    assert git(repo, "rev-parse", "main") == head  # the default branch did not move
    text = git(repo, "show", "add-sum:nlp/dvc.yaml")
    assert text.endswith("  summarizer:\n    path: sum.pt")
    pulled = await add(
        api,
        names["nlp"],
        name="tagger",
        path="tagger.pt",
        type="model",
        target="PULL_REQUEST",
        branch="add-tagger",
    )
    assert pulled["errors"] == []
    pr = pulled["pullRequest"]
    assert (pr["state"], pr["sourceBranch"], pr["targetBranch"]) == ("OPEN", "add-tagger", "main")
    assert git(repo, "rev-parse", "main") == head


async def test_a_project_without_a_dvc_yaml_gets_one(api: Api, tmp_path: Path, unique: str) -> None:
    repo = bare_monorepo(tmp_path)
    name = f"addm-fresh-{unique}"
    await api.create_project(repo, name, "audio")
    payload = await add(api, name, name="wav2vec", path="w2v.pt", type="model")
    assert payload["errors"] == []
    assert payload["model"]["name"] == "audio:wav2vec"
    assert git(repo, "show", "main:audio/dvc.yaml") == (
        "artifacts:\n  wav2vec:\n    path: w2v.pt\n    type: model"
    )


async def test_a_name_declared_already_is_a_conflict(
    api: Api, mono: tuple[Path, dict[str, str]]
) -> None:
    repo, names = mono
    head = git(repo, "rev-parse", "main")
    for project, model in (("vision", "resnet"), ("", "churn")):  # dvc.yaml, artifacts.yaml
        payload = await add(api, names[project], name=model, path="x.pt")
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [("CONFLICT", "name")]
    assert git(repo, "rev-parse", "main") == head
