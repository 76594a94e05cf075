"""The experiments table as CSV (``GET /api/projects/{id}/experiments.csv``,
gitstudio/experiments_csv.py) against the real app on SQLite and PostgreSQL: a generated
repository of more rows than a page (the api fixture's GITSTUDIO_MAX_PAGE_SIZE is 200), its
CSV rows equal to the GraphQL table's for the same filter, order and columns, formula cells
defused, the gate's answer for every caller, and typed errors for hostile arguments."""

from __future__ import annotations

import asyncio
import csv
import io
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import orjson
import pytest
from support import Api

from gitstudio.app import create_app
from gitstudio.experiments_csv import FIXED, cell
from resolvers import experiments as resolve
from schema import build_schema
from schema.experiments import table_query
from schema.scalars import git_time
from storage import db
from storage.cells import lookup, place
from storage.queries import ExperimentQuery
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate import RepoSpec, add_commit, generate_repo

CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id } errors { code message } } }"""
TABLE = """query($id: ID!, $filter: ExperimentFilter, $order: [ExperimentOrder!], $after: String,
  $columns: [String!]) { node(id: $id) { ... on Project { experiments(filter: $filter,
  orderBy: $order, first: 200, after: $after) { pageInfo { hasNextPage endCursor }
  edges { node { kind sha name baselineSha status author { name email } createdAt message
  values(columns: $columns) { value } } } } } } }"""
COLUMNS = """query($id: ID!) { node(id: $id) { ... on Project { columns { id } } } }"""
PASSWORD = "correct horse battery staple"
HOSTILE = '=HYPERLINK("http://evil.example","x")'  # a message a spreadsheet would run


def table_query_of(given: dict[str, Any]) -> ExperimentQuery:
    return table_query(build_schema(), given)


@dataclass
class Table:
    api: Api
    ids: dict[str, int]  # "private" / "public" -> database id
    nodes: dict[str, str]  # "private" / "public" -> GraphQL id
    tokens: dict[str, str | None]  # "owner", "other", "anonymous"
    owner: str  # the owner's user name (PASSWORD signs it in)

    async def get(
        self, kind: str = "private", caller: str = "owner", **params: Any
    ) -> httpx.Response:
        token = self.tokens[caller]
        auth = {"Authorization": f"token {token}"} if token else {}
        query = urlencode(params, doseq=True)
        url = f"/api/projects/{self.ids[kind]}/experiments.csv" + (f"?{query}" if query else "")
        return await self.api.client.get(url, headers=auth)


def table_repo(repo: Path) -> Path:
    """240 rows (80 commits, 2 experiments each), then a commit whose message and string
    param a spreadsheet would run as formulas."""
    generate_repo(
        repo,
        RepoSpec(commits=80, branches=("main",), exps_per_commit=2, gto_tags=False),
    )
    params = (repo / "params.yaml").read_text()
    changes: dict[str, str | None] = {"params.yaml": params + "note: '-2+3'\n"}
    add_commit(repo, "main", changes, HOSTILE + "\n\nsecond line")
    return repo


@pytest.fixture(scope="module")
async def table(api: Api, tmp_path_factory: pytest.TempPathFactory) -> Table:
    tag = f"csv{api.backend[:2]}{time.monotonic_ns() % 10**9}"
    owner = await create_user(f"{tag}-owner", password=PASSWORD)
    other = await create_user(f"{tag}-other")
    scopes = frozenset({Scope.READ, Scope.PROJECTS})
    tokens: dict[str, str | None] = {
        "owner": (await create_token("owner", scopes, user_id=owner.id))[1],
        "other": (await create_token("other", frozenset({Scope.READ}), user_id=other.id))[1],
        "anonymous": None,
    }
    repo = table_repo(tmp_path_factory.mktemp("csv") / "repo")
    ids, nodes = {}, {}
    for kind in ("private", "public"):
        body = await api.gql(
            CREATE,
            {"input": {"repoUrl": str(repo), "name": f"{tag}-{kind}", "visibility": kind.upper()}},
            token=tokens["owner"],
        )
        assert body["data"]["createProject"]["errors"] == [], body
        nodes[kind] = body["data"]["createProject"]["project"]["id"]
        found = await db.fetch("SELECT id FROM projects WHERE name = ?", [f"{tag}-{kind}"])
        ids[kind] = int(found[0]["id"])
    return Table(api, ids, nodes, tokens, owner.name)


def parsed(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.text)))


async def graphql_rows(
    t: Table, filter_: Any = None, order: Any = None, columns: list[str] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The header and rows the CSV must hold, read page by page from the GraphQL table."""
    if columns is None:
        found = await t.api.data(COLUMNS, {"id": t.nodes["private"]})
        columns = [c["id"] for c in found["node"]["columns"]]
    rows: list[list[Any]] = []
    after = None
    while True:
        variables = {"id": t.nodes["private"], "filter": filter_, "order": order}
        variables |= {"after": after, "columns": columns}
        page = (await t.api.data(TABLE, variables))["node"]["experiments"]
        rows += [expected(edge["node"]) for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return [*FIXED, *columns], rows
        after = page["pageInfo"]["endCursor"]


def expected(node: dict[str, Any]) -> list[str]:
    author = node["author"]
    who = f"{author['name']} <{author['email']}>" if author else ""
    fixed = [node["kind"], node["sha"], node["name"], node["baselineSha"], node["status"], who]
    fixed += [node["createdAt"], (node["message"] or "").split("\n")[0]]
    text = [cell(v) for v in fixed]  # the same quoting of text cells
    return [*(str(v) if v is not None else "" for v in text)] + [
        str(cell(c["value"])) for c in node["values"]
    ]


SHAPES: dict[str, dict[str, Any]] = {
    "default: every row and column, more than a page": {},
    "filter and sort by a metric": {
        "filter": {
            "kinds": ["EXPERIMENT"],
            "columns": [{"column": "metric:metrics.json:acc", "op": "GT", "value": 0.6}],
        },
        "order": [{"column": "metric:metrics.json:acc", "direction": "ASC"}],
        "columns": ["metric:metrics.json:acc", "param:params.yaml:lr"],
    },
    "oldest first, commits, one column": {
        "filter": {"kinds": ["COMMIT"]},
        "order": [{"direction": "ASC"}],
        "columns": ["param:params.yaml:note"],
    },
}


@pytest.mark.parametrize("shape", SHAPES)
async def test_csv_rows_equal_the_graphql_table(table: Table, shape: str) -> None:
    args = SHAPES[shape]
    header, rows = await graphql_rows(
        table, args.get("filter"), args.get("order"), args.get("columns")
    )
    params: dict[str, Any] = {}
    if "filter" in args:
        params["filter"] = orjson.dumps(args["filter"]).decode()
    if "order" in args:
        params["orderBy"] = orjson.dumps(args["order"]).decode()
    if "columns" in args:
        params["columns"] = args["columns"]  # repeated
    got = parsed(await table.get(**params))
    assert got[0] == header
    assert got[1:] == rows
    assert rows, "the shape selects rows"
    if not args:
        assert len(rows) > table.api.settings.max_page_size  # paged through the cursor


async def test_columns_may_be_one_comma_separated_list(table: Table) -> None:
    columns = "metric:metrics.json:loss,param:params.yaml:lr"
    got = parsed(await table.get(columns=columns))
    assert got[0] == [*FIXED, "metric:metrics.json:loss", "param:params.yaml:lr"]


async def test_the_download_is_a_named_csv_attachment(table: Table) -> None:
    response = await table.get()
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="project-{table.ids["private"]}-experiments.csv"'
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_formula_cells_are_prefixed_and_numbers_are_not(table: Table) -> None:
    got = parsed(await table.get(columns=["param:params.yaml:note", "param:params.yaml:lr"]))
    newest = got[1]  # the default order: newest first
    assert newest[FIXED.index("message")] == "'" + HOSTILE
    assert newest[len(FIXED)] == "'-2+3"
    assert float(newest[len(FIXED) + 1]) > 0
    assert cell(-0.5) == -0.5 and cell("@SUM(A1)") == "'@SUM(A1)" and cell(True) == "true"


@pytest.mark.parametrize(
    ("kind", "caller", "status"),
    [
        ("private", "owner", 200),
        ("private", "other", 404),
        ("private", "anonymous", 401),
        ("public", "anonymous", 200),
        ("public", "other", 200),
    ],
)
async def test_the_export_reads_as_the_gate_says(
    table: Table, kind: str, caller: str, status: int
) -> None:
    response = await table.get(kind, caller, columns="metric:metrics.json:acc")
    assert response.status_code == status, response.text
    if status != 200:
        assert response.json()["code"] == {401: "UNAUTHENTICATED", 404: "NOT_FOUND"}[status]
        assert (
            "metric:" not in response.text
            and response.headers["content-type"] == "application/json"
        )


async def test_a_signed_in_browser_downloads_through_its_session(table: Table) -> None:
    """A link on the dashboard sends the session cookie, no Authorization header."""
    app = create_app(table.api.settings)
    transport = httpx.ASGITransport(app=app)
    url = f"/api/projects/{table.ids['private']}/experiments.csv?columns=param:params.yaml:lr"
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        before = await browser.get(url)
        assert before.status_code == 401, before.text
        login = await browser.post("/login", json={"name": table.owner, "password": PASSWORD})
        assert login.status_code == 200, login.text
        after = parsed(await browser.get(url))
        assert after[0] == [*FIXED, "param:params.yaml:lr"] and len(after) > 200


async def test_a_missing_project_answers_as_a_hidden_one(table: Table) -> None:
    for project_id in (10**6, 2**40):
        response = await table.api.client.get(
            f"/api/projects/{project_id}/experiments.csv",
            headers={"Authorization": f"token {table.tokens['other']}"},
        )
        assert response.status_code == 404
        assert response.json()["code"] == "NOT_FOUND"


HOSTILE_PARAMS: dict[str, tuple[dict[str, Any], int, str, str]] = {
    "filter not JSON": ({"filter": "{kinds:"}, 400, "BAD_REQUEST", "not valid JSON"),
    "orderBy not JSON": ({"orderBy": "[{"}, 400, "BAD_REQUEST", "not valid JSON"),
    "unknown kind": ({"filter": '{"kinds": ["ROBOT"]}'}, 400, "BAD_USER_INPUT", "ROBOT"),
    "unknown filter field": ({"filter": '{"sql": "1"}'}, 400, "BAD_USER_INPUT", "sql"),
    "filter not an object": ({"filter": "3"}, 400, "BAD_USER_INPUT", "ExperimentFilter"),
    "operator without value": (
        {"filter": '{"columns": [{"column": "metric:metrics.json:acc", "op": "GT"}]}'},
        400,
        "BAD_USER_INPUT",
        "needs a value",
    ),
    "malformed order column": (
        {"orderBy": '[{"column": "acc"}]'},
        400,
        "BAD_USER_INPUT",
        "column id",
    ),
    "unknown column": ({"columns": "metric:metrics.json:nope"}, 400, "BAD_USER_INPUT", "nope"),
    "malformed column": ({"columns": "acc"}, 400, "BAD_USER_INPUT", "column id"),
    "too many columns": (
        {"columns": [f"param:a:b{i}" for i in range(501)]},
        400,
        "BAD_USER_INPUT",
        "at most",
    ),
    "NUL in a string": (
        {"filter": '{"message": "a\\u0000b"}'},
        400,
        "BAD_USER_INPUT",
        "NUL",
    ),
    "filter twice": (
        {"filter": ["{}", '{"kinds": ["LIVE"]}']},
        400,
        "BAD_REQUEST",
        "more than once",
    ),
    "unknown parameter": ({"first": "10"}, 400, "BAD_REQUEST", "first"),
    "nested too deeply": (
        {
            "filter": '{"columns": [{"column": "x", "op": "EQ", "value": '
            + "[" * 200
            + "]" * 200
            + "}]}"
        },
        400,
        "BAD_USER_INPUT",
        "nested deeper",
    ),
    "huge query string": (
        {"filter": '{"message": "' + "x" * 20_000 + '"}'},
        414,
        "TOO_LARGE",
        "exceeds",
    ),
}


@pytest.mark.parametrize("case", HOSTILE_PARAMS)
async def test_hostile_arguments_are_typed_errors_and_nothing_streams(
    table: Table, case: str
) -> None:
    params, status, code, says = HOSTILE_PARAMS[case]
    response = await table.get(**params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["code"] == code, body
    assert says in body["detail"]
    assert "content-disposition" not in response.headers


def test_lookup_finds_nested_values_and_none_where_a_path_stops() -> None:
    docs = {
        "params": {"p.yaml": {"lr": 0.1, "model": {"depth": 3}, "tags": ["a"], "s": "x"}},
        "metrics": {"m.json": {"acc": 0.9}, "bad.json": [1, 2]},
    }
    asked = [
        ("param", "p.yaml", "lr"),
        ("param", "p.yaml", "model.depth"),
        ("param", "p.yaml", "model.width"),
        ("param", "p.yaml", "tags.0"),  # into a list: DVC's columns never are
        ("param", "p.yaml", "s.x"),  # into a string
        ("param", "p.yaml", "lr.x"),  # into a number
        ("metric", "m.json", "acc"),
        ("metric", "bad.json", "acc"),  # a file whose data is a list
        ("metric", "none.json", "acc"),
        ("param", "p.yaml", "tags"),
    ]
    found = lookup(docs.__getitem__, [place(*a) for a in asked])
    assert found == [0.1, 3, None, None, None, None, 0.9, None, None, ["a"]]


async def test_pages_read_ahead_hold_every_row_once_in_order(table: Table) -> None:
    project_id = table.ids["private"]
    query = table_query_of({"orderBy": [{"column": "metric:metrics.json:acc"}]})
    whole = [r.id async for page in resolve.every_page(project_id, query, 1000) for r in page]
    paged = [r.id async for page in resolve.every_page(project_id, query, 7) for r in page]
    assert len(whole) > 200  # one page
    assert paged == whole


async def test_a_reader_that_stops_early_cancels_the_page_read_ahead(table: Table) -> None:
    before = asyncio.all_tasks()
    pages = resolve.every_page(table.ids["private"], table_query_of({}), 10)
    assert len(await anext(pages)) == 10
    ahead = asyncio.all_tasks() - before
    assert len(ahead) == 1  # the next page, being read
    await pages.aclose()
    done, _ = await asyncio.wait(ahead)
    assert all(task.cancelled() or task.done() for task in done)


# Creation times at the edges of what the database writes as text (years 1000 to 9999) and
# past them, where Python writes the text.
EDGE_TIMES = [0, -1, 86399, 951782400, -30610224000, -30610224001, 253402300799,
              -62135596800, 1843989200]  # fmt: skip


async def test_creation_times_are_written_as_graphql_writes_them_at_every_year(
    api: Api, table: Table
) -> None:
    project_id = table.ids["private"]
    found = await db.fetch(
        "SELECT id, created_at FROM experiments WHERE project_id = ? ORDER BY id LIMIT ?",
        [project_id, len(EDGE_TIMES)],
    )
    try:
        for row, at in zip(found, EDGE_TIMES, strict=True):
            await db.execute("UPDATE experiments SET created_at = ? WHERE id = ?", [at, row["id"]])
        header, rows = await graphql_rows(table, columns=["param:params.yaml:lr"])
        got = parsed(await table.get(columns="param:params.yaml:lr"))
        at = header.index("created at")
        assert [r[at] for r in got[1:]] == [r[at] for r in rows]
        written = {r[at] for r in got[1:]}
        assert {git_time(t).isoformat() for t in EDGE_TIMES} <= written
    finally:
        for row in found:
            await db.execute(
                "UPDATE experiments SET created_at = ? WHERE id = ?", [row["created_at"], row["id"]]
            )
