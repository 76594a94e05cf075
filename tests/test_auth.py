"""Tokens and scopes: hashed at rest, shown once, scoped, revocable; query limits."""

from __future__ import annotations

from typing import Any

from support import Api

from storage import db

CREATE = """mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
  token accessToken { id name prefix scopes } errors { code message field } } }"""


async def mint(api: Api, scopes: list[str], token: str | None = None) -> dict[str, Any]:
    body = await api.gql(CREATE, {"input": {"name": "t", "scopes": scopes}}, token=token)
    payload: dict[str, Any] = body["data"]["createAccessToken"]
    return payload


async def test_a_wrong_token_is_401_and_none_is_anonymous(api: Api) -> None:
    query = {"query": "{ projects { totalCount nodes { visibility } } }"}
    anonymous = await api.client.post("/graphql", json=query)
    assert anonymous.status_code == 200  # PUBLIC projects only (tests/test_permissions.py)
    projects = anonymous.json()["data"]["projects"]
    assert {n["visibility"] for n in projects["nodes"]} <= {"PUBLIC"}
    write = {"query": 'mutation { createProject(input: {repoUrl: "/x"}) { errors { code } } }'}
    refused = (await api.client.post("/graphql", json=write)).json()
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    for header in ("token dsat_" + "x" * 48, "Bearer nope", "Basic abc", "token"):
        response = await api.client.post("/graphql", json=query, headers={"Authorization": header})
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_tokens_are_shown_once_and_hashed_at_rest(api: Api) -> None:
    payload = await mint(api, ["READ"])
    token = payload["token"]
    assert token.startswith("dsat_") and len(token) >= 53
    assert payload["accessToken"]["scopes"] == ["READ"]
    stored = await db.fetch("SELECT * FROM access_tokens")
    assert all(token not in str(row) for row in stored)
    # Both header spellings work.
    for header in (f"token {token}", f"Bearer {token}"):
        response = await api.client.post(
            "/graphql",
            json={"query": "{ projects { totalCount } }"},
            headers={"Authorization": header},
        )
        assert response.status_code == 200 and "errors" not in response.json()


async def test_scopes_are_enforced(api: Api, unique: str) -> None:
    read = (await mint(api, ["READ"]))["token"]
    body = await api.gql(
        'mutation { createProject(input: {repoUrl: "/x", name: "n%s"}) { errors { code } } }'
        % unique,
        token=read,
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.data('{ project(name: "n%s") { id } }' % unique))["project"] is None

    escalation = await mint(api, ["ADMIN"], token=read)
    assert escalation["token"] is None
    assert escalation["errors"][0]["code"] == "FORBIDDEN"

    models = (await mint(api, ["MODELS"]))["token"]
    body = await api.gql("{ projects { totalCount } }", token=models)
    assert "errors" not in body, "every scope can read"


async def test_revoked_token_stops_working(api: Api) -> None:
    payload = await mint(api, ["READ"])
    token, token_id = payload["token"], payload["accessToken"]["id"]
    revoked = await api.gql(
        "mutation($id: ID!) { revokeAccessToken(id: $id) { accessToken { id } errors { code } } }",
        {"id": token_id},
        token=token,
    )
    assert revoked["data"]["revokeAccessToken"]["errors"] == []
    response = await api.client.post(
        "/graphql",
        json={"query": "{ projects { totalCount } }"},
        headers={"Authorization": f"token {token}"},
    )
    assert response.status_code == 401


async def test_invalid_scope_and_unknown_token_id(api: Api) -> None:
    body = await api.gql(CREATE, {"input": {"name": "t", "scopes": ["ROOT"]}})
    assert body["errors"][0]["message"]  # enum validation
    gone = await api.gql(
        'mutation { revokeAccessToken(id: "QWNjZXNzVG9rZW46OTk5OTk5") { errors { code } } }'
    )
    assert gone["data"]["revokeAccessToken"]["errors"][0]["code"] == "NOT_FOUND"


async def test_query_limits(api: Api) -> None:
    deep = (
        "{ projects { nodes { "
        + "commits { nodes { row { commit { " * 5
        + "sha"
        + " } } } }" * 5
        + " } } }"
    )
    body = await api.gql(deep)
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]

    aliases = "{ " + " ".join(f"a{i}: projects {{ totalCount }}" for i in range(40)) + " }"
    body = await api.gql(aliases)
    assert "aliases" in body["errors"][0]["message"].lower()

    huge = "{ projects { " + "totalCount " * 3000 + "} }"
    body = await api.gql(huge)
    assert "token" in body["errors"][0]["message"].lower()
