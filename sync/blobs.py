"""One Git blob of a project's mirror by its id, bounded in size: what
``GET /api/projects/{id}/blobs/{blob_id}/{name}`` serves (plot images committed to Git).

The size comes from the object's header (a packed object's header is read without
inflating its content), so a blob over the bound is refused before a byte of it is read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pygit2
from pygit2.enums import ObjectType

from sync.git import open_local

_BLOB_ID = re.compile(r"[0-9a-f]{40}")


class BlobTooLarge(Exception):
    """The blob holds more than the bound: ``size`` bytes, ``limit`` allowed."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the blob holds {size} bytes, over the bound of {limit}")
        self.size = size
        self.limit = limit


def is_blob_id(text: str) -> bool:
    """Whether ``text`` is a (SHA-1) object id as Git writes it: 40 lower-case hex digits."""
    return _BLOB_ID.fullmatch(text) is not None


def read_blob(mirror: Path, blob_id: str, max_bytes: int) -> bytes | None:
    """The content of blob ``blob_id`` in the repository at ``mirror`` (its alternates
    included); None when the id is malformed, the repository or object is missing, or the
    object is not a blob; BlobTooLarge past ``max_bytes``. Blocks: run it in a thread."""
    if not is_blob_id(blob_id):
        return None
    oid = pygit2.Oid(hex=blob_id)
    try:
        odb = open_local(mirror).odb
        kind, size = odb.read_header(oid)
        if kind != ObjectType.BLOB:
            return None
        if size > max_bytes:
            raise BlobTooLarge(size, max_bytes)
        _kind, data = odb.read(oid)
    except pygit2.GitError:  # no mirror (never synced), no such object (NotFoundError)
        return None
    return data
