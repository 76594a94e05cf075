"""One request pipeline: the same documents over POST, GET and a websocket give the same
data and the same errors (messages and ``extensions.code``), hostile ones included, and
change nothing. The websocket is the real app's, driven over ASGI in process."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import httpx
import orjson
import pytest
from asgi_ws import asgi_websocket
from harness import Hostile, error_codes

from gitstudio.app import State, create_app
from gitstudio.settings import from_env
from storage import db

Case = tuple[str, str, Mapping[str, Any] | None, str | None]
# the cases answered without errors; every other case is refused with typed errors
ANSWERED = {"plain query", "variables", "directive: no plan", "typename", "named of two",
            "unknown project"}  # fmt: skip


def cases(h: Hostile) -> list[Case]:
    alpha = h.projects["alpha"].name
    deep = "{ projects { nodes { " + "branches { commit { parents { " * 6 + "sha" + " } } }" * 6
    deep += " } } }"
    return [
        # (label, document, variables, operationName)
        ("plain query", f'{{ project(name: "{alpha}") {{ name commits(first: 2) {{ totalCount }} }} }}', None, None),
        ("variables", "query Q($n: String!) { project(name: $n) { name } }", {"n": alpha}, None),
        ("directive: no plan", f'{{ project(name: "{alpha}") {{ name @include(if: true) }} }}', None, None),
        ("typename", f'{{ __typename project(name: "{alpha}") {{ __typename name }} }}', None, None),
        ("named of two", "query A { projects { totalCount } } query B { __typename }", None, "B"),
        ("syntax error", "{ project(", None, None),
        ("unknown field", "{ nope }", None, None),
        ("too deep", deep, None, None),
        ("too many aliases", "{ " + " ".join(f"a{i}: __typename" for i in range(40)) + " }", None, None),
        ("too many tokens", "{ " + "__typename " * 3000 + "}", None, None),
        ("too costly", "{ projects(first: 500) { nodes { commits(first: 500) { nodes { sha } } } } }", None, None),
        ("costly by variables", "query C($n: Int) { projects(first: $n) { nodes { commits(first: $n) { nodes { sha } } } } }", {"n": 500}, None),
        ("variable of the wrong type", "query Q($n: String!) { project(name: $n) { name } }", {"n": 5}, None),
        ("missing variable", "query Q($n: String!) { project(name: $n) { name } }", None, None),
        ("two operations, no name", "query A { __typename } query B { __typename }", None, None),
        ("unknown operation", "query A { __typename }", None, "Z"),
        ("malformed global id", '{ node(id: "not-a-global-id") { id } }', None, None),
        ("unknown project", '{ project(name: "no-such-project") { name } }', None, None),
        ("JSON nested too deeply", "query J($v: JSON) { __typename }", {"v": nested(200)}, None),
    ]  # fmt: skip


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def request(case: Case) -> dict[str, Any]:
    """The case as a GraphQL request: its query, its variables and operationName if any."""
    _label, query, variables, name = case
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    if name is not None:
        body["operationName"] = name
    return body


async def over_post(h: Hostile, case: Case) -> dict[str, Any]:
    response = await h.client.post("/graphql", json=request(case), headers=h.headers("ADMIN"))
    assert response.status_code == 200, response.text
    return normalised(response.json())


async def over_get(h: Hostile, case: Case) -> dict[str, Any]:
    params = request(case)
    if "variables" in params:
        params["variables"] = orjson.dumps(params["variables"]).decode()
    response = await h.client.get("/graphql", params=params, headers=h.headers("ADMIN"))
    assert response.status_code == 200, response.text
    return normalised(response.json())


async def over_websocket(h: Hostile, case: Case) -> dict[str, Any]:
    payload = request(case)
    async with asgi_websocket(h.app, h.headers("ADMIN")) as ws:
        await ws.send({"type": "connection_init", "payload": h.headers("ADMIN")})
        assert (await ws.receive())["type"] == "connection_ack"
        await ws.send({"id": "1", "type": "subscribe", "payload": payload})
        message = await ws.receive()
        if message["type"] == "error":  # refused before execution: errors only
            return normalised({"errors": message["payload"]})
        assert message["type"] == "next", message
        assert (await ws.receive())["type"] == "complete"
        return normalised(message["payload"])


def normalised(body: dict[str, Any]) -> dict[str, Any]:
    """What must be equal across transports: data, and each error's message and code."""
    error_codes(body)  # every error has a code
    errors = [(e["message"], e["extensions"]["code"]) for e in body.get("errors") or []]
    return {"data": body.get("data"), "errors": errors}


