"""Changing hyperparameters in params files the way a person would: only the values asked
for change; YAML keeps its comments, key order, quotes and layout (ruamel.yaml round
trip), TOML its comments and layout (tomlkit), JSON its key order and indentation.

A change names a file, a dotted path (``model.depth``; list items by index, ``layers.0``)
and a value. A path that does not exist is refused unless the change says it is new, and a
value must keep the type it replaces (an int may become a float) unless the change allows
another type: a typo must not silently add a parameter nobody reads. Python params files
(``params.py``) are read by DVC but not edited here. Errors are DomainErrors with code
INVALID or NOT_FOUND and the field ``paramChanges``.

The common YAML case, values of existing keys replaced in a file written in the block
layout ruamel.yaml itself emits, takes a fast path (``_edit_yaml_fast``): the file is read
line by line with a strict grammar, each changed scalar is spliced in where it stood, and
the result is byte for byte what the ruamel round trip would write (tests/test_params_edit.py
checks the two against each other). Anything else - flow collections, anchors, tags,
block scalars, multi-line or escaped scalars, indentation ruamel would rewrite, duplicate
keys, new keys, errors - goes through ruamel.

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

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of ``path`` (``model.layers.0``); empty parts are ignored."""
        return tuple(k for k in self.path.split(".") if k != "")


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
    fast = _edit_yaml_fast(content, changes)
    return fast if fast is not None else _edit_yaml_ruamel(content, changes)


def _edit_yaml_ruamel(content: bytes, changes: Sequence[ParamChange]) -> bytes:
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
    keys = change.keys
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


# --- YAML fast path ---------------------------------------------------------------------
#
# Accepted: a block mapping at the root, nested block mappings indented by 2, block
# sequences of scalars at the indentation of their key ("key:\n- 1"), full-line comments,
# inline comments after a value or a key, empty lines (not the first line), a final line
# break. Scalars: true/false, decimal ints, floats ruamel writes back unchanged (_DECIMAL,
# _EXPONENT), plain strings of words, one-line single- or double-quoted strings without
# escapes, and empty (null) values, which are not edited. Keys are plain words. Every
# character is one ruamel writes as it is. CRLF files too: ruamel writes them back with LF,
# except after a comment, whose CR it keeps. Anything else returns None and the caller uses
# ruamel. Columns count characters, as ruamel's do.

_MAX_LINE = 1000  # far below ruamel's width (4096): no line is ever folded
# characters ruamel reads and writes back unescaped (no tab, no line separator, no BOM,
# nothing outside the Basic Multilingual Plane)
_CHARS = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
_BAD_CHAR = re.compile(f"[^\n{_CHARS}]")
_QUOTABLE = re.compile(f"[{_CHARS}]+")
_KEY = re.compile(r"[^\W\d][\w\-./]*")
_STR = re.compile(r"[^\W\d][^\s#:,\[\]{}]*(?: [^\s#:,\[\]{}]+)*")
# plain words YAML 1.2 (ruamel's default) reads as something other than a string
_RESERVED = frozenset(("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"))
_INT = re.compile(r"0|-?[1-9][0-9]*")
# ruamel keeps a float's written form; it does so exactly up to 15 significant digits
# without an exponent and up to 12 with one (beyond that it can change the last digit)
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_EXPONENT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?e[-+]?[0-9]+")
_VALUE = r"'(?:[^']|'')*'|\"[^\"\\\\]*\"|[^ #'\"][^#]*?"
_COMMENT = r"(?:( +)(#.*))?"
_ENTRY = re.compile(rf"( *)([^ :]+):(?: ({_VALUE}))?{_COMMENT}")
_ITEM = re.compile(rf"( *)- ({_VALUE}){_COMMENT}")
_SAMPLES: dict[type, Any] = {bool: False, int: 0, float: 0.0, str: ""}


@dataclass(slots=True)
class _Scalar:
    line: int
    start: int  # where the value starts in its line (a comment or the line's end follows)
    kind: type | None  # bool, int, float, str; None for an empty (null) value
    quote: str  # "", "'" or '"'
    comment: int  # column of the inline comment's "#", -1 without one


_Tree = dict[str, Any]  # str -> _Scalar | _Tree | list[_Scalar]


