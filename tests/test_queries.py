"""The read API: pagination, server-side filtering and ordering, columns, compare, node."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import Api, git

from storage import db, queries
from sync.generate import RepoSpec, generate_repo

ROWS = """
query($name: String!, $filter: ExperimentFilter, $order: [ExperimentOrder!], $first: Int, $after: String) {
  project(name: $name) {
    experiments(filter: $filter, orderBy: $order, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id kind sha name baselineSha status createdAt author { name } message params metrics
              values(columns: ["metric:metrics.json:acc", "param:params.yaml:lr"]) { column value } }
    }
  }
}"""


@pytest.fixture(scope="session")
def query_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("queries") / "repo"
    generate_repo(repo, RepoSpec(commits=12, exps_per_commit=2, seed=3))
    return repo


@pytest.fixture
async def project(api: Api, query_repo: Path, unique: str) -> str:
    await api.create_project(query_repo, f"q-{unique}")
    return f"q-{unique}"


async def rows(api: Api, name: str, **variables: Any) -> list[dict[str, Any]]:
    """Every row, following cursors with small pages."""
    out: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await api.data(ROWS, {"name": name, "first": 7, "after": after, **variables}))[
            "project"
        ]["experiments"]
        out += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            assert len(out) == page["totalCount"]
            return out
        after = page["pageInfo"]["endCursor"]


def value(row: dict[str, Any], column: str) -> Any:
    return next(c["value"] for c in row["values"] if c["column"] == column)


async def test_pages_cover_every_row_once(api: Api, project: str, query_repo: Path) -> None:
    everything = await rows(api, project)
    assert len({r["id"] for r in everything}) == len(everything) == 12 + 12 * 2
    times = [r["createdAt"] for r in everything]
    assert times == sorted(times, reverse=True), "newest first by default"


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_order_by_metric_column(api: Api, project: str, direction: str) -> None:
    order = [{"column": "metric:metrics.json:acc", "direction": direction}]
    ordered = await rows(api, project, order=order)
    values = [value(r, "metric:metrics.json:acc") for r in ordered]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=direction == "DESC")
    assert values[: len(present)] == present, "rows without the column come last"
    assert len(ordered) == 36


async def test_filter_by_column_kind_and_text(api: Api, project: str) -> None:
    everything = await rows(api, project)
    accs = sorted(v for r in everything if (v := value(r, "metric:metrics.json:acc")) is not None)
    threshold = accs[len(accs) // 2]
    flt = {"columns": [{"column": "metric:metrics.json:acc", "op": "GT", "value": threshold}]}
    high = await rows(api, project, filter=flt)
    assert high and all(value(r, "metric:metrics.json:acc") > threshold for r in high)
    assert len(high) == sum(1 for v in accs if v > threshold)

    exps = await rows(api, project, filter={"kinds": ["EXPERIMENT"]})
    assert len(exps) == 24 and {r["kind"] for r in exps} == {"EXPERIMENT"}

    trains = await rows(api, project, filter={"message": "TRAIN STEP"})
    assert trains and all("train step" in r["message"].lower() for r in trains)

    nobody = await rows(api, project, filter={"author": "no-such-author"})
    assert nobody == []

    combined = await rows(
        api,
        project,
        filter={**flt, "kinds": ["COMMIT"]},
        order=[{"column": "param:params.yaml:lr", "direction": "ASC"}],
    )
    assert {r["kind"] for r in combined} <= {"COMMIT"}
    lrs = [value(r, "param:params.yaml:lr") for r in combined]
    assert [v for v in lrs if v is not None] == sorted(v for v in lrs if v is not None)


async def test_branch_filters_follow_history(api: Api, project: str, query_repo: Path) -> None:
    """onBranch: every commit the branch reaches; branch: its first-parent line (the two
    differ once merges come in: tests/test_branch_rows.py)."""
    for key, args in (("onBranch", []), ("branch", ["--first-parent"])):
        feature = set(git(query_repo, "rev-list", *args, "feature").split())
        on_feature = await rows(api, project, filter={key: "feature"})
        commits = {r["sha"] for r in on_feature if r["kind"] == "COMMIT"}
        assert commits == feature
        assert all(r["baselineSha"] in feature for r in on_feature if r["kind"] == "EXPERIMENT")


async def test_columns_catalog(api: Api, project: str) -> None:
    columns = (
        await api.data(
            '{ project(name: "%s") { columns { id kind file path type count } } }' % project
        )
    )["project"]["columns"]
    by_id = {c["id"]: c for c in columns}
    assert by_id["metric:metrics.json:acc"]["type"] == "number"
    assert by_id["metric:metrics.json:acc"]["kind"] == "METRIC"
    assert by_id["param:params.yaml:lr"]["count"] >= 12


async def _summary_and_cells(name: str) -> tuple[list[Any], list[Any]]:
    """The columns summary (Project.columns' source) and the same counted from the cells."""
    found = await queries.project_by_name(name)
    assert found is not None
    summary = [(c.kind, c.file, c.path, c.types, c.count) for c in await queries.columns(found.id)]
    counted: dict[tuple[str, str, str], tuple[list[str], int]] = {}
    for r in await db.fetch(
        "SELECT kind, file, path, vtype, COUNT(*) AS n FROM cells WHERE project_id = ?"
        " GROUP BY kind, file, path, vtype",
        [found.id],
    ):
        types, n = counted.get((r["kind"], r["file"], r["path"]), ([], 0))
        counted[(r["kind"], r["file"], r["path"])] = ([*types, r["vtype"]], n + int(r["n"]))
    cells = [(*k, tuple(sorted(t)), n) for k, (t, n) in counted.items()]
    return sorted(summary), sorted(cells)


async def test_the_columns_summary_follows_the_cells(api: Api, tmp_path: Path, unique: str) -> None:
    """cell_columns (migration 0012) holds each column's cells by value type: after the
    index, after rows deleted (their cells go by cascade) and after a resync indexing a
    new commit, it is what counting the cells gives."""
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=4, exps_per_commit=2, seed=9, extra_formats=False))
    project = f"summary-{unique}"
    created = await api.create_project(repo, project)
    summary, cells = await _summary_and_cells(project)
    assert summary == cells and len(summary) > 10
    found = await queries.project_by_name(project)
    assert found is not None
    gone = await db.fetch(
        "SELECT id FROM experiments WHERE project_id = ? ORDER BY id LIMIT 5", [found.id]
    )
    await db.execute(
        f"DELETE FROM experiments WHERE id IN ({', '.join('?' * len(gone))})",
        [r["id"] for r in gone],
    )
    summary, cells = await _summary_and_cells(project)
    assert summary == cells
    (repo / "params.yaml").write_text("lr: fast\nnew_param: [1, 2]\n")
    git(repo, "commit", "-am", "text params")
    await api.sync(created["id"])
    summary, cells = await _summary_and_cells(project)
    assert summary == cells
    assert ("param", "params.yaml", "new_param", ("json",), 1) in summary


