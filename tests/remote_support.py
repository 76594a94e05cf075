"""DVC projects whose metrics, params and plots live in a DVC remote (``cache: true``
outputs, pushed with the real ``dvc push``), and an S3-compatible server to push them to:
moto's server mode, a real subprocess on a free 127.0.0.1 port, with authentication on
(after the first few calls that create its user, every request must be signed with that
user's key)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from support import free_port, git, new_dvc_repo

TRAIN = """\
import json
import os

import yaml

lr = yaml.safe_load(open("params.yaml"))["lr"]
json.dump({"acc": round(lr * 3, 4), "loss": round(1 - lr, 4)}, open("metrics.json", "w"))
rows = "".join(f"{step},{round(lr / (step + 1), 4)}\\n" for step in range(4))
open("loss.csv", "w").write("step,loss\\n" + rows)
os.makedirs("curves", exist_ok=True)
for name, scale in (("a", 1), ("b", 2)):
    points = "".join(f"{step},{round(lr * scale * step, 4)}\\n" for step in range(3))
    open(f"curves/{name}.csv", "w").write("step,value\\n" + points)
"""

DVC_YAML = """\
stages:
  train:
    cmd: {python} train.py
    deps: [train.py]
    params: [lr]
    metrics: [metrics.json]
    plots:
      - loss.csv:
          x: step
          y: loss
      - curves:
          x: step
          y: value
"""

BUCKET = "dvcstore"
# The calls moto answers before it checks signatures: the user, its key, its policy, the
# bucket.
_OPEN_CALLS = 4


@dataclass(frozen=True)
class S3Server:
    endpoint: str  # http://127.0.0.1:PORT
    host: str  # 127.0.0.1:PORT, as GITSTUDIO_ALLOWED_GIT_HOSTS lists it
    key_id: str
    secret: str


def dvc(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dvc", *args],
        cwd=repo,
        env={**os.environ, "DVC_NO_ANALYTICS": "1"},
        check=check,
        capture_output=True,
        text=True,
    )


def start_s3(log_dir: Path) -> Iterator[S3Server]:
    """moto's S3 (and IAM) server, its user and bucket made; stopped afterwards."""
    import boto3

    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    log = (log_dir / "moto.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        env={**os.environ, "INITIAL_NO_AUTH_ACTION_COUNT": str(_OPEN_CALLS)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(endpoint, process)
        anyone = {"endpoint_url": endpoint, "region_name": "us-east-1"}
        iam = boto3.client("iam", aws_access_key_id="a", aws_secret_access_key="b", **anyone)
        iam.create_user(UserName="ci")
        key = iam.create_access_key(UserName="ci")["AccessKey"]
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}  # fmt: skip
        iam.put_user_policy(UserName="ci", PolicyName="all", PolicyDocument=json.dumps(policy))
        s3 = boto3.client(
            "s3",
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
            **anyone,
        )
        s3.create_bucket(Bucket=BUCKET)
        yield S3Server(endpoint, f"127.0.0.1:{port}", key["AccessKeyId"], key["SecretAccessKey"])
    finally:
        process.terminate()
        process.wait(10)
        log.close()


def _wait_for(endpoint: str, process: subprocess.Popen[bytes]) -> None:
    """Until the server answers (a refused connection is retried at once; a server that
    exits or takes a minute fails the test)."""
    deadline = time.monotonic() + 60
    with httpx.Client(timeout=2) as client:
        while True:
            assert process.poll() is None, "moto's server exited"
            assert time.monotonic() < deadline, "moto's server did not answer"
            try:
                client.get(f"{endpoint}/moto-api/")
                return
            except httpx.TransportError:
                time.sleep(0.05)  # a refused connection returns at once: poll, not spin


def cached_repo(
    repo: Path,
    remote_url: str,
    config: dict[str, str],
    local_config: dict[str, str],
    pushed: list[float],
    unpushed: list[float],
) -> dict[str, Any]:
    """A DVC project whose stage writes metrics.json, loss.csv and a directory of curves,
    DVC outputs kept in the cache (not in Git): a commit per learning rate of ``pushed`` (``dvc push``ed to the
    default remote ``storage`` at ``remote_url`` with ``config``, ``local_config`` kept
    in the uncommitted .dvc/config.local) and then of ``unpushed``. Returns the repository
    and the commits' shas."""
    new_dvc_repo(repo)
    dvc(repo, "remote", "add", "-d", "storage", remote_url)
    for key, value in config.items():
        dvc(repo, "remote", "modify", "storage", key, value)
    for key, value in local_config.items():
        dvc(repo, "remote", "modify", "--local", "storage", key, value)
    (repo / "train.py").write_text(TRAIN)
    (repo / "dvc.yaml").write_text(DVC_YAML.format(python=sys.executable))
    shas: dict[str, list[str]] = {"pushed": [], "unpushed": []}
    for group, rates in (("pushed", pushed), ("unpushed", unpushed)):
        for lr in rates:
            (repo / "params.yaml").write_text(f"lr: {lr}\n")
            dvc(repo, "repro", "-q")
            git(repo, "add", "-A")
            git(repo, "commit", "-qm", f"lr {lr}")
            shas[group].append(git(repo, "rev-parse", "HEAD"))
        if group == "pushed":
            dvc(repo, "push", "-q", "--all-commits")
    tracked = set(git(repo, "ls-files").split())
    assert not tracked & {"metrics.json", "loss.csv", "curves/a.csv", "curves/b.csv"}
    return {"repo": repo, **shas}


def pulled_clone(repo: Path, clone: Path, local_config: dict[str, str]) -> Path:
    """A clone of ``repo`` with every pushed revision's outputs ``dvc pull``ed from the
    remote (so dvc's own answers come from what the remote holds)."""
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    for key, value in local_config.items():
        dvc(clone, "remote", "modify", "--local", "storage", key, value)
    dvc(clone, "pull", "-q", "--all-commits", check=False)  # unpushed revisions fail
    return clone
