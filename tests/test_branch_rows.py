"""Rows as Studio shows them on branches (issue 15, item 2): ``branch`` is the branch's
first-parent line (oracle: ``git rev-list --first-parent``), ``onBranch`` every commit it
reaches (``git rev-list``), ``tag`` the tagged commit; experiments by their baseline. The
lines are kept by syncs as branches move forward, fast-forward past a merge of another
line, are reset or deleted. Orders by author and message, page after page. A generated
repository with experiment refs, merged by git; both databases."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from support import Api, ClockedRepo, copy_repo

from sync.generate import RepoSpec, generate_repo

TABLE = """query($n: String!, $f: ExperimentFilter, $o: [ExperimentOrder!], $after: String,
  $first: Int = 100) {
  project(name: $n) { experiments(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { kind sha baselineSha message author { name } createdAt } } } }"""


@pytest.fixture(scope="session")
def merged_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main and feature with experiment refs (sync.generate), feature merged into main with
    a merge commit, then a commit on main; a lightweight tag on a feature commit."""
    path = tmp_path_factory.mktemp("branch-rows") / "repo"
    generate_repo(path, RepoSpec(commits=12, exps_per_commit=1, seed=3, extra_formats=False))
    repo = ClockedRepo(path, clock=1_800_000_000)
    repo.git("config", "user.email", "m@example.com")
    repo.git("config", "user.name", "Merger")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-s", "ours", "-m", "Merge feature", "feature")
    (path / "notes.txt").write_text("after the merge\n")
    repo.git("add", "notes.txt")
    repo.git("commit", "-qm", "After the merge")
    repo.git("tag", "on-feature", "feature~1")
    return path


async def every_row(
    api: Api,
    name: str,
    filter_: dict[str, Any],
    order: list[dict[str, Any]] | None = None,
    first: int = 100,
) -> tuple[list[dict[str, Any]], int]:
    """Every row of the table, page after page, and its totalCount."""
    rows: list[dict[str, Any]] = []
    after = None
    while True:
        variables = {"n": name, "f": filter_, "o": order, "after": after, "first": first}
        found = await api.data(TABLE, variables)
        page = found["project"]["experiments"]
        rows += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return rows, page["totalCount"]
        after = page["pageInfo"]["endCursor"]


def commits_of(rows: list[dict[str, Any]]) -> set[str]:
    return {r["sha"] for r in rows if r["kind"] == "COMMIT"}


async def check_branches(api: Api, name: str, path: Path) -> None:
    """For every branch: ``branch`` equals ``git rev-list --first-parent``, ``onBranch``
    ``git rev-list`` (commits by sha, the other rows by baseline), counts included."""
    repo = ClockedRepo(path)
    branches = repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads").split()
    for branch in branches:
        for key, args in (("branch", ["--first-parent"]), ("onBranch", [])):
            wanted = set(repo.git("rev-list", *args, branch).split())
            rows, total = await every_row(api, name, {key: branch})
            assert commits_of(rows) == wanted, (key, branch)
            assert all(r["baselineSha"] in wanted for r in rows if r["kind"] != "COMMIT")
            others, _n = await every_row(api, name, {"kinds": ["EXPERIMENT"]})
            assert {r["sha"] for r in rows if r["kind"] == "EXPERIMENT"} == {
                r["sha"] for r in others if r["baselineSha"] in wanted
            }
            assert total == len(rows)


async def test_branch_is_the_first_parent_line_and_on_branch_all_it_reaches(
    api: Api, merged_repo: Path, unique: str
) -> None:
    name = f"rows-{unique}"
    await api.create_project(merged_repo, name)
    repo = ClockedRepo(merged_repo)
    main_line = set(repo.git("rev-list", "--first-parent", "main").split())
    reached = set(repo.git("rev-list", "main").split())
    assert main_line < reached  # the merge brought feature's commits in
    await check_branches(api, name, merged_repo)


async def test_lines_follow_the_branches_across_syncs(
    api: Api, merged_repo: Path, unique: str, tmp_path: Path
) -> None:
    """A branch moved forward, fast-forwarded to a line that merged it (its old head no
    longer on its first-parent line), reset back, and a new branch."""
    path = copy_repo(merged_repo, tmp_path / "repo")
    repo = ClockedRepo(path, clock=1_900_000_000)
    project = await api.create_project(path, f"moves-{unique}")
    name = project["name"]
    repo.git("checkout", "-q", "-b", "side", "main~2")
    (path / "side.txt").write_text("side\n")
    repo.git("add", "side.txt")
    repo.git("commit", "-qm", "On the side")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge main into side", "main")
    await api.sync(project["id"])
    await check_branches(api, name, path)
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--ff-only", "side")  # main's old head: now a second parent
    repo.git("branch", "-f", "feature", "feature~2")  # reset back
    await api.sync(project["id"])
    await check_branches(api, name, path)
    repo.git("branch", "-D", "side")
    (path / "more.txt").write_text("more\n")
    repo.git("add", "more.txt")
    repo.git("commit", "-qm", "More on main")
    await api.sync(project["id"])
    await check_branches(api, name, path)


async def test_tag_filter(api: Api, merged_repo: Path, unique: str) -> None:
    name = f"tagged-{unique}"
    await api.create_project(merged_repo, name)
    repo = ClockedRepo(merged_repo)
    for tag in repo.git("tag").split():
        sha = repo.git("rev-parse", f"{tag}^{{commit}}")
        rows, total = await every_row(api, name, {"tag": tag})
        assert commits_of(rows) == {sha}
        assert {r["baselineSha"] for r in rows if r["kind"] != "COMMIT"} <= {sha}
        assert total == len(rows)
    assert await every_row(api, name, {"tag": "no-such-tag"}) == ([], 0)


@pytest.mark.parametrize("field", ["AUTHOR", "MESSAGE", "COMMITTED_AT"])
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_orders_by_row_fields(
    api: Api, merged_repo: Path, unique: str, field: str, direction: str
) -> None:
    """Page after page, the rows in the order of a plain sort: the field (code points), then
    the time and the row, in the direction asked for the field (ties newest first)."""
    name = f"order-{unique}"
    await api.create_project(merged_repo, name)
    order = [{"field": field, "direction": direction}]
    rows, total = await every_row(api, name, {}, order, first=7)
    everything, _n = await every_row(api, name, {})
    assert total == len(rows) == len(everything) > 7  # more than one page

    def key(r: dict[str, Any]) -> Any:
        return {
            "AUTHOR": (r["author"] or {}).get("name") or "",
            "MESSAGE": (r["message"] or "")[:200],
            "COMMITTED_AT": r["createdAt"],
        }[field]

    keys = [key(r) for r in rows]
    assert keys == sorted(keys, reverse=direction == "DESC")
    ties = [(key(r), r["createdAt"]) for r in rows]
    assert all(a[1] >= b[1] for a, b in pairwise(ties) if a[0] == b[0])
    assert sorted(map(str, rows)) == sorted(map(str, everything))
