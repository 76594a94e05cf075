"""Models in a monorepo: one Git repository, several projects with their own ``subdir``.

A project sees the models of its directory: those declared in a dvc.yaml at or below its
subdir (named ``dir:name``) and those whose GTO tags name ``dir:name`` with ``dir`` its
subdir or below; the root project sees them all, as ``gto show`` lists them. ``gto`` itself
knows no subdirs (run in one it reads the whole repository), so the oracle is ``gto show``
and ``gto history`` run in each subdir, restricted to the names written out below.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from registry_support import GTO, gto, project_id
from support import Api, git

from resolvers.models import registries
from sync.registry import gto_history, gto_show

# What each project must see (written out, not derived): vision's nested dvc.yaml counts,
# visionx (a name vision is a prefix of) and the root's artifacts.yaml do not.
SEES = {
    "vision": {"vision:resnet", "vision/detect:yolo"},
    "nlp": {"nlp:textcls", "nlp:bert"},
    "": {
        "vision:resnet",
        "vision/detect:yolo",
        "nlp:textcls",
        "nlp:bert",
        "visionx:clip",
        "churn",
    },
}
DECLARED_ONLY = {"nlp:bert"}  # declared in nlp/dvc.yaml, never registered

MODELS = """query($name: String!) { project(name: $name) {
  models { name path declaredIn latestVersion { version } stages { stage versions { version } } }
  } }"""


def _write(repo: Path, path: str, text: str) -> None:
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def _artifacts(*names: tuple[str, str]) -> str:
    return "artifacts:\n" + "".join(
        f"  {name}:\n    path: {path}\n    type: model\n" for name, path in names
    )


def _gto(repo: Path, *args: str) -> None:
    done = subprocess.run([GTO, *args, "-r", str(repo)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def monorepo(repo: Path) -> Path:
    """Two projects' directories, a nested one, a prefix trap, the root's artifacts.yaml;
    tags written by the real gto CLI."""
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "T")
    _write(repo, "artifacts.yaml", "churn:\n  path: models/churn.pkl\n  type: model\n")
    _write(repo, "vision/dvc.yaml", _artifacts(("resnet", "vision/resnet.pt")))
    _write(repo, "vision/detect/dvc.yaml", _artifacts(("yolo", "vision/detect/yolo.pt")))
    _write(repo, "visionx/dvc.yaml", _artifacts(("clip", "visionx/clip.pt")))
    _write(
        repo,
        "nlp/dvc.yaml",
        _artifacts(("textcls", "nlp/textcls.pt"), ("bert", "nlp/bert.pt")),
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "models")
    for args in (
        ["register", "vision:resnet", "HEAD", "--version", "v1.0.0"],
        ["assign", "vision:resnet", "--version", "v1.0.0", "--stage", "prod"],
        ["register", "vision/detect:yolo", "HEAD", "--version", "v0.1.0"],
        ["register", "visionx:clip", "HEAD", "--version", "v2.0.0"],
        ["register", "nlp:textcls", "HEAD", "--version", "v0.3.0"],
        ["assign", "nlp:textcls", "--version", "v0.3.0", "--stage", "dev"],
        ["register", "churn", "HEAD", "--version", "v5.0.0"],
    ):
        _gto(repo, *args)
    return repo


@pytest.fixture
async def projects(api: Api, tmp_path: Path, unique: str) -> tuple[Path, dict[str, str]]:
    """The monorepo and its three projects (vision, nlp, the root), subdir -> name."""
    repo = monorepo(tmp_path / "mono")
    names = {}
    for subdir in SEES:
        names[subdir] = f"mono-{subdir or 'root'}-{unique}"
        await api.create_project(repo, names[subdir], subdir or None)
    return repo, names


def _only(shown: dict[str, Any], names: set[str]) -> dict[str, Any]:
    """``gto show`` of the models ``names``; its stage columns are those of the whole
    repository, a project's those its own models hold."""
    mine = {k: v for k, v in shown.items() if k in names}
    held = {stage for v in mine.values() for stage, at in v["stage"].items() if at}
    return {
        k: {**v, "stage": {s: at for s, at in v["stage"].items() if s in held}}
        for k, v in mine.items()
    }


async def test_each_project_sees_the_models_of_its_subdir(
    api: Api, projects: tuple[Path, dict[str, str]]
) -> None:
    _repo, names = projects
    for subdir, name in names.items():
        listed = (await api.data(MODELS, {"name": name}))["project"]["models"]
        assert {m["name"] for m in listed} == SEES[subdir], subdir
    listed = (await api.data(MODELS, {"name": names["vision"]}))["project"]["models"]
    vision = {m["name"]: m for m in listed}
    assert vision["vision:resnet"]["declaredIn"] == "vision/dvc.yaml"
    assert vision["vision:resnet"]["latestVersion"] == {"version": "v1.0.0"}
    assert vision["vision:resnet"]["stages"] == [
        {"stage": "prod", "versions": [{"version": "v1.0.0"}]}
    ]
    assert vision["vision/detect:yolo"]["path"] == "vision/detect/yolo.pt"
    sibling = await api.data(
        'query($name: String!) { project(name: $name) { model(name: "nlp:textcls") { name } } }',
        {"name": names["vision"]},
    )
    assert sibling["project"]["model"] is None


async def test_each_project_agrees_with_gto_run_in_its_subdir(
    api: Api, projects: tuple[Path, dict[str, str]]
) -> None:
    repo, names = projects
    for subdir, name in names.items():
        pid = await project_id(api, name)
        registry = (await registries([pid]))[pid].registry
        where = repo / subdir if subdir else repo
        registered = SEES[subdir] - DECLARED_ONLY
        shown = gto(where, "show")
        assert set(_only(shown, SEES[subdir])) == registered, subdir
        assert gto_show(registry) == _only(shown, SEES[subdir]), subdir
        history = [e for e in gto(where, "history") if e["artifact"] in SEES[subdir]]
        assert gto_history(registry) == history, subdir
    assert set(gto(repo, "show")) == SEES[""] - DECLARED_ONLY  # the root: all of them


async def test_a_write_outside_the_subdir_is_refused_and_writes_nothing(
    api: Api, projects: tuple[Path, dict[str, str]]
) -> None:
    repo, names = projects
    pid = await project_id(api, names["vision"])
    tags = git(repo, "tag", "--list")
    payload = (
        await api.data(
            """mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) {
                 tag errors { code field } } }""",
            {
                "input": {
                    "projectId": str(pid),
                    "model": "nlp:textcls",
                    "rev": "main",
                    "version": "v9.0.0",
                }
            },
        )
    )["registerModelVersion"]
    assert payload == {"tag": None, "errors": [{"code": "INVALID", "field": "model"}]}
    assert git(repo, "tag", "--list") == tags
    listed = (await api.data(MODELS, {"name": names["nlp"]}))["project"]["models"]
    textcls = next(m for m in listed if m["name"] == "nlp:textcls")
    assert textcls["latestVersion"] == {"version": "v0.3.0"}
