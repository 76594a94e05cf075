"""Read-only view of one revision's files: a Protocol and its pygit2 implementation.

Paths are POSIX, relative to the Git root, without a leading or trailing ``/``
(``""`` or ``"."`` is the root itself).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
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

    def size_at_most(self, path: str) -> int | None:
        """At least the bytes of the file at ``path`` (its :meth:`size` where nothing
        cheaper tells), known without reading it; None if not a file."""
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


class LooseObjects:
    """The directories of a repository's loose objects (its own, then its alternates'), to
    bound a loose object's content by the size of its file: zlib inflates at most 1032
    times, so a file of ``n`` bytes holds at most ``1032 * n``. One ``stat`` instead of
    opening the object and inflating its header, which for a file read next anyway (the
    parse of a small params file) is most of what reading it costs."""

    __slots__ = ("dirs",)

    def __init__(self, repo: pygit2.Repository) -> None:
        # Directories holding no loose object now are left out (a mirror of a repository on
        # this machine borrows all its objects): one failed stat less per object. An object
        # written there later is not found, and its header is read instead.
        dirs = _object_dirs(Path(repo.path) / "objects", _MAX_ALTERNATES)
        self.dirs = [d for d in dirs if _has_loose(d)]

    def size_at_most(self, oid: str) -> int | None:
        """At least the content bytes of the loose object ``oid``; None if not loose."""
        for directory in self.dirs:
            try:
                return os.stat(f"{directory}/{oid[:2]}/{oid[2:]}").st_size * _MAX_INFLATE
            except OSError:
                continue
        return None


_MAX_INFLATE = 1032  # deflate's largest ratio: a 258-byte match in two bits
_MAX_ALTERNATES = 5  # alternates of alternates followed, as git does


def _has_loose(objects: str) -> bool:
    """Whether ``objects`` has a fan-out directory (``ab/``), which loose objects live in."""
    try:
        with os.scandir(objects) as entries:
            return any(len(e.name) == 2 and e.is_dir() for e in entries)
    except OSError:
        return False


def _object_dirs(objects: Path, depth: int) -> list[str]:
    dirs = [str(objects)]
    try:
        lines = (objects / "info" / "alternates").read_text().splitlines()
    except (OSError, UnicodeDecodeError):
        return dirs
    for line in lines:
        if depth > 0 and line.strip() and not line.startswith("#"):
            dirs += _object_dirs((objects / line.strip()).resolve(), depth - 1)
    return dirs


class GitTree:
    """:class:`RevisionTree` over a pygit2 tree (usually ``commit.tree``). ``loose``: the
    repository's loose objects, which bound a file's size without reading it."""

    __slots__ = ("_last", "_loose", "_repo", "_tree")

    def __init__(
        self, repo: pygit2.Repository, tree: pygit2.Tree, loose: LooseObjects | None = None
    ) -> None:
        self._repo = repo
        self._tree = tree
        self._loose = loose
        # The last path looked up: a file is often asked its id, size and content in turn.
        self._last: tuple[str, pygit2.Object | None] = ("", tree)

    def _object(self, path: str) -> pygit2.Object | None:
        if path == self._last[0]:
            return self._last[1]
        key = norm(path)
        if not key:
            found: pygit2.Object | None = self._tree
        elif key.startswith(".."):
            found = None
        else:
            try:
                found = self._tree[key]
            except (KeyError, ValueError):
                found = None
        self._last = (path, found)
        return found

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

    def size_at_most(self, path: str) -> int | None:
        obj = self._object(path)
        if not isinstance(obj, pygit2.Blob):
            return None
        bound = None if self._loose is None else self._loose.size_at_most(str(obj.id))
        return int(self._repo.odb.read_header(obj.id)[1]) if bound is None else bound

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


def commit_trees(repo: pygit2.Repository, shas: Iterable[str]) -> Iterator[tuple[str, GitTree]]:
    """The tree of each commit of ``shas`` the repository has (once each; others skipped)."""
    for sha in dict.fromkeys(shas):
        try:
            commit = repo[sha]
        except (KeyError, ValueError):
            continue
        if isinstance(commit, pygit2.Commit):
            yield sha, GitTree(repo, commit.tree)
