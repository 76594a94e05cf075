"""Trends along a branch's first-parent line, column goals, and compare against a baseline
(issue 14, item 4), on a real repository with a merge, through the real app (SQLite and
PostgreSQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from support import Api, ClockedRepo, git

import storage.goals
from resolvers.trends import MAX_TREND_COLUMNS
from storage import db
from storage.limits import limits

ACC, LOSS, OK = "metric:metrics.json:acc", "metric:metrics.json:loss", "metric:metrics.json:ok"
LR, NAME = "param:params.yaml:lr", "param:params.yaml:name"

DVC_YAML = """stages:
  train:
    cmd: python train.py
    deps:
      - data.csv
    params:
      - lr
    outs:
      - model.pkl
    metrics:
      - metrics.json:
          cache: false
"""


def lock(data: str, model: str) -> str:
    """dvc.lock of the train stage with these md5s of data.csv and model.pkl."""
    item = "      - path: {}\n        hash: md5\n        md5: {}\n        size: 4\n"
    return (
        "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    deps:\n"
        + item.format("data.csv", data)
        + "    outs:\n"
        + item.format("model.pkl", model)
    )


@dataclass
class Repo(ClockedRepo):
    def commit(
        self,
        message: str,
        metrics: dict[str, Any],
        lr: float | None = None,
        data: str = "d1",
        model: str = "m1",
    ) -> str:
        (self.path / "metrics.json").write_text(json.dumps(metrics))
        if lr is not None:
            (self.path / "params.yaml").write_text(f"lr: {lr}\nname: run\n")
        (self.path / "dvc.lock").write_text(lock(data, model))
        self.git("add", "-A")
        self.git("commit", "-qm", message)
        return self.git("rev-parse", "HEAD")


@dataclass(frozen=True)
class History:
    path: Path
    c1: str
    c2: str
    c3: str
    merge: str
    c4: str
    s1: str
    s2: str


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """main: c1 - c2 - c3 - merge (of side) - c4; side: c2 - s1 - s2."""
    repo = Repo(tmp_path_factory.mktemp("trends") / "repo")
    repo.path.mkdir()
    repo.git("init", "-q", "-b", "main")
    (repo.path / ".dvc").mkdir()
    (repo.path / ".dvc" / "config").write_text("")
    (repo.path / "dvc.yaml").write_text(DVC_YAML)
    c1 = repo.commit("first\n\nbody", {"acc": 0.5, "loss": 1.0, "ok": True}, lr=0.1)
    c2 = repo.commit("second", {"acc": 0.6, "loss": 0.8, "ok": False}, lr=0.2, model="m2")
    repo.git("checkout", "-qb", "side")
    s1 = repo.commit("side one", {"acc": 0.99, "loss": 0.1}, model="s1")
    s2 = repo.commit("side two", {"acc": 0.98, "loss": 0.2}, model="s2")
    repo.git("checkout", "-q", "main")
    c3 = repo.commit("third", {"acc": 0.7, "loss": 0.6, "ok": True}, lr=0.3, data="d2", model="m3")
    repo.git("merge", "-q", "--no-ff", "--no-commit", "-s", "ours", "side")
    merge = repo.commit("Merge side", {"acc": 0.75, "loss": 0.55}, data="d2", model="m4")
    c4 = repo.commit("fourth", {"acc": 0.8}, data="d2", model="m5")  # no loss: null
    assert repo.git("rev-parse", f"{merge}^2") == s2
    return History(repo.path, c1, c2, c3, merge, c4, s1, s2)


@pytest.fixture
async def project(api: Api, history: History, unique: str) -> dict[str, Any]:
    return await api.create_project(history.path, f"trends-{unique}")


TRENDS = """query($name: String!, $branch: String!, $columns: [String!]!, $first: Int) {
  project(name: $name) { trends(branch: $branch, columns: $columns, first: $first) {
    sha committedAt message values } } }"""


async def trends(
    api: Api, name: str, branch: str, columns: list[str], first: int | None = None
) -> dict[str, Any]:
    variables = {"name": name, "branch": branch, "columns": columns, "first": first}
    return await api.gql(TRENDS, variables)


def code(body: dict[str, Any]) -> str:
    assert body["data"] is None or body["data"]["project"] is None, body
    return str(body["errors"][0]["extensions"]["code"])


async def test_trends_follow_the_first_parent_line(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    body = await trends(api, project["name"], "main", [ACC, LOSS, LR, "metric:none.json:x"])
    points = body["data"]["project"]["trends"]
    h = history
    assert [p["sha"] for p in points] == [h.c4, h.merge, h.c3, h.c2, h.c1]  # not s1, s2
    assert [p["values"] for p in points] == [
        [0.8, None, 0.3, None],
        [0.75, 0.55, 0.3, None],
        [0.7, 0.6, 0.3, None],
        [0.6, 0.8, 0.2, None],
        [0.5, 1.0, 0.1, None],
    ]
    assert [p["message"] for p in points] == ["fourth", "Merge side", "third", "second", "first"]
    assert [p["committedAt"] for p in points] == [
        git(h.path, "log", "-1", "--format=%cI", p["sha"]) for p in points
    ]
    side = (await trends(api, project["name"], "side", [ACC]))["data"]["project"]["trends"]
    assert [(p["sha"], p["values"]) for p in side] == [
        (h.s2, [0.98]),
        (h.s1, [0.99]),
        (h.c2, [0.6]),
        (h.c1, [0.5]),
    ]
    first_two = (await trends(api, project["name"], "main", [], 2))["data"]["project"]["trends"]
    assert [(p["sha"], p["values"]) for p in first_two] == [(h.c4, []), (h.merge, [])]
    none = (await trends(api, project["name"], "main", [ACC], 0))["data"]["project"]["trends"]
    assert none == []


async def test_hostile_trends_are_typed_errors(api: Api, project: dict[str, Any]) -> None:
    name = project["name"]
    for branch in ("no-such-branch", "a\x00b", "b" * 100_000):
        assert code(await trends(api, name, branch, [ACC])) == "NOT_FOUND", branch
    assert code(await trends(api, name, "main", ["acc"])) == "BAD_USER_INPUT"
    assert code(await trends(api, name, "main", ["metric:metrics.json"])) == "BAD_USER_INPUT"
    many = [f"metric:m.json:k{i}" for i in range(MAX_TREND_COLUMNS + 1)]
    assert code(await trends(api, name, "main", many)) == "BAD_USER_INPUT"
    assert code(await trends(api, name, "main", [ACC], api.settings.max_page_size + 1)) == (
        "BAD_USER_INPUT"
    )
    assert code(await trends(api, name, "main", [ACC], -1)) == "BAD_USER_INPUT"


SET_GOAL = """mutation($input: SetColumnGoalInput!) { setColumnGoal(input: $input) {
  columnGoal { column goal } errors { code field message } clientMutationId } }"""
GOALS = """query($name: String!) { project(name: $name) { columnGoals { column goal }
  columns(kind: METRIC) { id goal } } }"""


async def set_goal(
    api: Api, project_id: str, column: str, goal: str | None, client_id: str | None = None
) -> dict[str, Any]:
    variables = {
        "input": {
            "projectId": project_id,
            "column": column,
            "goal": goal,
            "clientMutationId": client_id,
        }
    }
    payload: dict[str, Any] = (await api.data(SET_GOAL, variables))["setColumnGoal"]
    return payload


async def goal_rows(project_id: str) -> list[tuple[str, str]]:
    """The project's column_goals rows, as stored."""
    from schema.relay import from_global_id

    rows = await db.fetch(
        'SELECT "column", goal FROM column_goals WHERE project_id = ? ORDER BY "column"',
        [from_global_id(project_id)[1]],
    )
    return [(r["column"], r["goal"]) for r in rows]


