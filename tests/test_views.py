"""Saved views (issue 15, item 3): saveView / deleteView, Project.views, Project.view(name),
the table of a view (Project.experiments(view:), View.experiments) and the CSV export of one;
on generated repositories through the real app (SQLite and PostgreSQL).

A view's table must be the table its arguments give when passed explicitly; a user's own
views are nobody else's to see, use or delete."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path
from typing import Any, get_args

import pytest
import strawberry
from support import Api

from schema import build_schema
from schema.experiments import ExperimentFilter, ExperimentOrder, input_json, table_arguments
from schema.relay import to_global_id
from storage import db
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate import RepoSpec, generate_repo

ACC = "metric:metrics.json:acc"
LOSS = "metric:metrics.json:loss"
LR = "param:params.yaml:lr"
DEPTH = "param:params.yaml:model.depth"

# Three column filters and a sort: the shape the issue times.
FILTER: dict[str, list[dict[str, Any]]] = {
    "columns": [
        {"column": ACC, "op": "GT", "value": 0.75},
        {"column": LR, "op": "LTE", "value": 0.03},
        {"column": DEPTH, "op": "EXISTS"},
    ]
}
ORDER = [{"column": LOSS, "direction": "ASC"}]

SAVE = """mutation($input: SaveViewInput!) { saveView(input: $input) {
  view { id name shared owner columns filter order includeHidden createdBy updatedBy
         createdAt updatedAt goals { column goal } baseline { id } }
  errors { code message field } clientMutationId } }"""

DELETE = """mutation($input: DeleteViewInput!) { deleteView(input: $input) {
  deletedId errors { code message field } } }"""

TABLE = """query($name: String!, $view: String, $filter: ExperimentFilter,
                 $orderBy: [ExperimentOrder!], $first: Int, $after: String) {
  project(name: $name) { experiments(view: $view, filter: $filter, orderBy: $orderBy,
                                     first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }"""

VIEWS = """query($name: String!) { project(name: $name) {
  views { id name shared owner columns } } }"""


@pytest.fixture(scope="session")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "repo"
    generate_repo(path, RepoSpec(commits=24, exps_per_commit=1, gto_tags=False, seed=5))
    return path


@pytest.fixture
async def project(api: Api, repo: Path, unique: str) -> dict[str, Any]:
    return await api.create_project(repo, f"views-{unique}")


async def save(api: Api, token: str | None, **input: Any) -> dict[str, Any]:
    body = await api.post_as(token or api.token, SAVE, {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["saveView"]
    return payload


async def table(api: Api, name: str, token: str | None = None, **args: Any) -> dict[str, Any]:
    body = await api.post_as(token or api.token, TABLE, {"name": name, **args})
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["project"]["experiments"]
    return found


async def pages(api: Api, name: str, first: int, **args: Any) -> list[list[str]]:
    """Every page of the table, ``first`` rows each, by the connection's cursors."""
    found: list[list[str]] = []
    after = None
    while True:
        page = await table(api, name, first=first, after=after, **args)
        found.append([n["id"] for n in page["nodes"]])
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


async def test_a_view_gives_the_table_its_arguments_give(api: Api, project: dict[str, Any]) -> None:
    name = project["name"]
    rows = await table(api, name, filter={"kinds": ["COMMIT"]}, first=3)
    baseline = rows["nodes"][2]["id"]
    saved = await save(
        api,
        None,
        projectId=project["id"],
        name="best by loss",
        shared=True,
        columns=[LOSS, ACC, LR],
        filter=FILTER,
        order=ORDER,
        baseline=baseline,
        goals=[{"column": LOSS, "goal": "LOWER"}, {"column": ACC, "goal": "HIGHER"}],
        clientMutationId="c1",
    )
    assert saved["errors"] == [] and saved["clientMutationId"] == "c1"
    view = saved["view"]
    assert view["shared"] and view["owner"] is None and view["createdBy"] == "admin"
    assert view["columns"] == [LOSS, ACC, LR]
    assert view["goals"] == [{"column": LOSS, "goal": "LOWER"}, {"column": ACC, "goal": "HIGHER"}]
    assert view["baseline"] == {"id": baseline}
    assert view["includeHidden"] is False
    # The stored filter and order are the table's variables, defaults filled in.
    assert view["filter"]["columns"] == [{"value": None, **c} for c in FILTER["columns"]]
    assert view["order"] == [{**o, "field": None} for o in ORDER]  # defaults filled in

    explicit = await table(api, name, filter=FILTER, orderBy=ORDER, first=200)
    through = await table(api, name, view="best by loss", first=200)
    everything = (await table(api, name, first=1))["totalCount"]
    assert 1 < explicit["totalCount"] < everything, "the filters choose some rows, not all"
    assert through == explicit
    assert await pages(api, name, 4, view="best by loss") == await pages(
        api, name, 4, filter=FILTER, orderBy=ORDER
    )
    # What a client reads of the view, passed back as variables, is the same table.
    again = await table(api, name, filter=view["filter"], orderBy=view["order"], first=200)
    assert again == explicit

    # Project.view(name) and its own table, and the list.
    goal = await api.data(
        """mutation($input: SetColumnGoalInput!) { setColumnGoal(input: $input) {
             errors { code } } }""",
        {"input": {"projectId": project["id"], "column": LOSS, "goal": "HIGHER"}},
    )
    assert goal["setColumnGoal"]["errors"] == []
    found = await api.data(
        """query($name: String!) { project(name: $name) { view(name: "best by loss") {
             id columnGoals { column goal } experiments(first: 200) { totalCount nodes { id } }
           } } }""",
        {"name": name},
    )
    own = found["project"]["view"]
    assert own["id"] == view["id"]
    assert own["columnGoals"] == [  # the project's, the view's over them
        {"column": ACC, "goal": "HIGHER"},
        {"column": LOSS, "goal": "LOWER"},
    ]
    assert own["experiments"]["nodes"] == explicit["nodes"]
    listed = (await api.data(VIEWS, {"name": name}))["project"]["views"]
    assert [v["name"] for v in listed] == ["best by loss"]

    # An explicit orderBy beside the view replaces the view's order only.
    other_order = [{"column": ACC, "direction": "DESC"}]
    mixed = await table(api, name, view="best by loss", orderBy=other_order, first=200)
    assert mixed == await table(api, name, filter=FILTER, orderBy=other_order, first=200)

    # Saving the name again replaces the view (same id, one view).
    resaved = await save(
        api, None, projectId=project["id"], name="best by loss", shared=True,
        order=other_order, includeHidden=True,
    )  # fmt: skip
    assert resaved["errors"] == []
    assert resaved["view"]["id"] == view["id"]
    assert resaved["view"]["createdAt"] == view["createdAt"]
    assert resaved["view"]["updatedAt"] >= view["updatedAt"]
    assert resaved["view"]["includeHidden"] is True and resaved["view"]["filter"] is not None
    listed = (await api.data(VIEWS, {"name": name}))["project"]["views"]
    assert len(listed) == 1
    assert await table(api, name, view="best by loss", first=200) == await table(
        api, name, filter={"includeHidden": True}, orderBy=other_order, first=200
    )


async def test_a_missing_view_is_not_found_and_a_view_is_deleted(
    api: Api, project: dict[str, Any]
) -> None:
    name = project["name"]
    body = await api.gql(TABLE, {"name": name, "view": "nope"})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    saved = await save(api, None, projectId=project["id"], name="temp", shared=True)
    gone = (await api.data(DELETE, {"input": {"id": saved["view"]["id"]}}))["deleteView"]
    assert gone == {"deletedId": saved["view"]["id"], "errors": []}
    again = (await api.data(DELETE, {"input": {"id": saved["view"]["id"]}}))["deleteView"]
    assert again["errors"][0]["code"] == "NOT_FOUND"
    assert (await api.data(VIEWS, {"name": name}))["project"]["views"] == []


async def _public(api: Api, project: dict[str, Any]) -> None:
    updated = await api.data(
        """mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
             errors { code } } }""",
        {"input": {"id": project["id"], "visibility": "PUBLIC"}},
    )
    assert updated["updateProject"]["errors"] == []


async def _user(unique: str, who: str) -> str:
    user = await create_user(f"{who}-{unique}")
    _row, token = await create_token(f"{who}-token", frozenset({Scope.ADMIN}), None, user.id)
    return token


async def test_own_views_are_their_owners_alone(
    api: Api, project: dict[str, Any], unique: str
) -> None:
    """Two readers of a PUBLIC project (VIEWERs) each keep views of their own; neither sees,
    uses or deletes the other's; anonymous callers read shared views and save none."""
    await _public(api, project)
    name = project["name"]
    alice, bob = await _user(unique, "alice"), await _user(unique, "bob")
    shared = await save(api, None, projectId=project["id"], name="mine", shared=True,
                        order=[{"direction": "ASC"}])  # fmt: skip
    assert shared["errors"] == []
    own = await save(api, alice, projectId=project["id"], name="mine", filter=FILTER)
    assert own["errors"] == [] and own["view"]["owner"] == f"alice-{unique}"
    assert not own["view"]["shared"]

    seen = {}
    for who, token in (("alice", alice), ("bob", bob), ("anonymous", None)):
        body = await api.post_as(token, VIEWS, {"name": name})
        seen[who] = [(v["name"], v["shared"]) for v in body["data"]["project"]["views"]]
    assert seen["alice"] == [("mine", True), ("mine", False)]
    assert seen["bob"] == seen["anonymous"] == [("mine", True)]

    # The name gives the caller's own view first, else the shared one.
    by_alice = await table(api, name, alice, view="mine", first=200)
    assert by_alice == await table(api, name, filter=FILTER, first=200)
    by_bob = await table(api, name, bob, view="mine", first=200)
    assert by_bob == await table(api, name, orderBy=[{"direction": "ASC"}], first=200)
    anonymous = await api.post_as(None, TABLE, {"name": name, "view": "mine", "first": 200})
    assert anonymous["data"]["project"]["experiments"] == by_bob

    # Alice's view by id is missing for Bob: NOT_FOUND exactly as no view.
    missing = to_global_id("View", 2**31 - 1)
    for target in (own["view"]["id"], missing):
        body = await api.post_as(bob, DELETE, {"input": {"id": target}})
        assert body["data"]["deleteView"]["errors"] == [
            {"code": "NOT_FOUND", "message": f"no View with id {target!r}", "field": "id"}
        ]
    # A viewer may not share, nor delete the shared one; anonymous saves nothing.
    refused = await api.post_as(bob, SAVE, {"input": {"projectId": project["id"], "name": "x",
                                                      "shared": True}})  # fmt: skip
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    refused = await api.post_as(bob, DELETE, {"input": {"id": shared["view"]["id"]}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    refused = await api.post_as(None, SAVE, {"input": {"projectId": project["id"], "name": "x"}})
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    rows = await db.fetch("SELECT name, owner_user_id FROM views WHERE project_id = ?",
                          [_db_id(project["id"])])  # fmt: skip
    assert len(rows) == 2

    # Bob's own view of the same name is his; Alice deletes hers.
    assert (await save(api, bob, projectId=project["id"], name="mine"))["errors"] == []
    body = await api.post_as(alice, DELETE, {"input": {"id": own["view"]["id"]}})
    assert body["data"]["deleteView"]["errors"] == []
    body = await api.post_as(bob, VIEWS, {"name": name})
    assert [(v["name"], v["shared"]) for v in body["data"]["project"]["views"]] == [
        ("mine", True),
        ("mine", False),
    ]


def _db_id(global_id: str) -> int:
    from schema.relay import from_global_id

    return from_global_id(global_id, "Project")[1]


async def test_the_csv_export_of_a_view(api: Api, project: dict[str, Any], unique: str) -> None:
    saved = await save(api, None, projectId=project["id"], name="csv", shared=True,
                       columns=[ACC, LR], filter=FILTER, order=ORDER)  # fmt: skip
    assert saved["errors"] == []
    path = f"/api/projects/{_db_id(project['id'])}/experiments.csv"
    headers = {"Authorization": f"token {api.token}"}
    by_view = await api.client.get(path, params={"view": "csv"}, headers=headers)
    explicit = await api.client.get(
        path,
        params={
            "filter": json.dumps(FILTER),
            "orderBy": json.dumps(ORDER),
            "columns": f"{ACC},{LR}",
        },
        headers=headers,
    )
    assert by_view.status_code == explicit.status_code == 200, by_view.text
    assert by_view.text == explicit.text
    table_rows = list(csv.reader(io.StringIO(by_view.text)))
    assert table_rows[0][-2:] == [ACC, LR] and len(table_rows) > 1

    missing = await api.client.get(path, params={"view": "nope"}, headers=headers)
    assert missing.status_code == 404
    assert missing.json()["code"] == "NOT_FOUND"
    # Another user's own view is as missing as none.
    await _public(api, project)
    carol = await _user(unique, "carol")
    assert (await save(api, carol, projectId=project["id"], name="hers"))["errors"] == []
    hidden = await api.client.get(path, params={"view": "hers"}, headers=headers)
    assert hidden.status_code == 404 and hidden.json()["code"] == "NOT_FOUND"
    hers = await api.client.get(
        path, params={"view": "hers"}, headers={"Authorization": f"token {carol}"}
    )
    assert hers.status_code == 200


# -- the stored filter and order round-trip every field of the inputs -------------------------


def _sample(kind: Any) -> Any:
    """A value of the strawberry type ``kind`` for every field it has (inputs recursively)."""
    of_type = getattr(kind, "of_type", None)
    if of_type is not None:  # StrawberryOptional / StrawberryList
        inner = _sample(of_type)
        return [inner] if type(kind).__name__ == "StrawberryList" else inner
    definition = getattr(kind, "__strawberry_definition__", None)
    if definition is not None and definition.is_input:
        return kind(**{f.python_name: _sample(f.type) for f in definition.fields})
    kind = getattr(kind, "wrapped_cls", kind)  # a strawberry enum: its Python enum
    if isinstance(kind, type) and issubclass(kind, Enum):
        return list(kind)[-1]
    if kind is bool:
        return True
    if kind is int:
        return 3
    if kind is float:
        return 0.5
    if kind is str or kind is strawberry.ID:
        return "x"
    args = get_args(kind)  # the JSON scalar's NewType and the like: a JSON value
    return 0.25 if not args else _sample(args[0])


def test_every_field_of_the_table_inputs_round_trips() -> None:
    """input_json writes each field strawberry defines, table_arguments reads it back: a
    field added to ExperimentFilter or ExperimentOrder later is kept by views unchanged."""
    schema = build_schema()
    names = schema.config.name_converter
    filter_value = _sample(ExperimentFilter)
    order_value = [_sample(ExperimentOrder)]
    given = {"filter": input_json(filter_value, names), "orderBy": input_json(order_value, names)}
    fields = ExperimentFilter.__strawberry_definition__.fields  # type: ignore[attr-defined]
    assert set(given["filter"]) == {names.get_graphql_name(f) for f in fields}
    back = table_arguments(schema, given)
    assert back["filter"] == filter_value
    assert back["order_by"] == order_value
    assert input_json(back["filter"], names) == given["filter"]


async def test_one_shared_view_of_a_name_even_beside_the_database(
    api: Api, project: dict[str, Any]
) -> None:
    """views_by_name holds whatever writes a view: a NULL owner is no way around it."""
    project_id = _db_id(project["id"])
    insert = (
        "INSERT INTO views (project_id, owner_user_id, name, state, created_at, updated_at)"
        " VALUES (?, NULL, 'twice', '{}', 0, 0)"
    )
    await db.execute(insert, [project_id])
    with pytest.raises(Exception, match=r"(?i)unique"):
        await db.execute(insert, [project_id])
    assert len(await db.fetch("SELECT id FROM views WHERE name = 'twice'")) == 1
