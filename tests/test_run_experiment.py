"""runExperiment: changed params committed without a working tree, as the next commit of a
branch or on a new branch, pushed to the project's repository; only the intended bytes
change; bad requests and refused pushes leave nothing behind; two writers on one branch
never lose a commit."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pygit2
import pytest
from support import Api, hand_commented_repo

from sync.generate import RepoSpec, generate_repo

RUN = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  commit { sha parents title author { name } } branch errors { code message field } } }"""


async def run(api: Api, **fields: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (await api.data(RUN, {"input": fields}))["runExperiment"]
    return payload


def branches(repo: Path) -> dict[str, str]:
    git = pygit2.Repository(str(repo))
    return {b: str(git.branches.local[b].target) for b in git.branches.local}


def changed_files(repo: Path, sha: str) -> dict[str, tuple[bytes, bytes]]:
    """path -> (before, after) of every file the commit changed against its parent."""
    git = pygit2.Repository(str(repo))
    commit = git.get(sha)
    assert isinstance(commit, pygit2.Commit)
    diff = git.diff(commit.parents[0], commit)
    out = {}
    for patch in diff:
        path = patch.delta.new_file.path
        out[path] = (
            git.get(patch.delta.old_file.id).data,  # type: ignore[union-attr]
            git.get(patch.delta.new_file.id).data,  # type: ignore[union-attr]
        )
    return out


@pytest.fixture
async def local(api: Api, tmp_path: Path, unique: str) -> tuple[Path, str]:
    repo = hand_commented_repo(tmp_path / "repo")
    project = await api.create_project(repo, f"run-{unique}")
    return repo, project["id"]


async def test_new_branch_changes_only_the_asked_values(api: Api, local: tuple[Path, str]) -> None:
    repo, pid = local
    main = branches(repo)["main"]
    done = await run(
        api,
        projectId=pid,
        baseRev="main",
        target="BRANCH",
        branch="exp/lr-0.05",
        paramChanges=[{"file": "params.yaml", "path": "lr", "value": 0.05}],
    )
    assert done["errors"] == []
    commit = done["commit"]
    assert done["branch"] == "exp/lr-0.05" and branches(repo)["exp/lr-0.05"] == commit["sha"]
    assert commit["parents"] == [main] and commit["author"]["name"] == "gitstudio"
    assert branches(repo)["main"] == main, "the base branch did not move"
    [(path, (before, after))] = changed_files(repo, commit["sha"]).items()
    assert path == "params.yaml"
    assert after == before.replace(b"lr: 0.001", b"lr: 0.05")  # comment and layout kept
    listed = await api.data(
        'query($id: ID!) { node(id: $id) { ... on Project { commit(sha: "%s") { sha } } } }'
        % commit["sha"],
        {"id": pid},
    )
    assert listed["node"]["commit"]["sha"] == commit["sha"], "indexed at once"


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"target": "BRANCH", "branch": "bad..name"}, "INVALID", "branch"),
        ({"target": "BRANCH", "branch": "feature"}, "DUPLICATE", "branch"),
        ({"target": "COMMIT"}, "CONFLICT", "branch"),  # main is checked out in the repo
        ({"target": "PULL_REQUEST"}, "INVALID", "branch"),  # a pull request needs its branch
        ({"target": "BRANCH", "branch": "x", "baseRev": "nope"}, "NOT_FOUND", "baseRev"),
        (
            {
                "target": "BRANCH",
                "branch": "x",
                "paramChanges": [{"file": "params.yaml", "path": "lr_typo", "value": 1.0}],
            },
            "NOT_FOUND",
            "paramChanges",
        ),
        (
            {
                "target": "BRANCH",
                "branch": "x",
                "paramChanges": [{"file": "params.yaml", "path": "epochs", "value": "many"}],
            },
            "INVALID",
            "paramChanges",
        ),
    ],
)
async def test_bad_requests_write_nothing(
    api: Api, local: tuple[Path, str], fields: dict[str, Any], code: str, field: str
) -> None:
    repo, pid = local
    before = branches(repo)
    request = {
        "projectId": pid,
        "baseRev": "main",
        "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.5}],
        **fields,
    }
    done = await run(api, **request)
    [error] = done["errors"]
    assert (error["code"], error["field"]) == (code, field), error
    assert branches(repo) == before


@pytest.fixture
async def remote(
    api: Api, daemon: tuple[str, Path], tmp_path: Path, unique: str
) -> tuple[Path, str]:
    base_url, root = daemon
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    served = root / "exp.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(served)], check=True)
    project = await api.create_project(f"{base_url}/exp.git", f"remote-run-{unique}")
    return served, project["id"]


async def test_commit_onto_a_remote_branch(api: Api, remote: tuple[Path, str]) -> None:
    served, pid = remote
    main = branches(served)["main"]
    done = await run(
        api,
        projectId=pid,
        baseRev="main",
        paramChanges=[{"file": "params.yaml", "path": "model.depth", "value": 9}],
        message="Try a deeper model",
    )
    assert done["errors"] == []
    assert branches(served)["main"] == done["commit"]["sha"]
    assert done["commit"]["parents"] == [main] and done["commit"]["title"] == "Try a deeper model"


