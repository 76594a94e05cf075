"""A NUL character in any string of a GraphQL request (a literal or a variable, at any
depth of a JSON value) is BAD_USER_INPUT before anything runs: PostgreSQL refuses such text
in every statement, which used to answer filters with an internal error. Both databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import Api

from storage import db
from sync.generate import RepoSpec, generate_repo

FILTERED = """query($n: String!, $f: ExperimentFilter) {
  project(name: $n) { experiments(first: 5, filter: $f) { totalCount } } }"""


async def test_nul_in_any_string_is_refused_before_it_runs(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "r"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    name = f"nul-{unique}"
    await api.create_project(repo, name)
    before = await db.fetch("SELECT count(*) AS n FROM projects")
    cases: list[tuple[str, dict[str, Any]]] = [
        (FILTERED, {"n": name, "f": {"branch": "ma\u0000in"}}),
        (FILTERED, {"n": name, "f": {"author": "x\u0000"}}),
        (
            FILTERED,
            {
                "n": name,
                "f": {
                    "columns": [{"column": "metric:m.json:a", "op": "EQ", "value": {"k\u0000": 1}}]
                },
            },
        ),
        ('{ project(name: "a\\u0000b") { id } }', {}),
        (
            'mutation { createProject(input: {repoUrl: "/nowhere", name: "x\\u0000"}) {'
            " errors { code } } }",
            {},
        ),
    ]
    for query, variables in cases:
        body = await api.gql(query, variables)
        assert body.get("data") is None, (query, body)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], body
    assert await db.fetch("SELECT count(*) AS n FROM projects") == before
