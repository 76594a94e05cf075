"""The command line and a real uvicorn server in a subprocess (the newcomer's first run)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import httpx
from support import http, start_server, stop_server

from sync.generate import RepoSpec, add_commit, generate_repo


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def post(url: str, token: str, query: str) -> httpx.Response:
    return http.post(
        f"{url}/graphql",
        json={"query": query},
        headers={"Authorization": f"token {token}"},
        timeout=30,
    )


def test_serve_demo_prints_a_working_token_and_serves_graphiql(tmp_path: Path) -> None:
    server = start_server(["--demo"], tmp_path)
    try:
        output = server.output.read_text()
        token = re.search(r"(dsat_[A-Za-z0-9_-]{48,})", output)
        assert token, output
        link = re.search(r"(http://\S+/graphql\?headers=\S+)", output)
        assert link and token[1] in unquote(link[1])

        page = http.get(f"{server.url}/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower()

        body = post(
            server.url,
            token[1],
            '{ project(name: "demo") { commits { totalCount } branches { name }'
            " experiments(filter: {kinds: [EXPERIMENT]}) { totalCount } tags { name } } }",
        ).json()
        project = body["data"]["project"]
        assert project["commits"]["totalCount"] == 20
        assert {b["name"] for b in project["branches"]} == {"main", "feature"}
        assert project["experiments"]["totalCount"] == 60
        assert any("@v" in t["name"] for t in project["tags"])
        assert (
            post(server.url, "dsat_" + "0" * 48, "{ projects { totalCount } }").status_code == 401
        )
    finally:
        stop_server(server)
    # A second start reuses the demo and does not mint another token.
    server = start_server(["--demo"], tmp_path)
    try:
        assert "Tokens exist already" in server.output.read_text()
    finally:
        stop_server(server)


def test_project_and_token_commands(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=4, exps_per_commit=1, gto_tags=False))
    data = tmp_path / "data"

    added = cli(data, "project", "add", str(repo), "--name", "mine")
    assert added.returncode == 0, added.stderr
    assert "added project mine" in added.stdout

    listed = cli(data, "project", "list")
    assert "mine" in listed.stdout and str(repo) in listed.stdout

    add_commit(repo, "main", {"params.yaml": "lr: 1\n"}, "more")
    synced = cli(data, "project", "sync", "mine")
    assert synced.returncode == 0 and "1 new commits" in synced.stdout

    missing = cli(data, "project", "sync", "nope")
    assert missing.returncode == 1 and "NOT_FOUND" in missing.stderr

    bad = cli(data, "project", "add", str(tmp_path / "nothing-here"), "--name", "x")
    assert bad.returncode == 1 and "UNREACHABLE" in bad.stderr

    minted = cli(data, "token", "create", "--name", "ci", "--scope", "read")
    assert minted.returncode == 0
    token = minted.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"dsat_[A-Za-z0-9_-]{48,}", token)
    refused = cli(data, "token", "create", "--name", "ci", "--scope", "root")
    assert refused.returncode == 2 and "unknown scope" in refused.stderr
    owned = ["--owner-name", "Ada", "--owner-email", "ada@example.com"]
    assert cli(data, "token", "create", "--name", "ada", "--scope", "read", *owned).returncode == 0
    half = cli(data, "token", "create", "--name", "x", "--scope", "read", "--owner-name", "Ada")
    assert half.returncode == 2 and "both" in half.stderr

    server = start_server([], data)
    try:
        body = post(
            server.url, token, '{ project(name: "mine") { commits { totalCount } } }'
        ).json()
        assert body["data"]["project"]["commits"]["totalCount"] == 5
        forbidden = post(
            server.url, token, 'mutation { syncProject(id: "UHJvamVjdDox") { errors { code } } }'
        )
        assert forbidden.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    finally:
        stop_server(server)


def test_export_schema_prints_sdl() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", "export-schema"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (
        "type Query" in out and "createProject(input: CreateProjectInput!): ProjectPayload!" in out
    )


def test_polling_picks_up_new_commits_from_a_file_url(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    data = tmp_path / "data"
    assert cli(data, "project", "add", f"file://{repo}", "--name", "polled").returncode == 0
    token = cli(data, "token", "create", "--name", "t", "--scope", "READ").stdout.split()[-1]
    server = start_server(["--poll-interval", "0.2"], data)
    try:
        new = add_commit(repo, "main", {"params.yaml": "lr: 3\n"}, "pushed later")
        query = '{ project(name: "polled") { commits(first: 1) { nodes { sha } } } }'
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            nodes = post(server.url, token, query).json()["data"]["project"]["commits"]["nodes"]
            if nodes[0]["sha"] == new:
                break
            time.sleep(0.1)
        assert nodes[0]["sha"] == new
    finally:
        stop_server(server)
