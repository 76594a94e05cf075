"""Branches as Studio shows them (issue 15, item 2): the commits a branch has of its own, the
branches it was merged into, and whether it is folded (no commit of its own). A real
repository with a merged branch, a branch ahead of main and one at main's head; both
databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import Api, git

BRANCHES = """query($n: String!) { project(name: $n) {
  defaultBranch branches { name ownCommits mergedInto folded }
  commits(first: 10) { nodes { sha tags } }
  experiments(first: 10) { nodes { kind sha tags } } } }"""


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
    git(repo, "tag", "v1", "main~1")
    git(repo, "tag", "-a", "-m", "release", "v2", "main")
    git(repo, "tag", "also-v2", "main")
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


async def test_commits_and_rows_carry_their_tags(api: Api, tmp_path: Path, unique: str) -> None:
    name = f"tags-{unique}"
    repo = repository(tmp_path / "repo")
    await api.create_project(repo, name)
    found = (await api.data(BRANCHES, {"n": name}))["project"]
    head, before = (git(repo, "rev-parse", r).strip() for r in ("main", "main~1"))
    tags = {c["sha"]: sorted(c["tags"]) for c in found["commits"]["nodes"] if c["tags"]}
    assert tags == {head: ["also-v2", "v2"], before: ["v1"]}
    rows = {r["sha"]: sorted(r["tags"]) for r in found["experiments"]["nodes"] if r["tags"]}
    assert rows == tags
