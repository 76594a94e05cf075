"""Pull requests in plain-Git mode against local bare remotes: opened by runExperiment and
createBranchFromExperiment, listed by state, compared (params diff), merged by gitstudio
(merge commit or fast-forward), conflicts reported; a hook's refusal leaves no branch and
no pull request; every write is idempotent under its clientMutationId."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pygit2
import pytest
from forge_support import TOKEN, contract_server
from live_support import state_of
from support import Api, hand_commented_repo

from schema.relay import decode_id
from storage import db
from storage.events import decode, project_channel
from sync.generate import RepoSpec, generate_repo

PR_FIELDS = """id number state sourceBranch targetBranch sourceSha targetSha mergeable conflicts
  mergeSha url forge comparison { differing experiments { sha } }"""
RUN = (
    "mutation($input: RunExperimentInput!) { runExperiment(input: $input) {"
    " commit { sha parents } branch pullRequest { %s } errors { code message field }"
    " clientMutationId } }" % PR_FIELDS
)
MERGE = (
    "mutation($input: MergePullRequestInput!) { mergePullRequest(input: $input) {"
    " pullRequest { %s } errors { code message field } } }" % PR_FIELDS
)
LIST = (
    "query($id: ID!, $state: PullRequestState) { node(id: $id) { ... on Project {"
    " pullRequests(state: $state) { %s } } } }" % PR_FIELDS
)


@pytest.fixture
async def bare(api: Api, tmp_path: Path, unique: str) -> tuple[Path, str]:
    work = hand_commented_repo(tmp_path / "work")
    served = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(served)], check=True)
    project = await api.create_project(served, f"pr-{unique}")
    return served, project["id"]


def tips(repo: Path) -> dict[str, str]:
    git = pygit2.Repository(str(repo))
    return {b: str(git.branches.local[b].target) for b in git.branches.local}


async def propose(api: Api, pid: str, branch: str, **change: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "projectId": pid,
        "baseRev": "main",
        "target": "PULL_REQUEST",
        "branch": branch,
        "paramChanges": [{"file": "params.yaml", **change}],
    }
    payload: dict[str, Any] = (await api.data(RUN, {"input": fields}))["runExperiment"]
    return payload


async def merge(api: Api, pr_id: str, method: str = "MERGE_COMMIT") -> dict[str, Any]:
    variables = {"input": {"pullRequestId": pr_id, "method": method}}
    payload: dict[str, Any] = (await api.data(MERGE, variables))["mergePullRequest"]
    return payload


async def listed(api: Api, pid: str, state: str | None = None) -> list[dict[str, Any]]:
    found = await api.data(LIST, {"id": pid, "state": state})
    prs: list[dict[str, Any]] = found["node"]["pullRequests"]
    return prs


async def test_open_compare_and_merge_with_a_merge_commit(api: Api, bare: tuple[Path, str]) -> None:
    served, pid = bare
    main = tips(served)["main"]
    done = await propose(api, pid, "exp/lr", path="lr", value=0.05)
    assert done["errors"] == []
    pr = done["pullRequest"]
    assert (pr["number"], pr["state"], pr["forge"], pr["url"]) == (1, "OPEN", None, None)
    assert (pr["sourceBranch"], pr["targetBranch"]) == ("exp/lr", "main")
    assert pr["sourceSha"] == done["commit"]["sha"] == tips(served)["exp/lr"]
    assert pr["targetSha"] == main and pr["mergeable"] is True and pr["conflicts"] == []
    compared = pr["comparison"]
    assert [e["sha"] for e in compared["experiments"]] == [main, done["commit"]["sha"]]
    assert compared["differing"] == ["param:params.yaml:lr"]
    # main moves on meanwhile (another change), so the merge needs a merge commit
    other = await api.data(
        RUN,
        {
            "input": {
                "projectId": pid,
                "baseRev": "main",
                "paramChanges": [{"file": "params.yaml", "path": "seed", "value": 99}],
            }
        },
    )
    moved = other["runExperiment"]["commit"]["sha"]
    assert (await listed(api, pid, "OPEN"))[0]["targetSha"] == moved
    merged = await merge(api, pr["id"])
    assert merged["errors"] == []
    after = merged["pullRequest"]
    assert after["state"] == "MERGED" and after["mergeable"] is None
    assert tips(served)["main"] == after["mergeSha"]
    commit = pygit2.Repository(str(served)).get(after["mergeSha"])
    assert isinstance(commit, pygit2.Commit)
    assert [str(p) for p in commit.parent_ids] == [moved, done["commit"]["sha"]]
    params = (commit.tree / "params.yaml").data  # type: ignore[union-attr]
    assert b"# tuned by hand" in params and b"lr: 0.05" in params and b"seed: 99" in params
    assert (after["targetSha"], after["sourceSha"]) == (moved, done["commit"]["sha"])
    # the two heads side by side: lr from the pull request, seed from main's own commit
    assert sorted(after["comparison"]["differing"]) == [
        "param:params.yaml:lr",
        "param:params.yaml:seed",
    ]
    assert [p["number"] for p in await listed(api, pid, "MERGED")] == [1]
    assert await listed(api, pid, "OPEN") == []
    again = await merge(api, pr["id"])
    assert again["errors"][0]["code"] == "INVALID"


async def test_fast_forward_and_its_refusal(api: Api, bare: tuple[Path, str]) -> None:
    served, pid = bare
    first = (await propose(api, pid, "exp/ff", path="lr", value=0.2))["pullRequest"]
    second = (await propose(api, pid, "exp/late", path="seed", value=3))["pullRequest"]
    assert second["number"] == first["number"] + 1
    done = await merge(api, first["id"], "FAST_FORWARD")
    assert done["errors"] == []
    assert done["pullRequest"]["mergeSha"] == first["sourceSha"] == tips(served)["main"]
    # main now has a commit exp/late lacks: no fast-forward, nothing written
    refused = await merge(api, second["id"], "FAST_FORWARD")
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("CONFLICT", "method")]
    assert tips(served)["main"] == first["sourceSha"]
    assert (await listed(api, pid, "OPEN"))[0]["mergeable"] is True  # a merge commit would do


async def test_conflicting_pull_request_is_reported_and_not_merged(
    api: Api, bare: tuple[Path, str]
) -> None:
    served, pid = bare
    a = (await propose(api, pid, "exp/a", path="lr", value=0.3))["pullRequest"]
    b = (await propose(api, pid, "exp/b", path="lr", value=0.4))["pullRequest"]
    assert (await merge(api, a["id"]))["errors"] == []
    main = tips(served)["main"]
    [open_b] = await listed(api, pid, "OPEN")
    assert open_b["id"] == b["id"]
    assert open_b["mergeable"] is False and open_b["conflicts"] == ["params.yaml"]
    refused = await merge(api, b["id"])
    assert refused["errors"][0]["code"] == "CONFLICT"
    assert "params.yaml" in refused["errors"][0]["message"]
    assert tips(served)["main"] == main, "nothing written"
    assert (await listed(api, pid, "OPEN"))[0]["id"] == b["id"]


async def test_a_hook_refusal_leaves_no_branch_and_no_pull_request(
    api: Api, bare: tuple[Path, str]
) -> None:
    served, pid = bare
    hook = served / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected repository' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = tips(served)
    done = await propose(api, pid, "exp/hooked", path="lr", value=0.6)
    [error] = done["errors"]
    assert error["code"] == "CONFLICT" and "protected repository" in error["message"]
    assert done["pullRequest"] is None
    assert tips(served) == before
    assert await listed(api, pid) == []
    hook.unlink()  # the hook gone, the same request goes through
    assert (await propose(api, pid, "exp/hooked", path="lr", value=0.6))["errors"] == []


async def test_hooks_of_a_local_repository_run_on_every_write(
    api: Api, bare: tuple[Path, str]
) -> None:
    """gitstudio writes into a local repository directly only when it has no receive hooks;
    with one, it pushes, so the hook sees (and may log) each update."""
    served, pid = bare
    seen = served / "seen.log"
    hook = served / "hooks" / "post-receive"
    hook.write_text(f"#!/bin/sh\ncat >> {seen}\n")
    hook.chmod(0o755)
    pr = (await propose(api, pid, "exp/logged", path="lr", value=0.7))["pullRequest"]
    await merge(api, pr["id"])
    lines = seen.read_text().splitlines()
    assert [line.split()[2] for line in lines] == ["refs/heads/exp/logged", "refs/heads/main"]


async def test_client_mutation_id_makes_writes_idempotent(api: Api, bare: tuple[Path, str]) -> None:
    served, pid = bare
    fields = {
        "projectId": pid,
        "baseRev": "main",
        "target": "PULL_REQUEST",
        "branch": "exp/once",
        "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.8}],
        "clientMutationId": "retry-1",
    }

    async def send(**override: Any) -> dict[str, Any]:
        body = await api.data(RUN, {"input": {**fields, **override}})
        payload: dict[str, Any] = body["runExperiment"]
        return payload

    first, second = await asyncio.gather(send(), send())  # a retry racing the original
    third = await send()
    for again in (second, third):
        assert again["errors"] == [] and again["clientMutationId"] == "retry-1"
        assert again["commit"]["sha"] == first["commit"]["sha"]
        assert again["pullRequest"]["id"] == first["pullRequest"]["id"]
    assert len(await listed(api, pid)) == 1
    git = pygit2.Repository(str(served))
    walked = [str(c.id) for c in git.walk(git.branches.local["exp/once"].target)]
    assert walked.count(first["commit"]["sha"]) == 1 and len(walked) == len(set(walked))
    other = await send(paramChanges=[{"file": "params.yaml", "path": "lr", "value": 0.9}])
    assert [(e["code"], e["field"]) for e in other["errors"]] == [("INVALID", "clientMutationId")]
    # a failed request keeps no record: fixed and retried under the same id, it runs
    failing = await send(branch="bad..name", clientMutationId="retry-2")
    assert failing["errors"][0]["code"] == "INVALID"
    fixed = await send(branch="exp/fixed", clientMutationId="retry-2")
    assert fixed["errors"] == [] and fixed["branch"] == "exp/fixed"
    merged = [await merge_once(api, fixed["pullRequest"]["id"]) for _ in range(2)]
    assert merged[0] == merged[1] and merged[0]["errors"] == []


async def merge_once(api: Api, pr_id: str) -> dict[str, Any]:
    variables = {"input": {"pullRequestId": pr_id, "clientMutationId": "merge-1"}}
    payload: dict[str, Any] = (await api.data(MERGE, variables))["mergePullRequest"]
    return payload


BRANCH_FROM = (
    "mutation($input: CreateBranchFromExperimentInput!) { createBranchFromExperiment("
    "input: $input) { commit { sha } branch pullRequest { %s } errors { code field } } }"
    % PR_FIELDS
)


async def test_pull_request_from_an_experiment(api: Api, tmp_path: Path, unique: str) -> None:
    work = tmp_path / "exps"
    generate_repo(work, RepoSpec(commits=3, exps_per_commit=1, gto_tags=False))
    served = tmp_path / "exps.git"
    subprocess.run(["git", "clone", "-q", "--mirror", str(work), str(served)], check=True)
    name = f"pr-exp-{unique}"
    project = await api.create_project(served, name)
    exp = (await api.experiments(name))[0]
    variables = {
        "input": {
            "experimentId": exp["id"],
            "branch": "exp/promoted",
            "openPullRequest": True,
            "title": "Promote the best run",
        }
    }
    done = (await api.data(BRANCH_FROM, variables))["createBranchFromExperiment"]
    assert done["errors"] == []
    pr = done["pullRequest"]
    assert (pr["sourceBranch"], pr["targetBranch"], pr["sourceSha"]) == (
        "exp/promoted",
        "main",
        exp["sha"],
    )
    assert tips(served)["exp/promoted"] == exp["sha"]
    assert [p["id"] for p in await listed(api, project["id"], "OPEN")] == [pr["id"]]


CONFIGURE = """mutation($input: ConfigureForgeInput!) { configureForge(input: $input) {
  forge { kind apiUrl repository hasToken } errors { code message field } } }"""


async def test_pull_requests_on_a_github_forge(api: Api, bare: tuple[Path, str]) -> None:
    """Contract test: GitHub's API can't run here, so the stand-in of tests/forge_support.py
    plays it and checks every request gitstudio sends."""
    served, pid = bare
    with contract_server() as forge:
        forge.branches |= {"exp/gh", "exp/denied"}

        async def configure(token: str) -> dict[str, Any]:
            fields = {
                "projectId": pid,
                "kind": "GITHUB",
                "apiUrl": forge.url("/api/v3"),
                "repository": "octo/widgets",
                "token": token,
            }
            body = await api.gql(CONFIGURE, {"input": fields})
            assert token not in str(body), "the token is never returned"
            payload: dict[str, Any] = body["data"]["configureForge"]
            return payload

        configured = await configure(TOKEN)
        assert configured["errors"] == []
        assert configured["forge"] == {
            "kind": "GITHUB",
            "apiUrl": forge.url("/api/v3"),
            "repository": "octo/widgets",
            "hasToken": True,
        }
        [stored] = await db.fetch("SELECT forge_token FROM projects WHERE forge IS NOT NULL")
        assert stored["forge_token"] and TOKEN not in stored["forge_token"], "sealed at rest"

        done = await propose(api, pid, "exp/gh", path="lr", value=0.11)
        assert done["errors"] == []
        pr = done["pullRequest"]
        assert (pr["forge"], pr["state"], pr["url"]) == (
            "GITHUB",
            "OPEN",
            "https://forge.example.com/octo/widgets/pull/1",
        )
        [sent] = [r for r in forge.received if r.method == "POST"]
        assert sent.path == "/api/v3/repos/octo/widgets/pulls"
        assert sent.body["head"].removeprefix("octo:") == "exp/gh" and sent.body["base"] == "main"
        assert "`lr` = `0.11`" in sent.body["body"]
        assert tips(served)["exp/gh"] == done["commit"]["sha"]
        refused = await merge(api, pr["id"])
        assert (
            refused["errors"][0]["code"] == "INVALID"
            and pr["url"] in refused["errors"][0]["message"]
        )

        # opened on the forge already (an earlier answer was lost): that one is recorded
        forge.branches.add("exp/lost")
        existing = forge.github.add("exp/lost", "main", title="opened before")
        lost = await propose(api, pid, "exp/lost", path="lr", value=0.13)
        assert lost["errors"] == [] and lost["pullRequest"]["url"].endswith(
            f"/pull/{existing.number}"
        )
        assert "exp/lost" in tips(served)

        # merged on the forge: the next sync follows
        forge.github.pulls[1].state, forge.github.pulls[1].merged = "closed", True
        assert (await api.data(SYNC, {"id": pid}))["syncProject"]["errors"] == []
        assert [p["number"] for p in await listed(api, pid, "MERGED")] == [pr["number"]]
        assert [p["state"] for p in await listed(api, pid)] == ["OPEN", "MERGED"]

        assert (await configure("ghp_wrong"))["errors"] == []
        denied = await propose(api, pid, "exp/denied", path="lr", value=0.12)
        [error] = denied["errors"]
        assert error["code"] == "UNAUTHENTICATED" and "ghp_wrong" not in error["message"]
        assert "exp/denied" not in tips(served), "the branch was removed again"
        assert len(await listed(api, pid)) == 2, "no pull request recorded for the refusal"


SYNC = """mutation($id: ID!) { syncProject(id: $id) { errors { code } } }"""


async def test_a_pull_request_merged_outside_gitstudio_follows_on_sync(
    api: Api, bare: tuple[Path, str], tmp_path: Path
) -> None:
    served, pid = bare
    pr = (await propose(api, pid, "exp/cli", path="lr", value=0.33))["pullRequest"]
    closed = (await propose(api, pid, "exp/closed", path="seed", value=5))["pullRequest"]
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(served), str(clone)], check=True)
    git = ["git", "-C", str(clone), "-c", "user.name=cli", "-c", "user.email=cli@example.com"]
    subprocess.run([*git, "merge", "-q", "--no-edit", "origin/exp/cli"], check=True)
    subprocess.run([*git, "push", "-q", "origin", "HEAD:main"], check=True)
    close = """mutation($input: ClosePullRequestInput!) { closePullRequest(input: $input) {
      pullRequest { state mergeable } errors { code } } }"""
    shut = (await api.data(close, {"input": {"pullRequestId": closed["id"]}}))["closePullRequest"]
    assert shut == {"pullRequest": {"state": "CLOSED", "mergeable": None}, "errors": []}
    assert (await api.data(SYNC, {"id": pid}))["syncProject"]["errors"] == []
    [merged] = await listed(api, pid, "MERGED")
    assert merged["id"] == pr["id"] and merged["mergeSha"] == tips(served)["main"]
    assert await listed(api, pid, "OPEN") == []
    assert [p["id"] for p in await listed(api, pid, "CLOSED")] == [closed["id"]]


async def test_forge_settings_guard_the_token(api: Api, bare: tuple[Path, str]) -> None:
    """The token goes only to the API it was given for, never over plain http off this
    machine; a forge setting that cannot be read fails the call before anything is pushed."""
    served, pid = bare

    async def configure(**fields: Any) -> dict[str, Any]:
        body = await api.data(CONFIGURE, {"input": {"projectId": pid, **fields}})
        payload: dict[str, Any] = body["configureForge"]
        return payload

    here = {"kind": "GITEA", "apiUrl": "http://127.0.0.2:3000/api/v1", "repository": "o/r"}
    assert (await configure(**here, token=TOKEN))["forge"]["hasToken"] is True
    assert (await configure(**{**here, "repository": "o/other"}))["forge"]["hasToken"] is True
    moved = await configure(**{**here, "apiUrl": "https://gitea.example.com/api/v1"})
    assert moved["forge"]["hasToken"] is False, "a new host does not inherit the token"
    bad = ("http://gitea.example.com/api/v1", "ftp://127.0.0.1/api", "https:///api", "http://[::1")
    for url in bad:
        [error] = (await configure(**{**here, "apiUrl": url}, token=TOKEN))["errors"]
        assert (error["code"], error["field"]) == ("INVALID", "apiUrl"), url

    assert (await configure(**here, token=TOKEN))["errors"] == []
    await db.execute("UPDATE projects SET forge_token = 'not-sealed-by-us' WHERE forge IS NOT NULL")
    before = tips(served)
    refused = await propose(api, pid, "exp/unread", path="lr", value=0.4)
    assert refused["errors"] and refused["commit"] is None, refused
    assert tips(served) == before, "nothing was pushed"
    assert await listed(api, pid) == []


async def test_racing_merges_and_closes_settle_once(api: Api, bare: tuple[Path, str]) -> None:
    """Two merges, or two closes, of one pull request at once: one wins, the other is told,
    and subscribers hear of each change exactly once."""
    served, pid = bare
    heard: list[dict[str, Any]] = []
    channel = project_channel(decode_id(pid, "Project"))
    sub = await state_of(api).bus.subscribe(channel)

    async def pump() -> None:
        async for message in sub:
            heard.append(decode(message))

    listening = asyncio.create_task(pump())
    try:
        to_merge = (await propose(api, pid, "exp/race", path="lr", value=0.6))["pullRequest"]
        to_close = (await propose(api, pid, "exp/shut", path="seed", value=9))["pullRequest"]
        main = tips(served)["main"]
        merges = await asyncio.gather(merge(api, to_merge["id"]), merge(api, to_merge["id"]))
        assert [m["pullRequest"]["state"] for m in merges if not m["errors"]] != []
        assert {m["pullRequest"]["state"] for m in merges if m["pullRequest"]} == {"MERGED"}
        git = pygit2.Repository(str(served))
        merged = git.get(tips(served)["main"])
        assert str(merged.parent_ids[0]) == main, "merged once, onto the old tip"

        close = """mutation($input: ClosePullRequestInput!) { closePullRequest(input: $input) {
          pullRequest { state } errors { code } } }"""
        shut = await asyncio.gather(
            *(api.data(close, {"input": {"pullRequestId": to_close["id"]}}) for _ in range(2))
        )
        codes = sorted(str(s["closePullRequest"]["errors"]) for s in shut)
        assert codes == ["[]", "[{'code': 'CONFLICT'}]"], shut
        # The bus delivers a channel's messages in order: once a marker published now is
        # heard, every event of the merges and closes above has been heard too.
        await state_of(api).bus.publish(channel, b'{"type": "END_OF_TEST"}')
        deadline = asyncio.get_running_loop().time() + 10
        while not any(e["type"] == "END_OF_TEST" for e in heard):
            assert asyncio.get_running_loop().time() < deadline, "the marker was not heard"
            await asyncio.sleep(0.01)
    finally:
        listening.cancel()
    kinds = [e["type"] for e in heard if e["type"].startswith("PULL_REQUEST_")]
    assert kinds.count("PULL_REQUEST_MERGED") == 1 and kinds.count("PULL_REQUEST_CLOSED") == 1


@pytest.mark.parametrize("where", ["git-daemon", "local-with-hooks"])
async def test_a_refused_pull_request_removes_its_branch_from_any_remote(
    api: Api, tmp_path: Path, unique: str, daemon: tuple[str, Path], where: str
) -> None:
    """The undo goes the way the branch went: a push deleting it from a network remote, or
    a git push (hooks run) into a local repository with receive hooks."""
    base_url, root = daemon
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    served = root / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(served)], check=True)
    if where == "local-with-hooks":
        ran = tmp_path / "hook-ran"
        hook = served / "hooks" / "pre-receive"
        hook.write_text(f"#!/bin/sh\ncat >> {ran}\n")
        hook.chmod(0o755)
    url = f"{base_url}/repo.git" if where == "git-daemon" else str(served)
    pid = (await api.create_project(url, f"undo-{unique}"))["id"]
    with contract_server() as forge:
        forge.branches.add("exp/refused")
        fields = {"projectId": pid, "kind": "GITHUB", "apiUrl": forge.url("/api/v3")}
        fields |= {"repository": "octo/widgets", "token": "ghp_wrong"}
        assert (await api.data(CONFIGURE, {"input": fields}))["configureForge"]["errors"] == []
        before = tips(served)
        refused = await propose(api, pid, "exp/refused", path="lr", value=0.8)
    [error] = refused["errors"]
    assert error["code"] == "UNAUTHENTICATED" and "removed again" in error["message"], error
    assert tips(served) == before, "the branch is gone from the remote"
    if where == "local-with-hooks":
        pushed = ran.read_text().split("\n")
        assert pushed[-2].endswith(" refs/heads/exp/refused") and pushed[-2].split()[1] == "0" * 40
