"""Query cost analysis before execution: page sizes multiplied through nested connections,
refused over GITSTUDIO_MAX_QUERY_COST with QUERY_TOO_COMPLEX before anything runs; literal
pages priced once per cached document, variable pages per request."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from harness import Hostile, assert_graphql_error, assert_no_internal_error

import schema.cost
import schema.documents
from schema import build_schema
from schema.cost import unpriced_lists

NESTED = """{ projects(first: %d) { nodes { name experiments(first: %d) {
  nodes { id commit { sha } } } } } }"""

VARIABLES = """query($outer: Int, $inner: Int) { projects(first: $outer) { nodes {
  experiments(first: $inner) { nodes { id } } } } }"""

FRAGMENTS = """{ projects(first: 500) { nodes { ...P } } }
fragment P on Project { experiments(first: 500) { ...E } }
fragment E on ExperimentConnection { edges { node { id } } }"""


def cost_error(body: dict[str, Any]) -> dict[str, Any]:
    errors = [e for e in body["errors"] if e["extensions"]["code"] == "QUERY_TOO_COMPLEX"]
    assert errors, body
    assert body.get("data") is None, "nothing ran"
    return errors[0]


async def test_nested_connections_over_the_limit_are_refused(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    body = assert_graphql_error(await hostile.gql(NESTED % (500, 500)), "QUERY_TOO_COMPLEX")
    error = cost_error(body)
    limit = hostile.settings.max_query_cost
    # 1 projects + 500 nodes + 500 experiments + 500 x 500 nodes + 500 x 500 commits
    assert error["extensions"]["cost"] == 1 + 500 + 500 + 2 * 500 * 500
    assert error["extensions"]["limit"] == limit
    assert str(limit) in error["message"] and "501001" in error["message"]
    await hostile.assert_unchanged(before)


async def test_queries_within_the_limit_run(hostile: Hostile) -> None:
    body = assert_no_internal_error(await hostile.gql(NESTED % (100, 100)))
    assert "errors" not in body, body
    assert len(body["data"]["projects"]["nodes"]) >= 3


async def test_fragments_are_priced_like_the_fields_they_hold(hostile: Hostile) -> None:
    body = assert_graphql_error(await hostile.gql(FRAGMENTS), "QUERY_TOO_COMPLEX")
    assert cost_error(body)["extensions"]["cost"] == 1 + 500 + 500 + 2 * 500 * 500


@pytest.mark.parametrize(
    ("outer", "inner", "refused"),
    [(500, 500, True), (10, 500, False), (None, None, False), (500, None, False)],
)
async def test_variables_are_priced_per_request(
    hostile: Hostile, outer: int | None, inner: int | None, refused: bool
) -> None:
    variables = {"outer": outer, "inner": inner}
    response = await hostile.gql(VARIABLES, variables)
    if refused:
        body = assert_graphql_error(response, "QUERY_TOO_COMPLEX")
        assert cost_error(body)["extensions"]["cost"] == 1 + 500 + 500 + 500 * 500
    else:
        body = assert_no_internal_error(response)
        assert "errors" not in body, body


async def test_get_requests_price_variables_too(hostile: Hostile) -> None:
    """Queries over GET go through the same document cache as POST: the same verdict."""
    before = await hostile.snapshot()
    params = {"query": VARIABLES, "variables": json.dumps({"outer": 500, "inner": 500})}
    response = await hostile.client.get("/graphql", params=params, headers=hostile.headers("ADMIN"))
    body = assert_graphql_error(response, "QUERY_TOO_COMPLEX")
    assert cost_error(body)["extensions"]["cost"] == 1 + 500 + 500 + 500 * 500
    await hostile.assert_unchanged(before)


def test_a_literal_document_is_priced_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The validation rule prices a cached document once; variable pages are priced per
    distinct set of page sizes."""
    calls: list[int] = []
    original = schema.cost.operation_cost

    def counting(*args: Any, **kwargs: Any) -> schema.cost.Cost:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(schema.cost, "operation_cost", counting)
    monkeypatch.setattr(schema.documents, "operation_cost", counting)
    documents = build_schema().documents
    tiny = '{ project(name: "x") { name commits(first: 5) { nodes { sha } } } }'
    assert documents.get(tiny).node is not None
    first = len(calls)
    assert first >= 1
    for _ in range(50):
        assert documents.get(tiny).node is not None
    assert len(calls) == first
    for n in range(5):
        assert documents.get(VARIABLES, {"outer": n, "inner": n}).node is not None
    assert len(calls) > first + 4
    priced = len(calls)
    for _ in range(20):  # the same page sizes again: priced already
        assert documents.get(VARIABLES, {"outer": 3, "inner": 3}).node is not None
    assert len(calls) == priced
    refused = documents.get(VARIABLES, {"outer": 500, "inner": 500})
    assert refused.node is None and refused.errors[0].extensions is not None
    assert documents.get(VARIABLES, {"outer": 1, "inner": 1}).node is not None, "not cached"


