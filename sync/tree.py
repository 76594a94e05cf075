"""Read-only view of one revision's files: a Protocol and its pygit2 implementation.

Paths are POSIX, relative to the Git root, without a leading or trailing ``/``
(``""`` or ``"."`` is the root itself).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Protocol

import pygit2
from pygit2.enums import ObjectType


class Entry(NamedTuple):
    """One entry of a directory listing."""

    name: str
    is_dir: bool
    oid: str


class RevisionTree(Protocol):
    """The files of one revision."""

    def read(self, path: str) -> tuple[str, bytes] | None:
        """(blob id, content) of the file at ``path``; None if missing or not a file."""
        ...

    def blob_id(self, path: str) -> str | None:
        """The blob id of the file at ``path``; None if missing or not a file."""
        ...

    def size(self, path: str) -> int | None:
        """Bytes of the file at ``path``, known without reading it; None if not a file."""
        ...

    def is_dir(self, path: str) -> bool:
        """Whether ``path`` is a directory (the root always is)."""
        ...

    def walk_files(self, path: str) -> list[str]:
        """All file paths under the directory ``path``, recursively, sorted; [] if not a dir."""
        ...

    def tree_id(self, path: str) -> str | None:
        """The id of the directory ``path`` (a content hash); None if not a directory."""
        ...

    def listdir(self, path: str) -> list[Entry]:
        """The entries of the directory ``path``; [] if not a directory."""
        ...


@lru_cache(maxsize=16384)
def norm(path: str) -> str:
    """Normalise a relative POSIX path: no ``.``, ``..`` collapsed, no leading/trailing ``/``."""
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


@lru_cache(maxsize=16384)
def join(*parts: str) -> str:
    """Join and normalise relative POSIX paths."""
    return norm("/".join(p for p in parts if p))


class GitTree:
    """:class:`RevisionTree` over a pygit2 tree (usually ``commit.tree``)."""

    __slots__ = ("_repo", "_tree")

    def __init__(self, repo: pygit2.Repository, tree: pygit2.Tree) -> None:
        self._repo = repo
        self._tree = tree

    def _object(self, path: str) -> pygit2.Object | None:
        key = norm(path)
        if not key:
            return self._tree
        if key.startswith(".."):
            return None
        try:
            return self._tree[key]
        except (KeyError, ValueError):
            return None

    def _subtree(self, path: str) -> pygit2.Tree | None:
        obj = self._object(path)
        return obj if isinstance(obj, pygit2.Tree) else None

    def read(self, path: str) -> tuple[str, bytes] | None:
        obj = self._object(path)
        if not isinstance(obj, pygit2.Blob):
            return None
        return str(obj.id), obj.data

    def blob_id(self, path: str) -> str | None:
        obj = self._object(path)
        return str(obj.id) if isinstance(obj, pygit2.Blob) else None

    def size(self, path: str) -> int | None:
        obj = self._object(path)
        if not isinstance(obj, pygit2.Blob):
            return None
        return int(self._repo.odb.read_header(obj.id)[1])  # the header only, not the content

    def is_dir(self, path: str) -> bool:
        return self._subtree(path) is not None

    def tree_id(self, path: str) -> str | None:
        tree = self._subtree(path)
        return None if tree is None else str(tree.id)

    def listdir(self, path: str) -> list[Entry]:
        tree = self._subtree(path)
        if tree is None:
            return []
        return [_entry(obj) for obj in tree if obj.type in _LISTED]

    def walk_files(self, path: str) -> list[str]:
        tree = self._subtree(path)
        if tree is None:
            return []
        out: list[str] = []
        _walk(tree, norm(path), out)
        out.sort()
        return out


_LISTED = (ObjectType.TREE, ObjectType.BLOB)


def _entry(obj: pygit2.Object) -> Entry:
    return Entry(str(obj.name), obj.type == ObjectType.TREE, str(obj.id))


def _walk(tree: pygit2.Tree, prefix: str, out: list[str]) -> None:
    for obj in tree:
        path = f"{prefix}/{obj.name}" if prefix else str(obj.name)
        if isinstance(obj, pygit2.Tree):
            _walk(obj, path, out)
        elif obj.type == ObjectType.BLOB:
            out.append(path)
