"""Hidden rows (issue 15, item 1): "[skip studio]" in a commit message hides its row when
indexed; hideRows / unhideRows hide and show rows by hand; hidden rows are left out of the
table, its count and its orders unless ``includeHidden``; a re-sync keeps them as they
were. On a real repository through the real app (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from live_support import event, post_live, state_of
from support import Api, ClockedRepo, copy_repo

from schema.relay import from_global_id, to_global_id
from storage.events import decode, experiments_channel
from storage.hidden import MAX_ROWS

ACC = "metric:metrics.json:acc"
DVC_YAML = "stages:\n  train:\n    cmd: python train.py\n    metrics:\n      - metrics.json:\n          cache: false\n"  # fmt: skip


@dataclass
class Repo(ClockedRepo):
    def commit(self, message: str, acc: float) -> str:
        (self.path / "metrics.json").write_text(json.dumps({"acc": acc}))
        self.git("add", "-A")
        self.git("commit", "-qm", message)
        return self.git("rev-parse", "HEAD")


@dataclass(frozen=True)
class History:
    path: Path
    c1: str
    skipped: str  # "[Skip Studio]" in its message, the best acc
    c3: str
    c4: str


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    repo = Repo(tmp_path_factory.mktemp("hidden") / "repo")
    repo.path.mkdir()
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.email", "t@example.com")
    repo.git("config", "user.name", "T")
    (repo.path / ".dvc").mkdir()
    (repo.path / ".dvc" / "config").write_text("")
    (repo.path / "dvc.yaml").write_text(DVC_YAML)
    c1 = repo.commit("first", 0.5)
    skipped = repo.commit("tweak the docs\n\n[Skip Studio]", 0.99)
    c3 = repo.commit("third", 0.7)
    c4 = repo.commit("fourth", 0.6)
    return History(repo.path, c1, skipped, c3, c4)


@pytest.fixture
async def project(api: Api, history: History, unique: str) -> dict[str, Any]:
    return await api.create_project(history.path, f"hidden-{unique}")


TABLE = """query($name: String!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!]) {
  project(name: $name) { experiments(filter: $filter, orderBy: $orderBy) {
    totalCount nodes { id sha ref kind hidden } } } }"""


async def table(
    api: Api,
    name: str,
    include: bool | None = None,
    by_acc: bool = False,
    columns: list[dict[str, Any]] | None = None,
) -> tuple[list[str], int]:
    """The rows' labels (:func:`label`) and the table's totalCount."""
    filter_: dict[str, Any] = {"columns": columns or []}
    if include is not None:
        filter_["includeHidden"] = include
    order = [{"column": ACC, "direction": "DESC"}] if by_acc else None
    found = await api.data(TABLE, {"name": name, "filter": filter_, "orderBy": order})
    page = found["project"]["experiments"]
    return [label(n) for n in page["nodes"]], page["totalCount"]


async def rows(api: Api, name: str) -> dict[str, dict[str, Any]]:
    """Every row, hidden or not, by :func:`label`."""
    found = await api.data(TABLE, {"name": name, "filter": {"includeHidden": True}})
    return {label(n): n for n in found["project"]["experiments"]["nodes"]}


def label(node: dict[str, Any]) -> str:
    """A row's sha, its ref for an experiment, its id for a live run."""
    return str(node["ref"] or node["sha"] or node["id"])


def hidden_of(all_rows: dict[str, dict[str, Any]]) -> dict[str, bool]:
    return {k: r["hidden"] for k, r in all_rows.items()}


SET = """mutation($input: HideRowsInput!) { %s(input: $input) {
  experiments { sha hidden } errors { code field message } clientMutationId } }"""


async def set_hidden(
    api: Api, project_id: str, ids: list[str], hide: bool = True, client_id: str | None = None
) -> dict[str, Any]:
    name = "hideRows" if hide else "unhideRows"
    variables = {"input": {"projectId": project_id, "ids": ids, "clientMutationId": client_id}}
    payload: dict[str, Any] = (await api.data(SET % name, variables))[name]
    return payload


