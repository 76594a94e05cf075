"""Changing hyperparameters in params files the way a person would: only the values asked
for change; YAML keeps its comments, key order, quotes and layout (ruamel.yaml round
trip), TOML its comments and layout (tomlkit), JSON its key order and indentation.

A change names a file, a dotted path (``model.depth``; list items by index, ``layers.0``)
and a value. A path that does not exist is refused unless the change says it is new, and a
value must keep the type it replaces (an int may become a float) unless the change allows
another type: a typo must not silently add a parameter nobody reads. Python params files
(``params.py``) are read by DVC but not edited here. Errors are DomainErrors with code
INVALID or NOT_FOUND and the field ``paramChanges``.

This is the first part of running experiments from the API (issue "Writing to Git").
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import tomlkit
from ruamel.yaml import YAML

from storage.errors import DomainError

FIELD = "paramChanges"


@dataclass(frozen=True, slots=True)
class ParamChange:
    file: str
    path: str
    value: Any
    new: bool = False  # the key may not exist yet
    retype: bool = False  # the value may change type


def edit(file: str, content: bytes, changes: Sequence[ParamChange]) -> bytes:
    """``content`` of ``file`` with ``changes`` (all for this file) applied."""
    kind = file.rsplit(".", 1)[-1].lower() if "." in file else ""
    if kind in ("yaml", "yml"):
        return _edit_yaml(content, changes)
    if kind == "json":
        return _edit_json(content, changes)
    if kind == "toml":
        return _edit_toml(content, changes)
    raise DomainError(
        "INVALID", f"{file}: only YAML, JSON and TOML params files can be edited", FIELD
    )


def _edit_yaml(content: bytes, changes: Sequence[ParamChange]) -> bytes:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long lines
    document = yaml.load(content.decode("utf-8")) if content.strip() else {}
    for change in changes:
        _set(document, change)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue().encode("utf-8")


def _edit_json(content: bytes, changes: Sequence[ParamChange]) -> bytes:
    text = content.decode("utf-8")
    document = json.loads(text) if text.strip() else {}
    for change in changes:
        _set(document, change)
    indent = _json_indent(text)
    body = json.dumps(document, indent=indent, ensure_ascii=False)
    return (body + ("\n" if text.endswith("\n") else "")).encode("utf-8")


def _edit_toml(content: bytes, changes: Sequence[ParamChange]) -> bytes:
    document = tomlkit.parse(content.decode("utf-8"))
    for change in changes:
        _set(document, change)
    return tomlkit.dumps(document).encode("utf-8")


def _json_indent(text: str) -> int | None:
    match = re.search(r"\n( +)\S", text)
    return len(match.group(1)) if match else None


def _set(document: Any, change: ParamChange) -> None:
    keys = [k for k in change.path.split(".") if k != ""]
    if not keys:
        raise DomainError("INVALID", f"{change.file}: empty parameter path", FIELD)
    parent = document
    for depth, key in enumerate(keys[:-1]):
        parent = _child(parent, key, change, ".".join(keys[: depth + 1]))
    _assign(parent, keys[-1], change)


def _child(node: Any, key: str, change: ParamChange, where: str) -> Any:
    if isinstance(node, list):
        index = _index(node, key, change, where)
        return node[index]
    if isinstance(node, dict):
        if key not in node:
            if not change.new:
                raise _missing(change, where)
            node[key] = {}
        return node[key]
    raise DomainError("INVALID", f"{change.file}: {where} is not a mapping or a list", FIELD)


def _assign(node: Any, key: str, change: ParamChange) -> None:
    if isinstance(node, list):
        index = _index(node, key, change, change.path)
        _check_type(node[index], change)
        node[index] = change.value
        return
    if not isinstance(node, dict):
        raise DomainError("INVALID", f"{change.file}: {change.path} has no parent mapping", FIELD)
    if key in node:
        _check_type(node[key], change)
    elif not change.new:
        raise _missing(change, change.path)
    node[key] = change.value


def _index(node: list[Any], key: str, change: ParamChange, where: str) -> int:
    if not key.isdigit() or int(key) >= len(node):
        raise DomainError(
            "NOT_FOUND", f"{change.file}: {where} is not an index of a {len(node)}-item list", FIELD
        )
    return int(key)


def _check_type(old: Any, change: ParamChange) -> None:
    if change.retype or old is None:
        return
    new = change.value
    if isinstance(old, bool) or isinstance(new, bool):
        same = isinstance(old, bool) and isinstance(new, bool)
    elif isinstance(old, float):
        same = isinstance(new, int | float)
    elif isinstance(old, int):
        same = isinstance(new, int)
    elif isinstance(old, str):
        same = isinstance(new, str)
    elif isinstance(old, list):
        same = isinstance(new, list)
    elif isinstance(old, dict):
        same = isinstance(new, dict)
    else:
        same = True
    if not same:
        raise DomainError(
            "INVALID",
            f"{change.file}: {change.path} is a {type(old).__name__}, not a "
            f"{type(new).__name__} (allow the type change to write it anyway)",
            FIELD,
        )


def _missing(change: ParamChange, where: str) -> DomainError:
    return DomainError(
        "NOT_FOUND",
        f"{change.file}: no parameter {where} (mark the change as new to add it)",
        FIELD,
    )
