"""Hostile GraphQL requests: malformed ids and cursors, page sizes, nested connections past
the cost limit, depth, aliases, syntax, validation, variables, and raw bodies (not JSON,
batches, oversized, deeply nested, wrong content types, no or bad tokens). Each gets a typed
error (``extensions.code``), never a 500, and changes nothing."""

from __future__ import annotations

import json

import pytest
from corpus import (
    BAD_ID,
    BAD_INPUT,
    BAD_REQUEST,
    NOT_ALLOWED,
    NOT_FOUND,
    NOTHING,
    PARSE,
    TOO_COMPLEX,
    TOO_LARGE,
    UNAUTHENTICATED,
    UNSUPPORTED,
    VALIDATION,
    Gql,
    Http,
    assert_unique_names,
    run_gql,
    run_http,
)
from harness import Hostile

NOT_A_ROW = BAD_ID | {NOTHING}  # a node that cannot exist: malformed, or of an unknown type
LIMIT = VALIDATION | TOO_COMPLEX | BAD_INPUT | PARSE  # past a static limit (tokens: the parser)


def alpha_name(env: Hostile) -> str:
    return env.projects["alpha"].name


P = "query($n: String!) { project(name: $n) { %s } }"


def on_alpha(selection: str, expect: frozenset[str], name: str, scope: str | None = "ADMIN") -> Gql:
    return Gql(name, P % selection, lambda e: {"n": alpha_name(e)}, expect, scope)


def _nest(depth: int) -> str:
    inner = "id"
    for _ in range(depth):
        inner = f"project {{ commits(first: 1) {{ nodes {{ id }} }} }} {{ {inner} }}"
    return inner


IDS = [
    ("garbage", "garbage"),
    ("empty", ""),
    ("padding-only", "===="),
    ("unknown-type", "Rm9vOjE="),
    ("no-colon", "UHJvamVjdA=="),
    ("negative", "UHJvamVjdDotMQ=="),
    ("huge", "UHJvamVjdDo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"),
    ("float", "UHJvamVjdDoxLjU="),
    ("nul", "UHJvamVjdDoxAA=="),
    ("100kb", "A" * 100_000),
]

