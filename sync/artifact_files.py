"""The files of a model version: what its declaration points at, at the version's commit,
read from Git or, for DVC-tracked outputs, from the project's DVC remote (dvc's own
filesystem, so every remote type DVC supports works).

Used by ``GET /api/model-registry/get-download-uris`` and the file downloads that follow
(``dvc artifacts get``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygit2

from storage.errors import DomainError
from sync.artifacts import INDEX, tree_file

_CHUNK = 1 << 20
_MAX_FILES = 10_000
# The DVC configuration a repository carries. config.local is not meant to be committed,
# but DVC would honour one that is, so it is read too.
_DVC_CONFIGS = (".dvc/config", ".dvc/config.local")

# Checks one location a repository's DVC configuration names (a remote URL or path, an
# endpoint, a cache directory), raising DomainError when the server must not read it
# (sync.repo_policy.RepoPolicy.check_storage).
CheckStorage = Callable[[str], None]


def declared_path(mirror: Path, sha: str, name: str) -> str:
    """The path (relative to the repository root) the model ``name`` declares at ``sha``:
    the ``artifacts:`` section of ``dir/dvc.yaml`` for ``dir:name``, else the root
    ``dvc.yaml`` or ``artifacts.yaml``."""
    directory, _, short = name.rpartition(":")
    tree = _commit(mirror, sha).tree
    for file, key, section in (
        (posixpath.join(directory, "dvc.yaml"), short, "artifacts"),
        (INDEX, name, None),
    ):
        doc = _yaml(tree, file)
        entries = doc.get(section) if section and isinstance(doc, dict) else doc
        entry = entries.get(key) if isinstance(entries, dict) else None
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            base = directory if section else ""
            return posixpath.normpath(posixpath.join(base, entry["path"]))
    raise DomainError("NOT_FOUND", f"model {name} declares no path at {sha[:7]}", "name")


def list_files(mirror: Path, sha: str, path: str, check: CheckStorage | None = None) -> list[str]:
    """Files under ``path`` at ``sha`` (the file itself when it is one), repository-relative.
    ``check`` vets every DVC location before DVC may contact any (None: the operator's
    project, trusted)."""
    obj = _in_git(mirror, sha, path)
    if obj is None:
        return _dvc_files(mirror, sha, path, check)
    if isinstance(obj, pygit2.Blob):
        return [path]
    if isinstance(obj, pygit2.Tree):
        return sorted(_walk(obj, path))
    raise DomainError("NOT_FOUND", f"{path} is not a file at {sha[:7]}", "name")


def open_file(
    mirror: Path, sha: str, path: str, check: CheckStorage | None = None
) -> Iterator[bytes]:
    """The bytes of one file, in chunks (Git blob, else through DVC, as list_files)."""
    obj = _in_git(mirror, sha, path)
    if isinstance(obj, pygit2.Blob):
        data = obj.data
        return iter([data[i : i + _CHUNK] for i in range(0, len(data), _CHUNK)] or [b""])
    return _dvc_read(_dvc_fs(mirror, sha, check), path)


def _dvc_files(mirror: Path, sha: str, path: str, check: CheckStorage | None) -> list[str]:
    fs = _dvc_fs(mirror, sha, check)
    try:
        if fs.isdir(path):
            return sorted(str(p).lstrip("/") for p in fs.find(path))[:_MAX_FILES]
        if fs.isfile(path):
            return [path]
    except Exception as exc:  # dvc raises many kinds; the caller answers 404
        raise DomainError("NOT_FOUND", f"{path} is not readable at {sha[:7]}: {exc}") from exc
    raise DomainError("NOT_FOUND", f"{path} does not exist at {sha[:7]}", "name")


def _dvc_read(fs: Any, path: str) -> Iterator[bytes]:
    with fs.open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def _dvc_fs(mirror: Path, sha: str, check: CheckStorage | None) -> Any:
    """DVC's filesystem of the repository at ``sha``, built only once ``check`` passed
    every location its configuration names: the repository, not the operator, decides
    which hosts and paths DVC reads."""
    if check is not None:
        for location in dvc_locations(_commit(mirror, sha).tree):
            check(location)
    from dvc.api import DVCFileSystem  # heavy: only for DVC-tracked models

    return DVCFileSystem(url=str(mirror), rev=sha)


def dvc_locations(tree: pygit2.Tree) -> list[str]:
    """Every location the DVC configuration at ``tree`` names: each option that is a URL
    (``url``, ``endpointurl``, ...) or holds one (an Azure connection string's endpoint)
    in any section, and the cache directory. A
    configuration DVC could read but this cannot is refused, never skipped."""
    from configobj import ConfigObj, ConfigObjError  # type: ignore[import-untyped]

    found: list[str] = []
    for name in _DVC_CONFIGS:
        try:
            blob = tree[name]
        except KeyError:
            continue
        if not isinstance(blob, pygit2.Blob):
            continue
        try:
            config = ConfigObj(blob.data.decode("utf-8").splitlines(), interpolation=False)
        except (ConfigObjError, UnicodeDecodeError, SyntaxError) as exc:
            raise DomainError("FORBIDDEN_REPOSITORY", f"{name} cannot be read: {exc}") from None
        for section_name, section in config.items():
            if not isinstance(section, dict):
                continue
            for key, value in section.items():
                named = key.lower().endswith("url") or (section_name == "cache" and key == "dir")
                if named or "://" in str(value):  # an endpoint, a connection string, ...
                    found.append(str(value))
    return found


def _in_git(mirror: Path, sha: str, path: str) -> pygit2.Object | None:
    """What Git holds at ``path`` of commit ``sha`` (None: not in Git, maybe in DVC)."""
    _safe(path)
    try:
        return _commit(mirror, sha).tree[path]
    except KeyError:
        return None


def _commit(mirror: Path, sha: str) -> pygit2.Commit:
    repo = pygit2.Repository(str(mirror))
    obj = repo.get(sha)
    if not isinstance(obj, pygit2.Commit):
        raise DomainError("NOT_FOUND", f"no commit {sha} in the repository")
    return obj


def _yaml(tree: pygit2.Tree, path: str) -> Any:
    try:
        return tree_file(tree, path)
    except Exception:  # a broken file declares nothing
        return None


def _walk(tree: pygit2.Tree, prefix: str) -> Iterator[str]:
    for entry in tree:
        path = f"{prefix}/{entry.name}"
        if isinstance(entry, pygit2.Tree):
            yield from _walk(entry, path)
        elif isinstance(entry, pygit2.Blob):
            yield path


def _safe(path: str) -> None:
    if not path or path.startswith(("/", "../")) or "/../" in path or path == "..":
        raise DomainError("INVALID", f"path {path!r} leaves the repository")
