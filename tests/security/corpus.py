"""The case types of the hostile-input corpus and how each is run: send it, check the typed
error, check that no row and no ref changed.

The expected codes live here, in one place, so they follow what the implementation settles on.
A case's request may depend on the fixture (project ids, repository paths): such parts are
functions of the ``Hostile`` world, called when the case runs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx
from harness import Hostile, assert_graphql_error, assert_no_internal_error, assert_rest_error

# Every request is bounded: a hang is a failure, not a stalled suite.
REQUEST_TIMEOUT = 60.0

# -- the codes -------------------------------------------------------------------------------
# Mutation payloads carry schema.errors.ErrorCode; request-level errors carry extensions.code.
REFUSED_REPO = frozenset({"FORBIDDEN_REPOSITORY"})  # the repository access policy says no
BAD_URL = frozenset({"INVALID_URL", "INVALID"})  # a repository URL that cannot be one
REFUSED_WRITE = frozenset({"FORBIDDEN", "INVALID"})  # the write policy says no
INVALID = frozenset({"INVALID"})
NOT_FOUND = frozenset({"NOT_FOUND"})
MISSING = frozenset({"NOT_FOUND", "INVALID"})  # a thing that is not there, or cannot be
BAD_ID = frozenset({"BAD_USER_INPUT", "NOT_FOUND", "INVALID"})  # a malformed or unknown id
BAD_INPUT = frozenset({"BAD_USER_INPUT"})
SCOPE = frozenset({"FORBIDDEN"})
UNAUTHENTICATED = frozenset({"UNAUTHENTICATED"})
VALIDATION = frozenset({"GRAPHQL_VALIDATION_FAILED"})
PARSE = frozenset({"GRAPHQL_PARSE_FAILED"})
TOO_COMPLEX = frozenset({"QUERY_TOO_COMPLEX"})
BAD_REQUEST = frozenset({"BAD_REQUEST"})
TOO_LARGE = frozenset({"TOO_LARGE"})
UNSUPPORTED = frozenset({"UNSUPPORTED"})  # a content type POST /graphql does not take
NOT_ALLOWED = frozenset({"METHOD_NOT_ALLOWED"})  # a mutation sent with GET

# A lookup of something that cannot exist may also answer null (Relay's node, project(id)).
NOTHING = "(null)"

Codes = str | Collection[str]


def _nothing_found(body: Any) -> bool:
    data = body.get("data") if isinstance(body, dict) else None
    return not body.get("errors") and isinstance(data, dict) and _all_null(data)


def _all_null(value: Any) -> bool:
    """Every leaf object of the answer is null (``{"project": null}``)."""
    if isinstance(value, dict):
        return all(_all_null(v) for v in value.values())
    return value is None


Vars = Callable[[Hostile], dict[str, Any]]


def _codes(expect: Codes) -> frozenset[str]:
    return frozenset({expect}) if isinstance(expect, str) else frozenset(expect)


@dataclass(frozen=True)
class Gql:
    """A GraphQL request as a client sends it (JSON POST to /graphql)."""

    name: str
    query: str | Callable[[Hostile], str]
    variables: Vars | None
    expect: Codes
    scope: str | None = "ADMIN"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Http:
    """A raw HTTP request: any method, path, body and headers; ``status`` the answer's,
    ``codes`` the GraphQL codes one of which the body must carry (GraphQL routes only)."""

    name: str
    method: str
    path: str | Callable[[Hostile], str]
    status: int | Collection[int]
    body: bytes | Callable[[Hostile], bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    scope: str | None = "ADMIN"
    codes: Codes = ()
    params: Callable[[Hostile], Any] | None = None

    def __str__(self) -> str:
        return self.name


def assert_unique_names(cases: Iterable[object]) -> None:
    """Case ids name what failed: two cases with one name would hide one of them."""
    names = [str(case) for case in cases]
    assert not {n for n in names if names.count(n) > 1}


def resolve(value: Any, env: Hostile) -> Any:
    return value(env) if callable(value) else value


async def bounded(request: Any) -> httpx.Response:
    response: httpx.Response = await asyncio.wait_for(request, REQUEST_TIMEOUT)
    return response


async def run_gql(env: Hostile, case: Gql) -> None:
    before = await env.snapshot()
    try:
        variables = case.variables(env) if case.variables else {}
        response = await bounded(env.gql(resolve(case.query, env), variables, case.scope))
        codes = _codes(case.expect)
        if not (NOTHING in codes and _nothing_found(assert_no_internal_error(response))):
            assert_graphql_error(response, codes - {NOTHING})
        await env.assert_unchanged(before)
    finally:
        await env.restore(before)


async def run_http(env: Hostile, case: Http) -> None:
    before = await env.snapshot()
    try:
        await _check_http(env, case)
        await env.assert_unchanged(before)
    finally:
        await env.restore(before)


async def _check_http(env: Hostile, case: Http) -> None:
    headers = {**env.headers(case.scope), **case.headers}
    response = await bounded(
        env.client.request(
            case.method,
            resolve(case.path, env),
            content=resolve(case.body, env),
            headers=headers,
            params=case.params(env) if case.params else None,
        )
    )
    statuses = {case.status} if isinstance(case.status, int) else set(case.status)
    if case.codes:
        assert response.status_code in statuses, (response.status_code, response.text[:1000])
        assert_graphql_error(response, _codes(case.codes))
    else:
        status = response.status_code if response.status_code in statuses else min(statuses)
        assert_rest_error(response, status)


async def run_ok_and_unchanged(env: Hostile, case: Gql) -> None:
    """A request that may succeed or fail (the fuzz's), but never with a server error."""
    variables = case.variables(env) if case.variables else {}
    response = await bounded(env.gql(resolve(case.query, env), variables, case.scope))
    assert_no_internal_error(response)
