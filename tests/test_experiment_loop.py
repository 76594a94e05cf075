"""The whole loop of "Writing to Git", with real parts only: a project whose repository is a
bare Git remote; ``runExperiment`` over HTTP changes hyperparameters on a new branch; a clone
of that branch runs ``dvc exp run`` (real DVC and DVCLive) posting to the server's
``/api/live``; a websocket subscriber and a query after the run see the live experiment under
the new commit, trained with the changed values. On SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from live_support import client_env, run
from services import fresh_postgres
from support import Server, git, start_server, stop_server
from ws_support import (
    TRANSPORT_WS,
    Subscriber,
    admin_token,
    done_event,
    graphql,
    steps_of,
    subscribe,
)

from sync.generate import RepoSpec, add_commit, generate_repo

DVC = [sys.executable, "-m", "dvc"]

TRAIN = '''"""Trains with the params of params.yaml; the score depends on lr."""
import yaml
from dvclive import Live

params = yaml.safe_load(open("params.yaml"))
lr, epochs = params["lr"], params["epochs"]
with Live(exp_message="tuned by the loop test") as live:
    live.log_params({"lr": lr, "epochs": epochs})
    for step in range(epochs):
        live.log_metric("train/score", lr * (step + 1))
        live.log_metric("lr", lr)
        live.next_step()
'''

DVC_YAML = """stages:
  train:
    cmd: python train.py
    deps:
    - train.py
    params:
    - lr
    - epochs
"""

PARAMS = "# tuned through gitstudio\nlr: 0.001\nepochs: 3\n"
TUNED = "# tuned through gitstudio\nlr: 0.25\nepochs: 4\n"  # comment and layout kept

CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id } errors { code message } } }"""

RUN_EXPERIMENT = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  commit { sha parents title } branch errors { code message field } } }"""

LIVE = """subscription($project: ID!) { liveMetrics(projectId: $project) {
  type step metrics experimentId experiment { name status kind baselineSha } } }"""

AFTER = """query($id: ID!, $sha: String!) { node(id: $id) { ... on Project {
  commit(sha: $sha) { sha params experiments {
    id kind name status baselineSha experimentRev lastStep params metricNames
    score: metricHistory(name: "train/score", maxPoints: 0) { steps values }
    lr: metricHistory(name: "lr", maxPoints: 0) { steps values } } } } } }"""


@dataclass
class Served:
    server: Server
    token: str


@pytest.fixture(params=["sqlite", "postgres"])
async def served(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Served]:
    """``gitstudio serve`` (uvicorn) in a subprocess on a fresh database of the backend."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if request.param == "sqlite":
        server = start_server([], data_dir)
        try:
            yield Served(server, admin_token(data_dir))
        finally:
            stop_server(server)
        return
    async with fresh_postgres("gitstudio_loop") as url:
        env = {"GITSTUDIO_DATABASE_URL": url}
        token = admin_token(data_dir, env)
        server = start_server([], data_dir, env)
        try:
            yield Served(server, token)
        finally:
            stop_server(server)


def bare_remote(tmp_path: Path) -> tuple[Path, str]:
    """A DVC project whose stage trains with DVCLive, pushed to a bare remote: (remote, main)."""
    work, bare = tmp_path / "work", tmp_path / "remote.git"
    generate_repo(
        work,
        RepoSpec(
            commits=1, branches=("main",), exps_per_commit=0, gto_tags=False, extra_formats=False
        ),
    )
    main = add_commit(
        work,
        "main",
        {"dvc.yaml": DVC_YAML, "dvc.lock": None, "params.yaml": PARAMS, "train.py": TRAIN},
        "Train with DVCLive from params.yaml",
    )
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    git(work, "push", "-q", str(bare), "main")
    return bare, main


def exp_commit(repo: Path, name: str) -> str:
    """The commit of the experiment ref ``name`` that ``dvc exp run`` wrote."""
    refs = git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/exps")
    (sha,) = [s for r, s in (line.split() for line in refs.splitlines()) if r.endswith(f"/{name}")]
    return sha


@contextlib.asynccontextmanager
async def listening(
    server: Server, token: str, project: str, name: str
) -> AsyncIterator[Subscriber]:
    """A liveMetrics subscriber of the project until run ``name`` is DONE; cancelled after."""

    def until(event: dict[str, Any]) -> bool:
        return done_event(event) and event["experiment"]["name"] == name

    subscriber = subscribe(server, token, TRANSPORT_WS, LIVE, {"project": project}, until)
    try:
        await asyncio.wait_for(subscriber.subscribed.wait(), 30)
        yield subscriber
    finally:
        assert subscriber.task is not None
        subscriber.task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await subscriber.task


