"""Query cost analysis before execution: page sizes multiplied through nested connections,
refused over GITSTUDIO_MAX_QUERY_COST with QUERY_TOO_COMPLEX before anything runs; literal
pages priced once per cached document, variable pages per request."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from harness import Hostile, assert_graphql_error, assert_no_internal_error

import schema.cost
import schema.documents
from schema import build_schema

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


async def test_strawberry_execution_path_prices_variables_too() -> None:
    """GET and multipart requests run through strawberry's own execution: same verdict."""
    built = build_schema()
    result = await built.execute(VARIABLES, variable_values={"outer": 500, "inner": 500})
    assert result.errors and result.errors[0].extensions == {
        "code": "QUERY_TOO_COMPLEX",
        "cost": 1 + 500 + 500 + 500 * 500,
        "limit": 100_000,
    }
    literal = await built.execute(NESTED % (500, 500))
    assert literal.errors and literal.errors[0].extensions["code"] == "QUERY_TOO_COMPLEX"


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
