"""The files of a model version: what its declaration points at, at the version's commit,
read from Git or, for DVC-tracked outputs, from the project's DVC remote (dvc's own
filesystem, so every remote type DVC supports works).

Used by ``GET /api/model-registry/get-download-uris`` and the file downloads that follow
(``dvc artifacts get``).
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygit2

from storage.errors import DomainError
from sync.artifacts import INDEX, tree_file
from sync.formats import parse_as
from sync.repo_policy import FORBIDDEN

log = logging.getLogger(__name__)

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
        raise _unreadable(f"{path} is not readable at {sha[:7]}", exc) from exc
    raise DomainError("NOT_FOUND", f"{path} does not exist at {sha[:7]}", "name")


def _unreadable(what: str, exc: Exception) -> DomainError:
    """DVC's own words stay in the log: they can name remote URLs, credentials files and
    the server's paths, none of them the caller's business."""
    log.info("%s: %s: %s", what, type(exc).__name__, exc)
    return DomainError("NOT_FOUND", what)


def _dvc_read(fs: Any, path: str) -> Iterator[bytes]:
    try:
        opened = fs.open(path, "rb")
    except Exception as exc:  # dvc raises many kinds (config, missing bytes): a 404
        raise _unreadable(f"{path} is not readable", exc) from exc
    with opened as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def _dvc_fs(mirror: Path, sha: str, check: CheckStorage | None) -> Any:
    """DVC's filesystem of the repository at ``sha``, built only once ``check`` passed
    every location its configuration names and no stage imports data: the repository, not
    the operator, decides which hosts and paths DVC reads."""
    if check is not None:
        tree = _commit(mirror, sha).tree
        for location in dvc_locations(tree):
            check(location)
        _refuse_imports(tree, "")
    from dvc.api import DVCFileSystem  # heavy: only for DVC-tracked models

    return DVCFileSystem(url=str(mirror), rev=sha)


def _refuse_imports(tree: pygit2.Tree, prefix: str) -> None:
    """Refuse a ``.dvc`` file of ``tree`` that imports data (``dvc import-url``, ``dvc
    import``: dependencies and no command). DVC reads an import's output from its
    dependency - any local path, URL or other repository, none of it in ``.dvc/config`` -
    and merely loading such a stage makes DVC set up that source, so the files are read
    from Git here, before DVC is built. Stricter than DVC's own test (one dependency, one
    output): any dependency without a command. dvc.yaml stages always have a command."""
    for entry in tree:
        path = f"{prefix}{entry.name}"
        if isinstance(entry, pygit2.Tree):
            _refuse_imports(entry, f"{path}/")
        elif isinstance(entry, pygit2.Blob) and path.endswith(".dvc"):
            try:
                stage = parse_as("yaml", path, entry.data)
            except Exception as exc:  # what cannot be vetted is not read
                raise DomainError(FORBIDDEN, f"{path} cannot be read: {exc}") from None
            if isinstance(stage, dict) and stage.get("deps") and not stage.get("cmd"):
                raise DomainError(
                    FORBIDDEN,
                    f"{path} imports data (dvc import / import-url) from a location outside"
                    " the repository's DVC remotes; imports are not read for projects added"
                    " through the API",
                )


# Options DVC reads a local path from (a cache or state directory, a key, credentials or
# certificate file, ssl_verify's CA bundle) end in one of these; "profile" is a name.
_PATH_KEYS = ("dir", "path", "file")
_NOT_PATHS = frozenset({"profile"})
# Sections for commands the server never runs (experiments, plots, Studio, machines):
# their paths (hydra's config_dir, ...) are not read when serving files.
_COMMAND_SECTIONS = frozenset({"exp", "hydra", "plots", "studio", "machine", "parsing"})
_BOOLEANS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


def dvc_locations(tree: pygit2.Tree) -> list[str]:
    """Every location the DVC configuration at ``tree`` names: each option that is a URL
    (``url``, ``endpointurl``, ...) or holds one (an Azure connection string's endpoint)
    in any section, and each option holding a local path (directories, key and credential
    files, ssl_verify's bundle). ``site_cache_dir`` is refused: DVC writes there. A
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
            raise DomainError(FORBIDDEN, f"{name} cannot be read: {exc!r}") from None
        for section_name, section in config.items():
            if isinstance(section, dict):
                found.extend(section_locations(name, str(section_name), section))
    return found


def section_locations(config: str, section_name: str, section: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key, raw in section.items():
        value, lowered = str(raw), str(key).lower()
        if lowered == "site_cache_dir":
            # DVC creates directories and a database there: a write, never the repository's.
            raise DomainError(
                FORBIDDEN, f"{config} sets {section_name}.{key}, which the server does not honour"
            )
        # a URL, an option holding one (an endpoint, a connection string), a local path
        if lowered.endswith("url") or "://" in value or _is_path(section_name, lowered, value):
            found.append(value)
    return found


def _is_path(section_name: str, key: str, value: str) -> bool:
    if section_name.lower() in _COMMAND_SECTIONS:
        return False
    if key == "ssl_verify":
        return value.strip().lower() not in _BOOLEANS
    return key.endswith(_PATH_KEYS) and key not in _NOT_PATHS


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
