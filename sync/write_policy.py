"""What the API may write into a repository: the write policy.

* Bounds on every write input (``WriteLimits``, from settings), checked before any parsing
  or Git work: number of param changes, param path bytes and depth, value size, message,
  title and body size; names, paths and titles are one line (storage.errors.check_text),
  messages, bodies and values hold no NUL.
* Branch and tag names: git's rules for a branch name (``git check-ref-format --branch``),
  plus no leading ``-``, not ``HEAD``, not under ``refs/``, no control characters, at most
  ``max_ref_name_bytes``.
* ``addModel`` declares a model in the ``artifacts:`` of the dvc.yaml at the project's
  DVC root: its name as gto's ``name_re`` (which ``dvc``'s ``check_name_format`` applies),
  its path relative to that root, inside it, canonical (no ``..``, ``.``, empty parts,
  absolute path or backslash) and outside ``.git/`` and ``.dvc/``; type and labels one
  line each, the description a message; each bounded.
* ``runExperiment`` edits params files only: the files DVC reads params from at the base
  revision (every stage's ``params:`` including ``file:`` entries, top-level ``params:``,
  the default ``params.yaml``, as sync.dvcproject collects them), only keys DVC shows
  there, inside the project's subdir; never dvc.yaml or dvc.lock, ``.git/``, ``.dvc/``, or
  CI definitions, even when a dvc.yaml names them as params files.

Refusals are DomainErrors: INVALID (malformed or too large), FORBIDDEN (a file the policy
does not let the API write), NOT_FOUND (a parameter that does not exist).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pygit2

from storage.errors import DomainError, check_text, has_control
from sync.dvcproject import collect_revision
from sync.params_edit import FIELD, ParamChange
from sync.registry import NAME_RE
from sync.tree import GitTree, join


@dataclass(frozen=True, slots=True)
class WriteLimits:
    """Bounds of one write request. No defaults: gitstudio/settings.py holds and documents
    each under the same name, and storage.limits.from_settings builds this from it."""

    max_param_changes: int
    max_param_path_bytes: int
    max_param_path_depth: int
    max_param_value_bytes: int
    max_message_bytes: int
    max_title_bytes: int
    max_ref_name_bytes: int
    max_model_description_bytes: int
    max_model_labels: int


def check_line(value: str | None, field: str, limit: int) -> None:
    """``value`` (if given) is one line of text: storage.errors.check_text's rules (at most
    ``limit`` bytes, no control character)."""
    if value is not None:
        check_text(value, field, limit)


def check_message(value: str | None, field: str, limit: int) -> None:
    """``value`` (if given) is a commit message or pull request body: at most ``limit``
    bytes and no NUL (Git and PostgreSQL cannot hold one); newlines and tabs are a
    message's own, so other control characters stay."""
    if value is None:
        return
    if len(value) > limit or len(value.encode("utf-8", "surrogatepass")) > limit:
        raise DomainError("INVALID", f"{field} is longer than {limit} bytes", field)
    if "\x00" in value:
        raise DomainError("INVALID", f"{field} contains a NUL byte", field)


def check_pull_text(limits: WriteLimits, title: str | None, body: str | None) -> None:
    """The title and body of a pull request opened with a write."""
    check_line(title, "title", limits.max_title_bytes)
    check_message(body, "body", limits.max_message_bytes)


def check_run_input(
    limits: WriteLimits,
    base_rev: str,
    changes: Sequence[ParamChange],
    message: str | None,
    branch: str | None,
    title: str | None = None,
    body: str | None = None,
) -> None:
    """Every bound of a runExperiment request, before anything is parsed or read."""
    check_line(base_rev, "baseRev", limits.max_ref_name_bytes)
    if branch is not None:
        check_ref_name(branch, "branch", limits.max_ref_name_bytes)
    if len(changes) > limits.max_param_changes:
        raise DomainError("INVALID", f"at most {limits.max_param_changes} param changes", FIELD)
    for change in changes:
        check_line(change.file, FIELD, limits.max_param_path_bytes)
        check_line(change.path, FIELD, limits.max_param_path_bytes)
        if change.path.count(".") >= limits.max_param_path_depth:
            raise DomainError(
                "INVALID", f"a param path has at most {limits.max_param_path_depth} keys", FIELD
            )
        _check_value(change.value, limits.max_param_value_bytes)
    # After the changes: a default message or body is made of them.
    check_message(message, "message", limits.max_message_bytes)
    check_pull_text(limits, title, body)