QUERY_CASES = (
    [
        Gql(
            f"project-id-{name}",
            "query($id: ID) { project(id: $id) { name } }",
            lambda e, v=v: {"id": v},
            NOT_A_ROW,
        )
        for name, v in IDS
    ]
    + [
        Gql(
            f"node-id-{name}",
            "query($id: ID!) { node(id: $id) { id } }",
            lambda e, v=v: {"id": v},
            NOT_A_ROW,
        )
        for name, v in IDS
    ]
    + [
        on_alpha(f'experiment(id: "{v}") {{ id }}', NOT_A_ROW, f"experiment-id-{name}")
        for name, v in IDS[:8]
    ]
    + [
        Gql("project-neither-id-nor-name", "{ project { name } }", None, BAD_INPUT),
        Gql(
            "project-both-id-and-name",
            'query($n: String) { project(id: "UHJvamVjdDox", name: $n) { name } }',
            lambda e: {"n": alpha_name(e)},
            BAD_INPUT,
        ),
        Gql("projects-first-negative", "{ projects(first: -1) { totalCount } }", None, BAD_INPUT),
        Gql(
            "projects-first-huge",
            "{ projects(first: 1000000) { totalCount } }",
            None,
            BAD_INPUT | TOO_COMPLEX,
        ),
        Gql(
            "projects-first-int-overflow",
            "{ projects(first: 99999999999) { totalCount } }",
            None,
            VALIDATION | BAD_INPUT,
        ),
        Gql(
            "projects-after-garbage",
            '{ projects(after: "garbage") { totalCount } }',
            None,
            BAD_INPUT,
        ),
        Gql(
            "projects-after-foreign-cursor",
            '{ projects(after: "WyJ4IiwgMV0=") { totalCount } }',
            None,
            BAD_INPUT,
        ),
        Gql(
            "projects-after-100kb",
            "query($a: String) { projects(after: $a) { totalCount } }",
            lambda e: {"a": "A" * 100_000},
            BAD_INPUT,
        ),
        on_alpha("commits(first: -5) { totalCount }", BAD_INPUT, "commits-first-negative"),
        on_alpha('commits(after: "bad") { totalCount }', BAD_INPUT, "commits-after-garbage"),
        on_alpha(
            'experiments(after: "bad") { totalCount }', BAD_INPUT, "experiments-after-garbage"
        ),
        on_alpha("experiments(first: -1) { totalCount }", BAD_INPUT, "experiments-first-negative"),
        on_alpha(
            'experiments(orderBy: [{column: "nosuch:x:y"}]) { totalCount }',
            BAD_INPUT,
            "experiments-order-unknown-column",
        ),
        on_alpha(
            'experiments(filter: {columns: [{column: "garbage", op: GT, value: 1}]}) { totalCount }',
            BAD_INPUT,
            "experiments-filter-garbage-column",
        ),
        on_alpha(
            'experiments(filter: {columns: [{column: "param:params.yaml:lr", op: GT, value: {a: [1, {b: 2}]}}]}) { totalCount }',
            BAD_INPUT,
            "experiments-filter-object-value",
        ),
        on_alpha(
            'experiments(filter: {columns: [{column: "param:params.yaml:lr", op: CONTAINS}]}) { totalCount }',
            BAD_INPUT,
            "experiments-filter-contains-no-value",
        ),
        on_alpha("compare(ids: []) { columns }", BAD_INPUT, "compare-no-ids"),
        on_alpha('compare(ids: ["garbage"]) { columns }', BAD_ID, "compare-garbage-id"),
        on_alpha(
            'compare(ids: ["RXhwZXJpbWVudDox"], baseline: "garbage") { columns }',
            BAD_ID,
            "compare-garbage-baseline",
        ),
        on_alpha('trends(branch: "no-such", columns: []) { sha }', NOT_FOUND, "trends-no-branch"),
        on_alpha(
            'trends(branch: "main", columns: ["acc"]) { sha }', BAD_INPUT, "trends-bad-column"
        ),
        on_alpha(
            'trends(branch: "main", columns: [], first: 100000) { sha }',
            LIMIT,
            "trends-first-100000",
        ),
        Gql(
            "trends-51-columns",
            'query($n: String!, $c: [String!]!) { project(name: $n) { trends(branch: "main",'
            " columns: $c) { sha } } }",
            lambda e: {"n": alpha_name(e), "c": [f"metric:m.json:k{i}" for i in range(51)]},
            BAD_INPUT,
        ),
        Gql(
            "compare-5000-ids",
            "query($n: String!, $ids: [ID!]!) { project(name: $n) { compare(ids: $ids) { columns } } }",
            lambda e: {"n": alpha_name(e), "ids": ["RXhwZXJpbWVudDox"] * 5_000},
            BAD_INPUT | TOO_COMPLEX,
        ),
        Gql(
            "nested-connections-500x500",
            "{ projects(first: 500) { nodes { experiments(first: 500) { nodes { id } } } } }",
            None,
            TOO_COMPLEX,
        ),
        Gql(
            "nested-connections-500x500x500",
            "{ projects(first: 500) { nodes { commits(first: 500) { nodes { experiments { id } } } experiments(first: 500) { nodes { id } } } } }",
            None,
            TOO_COMPLEX,
        ),
        Gql(
            "nested-connections-by-variables",
            "query($a: Int, $b: Int) { projects(first: $a) { nodes { experiments(first: $b) { nodes { id } } } } }",
            lambda e: {"a": 500, "b": 500},
            TOO_COMPLEX,
        ),
        Gql(
            "aliased-connections",
            "{ "
            + " ".join(
                f"a{i}: projects(first: 500) {{ nodes {{ commits(first: 500) {{ nodes {{ id }} }} }} }}"
                for i in range(20)
            )
            + " }",
            None,
            TOO_COMPLEX,
        ),
        Gql(
            "fragment-spread-twice",
            "{ projects(first: 500) { nodes { ...F ...G } } } "
            "fragment F on Project { experiments(first: 500) { nodes { id } } } "
            "fragment G on Project { e2: experiments(first: 500) { nodes { id } } }",
            None,
            TOO_COMPLEX,
        ),
        Gql(
            "connections-under-include",
            "{ projects(first: 500) @include(if: true) { nodes { experiments(first: 500) { nodes { id } } } } }",
            None,
            TOO_COMPLEX,
        ),
        Gql(
            "variable-int-overflow",
            "query($f: Int) { projects(first: $f) { totalCount } }",
            lambda e: {"f": 2**31},
            VALIDATION | BAD_INPUT,
        ),
        Gql(
            "introspection-deep",
            "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }",
            None,
            LIMIT,
        ),
        Gql(
            "depth-past-limit",
            "{ projects { nodes { " + "branches { commit { " * 10 + "sha" + " } }" * 10 + " } } }",
            None,
            LIMIT,
        ),
        Gql(
            "aliases-past-limit",
            "{ " + " ".join(f"a{i}: __typename" for i in range(1_000)) + " }",
            None,
            LIMIT,
        ),
        Gql(
            "tokens-past-limit",
            "{ " + " ".join(["__typename"] * 20_000) + " }",
            None,
            LIMIT | TOO_LARGE,
        ),
        Gql(
            "fragment-cycle",
            "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
            None,
            VALIDATION,
        ),
        Gql("fragment-unknown", "query { ...Nope }", None, VALIDATION),
        Gql("directive-unknown", "{ __typename @evil }", None, VALIDATION),
        Gql("directive-undefined-variable", "{ __typename @skip(if: $x) }", None, VALIDATION),
        Gql(
            "directives-1000",
            "{ __typename " + "@skip(if: false) " * 1_000 + "}",
            None,
            VALIDATION | LIMIT,
        ),
        Gql("field-unknown", "{ nosuch }", None, VALIDATION),
        Gql("syntax-error", "{ projects { ", None, PARSE),
        Gql("syntax-garbage", "\x00\x01\x02", None, PARSE),
        Gql("syntax-empty", "", None, PARSE | BAD_REQUEST),
        Gql("syntax-unterminated-string", '{ project(name: "abc) { id } }', None, PARSE),
        Gql(
            "variable-wrong-type",
            "query($f: Int) { projects(first: $f) { totalCount } }",
            lambda e: {"f": "ten"},
            VALIDATION | BAD_INPUT,
        ),
        Gql(
            "variable-missing-required",
            "query($id: ID!) { node(id: $id) { id } }",
            None,
            VALIDATION | BAD_INPUT,
        ),
        Gql("variable-undeclared", "{ node(id: $id) { id } }", None, VALIDATION),
        Gql(
            "variable-object-for-string",
            "query($n: String) { project(name: $n) { id } }",
            lambda e: {"n": {"a": 1}},
            VALIDATION | BAD_INPUT,
        ),
        Gql(
            "variable-json-deep",
            P.replace("String!)", "String!, $v: JSON)")
            % 'experiments(filter: {columns: [{column: "param:params.yaml:lr", op: EQ, value: $v}]}) { totalCount }',
            lambda e: {"n": alpha_name(e), "v": _deep(200)},
            VALIDATION | BAD_INPUT | BAD_REQUEST,
        ),
        Gql(
            "two-operations-no-name",
            "query A { __typename } query B { __typename }",
            None,
            VALIDATION | BAD_REQUEST | BAD_INPUT,
        ),
        Gql(
            "subscription-over-http",
            "subscription($p: ID!) { projectEvents(projectId: $p) { type } }",
            lambda e: {"p": e.projects["alpha"].id},
            BAD_REQUEST | VALIDATION,
        ),
        # without credentials: anonymous, who reads PUBLIC projects but is nobody
        Gql("query-without-token", "{ me { name } }", None, UNAUTHENTICATED, None),
        Gql(
            "query-with-bad-token",
            "{ projects { totalCount } }",
            None,
            UNAUTHENTICATED,
            "dsat_" + "x" * 48,
        ),
        Gql("query-with-short-token", "{ projects { totalCount } }", None, UNAUTHENTICATED, "x"),
        Gql(
            "mutation-without-token",
            'mutation { revokeAccessToken(id: "x") { errors { code } } }',
            None,
            UNAUTHENTICATED,
            None,
        ),
    ]
)


