"""GraphiQL, served entirely by gitstudio: ``GET /graphql`` from a browser (HTML asked, no
query) gets the page, its scripts and styles come from ``/graphiql/static/`` (vendored in
gitstudio/static/graphiql, see the README there), so the link ``gitstudio serve`` prints
works on a machine without internet. A strict Content-Security-Policy lets the page load
nothing from another origin and run no inline script.
"""

from __future__ import annotations

from pathlib import Path

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

ASSETS = Path(__file__).resolve().parent / "static" / "graphiql"
STATIC_PATH = "/graphiql/static"

# Inline styles stay allowed: GraphiQL's dialogs insert <style> elements at run time.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

_SCRIPTS = (
    "react.production.min.js",
    "react-dom.production.min.js",
    "graphiql.min.js",
    "graphiql-init.js",
)
_STYLES = ("graphiql.min.css", "gitstudio.css")


def _page() -> bytes:
    # relative URLs: right under any mount prefix (the page is /graphql, assets /graphiql/...)
    static = STATIC_PATH.lstrip("/")
    styles = "".join(f'<link rel="stylesheet" href="{static}/{name}">' for name in _STYLES)
    scripts = "".join(f'<script src="{static}/{name}"></script>' for name in _SCRIPTS)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>GraphiQL - gitstudio</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,">{styles}</head>'
        f'<body><div id="graphiql">Loading GraphiQL...</div>{scripts}</body></html>'
    ).encode()


PAGE = _page()
_HEADERS = [
    (b"content-type", b"text/html; charset=utf-8"),
    (b"content-length", str(len(PAGE)).encode()),
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-cache"),
]


async def graphiql_page(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": _HEADERS})
    await send({"type": "http.response.body", "body": PAGE})


def graphiql_routes() -> list[Mount]:
    return [Mount(STATIC_PATH, StaticFiles(directory=ASSETS), name="graphiql-static")]
