"""Branches as Studio shows them (issue 15, item 2): the commits a branch has of its own, the
branches it was merged into, and whether it is folded (no commit of its own). A real
repository with a merged branch, a branch ahead of main and one at main's head; both
databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import Api, git

BRANCHES = """query($n: String!) { project(name: $n) {
  defaultBranch branches { name ownCommits mergedInto folded } } }"""


def commit(repo: Path, name: str) -> None:
    (repo / f"{name}.txt").write_text(name)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", name)


def repository(repo: Path) -> Path:
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "T")
    commit(repo, "c1")
    commit(repo, "c2")
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, "f1")
    commit(repo, "f2")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "merged")
    commit(repo, "m1")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "merged")
    git(repo, "branch", "at-main")
    return repo


async def test_own_commits_merges_and_folding(api: Api, tmp_path: Path, unique: str) -> None:
    name = f"branches-{unique}"
    await api.create_project(repository(tmp_path / "repo"), name)
    found = (await api.data(BRANCHES, {"n": name}))["project"]
    assert found["defaultBranch"] == "main"
    shown: dict[str, Any] = {b["name"]: b for b in found["branches"]}
    assert {n: (b["ownCommits"], b["mergedInto"], b["folded"]) for n, b in shown.items()} == {
        "main": (4, ["at-main"], False),  # c1, c2, m1 and the merge
        "feature": (2, [], False),
        "merged": (0, ["at-main", "main"], True),
        "at-main": (0, ["main"], True),
    }
