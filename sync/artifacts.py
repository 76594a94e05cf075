"""Artifacts declared at the head of the default branch: GTO's ``artifacts.yaml`` index,
the ``artifacts:`` sections of every ``dvc.yaml``, and the stage allow-list of ``.gto``.

GTO reads only ``artifacts.yaml`` (and lists its entries as models even before a version is
registered); DVC and Studio read ``dvc.yaml`` sections, whose names are prefixed with the
``dvc.yaml``'s directory (``path/to:name``). Both describe a model (path, type,
description, labels); tags then give it versions and stages (sync.registry).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pygit2

from sync.formats import parse_file
from sync.registry import FULLNAME_RE, NAME_RE

INDEX = "artifacts.yaml"
CONFIG = ".gto"
_SKIP_DIRS = {".git", ".dvc", "node_modules"}
_MAX_DVC_YAMLS = 500  # a monorepo bigger than that is read partially, never slowly


@dataclass(frozen=True, slots=True)
class Declared:
    name: str  # full name: ``dir:name`` for a dvc.yaml below the root
    source: str  # "artifacts.yaml" or the dvc.yaml path
    path: str | None = None
    type: str | None = None
    description: str = ""
    labels: tuple[str, ...] = ()


@dataclass(slots=True)
class Declarations:
    head: str | None = None  # the commit they were read at
    index: list[str] = field(default_factory=list)  # artifacts.yaml names, in file order
    artifacts: dict[str, Declared] = field(default_factory=dict)
    stages: list[str] | None = None  # `.gto` stages, when set
    errors: list[str] = field(default_factory=list)  # files that did not parse

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["artifacts"] = {k: asdict(v) for k, v in self.artifacts.items()}
        return out

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Declarations:
        artifacts = {
            k: Declared(**{**v, "labels": tuple(v.get("labels") or ())})
            for k, v in doc.get("artifacts", {}).items()
        }
        return cls(
            doc.get("head"),
            list(doc.get("index", [])),
            artifacts,
            doc.get("stages"),
            list(doc.get("errors", [])),
        )


def read_declarations(repo: pygit2.Repository, commit: pygit2.Commit) -> Declarations:
    out = Declarations(head=str(commit.id))
    tree = commit.tree
    _read_index(_load(tree, INDEX, out), out)
    out.stages = gto_stages(_load(tree, CONFIG, out))
    for path in _dvc_yamls(repo, tree, ""):
        _read_dvc_yaml(path, _load(tree, path, out), out)
    return out


def gto_stages(config: Any) -> list[str] | None:
    """The stage allow-list of a parsed `.gto`, when it sets one."""
    stages = config.get("stages") if isinstance(config, dict) else None
    return [str(s) for s in stages] if isinstance(stages, list) else None


def tree_file(tree: pygit2.Tree, path: str) -> Any:
    """The parsed YAML/JSON/TOML file at ``path`` of ``tree``; None when there is none.
    Raises when the file does not parse."""
    try:
        obj = tree[path]
    except KeyError:
        return None
    return parse_file(path, obj.data) if isinstance(obj, pygit2.Blob) else None


def _load(tree: pygit2.Tree, path: str, out: Declarations) -> Any:
    try:
        return tree_file(tree, path)
    except Exception as exc:  # a broken file declares nothing; say which
        out.errors.append(f"{path}: {exc}")
        return None


def _read_index(doc: Any, out: Declarations) -> None:
    if not isinstance(doc, dict):
        return
    for name, entry in doc.items():
        if not isinstance(name, str) or not NAME_RE.match(name):
            continue
        entry = entry if isinstance(entry, dict) else {}
        out.index.append(name)
        out.artifacts[name] = Declared(
            name,
            INDEX,
            _str(entry.get("path")),
            _str(entry.get("type")),
            str(entry.get("description") or ""),
            _labels(entry.get("labels")),
        )


def _read_dvc_yaml(path: str, doc: Any, out: Declarations) -> None:
    section = doc.get("artifacts") if isinstance(doc, dict) else None
    if not isinstance(section, dict):
        return
    directory = path.rpartition("/")[0]
    for name, entry in section.items():
        full = f"{directory}:{name}" if directory else str(name)
        if not FULLNAME_RE.match(full) or full in out.artifacts:
            continue
        entry = entry if isinstance(entry, dict) else {}
        out.artifacts[full] = Declared(
            full,
            path,
            _str(entry.get("path")),
            _str(entry.get("type")),
            str(entry.get("desc") or ""),
            _labels(entry.get("labels")),
        )


def _dvc_yamls(repo: pygit2.Repository, tree: pygit2.Tree, prefix: str) -> list[str]:
    found: list[str] = []
    pending: list[tuple[str, pygit2.Tree]] = [(prefix, tree)]
    while pending and len(found) < _MAX_DVC_YAMLS:
        base, current = pending.pop()
        for entry in current:
            name = entry.name or ""
            path = f"{base}/{name}" if base else name
            if entry.type_str == "tree" and name not in _SKIP_DIRS:
                sub = repo[entry.id]
                if isinstance(sub, pygit2.Tree):
                    pending.append((path, sub))
            elif name == "dvc.yaml" and entry.type_str == "blob":
                found.append(path)
    return sorted(found)


def _str(value: Any) -> str | None:
    return str(value) if value is not None else None


def _labels(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
