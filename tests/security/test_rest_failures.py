"""An unexpected failure on a REST route (here: a stored registry the server cannot read) is
answered as typed JSON with a request id, never a traceback, and logged once in one line;
the router's own refusals (404, 405) are typed JSON too."""

from __future__ import annotations

import logging

import pytest
from harness import Hostile

from storage import db, queries


async def test_an_unreadable_stored_value_is_a_masked_typed_500(
    hostile: Hostile, caplog: pytest.LogCaptureFixture
) -> None:
    registry = hostile.projects["registry"]
    row = (await db.fetch("SELECT registry FROM projects WHERE id = ?", [registry.db_id]))[0]
    # sync_count moves so the registry is read again, not taken from the per-sync cache
    bump = "UPDATE projects SET registry = ?, sync_count = sync_count + 1 WHERE id = ?"
    await db.execute(bump, ["{not json", registry.db_id])
    queries.forget_projects()  # the short-lived project cache must not hide the change
    try:
        with caplog.at_level(logging.ERROR):
            response = await hostile.client.get(
                "/api/model-registry/get-download-uris",
                params={"repo": str(registry.repo), "name": "any"},
                headers=hostile.headers("ADMIN"),
            )
    finally:
        await db.execute(bump, [row["registry"], registry.db_id])
        queries.forget_projects()
    assert response.status_code == 500
    body = response.json()
    assert body["detail"] == "Internal server error" and body["code"] == "INTERNAL_SERVER_ERROR"
    assert "Traceback" not in response.text and "not json" not in response.text
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(logged) == 1, [r.getMessage() for r in logged]
    assert body["request_id"] in logged[0].getMessage()
    assert "\n" not in logged[0].getMessage() and logged[0].exc_info is None


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/no/such/route", 404),
        ("PUT", "/graphql", 405),
        ("GET", "/api/live", 405),
        ("DELETE", "/webhook/dvc", 405),
        ("GET", "/api/live/images/99999999999999/x.png", 404),
    ],
)
async def test_the_router_answers_typed_json(
    hostile: Hostile, method: str, path: str, status: int
) -> None:
    response = await hostile.client.request(method, path, headers=hostile.headers("ADMIN"))
    assert response.status_code == status
    assert response.json()["code"] in {"NOT_FOUND", "METHOD_NOT_ALLOWED"}
