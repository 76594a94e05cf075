"""The model registry against the real gto CLI (the oracle) on generated registries.

For each generated repository (several models, a monorepo name, simple and counter tags, a
deregistered and re-registered version, an unassigned stage, deprecated and revived
models, a hand-made tag, lightweight tags, a declared-but-unregistered model):

* the registry gitstudio folds from its database equals ``gto show --json``,
  ``gto show NAME --json`` (without the ``enrichments`` details) and ``gto history --json``;
* the GraphQL ``models`` view agrees with them (latest versions, stage holders, history);
* tags then written by the real ``gto register``/``gto assign`` appear after a sync;
* two versions of one model at one commit: gto accepts it and so do we; with a stage tag
  there gto refuses the whole repository, we answer that model's typed ``registryError``
  and every other model as gto shows it without the refused tags.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pygit2
import pytest
from registry_support import GTO, assert_same_as_gto, gto, project_id
from support import Api

from resolvers.caches import Caches
from resolvers.models import registries
from storage.errors import DomainError
from sync.generate_registry import RegistrySpec, generate_registry
from sync.registry import REGISTER, SeveralVersions, gto_history, gto_show
from sync.registry_writer import TagRequest, plan, registry_of

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
    pid = await project_id(api, name)
    caches = Caches.from_settings(api.settings)
    kept = (await registries([pid], caches))[pid]
    await api.sync(project["id"])  # no tag changed: the folded registry is kept
    assert (await registries([pid], caches))[pid] is kept
    for args in (
        ["register", "model-0", "HEAD", "--version", "v7.0.0"],
        ["assign", "model-0", "--version", "v7.0.0", "--stage", "prod"],
        ["deprecate", "model-1"],
    ):
        done = subprocess.run([GTO, *args, "-r", str(repo)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    await api.sync(project["id"])
    assert (await registries([pid], caches))[pid] is not kept  # the tags changed: folded again
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


def _git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "PATH": os.environ["PATH"]}
    if when is not None:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = when
    done = subprocess.run(
        ["git", "-c", "user.name=Tagger", "-c", "user.email=t@example.com", *args],
        cwd=repo, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def _two_versions_at_one_commit(repo: Path, stage_tag: bool) -> str:
    """model-0 v1.0.0 and v1.0.1 both registered at one commit (optionally with a stage
    assigned there), model-1 ordinary; the commit's sha."""
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / "f").write_text("one\n")
    _git(repo, "add", "f")
    _git(repo, "commit", "-qm", "one", when="2024-01-01T00:00:00+00:00")
    shared = _git(repo, "rev-parse", "HEAD")
    (repo / "f").write_text("two\n")
    _git(repo, "commit", "-qam", "two", when="2024-01-02T00:00:00+00:00")
    tags = [
        ("model-0@v1.0.0", shared),
        ("model-0@v1.0.1", shared),
        ("model-1@v0.1.0", "HEAD"),
        ("model-1#dev#1", "HEAD"),
    ]
    if stage_tag:
        tags.append(("model-0#prod#1", shared))
    for day, (tag, rev) in enumerate(tags, start=3):
        _git(repo, "tag", "-a", tag, "-m", tag, rev, when=f"2024-01-{day:02d}T00:00:00+00:00")
    return shared


