"""Parse params/metrics files by suffix, as DVC does (``dvc/utils/serialize``).

``.json`` -> json, ``.toml`` -> TOML, ``.py`` -> ``ast`` (never executed), anything else
-> YAML with YAML 1.2 scalars, as ruamel's ``typ="safe"`` loader yields them (``yes`` is a
string, ``1e3`` a float, ``010`` is 10, duplicate keys are an error), using libyaml's
parser when available. Plain block YAML (dvc.lock, dumped params) takes a line-based fast
path with the same results (:func:`_fast_yaml`); anything else goes to the full loader.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Hashable
from functools import lru_cache
from typing import Any

import yaml

__all__ = [
    "ParseError",
    "parse_as",
    "parse_as_plain",
    "parse_file",
    "parse_json",
    "parse_py",
    "parse_toml",
    "parse_yaml",
]


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


@lru_cache(maxsize=4096)
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


def parse_as_plain(kind: str, path: str, content: bytes) -> tuple[Any, bool]:
    """:func:`parse_as`, and whether the value is known to hold JSON types only (string
    keys; no dates, tuples or sets), i.e. needs no conversion before it is reported."""
    text = _decode(path, content)
    if kind == "yaml":
        return _parse_yaml(text, path)
    return _PARSERS[kind](text, path), kind == "json"


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
        return _yaml12_float(str(self.construct_scalar(node)))

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


def _yaml12_float(raw: str) -> float:
    value = raw.replace("_", "").lower()
    sign = -1.0 if value.startswith("-") else 1.0
    value = value.lstrip("+-")
    if value == ".inf":
        return sign * float("inf")
    if value == ".nan":
        return float("nan")
    return sign * float(value)


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
    return _parse_yaml(text, path)[0]


def _parse_yaml(text: str, path: str) -> tuple[Any, bool]:
    """The document, and whether the fast path (JSON types only) read it."""
    try:
        return _fast_yaml(text) or {}, True
    except (_Unsupported, RecursionError):
        pass
    try:
        return yaml.load(text, Loader=_Yaml12Loader) or {}, False  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        raise ParseError(
            "YAMLFileCorruptedError", _msg(path, "YAML file structure is corrupted")
        ) from None


# --- a fast path for plain block YAML ----------------------------------------------------
#
# Machine-written files (dvc.lock, yaml.dump output) use a small block-style subset of YAML:
# ``key: scalar``, ``key:`` + nested block, ``- item``, plain or simply quoted scalars, ``{}``
# and ``[]``. :func:`_fast_yaml` reads that subset line by line and gives exactly what the
# full loader gives; anything outside it (flow collections, anchors, tags, block scalars,
# multi-line scalars, escapes, comments after values, tabs, dates...) raises _Unsupported
# and the full loader runs instead, so errors and odd cases stay the full loader's.


class _Unsupported(Exception):
    """Not in the fast path's subset: use the full loader."""