async def test_many_refusals_in_parallel_change_nothing(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    answers = await asyncio.gather(*(hostile.gql(NESTED % (500, 200 + i)) for i in range(20)))
    for response in answers:
        assert_graphql_error(response, "QUERY_TOO_COMPLEX")
    await hostile.assert_unchanged(before)


# -- variables priced as graphql-core coerces them (review H1, H5) --------------------------


@pytest.mark.parametrize(
    "variables",
    [
        {"outer": 500.0, "inner": 500.0},  # graphql-core coerces a whole float into an Int
        {"outer": 500, "inner": 500.0},
    ],
)
async def test_whole_floats_are_priced_as_the_ints_they_become(
    hostile: Hostile, variables: dict[str, Any]
) -> None:
    before = await hostile.snapshot()
    body = assert_graphql_error(await hostile.gql(VARIABLES, variables), "QUERY_TOO_COMPLEX")
    assert cost_error(body)["extensions"]["cost"] == 1 + 500 + 500 + 500 * 500
    await hostile.assert_unchanged(before)


@pytest.mark.parametrize("odd", [500.5, "500", [3], {"n": 3}, True])
def test_page_sizes_that_are_no_int_are_priced_at_the_largest_page(odd: object) -> None:
    """Never at the default page: whatever coercion makes of it, it is not cheaper."""
    documents = build_schema().documents
    assert documents.get(VARIABLES, {"outer": None, "inner": None}).node is not None
    refused = documents.get(VARIABLES, {"outer": odd, "inner": odd})
    assert refused.node is None, "a cached price of another value was reused"
    assert refused.errors[0].extensions == {
        "code": "QUERY_TOO_COMPLEX",
        "cost": 1 + 500 + 500 + 500 * 500,
        "limit": 100_000,
    }


def nested_list(depth: int) -> list[Any]:
    outer: list[Any] = []
    inner = outer
    for _ in range(depth):
        inner.append([])
        inner = inner[0]
    return outer


def test_a_deeply_nested_variable_is_priced_without_recursion() -> None:
    documents = build_schema().documents
    refused = documents.get(VARIABLES, {"outer": nested_list(100_000), "inner": 500})
    assert refused.node is None
    assert refused.errors[0].extensions is not None
    assert refused.errors[0].extensions["code"] == "QUERY_TOO_COMPLEX"


async def test_a_deeply_nested_variable_over_http_is_a_typed_error(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    response = await hostile.gql(VARIABLES, {"outer": nested_list(900), "inner": 500})
    assert_graphql_error(response, ("QUERY_TOO_COMPLEX", "BAD_USER_INPUT", "BAD_REQUEST"))
    await hostile.assert_unchanged(before)


# -- lists outside connections (review H2) ---------------------------------------------------


def test_every_list_of_objects_is_priced_per_item() -> None:
    """A new list field of objects needs a size or an estimate in schema/cost.py."""
    assert unpriced_lists(build_schema()._schema) == []


def price(query: str, variables: dict[str, Any] | None = None) -> int:
    document = build_schema(max_cost=10**12).documents.get(query, variables)
    assert document.node is not None, document.errors
    operation = document.operation(None)
    assert operation is not None and document.node is not None
    fragments = schema.cost.fragments_of(document.node.definitions)
    pages = schema.cost.Pages(50, 500, 500, 20)
    return schema.cost.operation_cost(
        build_schema()._schema, operation, fragments, pages, variables
    ).value


CELLS = """{ projects(first: 10) { nodes { commits(first: 500) { nodes {
  experiments { values { column } } } } } } }"""


@pytest.mark.parametrize(
    ("query", "at_least"),
    [
        (CELLS, 10 * 500 * 20 * 500),  # every column of every experiment of every commit
        ("{ projects(first: 500) { nodes { columns { id } } } }", 500 * 500),
        (
            "{ projects(first: 10) { nodes { experiments(first: 200) { nodes {"
            ' metricHistory(name: "acc", maxPoints: 100000) { steps } } } } } }',
            10 * 200 * 1000,
        ),
        (
            "{ projects(first: 10) { nodes { experiments(first: 200) { nodes {"
            ' metricHistory(name: "acc", maxPoints: 0) { steps } } } } } }',
            10 * 200 * 1000,
        ),
        (
            "{ projects(first: 500) { nodes { tags { name } branches { name } } } }",
            500 * 200,
        ),
    ],
)
async def test_lists_without_pages_are_priced_by_their_items(
    hostile: Hostile, query: str, at_least: int
) -> None:
    before = await hostile.snapshot()
    body = assert_graphql_error(await hostile.gql(query), "QUERY_TOO_COMPLEX")
    assert cost_error(body)["extensions"]["cost"] >= at_least
    await hostile.assert_unchanged(before)


def test_cells_are_priced_by_the_columns_asked() -> None:
    one = '{ project(name: "x") { experiments(first: 100) { nodes { values(columns: %s) {'
    one += " column } } } } }"
    assert price(one % '["param:params.yaml:lr"]') == 2 + 100 * (2 + 1)
    assert price(one % "null") == 2 + 100 * (2 + 500)
    var = """query($c: [String!]) { project(name: "x") { experiments(first: 100) {
      nodes { values(columns: $c) { column } } } } }"""
    assert price(var, {"c": ["a", "b", "c"]}) == 2 + 100 * (2 + 3)
    assert price(var, {"c": None}) == 2 + 100 * (2 + 500)
    documents = build_schema().documents
    few = {"c": ["metric:m.json:x"] * 3}
    assert documents.get(var.replace("100", "500"), few).node is not None
    refused = documents.get(var.replace("100", "500"), {"c": ["metric:m.json:x"] * 400})
    assert refused.node is None, "priced by the length of this request's list"


def test_metric_history_is_priced_by_its_points() -> None:
    query = '{ project(name: "x") { experiments(first: 10) { nodes {'
    query += ' metricHistory(name: "m"%s) { steps } } } } }'
    assert price(query % "") == 2 + 10 * (1 + 1000 // 100)
    assert price(query % ", maxPoints: 500") == 2 + 10 * (1 + 5)
    assert price(query % ", maxPoints: 0") == 2 + 10 * (1 + 100_000 // 100)


async def test_the_readme_query_runs(hostile: Hostile) -> None:
    name = hostile.projects["alpha"].name
    readme = (
        """{
  project(name: "%s") {
    branches { name sha }
    commits(branch: "main", first: 5) { nodes { sha title params metrics } }
    experiments(orderBy: [{column: "metric:metrics.json:acc", direction: DESC}], first: 5) {
      nodes { kind name sha values(columns: ["metric:metrics.json:acc", "param:params.yaml:lr"]) { column value } }
    }
    columns { id type }
  }
}"""
        % name
    )
    body = assert_no_internal_error(await hostile.gql(readme))
    assert "errors" not in body, body
    assert body["data"]["project"]["columns"]


def test_saved_views_are_priced_by_their_bound_and_pages() -> None:
    """Project.views: the shared and the caller's own views a project holds at most (200 by
    default); each view's goals a goal per column at most; View.experiments its page."""
    views = '{ project(name: "x") { views { name goals { column } } } }'
    assert price(views) == 1 + 1 + 200 * (1 + 1 + 500)
    table = (
        '{ project(name: "x") { view(name: "v") { experiments(first: 100) { nodes { id } } } } }'
    )
    assert price(table) == 1 + 1 + 1 + 100