def _edit_yaml_fast(content: bytes, changes: Sequence[ParamChange]) -> bytes | None:
    """The bytes ``_edit_yaml_ruamel`` would return, or None when the file or a change
    is not one the fast path handles (that includes every change ruamel refuses)."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    crlf = "\r" in text
    if crlf:
        text = text.replace("\r\n", "\n")
        if "\r" in text or text.count("\n") != content.count(b"\r\n"):
            return None  # mixed line ends
    parsed = _parse_block_yaml(text, crlf)
    if parsed is None:
        return None
    lines, root, commented = parsed
    seen: set[int] = set()
    for change in changes:
        scalar = _target(root, change)
        if scalar is None or id(scalar) in seen:
            return None  # two changes of one value: ruamel checks the second against the first
        seen.add(id(scalar))
        value = _scalar_text(change.value, scalar.quote)
        if value is None:
            return None
        line = lines[scalar.line]
        head = line[: scalar.start] + value
        if scalar.comment >= 0:
            gap = max(1, scalar.comment - len(head))  # ruamel keeps the comment's column
            head += " " * gap + line[scalar.comment :]
        lines[scalar.line] = head
    if crlf:
        for number in commented:
            lines[number] += "\r"
    return ("\n".join(lines) + "\n").encode("utf-8")


def _target(root: _Tree, change: ParamChange) -> _Scalar | None:
    if change.new or type(change.value) not in _SAMPLES:
        return None
    keys = change.keys
    if not keys:
        return None
    node: Any = root
    for key in keys:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    if not isinstance(node, _Scalar) or node.kind is None:
        return None
    try:
        _check_type(_SAMPLES[node.kind], change)
    except DomainError:
        return None
    return node


def _scalar_text(value: Any, quote: str) -> str | None:
    """``value`` as ruamel writes it in place of a scalar written with ``quote``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if -(10**100) < value < 10**100 else None
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        return repr(value).lower()
    # a string replacing a quoted string keeps its quotes (ruamel's CommentedMap/Seq do so)
    if not isinstance(value, str) or not _QUOTABLE.fullmatch(value):
        return None
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == '"':
        return None if '"' in value or "\\" in value else f'"{value}"'
    return value if _STR.fullmatch(value) and value not in _RESERVED else None


def _parse_block_yaml(text: str, crlf: bool) -> tuple[list[str], _Tree, list[int]] | None:
    """The lines of ``text``, its tree of scalars and the numbers of the lines with a
    comment, if it is in the accepted subset."""
    if not text.endswith("\n") or text.startswith("\n") or _BAD_CHAR.search(text):
        return None
    lines = text.split("\n")
    lines.pop()
    root: _Tree = {}
    stack: list[tuple[int, _Tree | list[_Scalar]]] = [(0, root)]  # (indent, container)
    opened: tuple[int, _Tree, str] | None = None  # "key:" waiting for its block
    commented: list[int] = []
    # In a CRLF file ruamel drops an empty line that follows a key or a quoted value
    # without a comment: such files are left to it.
    keeps_empty_line = True
    for number, line in enumerate(lines):
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            if len(line) > _MAX_LINE or (line and not body):
                return None  # spaces-only lines are not kept by ruamel
            if body:
                commented.append(number)
                keeps_empty_line = True
            elif crlf and not keeps_empty_line:
                return None
            continue
        if len(line) > _MAX_LINE:
            return None
        indent = len(line) - len(body)
        item = body[0] == "-"
        match = (_ITEM if item else _ENTRY).fullmatch(line)
        if match is None:
            return None
        keeps_empty_line = match.group(match.re.groups) is not None  # the last: a comment
        if keeps_empty_line:
            commented.append(number)
        if opened is not None:
            opened_indent, parent, key = opened
            opened = None
            if item and indent == opened_indent:
                parent[key] = []
                stack.append((indent, parent[key]))
            elif not item and indent == opened_indent + 2:
                parent[key] = {}
                stack.append((indent, parent[key]))
            elif item or indent > opened_indent:
                return None
        while stack[-1][0] > indent or (
            not item and stack[-1][0] == indent and isinstance(stack[-1][1], list)
        ):
            stack.pop()
            if not stack:
                return None
        top_indent, container = stack[-1]
        if top_indent != indent or item != isinstance(container, list):
            return None
        if item:
            assert isinstance(container, list)
            scalar = _scalar(number, match, 2)
            if scalar is None or scalar.kind is None:
                return None
            container.append(scalar)
            keeps_empty_line = keeps_empty_line or not scalar.quote
            continue
        assert isinstance(container, dict)
        key = match.group(2)
        if key in container or not _KEY.fullmatch(key) or key in _RESERVED:
            return None
        if match.group(3) is None:
            container[key] = _Scalar(number, 0, None, "", -1)  # null, unless a block follows
            opened = (indent, container, key)
            continue
        scalar = _scalar(number, match, 3)
        if scalar is None:
            return None
        container[key] = scalar
        keeps_empty_line = keeps_empty_line or not scalar.quote
    return (lines, root, commented) if root else None


def _scalar(number: int, match: re.Match[str], group: int) -> _Scalar | None:
    text = match.group(group)
    comment = match.start(group + 2) if match.group(group + 2) is not None else -1
    first = text[0]
    kind: type | None
    quote = ""
    if first in "'\"":
        if len(text) < 3:
            return None  # ruamel may write an empty quoted string without its quotes
        kind, quote = str, first
    elif text in ("true", "false"):
        kind = bool
    elif _INT.fullmatch(text):
        kind = int
    elif _DECIMAL.fullmatch(text):
        kind = float if _digits(text) <= 15 else None
    elif _EXPONENT.fullmatch(text):
        mantissa, exponent = text.split("e")
        kind = float if _digits(mantissa) <= 12 and abs(int(exponent)) <= 300 else None
    elif _STR.fullmatch(text) and text not in _RESERVED:
        kind = str
    else:
        kind = None
    return None if kind is None else _Scalar(number, match.start(group), kind, quote, comment)


def _digits(mantissa: str) -> int:
    return len(mantissa.lstrip("-").replace(".", "").lstrip("0"))