async def test_two_writers_on_one_branch_lose_nothing(api: Api, remote: tuple[Path, str]) -> None:
    served, pid = remote
    main = branches(served)["main"]
    results = await asyncio.gather(
        *(
            run(
                api,
                projectId=pid,
                baseRev=main,
                branch="main",
                paramChanges=[{"file": "params.yaml", "path": "seed", "value": seed}],
            )
            for seed in (7, 8)
        )
    )
    winners = [r for r in results if not r["errors"]]
    losers = [r for r in results if r["errors"]]
    assert len(winners) == 1 and len(losers) == 1
    assert losers[0]["errors"][0]["code"] == "CONFLICT"
    assert branches(served)["main"] == winners[0]["commit"]["sha"]


async def test_a_refused_push_leaves_no_branch(
    api: Api, remote: tuple[Path, str], unique: str
) -> None:
    served, pid = remote
    hook = served / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'no pushes today' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = branches(served)
    done = await run(
        api,
        projectId=pid,
        baseRev="main",
        target="BRANCH",
        branch="exp/refused",
        paramChanges=[{"file": "params.yaml", "path": "lr", "value": 0.2}],
    )
    assert done["errors"][0]["code"] in ("CONFLICT", "UNREACHABLE")
    assert branches(served) == before
    mirror = api.settings.mirrors_dir
    leftovers = [
        ref
        for path in mirror.glob("*.git")
        for ref in pygit2.Repository(str(path)).branches.local
        if ref == "exp/refused"
    ]
    assert leftovers == [], "nothing half-done in the mirror"


BRANCH_FROM = """mutation($input: CreateBranchFromExperimentInput!) {
  createBranchFromExperiment(input: $input) { commit { sha } branch errors { code field } } }"""


async def test_branch_from_an_experiment(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "exps"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=1, gto_tags=False))
    name = f"from-exp-{unique}"
    await api.create_project(repo, name)
    exp = (await api.experiments(name))[0]

    async def branch_from(**fields: Any) -> dict[str, Any]:
        body = await api.data(BRANCH_FROM, {"input": {"experimentId": exp["id"], **fields}})
        payload: dict[str, Any] = body["createBranchFromExperiment"]
        return payload

    done = await branch_from(branch="promote/best")
    assert done["errors"] == [] and done["commit"]["sha"] == exp["sha"]
    assert branches(repo)["promote/best"] == exp["sha"]
    again = await branch_from(branch="promote/best")
    assert again["errors"] == [{"code": "DUPLICATE", "field": "branch"}]
    missing = await api.data(BRANCH_FROM, {"input": {"experimentId": "987654321", "branch": "x"}})
    assert missing["createBranchFromExperiment"]["errors"] == [
        {"code": "NOT_FOUND", "field": "experimentId"}
    ]
    assert "x" not in branches(repo)


MINT = """mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
  token accessToken { owner { name email } } errors { code field message } } }"""


async def as_token(api: Api, token: str, query: str, variables: dict[str, Any]) -> Any:
    response = await api.client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"token {token}"},
    )
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    return response.json()["data"]


async def test_commits_are_by_the_tokens_owner(api: Api, local: tuple[Path, str]) -> None:
    """A token may name its owner; what is written with it is by them (author and
    committer), and tokens it mints inherit the owner. Without one: the server's author."""
    repo, pid = local
    scopes = ["PROJECTS"]
    ada = {"name": "ada", "scopes": scopes, "ownerName": "Ada L.", "ownerEmail": "ada@example.com"}
    minted = (await api.data(MINT, {"input": ada}))["createAccessToken"]
    assert minted["accessToken"]["owner"] == {"name": "Ada L.", "email": "ada@example.com"}
    child = await as_token(api, minted["token"], MINT, {"input": {"name": "ci", "scopes": scopes}})
    assert child["createAccessToken"]["accessToken"]["owner"] == minted["accessToken"]["owner"]
    other = {"name": "x", "scopes": scopes, "ownerName": "Bob", "ownerEmail": "bob@example.com"}
    posing = await as_token(api, minted["token"], MINT, {"input": other})
    [error] = posing["createAccessToken"]["errors"]
    assert error["code"] == "FORBIDDEN", "only ADMIN names another owner"

    fields = {"projectId": pid, "baseRev": "main", "target": "BRANCH", "branch": "exp/ada"}
    fields["paramChanges"] = [{"file": "params.yaml", "path": "lr", "value": 0.3}]
    done = await as_token(api, child["createAccessToken"]["token"], RUN, {"input": fields})
    sha = done["runExperiment"]["commit"]["sha"]
    commit = pygit2.Repository(str(repo)).get(sha)
    assert isinstance(commit, pygit2.Commit)
    for who in (commit.author, commit.committer):
        assert (who.name, who.email) == ("Ada L.", "ada@example.com")

    for wrong in ({"ownerName": "Ada"}, {"ownerName": "Ada", "ownerEmail": "ada"},
                  {"ownerName": "<Ada>", "ownerEmail": "ada@example.com"}):  # fmt: skip
        refused = await api.data(MINT, {"input": {"name": "x", "scopes": scopes, **wrong}})
        [error] = refused["createAccessToken"]["errors"]
        assert error["code"] == "INVALID", wrong