async def test_every_transport_answers_alike(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    for case in cases(hostile):
        post = await over_post(hostile, case)
        get = await over_get(hostile, case)
        ws = await over_websocket(hostile, case)
        assert post == get == ws, f"{case[0]}:\nPOST {post}\nGET  {get}\nWS   {ws}"
        if case[0] in ANSWERED:
            assert post["errors"] == [] and post["data"], (case[0], post)
        else:
            assert post["errors"], (case[0], post)
    await hostile.assert_unchanged(before)


async def test_expected_codes(hostile: Hostile) -> None:
    """The codes a client switches on, one per stage of the pipeline."""
    codes = {case[0]: (await over_post(hostile, case))["errors"] for case in cases(hostile)}
    expected = {
        "syntax error": "GRAPHQL_PARSE_FAILED",
        "too many tokens": "GRAPHQL_PARSE_FAILED",
        "unknown field": "GRAPHQL_VALIDATION_FAILED",
        "too deep": "GRAPHQL_VALIDATION_FAILED",
        "too many aliases": "GRAPHQL_VALIDATION_FAILED",
        "too costly": "QUERY_TOO_COMPLEX",
        "costly by variables": "QUERY_TOO_COMPLEX",
        "variable of the wrong type": "BAD_USER_INPUT",
        "missing variable": "BAD_USER_INPUT",
        "two operations, no name": "BAD_USER_INPUT",
        "unknown operation": "BAD_USER_INPUT",
    }
    for label, code in expected.items():
        assert code in {c for _m, c in codes[label]}, (label, codes[label])


async def test_a_failed_plan_is_counted_and_answered_by_graphql_core(
    hostile: Hostile, caplog: pytest.LogCaptureFixture
) -> None:
    state: State = hostile.app.state.gitstudio
    alpha = hostile.projects["alpha"].name
    query = f'{{ project(name: "{alpha}") {{ name @skip(if: false) alias: name }} }}'
    not_compiled = state.plans.not_compiled
    with caplog.at_level(logging.INFO, logger="gitstudio.graphql_http"):
        for _ in range(3):
            body = (await hostile.gql(query)).json()
            assert body == {"data": {"project": {"name": alpha, "alias": alpha}}}
    assert state.plans.not_compiled == not_compiled + 3
    logged = [r for r in caplog.records if "runs on graphql-core" in r.getMessage()]
    assert len(logged) == 1, [r.getMessage() for r in logged]  # once per document
    compiled = state.plans.compiled
    await hostile.gql(f'{{ project(name: "{alpha}") {{ name }} }}')
    assert state.plans.compiled == compiled + 1


async def test_mutations_over_get_are_405_and_run_nothing(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    mutation = 'mutation { createAccessToken(input: {name: "via-get", scopes: [READ]}) { token } }'
    for accept in ("application/json", "application/graphql-response+json"):
        response = await hostile.client.get(
            "/graphql",
            params={"query": mutation},
            headers={**hostile.headers("ADMIN"), "Accept": accept},
        )
        assert response.status_code == 405, response.text
        assert response.headers["allow"] == "POST"
        assert error_codes(response.json()) == ["METHOD_NOT_ALLOWED"]
    await hostile.assert_unchanged(before)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"query": "{ __typename }", "variables": "{not json"},
        {"query": "{ __typename }", "variables": "[1]"},
        {"query": "{ __typename }", "operationName": "A", "extra": "x" * 10, **{f"p{i}": "" for i in range(30)}},
    ],
    ids=["no query", "variables not JSON", "variables not an object", "too many parameters"],
)  # fmt: skip
async def test_malformed_get_requests_are_400(hostile: Hostile, params: dict[str, str]) -> None:
    response = await hostile.client.get("/graphql", params=params, headers=hostile.headers("ADMIN"))
    assert response.status_code == 400, response.text
    assert error_codes(response.json()) == ["BAD_REQUEST"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b"{not json", "application/json", 400, "BAD_REQUEST"),
        (b"[]", "application/json", 400, "BAD_REQUEST"),
        (b'{"query": 5}', "application/json", 400, "BAD_REQUEST"),
        (b'{"query": "{ __typename }", "variables": [1]}', "application/json", 400, "BAD_REQUEST"),
        (b'{"query": "{ __typename }", "operationName": 5}', "application/json", 400, "BAD_REQUEST"),
        (b"query=%7B__typename%7D", "application/x-www-form-urlencoded", 415, "UNSUPPORTED"),
        (b"{ __typename }", "text/plain", 415, "UNSUPPORTED"),
    ],
)  # fmt: skip
async def test_malformed_posts_are_typed_4xx(
    hostile: Hostile, body: bytes, content_type: str, status: int, code: str
) -> None:
    response = await hostile.client.post(
        "/graphql", content=body, headers={**hostile.headers("ADMIN"), "Content-Type": content_type}
    )
    assert response.status_code == status, response.text
    assert error_codes(response.json()) == [code]


