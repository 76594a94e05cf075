"""Declaring a model the way ``dvc`` does (``Artifacts.add``, dvc/repo/artifacts.py): an
entry ``{path, desc, type, labels}`` (empty fields left out, in that order: DVC's
``Artifact.to_dict``) under ``artifacts:`` of the dvc.yaml at the project's DVC root,
written in a person's layout:

* the rest of the file is kept byte for byte: a file without ``artifacts:`` gets the
  section appended at its end, a block-style ``artifacts:`` section gets the entry after its
  last entry, indented as its entries are;
* anything else (a flow-style or empty section, a file the text edit would not round-trip)
  goes through ruamel.yaml's round trip, as ``dvc``'s ``modify_yaml`` does;
* every result is parsed back and must hold exactly the old document plus the entry
  (compared node by node, each pair of nodes YAML aliases share once).

The name must not be declared already at that commit (in the dvc.yaml, or under the same
full name anywhere the registry reads declarations): CONFLICT, field ``name``. A dvc.yaml
that does not parse, or is not a mapping, is INVALID: nothing is written into it.
"""

from __future__ import annotations

import io
from typing import Any

import pygit2
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from storage.errors import DomainError
from sync.artifacts import read_declarations
from sync.formats import parse_file
from sync.tree import join
from sync.write_policy import ModelDeclaration

DVC_YAML = "dvc.yaml"
SECTION = "artifacts"


def full_name(subdir: str, name: str) -> str:
    """The registry's name of ``name`` declared in the dvc.yaml at ``subdir``."""
    return f"{subdir}:{name}" if subdir else name


def entry(model: ModelDeclaration) -> dict[str, Any]:
    """The dvc.yaml entry, as ``dvc.annotations.Artifact.to_dict`` writes it."""
    out: dict[str, Any] = {"path": model.path}
    if model.description:
        out["desc"] = model.description
    if model.type:
        out["type"] = model.type
    if model.labels:
        out["labels"] = list(model.labels)
    return out


def declare_model(
    repo: pygit2.Repository, base: pygit2.Commit, subdir: str, model: ModelDeclaration
) -> dict[str, bytes]:
    """{path in the repository: new content}: the project's dvc.yaml at ``base`` with the
    model declared."""
    name = full_name(subdir, model.name)
    if name in read_declarations(repo, base).artifacts:
        raise DomainError("CONFLICT", f"a model {name} is declared already", "name")
    path = join(subdir, DVC_YAML)
    try:
        blob = base.tree[path]
    except KeyError:
        blob = None
    if blob is not None and not isinstance(blob, pygit2.Blob):
        raise DomainError("INVALID", f"{path} is not a file", "name")
    content = blob.data if isinstance(blob, pygit2.Blob) else b""
    return {path: declare(path, content, model.name, entry(model))}


def declare(path: str, content: bytes, name: str, fields: dict[str, Any]) -> bytes:
    """``content`` of the dvc.yaml at ``path`` with ``name: fields`` added to its
    ``artifacts:``."""
    try:
        before = parse_file(path, content) if content.strip() else {}
    except Exception as exc:
        raise DomainError("INVALID", f"{path} does not parse: {exc}", "name") from None
    if before is None:
        before = {}
    if not isinstance(before, dict):
        raise DomainError("INVALID", f"{path} is not a mapping", "name")
    section = before.get(SECTION)
    if section is not None and not isinstance(section, dict):
        raise DomainError("INVALID", f"{path}: {SECTION} is not a mapping", "name")
    if section is not None and name in section:
        raise DomainError("CONFLICT", f"{path} declares {name} already", "name")
    wanted = {**before, SECTION: {**(section or {}), name: fields}}
    for edit in (_appended, _round_trip):
        written = edit(content, name, fields)
        if written is not None and _parses_to(path, written, wanted):
            return written
    raise DomainError("INVALID", f"{path}: the model cannot be added to it", "name")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long lines
    yaml.default_flow_style = False
    return yaml


def _dump(document: Any) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def _indented(text: str, by: int) -> str:
    pad = " " * by
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _appended(content: bytes, name: str, fields: dict[str, Any]) -> bytes | None:
    """The text edit: None when the file's layout is not one it handles."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\r" in text or "\t" in text:
        return None
    snippet = _dump({name: fields})
    if not text.strip():
        return (f"{SECTION}:\n" + _indented(snippet, 2)).encode("utf-8")
    try:
        document = _yaml().load(text)
    except Exception:
        return None
    if not isinstance(document, CommentedMap) or document.fa.flow_style():
        return None
    if SECTION not in document:
        body = text if text.endswith("\n") else text + "\n"
        return (body + f"{SECTION}:\n" + _indented(snippet, 2)).encode("utf-8")
    section = document[SECTION]
    if not isinstance(section, CommentedMap) or not section or section.fa.flow_style():
        return None
    lines = text.splitlines(True)
    indent = section.lc.key(next(iter(section)))[1]
    start = document.lc.key(SECTION)[0]
    keys = list(document)
    after = keys[keys.index(SECTION) + 1 :]
    end = document.lc.key(after[0])[0] if after else len(lines)
    last = end  # after the section's last line that is neither blank nor a comment
    while last > start + 1 and (not lines[last - 1].strip() or _comment_at_root(lines[last - 1])):
        last -= 1
    if not lines[last - 1].endswith("\n"):
        lines[last - 1] += "\n"
    lines.insert(last, _indented(snippet, indent))
    return "".join(lines).encode("utf-8")


def _comment_at_root(line: str) -> bool:
    return line.startswith("#")


def _round_trip(content: bytes, name: str, fields: dict[str, Any]) -> bytes | None:
    """ruamel's round trip, as dvc writes the file: comments kept, layout normalised."""
    yaml = _yaml()
    try:
        document = yaml.load(content.decode("utf-8")) if content.strip() else CommentedMap()
    except Exception:
        return None
    if document is None:
        document = CommentedMap()
    section = document.get(SECTION)
    if section is None:
        document[SECTION] = section = CommentedMap()
    section[name] = fields
    return _dump(document).encode("utf-8")


def _parses_to(path: str, written: bytes, wanted: dict[str, Any]) -> bool:
    try:
        return _same(parse_file(path, written), wanted)
    except Exception:
        return False


def _equal(x: Any, y: Any) -> bool:
    """Scalars: ``==``, and NaN equals NaN."""
    return bool(x == y) or (x != x and y != y)


def _same(a: Any, b: Any) -> bool:
    """``a == b`` for parsed documents, each pair of shared nodes compared once: YAML
    aliases make a few hundred bytes a tree of billions of nodes, which ``==`` would walk."""
    seen: set[tuple[int, int]] = set()
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if x is y or (id(x), id(y)) in seen:
            continue
        seen.add((id(x), id(y)))
        if isinstance(x, dict) and isinstance(y, dict):
            if x.keys() != y.keys():
                return False
            pending.extend((x[k], y[k]) for k in x)
        elif isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                return False
            pending.extend(zip(x, y, strict=True))
        elif isinstance(x, dict | list) or isinstance(y, dict | list) or not _equal(x, y):
            return False
    return True
