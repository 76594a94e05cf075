"""The dashboard's files as the server answers them: every page path is the one index.html
under a Content-Security-Policy of this origin only, assets are cached for good, any other
path stays a typed 404, and a checkout without the build answers a 503 saying how to build
(never a 500). The browser's side is tests/web/test_dashboard_shell.py."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from gitstudio.app import create_app
from gitstudio.dashboard import BUILT, CSP, IMMUTABLE, PAGES, Dashboard
from gitstudio.settings import Settings, from_env

FIXTURE = Path(__file__).resolve().parent / "web" / "dashboard_fixture"
ROOT = Path(__file__).resolve().parent.parent
PAGE_PATHS = ["/", "/projects/demo", "/projects/demo/models/churn", "/models", "/settings/tokens"]
ASSET = "/assets/probe-3f2a9c1e.js"


async def client_of(directory: Path, tmp_path: Path) -> httpx.AsyncClient:
    settings = Settings(
        data_dir=tmp_path, database_url=f"sqlite://{tmp_path / 'd.db'}", dashboard_dir=directory
    )
    transport = httpx.ASGITransport(app=create_app(settings))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def http(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with await client_of(FIXTURE, tmp_path) as client:
        yield client


def directives(header: str) -> dict[str, list[str]]:
    parts = (d.split() for d in header.split(";") if d.strip())
    return {words[0]: words[1:] for words in parts}


def test_every_page_path_is_covered() -> None:
    assert len(PAGE_PATHS) == len(PAGES)


async def test_every_page_path_answers_index_html_under_a_self_only_policy(
    http: httpx.AsyncClient,
) -> None:
    index = (FIXTURE / "index.html").read_bytes()
    for path in PAGE_PATHS:
        response = await http.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.content == index, path
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert response.headers["cache-control"] == "no-cache"  # a new build shows at once
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["content-security-policy"] == CSP
        head = await http.head(path)
        assert head.status_code == 200 and head.headers["etag"] == response.headers["etag"]
    policy = directives(CSP)
    # Nothing from another origin, no inline script or style, no eval, never framed.
    assert policy["default-src"] == ["'none'"]
    for name in ("script-src", "style-src", "connect-src", "font-src"):
        assert policy[name] == ["'self'"], name
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


async def test_the_page_is_revalidated_by_its_etag_and_a_rebuild_shows(tmp_path: Path) -> None:
    build = shutil.copytree(FIXTURE, tmp_path / "build")
    async with await client_of(build, tmp_path) as http:
        first = await http.get("/models")
        etag = first.headers["etag"]
        same = await http.get("/models", headers={"If-None-Match": etag})
        assert same.status_code == 304 and same.content == b""
        assert same.headers["content-security-policy"] == CSP
        (build / "index.html").write_text("<!doctype html><title>rebuilt</title>")
        rebuilt = await http.get("/models", headers={"If-None-Match": etag})
        assert rebuilt.status_code == 200 and b"rebuilt" in rebuilt.content
        assert rebuilt.headers["etag"] != etag


async def test_assets_are_served_with_immutable_caching(http: httpx.AsyncClient) -> None:
    kinds = {".js": "javascript", ".css": "text/css"}
    for asset in sorted((FIXTURE / "assets").iterdir()):
        response = await http.get(f"/assets/{asset.name}")
        assert response.status_code == 200, asset.name
        assert response.content == asset.read_bytes()
        assert kinds[asset.suffix] in response.headers["content-type"]
        assert response.headers["cache-control"] == IMMUTABLE
        assert response.headers["x-content-type-options"] == "nosniff"
    revalidated = await http.get(ASSET, headers={"If-None-Match": response.headers["etag"]})
    assert revalidated.status_code in (200, 304)


@pytest.mark.parametrize(
    ("accept", "gzipped"),
    [("gzip, deflate", True), ("br;q=1.0, gzip;q=0.8", True), ("*", True),
     ("identity", False), ("gzip;q=0", False), ("gzip;q=x", False), ("", False)],
)  # fmt: skip
async def test_text_assets_go_gzipped_to_browsers_that_accept_it(
    http: httpx.AsyncClient, accept: str, gzipped: bool
) -> None:
    file = FIXTURE / ASSET.removeprefix("/")
    async with http.stream("GET", ASSET, headers={"Accept-Encoding": accept}) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.status_code == 200
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["cache-control"] == IMMUTABLE
    if gzipped:
        assert response.headers["content-encoding"] == "gzip"
        assert gzip.decompress(raw) == file.read_bytes()
        assert int(response.headers["content-length"]) == len(raw)
    else:
        assert "content-encoding" not in response.headers
        assert raw == file.read_bytes()
    again = await http.get(
        ASSET, headers={"Accept-Encoding": accept, "If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/nope",
        "/projects",
        "/projects/demo/extra",
        "/projects/demo/models",
        "/models/churn",
        "/settings",
        "/settings/other",
        "/index.html",
        "/assets/nope.js",
        "/assets/",
        "/assets/%2e%2e/index.html",
        "/assets/..%2findex.html",
    ],
)
async def test_any_other_path_stays_a_typed_404(http: httpx.AsyncClient, path: str) -> None:
    response = await http.get(path)
    assert response.status_code == 404, (path, response.text)
    assert response.json()["code"] == "NOT_FOUND"
    assert "cache-control" not in response.headers or "immutable" not in response.headers.get(
        "cache-control", ""
    )


async def test_a_missing_build_answers_503_saying_how_to_build(tmp_path: Path) -> None:
    async with await client_of(tmp_path / "no-build", tmp_path) as http:
        for path in PAGE_PATHS:
            response = await http.get(path)
            assert response.status_code == 503, (path, response.text)
            assert response.headers["content-type"].startswith("text/html")
            assert "npm ci --prefix web &amp;&amp; npm run --prefix web build" in response.text
            assert (
                "Retry-After" in response.headers
                and "no-store" in response.headers["cache-control"]
            )
        missing = await http.get(ASSET)
        assert missing.status_code == 404 and missing.json()["code"] == "NOT_FOUND"
        # the rest of the server does not need the build
        graphiql = await http.get("/graphql", headers={"Accept": "text/html"})
        assert graphiql.status_code == 200 and "graphiql" in graphiql.text.lower()
        login = await http.get("/login")
        assert login.status_code == 200


def test_the_build_comes_from_the_package_unless_a_setting_says_otherwise(
    tmp_path: Path,
) -> None:
    assert Dashboard().directory == BUILT == ROOT / "gitstudio" / "static" / "dashboard"
    assert from_env({}).dashboard_dir is None
    assert from_env({"GITSTUDIO_DASHBOARD_DIR": str(tmp_path)}).dashboard_dir == tmp_path
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"static/dashboard/*", "static/dashboard/assets/*"' in pyproject


# Once web/ is merged the package ships its build; before, there is nothing to check.
@pytest.mark.skipif(
    not (ROOT / "web" / "package.json").exists(), reason="web/ (the dashboard) not merged yet"
)
async def test_the_shipped_build_references_only_its_own_served_assets(tmp_path: Path) -> None:
    html = (BUILT / "index.html").read_text()
    urls = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert any(url.endswith(".js") for url in urls), html
    async with await client_of(BUILT, tmp_path) as http:
        for url in urls:
            if url.startswith("data:"):
                continue
            assert url.startswith("/assets/") and "//" not in url, url
            response = await http.get(url)
            assert response.status_code == 200, url
            assert response.headers["cache-control"] == IMMUTABLE
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert "style=" not in html, "inline style attribute"