async def test_graphql_response_media_type(hostile: Hostile) -> None:
    """application/graphql-response+json when asked: request errors are 400, executed
    operations 200; legacy application/json otherwise (no Accept, */*, or ranked first)."""
    headers = hostile.headers("ADMIN")
    new = "application/graphql-response+json"
    for accept, media in [
        (None, "application/json"),
        ("*/*", "application/json"),
        (f"{new}, application/json;q=0.9", new),
        (f"application/json, {new};q=0.5", "application/json"),
        ("text/plain", "application/json"),
    ]:
        sent = {**headers, **({"Accept": accept} if accept else {})}
        ok = await hostile.client.post("/graphql", json={"query": "{ __typename }"}, headers=sent)
        assert ok.status_code == 200 and ok.headers["content-type"] == media, (accept, ok)
        assert ok.json() == {"data": {"__typename": "Query"}}
        bad = await hostile.client.post("/graphql", json={"query": "{ nope }"}, headers=sent)
        assert bad.headers["content-type"] == media
        assert bad.status_code == (400 if media == new else 200), (accept, bad.text)
        assert "data" not in bad.json()  # never executed
    field_error = await hostile.client.post(
        "/graphql",
        json={"query": '{ node(id: "not-a-global-id") { id } }'},
        headers={**headers, "Accept": new},
    )
    assert field_error.status_code == 200 and "data" in field_error.json(), field_error.text
    get = await hostile.client.get(
        "/graphql", params={"query": "{ nope }"}, headers={**headers, "Accept": new}
    )
    assert get.status_code == 400 and get.headers["content-type"] == new


async def test_subscriptions_over_http_are_400(hostile: Hostile) -> None:
    subscription = (
        f'subscription {{ projectEvents(projectId: "{hostile.projects["alpha"].id}") {{ type }} }}'
    )
    post = await hostile.gql(subscription)
    get = await hostile.client.get(
        "/graphql", params={"query": subscription}, headers=hostile.headers("ADMIN")
    )
    for response in (post, get):
        assert response.status_code == 400, response.text
        assert error_codes(response.json()) == ["BAD_REQUEST"]