def check_tag_input(
    limits: WriteLimits,
    artifact: str,
    version: str | None,
    stage: str | None,
    rev: str | None,
    message: str | None,
) -> None:
    """Every bound of a registry write (the names make a tag name), before any Git work."""
    for field, value in (("model", artifact), ("version", version), ("stage", stage)):
        check_line(value, field, limits.max_ref_name_bytes)
    check_line(rev, "rev", limits.max_ref_name_bytes)
    check_message(message, "message", limits.max_message_bytes)


@dataclass(frozen=True, slots=True)
class ModelDeclaration:
    """What ``addModel`` writes: an entry of a dvc.yaml's ``artifacts:``."""

    name: str  # within its dvc.yaml; the full name is ``dir:name`` below the root
    path: str  # relative to the dvc.yaml's directory (the project's DVC root)
    type: str | None = None
    description: str | None = None
    labels: tuple[str, ...] = ()


def check_model_input(limits: WriteLimits, model: ModelDeclaration) -> None:
    """Every bound and rule of an ``addModel`` declaration, before any Git work: INVALID
    for a malformed one, FORBIDDEN for a path outside the project's directory."""
    check_line(model.name, "name", limits.max_ref_name_bytes)
    if not NAME_RE.match(model.name):
        shown = model.name if len(model.name) <= 80 else model.name[:80] + "..."
        raise DomainError(
            "INVALID",
            f"{shown!r} is not a model name: letters, digits and inner '-', '_', '/';"
            " it starts and ends with a letter or digit (as gto and dvc require)",
            "name",
        )
    check_line(model.path, "path", limits.max_param_path_bytes)
    parts = check_inside(model.path, "path")
    if any(p in ("", ".") for p in parts):
        raise DomainError("INVALID", f"{model.path!r} is not a plain relative path", "path")
    if any(p in (".git", ".dvc") for p in parts):
        raise DomainError("FORBIDDEN", f"{model.path} is inside .git or .dvc", "path")
    check_line(model.type, "type", limits.max_ref_name_bytes)
    check_message(model.description, "description", limits.max_model_description_bytes)
    if len(model.labels) > limits.max_model_labels:
        raise DomainError("INVALID", f"at most {limits.max_model_labels} labels", "labels")
    for label in model.labels:
        check_line(label, "labels", limits.max_ref_name_bytes)
        if not label:
            raise DomainError("INVALID", "a label is empty", "labels")


def _check_value(value: Any, limit: int) -> None:
    try:
        size = len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    except (TypeError, ValueError, RecursionError):
        raise DomainError("INVALID", "a param value is not JSON", FIELD) from None
    if size > limit:
        raise DomainError("INVALID", f"a param value is larger than {limit} bytes", FIELD)
    stack = [value]
    while stack:  # bounded by the size just checked
        item = stack.pop()
        if isinstance(item, str) and "\x00" in item:
            raise DomainError("INVALID", "a param value contains a NUL byte", FIELD)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# --- ref names ---------------------------------------------------------------------------

# Besides control characters (storage.errors.has_control): what git's ref-name rules forbid.
_REF_BAD = re.compile(r"[ ~^:?*\[\\]")


def check_ref_name(name: str, field: str, limit: int | None = None, kind: str = "branch") -> None:
    """INVALID unless ``name`` is a valid branch (or tag) name under the write policy."""
    problem = _ref_problem(name, limit, kind)
    if problem is not None:
        shown = name if len(name) <= 80 else name[:80] + "..."
        raise DomainError("INVALID", f"{shown!r} is not a valid {kind} name: {problem}", field)


