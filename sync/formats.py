"""Parse params/metrics files by suffix, as DVC does (``dvc/utils/serialize``).

``.json`` -> json, ``.toml`` -> TOML, ``.py`` -> ``ast`` (never executed), anything else
-> YAML with YAML 1.2 scalars, as ruamel's ``typ="safe"`` loader yields them (``yes`` is a
string, ``1e3`` a float, ``010`` is 10, duplicate keys are an error), using libyaml's
parser when available.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Hashable
from typing import Any

import yaml

__all__ = ["ParseError", "parse_file", "parse_json", "parse_py", "parse_toml", "parse_yaml"]


class ParseError(Exception):
    """A malformed file; ``type`` is DVC's exception class name."""

    def __init__(self, type: str, message: str) -> None:
        super().__init__(message)
        self.type = type
        self.message = message


def suffix(path: str) -> str:
    """The lower-cased suffix of the last path component, like ``PurePath.suffix``."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    if dot <= 0 or dot == len(name) - 1:
        return ""
    return name[dot:].lower()


def kind_of(path: str) -> str:
    """The parser used for ``path``: ``json``, ``toml``, ``py`` or ``yaml``."""
    return _KINDS.get(suffix(path), "yaml")


_KINDS = {".json": "json", ".toml": "toml", ".py": "py"}


def parse_file(path: str, content: bytes) -> Any:
    """Parse ``content`` of ``path`` the way DVC's ``load_path`` does; raise ParseError."""
    return parse_as(kind_of(path), path, content)


def parse_as(kind: str, path: str, content: bytes) -> Any:
    """Parse with an explicit parser kind (see :func:`kind_of`)."""
    text = _decode(path, content)
    return _PARSERS[kind](text, path)


def _decode(path: str, content: bytes) -> str:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError("EncodingError", _msg(path, "is not valid utf-8")) from None
    if "\r" in text:  # DVC reads in text mode: universal newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _msg(path: str, what: str) -> str:
    return f"unable to read: '{path}', {what}"


def parse_json(text: str, path: str) -> Any:
    try:
        return json.loads(text) or {}
    except json.JSONDecodeError:
        raise ParseError(
            "JSONFileCorruptedError", _msg(path, "JSON file structure is corrupted")
        ) from None


def parse_toml(text: str, path: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise ParseError(
            "TOMLFileCorruptedError", _msg(path, "TOML file structure is corrupted")
        ) from None


# --- YAML ------------------------------------------------------------------------------

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_RESOLVERS: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "tag:yaml.org,2002:float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        "tag:yaml.org,2002:int",
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        "-+0123456789",
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    (
        "tag:yaml.org,2002:timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[\ \t]+)[0-9][0-9]?
        :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
]


class _Yaml12Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """libyaml parser + YAML 1.2 core-schema scalars, as ruamel's safe loader."""

    yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        return _yaml12_int(str(self.construct_scalar(node)))

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        value = str(self.construct_scalar(node)).replace("_", "").lower()
        sign = -1.0 if value.startswith("-") else 1.0
        value = value.lstrip("+-")
        if value == ".inf":
            return sign * float("inf")
        if value == ".nan":
            return float("nan")
        return sign * float(value)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
            if isinstance(key, Hashable):
                seen.add(key)
        return dict(super().construct_mapping(node, deep=deep))


def _yaml12_int(raw: str) -> int:
    value = raw.replace("_", "")
    sign = -1 if value.startswith("-") else 1
    value = value.lstrip("+-")
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if value.startswith(prefix):
            return sign * int(value[2:], base)
    return sign * int(value)


def _install_resolvers() -> None:
    for tag, pattern, first in _RESOLVERS:
        regexp = re.compile(pattern, re.X)
        for char in [*first, ""] if tag.endswith(":null") else first:
            _Yaml12Loader.yaml_implicit_resolvers.setdefault(char, []).append((tag, regexp))
    _Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _Yaml12Loader.construct_yaml_int)
    _Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _Yaml12Loader.construct_yaml_float)


_install_resolvers()


def parse_yaml(text: str, path: str) -> Any:
    try:
        return yaml.load(text, Loader=_Yaml12Loader) or {}  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        raise ParseError(
            "YAMLFileCorruptedError", _msg(path, "YAML file structure is corrupted")
        ) from None


# --- Python (dvc/utils/serialize/_py.py) -------------------------------------------------


def parse_py(text: str, path: str) -> Any:
    """Module-level literal assignments, classes as dicts, ``self.x`` in ``__init__``."""
    try:
        tree = ast.parse(text, filename=path)
    except (SyntaxError, ValueError):
        raise ParseError(
            "PythonFileCorruptedError", _msg(path, "Python file structure is corrupted")
        ) from None
    return _ast_body(tree.body, only_self=False)


def _ast_body(body: list[ast.stmt], only_self: bool) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for node in body:
        try:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                result.update(_ast_assign(node, only_self))
            elif isinstance(node, ast.ClassDef):
                result[node.name] = _ast_body(node.body, only_self=False)
            elif isinstance(node, ast.FunctionDef) and node.name == "__init__":
                result.update(_ast_body(node.body, only_self=True))
        except (ValueError, AttributeError, TypeError, SyntaxError, RecursionError):
            continue
    return result


def _ast_assign(node: ast.Assign | ast.AnnAssign, only_self: bool) -> dict[str, Any]:
    if isinstance(node, ast.AnnAssign):
        target: ast.expr = node.target
    elif len(node.targets) == 1:
        target = node.targets[0]
    else:
        raise AttributeError
    name = _ast_name(target, only_self)
    if node.value is None:  # `x: int` without a value
        raise ValueError
    return {name: _ast_value(node.value)}


def _ast_value(value: ast.expr) -> Any:
    if isinstance(value, ast.Dict):
        return {
            ast.literal_eval(k) if k is not None else _raise(): ast.literal_eval(v)
            for k, v in zip(value.keys, value.values, strict=True)
        }
    if isinstance(value, ast.List):
        return [ast.literal_eval(v) for v in value.elts]
    if isinstance(value, ast.Set):
        return {ast.literal_eval(v) for v in value.elts}
    if isinstance(value, ast.Tuple):
        return tuple(ast.literal_eval(v) for v in value.elts)
    return ast.literal_eval(value)


def _raise() -> Any:
    raise ValueError


def _ast_name(target: ast.expr, only_self: bool) -> str:
    if isinstance(target, ast.Name) and not only_self:
        return target.id
    if (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    ):
        return target.attr
    raise AttributeError


_PARSERS = {"json": parse_json, "toml": parse_toml, "py": parse_py, "yaml": parse_yaml}
