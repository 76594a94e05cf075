"""Unmodified DVC and DVCLive against a real ``gitstudio serve`` (SQLite): a plain DVCLive
script, ``dvc exp run``, ``dvc exp push`` / ``dvc exp remove -g`` to a bare remote, ``dvc
studio login``, and a server restart in the middle of a run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from live_support import admin_token as mint
from live_support import (
    client_env,
    create_project_rest,
    experiments,
    live_repo,
    metric_points,
    run,
    sqlite_rows,
    start_server_on,
    wait_for,
)
from support import Server, free_port, git, http, start_server, stop_server

DVC = [sys.executable, "-m", "dvc"]


@dataclass
class Served:
    server: Server
    data_dir: Path
    token: str

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    data_dir = tmp_path_factory.mktemp("served")
    token = mint(data_dir)
    server = start_server([], data_dir)
    try:
        yield Served(server, data_dir, token)
    finally:
        stop_server(server)


def no_post_failures(output: str) -> None:
    assert "Failed to post" not in output, output
    assert "failed to notify" not in output.lower(), output


def exp_ref(repo: Path, name: str) -> tuple[str, str]:
    refs = git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/exps")
    for line in refs.splitlines():
        ref, sha = line.split()
        if ref.endswith(f"/{name}"):
            return ref, sha
    raise AssertionError(f"no experiment ref named {name}: {refs}")


def test_plain_dvclive_script(served: Served, tmp_path: Path) -> None:
    repo = tmp_path / "plain"
    baseline = live_repo(repo)
    create_project_rest(served.url, served.token, str(repo), "plain")
    env = client_env(served.url, served.token, f"file://{repo}/", tmp_path / "home")
    output = run([sys.executable, "live_train.py"], repo, {**env, "LIVE_EXP_NAME": "plain-run"})
    no_post_failures(output)
    assert output.count("status_code=200") >= 14, output  # start, 2 x (6 + 1) data, done

    (row,) = experiments(served.url, served.token, "plain", "LIVE")
    _ref, exp_sha = exp_ref(repo, "plain-run")
    assert (row["name"], row["status"], row["message"]) == (
        "plain-run",
        "COMPLETED",
        "live training",
    )
    assert row["experimentRev"] == exp_sha and row["lastStep"] == 5
    params = yaml.safe_load((repo / "dvclive" / "params.yaml").read_text())
    assert (
        row["params"]
        == {"dvclive/params.yaml": params}
        == {"dvclive/params.yaml": {"epochs": 6, "lr": 0.1}}
    )
    summary = json.loads((repo / "dvclive" / "metrics.json").read_text())
    assert row["metrics"] == {"dvclive/metrics.json": summary}
    assert sorted(row["metricNames"]) == ["acc", "train/loss"]

    points = metric_points(served.data_dir, row["databaseId"])
    assert [(n, s) for n, s, _v, _t in points] == [
        (n, s) for n in ("acc", "train/loss") for s in range(6)
    ]
    assert ("train/loss", 2, None, "nan") in points
    assert ("train/loss", 3, 0.25, None) in points
    tsv = (repo / "dvclive" / "plots" / "metrics" / "acc.tsv").read_text().splitlines()[1:]
    assert [(s, v) for _n, s, v, _t in points[:6]] == [
        (int(line.split("\t")[-2]), float(line.split("\t")[-1])) for line in tsv
    ]

    image = http.get(
        f"{served.url}/api/live/images/{row['databaseId']}/dvclive/plots/images/sample.png",
        headers={"Authorization": f"token {served.token}"},
    )
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content == (repo / "dvclive" / "plots" / "images" / "sample.png").read_bytes()
    assert baseline == git(repo, "rev-parse", "main")


def test_dvc_exp_run(served: Served, tmp_path: Path) -> None:
    repo = tmp_path / "exprun"
    live_repo(repo)
    create_project_rest(served.url, served.token, str(repo), "exprun")
    env = client_env(served.url, served.token, str(repo), tmp_path / "home")
    output = run([*DVC, "exp", "run", "-n", "exp-live", "-m", "exp run message"], repo, env)
    no_post_failures(output)
    (row,) = experiments(served.url, served.token, "exprun", "LIVE")
    _ref, sha = exp_ref(repo, "exp-live")
    assert (row["name"], row["status"], row["experimentRev"]) == ("exp-live", "COMPLETED", sha)
    assert row["message"] == "exp run message"  # from DVC's start (client dvc)
    assert set(row["params"]) == {"params.yaml", "dvclive/params.yaml"}  # DVC's + DVCLive's
    assert row["lastStep"] == 5
    names = {n for n, *_ in metric_points(served.data_dir, row["databaseId"])}
    assert names == {"acc", "train/loss"}


def test_dvc_exp_push_and_remove_call_the_webhook(served: Served, tmp_path: Path) -> None:
    work, bare = tmp_path / "work", tmp_path / "remote.git"
    live_repo(work)
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    git(work, "remote", "add", "origin", str(bare))
    git(work, "push", "-q", "origin", "main")
    project = create_project_rest(served.url, served.token, str(bare), "pushed")
    env = client_env(served.url, served.token, str(bare), tmp_path / "home")
    run(
        [*DVC, "remote", "add", "-d", "--local", "storage", str(tmp_path / "dvc-remote")], work, env
    )
    run([*DVC, "exp", "run", "-n", "to-push"], work, env)
    (live,) = experiments(served.url, served.token, "pushed", "LIVE")

    output = run([*DVC, "exp", "push", "origin", "to-push"], work, env)
    assert f"View your experiments at {project['url']}" in output, output
    assert project["url"] == f"{served.url}/projects/pushed"
    ref, sha = exp_ref(work, "to-push")

    def pushed() -> list[dict[str, Any]]:
        return experiments(served.url, served.token, "pushed", "EXPERIMENT")

    (row,) = wait_for(pushed, what="the pushed experiment ref")
    assert (row["ref"], row["sha"], row["name"]) == (ref, sha, "to-push")
    assert row["databaseId"] == live["databaseId"]  # the live run became its ref, history kept
    assert experiments(served.url, served.token, "pushed", "LIVE") == []
    assert metric_points(served.data_dir, row["databaseId"])

    output = run([*DVC, "exp", "remove", "-g", "origin", "to-push"], work, env)
    no_post_failures(output)
    wait_for(lambda: not pushed(), what="the removed ref to disappear")


def test_dvc_studio_login(served: Served, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = client_env(served.url, "", "", home)
    for key in ("DVC_STUDIO_URL", "DVC_STUDIO_TOKEN", "DVC_STUDIO_REPO_URL"):
        env.pop(key)
    login = subprocess.Popen(
        [
            *DVC,
            "studio",
            "login",
            "--no-open",
            "-H",
            served.url,
            "-n",
            "e2e-login",
            "-s",
            "EXPERIMENTS",
        ],
        cwd=tmp_path,
        env={**env, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert login.stdout is not None
        seen = []
        for line in login.stdout:  # debug logging comes first
            seen.append(line)
            found = re.search(r"(http://\S+/auth/device-login)\?code=([A-Z]{4}-[A-Z]{4})", line)
            if found:
                break
        if not found:
            login.wait(timeout=30)
            raise AssertionError(f"exit {login.returncode}, no login URL in:\n{''.join(seen)}")
        page = http.get(f"{found[1]}?code={found[2]}")  # approving needs a signed-in user
        assert page.status_code == 303 and "/login?next=" in page.headers["location"]
        approved = http.post(
            found[1], data={"user_code": found[2], "token": served.token, "action": "approve"}
        )
        assert approved.status_code == 200, approved.text
        rest, _ = login.communicate(timeout=30)
    finally:
        login.kill()
    assert login.returncode == 0, rest
    assert "Authentication complete" in rest

    config = (home / ".config" / "dvc" / "config").read_text()
    token = re.search(r"token = (dsat_\S+)", config)
    assert token and f"url = {served.url}" in config
    headers = {"Authorization": f"token {token[1]}"}
    repo = tmp_path / "login-repo"
    baseline = live_repo(repo)
    create_project_rest(served.url, served.token, str(repo), "login")
    body = {
        "type": "start",
        "repo_url": str(repo),
        "baseline_sha": baseline,
        "name": "after-login",
        "client": "dvclive",
    }
    assert http.post(f"{served.url}/api/live", json=body, headers=headers).status_code == 200
    refused = http.post(
        f"{served.url}/api/create-project", json={"repo_url": str(repo)}, headers=headers
    )
    assert refused.status_code == 403  # EXPERIMENTS only, as asked


def test_server_restart_mid_run_loses_no_step(tmp_path: Path) -> None:
    data_dir, control = tmp_path / "data", tmp_path / "control"
    control.mkdir()
    data_dir.mkdir()
    token = mint(data_dir)
    port = free_port()
    server = start_server_on(port, data_dir)
    repo = tmp_path / "restart"
    live_repo(repo)
    create_project_rest(server.url, token, str(repo), "restart")
    env = {
        **client_env(server.url, token, str(repo), tmp_path / "home"),
        "LIVE_STEPS": "9",
        "LIVE_PAUSE_AT": "4",
        "LIVE_CONTROL": str(control),
        "LIVE_EXP_NAME": "survivor",
    }
    training = subprocess.Popen(
        [sys.executable, "live_train.py"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: (control / "paused").exists(), 60, "the run to reach step 4")
        stop_server(server)
        (control / "down").touch()
        wait_for(lambda: (control / "posted-while-down").exists(), 60, "posts while down")
        # Back on the same port and data; it marks the silent run STALE within a second.
        server = start_server_on(port, data_dir, {"GITSTUDIO_LIVE_STALE_AFTER": "1"})

        def status() -> str:
            rows = sqlite_rows(data_dir, "SELECT status FROM experiments WHERE name = 'survivor'")
            return str(rows[0]["status"])

        wait_for(lambda: status() == "STALE", 20, "the run to go STALE")
        (control / "up").touch()
        output, _ = training.communicate(timeout=120)
        assert training.returncode == 0, output
        assert "Failed to post" in output  # the two steps posted while the server was down

        (row,) = experiments(server.url, token, "restart", "LIVE")
        assert (row["status"], row["lastStep"]) == ("COMPLETED", 8)
        points = metric_points(data_dir, row["databaseId"])
        assert [(n, s) for n, s, *_ in points] == [
            (n, s) for n in ("acc", "train/loss") for s in range(9)
        ]
    finally:
        training.kill()
        stop_server(server)
