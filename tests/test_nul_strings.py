"""A NUL character in a string of the experiments table's filter or order (a variable or
a literal, at any depth of a column filter's JSON value) is BAD_USER_INPUT: PostgreSQL
refuses such text in every statement, which used to answer the filter with an internal
error. Both databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import Api

from storage import db
from sync.generate import RepoSpec, generate_repo

TABLE = """query($n: String!, $f: ExperimentFilter, $o: [ExperimentOrder!]) {
  project(name: $n) { experiments(first: 5, filter: $f, orderBy: $o) { totalCount } } }"""


async def test_nul_in_the_tables_strings_is_refused(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "r"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    name = f"nul-{unique}"
    await api.create_project(repo, name)
    before = await db.fetch("SELECT count(*) AS n FROM experiments")
    value = {"column": "metric:m.json:a", "op": "EQ", "value": {"k\u0000": 1}}
    cases: list[dict[str, Any]] = [
        {"f": {"branch": "ma\u0000in"}},
        {"f": {"onBranch": "ma\u0000in"}},
        {"f": {"tag": "v\u0000"}},
        {"f": {"author": "x\u0000"}},
        {"f": {"message": "x\u0000"}},
        {"f": {"baselineSha": "\u0000"}},
        {"f": {"columns": [value]}},
        {"f": {"columns": [{**value, "column": "metric:m.json:\u0000"}]}},
        {"o": [{"column": "param:params.yaml:\u0000"}]},
    ]
    for variables in cases:
        body = await api.gql(TABLE, {"n": name, **variables})
        assert body["data"]["project"] is None, (variables, body)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], body
    literal = (
        f'{{ project(name: "{name}") {{ experiments(filter: {{author: "a\\u0000"}})'
        " { totalCount } } }"
    )
    body = await api.gql(literal)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], body
    assert await db.fetch("SELECT count(*) AS n FROM experiments") == before
