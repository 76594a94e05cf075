"""The server's own small HTML pages (sign-in, device login): self-contained, inline style,
no script, never framed or cached."""

from __future__ import annotations

import html

from starlette.responses import HTMLResponse

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
    "color:#222}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;"
    "margin:.2rem 0 1rem}button{font:inherit;padding:.5rem 1.2rem;margin-right:.5rem}"
    "code{background:#eee;padding:0 .3rem}.note{color:#555;font-size:.9rem}.error{color:#a00}"
)
# Referrer-Policy same-origin, not no-referrer: a browser sends ``Origin: null`` with a
# form POST from a no-referrer page (Fetch's "append a request Origin header"), and the
# login, logout and device-approval forms are refused as cross-site without their origin
# (gitstudio.sessions.SessionPolicy.same_origin). Other sites still get no Referer.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    """A page titled ``title`` around ``body`` (HTML the caller escaped)."""
    document = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} - gitstudio</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(document, status_code=status, headers=HEADERS)
