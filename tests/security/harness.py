"""The world the hostile-input tests attack, and how they check that nothing moved.

``Hostile`` is one real app over ASGI (its own settings: local repository roots, webhook
secrets) beside the session's database, with real projects made from generated repositories
(one with GTO registry tags), a token of every scope, and ``snapshot()``: the row count of
every database table, every ref of every Git repository involved (the source repositories and
the mirrors under the data directory) and the set of mirrors. A hostile request must give a
typed error and leave the snapshot as it was.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pygit2
from starlette.applications import Starlette

from gitstudio.settings import Settings
from storage import db
from storage.models import Project

# Codes that mean "the server failed", never an answer to bad input.
INTERNAL_CODES = frozenset({"INTERNAL_SERVER_ERROR", "INTERNAL", "INTERNAL_ERROR"})

GITHUB_SECRET = "hostile-github-secret"
GITLAB_TOKEN = "hostile-gitlab-token"


@dataclass(frozen=True)
class ProjectInfo:
    """A project of the corpus: global and database ids, name, source repository, main's tip."""

    id: str
    db_id: int
    name: str
    repo: Path
    main_sha: str


@dataclass(frozen=True)
class Snapshot:
    rows: Mapping[str, int]
    refs: Mapping[str, Mapping[str, str]]  # repository path -> ref name -> target
    mirrors: tuple[str, ...]
    projects: frozenset[int]  # ids, to undo a failing case (see Hostile.restore)


@dataclass
class Hostile:
    client: httpx.AsyncClient
    app: Starlette
    settings: Settings
    tokens: dict[str, str]  # scope name (READ, PROJECTS, ..., ADMIN) -> token
    projects: dict[str, ProjectInfo]
    repos_root: Path  # the one local repository root the API may read
    outside_root: Path  # repositories on disk outside every allowed root
    experiment_id: str  # an EXPERIMENT row of alpha (a DVC experiment ref)
    commit_row_id: str  # a COMMIT row of alpha
    extra_repos: list[Path] = field(default_factory=list)

    def headers(self, scope: str | None) -> dict[str, str]:
        """The Authorization header of a token of ``scope``; None: no header; anything else
        that is not a scope is sent verbatim as the token."""
        if scope is None:
            return {}
        return {"Authorization": f"token {self.tokens.get(scope, scope)}"}

    async def gql(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        scope: str | None = "ADMIN",
    ) -> httpx.Response:
        return await self.client.post(
            "/graphql",
            json={"query": query, "variables": dict(variables or {})},
            headers=self.headers(scope),
        )

    def repositories(self) -> list[Path]:
        """Every Git repository involved: sources under both roots, and every mirror."""
        found: set[Path] = set()
        for root in (self.repos_root, self.outside_root, self.settings.mirrors_dir):
            if root.is_dir():
                found.update(_repositories_under(root))
        found.update(p for p in self.extra_repos if p.exists())
        return sorted(found)

    async def snapshot(self) -> Snapshot:
        mirrors = self.settings.mirrors_dir
        return Snapshot(
            rows=await table_counts(),
            refs={str(repo): refs_of(repo) for repo in self.repositories()},
            mirrors=tuple(sorted(p.name for p in mirrors.iterdir())) if mirrors.is_dir() else (),
            projects=frozenset(int(r["id"]) for r in await db.fetch("SELECT id FROM projects")),
        )

    async def assert_unchanged(self, before: Snapshot) -> None:
        assert_same(before, await self.snapshot())

    async def restore(self, before: Snapshot) -> None:
        """Undo what a failing case did, so it does not poison the cases after it: projects
        it created are deleted, refs it made or moved in any repository are put back, and
        the projects are synced again so the index follows the refs."""
        state = self.app.state.gitstudio
        after = await self.snapshot()
        for project_id in after.projects - before.projects:
            project = await Project.get_or_none(id=project_id)
            if project is not None:
                await state.syncer.delete(project)
        touched = False
        for repo, refs in before.refs.items():
            now = after.refs.get(repo, {})
            if now != refs and Path(repo).exists():
                _put_back(Path(repo), refs, now)
                touched = True
        if touched:
            for info in self.projects.values():
                project = await Project.get_or_none(id=info.db_id)
                if project is not None:
                    await state.syncer.sync(project)


def _repositories_under(root: Path, depth: int = 3) -> list[Path]:
    """Work trees (a ``.git`` inside) and bare repositories (``HEAD`` + ``objects``), at most
    ``depth`` levels down (where the fixtures and the mirrors put them); not inside one."""
    if (root / ".git").exists() or ((root / "HEAD").is_file() and (root / "objects").is_dir()):
        return [root]
    if depth == 0:
        return []
    return [
        repo
        for child in sorted(root.iterdir())
        if child.is_dir() and not child.is_symlink()
        for repo in _repositories_under(child, depth - 1)
    ]