async def test_two_versions_at_one_commit_without_a_stage_as_gto(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "registry"
    _two_versions_at_one_commit(repo, stage_tag=False)
    name = f"reg-{unique}"
    await api.create_project(repo, name)
    await assert_same_as_gto(api, repo, name)  # gto accepts it: latest v1.0.1


@pytest.mark.parametrize("stage_tag", [True, False], ids=["refused-model", "several-at-rev"])
def test_plan_refuses_a_write_gto_refuses(tmp_path: Path, stage_tag: bool) -> None:
    """plan itself refuses what gto refuses, as a CONFLICT on the model: any write to a
    model whose tags gto refuses (even at another commit), and a registration at a commit
    holding several versions; the message is the registry's own."""
    repo = tmp_path / "registry"
    shared = _two_versions_at_one_commit(repo, stage_tag=stage_tag)
    rev = "HEAD" if stage_tag else shared  # HEAD: a commit without a version of model-0
    done = subprocess.run(
        [GTO, "register", "model-0", rev, "--version", "v1.0.2", "-r", str(repo)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode != 0 and "Multiple versions" in done.stderr
    git = pygit2.Repository(str(repo))
    registry = registry_of(git)
    assert ("model-0" in registry.errors) is stage_tag
    request = TagRequest(REGISTER, "model-0", version="v1.0.2", rev=rev)
    with pytest.raises(DomainError) as refused:
        plan(git, registry, request, None)
    assert (refused.value.code, refused.value.field) == ("CONFLICT", "model")
    expected = SeveralVersions("model-0", shared, ["v1.0.0", "v1.0.1"])
    assert refused.value.message == str(expected)
    assert "model-0@v1.0.2" not in _git(repo, "tag", "--list")


async def test_a_stage_at_two_versions_of_one_commit_fails_that_model_only(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """gto refuses the whole repository (ManyVersions); gitstudio answers the models query,
    with a typed error on model-0 and model-1 as gto shows it without model-0's tags."""
    repo = tmp_path / "registry"
    shared = _two_versions_at_one_commit(repo, stage_tag=True)
    for command in (["show"], ["history"], ["show", "model-1"]):
        done = subprocess.run(
            [GTO, *command, "-r", str(repo), "--json"], capture_output=True, text=True
        )
        assert done.returncode != 0 and "Multiple versions" in done.stderr, command
    name = f"reg-{unique}"
    await api.create_project(repo, name)
    pid = await project_id(api, name)
    registry = (await registries([pid]))[pid].registry
    with pytest.raises(SeveralVersions):  # the port's gto views fail as gto does
        gto_show(registry)
    with pytest.raises(SeveralVersions):
        gto_history(registry)
    answer = await api.gql(
        MODELS.replace("registered deprecated", "registered deprecated registryError {"
                       " code message commit versions }"),
        {"name": name},
    )  # fmt: skip
    assert "errors" not in answer, answer
    models = {m["name"]: m for m in answer["data"]["project"]["models"]}
    broken = models["model-0"]
    assert broken["registryError"]["code"] == "SEVERAL_VERSIONS_AT_COMMIT"
    assert broken["registryError"]["commit"] == shared
    assert sorted(broken["registryError"]["versions"]) == ["v1.0.0", "v1.0.1"]
    assert broken["registered"] is True and broken["latestVersion"] is None
    assert broken["versions"] == broken["stages"] == broken["history"] == []
    # a write to the refused model: a typed error, no tag written
    gid = (await api.data('{ project(name: "%s") { id } }' % name))["project"]["id"]
    written = await api.data(
        """mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) {
             tag errors { code field } } }""",
        {"input": {"projectId": gid, "model": "model-0", "rev": shared, "version": "v1.0.2"}},
    )
    assert written["registerModelVersion"] == {
        "tag": None,
        "errors": [{"code": "CONFLICT", "field": "model"}],
    }
    assert "model-0@v1.0.2" not in _git(repo, "tag", "--list")
    # model-1 as gto shows it once model-0's tags are gone
    for tag in ("model-0@v1.0.0", "model-0@v1.0.1", "model-0#prod#1"):
        _git(repo, "tag", "-d", tag)
    shown = gto(repo, "show")["model-1"]
    model = models["model-1"]
    assert model["registryError"] is None
    assert model["latestVersion"]["version"] == shown["version"] == "v0.1.0"
    assert {s["stage"]: s["versions"][0]["version"] for s in model["stages"]} == {
        s: v for s, v in shown["stage"].items() if v
    }
    expected = [e["ref"] for e in gto(repo, "history") if e["artifact"] == "model-1"]
    assert [e["tag"] for e in model["history"]] == expected
    # the tags deleted, a sync folds a registry gto accepts: the error is gone
    await api.sync(gid)
    await assert_same_as_gto(api, repo, name)
    again = await api.data(
        "query($name: String!) { project(name: $name) { models { name registryError { code } } } }",
        {"name": name},
    )
    assert all(m["registryError"] is None for m in again["project"]["models"])
