"""``dvc artifacts get`` against gitstudio: a real DVC repository whose model is DVC-tracked
(pushed to a local DVC remote) and another Git-tracked, registered and staged with the real
gto; a real uvicorn server; the real ``dvc artifacts get`` downloads the right bytes for a
stage and for a version, through gitstudio's signed links (the trace shows DVC never fell
back to reading the repository itself)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live_support import admin_token, cli, client_env, run
from registry_support import GTO
from support import Server, http, start_server


@pytest.fixture
def dvc_registry(tmp_path: Path) -> Path:
    repo = tmp_path / "models-repo"
    repo.mkdir()
    env = client_env("http://unused", "unused", str(repo), tmp_path / "home-setup")
    run(["git", "init", "-q", "-b", "main"], repo, env)
    run(["dvc", "init", "-q"], repo, env)
    run(["dvc", "remote", "add", "-d", "store", str(tmp_path / "dvc-storage")], repo, env)
    (repo / "models").mkdir()
    (repo / "dvc.yaml").write_text(
        "artifacts:\n"
        "  churn:\n    path: models/churn.pkl\n    type: model\n"
        "  notes:\n    path: models/notes.txt\n    type: model\n"
    )
    for version, weights in (("v1.0.0", b"weights one\n"), ("v2.0.0", b"weights two\n")):
        (repo / "models" / "churn.pkl").write_bytes(weights)
        (repo / "models" / "notes.txt").write_text(f"notes for {version}\n")
        run(["dvc", "add", "-q", "models/churn.pkl"], repo, env)
        run(["git", "add", "-A"], repo, env)
        run(["git", "commit", "-qm", f"train {version}"], repo, env)
        run(["dvc", "push", "-q"], repo, env)
        for model in ("churn", "notes"):
            run([GTO, "register", model, "HEAD", "--version", version], repo, env)
    run([GTO, "assign", "churn", "--version", "v1.0.0", "--stage", "prod"], repo, env)
    return repo


@pytest.fixture
def server(tmp_path: Path, dvc_registry: Path) -> Iterator[tuple[Server, str]]:
    data = tmp_path / "data"
    data.mkdir()
    cli(data, "project", "add", str(dvc_registry), "--name", "models")
    token = admin_token(data, "READ")
    served = start_server([], data)
    yield served, token
    served.process.terminate()
    served.process.wait(timeout=15)


def get(repo: Path, tmp_path: Path, server: Server, token: str, *args: str) -> str:
    env = client_env(server.url, token, str(repo), tmp_path / "home")
    return run(["dvc", "artifacts", "get", str(repo), *args, "-vv"], tmp_path, env)


def test_dvc_artifacts_get_by_stage_and_version(
    dvc_registry: Path, server: tuple[Server, str], tmp_path: Path
) -> None:
    served, token = server
    trace = get(dvc_registry, tmp_path, served, token, "churn", "--stage", "prod", "-o", "prod")
    assert (tmp_path / "prod" / "churn.pkl").read_bytes() == b"weights one\n"
    assert "Trying studio-only config" in trace
    assert "Trying repo [studio] config" not in trace, "DVC fell back: gitstudio did not serve"

    get(dvc_registry, tmp_path, served, token, "churn", "--rev", "v2.0.0", "-o", "v2")
    assert (tmp_path / "v2" / "churn.pkl").read_bytes() == b"weights two\n"
    get(dvc_registry, tmp_path, served, token, "notes", "-o", "latest")  # Git-tracked, latest
    assert (tmp_path / "latest" / "notes.txt").read_text() == "notes for v2.0.0\n"


def test_links_are_signed_and_the_api_needs_a_token(
    dvc_registry: Path, server: tuple[Server, str]
) -> None:
    served, token = server
    api = f"{served.url}/api/model-registry/get-download-uris"
    params = {"repo": str(dvc_registry), "name": "churn", "version": "v2.0.0"}
    assert http.get(api, params=params).status_code == 401
    answer = http.get(api, params=params, headers={"Authorization": f"token {token}"})
    assert answer.status_code == 200, answer.text
    [(path, url)] = answer.json().items()
    assert path == "churn.pkl"
    assert http.get(url).content == b"weights two\n"
    assert http.get(url.replace("signature=", "signature=0")).status_code == 403
    assert http.get(url.replace("churn.pkl", "notes.txt")).status_code == 403
    missing = http.get(
        api, params={**params, "version": "v9.0.0"}, headers={"Authorization": f"token {token}"}
    )
    assert missing.status_code == 404 and "v9.0.0" in missing.json()["detail"]
    both = http.get(
        api, params={**params, "stage": "prod"}, headers={"Authorization": f"token {token}"}
    )
    assert both.status_code == 400