def _deep(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = {"a": value}
    return value


def _graphql_body(query: str, **extra: object) -> bytes:
    return json.dumps({"query": query, **extra}).encode()


JSON = {"Content-Type": "application/json"}
RAW_CASES = [
    Http("raw-not-json", "POST", "/graphql", 400, b"{not json", JSON, codes=BAD_REQUEST),
    Http("raw-empty-body", "POST", "/graphql", 400, b"", JSON, codes=BAD_REQUEST),
    Http("raw-json-null", "POST", "/graphql", 400, b"null", JSON, codes=BAD_REQUEST),
    Http("raw-json-string", "POST", "/graphql", 400, b'"{ __typename }"', JSON, codes=BAD_REQUEST),
    Http(
        "raw-batch-array",
        "POST",
        "/graphql",
        400,
        b'[{"query": "{ __typename }"}]',
        JSON,
        codes=BAD_REQUEST,
    ),
    Http("raw-query-number", "POST", "/graphql", 400, b'{"query": 5}', JSON, codes=BAD_REQUEST),
    Http(
        "raw-query-missing", "POST", "/graphql", 400, b'{"variables": {}}', JSON, codes=BAD_REQUEST
    ),
    Http(
        "raw-variables-list",
        "POST",
        "/graphql",
        400,
        _graphql_body("{ __typename }", variables=[1]),
        JSON,
        codes=BAD_REQUEST,
    ),
    Http(
        "raw-variables-string",
        "POST",
        "/graphql",
        400,
        _graphql_body("{ __typename }", variables="x"),
        JSON,
        codes=BAD_REQUEST,
    ),
    Http(
        "raw-operation-name-number",
        "POST",
        "/graphql",
        400,
        _graphql_body("{ __typename }", operationName=5),
        JSON,
        codes=BAD_REQUEST,
    ),
    Http(
        "raw-operation-name-unknown",
        "POST",
        "/graphql",
        (200, 400),
        _graphql_body("query A { __typename }", operationName="B"),
        JSON,
        codes=BAD_REQUEST | VALIDATION | BAD_INPUT,
    ),
    Http(
        "raw-invalid-utf8",
        "POST",
        "/graphql",
        400,
        b'{"query": "\xff\xfe"}',
        JSON,
        codes=BAD_REQUEST,
    ),
    Http(
        "raw-json-nested-100k",
        "POST",
        "/graphql",
        400,
        b'{"query": "{ __typename }", "variables": {"a": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}}",
        JSON,
        codes=BAD_REQUEST | TOO_LARGE,
    ),
    Http(
        "raw-json-duplicate-keys-deep",
        "POST",
        "/graphql",
        400,
        b'{"query": "{ __typename }", "extensions": '
        + b'{"a":' * 5_000
        + b"1"
        + b"}" * 5_000
        + b"}",
        JSON,
        codes=BAD_REQUEST,
    ),
    Http(
        "raw-oversized-body",
        "POST",
        "/graphql",
        413,
        _graphql_body("{ __typename }", variables={"x": "a" * 2_000_000}),
        JSON,
        codes=TOO_LARGE,
    ),
    Http(
        "raw-text-plain",
        "POST",
        "/graphql",
        (400, 415),
        b"{ __typename }",
        {"Content-Type": "text/plain"},
        codes=BAD_REQUEST | UNSUPPORTED,
    ),
    Http(
        "raw-form-encoded",
        "POST",
        "/graphql",
        (400, 415),
        b"query=%7B__typename%7D",
        {"Content-Type": "application/x-www-form-urlencoded"},
        codes=BAD_REQUEST | UNSUPPORTED,
    ),
    Http(
        "raw-multipart-upload",
        "POST",
        "/graphql",
        (400, 415),
        b'--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--b--\r\n',
        {"Content-Type": "multipart/form-data; boundary=b"},
        codes=BAD_REQUEST | UNSUPPORTED,
    ),
    Http(
        "raw-no-token",
        "POST",
        "/graphql",
        200,
        _graphql_body("{ me { name } }"),
        JSON,
        scope=None,
        codes=UNAUTHENTICATED,
    ),
    Http(
        "raw-basic-auth",
        "POST",
        "/graphql",
        401,
        _graphql_body("{ __typename }"),
        {**JSON, "Authorization": "Basic YWRtaW46YWRtaW4="},
        scope=None,
        codes=UNAUTHENTICATED,
    ),
    Http(
        "raw-bearer-empty",
        "POST",
        "/graphql",
        401,
        _graphql_body("{ __typename }"),
        {**JSON, "Authorization": "Bearer "},
        scope=None,
        codes=UNAUTHENTICATED,
    ),
    Http(
        "raw-token-100kb",
        "POST",
        "/graphql",
        (401, 431),
        _graphql_body("{ __typename }"),
        {**JSON, "Authorization": "token " + "x" * 100_000},
        scope=None,
        codes=UNAUTHENTICATED,
    ),
    Http(
        "raw-mutation-over-get",
        "GET",
        "/graphql",
        (400, 405),
        params=lambda e: {
            "query": 'mutation { deleteProject(id: "%s") { errors { code } } }'
            % e.projects["alpha"].id
        },
        codes=BAD_REQUEST | VALIDATION | NOT_ALLOWED,
    ),
    Http(
        "raw-get-syntax-error",
        "GET",
        "/graphql",
        (200, 400),  # application/json: 200 is what the GraphQL-over-HTTP spec asks
        params=lambda e: {"query": "{ projects {"},
        headers={"Accept": "application/json"},
        codes=PARSE | BAD_REQUEST,
    ),
    Http(
        "raw-get-nested-connections",
        "GET",
        "/graphql",
        (200, 400),
        params=lambda e: {
            "query": "{ projects(first: 500) { nodes { experiments(first: 500) { nodes { id } } } } }"
        },
        headers={"Accept": "application/json"},
        codes=TOO_COMPLEX,
    ),
    Http(
        "raw-get-no-token",
        "GET",
        "/graphql",
        200,
        params=lambda e: {"query": "{ me { name } }"},
        headers={"Accept": "application/json"},
        scope=None,
        codes=UNAUTHENTICATED,
    ),
    Http(
        "raw-get-variables-not-json",
        "GET",
        "/graphql",
        400,
        params=lambda e: {
            "query": "query($n: Int) { projects(first: $n) { totalCount } }",
            "variables": "{nope",
        },
        headers={"Accept": "application/json"},
        codes=BAD_REQUEST,
    ),
    Http(
        "raw-get-mutation-by-operation-name",
        "GET",
        "/graphql",
        (400, 405),
        params=lambda e: {
            "query": 'query A { __typename } mutation B { revokeAccessToken(id: "x") { errors { code } } }',
            "operationName": "B",
        },
        headers={"Accept": "application/json"},
        codes=NOT_ALLOWED | BAD_REQUEST,
    ),
    Http(
        "raw-get-query-too-long",
        "GET",
        "/graphql",
        (200, 400, 413, 414),
        params=lambda e: {"query": "{ " + "__typename " * 5_000 + "}"},
        headers={"Accept": "application/json"},
        codes=TOO_LARGE | PARSE | BAD_REQUEST,
    ),
    Http(
        "raw-get-syntax-error-graphql-response",
        "GET",
        "/graphql",
        400,  # application/graphql-response+json: a request error is a 4xx
        params=lambda e: {"query": "{ projects {"},
        headers={"Accept": "application/graphql-response+json"},
        codes=PARSE,
    ),
    Http(
        "raw-post-validation-graphql-response",
        "POST",
        "/graphql",
        400,
        _graphql_body("{ nosuch }"),
        {**JSON, "Accept": "application/graphql-response+json"},
        codes=VALIDATION,
    ),
]

CASES = QUERY_CASES


def test_case_names_are_unique() -> None:
    assert_unique_names([*QUERY_CASES, *RAW_CASES])


@pytest.mark.parametrize("case", QUERY_CASES, ids=str)
async def test_hostile_query(hostile: Hostile, case: Gql) -> None:
    await run_gql(hostile, case)


@pytest.mark.parametrize("case", RAW_CASES, ids=str)
async def test_hostile_graphql_request(hostile: Hostile, case: Http) -> None:
    await run_http(hostile, case)
