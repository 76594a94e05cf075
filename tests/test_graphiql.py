"""GraphiQL is served entirely by gitstudio: the page references no other origin and runs no
inline script (strict CSP), every asset it references is served, and (when Chromium is
installed) a real headless Chromium renders it with every other host unreachable."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest
from support import Api, start_server, stop_server

from gitstudio.graphiql import ASSETS

ATTRIBUTE = re.compile(r'\b(?:src|href)="([^"]*)"')


async def page(api: Api, path: str = "/graphql") -> tuple[str, dict[str, str]]:
    response = await api.client.get(path, headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text, dict(response.headers)


def referenced(html: str) -> list[str]:
    return [url for url in ATTRIBUTE.findall(html) if not url.startswith("data:")]


async def test_the_page_references_no_other_origin_and_no_inline_script(api: Api) -> None:
    html, headers = await page(api)
    urls = referenced(html)
    assert urls, html
    for url in urls:
        assert "//" not in url and ":" not in url, url  # relative: this server only
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    csp = {d.split()[0]: d.split()[1:] for d in headers["content-security-policy"].split("; ")}
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert headers["referrer-policy"] == "no-referrer"  # the link may carry a token


async def test_every_referenced_asset_is_served_as_vendored(api: Api) -> None:
    html, _headers = await page(api)
    kinds = {".js": "javascript", ".css": "text/css"}
    for url in referenced(html):
        response = await api.client.get(urljoin("http://testserver/graphql", url))
        assert response.status_code == 200, url
        name = url.rsplit("/", 1)[-1]
        assert response.content == (ASSETS / name).read_bytes()
        assert kinds[Path(name).suffix] in response.headers["content-type"], url
    missing = await api.client.get("/graphiql/static/nope.js")
    assert missing.status_code == 404 and missing.json()["code"] == "NOT_FOUND"


async def test_the_link_printed_at_start_opens_the_page(api: Api) -> None:
    header = quote('{"Authorization": "token dsat_x"}')
    html, _headers = await page(api, f"/graphql?headers={header}")
    assert "graphiql-init.js" in html
    # a client asking for JSON gets the API, not the page
    api_answer = await api.client.get("/graphql", headers={"Authorization": f"token {api.token}"})
    assert api_answer.status_code == 400 and "query" in api_answer.json()["errors"][0]["message"]


def test_the_readme_lists_every_vendored_file() -> None:
    readme = (ASSETS / "README.md").read_text()
    for asset in ASSETS.iterdir():
        if asset.suffix in (".js", ".css"):
            assert f"`{asset.name}`" in readme, asset.name


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


# .ci/run installs Debian's chromium: under CI=true a missing browser fails, never skips.
@pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true", reason="Chromium is not installed"
)
def test_chromium_renders_the_page_offline(tmp_path: Path) -> None:
    """Every host but the server's is unresolvable, as on a machine without internet."""
    assert CHROMIUM is not None
    server = start_server([], tmp_path)
    try:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--enable-logging=stderr",
                "--virtual-time-budget=10000",
                "--dump-dom",
                f"{server.url}/graphql",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        stop_server(server)
    dom = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    assert "graphiql-container" in dom and "graphiql-editor" in dom, dom[:2000]
    assert "Loading GraphiQL" not in dom
    assert "Refused to" not in done.stderr, [  # a CSP violation
        line for line in done.stderr.splitlines() if "Refused to" in line
    ]
