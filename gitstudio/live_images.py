"""Images logged with DVCLive's ``log_image``, stored under the data directory by their
sha256 digest (never by a client-controlled path); identical images are stored once."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import time
from pathlib import Path

from gitstudio.rest import bad
from storage.live import ImageRow


class ImageStore:
    """Image bytes under ``root``, in directories by the first two hex digits."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

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
                head = f.read(16)
        except OSError:
            return None
        return target, sniff_image(head)


def sniff_image(head: bytes) -> str:
    """Content type from magic bytes: only raster formats are served as images."""
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
    return "application/octet-stream"
