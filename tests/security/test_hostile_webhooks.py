"""Hostile createWebhook inputs: URLs the outbound host policy refuses or that cannot be one
(other schemes, credentials, fragments, private and loopback hosts, oversize), secrets that
are empty, oversize or hold control characters, unknown events, another's project, and
malformed ids. Each gets its typed code, and nothing is stored (rows of every table, refs)."""

from __future__ import annotations

from typing import Any

import pytest
from harness import Hostile, assert_graphql_error

from schema.relay import to_global_id
from storage.tokens import Scope, create_token
from storage.users import create_user

CREATE = """mutation($input: CreateWebhookInput!) { createWebhook(input: $input) {
  webhook { id } errors { code message field } } }"""
REDELIVER = """mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) {
  delivery { id } errors { code message field } } }"""
DELETE = """mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) {
  webhook { id } errors { code message field } } }"""

GOOD = {"url": "https://example.com/hook", "events": ["RUN_FAILED"], "secret": "s3cret"}

CASES: list[tuple[str, dict[str, Any], str]] = [
    ("ftp-scheme", {"url": "ftp://example.com/hook"}, "FORBIDDEN_URL"),
    ("file-scheme", {"url": "file:///etc/passwd"}, "FORBIDDEN_URL"),
    ("javascript", {"url": "javascript:alert(1)"}, "FORBIDDEN_URL"),
    ("gopher", {"url": "gopher://example.com:70/_x"}, "FORBIDDEN_URL"),
    ("no-scheme", {"url": "example.com/hook"}, "FORBIDDEN_URL"),
    ("plain-http", {"url": "http://example.com/hook"}, "FORBIDDEN_URL"),
    ("userinfo", {"url": "https://user:pass@example.com/hook"}, "INVALID_URL"),
    ("userinfo-confusion", {"url": "https://example.com@127.0.0.1/hook"}, "INVALID_URL"),
    ("fragment", {"url": "https://example.com/hook#x"}, "INVALID_URL"),
    ("loopback", {"url": "https://127.0.0.1/hook"}, "FORBIDDEN_URL"),
    ("localhost", {"url": "https://localhost:8443/hook"}, "FORBIDDEN_URL"),
    ("private", {"url": "https://192.168.1.1/hook"}, "FORBIDDEN_URL"),
    ("metadata", {"url": "https://169.254.169.254/latest"}, "FORBIDDEN_URL"),
    ("ipv6-loopback", {"url": "https://[::1]/hook"}, "FORBIDDEN_URL"),
    ("mapped-loopback", {"url": "https://[::ffff:127.0.0.1]/hook"}, "FORBIDDEN_URL"),
    ("zero", {"url": "https://0.0.0.0/hook"}, "FORBIDDEN_URL"),
    ("no-host", {"url": "https:///hook"}, "INVALID_URL"),
    ("bad-port", {"url": "https://example.com:99999/hook"}, "INVALID_URL"),
    ("control-chars", {"url": "https://example.com/\x00hook"}, "INVALID_URL"),
    ("newline", {"url": "https://example.com/hook\r\nX-Evil: 1"}, "INVALID_URL"),
    ("url-oversize", {"url": "https://example.com/" + "a" * 3000}, "INVALID_URL"),
    ("secret-empty", {"secret": ""}, "INVALID"),
    ("secret-oversize", {"secret": "x" * 257}, "INVALID"),
    ("secret-control", {"secret": "abc\x00def"}, "INVALID"),
    ("no-events", {"events": []}, "INVALID"),
]


@pytest.mark.parametrize(("name", "change", "code"), CASES, ids=[c[0] for c in CASES])
async def test_hostile_webhooks_are_refused_and_store_nothing(
    hostile: Hostile, name: str, change: dict[str, Any], code: str
) -> None:
    before = await hostile.snapshot()
    project = hostile.projects["alpha"].id
    body = assert_graphql_error(
        await hostile.gql(CREATE, {"input": {"projectId": project, **GOOD, **change}}), code
    )
    assert body["data"]["createWebhook"]["webhook"] is None
    await hostile.assert_unchanged(before)


async def test_an_unknown_event_is_refused_before_execution(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    project = hostile.projects["alpha"].id
    for events in (["RUN_EXPLODED"], ["run_failed"], [1], "RUN_FAILED; DROP"):
        variables = {"input": {"projectId": project, **GOOD, "events": events}}
        assert_graphql_error(await hostile.gql(CREATE, variables), "BAD_USER_INPUT")
    await hostile.assert_unchanged(before)


async def test_another_users_project_and_weak_tokens_store_nothing(
    hostile: Hostile, unique: str
) -> None:
    """A user who may not read the project: NOT_FOUND, as a project that does not exist; a
    token without the ADMIN scope (even the site admin's): FORBIDDEN; no token:
    UNAUTHENTICATED."""
    before = await hostile.snapshot()
    stranger = await create_user(f"stranger-{unique}")
    _row, token = await create_token("s", frozenset({Scope.ADMIN}), None, stranger.id)
    project = hostile.projects["alpha"].id
    variables = {"input": {"projectId": project, **GOOD}}
    body = assert_graphql_error(await hostile.gql(CREATE, variables, token), "NOT_FOUND")
    assert body["data"]["createWebhook"]["errors"][0]["field"] == "projectId"
    missing = {"input": {**variables["input"], "projectId": to_global_id("Project", 2**31 - 1)}}
    assert_graphql_error(await hostile.gql(CREATE, missing), "NOT_FOUND")
    for scope in ("READ", "PROJECTS", "MODELS", "EXPERIMENTS"):
        assert_graphql_error(await hostile.gql(CREATE, variables, scope), "FORBIDDEN")
    assert_graphql_error(await hostile.gql(CREATE, variables, None), "UNAUTHENTICATED")
    after = await hostile.snapshot()
    # the stranger's user and token are this test's own rows
    assert after.rows["users"] == before.rows["users"] + 1
    assert after.rows["access_tokens"] == before.rows["access_tokens"] + 1
    assert {t: n for t, n in after.rows.items() if t not in ("users", "access_tokens")} == {
        t: n for t, n in before.rows.items() if t not in ("users", "access_tokens")
    }


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (DELETE, {"input": {"id": "not-an-id"}}),
        (DELETE, {"input": {"id": to_global_id("Project", 1)}}),  # another type's id
        (DELETE, {"input": {"id": to_global_id("Webhook", 2**31 - 1)}}),
        (DELETE, {"input": {"id": to_global_id("Webhook", 2**40)}}),
        (REDELIVER, {"input": {"deliveryId": to_global_id("WebhookDelivery", 2**31 - 1)}}),
        (REDELIVER, {"input": {"deliveryId": "%%%"}}),
    ],
)
async def test_bad_webhook_and_delivery_ids_change_nothing(
    hostile: Hostile, query: str, variables: dict[str, Any]
) -> None:
    before = await hostile.snapshot()
    assert_graphql_error(await hostile.gql(query, variables), {"NOT_FOUND", "BAD_USER_INPUT"})
    await hostile.assert_unchanged(before)