def refs_of(repo: Path) -> dict[str, str]:
    """Every ref of ``repo`` with its target (a sha, or the name a symbolic ref points at)."""
    git = pygit2.Repository(str(repo))
    refs: dict[str, str] = {}
    for name in [*git.references, "HEAD"]:
        try:
            ref = git.references[name] if name != "HEAD" else git.lookup_reference("HEAD")
        except (KeyError, pygit2.GitError, ValueError):
            continue
        refs[name] = str(ref.target)
    return refs


def _put_back(repo: Path, refs: Mapping[str, str], now: Mapping[str, str]) -> None:
    git = pygit2.Repository(str(repo))
    for name in set(now) - set(refs):
        if name != "HEAD":
            git.references.delete(name)
    for name, target in refs.items():
        if name != "HEAD" and now.get(name) != target:
            git.references.create(name, target, force=True)


async def table_names() -> list[str]:
    if db.is_postgres():
        rows = await db.fetch("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")
    else:
        rows = await db.fetch(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    return sorted(str(r["name"]) for r in rows)


# Tables that record refused requests by design: the audit log (every mutation, refused ones
# too) and failed logins (the throttle). Hostile input adds to them and changes nothing else.
RECORDS_OF_ATTEMPTS = frozenset({"audit_log", "login_failures"})


async def table_counts() -> dict[str, int]:
    counts = {}
    for table in await table_names():
        if table in RECORDS_OF_ATTEMPTS:
            continue
        found = await db.fetch(f'SELECT COUNT(*) AS n FROM "{table}"')
        counts[table] = int(found[0]["n"])
    return counts


def assert_same(before: Snapshot, after: Snapshot) -> None:
    changed_rows = {
        t: (before.rows.get(t), after.rows.get(t))
        for t in set(before.rows) | set(after.rows)
        if before.rows.get(t) != after.rows.get(t)
    }
    assert not changed_rows, f"row counts changed (before, after): {changed_rows}"
    assert before.mirrors == after.mirrors, (
        f"mirrors changed: -{set(before.mirrors) - set(after.mirrors)} "
        f"+{set(after.mirrors) - set(before.mirrors)}"
    )
    for repo in sorted(set(before.refs) | set(after.refs)):
        old, new = before.refs.get(repo, {}), after.refs.get(repo, {})
        diff = {
            n: (old.get(n), new.get(n)) for n in set(old) | set(new) if old.get(n) != new.get(n)
        }
        assert not diff, f"refs of {repo} changed (before, after): {diff}"


def _body(resp: httpx.Response) -> Any:
    assert resp.status_code != 500, f"HTTP 500: {resp.text[:2000]}"
    try:
        return resp.json()
    except json.JSONDecodeError as exc:
        raise AssertionError(f"HTTP {resp.status_code}, not JSON: {resp.text[:500]!r}") from exc


def error_codes(body: Any) -> list[str]:
    """The codes of a GraphQL answer: top-level ``errors[*].extensions.code`` (each error must
    have one) and ``errors[*].code`` of every mutation payload under ``data``."""
    codes = []
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code, f"GraphQL error without extensions.code: {error}"
        codes.append(code)
    for payload in (body.get("data") or {}).values():
        if isinstance(payload, dict):
            codes.extend(e["code"] for e in payload.get("errors") or [] if isinstance(e, dict))
    return codes


def assert_no_internal_error(resp: httpx.Response) -> Any:
    """No 500, a JSON body, every error typed and none of them an internal one."""
    body = _body(resp)
    if isinstance(body, dict):
        internal = [c for c in error_codes(body) if c in INTERNAL_CODES]
        assert not internal, f"internal error: {body}"
    return body


def assert_graphql_error(resp: httpx.Response, code: str | Collection[str]) -> Any:
    """A typed error: ``code`` (or one of the codes given) among the answer's codes."""
    body = assert_no_internal_error(resp)
    assert isinstance(body, dict), body
    wanted = {code} if isinstance(code, str) else set(code)
    codes = error_codes(body)
    assert wanted & set(codes), f"expected {sorted(wanted)}, got {codes}: {json.dumps(body)[:1500]}"
    return body


def assert_rest_error(resp: httpx.Response, status: int) -> Any:
    body = _body(resp)
    assert resp.status_code == status, (
        f"expected {status}, got {resp.status_code}: {resp.text[:1000]}"
    )
    assert 400 <= status < 500, status
    assert isinstance(body, dict) and ({"detail", "error", "errors"} & set(body)), body
    return body
