"""Sync behaviour on real repositories: incremental, malformed files, rewritten history,
deleted refs, monorepos, unreachable remotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import Api, git

from sync.generate import RepoSpec, add_commit, generate_repo

SMALL = RepoSpec(commits=6, exps_per_commit=1, gto_tags=False, extra_formats=False)

COMMIT = """
query($name: String!, $sha: String!) {
  project(name: $name) { commit(sha: $sha) { sha params metrics errors { file kind type message } } }
}"""

SHAS = """
query($name: String!, $branch: String) {
  project(name: $name) {
    branches { name sha }
    commits(branch: $branch, first: 200) { totalCount nodes { sha } }
    experiments(first: 200, filter: {kinds: [EXPERIMENT]}) { nodes { ref sha baselineSha } }
  }
}"""


async def shas(api: Api, name: str, branch: str | None = None) -> dict[str, Any]:
    project = (await api.data(SHAS, {"name": name, "branch": branch}))["project"]
    return {
        "branches": {b["name"]: b["sha"] for b in project["branches"]},
        "commits": [c["sha"] for c in project["commits"]["nodes"]],
        "count": project["commits"]["totalCount"],
        "refs": {e["ref"] for e in project["experiments"]["nodes"]},
    }


async def test_resync_reads_only_the_new_commit(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    project = await api.create_project(repo, f"incr-{unique}")
    before = await shas(api, f"incr-{unique}")

    nothing = await api.sync(project["id"])
    assert nothing == {
        "newCommits": 0,
        "newExperiments": 0,
        "removedExperiments": 0,
        "parsedBlobs": 0,
    }

    sha = add_commit(repo, "main", {"params.yaml": "lr: 0.5\nepochs: 3\n"}, "bump lr")
    summary = await api.sync(project["id"])
    assert summary["newCommits"] == 1
    assert summary["parsedBlobs"] == 1  # only the changed params.yaml; the rest was parsed before
    after = await shas(api, f"incr-{unique}", "main")
    assert after["commits"][0] == sha
    assert after["count"] == len(git(repo, "rev-list", "main").split())
    assert len(set(after["commits"]) - set(before["commits"])) == 1
    row = (await api.data(COMMIT, {"name": f"incr-{unique}", "sha": sha}))["project"]["commit"]
    assert row["params"]["params.yaml"] == {"lr": 0.5, "epochs": 3}


async def test_malformed_files_are_recorded_and_the_rest_indexed(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    bad_params = add_commit(repo, "main", {"params.yaml": "lr: [0.1\nepochs: {\n"}, "broken yaml")
    bad_metrics = add_commit(
        repo, "main", {"params.yaml": "lr: 0.3\n", "metrics.json": '{"acc": 0.9,'}, "broken json"
    )
    good = add_commit(
        repo, "main", {"params.yaml": "lr: 0.2\n", "metrics.json": '{"acc": 1}'}, "fix"
    )
    name = f"bad-{unique}"
    await api.create_project(repo, name)

    async def commit(sha: str) -> dict[str, Any]:
        found: dict[str, Any] = (await api.data(COMMIT, {"name": name, "sha": sha}))["project"][
            "commit"
        ]
        return found

    broken = await commit(bad_params)
    assert [(e["file"], e["kind"]) for e in broken["errors"]] == [("params.yaml", "params")]
    assert broken["errors"][0]["message"]
    assert "params.yaml" not in broken["params"]
    assert broken["metrics"]["metrics.json"], "the metrics of the same commit are kept"

    broken = await commit(bad_metrics)
    assert [(e["file"], e["kind"]) for e in broken["errors"]] == [("metrics.json", "metrics")]
    assert broken["params"]["params.yaml"] == {"lr": 0.3}
    assert "metrics.json" not in broken["metrics"]

    fixed = await commit(good)
    assert fixed["errors"] == []
    assert fixed["params"]["params.yaml"] == {"lr": 0.2}
    assert fixed["metrics"]["metrics.json"] == {"acc": 1}


async def test_force_push_drops_rewritten_commits(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    name = f"force-{unique}"
    project = await api.create_project(repo, name)
    a = add_commit(repo, "main", {"params.yaml": "lr: 1\n"}, "a")
    b = add_commit(repo, "main", {"params.yaml": "lr: 2\n"}, "b")
    await api.sync(project["id"])
    assert {a, b} <= set((await shas(api, name, "main"))["commits"])

    git(repo, "reset", "--hard", "HEAD~2")  # rewrite main: a and b are gone
    c = add_commit(repo, "main", {"params.yaml": "lr: 3\n"}, "c")
    await api.sync(project["id"])
    state = await shas(api, name, "main")
    assert state["branches"]["main"] == c
    assert state["commits"][0] == c
    assert not {a, b} & set(state["commits"])
    assert not {a, b} & set((await shas(api, name))["commits"]), "unreachable commits are pruned"
    assert state["count"] == len(git(repo, "rev-list", "main").split())


async def test_deleted_branch_and_experiment_ref(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generated = generate_repo(repo, SMALL)
    name = f"del-{unique}"
    project = await api.create_project(repo, name)
    before = await shas(api, name)
    assert set(before["branches"]) == {"main", "feature"}
    assert before["refs"] == {ref for ref, _sha, _base in generated.experiments}

    feature_only = set(git(repo, "rev-list", "feature", "^main").split())
    removed_ref = generated.experiments[0][0]
    git(repo, "branch", "-D", "feature")
    git(repo, "update-ref", "-d", removed_ref)
    summary = await api.sync(project["id"])
    assert summary["removedExperiments"] >= 1

    after = await shas(api, name)
    assert set(after["branches"]) == {"main"}
    assert removed_ref not in after["refs"]
    assert not feature_only & set(after["commits"])
    assert after["count"] == len(git(repo, "rev-list", "main").split())


async def test_monorepo_with_two_subdir_projects(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "mono"
    generate_repo(
        repo, RepoSpec(commits=4, exps_per_commit=0, gto_tags=False, subdir="vision", seed=1)
    )
    generate_repo(
        repo, RepoSpec(commits=4, exps_per_commit=0, gto_tags=False, subdir="nlp", seed=2)
    )
    for sub in ("vision", "nlp"):
        await api.create_project(repo, f"{sub}-{unique}", subdir=sub)
    head = git(repo, "rev-parse", "main")
    vision = (await api.data(COMMIT, {"name": f"vision-{unique}", "sha": head}))["project"][
        "commit"
    ]
    nlp = (await api.data(COMMIT, {"name": f"nlp-{unique}", "sha": head}))["project"]["commit"]
    assert "params.yaml" in vision["params"] and "params.yaml" in nlp["params"]
    assert not any(f.startswith(("vision/", "nlp/")) for f in vision["params"]), "keys are relative"
    assert vision["params"] != nlp["params"]
    assert git(repo, "show", f"{head}:vision/params.yaml") != git(
        repo, "show", f"{head}:nlp/params.yaml"
    )


async def test_unreachable_remote_leaves_nothing(api: Api, tmp_path: Path, unique: str) -> None:
    for url, code in (
        # Not a repository's root: the repository access policy refuses it (sync.repo_policy).
        (str(tmp_path / "does-not-exist"), "FORBIDDEN_REPOSITORY"),
        ("https://127.0.0.2:9/nobody/nothing.git", "UNREACHABLE"),  # allowed in the tests
    ):
        payload = (
            await api.data(
                """mutation($input: CreateProjectInput!) { createProject(input: $input) {
                     project { id } errors { code message field } } }""",
                {"input": {"repoUrl": url, "name": f"gone-{unique}"}},
            )
        )["createProject"]
        assert payload["project"] is None
        assert payload["errors"][0]["code"] == code
        assert (await api.data('{ project(name: "gone-%s") { id } }' % unique))["project"] is None


async def test_sync_error_of_a_vanished_remote_is_reported(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    project = await api.create_project(repo, f"vanish-{unique}")
    repo.rename(tmp_path / "moved")
    payload = (
        await api.data(
            "mutation($id: ID!) { syncProject(id: $id) { project { id } errors { code message } } }",
            {"id": project["id"]},
        )
    )["syncProject"]
    assert payload["errors"][0]["code"] == "UNREACHABLE"
    state = await api.data(
        '{ project(name: "vanish-%s") { lastSyncError commits { totalCount } } }' % unique
    )
    assert state["project"]["lastSyncError"]
    assert state["project"]["commits"]["totalCount"] == 6, "what was indexed is kept"


async def test_create_project_input_errors(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    await api.create_project(repo, f"dup-{unique}")
    cases = [
        ({"repoUrl": str(repo), "name": f"dup-{unique}"}, "DUPLICATE", "name"),
        ({"repoUrl": str(repo), "name": "bad name!"}, "INVALID", "name"),
        ({"repoUrl": str(repo), "name": f"sub-{unique}", "subdir": "../etc"}, "INVALID", "subdir"),
        ({"repoUrl": "  ", "name": f"empty-{unique}"}, "INVALID", "repoUrl"),
    ]
    for given, code, field in cases:
        payload = (
            await api.data(
                """mutation($input: CreateProjectInput!) { createProject(input: $input) {
                     project { id } errors { code message field } } }""",
                {"input": given},
            )
        )["createProject"]
        assert payload["project"] is None
        assert (payload["errors"][0]["code"], payload["errors"][0]["field"]) == (code, field)


async def test_two_instances_syncing_at_once_take_turns(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """Two syncers with different lease owners (as two server processes would be) race on
    one project: both finish, the work is done once, nothing is duplicated."""
    import asyncio

    from storage.models import Project
    from sync.git import Credentials
    from sync.service import ProjectSyncer

    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    name = f"race-{unique}"
    await api.create_project(repo, name)
    for i in range(5):
        add_commit(repo, "main", {"params.yaml": f"lr: {i}\n"}, f"c{i}")
    mirrors = api.settings.mirrors_dir
    first, second = (ProjectSyncer(mirrors, Credentials(), owner=f"instance-{n}") for n in (1, 2))
    project = await Project.get(name=name)
    reports = await asyncio.gather(first.sync(project), second.sync(await Project.get(name=name)))
    assert sorted(r.new_commits for r in reports) == [0, 5]
    state = await shas(api, name, "main")
    assert (
        state["count"] == len(git(repo, "rev-list", "main").split()) == len(set(state["commits"]))
    )
    assert (await Project.get(name=name)).sync_owner is None, "the lease is released"


async def test_new_branches_on_top_of_others_have_their_full_history(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """Membership of a branch made on another branch's tip is copied, not walked: it must
    still equal ``git rev-list`` for a branch on a tip, on a merge of two branches, on an
    older commit, and for one force-pushed onto another branch."""
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    name = f"copy-{unique}"
    project = await api.create_project(repo, name)

    git(repo, "branch", "on-tip", "main")
    add_commit(repo, "on-tip", {"params.yaml": "lr: 7\n"}, "on tip")
    git(repo, "branch", "old", "main~3")
    add_commit(repo, "old", {"params.yaml": "lr: 8\n"}, "on an old commit")
    git(repo, "checkout", "-q", "-b", "merged", "main")
    git(repo, "merge", "-q", "--no-edit", "-s", "ours", "feature")
    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "-f", "feature", "on-tip")  # rewritten onto another branch
    add_commit(repo, "feature", {"params.yaml": "lr: 9\n"}, "rewritten feature")
    await api.sync(project["id"])

    for branch in ("on-tip", "old", "merged", "feature", "main"):
        state = await shas(api, name, branch)
        assert sorted(state["commits"]) == sorted(git(repo, "rev-list", branch).split()), branch
        assert state["count"] == len(state["commits"])


async def test_no_op_syncs_still_notice_every_ref_change(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """After a no-op sync (its plan skipped: the mirror's ref files are those of the last
    plan), a moved branch, a new, moved or deleted tag and a deleted experiment ref are
    each noticed by the next sync, which leaves the tips ``git for-each-ref`` shows."""
    import orjson

    from storage.models import Project

    repo = tmp_path / "repo"
    generated = generate_repo(repo, SMALL)
    name = f"noop-{unique}"
    project = await api.create_project(repo, name)

    async def matches_repository() -> None:
        listed = git(repo, "for-each-ref", "--format=%(refname) %(*objectname) %(objectname)")
        expected = {}
        for line in listed.splitlines():
            ref, *shas = line.split()
            if ref.startswith(("refs/heads/", "refs/tags/", "refs/exps/")):
                expected[ref] = shas[0]  # the peeled commit of an annotated tag first
        stored = orjson.loads((await Project.get(name=name)).ref_tips)
        assert stored == expected

    for _ in range(2):  # the second skips its plan
        assert (await api.sync(project["id"]))["newCommits"] == 0
    first, second = git(repo, "rev-list", "--max-count=2", "main").split()
    steps = [
        ("tag", "-a", "m@v1.0.0", "-m", "Registering", second),
        ("tag", "-f", "-a", "m@v1.0.0", "-m", "Registering again", first),
        ("tag", "plain", second),
        ("tag", "-d", "plain"),
        ("update-ref", "-d", generated.experiments[0][0]),
        ("update-ref", "refs/heads/main", second),
    ]
    for step in steps:
        git(repo, *step)
        await api.sync(project["id"])  # notices the step
        await matches_repository()
        await api.sync(project["id"])  # a no-op
        await api.sync(project["id"])  # a no-op without a plan
        await matches_repository()


async def test_a_linked_worktree_is_its_repository(api: Api, tmp_path: Path, unique: str) -> None:
    """A project on a linked worktree's path (`git worktree add`) indexes the repository's
    refs and objects, which live in the main git directory, and follows its changes."""
    repo = tmp_path / "repo"
    generate_repo(repo, SMALL)
    git(repo, "branch", "side", "main~1")
    linked = tmp_path / "linked"
    git(repo, "worktree", "add", "-q", str(linked), "side")
    name = f"linked-{unique}"
    project = await api.create_project(linked, name)
    found = await shas(api, name, "main")
    assert found["count"] == len(git(repo, "rev-list", "main").split())
    sha = add_commit(repo, "main", {"params.yaml": "lr: 0.25\nepochs: 3\n"}, "through main")
    assert (await api.sync(project["id"]))["newCommits"] == 1
    assert (await shas(api, name, "main"))["commits"][0] == sha
