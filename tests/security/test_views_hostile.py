"""Hostile saved views: every refused saveView / deleteView / view name gives its typed code
and leaves the views (their rows, contents included) and everything else as they were."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from harness import Hostile, assert_graphql_error, assert_no_internal_error, assert_rest_error

from gitstudio.settings import Settings
from schema.relay import from_global_id, to_global_id
from storage import db, limits
from storage import views as stored
from storage.users import create_user

ACC = "metric:metrics.json:acc"

SAVE = """mutation($input: SaveViewInput!) { saveView(input: $input) {
  view { id } errors { code message field } } }"""
DELETE = """mutation($input: DeleteViewInput!) { deleteView(input: $input) {
  deletedId errors { code message field } } }"""
TABLE = """query($name: String!, $view: String) { project(name: $name) {
  experiments(view: $view, first: 5) { totalCount } } }"""


async def rows() -> list[dict[str, Any]]:
    """Every view, whole: a refused save must not have replaced one either."""
    return await db.fetch("SELECT * FROM views ORDER BY id")


@pytest.fixture
async def existing(hostile: Hostile) -> AsyncIterator[stored.ViewRecord]:
    """A shared view of alpha named "kept", which hostile saves of that name must leave."""
    alpha = hostile.projects["alpha"]
    view = await stored.save(alpha.db_id, None, "kept", {"version": 1, "columns": [ACC]}, None)
    yield view
    await stored.delete(view.id)


def _input(hostile: Hostile, **fields: Any) -> dict[str, Any]:
    return {"input": {"projectId": hostile.projects["alpha"].id, "shared": True, **fields}}


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # (what, the input's fields, code, field)
    ("oversize JSON", {"name": "kept", "filter": {"columns": [
        {"column": ACC, "op": "EQ", "value": "x" * 1000} for _ in range(70)]}},
     "TOO_LARGE", "input"),
    ("unknown column", {"name": "kept", "columns": [ACC, "metric:metrics.json:nope"]},
     "INVALID", "columns"),
    ("malformed column", {"name": "kept", "columns": ["acc"]}, "INVALID", "columns"),
    ("a column twice", {"name": "kept", "columns": [ACC, ACC]}, "INVALID", "columns"),
    ("NUL in the name", {"name": "kept\x00"}, "INVALID", "name"),
    ("a control character in the name", {"name": "ke\npt"}, "INVALID", "name"),
    ("an empty name", {"name": "  "}, "INVALID", "name"),
    ("a name too long", {"name": "k" * 101}, "INVALID", "name"),
    ("NUL in the filter", {"name": "kept", "filter": {"author": "a\x00b"}}, "INVALID", "filter"),
    ("a filter the table refuses", {"name": "kept", "filter": {"columns": [
        {"column": ACC, "op": "GT"}]}}, "INVALID", "filter"),
    ("an order the table refuses", {"name": "kept", "order": [{"column": "nope"}]},
     "INVALID", "order"),
    ("a malformed baseline id", {"name": "kept", "baseline": "not an id"},
     "INVALID", "baseline"),
    ("a baseline of another kind", {"name": "kept", "baseline": to_global_id("Project", 1)},
     "INVALID", "baseline"),
    ("a baseline that is no row", {"name": "kept",
                                   "baseline": to_global_id("Experiment", 2**31 - 1)},
     "NOT_FOUND", "baseline"),
    ("a goal on a malformed column", {"name": "kept", "goals": [{"column": "x", "goal": "HIGHER"}]},
     "INVALID", "goals"),
    ("two goals for a column", {"name": "kept", "goals": [{"column": ACC, "goal": "HIGHER"},
                                                          {"column": ACC, "goal": "LOWER"}]},
     "INVALID", "goals"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "code", "field"), CASES, ids=[c[0] for c in CASES])
async def test_a_refused_save_changes_nothing(
    hostile: Hostile,
    existing: stored.ViewRecord,
    what: str,
    fields: dict[str, Any],
    code: str,
    field: str,
) -> None:
    before, kept = await hostile.snapshot(), await rows()
    body = assert_graphql_error(await hostile.gql(SAVE, _input(hostile, **fields)), code)
    assert body["data"]["saveView"]["errors"][0]["field"] == field, (what, body)
    assert body["data"]["saveView"]["view"] is None
    assert await rows() == kept
    await hostile.assert_unchanged(before)


async def test_a_baseline_of_another_project_is_not_found(
    hostile: Hostile, existing: stored.ViewRecord
) -> None:
    other = hostile.projects["registry"]
    row = await db.fetch("SELECT id FROM experiments WHERE project_id = ? LIMIT 1", [other.db_id])
    before, kept = await hostile.snapshot(), await rows()
    given = _input(hostile, name="kept", baseline=to_global_id("Experiment", row[0]["id"]))
    body = assert_graphql_error(await hostile.gql(SAVE, given), "NOT_FOUND")
    assert body["data"]["saveView"]["errors"][0]["field"] == "baseline"
    assert await rows() == kept
    await hostile.assert_unchanged(before)


async def test_another_users_view_is_not_found(hostile: Hostile, unique: str) -> None:
    """Even a site admin's token: a user's own view is that user's alone."""
    alpha = hostile.projects["alpha"]
    owner = await create_user(f"view-owner-{unique}")
    theirs = await stored.save(alpha.db_id, owner.id, "theirs", {"version": 1}, owner.id)
    try:
        before, kept = await hostile.snapshot(), await rows()
        target = to_global_id("View", theirs.id)
        body = assert_graphql_error(await hostile.gql(DELETE, {"input": {"id": target}}),
                                    "NOT_FOUND")  # fmt: skip
        assert body["data"]["deleteView"]["errors"][0]["message"] == f"no View with id {target!r}"
        found = await hostile.gql(TABLE, {"name": alpha.name, "view": "theirs"})
        assert_graphql_error(found, "NOT_FOUND")
        listed = await hostile.gql('{ project(name: "%s") { views { name } } }' % alpha.name)
        assert "theirs" not in [v["name"] for v in listed.json()["data"]["project"]["views"]]
        assert await rows() == kept
        await hostile.assert_unchanged(before)
    finally:
        await stored.delete(theirs.id)


