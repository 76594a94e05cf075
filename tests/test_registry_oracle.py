"""The model registry against the real gto CLI (the oracle) on generated registries.

For each generated repository (several models, a monorepo name, simple and counter tags, a
deregistered and re-registered version, an unassigned stage, deprecated and revived
models, a hand-made tag, lightweight tags, a declared-but-unregistered model):

* the registry gitstudio folds from its database equals ``gto show --json``,
  ``gto show NAME --json`` (without the ``enrichments`` details) and ``gto history --json``;
* the GraphQL ``models`` view agrees with them (latest versions, stage holders, history);
* tags then written by the real ``gto register``/``gto assign`` appear after a sync.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from registry_support import GTO, assert_same_as_gto, gto
from support import Api

from sync.generate_registry import RegistrySpec, generate_registry

SPECS = {
    "default": RegistrySpec(),
    "allowed-stages": RegistrySpec(models=5, versions=4, seed=2, allowed_stages=True),
    "small": RegistrySpec(models=2, versions=2, seed=1, stages=("dev", "prod")),
}

MODELS = """query($name: String!) { project(name: $name) {
  models { name path type description declaredIn registered deprecated
    latestVersion { version commit tag }
    versions { version commit active discovered registered stages }
    stages { stage versions { version } }
    history { kind model version stage commit tag author authorEmail message createdAt } } } }"""


@pytest.fixture(params=list(SPECS))
async def registry_project(
    request: pytest.FixtureRequest, api: Api, tmp_path: Path, unique: str
) -> tuple[Path, str]:
    repo = tmp_path / "registry"
    generate_registry(repo, SPECS[request.param])
    name = f"reg-{unique}"
    await api.create_project(repo, name)
    return repo, name


async def test_registry_equals_gto(api: Api, registry_project: tuple[Path, str]) -> None:
    repo, name = registry_project
    await assert_same_as_gto(api, repo, name)


async def test_models_view_agrees_with_gto(api: Api, registry_project: tuple[Path, str]) -> None:
    repo, name = registry_project
    models = {m["name"]: m for m in (await api.data(MODELS, {"name": name}))["project"]["models"]}
    shown = gto(repo, "show")
    for artifact, state in shown.items():
        model = models[artifact]
        latest = model["latestVersion"]
        assert (latest["version"] if latest else None) == state["version"]
        holders = {s["stage"]: s["versions"][0]["version"] for s in model["stages"]}
        for stage, version in state["stage"].items():
            assert holders.get(stage) == version, (artifact, stage)
        assert not model["deprecated"]
    history = gto(repo, "history")
    for artifact, model in models.items():
        expected = [e for e in history if e["artifact"] == artifact]
        got = [
            {
                "event": e["kind"].lower(),
                "version": e["version"],
                "stage": e["stage"],
                "commit": e["commit"],
                "ref": e["tag"],
                "author": e["author"],
                "message": e["message"],
            }
            for e in model["history"]
        ]
        assert got == [
            {k: e[k] for k in ("event", "version", "stage", "commit", "ref", "author", "message")}
            for e in expected
        ], artifact
    # What gto does not list: deprecated models, and models only dvc.yaml declares.
    if "model-2" in models:  # the specs with four models or more deprecate it
        assert models["model-2"]["deprecated"] and "model-2" not in shown
    assert models["nlp:textcls"]["path"] == "nlp/model.pt"
    assert models["nlp:textcls"]["declaredIn"] == "nlp/dvc.yaml"
    assert models["unreg-model"]["registered"] is False
    assert models["model-0"]["declaredIn"] == "artifacts.yaml"
    refs = {e["tag"] for m in models.values() for e in m["history"]}
    assert "model-0#prod#999" not in refs and "release-1.0" not in refs  # not GTO's


async def test_commits_show_their_model_versions(
    api: Api, registry_project: tuple[Path, str]
) -> None:
    repo, name = registry_project
    versions = gto(repo, "show", "model-1")
    sha = versions[0]["commit_hexsha"]
    data = await api.data(
        'query($name: String!) { project(name: $name) { commit(sha: "%s") {'
        " modelVersions { model version } } } }" % sha,
        {"name": name},
    )
    found = data["project"]["commit"]["modelVersions"]
    assert {"model": "model-1", "version": versions[0]["version"]} in found


async def test_tags_written_by_gto_appear_after_sync(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "registry"
    generate_registry(repo, RegistrySpec(models=2, versions=1, seed=5, edge_cases=False))
    name = f"reg-{unique}"
    project = await api.create_project(repo, name)
    for args in (
        ["register", "model-0", "HEAD", "--version", "v7.0.0"],
        ["assign", "model-0", "--version", "v7.0.0", "--stage", "prod"],
        ["deprecate", "model-1"],
    ):
        done = subprocess.run([GTO, *args, "-r", str(repo)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    await api.sync(project["id"])
    await assert_same_as_gto(api, repo, name)
    model = (
        await api.data(
            'query($name: String!) { project(name: $name) { model(name: "model-0") {'
            " latestVersion { version } stages { stage versions { version } } } } }",
            {"name": name},
        )
    )["project"]["model"]
    assert model["latestVersion"]["version"] == "v7.0.0"
    prod = next(s for s in model["stages"] if s["stage"] == "prod")
    assert prod["versions"][0] == {"version": "v7.0.0"}, "the newest assignment comes first"