async def test_goals_are_set_listed_and_cleared(api: Api, project: dict[str, Any]) -> None:
    done = await set_goal(api, project["id"], ACC, "HIGHER", "goal-1")
    assert done == {
        "columnGoal": {"column": ACC, "goal": "HIGHER"},
        "errors": [],
        "clientMutationId": "goal-1",
    }
    await set_goal(api, project["id"], LOSS, "LOWER")
    await set_goal(api, project["id"], ACC, "LOWER")  # changed, not added
    found = (await api.data(GOALS, {"name": project["name"]}))["project"]
    assert found["columnGoals"] == [
        {"column": ACC, "goal": "LOWER"},
        {"column": LOSS, "goal": "LOWER"},
    ]
    assert {c["id"]: c["goal"] for c in found["columns"]} == {ACC: "LOWER", LOSS: "LOWER", OK: None}
    cleared = await set_goal(api, project["id"], ACC, None)
    assert cleared["columnGoal"] == {"column": ACC, "goal": None} and cleared["errors"] == []
    assert await goal_rows(project["id"]) == [(LOSS, "LOWER")]


@pytest.mark.parametrize(
    ("column", "message"),
    [
        ("acc", "column id must look like"),
        ("metric:metrics.json", "column id must look like"),
        ("plot:metrics.json:acc", "column id must look like"),
        ("metric:metrics.json:a\x00b", "control characters"),
        ("metric:metrics.json:" + "p" * 513, "file and path are at most 255 and 512"),
        ("metric:" + "f" * 256 + ":acc", "file and path are at most 255 and 512"),
    ],
)
async def test_a_bad_column_id_changes_no_goal(
    api: Api, project: dict[str, Any], column: str, message: str
) -> None:
    await set_goal(api, project["id"], LOSS, "LOWER")
    refused = await set_goal(api, project["id"], column, "HIGHER")
    assert refused["columnGoal"] is None
    [error] = refused["errors"]
    assert (error["code"], error["field"]) == ("INVALID", "column") and message in error["message"]
    assert await goal_rows(project["id"]) == [(LOSS, "LOWER")]


