"""Hostile updateProject input (issue 15, item 4): every refusal is one typed error on the
field at fault, and nothing changed: the project row as stored, its experiment rows and
cells, its branches. Also when a valid change comes with the invalid one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import Api

from storage import db
from sync.generate import RepoSpec, generate_repo

UPDATE = """mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  project { id } errors { code message field } } }"""

MANY = 10_000


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-settings") / "repo"
    generate_repo(path, RepoSpec(commits=3, branches=("main", "feature"), exps_per_commit=1,
                                 gto_tags=False, subdir="proj"))  # fmt: skip
    return path


async def state(project_id: int) -> list[Any]:
    """What a refused update must leave as it was."""
    project = await db.fetch("SELECT * FROM projects WHERE id = ?", [project_id])
    rows = await db.fetch(
        "SELECT id, key, hidden, params, metrics FROM experiments WHERE project_id = ? ORDER BY id",
        [project_id],
    )
    cells = await db.fetch("SELECT COUNT(*) AS n FROM cells WHERE project_id = ?", [project_id])
    branches = await db.fetch(
        "SELECT name, sha FROM branches WHERE project_id = ? ORDER BY name", [project_id]
    )
    return [dict(project[0]), [dict(r) for r in rows], cells[0]["n"], [dict(b) for b in branches]]


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("empty name", {"name": ""}, "INVALID", "name"),
    ("name with a slash", {"name": "a/b"}, "INVALID", "name"),
    ("name with NUL", {"name": "a\x00b"}, "INVALID", "name"),
    ("long name", {"name": "n" * MANY}, "INVALID", "name"),
    ("missing branch", {"defaultBranch": "no-such-branch"}, "NOT_FOUND", "defaultBranch"),
    ("branch with ..", {"defaultBranch": "a..b"}, "INVALID", "defaultBranch"),
    ("branch with NUL", {"defaultBranch": "ma\x00in"}, "INVALID", "defaultBranch"),
    ("long branch", {"defaultBranch": "b" * MANY}, "INVALID", "defaultBranch"),
    ("subdir up", {"subdir": "../up"}, "INVALID", "subdir"),
    ("subdir absolute", {"subdir": "/etc"}, "INVALID", "subdir"),
    ("subdir NUL", {"subdir": "pr\x00oj"}, "INVALID", "subdir"),
    ("subdir .git", {"subdir": ".git"}, "INVALID", "subdir"),
    ("subdir long", {"subdir": "d/" * MANY}, "INVALID", "subdir"),
    ("subdir missing", {"subdir": "no/such/dir"}, "NOT_FOUND", "subdir"),
    ("subdir a file", {"subdir": "proj/params.yaml"}, "NOT_FOUND", "subdir"),
    ("before 1970", {"importSince": "1969-12-31T23:59:59+00:00"}, "INVALID", "importSince"),
    ("far future", {"importSince": "2999-01-01T00:00:00+00:00"}, "INVALID", "importSince"),
    ("too many globs", {"columns": {"include": [f"g{i}" for i in range(101)]}}, "INVALID",
     "columns.include"),
    ("empty glob", {"columns": {"exclude": [""]}}, "INVALID", "columns.exclude"),
    ("long glob", {"columns": {"exclude": ["*" * 900]}}, "INVALID", "columns.exclude"),
    ("glob with NUL", {"columns": {"include": ["a\x00*"]}}, "INVALID", "columns.include"),
    ("too many files", {"customFiles": [{"path": f"m{i}.json", "kind": "METRICS"}
                                        for i in range(51)]}, "INVALID", "customFiles"),
    ("file up", {"customFiles": [{"path": "../m.json", "kind": "METRICS"}]}, "INVALID",
     "customFiles"),
    ("file absolute", {"customFiles": [{"path": "/etc/m.json", "kind": "PARAMS"}]}, "INVALID",
     "customFiles"),
    ("file in .git", {"customFiles": [{"path": ".git/config.yaml", "kind": "PARAMS"}]},
     "INVALID", "customFiles"),
    ("file NUL", {"customFiles": [{"path": "m\x00.json", "kind": "METRICS"}]}, "INVALID",
     "customFiles"),
    ("file not parsed", {"customFiles": [{"path": "m.txt", "kind": "METRICS"}]}, "INVALID",
     "customFiles"),
    ("python metrics", {"customFiles": [{"path": "m.py", "kind": "METRICS"}]}, "INVALID",
     "customFiles"),
    ("file empty", {"customFiles": [{"path": "", "kind": "METRICS"}]}, "INVALID", "customFiles"),
    ("file long", {"customFiles": [{"path": "m" * 300 + ".json", "kind": "METRICS"}]},
     "INVALID", "customFiles"),
    ("file twice", {"customFiles": [{"path": "m.json", "kind": "METRICS"},
                                    {"path": "./m.json", "kind": "PARAMS"}]}, "INVALID",
     "customFiles"),
    ("no columns", {"columnLimit": 0}, "INVALID", "columnLimit"),
    ("negative limit", {"columnLimit": -1}, "INVALID", "columnLimit"),
    ("over the cap", {"columnLimit": 501}, "INVALID", "columnLimit"),
    ("huge limit", {"columnLimit": 2**31 - 1}, "INVALID", "columnLimit"),
    # a valid change beside the invalid one is not written either
    ("valid then invalid", {"name": "fine-new-name", "subdir": "", "columnLimit": 0},
     "INVALID", "columnLimit"),
    ("valid then missing", {"autoHideUnchanged": True, "subdir": "nope"}, "NOT_FOUND",
     "subdir"),
]  # fmt: skip


async def test_hostile_settings_are_typed_errors_and_change_nothing(
    api: Api, repo: Path, unique: str
) -> None:
    project = await api.create_project(repo, f"hostile-{unique}", subdir="proj")
    await api.create_project(repo, f"taken-{unique}", subdir="proj")
    project_id = int((await db.fetch("SELECT id FROM projects WHERE name = ?",
                                     [f"hostile-{unique}"]))[0]["id"])  # fmt: skip
    cases = [*CASES, ("name taken", {"name": f"taken-{unique}"}, "DUPLICATE", "name")]
    before = await state(project_id)
    for label, fields, code, field in cases:
        body = await api.gql(UPDATE, {"input": {"id": project["id"], **fields}})
        assert "errors" not in body, (label, body)
        errors = body["data"]["updateProject"]["errors"]
        assert [(e["code"], e["field"]) for e in errors] == [(code, field)], (label, errors)
        assert await state(project_id) == before, label
