"""Rows as Studio shows them on branches (issue 15, item 2): ``branch`` is the branch's
first-parent line (oracle: ``git rev-list --first-parent``), ``onBranch`` every commit it
reaches (``git rev-list``), ``tag`` the tagged commit; experiments by their baseline. The
lines are kept by syncs as branches move forward, fast-forward past a merge of another
line, are reset or deleted. Orders by author and message, page after page. Detached live
runs and deleteExperiment; branches hidden by hand. A generated repository with experiment
refs, merged by git; both databases."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from live_support import event, png, post_live, state_of
from support import Api, ClockedRepo, copy_repo

from schema.relay import from_global_id
from storage import db, limits, queries
from storage.events import decode, experiments_channel
from storage.live import image_file, images_root
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


def first_branch_of(path: Path) -> Callable[[dict[str, Any]], str | None]:
    """The first (by name) of the branches whose first-parent line (git's) holds a row's
    commit, None when none does: the branch order's key."""
    repo = ClockedRepo(path)
    lines = {
        branch: set(repo.git("rev-list", "--first-parent", branch).split())
        for branch in repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads").split()
    }

    def first_branch(r: dict[str, Any]) -> str | None:
        commit = r["sha"] if r["kind"] == "COMMIT" else r["baselineSha"]
        return min((b for b, line in lines.items() if commit in line), default=None)

    return first_branch


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


@pytest.mark.parametrize("field", ["AUTHOR", "MESSAGE", "COMMITTED_AT", "BRANCH"])
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

    first_branch = first_branch_of(merged_repo)

    def key(r: dict[str, Any]) -> Any:
        return {
            "AUTHOR": (r["author"] or {}).get("name") or "",
            "MESSAGE": (r["message"] or "")[:200],
            "COMMITTED_AT": r["createdAt"],
            "BRANCH": first_branch(r) or "",
        }[field]

    keys = [key(r) for r in rows]
    if field == "BRANCH":  # rows on no line last, in either direction
        on_none = [first_branch(r) is None for r in rows]
        assert on_none == sorted(on_none)
        keys = [k for k, none in zip(keys, on_none, strict=True) if not none]
    assert keys == sorted(keys, reverse=direction == "DESC")
    ties = [(key(r), r["createdAt"]) for r in rows]
    assert all(a[1] >= b[1] for a, b in pairwise(ties) if a[0] == b[0])
    assert sorted(map(str, rows)) == sorted(map(str, everything))


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_branch_order_keeps_the_branch_filter(
    api: Api,
    merged_repo: Path,
    unique: str,
    direction: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ordered by branch, the walk of each branch's line keeps the caller's own ``branch``
    filter: the rows are the filter's, in a plain sort's order, with the filter's count - also
    when its rows are walked (FEW_MATCHES at 2), not read and sorted."""
    monkeypatch.setattr(queries, "FEW_MATCHES", 2)
    name = f"order-filtered-{unique}"
    await api.create_project(merged_repo, name)
    repo = ClockedRepo(merged_repo)
    feature = set(repo.git("rev-list", "--first-parent", "feature").split())
    main = set(repo.git("rev-list", "--first-parent", "main").split())
    assert feature - main  # feature's own commits: on feature's line only
    order = [{"field": "BRANCH", "direction": direction}]
    rows, total = await every_row(api, name, {"branch": "feature"}, order, first=3)
    wanted, wanted_total = await every_row(api, name, {"branch": "feature"})
    assert total == wanted_total == len(rows) == len(wanted) > 3
    assert commits_of(rows) == feature
    assert sorted(map(str, rows)) == sorted(map(str, wanted))

    first_branch = first_branch_of(merged_repo)
    keys = [(first_branch(r) or "", r["createdAt"]) for r in rows]
    assert [k[0] for k in keys] == sorted((k[0] for k in keys), reverse=direction == "DESC")
    assert all(a[1] >= b[1] for a, b in pairwise(keys) if a[0] == b[0])


async def test_branch_order_walks_at_most_the_bounded_branches(
    api: Api, merged_repo: Path, unique: str
) -> None:
    """A project with more branches than GITSTUDIO_MAX_BRANCH_ORDER_BRANCHES answers the
    BRANCH order (one statement per branch) with BAD_USER_INPUT naming the setting; other
    orders are unaffected; at the bound it answers."""
    name = f"order-bound-{unique}"
    await api.create_project(merged_repo, name)
    variables = {"n": name, "o": [{"field": "BRANCH"}], "first": 5}
    try:
        limits.configure(replace(api.settings, max_branch_order_branches=1))
        refused = await api.gql(TABLE, variables)
        assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert "GITSTUDIO_MAX_BRANCH_ORDER_BRANCHES" in refused["errors"][0]["message"]
        others = await api.data(TABLE, {**variables, "o": [{"field": "AUTHOR"}]})
        assert len(others["project"]["experiments"]["nodes"]) == 5
        limits.configure(replace(api.settings, max_branch_order_branches=2))
        answered = await api.data(TABLE, variables)
        assert len(answered["project"]["experiments"]["nodes"]) == 5
    finally:
        limits.configure(api.settings)


ROW = """query($n: String!, $f: ExperimentFilter) { project(name: $n) {
  experiments(filter: $f, first: 100) { totalCount nodes { id kind sha name detached commit { sha } } } } }"""
DELETE = """mutation($input: DeleteExperimentInput!) { deleteExperiment(input: $input) {
  deletedId errors { code message field } clientMutationId } }"""


async def live_rows(api: Api, name: str, detached: bool | None = None) -> list[dict[str, Any]]:
    found = await api.data(ROW, {"n": name, "f": {"kinds": ["LIVE"], "detached": detached}})
    nodes: list[dict[str, Any]] = found["project"]["experiments"]["nodes"]
    return nodes


async def test_detached_runs_and_deleting_live_runs(
    api: Api, merged_repo: Path, unique: str, tmp_path: Path
) -> None:
    """A live run on a commit never pushed is detached (commit null), filtered either way;
    deleteExperiment removes live runs (detached or not) with their steps and images (the
    image file too when no row holds it), announced REMOVED; commits and pushed experiment
    refs are IN_GIT and stay."""
    name = f"detached-{unique}"
    repo = copy_repo(merged_repo, tmp_path / "repo")  # its own: live runs find the project
    project = await api.create_project(repo, name)
    head = ClockedRepo(repo).git("rev-parse", "main")
    nowhere = "ab" * 20  # a commit the repository does not have
    image = png(rgb=(4, 5, 6))
    plots = {"dvclive/plots/images/i.png": {"image": base64.b64encode(image).decode()}}
    for baseline, run in ((head, "on-main"), (nowhere, "lost")):
        started = await post_live(api, event("start", str(repo), baseline, run))
        assert started.status_code == 200, started.text
        sent = event("data", str(repo), baseline, run, step=1, plots=plots,
                     metrics={"dvclive/metrics.json": {"data": {"acc": 0.5}}})  # fmt: skip
        assert (await post_live(api, sent)).status_code == 200
    runs = {r["name"]: r for r in await live_rows(api, name)}
    assert {n: (r["detached"], r["commit"]) for n, r in runs.items()} == {
        "on-main": (False, {"sha": head}),
        "lost": (True, None),
    }
    assert [r["name"] for r in await live_rows(api, name, detached=True)] == ["lost"]
    assert [r["name"] for r in await live_rows(api, name, detached=False)] == ["on-main"]
    stored = images_root(api.settings.data_dir)
    digest = hashlib.sha256(image).hexdigest()
    assert image_file(stored, digest).exists()

    database_id = from_global_id(project["id"], "Project")[1]
    announced = await state_of(api).bus.subscribe(experiments_channel(database_id))
    lost = runs["lost"]["id"]
    done = await api.data(DELETE, {"input": {"id": lost, "clientMutationId": "d1"}})
    assert done["deleteExperiment"] == {"deletedId": lost, "errors": [], "clientMutationId": "d1"}
    got = decode(await asyncio.wait_for(anext(aiter(announced)), 10))
    assert (got["change"], got["experimentId"]) == (
        "REMOVED",
        from_global_id(lost, "Experiment")[1],
    )
    await announced.close()
    assert [r["name"] for r in await live_rows(api, name)] == ["on-main"]
    assert image_file(stored, digest).exists()  # the other run holds the same image
    gone = await db.fetch(
        "SELECT (SELECT COUNT(*) FROM metric_steps WHERE experiment_id = ?) AS steps,"
        " (SELECT COUNT(*) FROM live_images WHERE experiment_id = ?) AS images,"
        " (SELECT COUNT(*) FROM cells WHERE experiment_id = ?) AS cells",
        [from_global_id(lost, "Experiment")[1]] * 3,
    )
    assert gone == [{"steps": 0, "images": 0, "cells": 0}]
    again = await api.data(DELETE, {"input": {"id": lost}})
    assert again["deleteExperiment"]["errors"][0]["code"] == "NOT_FOUND"
    other = runs["on-main"]["id"]
    assert (await api.data(DELETE, {"input": {"id": other}}))["deleteExperiment"]["errors"] == []
    assert not image_file(stored, digest).exists()  # no row holds it any more
    assert await live_rows(api, name) == []


async def test_deleting_a_run_of_many_images(
    api: Api, merged_repo: Path, unique: str, tmp_path: Path
) -> None:
    """deleteExperiment of a run holding many images (its files found in one statement, not
    one parameter per image): the files only it holds go, even one it holds at several
    steps; the file another run holds too stays."""
    name = f"many-images-{unique}"
    repo = copy_repo(merged_repo, tmp_path / "repo")
    await api.create_project(repo, name)
    head = ClockedRepo(repo).git("rev-parse", "main")
    shared = png(rgb=(9, 9, 9))
    own = [png(rgb=(i, 200, 7)) for i in range(60)]

    def plots(images: list[bytes]) -> dict[str, Any]:
        return {
            f"dvclive/plots/images/{i}.png": {"image": base64.b64encode(b).decode()}
            for i, b in enumerate(images)
        }

    sends = {
        "keeper": [plots([shared])],
        "many": [plots([shared, *own[:30]]), plots(own)],  # own[:30] at both steps
    }
    for run, steps in sends.items():
        started = await post_live(api, event("start", str(repo), head, run))
        assert started.status_code == 200, started.text
        for step, sent in enumerate(steps, start=1):
            body = event("data", str(repo), head, run, step=step, plots=sent)
            assert (await post_live(api, body)).status_code == 200
    runs = {r["name"]: r["id"] for r in await live_rows(api, name)}
    stored = images_root(api.settings.data_dir)
    files = {b: image_file(stored, hashlib.sha256(b).hexdigest()) for b in [shared, *own]}
    assert all(f.exists() for f in files.values())
    held = await db.fetch(
        "SELECT COUNT(*) AS n FROM live_images WHERE experiment_id = ?",
        [from_global_id(runs["many"], "Experiment")[1]],
    )
    assert held == [{"n": 91}]

    done = await api.data(DELETE, {"input": {"id": runs["many"]}})
    assert done["deleteExperiment"]["errors"] == []
    assert not any(files[b].exists() for b in own)
    assert files[shared].exists()
    assert [r["name"] for r in await live_rows(api, name)] == ["keeper"]


@pytest.mark.parametrize("kind", ["COMMIT", "EXPERIMENT"])
async def test_rows_of_git_are_not_deleted(
    api: Api, merged_repo: Path, unique: str, kind: str
) -> None:
    name = f"in-git-{unique}"
    await api.create_project(merged_repo, name)
    before = (await api.data(ROW, {"n": name, "f": {"kinds": [kind]}}))["project"]["experiments"]
    row = before["nodes"][0]
    body = await api.data(DELETE, {"input": {"id": row["id"]}})
    [error] = body["deleteExperiment"]["errors"]
    assert (error["code"], error["field"]) == ("IN_GIT", "id")
    assert "Git's" in error["message"]
    if kind == "EXPERIMENT":
        assert "dvc exp remove --git-remote" in error["message"]
    after = (await api.data(ROW, {"n": name, "f": {"kinds": [kind]}}))["project"]["experiments"]
    assert after == before


BRANCHES = """query($n: String!, $all: Boolean!) { project(name: $n) {
  branches(includeHidden: $all) { name hidden } } }"""
HIDE = """mutation($input: HideRowsInput!) { %s(input: $input) {
  experiments { sha } branches { name hidden } errors { code field } } }"""


async def branches_of(api: Api, name: str, everything: bool = False) -> dict[str, bool]:
    found = await api.data(BRANCHES, {"n": name, "all": everything})
    return {b["name"]: b["hidden"] for b in found["project"]["branches"]}


async def test_hidden_branches_stay_hidden_across_syncs(
    api: Api, merged_repo: Path, unique: str, tmp_path: Path
) -> None:
    path = copy_repo(merged_repo, tmp_path / "repo")
    repo = ClockedRepo(path, clock=1_950_000_000)
    project = await api.create_project(path, f"hide-branches-{unique}")
    name = project["name"]
    assert await branches_of(api, name) == {"feature": False, "main": False}
    variables = {"input": {"projectId": project["id"], "branches": ["feature", "feature"]}}
    done = (await api.data(HIDE % "hideRows", variables))["hideRows"]
    assert done == {"experiments": [], "branches": [{"name": "feature", "hidden": True}],
                    "errors": []}  # fmt: skip
    assert await branches_of(api, name) == {"main": False}
    assert await branches_of(api, name, everything=True) == {"feature": True, "main": False}
    repo.git("checkout", "-q", "feature")  # the branch moves: its row is written again
    (path / "f.txt").write_text("f\n")
    repo.git("add", "f.txt")
    repo.git("commit", "-qm", "More on feature")
    repo.git("branch", "-f", "main", "main~1")  # and main is rewritten (a reachability pass)
    await api.sync(project["id"])
    assert await branches_of(api, name, everything=True) == {"feature": True, "main": False}
    shown = (await api.data(HIDE % "unhideRows", variables))["unhideRows"]
    assert shown["errors"] == [] and await branches_of(api, name) == {
        "feature": False,
        "main": False,
    }