async def test_goals_beyond_the_bound_are_refused(
    api: Api, project: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    bounded = replace(limits(), max_columns=2)
    monkeypatch.setattr(storage.goals, "limits", lambda: bounded)
    await set_goal(api, project["id"], ACC, "HIGHER")
    await set_goal(api, project["id"], LOSS, "LOWER")
    refused = await set_goal(api, project["id"], LR, "LOWER")
    assert [e["code"] for e in refused["errors"]] == ["INVALID"]
    changed = await set_goal(api, project["id"], ACC, "LOWER")  # an existing one still changes
    assert changed["errors"] == []
    assert await goal_rows(project["id"]) == [(ACC, "LOWER"), (LOSS, "LOWER")]


async def commit_rows(api: Api, name: str) -> dict[str, str]:
    """sha -> experiment id of the project's COMMIT rows."""
    body = await api.data(
        "query($name: String!) { project(name: $name) { experiments(filter: {kinds: [COMMIT]},"
        " first: 50) { nodes { id sha } } } }",
        {"name": name},
    )
    return {n["sha"]: n["id"] for n in body["project"]["experiments"]["nodes"]}


COMPARE = """query($name: String!, $ids: [ID!]!, $baseline: ID) { project(name: $name) {
  compare(ids: $ids, baseline: $baseline) {
    experiments { sha } baseline { sha }
    rows { column values deltas goal better }
    files { path kind hashes differing } } } }"""


async def compare(
    api: Api, name: str, ids: list[str], baseline: str | None = None
) -> dict[str, Any]:
    return await api.gql(COMPARE, {"name": name, "ids": ids, "baseline": baseline})


def rows_of(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["column"]: r for r in body["data"]["project"]["compare"]["rows"]}


async def test_compare_against_a_baseline_with_goals_both_ways(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    h, name = history, project["name"]
    ids = await commit_rows(api, name)
    picked = [ids[h.c1], ids[h.c2], ids[h.c3]]
    await set_goal(api, project["id"], ACC, "HIGHER")
    await set_goal(api, project["id"], LOSS, "LOWER")
    body = await compare(api, name, picked, ids[h.c2])
    result = body["data"]["project"]["compare"]
    assert [e["sha"] for e in result["experiments"]] == [h.c1, h.c2, h.c3]
    assert result["baseline"] == {"sha": h.c2}
    rows = rows_of(body)
    assert rows[ACC] == {
        "column": ACC,
        "values": [0.5, 0.6, 0.7],
        "goal": "HIGHER",
        "deltas": [0.5 - 0.6, 0.0, 0.7 - 0.6],
        "better": [False, None, True],
    }
    assert rows[LOSS] == {
        "column": LOSS,
        "values": [1.0, 0.8, 0.6],
        "goal": "LOWER",
        "deltas": [1.0 - 0.8, 0.0, 0.6 - 0.8],
        "better": [False, None, True],
    }
    assert rows[LR]["deltas"] == [0.1 - 0.2, 0.0, 0.3 - 0.2] and rows[LR]["better"] == [None] * 3
    assert rows[LR]["goal"] is None
    assert rows[OK] == {
        "column": OK,
        "values": [True, False, True],
        "goal": None,
        "deltas": [None] * 3,
        "better": [None] * 3,
    }
    assert rows[NAME]["deltas"] == [None] * 3  # strings
    await set_goal(api, project["id"], ACC, "LOWER")
    await set_goal(api, project["id"], LOSS, "HIGHER")
    flipped = rows_of(await compare(api, name, picked, ids[h.c2]))
    assert flipped[ACC]["better"] == flipped[LOSS]["better"] == [True, None, False]
    await set_goal(api, project["id"], ACC, None)
    assert rows_of(await compare(api, name, picked, ids[h.c2]))[ACC]["better"] == [None] * 3


async def test_the_baseline_defaults_to_the_first_and_may_be_outside_the_ids(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    h, name = history, project["name"]
    ids = await commit_rows(api, name)
    first = await compare(api, name, [ids[h.c4], ids[h.c1]])
    assert first["data"]["project"]["compare"]["baseline"] == {"sha": h.c4}
    rows = rows_of(first)
    assert rows[ACC]["deltas"] == [0.0, 0.5 - 0.8]
    assert rows[LOSS]["values"] == [None, 1.0] and rows[LOSS]["deltas"] == [None, None]
    outside = await compare(api, name, [ids[h.c1], ids[h.c3]], ids[h.s1])
    compared = outside["data"]["project"]["compare"]
    assert compared["baseline"] == {"sha": h.s1}
    assert [e["sha"] for e in compared["experiments"]] == [h.c1, h.c3]
    assert rows_of(outside)[ACC]["deltas"] == [0.5 - 0.99, 0.7 - 0.99]


async def test_compare_lists_deps_and_outs_with_their_hashes(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    h, name = history, project["name"]
    ids = await commit_rows(api, name)
    body = await compare(api, name, [ids[h.c1], ids[h.c2], ids[h.c3]])
    assert body["data"]["project"]["compare"]["files"] == [
        {"path": "data.csv", "kind": "DEP", "hashes": ["d1", "d1", "d2"], "differing": True},
        {"path": "model.pkl", "kind": "OUT", "hashes": ["m1", "m2", "m3"], "differing": True},
    ]
    same = await compare(api, name, [ids[h.c1], ids[h.c1]])
    assert [f["differing"] for f in same["data"]["project"]["compare"]["files"]] == [False, False]


async def test_a_baseline_of_another_project_is_refused(
    api: Api, history: History, project: dict[str, Any], unique: str
) -> None:
    other = await api.create_project(history.path, f"trends-other-{unique}")
    theirs = await commit_rows(api, other["name"])
    ours = await commit_rows(api, project["name"])
    picked = [ours[history.c1], ours[history.c2]]
    body = await compare(api, project["name"], picked, theirs[history.c1])
    assert code(body) == "BAD_USER_INPUT"
    assert "unknown experiment ids" in body["errors"][0]["message"]
    body = await compare(api, project["name"], picked, "not-an-id")
    assert code(body) == "BAD_USER_INPUT"