async def test_run_experiment_then_dvc_exp_run_streams_back(served: Served, tmp_path: Path) -> None:
    server, token = served.server, served.token
    bare, main = bare_remote(tmp_path)
    created = (await graphql(server, token, CREATE, {"input": {"repoUrl": str(bare)}}))[
        "createProject"
    ]
    assert created["errors"] == [], created
    project = created["project"]["id"]

    async with listening(server, token, project, "tuned-lr") as subscriber:
        # 1. Change the hyperparameters on a new branch, pushed to the remote by the server.
        branch = "exp/lr-0.25"
        done = (
            await graphql(
                server,
                token,
                RUN_EXPERIMENT,
                {
                    "input": {
                        "projectId": project,
                        "baseRev": "main",
                        "paramChanges": [
                            {"file": "params.yaml", "path": "lr", "value": 0.25},
                            {"file": "params.yaml", "path": "epochs", "value": 4},
                        ],
                        "message": "Try lr 0.25 for 4 epochs",
                        "target": "BRANCH",
                        "branch": branch,
                    }
                },
            )
        )["runExperiment"]
        assert done["errors"] == [], done["errors"]
        sha = done["commit"]["sha"]
        assert done["branch"] == branch and done["commit"]["parents"] == [main]
        assert done["commit"]["title"] == "Try lr 0.25 for 4 epochs"
        assert git(bare, "rev-parse", f"refs/heads/{branch}") == sha
        assert git(bare, "rev-parse", "refs/heads/main") == main

        # 2. Clone the new branch and train there with unmodified DVC and DVCLive.
        clone = tmp_path / "clone"
        subprocess.run(
            ["git", "clone", "-q", "--branch", branch, str(bare), str(clone)], check=True
        )
        assert (clone / "params.yaml").read_text() == TUNED
        env = client_env(server.url, token, str(bare), tmp_path / "home")
        output = await asyncio.to_thread(run, [*DVC, "exp", "run", "-n", "tuned-lr"], clone, env)
        assert "Failed to post" not in output, output
        exp_sha = exp_commit(clone, "tuned-lr")
        assert git(clone, "rev-parse", f"{exp_sha}^") == sha

        # 3. Every step streamed back over the websocket, in order, trained with lr 0.25.
        events = [e for e in await subscriber.wait(60) if e["experiment"]["name"] == "tuned-lr"]
        types = [e["type"] for e in events]
        assert types[0] == "START" and types[-1] == "DONE" and set(types[1:-1]) == {"DATA"}, types
        # DVCLive posts a step's summary, then its plot rows: each step is published once.
        assert steps_of(events) == [0, 1, 2, 3]
        for e in events[1:-1]:
            assert e["metrics"] == {"train/score": 0.25 * (e["step"] + 1), "lr": 0.25}, e
        assert {e["experiment"]["baselineSha"] for e in events} == {sha}
        assert events[-1]["experiment"]["status"] == "COMPLETED"
        assert len({e["experimentId"] for e in events}) == 1

    # 4. A query after the run: the live experiment under the new commit, with its params.
    data = await graphql(server, token, AFTER, {"id": project, "sha": sha})
    commit = data["node"]["commit"]
    assert commit["params"]["params.yaml"] == {"lr": 0.25, "epochs": 4}
    (live,) = [e for e in commit["experiments"] if e["kind"] == "LIVE"]
    assert live["id"] == events[0]["experimentId"]
    assert (live["name"], live["status"], live["baselineSha"]) == ("tuned-lr", "COMPLETED", sha)
    assert (live["experimentRev"], live["lastStep"]) == (exp_sha, 3)
    assert live["params"]["params.yaml"] == {"lr": 0.25, "epochs": 4}  # DVC's snapshot
    assert live["params"]["dvclive/params.yaml"] == {"lr": 0.25, "epochs": 4}  # DVCLive's
    assert sorted(live["metricNames"]) == ["lr", "train/score"]
    assert live["score"] == {"steps": [0, 1, 2, 3], "values": [0.25, 0.5, 0.75, 1.0]}
    assert live["lr"] == {"steps": [0, 1, 2, 3], "values": [0.25] * 4}