async def test_no_token_is_anonymous_on_every_method(hostile: Hostile) -> None:
    """Without credentials a request is anonymous: it runs, and what needs a user is
    UNAUTHENTICATED (tests/test_permissions.py: it reads PUBLIC projects only)."""
    for response in (
        await hostile.client.post("/graphql", json={"query": "{ me { name } }"}),
        await hostile.client.get("/graphql", params={"query": "{ me { name } }"}),
    ):
        assert response.status_code == 200
        assert error_codes(response.json()) == ["UNAUTHENTICATED"]


async def test_an_unexpected_failure_is_masked_and_logged_once(
    hostile: Hostile, caplog: pytest.LogCaptureFixture
) -> None:
    """A stored value the server cannot read (a commit's parents that are not JSON) fails
    one field: every transport masks it the same way, with a request id logged once in
    one line, and the other fields still answer."""
    alpha = hostile.projects["alpha"]
    query = (
        f'{{ project(name: "{alpha.name}") {{ name commit(sha: "{alpha.main_sha}") '
        "{ sha parents } } }"
    )
    row = await db.fetch(
        "SELECT id, parents FROM commits WHERE project_id = ? AND sha = ?",
        [alpha.db_id, alpha.main_sha],
    )
    await db.execute("UPDATE commits SET parents = ? WHERE id = ?", ["{not json", row[0]["id"]])
    try:
        for transport in (over_post, over_get, over_websocket):
            caplog.clear()
            with caplog.at_level(logging.ERROR, logger="gitstudio.failures"):
                answer = await transport(hostile, ("corrupt row", query, None, None))
            assert answer["data"] == {"project": {"name": alpha.name, "commit": None}}
            assert answer["errors"] == [("Internal server error", "INTERNAL_SERVER_ERROR")]
            records = [r for r in caplog.records if r.name == "gitstudio.failures"]
            assert len(records) == 1, [r.getMessage() for r in records]
            line = records[0].getMessage()
            assert "\n" not in line and records[0].exc_info is None
            assert "JSONDecodeError" in line and "project.commit.parents" in line
    finally:
        await db.execute(
            "UPDATE commits SET parents = ? WHERE id = ?", [row[0]["parents"], row[0]["id"]]
        )


async def test_the_request_id_is_in_the_answer_and_the_log(
    hostile: Hostile, caplog: pytest.LogCaptureFixture
) -> None:
    alpha = hostile.projects["alpha"]
    row = await db.fetch(
        "SELECT id, parents FROM commits WHERE project_id = ? AND sha = ?",
        [alpha.db_id, alpha.main_sha],
    )
    await db.execute("UPDATE commits SET parents = ? WHERE id = ?", ["[1", row[0]["id"]])
    try:
        with caplog.at_level(logging.ERROR, logger="gitstudio.failures"):
            response = await hostile.gql(
                f'{{ project(name: "{alpha.name}") {{ commit(sha: "{alpha.main_sha}") '
                "{ parents } } }"
            )
        error = response.json()["errors"][0]
        assert "Traceback" not in response.text and "orjson" not in response.text
        request_id = error["extensions"]["requestId"]
        assert [r for r in caplog.records if request_id in r.getMessage()]
    finally:
        await db.execute(
            "UPDATE commits SET parents = ? WHERE id = ?", [row[0]["parents"], row[0]["id"]]
        )


async def test_with_plans_off_every_query_runs_on_graphql_core_alike(hostile: Hostile) -> None:
    settings = from_env({"GITSTUDIO_COMPILED_PLANS": "0"})
    assert settings.compiled_plans is False
    app = create_app(replace(hostile.settings, compiled_plans=settings.compiled_plans))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        off = replace(hostile, client=client, app=app)
        for case in cases(hostile):
            assert await over_post(off, case) == await over_post(hostile, case), case[0]
    state: State = app.state.gitstudio
    assert (state.plans.compiled, state.plans.not_compiled, state.plans.abandoned) == (0, 0, 0)


async def test_head_is_answered_as_get(hostile: Hostile) -> None:
    response = await hostile.client.head(
        "/graphql", params={"query": "{ __typename }"}, headers=hostile.headers("ADMIN")
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