# Characters libyaml rejects or treats specially (tabs, control characters, NEL, line and
# paragraph separators, BOM, non-characters); \r is gone already (universal newlines).
_ODD_CHARS = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_ENTRY = re.compile(
    r"""(?P<key>[^-?:,\[\]{}#&*!|>'"%@`\s][^:#]*|'(?:[^']|'')*'|"[^"\\]*"):(?:\ +(?P<value>.+))?"""
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


class _Marker:
    """A value that is not a plain scalar: nothing after ``key:``/``-``, ``{}`` or ``[]``."""


_NESTED, _EMPTY_MAP, _EMPTY_LIST = _Marker(), _Marker(), _Marker()

# A line, tokenised: (indent, kind, key, value, column of the key after "- "); None for a
# blank or comment line. Memoised by the line's text: machine-written files repeat lines.
_Line = tuple[int, int, str, Any, int]
_ENTRY_LINE, _ITEM, _ITEM_ENTRY, _BAD_LINE = 0, 1, 2, -1
_BAD: _Line = (0, _BAD_LINE, "", None, 0)
_LINES: dict[str, _Line | None] = {}
_MAX_LINES = 20_000


def _fast_yaml(text: str) -> Any:
    """The document in ``text`` if it is in the plain block subset; else _Unsupported."""
    if _ODD_CHARS.search(text):
        raise _Unsupported
    block = _Block(text)
    if not block.n:
        return None
    if block.lines[0][0] != 0:
        raise _Unsupported
    value = block.node(0)
    if block.i != block.n:
        raise _Unsupported
    return value


def _line(raw: str) -> _Line | None:
    line = _LINES.get(raw, _BAD)
    if line is not _BAD or raw in _LINES:
        return line
    if len(_LINES) >= _MAX_LINES:
        _LINES.clear()
    line = _LINES[raw] = _tokenize(raw)
    return line


def _tokenize(raw: str) -> _Line | None:
    content = raw.lstrip(" ")
    if not content or content[0] == "#":
        return None  # blank or a comment
    indent = len(raw) - len(content)
    if raw[-1] == " " or (indent == 0 and content.startswith(("---", "...", "%"))):
        return _BAD
    try:
        if not _is_item(content):
            return (indent, _ENTRY_LINE, *_entry(content), 0)
        rest = content[1:].lstrip(" ")
        if rest and _ENTRY.fullmatch(rest):  # "- key: ...": a mapping at the key's column
            return (indent, _ITEM_ENTRY, *_entry(rest), len(content) - len(rest))
        if rest and _is_item(rest):
            raise _Unsupported
        return (indent, _ITEM, "", _scalar(rest) if rest else _NESTED, 0)
    except _Unsupported:
        return _BAD


def _is_item(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _entry(content: str) -> tuple[str, Any]:
    match = _ENTRY.fullmatch(content)
    if match is None:
        raise _Unsupported
    value = match["value"]
    return _mapping_key(match["key"]), _NESTED if value is None else _scalar(value)


class _Block:
    """Recursive descent over the tokenised lines; ``i`` is the next line to read."""

    __slots__ = ("i", "lines", "n")

    def __init__(self, text: str) -> None:
        lines = [_line(raw) for raw in text.split("\n")]
        self.lines: list[_Line] = [line for line in lines if line is not None]
        if _BAD in self.lines:
            raise _Unsupported
        self.n = len(self.lines)
        self.i = 0

    def deeper(self, indent: int) -> bool:
        """Whether the next line is indented more than ``indent``."""
        return self.i < self.n and self.lines[self.i][0] > indent

    def at_item(self, indent: int) -> bool:
        """Whether the next line is a ``- item`` at ``indent``."""
        if self.i >= self.n:
            return False
        line = self.lines[self.i]
        return line[0] == indent and line[1] != _ENTRY_LINE

    def node(self, indent: int) -> Any:
        if self.lines[self.i][1] == _ENTRY_LINE:
            return self.mapping(indent)
        return self.sequence(indent)

    def mapping(self, indent: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        lines = self.lines
        while self.i < self.n:
            at, kind, key, value, _ = lines[self.i]
            if at < indent:
                break
            if at > indent or kind != _ENTRY_LINE or key in out:
                raise _Unsupported  # duplicate keys: the full loader reports them
            self.i += 1
            if type(value) is _Marker:
                value = self.value(value, indent, True)
            elif self.i < self.n and lines[self.i][0] > indent:
                raise _Unsupported  # a multi-line scalar or bad indentation
            out[key] = value
        return out

    def sequence(self, indent: int) -> list[Any]:
        out: list[Any] = []
        lines = self.lines
        while self.i < self.n:
            at, kind, key, value, column = lines[self.i]
            if at < indent or (at == indent and kind == _ENTRY_LINE):
                break
            if at > indent:
                raise _Unsupported
            if kind == _ITEM_ENTRY:
                lines[self.i] = (indent + column, _ENTRY_LINE, key, value, 0)
                out.append(self.mapping(indent + column))
                if self.deeper(indent):
                    raise _Unsupported
            else:
                self.i += 1
                if type(value) is _Marker:
                    value = self.value(value, indent, False)
                elif self.deeper(indent):
                    raise _Unsupported
                out.append(value)
        return out

    def value(self, value: _Marker, indent: int, in_mapping: bool) -> Any:
        """What a marker after ``key:`` or ``-`` stands for: a nested block, an empty
        collection or null."""
        result: Any
        if value is _EMPTY_MAP:
            result = {}
        elif value is _EMPTY_LIST:
            result = []
        elif self.deeper(indent):
            result = self.node(self.lines[self.i][0])
        elif in_mapping and self.at_item(indent):
            return self.sequence(indent)  # "key:" then "- item" at the key's indent
        else:
            result = None
        if self.deeper(indent):
            raise _Unsupported  # a multi-line scalar or bad indentation
        return result


def _mapping_key(text: str) -> str:
    if text[0] in "'\"":
        return _quoted(text)
    if text[-1] == " ":
        raise _Unsupported
    key = _plain(text)
    if not isinstance(key, str):
        raise _Unsupported
    return key


def _scalar(text: str) -> Any:
    if text[0] in "'\"":
        return _quoted(text)
    if text == "{}":
        return _EMPTY_MAP
    if text == "[]":
        return _EMPTY_LIST
    if (
        (text[0] in _INDICATORS and not (text[0] == "-" and text[1:2].strip()))
        or text.startswith(("---", "..."))
        or ": " in text
        or " #" in text
        or text[-1] == ":"
    ):
        raise _Unsupported
    return _plain(text)


def _quoted(text: str) -> str:
    quote, inner = text[0], text[1:-1]
    if len(text) < 2 or text[-1] != quote:
        raise _Unsupported
    if quote == '"':
        if '"' in inner or "\\" in inner:
            raise _Unsupported
        return inner
    if "'" in inner.replace("''", ""):
        raise _Unsupported
    return inner.replace("''", "'")


def _plain(text: str) -> Any:
    """A plain scalar resolved and constructed as :class:`_Yaml12Loader` does."""
    for tag, regexp in _Yaml12Loader.yaml_implicit_resolvers.get(text[0], ()):
        if regexp.match(text):
            return _construct(tag, text)
    return text


def _construct(tag: str, text: str) -> Any:
    try:
        if tag.endswith(":int"):
            return _yaml12_int(text)
        if tag.endswith(":float"):
            return _yaml12_float(text)
    except ValueError:  # e.g. "0x_": the full loader reports it
        raise _Unsupported from None
    if tag.endswith(":bool"):
        return text.lower() == "true"
    if tag.endswith(":null"):
        return None
    raise _Unsupported  # merge keys and timestamps


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
