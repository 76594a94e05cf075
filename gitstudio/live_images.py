"""Images logged with DVCLive's ``log_image``, stored under the data directory by their
sha256 digest (never by a client-controlled path); identical images are stored once.

Also how every image the server serves is answered (here and gitstudio/plot_images.py):
its content type sniffed from its bytes, never taken from a name, and headers that keep a
browser from running it or guessing another type, with its content hash as ETag.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import time
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from gitstudio.rest import bad
from storage.live import ImageRow, image_file

# Bytes sniff_image looks at: enough for an SVG's XML declaration, comments and DOCTYPE.
SNIFF_BYTES = 1024
SVG = "image/svg+xml"
# Every image is answered under this policy: an SVG opened as a page runs no script, loads
# nothing and is a sandboxed (unique, opaque) origin; its inline styles still apply.
IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# Content-addressed URLs (a Git blob id in the path) never change what they answer.
IMMUTABLE = "private, max-age=31536000, immutable"


class ImageStore:
    """Image bytes under ``root``, in directories by the first two hex digits."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return image_file(self.root, digest)

    def put(self, items: list[tuple[str, int, str]]) -> list[ImageRow]:
        """Decode base64 ``(path, step, data)`` items and store them; runs in a thread.
        Every item is decoded before any is written: a bad one stores nothing."""
        decoded = []
        for path, step, data in items:
            try:
                decoded.append((path, step, base64.b64decode(data, validate=True)))
            except (binascii.Error, ValueError):
                raise bad(f"plots[{path!r}].image is not valid base64") from None
        rows = []
        for path, step, content in decoded:
            digest = hashlib.sha256(content).hexdigest()
            target = self.path(digest)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{digest}.{os.getpid()}.{time.monotonic_ns()}")
                tmp.write_bytes(content)
                tmp.replace(target)
            rows.append(ImageRow(path, step, digest, len(content)))
        return rows

    def open(self, digest: str) -> tuple[Path, str] | None:
        target = self.path(digest)
        try:
            with target.open("rb") as f:
                head = f.read(SNIFF_BYTES)
        except OSError:
            return None
        return target, sniff_image(head)


def sniff_image(head: bytes) -> str:
    """Content type from the first bytes (SNIFF_BYTES are looked at): PNG, JPEG, GIF, WebP,
    BMP, and SVG (an XML document whose root element is ``svg``); anything else is
    ``application/octet-stream``."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"BM"):
        return "image/bmp"
    if _SVG_ROOT.match(head[:SNIFF_BYTES]):
        return SVG
    return "application/octet-stream"


# An optional BOM, then XML's prolog (whitespace, declaration, processing instructions,
# comments, DOCTYPE), then the root element: svg. An HTML page holding an <svg> is not one.
# One character of whitespace per repetition: no nested quantifier to backtrack through.
_SVG_ROOT = re.compile(
    rb"(?:\xef\xbb\xbf)?"
    rb"(?:\s|<\?[^>]*\?>|<!--(?:(?!-->).)*-->|<!DOCTYPE\s+svg[^>\[]*(?:\[[^\]]*\])?\s*>)*"
    rb"<svg[\s>/]",
    re.DOTALL,
)


def image_response(
    request: Request,
    content: bytes | Path,
    media_type: str,
    etag: str,
    cache_control: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """An image (its bytes, or the file holding them) whose content hash is ``etag``: 304
    when the client holds it already (If-None-Match), else the bytes; either way with the
    ETag, ``cache_control`` and headers that keep a browser from running it or sniffing
    another type."""
    sent = {
        "ETag": f'"{etag}"',
        "Cache-Control": cache_control,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": IMAGE_CSP,
        **(headers or {}),
    }
    if _holds(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=sent)
    if isinstance(content, Path):
        return FileResponse(content, media_type=media_type, headers=sent)
    return Response(content, media_type=media_type, headers=sent)


def _holds(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names ``etag`` (weakly, as RFC 9110 compares it)."""
    if not if_none_match:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or f'"{etag}"' in tags