async def test_skip_studio_hides_a_commit_from_rows_count_and_sort(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    h, name = history, project["name"]
    assert await table(api, name) == ([h.c4, h.c3, h.c1], 3)
    assert await table(api, name, include=False) == ([h.c4, h.c3, h.c1], 3)
    # The best acc is the hidden commit's: it does not win the sort unless included.
    assert await table(api, name, by_acc=True) == ([h.c3, h.c4, h.c1], 3)
    assert await table(api, name, include=True, by_acc=True) == ([h.skipped, h.c3, h.c4, h.c1], 4)
    assert await table(api, name, include=True) == ([h.c4, h.c3, h.skipped, h.c1], 4)
    # Counts of a column filter (read from the cells' index) leave it out too.
    above = [{"column": ACC, "op": "GT", "value": 0.55}]
    assert await table(api, name, columns=above) == ([h.c4, h.c3], 2)
    assert await table(api, name, include=True, columns=above) == ([h.c4, h.c3, h.skipped], 3)
    assert hidden_of(await rows(api, name)) == {
        h.c1: False,
        h.skipped: True,
        h.c3: False,
        h.c4: False,
    }


async def test_hide_and_unhide_round_trip(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    h, name = history, project["name"]
    ids = {sha: r["id"] for sha, r in (await rows(api, name)).items()}
    database_id = from_global_id(project["id"], "Project")[1]
    announced = await state_of(api).bus.subscribe(experiments_channel(database_id))
    done = await set_hidden(api, project["id"], [ids[h.c3], ids[h.c1], ids[h.c3]], client_id="k1")
    assert done == {
        "experiments": [{"sha": h.c3, "hidden": True}, {"sha": h.c1, "hidden": True}],
        "errors": [],
        "clientMutationId": "k1",
    }
    # Each row announced once to the project's experiments subscribers.
    events = aiter(announced)
    for wanted in (ids[h.c3], ids[h.c1]):
        got = decode(await asyncio.wait_for(anext(events), 10))
        assert (got["change"], got["experimentId"]) == (
            "UPDATED",
            from_global_id(wanted, "Experiment")[1],
        )
    await announced.close()
    assert await table(api, name) == ([h.c4], 1)
    assert await table(api, name, by_acc=True) == ([h.c4], 1)
    assert await table(api, name, include=True, by_acc=True) == ([h.skipped, h.c3, h.c4, h.c1], 4)
    again = await set_hidden(api, project["id"], [ids[h.c3]])  # hiding twice is hiding once
    assert again["errors"] == [] and again["experiments"] == [{"sha": h.c3, "hidden": True}]
    shown = await set_hidden(api, project["id"], [ids[h.c3], ids[h.skipped]], hide=False)
    assert shown["errors"] == []
    assert await table(api, name) == ([h.c4, h.c3, h.skipped], 3)
    assert await table(api, name, by_acc=True) == ([h.skipped, h.c3, h.c4], 3)


async def test_a_resync_keeps_rows_hidden_by_hand_and_shown_by_hand(
    api: Api, history: History, unique: str, tmp_path: Path
) -> None:
    """A row hidden by hand stays hidden when a sync writes it again (an experiment ref
    moved to a new commit), and a "[skip studio]" commit shown by hand stays shown."""
    h = history
    repo = Repo(copy_repo(h.path, tmp_path / "repo"))
    ref = f"refs/exps/{h.c4[:2]}/{h.c4[2:]}/exp-one"
    repo.git("checkout", "-q", "--detach", h.c4)
    first_run = repo.commit("exp one", 0.8)
    repo.git("update-ref", ref, first_run)
    repo.git("checkout", "-q", "main")
    project = await api.create_project(repo.path, f"resync-{unique}")
    name = project["name"]
    started = await post_live(api, event("start", str(repo.path), h.c3, "live-one"))
    assert started.status_code == 200, started.text
    live = next(k for k, r in (await rows(api, name)).items() if r["kind"] == "LIVE")
    ids = {k: r["id"] for k, r in (await rows(api, name)).items()}
    hide = [ids[ref], ids[h.c1], ids[live]]  # an experiment ref, a commit, a live run
    assert (await set_hidden(api, project["id"], hide))["errors"] == []
    assert (await set_hidden(api, project["id"], [ids[h.skipped]], hide=False))["errors"] == []
    repo.git("checkout", "-q", "--detach", h.c4)
    repo.git("update-ref", ref, repo.commit("exp one, again", 0.9))  # the row written again
    repo.git("checkout", "-q", "main")
    c5 = repo.commit("fifth", 0.4)
    c6 = repo.commit("sixth [skip studio]", 0.3)
    await api.sync(project["id"])
    after = await rows(api, name)
    assert after[ref]["id"] == ids[ref]  # the same row, updated in place
    assert hidden_of(after) == {
        h.c1: True, h.skipped: False, h.c3: False, h.c4: False, ref: True, c5: False, c6: True,
        live: True,
    }  # fmt: skip
    assert await table(api, name) == ([c5, h.c4, h.c3, h.skipped], 4)


def code_of(payload: dict[str, Any]) -> str:
    assert payload["experiments"] == [], payload
    (error,) = payload["errors"]
    return str(error["code"])


async def test_hostile_ids_are_typed_errors_and_change_nothing(
    api: Api, history: History, project: dict[str, Any], unique: str
) -> None:
    h, name = history, project["name"]
    other = await api.create_project(history.path, f"other-{unique}")
    theirs = (await rows(api, other["name"]))[h.c3]["id"]
    mine = await rows(api, name)
    before = hidden_of(mine)
    ok = mine[h.c4]["id"]
    cases = {
        "unknown": ([ok, to_global_id("Experiment", 999_999_999)], "NOT_FOUND"),
        "another project's": ([ok, theirs], "NOT_FOUND"),
        "too many": (
            [ok] + [to_global_id("Experiment", i) for i in range(1, MAX_ROWS + 1)],
            "INVALID",
        ),
        "none": ([], "INVALID"),
        "malformed": ([ok, "not an id"], "INVALID"),
        "a project's id": ([ok, project["id"]], "INVALID"),
    }
    for label, (ids, code) in cases.items():
        for hide in (True, False):
            assert code_of(await set_hidden(api, project["id"], ids, hide)) == code, label
    assert hidden_of(await rows(api, name)) == before
    assert hidden_of(await rows(api, other["name"]))[h.c3] is False
    # An unknown project: the guard's typed error, and nothing changed either.
    payload = await set_hidden(api, to_global_id("Project", 999_999_999), [ok])
    assert code_of(payload) == "NOT_FOUND"
    assert hidden_of(await rows(api, name)) == before


async def test_the_csv_export_leaves_hidden_rows_out_unless_included(
    api: Api, history: History, project: dict[str, Any]
) -> None:
    """GET /api/projects/{id}/experiments.csv takes the table's filter: the same rows."""
    h = history
    database_id = int(from_global_id(project["id"], "Project")[1])

    async def shas(**params: str) -> list[str]:
        url = f"/api/projects/{database_id}/experiments.csv?{urlencode(params)}"
        response = await api.client.get(url, headers={"Authorization": f"token {api.token}"})
        assert response.status_code == 200, response.text
        header, *lines = list(csv.reader(io.StringIO(response.text)))
        return [line[header.index("sha")] for line in lines]

    assert await shas() == [h.c4, h.c3, h.c1]
    assert await shas(filter=json.dumps({"includeHidden": True})) == [h.c4, h.c3, h.skipped, h.c1]
