"""Flattening params/metrics documents into typed cells (column -> value).

A column is identified by its kind (``param`` or ``metric``), the file it comes from and the
dotted path inside it, as DVC flattens them for ``exp show``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple


class CellValue(NamedTuple):
    kind: str
    file: str
    path: str
    vtype: str
    num: float | None
    text: str | None


def column_key(kind: str, file: str, path: str) -> str:
    """The public column id, e.g. ``metric:metrics.json:train.loss``."""
    return f"{kind}:{file}:{path}"


def split_column_key(key: str) -> tuple[str, str, str]:
    kind, sep, rest = key.partition(":")
    if not sep or kind not in ("param", "metric"):
        raise ValueError(
            f"column id must look like 'param:FILE:PATH' or 'metric:FILE:PATH': {key!r}"
        )
    # File names rarely contain ':', dotted paths never do: split on the last one.
    file, sep, path = rest.rpartition(":")
    if not sep or not file or not path:
        raise ValueError(f"column id must look like 'param:FILE:PATH': {key!r}")
    return kind, file, path


def typed(value: Any) -> tuple[str, float | None, str | None]:
    if isinstance(value, bool):
        return "bool", float(value), None
    if isinstance(value, int | float):
        return "number", float(value), None
    if value is None:
        return "null", None, None
    if isinstance(value, str):
        return "string", None, value
    return "json", None, repr(value)


def leaves(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            yield from leaves(f"{prefix}.{key}" if prefix else str(key), sub)
    elif prefix:
        yield prefix, value


def flatten(kind: str, document: dict[str, Any]) -> list[CellValue]:
    cells = []
    for file, data in document.items():
        for path, value in leaves("", data):
            vtype, num, text = typed(value)
            cells.append(CellValue(kind, file, path, vtype, num, text))
    return cells


def lookup(document: dict[str, Any], file: str, path: str) -> Any:
    """The value at ``path`` inside ``document[file]``, or None."""
    node: Any = document.get(file)
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node