@pytest.mark.parametrize(
    "name", ["", "\x00", "x" * 10_000, "nope"], ids=["empty", "NUL", "long", "missing"]
)
async def test_a_view_name_no_view_has_is_not_found(hostile: Hostile, name: str) -> None:
    alpha = hostile.projects["alpha"]
    before = await hostile.snapshot()
    body = assert_graphql_error(
        await hostile.gql(TABLE, {"name": alpha.name, "view": name}), "NOT_FOUND"
    )
    assert body["data"]["project"] is None
    found = assert_no_internal_error(
        await hostile.gql(
            'query($v: String!) { project(name: "%s") { view(name: $v) { id } } }' % alpha.name,
            {"v": name},
        )
    )
    assert found["data"]["project"]["view"] is None
    response = await hostile.client.get(
        f"/api/projects/{alpha.db_id}/experiments.csv",
        params={"view": name},
        headers=hostile.headers("READ"),
    )
    assert_rest_error(response, 404)
    assert response.json()["code"] == "NOT_FOUND"
    await hostile.assert_unchanged(before)


async def test_a_stored_view_the_table_refuses_is_a_typed_error(hostile: Hostile) -> None:
    """A view whose filter no longer holds (a field gone from ExperimentFilter) is refused
    by the table's own checks when used, never an internal error."""
    alpha = hostile.projects["alpha"]
    bad = await stored.save(alpha.db_id, None, "stale", {"filter": {"gone": 1}}, None)
    try:
        body = assert_graphql_error(
            await hostile.gql(TABLE, {"name": alpha.name, "view": "stale"}), "BAD_USER_INPUT"
        )
        assert "view 'stale'" in body["errors"][0]["message"]
        response = await hostile.client.get(
            f"/api/projects/{alpha.db_id}/experiments.csv",
            params={"view": "stale"},
            headers=hostile.headers("READ"),
        )
        assert_rest_error(response, 400)
    finally:
        await stored.delete(bad.id)


async def test_too_many_views_are_refused(hostile: Hostile) -> None:
    """Past GITSTUDIO_MAX_VIEWS_PER_PROJECT (shared) or _PER_USER (one's own) a new view is
    LIMIT_EXCEEDED; saving an existing name again still replaces it."""
    configured = limits._settings  # the process's settings, as the last app made set them
    assert isinstance(configured, Settings)
    limits.configure(replace(configured, max_views_per_project=2, max_views_per_user=1))
    made: list[int] = []
    try:
        for shared, bound in ((True, 2), (False, 1)):
            for n in range(bound):
                body = await hostile.gql(SAVE, _input(hostile, name=f"v{n}", shared=shared))
                made.append(int(_db(body)))
            before, kept = await hostile.snapshot(), await rows()
            body = assert_graphql_error(
                await hostile.gql(SAVE, _input(hostile, name="one more", shared=shared)),
                "LIMIT_EXCEEDED",
            )
            assert body["data"]["saveView"]["errors"][0]["field"] == "name"
            assert await rows() == kept
            await hostile.assert_unchanged(before)
            again = await hostile.gql(
                SAVE, _input(hostile, name="v0", shared=shared, columns=[ACC])
            )
            assert again.json()["data"]["saveView"]["errors"] == []
    finally:
        limits.configure(configured)
        for view_id in made:
            await stored.delete(view_id)


def _db(body: Any) -> int:
    payload = body.json()["data"]["saveView"]
    assert payload["errors"] == [], payload
    return from_global_id(payload["view"]["id"], "View")[1]