async def test_compare_and_node(api: Api, project: str) -> None:
    picked = (await rows(api, project, filter={"kinds": ["EXPERIMENT"]}))[:3]
    ids = [r["id"] for r in picked]
    result = (
        await api.data(
            'query($ids: [ID!]!) { project(name: "%s") { compare(ids: $ids) {'
            " experiments { id } columns differing rows { column values } } } }" % project,
            {"ids": ids},
        )
    )["project"]["compare"]
    assert [e["id"] for e in result["experiments"]] == ids
    rows_by_column = {row["column"]: row["values"] for row in result["rows"]}
    assert rows_by_column["metric:metrics.json:acc"] == [
        value(r, "metric:metrics.json:acc") for r in picked
    ]
    assert all(len(set(map(repr, rows_by_column[c]))) > 1 for c in result["differing"])

    node = (
        await api.data(
            "query($id: ID!) { node(id: $id) { id ... on Experiment { name sha } } }",
            {"id": ids[0]},
        )
    )["node"]
    assert node == {"id": ids[0], "name": picked[0]["name"], "sha": picked[0]["sha"]}


async def test_commit_lookup_by_prefix_and_parents(
    api: Api, project: str, query_repo: Path
) -> None:
    head = git(query_repo, "rev-parse", "main")
    found = (
        await api.data(
            'query($sha: String!) { project(name: "%s") { commit(sha: $sha) { sha parents branches '
            "author { name email } experiments { name baselineSha } } } }" % project,
            {"sha": head[:10]},
        )
    )["project"]["commit"]
    assert found["sha"] == head
    assert found["parents"] == git(query_repo, "rev-parse", "main^").split()
    assert "main" in found["branches"]
    assert len(found["experiments"]) == 2 and {e["baselineSha"] for e in found["experiments"]} == {
        head
    }


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (
            '{ project(name: "%s") { experiments(after: "garbage!") { totalCount } } }',
            "BAD_USER_INPUT",
        ),
        ('{ project(name: "%s") { experiments(first: 100000) { totalCount } } }', "BAD_USER_INPUT"),
        ('{ project(name: "%s") { commits(first: -1) { totalCount } } }', "BAD_USER_INPUT"),
        ('{ project(name: "%s") { commit(sha: "not-a-sha") { sha } } }', "BAD_USER_INPUT"),
        (
            '{ project(name: "%s") { experiments(filter: {columns: [{column: "acc", op: GT, value: 1}]}) { totalCount } } }',
            "BAD_USER_INPUT",
        ),
        ('{ project(name: "%s") { experiment(id: "UHJvamVjdDox") { id } } }', "BAD_USER_INPUT"),
    ],
)
async def test_bad_arguments_say_what_is_wrong(
    api: Api, project: str, query: str, code: str
) -> None:
    body = await api.gql(query % project)
    assert body["errors"][0]["extensions"]["code"] == code
    assert body["errors"][0]["message"]


async def test_unknown_objects_are_null(api: Api, project: str) -> None:
    data = await api.data(
        '{ project(name: "%s") { commit(sha: "%s") { sha } experiment(id: "%s") { id } } missing: project(name: "nope") { id } }'
        % (project, "0" * 40, "RXhwZXJpbWVudDo5OTk5OTk5")
    )
    assert data["project"] == {"commit": None, "experiment": None}
    assert data["missing"] is None
