"""What the API reports for every commit and experiment equals `dvc exp show --json -A`.

The repository is generated once per session (commits on two branches, experiment refs shaped
as `dvc exp run` makes them, params in YAML/JSON/TOML/Python, DVCLive files, a nested
dvc.yaml); `dvc` runs once on it; both database backends are compared with that answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import Api, dvc_json

from sync.generate import RepoSpec, add_commit, generate_repo

EXPERIMENTS = """
query($name: String!, $after: String) {
  project(name: $name) {
    experiments(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { kind sha baselineSha name params metrics errors { file kind type } revisionError { type } }
    }
  }
}"""


def dvc_exp_show(repo: Path) -> list[dict[str, Any]]:
    shutil.rmtree(repo / ".dvc" / "tmp", ignore_errors=True)
    shown: list[dict[str, Any]] = dvc_json(repo, "exp", "show", "-A", "-f")
    return shown


def oracle_by_sha(shown: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """{sha: {"params": {file: data|ERROR}, "metrics": ...}} for baselines and experiments."""
    revisions: dict[str, dict[str, Any]] = {}

    def add(state: dict[str, Any]) -> None:
        data = state.get("data") or {}
        revisions[state["rev"]] = {
            part: {
                file: entry.get("data", "ERROR") for file, entry in (data.get(part) or {}).items()
            }
            for part in ("params", "metrics")
        }
        revisions[state["rev"]]["failed"] = state.get("error") is not None

    for baseline in shown:
        if baseline["rev"] == "workspace":
            continue
        add(baseline)
        for exp in baseline.get("experiments") or []:
            for rev in exp["revs"]:
                add(rev)
    return revisions


@pytest.fixture(scope="session")
def oracle_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    repo = tmp_path_factory.mktemp("oracle") / "repo"
    generate_repo(repo, RepoSpec(commits=8, exps_per_commit=2, seed=7))
    # One commit whose dvc.yaml does not parse (DVC drops the whole revision), then a fix.
    good = (repo / "dvc.yaml").read_text()
    add_commit(repo, "main", {"dvc.yaml": "stages: [\n"}, "break dvc.yaml")
    add_commit(repo, "main", {"dvc.yaml": good}, "restore dvc.yaml")
    return repo, oracle_by_sha(dvc_exp_show(repo))


async def all_experiments(api: Api, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await api.data(EXPERIMENTS, {"name": name, "after": after}))["project"][
            "experiments"
        ]
        rows += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


def ours(row: dict[str, Any], part: str) -> dict[str, Any]:
    if row["revisionError"] is not None:
        return {}  # dvc shows no data for a revision it cannot load
    shown: dict[str, Any] = dict(row[part])
    for error in row["errors"]:
        if error["kind"] == part:
            shown[error["file"]] = "ERROR"
    return shown


async def test_params_and_metrics_equal_dvc_exp_show(
    api: Api, oracle_repo: tuple[Path, dict[str, dict[str, Any]]], unique: str
) -> None:
    repo, oracle = oracle_repo
    await api.create_project(repo, f"oracle-{unique}")
    rows = await all_experiments(api, f"oracle-{unique}")
    by_sha = {r["sha"]: r for r in rows}
    assert set(oracle) <= set(by_sha), "every revision dvc shows is indexed"
    kinds = {by_sha[sha]["kind"] for sha in oracle}
    assert kinds == {"COMMIT", "EXPERIMENT"}
    differences = [
        (sha, part)
        for sha, expected in oracle.items()
        for part in ("params", "metrics")
        if ours(by_sha[sha], part) != expected[part]
    ]
    assert differences == []
    failed = {sha for sha, expected in oracle.items() if expected["failed"]}
    assert failed == {sha for sha in oracle if by_sha[sha]["revisionError"] is not None}
    assert len(failed) == 1
    assert sum(1 for r in rows if r["kind"] == "EXPERIMENT") == 16


TRAIN = """\
import json, yaml
p = yaml.safe_load(open("params.yaml"))
json.dump({"acc": round(1 - p["lr"] / 2, 4), "loss": p["lr"] / 2, "epochs": p["epochs"]},
          open("metrics.json", "w"))
"""

DVC_YAML = """\
stages:
  train:
    cmd: python train.py
    deps: [train.py]
    params: [lr, epochs]
    metrics:
      - metrics.json:
          cache: false
"""


def run(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DVC_NO_ANALYTICS": "1",
        "GIT_AUTHOR_NAME": "A",
        "GIT_AUTHOR_EMAIL": "a@x",
        "GIT_COMMITTER_NAME": "A",
        "GIT_COMMITTER_EMAIL": "a@x",
    }
    return subprocess.run(
        args, cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="session")
def dvc_run_repo(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, dict[str, Any]]]:
    """A repository whose experiments are made by real `dvc exp run`."""
    repo = tmp_path_factory.mktemp("dvcrun") / "repo"
    repo.mkdir()
    run(repo, "git", "init", "-q", "-b", "main")
    run(repo, sys.executable, "-m", "dvc", "init", "-q")
    (repo / "train.py").write_text(TRAIN)
    (repo / "dvc.yaml").write_text(DVC_YAML)
    (repo / "params.yaml").write_text("lr: 0.1\nepochs: 3\n")
    run(repo, sys.executable, "-m", "dvc", "repro", "-q")
    run(repo, "git", "add", "-A")
    run(repo, "git", "commit", "-qm", "baseline")
    for i, lr in enumerate((0.2, 0.4)):
        run(
            repo,
            sys.executable,
            "-m",
            "dvc",
            "exp",
            "run",
            "-q",
            "-n",
            f"real-{i}",
            "-S",
            f"lr={lr}",
        )
    run(repo, sys.executable, "-m", "dvc", "exp", "run", "-q", "-S", "epochs=7")  # random name
    return repo, oracle_by_sha(dvc_exp_show(repo))


async def test_real_dvc_exp_run_experiments_equal_dvc_exp_show(
    api: Api, dvc_run_repo: tuple[Path, dict[str, dict[str, Any]]], unique: str
) -> None:
    repo, oracle = dvc_run_repo
    await api.create_project(repo, f"dvcrun-{unique}")
    rows = await all_experiments(api, f"dvcrun-{unique}")
    by_sha = {r["sha"]: r for r in rows}
    experiments = [r for r in rows if r["kind"] == "EXPERIMENT"]
    assert {r["name"] for r in experiments} >= {"real-0", "real-1"} and len(experiments) == 3
    assert set(oracle) == set(by_sha)
    for sha, expected in oracle.items():
        for part in ("params", "metrics"):
            assert ours(by_sha[sha], part) == expected[part], (sha, part)
    accs = sorted(r["metrics"]["metrics.json"]["acc"] for r in experiments)
    assert accs == [0.8, 0.8, 0.9]  # -S changes stay in the workspace for the next run
