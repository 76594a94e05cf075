"""Browsers of other origins: CORS for /graphql and the /api routes from the
GITSTUDIO_CORS_ORIGINS allowlist (empty by default: no cross-origin access), including the
hot POST routes HotRoutes serves bare, and the Origin check of websockets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
from asgi_ws import raw_asgi_websocket
from starlette.applications import Starlette
from support import Api

from gitstudio.app import create_app
from gitstudio.cors import normalise_origin
from gitstudio.settings import from_env

DASH = "https://dash.example.com"
EVIL = "https://evil.example.com"


def preflight(origin: str, method: str = "POST") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization,content-type",
    }


@pytest.fixture
async def cors_app(api: Api) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    """The app with DASH allowed, through the environment variable operators set."""
    origins = from_env({"GITSTUDIO_CORS_ORIGINS": f" {DASH}/ , http://localhost:5173"})
    app = create_app(replace(api.settings, cors_origins=origins.cors_origins))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield app, client


async def test_preflight_of_an_allowed_origin(
    cors_app: tuple[Starlette, httpx.AsyncClient],
) -> None:
    _app, client = cors_app
    for path, method in [("/graphql", "POST"), ("/graphql", "GET"), ("/api/live", "POST"),
                         ("/api/view-links", "GET"), ("/healthz", "GET")]:  # fmt: skip
        response = await client.options(path, headers=preflight(DASH, method))
        assert response.status_code == 204, (path, response.text)
        assert response.headers["access-control-allow-origin"] == DASH
        assert method in response.headers["access-control-allow-methods"]
        allowed = response.headers["access-control-allow-headers"].lower()
        assert "authorization" in allowed and "content-type" in allowed
        assert "origin" in response.headers["vary"].lower()
        assert "access-control-allow-credentials" not in response.headers


async def test_preflight_of_another_origin_is_a_typed_403(
    cors_app: tuple[Starlette, httpx.AsyncClient],
) -> None:
    _app, client = cors_app
    for origin in (EVIL, "null", DASH + ".evil.com", "http://dash.example.com"):
        response = await client.options("/graphql", headers=preflight(origin))
        assert response.status_code == 403, origin
        assert response.json()["code"] == "CORS_ORIGIN_NOT_ALLOWED"
        assert "access-control-allow-origin" not in response.headers


async def test_cors_headers_reach_the_hot_routes_and_routed_ones(
    api: Api, cors_app: tuple[Starlette, httpx.AsyncClient]
) -> None:
    _app, client = cors_app
    auth = {"Authorization": f"token {api.token}"}
    hot = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={**auth, "Origin": DASH}
    )
    assert hot.status_code == 200 and hot.json() == {"data": {"__typename": "Query"}}
    assert hot.headers["access-control-allow-origin"] == DASH
    get = await client.get(
        "/graphql", params={"query": "{ __typename }"}, headers={**auth, "Origin": DASH}
    )
    assert get.headers["access-control-allow-origin"] == DASH and get.json()["data"]
    live = await client.post("/api/live", content=b"{}", headers={**auth, "Origin": DASH})
    assert live.status_code == 400 and live.headers["access-control-allow-origin"] == DASH
    health = await client.get("/healthz", headers={"Origin": DASH})
    assert health.headers["access-control-allow-origin"] == DASH

    other = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={**auth, "Origin": EVIL}
    )
    assert "access-control-allow-origin" not in other.headers
    assert "origin" in other.headers["vary"].lower()
    webhook = await client.post("/webhooks/github", content=b"{}", headers={"Origin": DASH})
    assert "access-control-allow-origin" not in webhook.headers  # not a browser's route


async def test_by_default_no_origin_gets_access(api: Api) -> None:
    """GITSTUDIO_CORS_ORIGINS empty: a preflight is refused, answers carry no grant."""
    assert api.settings.cors_origins == ()
    refused = await api.client.options("/graphql", headers=preflight(DASH))
    assert refused.status_code == 403 and refused.json()["code"] == "CORS_ORIGIN_NOT_ALLOWED"
    answer = await api.client.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"Authorization": f"token {api.token}", "Origin": DASH},
    )
    assert answer.status_code == 200 and "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize("origin", ["dash.example.com", "ftp://x.example", "https://x/y", ""])
def test_a_setting_that_is_no_origin_is_refused_at_start(origin: str) -> None:
    if not origin:
        assert from_env({"GITSTUDIO_CORS_ORIGINS": " , "}).cors_origins == ()
        return
    with pytest.raises(ValueError, match="GITSTUDIO_CORS_ORIGINS"):
        normalise_origin(origin)


async def ws_first(app: Starlette, headers: dict[str, str], host: str = "testserver") -> str:
    """How the app answers a websocket's connect: websocket.accept or websocket.close."""
    async with raw_asgi_websocket(app, headers, host=host) as ws:
        kind: str = ws.first["type"]
        return kind


async def test_websocket_origin(api: Api, cors_app: tuple[Starlette, httpx.AsyncClient]) -> None:
    app, _client = cors_app
    accept, close = "websocket.accept", "websocket.close"
    assert await ws_first(app, {}) == accept  # not a browser: no Origin
    assert await ws_first(app, {"Origin": DASH}) == accept  # allowed
    assert await ws_first(app, {"Origin": "http://testserver"}) == accept  # same origin
    assert await ws_first(app, {"Origin": "https://gs.example:8443"}, "gs.example:8443") == accept
    assert await ws_first(app, {"Origin": EVIL}) == close
    assert await ws_first(app, {"Origin": "null"}) == close
    # the default app allows no other origin, its own still
    default = api.client._transport.app  # type: ignore[attr-defined]
    assert await ws_first(default, {"Origin": DASH}) == close
    assert await ws_first(default, {"Origin": "http://testserver"}) == accept


async def test_websocket_of_the_public_url(api: Api) -> None:
    app = create_app(replace(api.settings, public_url="https://studio.example.org/"))
    assert await ws_first(app, {"Origin": "https://studio.example.org"}, "10.0.0.5:8000") == (
        "websocket.accept"
    )
    assert await ws_first(app, {"Origin": "https://other.example.org"}, "10.0.0.5:8000") == (
        "websocket.close"
    )