def _ref_problem(name: str, limit: int | None, kind: str) -> str | None:
    if not name:
        return "it is empty"
    if limit is not None and len(name.encode("utf-8", "surrogatepass")) > limit:
        return f"it is longer than {limit} bytes"
    if has_control(name) or _REF_BAD.search(name):
        return "it contains a space, a control character or one of ~ ^ : ? * [ \\"
    if name.startswith("-"):
        return "it starts with '-'"
    if name == "HEAD" or name == "@":
        return f"{name} is reserved"
    if name.startswith("refs/"):
        return "give the name without refs/"
    if ".." in name or "@{" in name or "//" in name:
        return "it contains '..', '@{' or '//'"
    if name.startswith("/") or name.endswith(("/", ".")):
        return "it starts with '/' or ends with '/' or '.'"
    if any(part.startswith(".") or part.endswith(".lock") for part in name.split("/")):
        return "a part starts with '.' or ends with '.lock'"
    prefix = "refs/tags/" if kind == "tag" else "refs/heads/"
    try:
        valid = pygit2.reference_is_valid_name(prefix + name)
    except (ValueError, UnicodeError):
        valid = False
    return None if valid else "git refuses it"


# --- params files ------------------------------------------------------------------------

# Never written through the API, wherever they are: DVC's own files and Git's.
_DENIED_NAMES = frozenset(
    ("dvc.yaml", "dvc.yml", "dvc.lock", ".gitmodules", ".gitattributes", ".gitignore",
     ".dvcignore", ".gitlab-ci.yml", ".travis.yml", ".drone.yml", "Jenkinsfile",
     "azure-pipelines.yml", "bitbucket-pipelines.yml", "appveyor.yml", ".pre-commit-config.yaml")
)  # fmt: skip
# Directories never written into: Git's and DVC's, and CI definitions.
_DENIED_DIRS = frozenset(
    (".git", ".dvc", ".github", ".gitlab", ".circleci", ".buildkite", ".woodpecker", ".gitea",
     ".forgejo", ".azure-pipelines", ".teamcity")
)  # fmt: skip


def check_inside(path: str, field: str) -> list[str]:
    """The parts of ``path``, a path relative to the project's DVC root; FORBIDDEN when it is
    empty, absolute, holds a backslash or a ``..`` part (it could leave the directory)."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or ".." in parts:
        raise DomainError("FORBIDDEN", f"{path!r} leaves the project's directory", field)
    return parts


def params_file(file: str, subdir: str) -> str:
    """``file`` (relative to the project's DVC root) as a path in the repository; FORBIDDEN
    when it leaves the subdir or is one the API never writes."""
    check_inside(file, FIELD)
    path = join(subdir, file)
    pieces = path.split("/")
    if any(p in _DENIED_DIRS for p in pieces[:-1]) or pieces[-1] in _DENIED_NAMES:
        raise DomainError("FORBIDDEN", f"{file} is never written through the API", FIELD)
    if pieces[-1].endswith(".dvc") or pieces[-1] in _DENIED_DIRS:
        raise DomainError("FORBIDDEN", f"{file} is never written through the API", FIELD)
    return path


def changes_by_file(changes: Sequence[ParamChange], subdir: str) -> dict[str, list[ParamChange]]:
    """{path in the repository: its changes}: one entry per file however it is spelled
    (``params.yaml``, ``./params.yaml``), so no change overwrites another's edit. FORBIDDEN
    as :func:`params_file`; INVALID when two changes set one key (which would win?)."""
    by_path: dict[str, list[ParamChange]] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for change in changes:
        path = params_file(change.file, subdir)
        if (path, change.keys) in seen:
            raise DomainError(
                "INVALID", f"{change.file}: {change.path} is changed twice in one request", FIELD
            )
        seen.add((path, change.keys))
        by_path.setdefault(path, []).append(change)
    return by_path


def visible_params(repo: pygit2.Repository, commit: pygit2.Commit, subdir: str) -> dict[str, Any]:
    """{params file (relative to the DVC root): the values DVC reads from it} at ``commit``."""
    return collect_revision(GitTree(repo, commit.tree), subdir).params


def check_change(change: ParamChange, visible: dict[str, Any]) -> None:
    """The change edits a params file DVC reads, at a key DVC shows: FORBIDDEN or
    NOT_FOUND otherwise (new keys are never added through the API)."""
    key = join(change.file)
    if key not in visible:
        raise DomainError(
            "FORBIDDEN",
            f"{change.file} is not a params file DVC reads at this revision (stage params,"
            " top-level params: or params.yaml); only those are edited",
            FIELD,
        )
    node: Any = visible[key]
    for part in change.keys:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise DomainError(
                "NOT_FOUND",
                f"{change.file}: no parameter {change.path} (only existing ones are changed)",
                FIELD,
            )
