"""The experiments table walks indexes: the plans of the statements a page runs.

A page sorted by a param or metric, a page filtered on one, both together and the default
order each run against a project of a few hundred commits; every statement the page ran is
explained (``EXPLAIN QUERY PLAN`` on SQLite, ``EXPLAIN (FORMAT JSON)`` on PostgreSQL after
``ANALYZE``, with sequential scans and sorts priced out: see plan_faults). A statement fails the test when it scans a whole table of rows (cells or
experiments) or sorts all its rows; sorting the ties of an index order (SQLite's "RIGHT PART
OF ORDER BY", PostgreSQL's Incremental Sort) is allowed: it stops with the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from support import Api
from tortoise.transactions import in_transaction

from schema.relay import decode_cursor, encode_cursor
from storage import db, queries
from storage.queries import ColumnCondition, ExperimentQuery
from storage.records import ProjectRecord
from sync.generate import RepoSpec, generate_repo

ACC = ("metric", "metrics.json", "acc")
LR = ("param", "params.yaml", "lr")
PAGE = 51  # a page of 50 and the probe for the next one, as resolvers/experiments.py asks

SHAPES: dict[str, ExperimentQuery] = {
    "sort by a metric, descending": ExperimentQuery(order=((*ACC, True),)),
    "sort by a param, ascending": ExperimentQuery(order=((*LR, False),)),
    "filter on a param": ExperimentQuery(conditions=(ColumnCondition(*LR, "EQ", 0.01),)),
    "filter between": ExperimentQuery(
        conditions=(ColumnCondition(*ACC, "GT", 0.5), ColumnCondition(*ACC, "LT", 0.9))
    ),
    "filter and sort": ExperimentQuery(
        conditions=(ColumnCondition(*LR, "EQ", 0.01),), order=((*ACC, False),)
    ),
    "sort by a param, then a metric": ExperimentQuery(order=((*LR, False), (*ACC, True))),
    "filter and sort on one metric": ExperimentQuery(
        conditions=(ColumnCondition(*ACC, "GTE", 0.5),), order=((*ACC, True),)
    ),
    "default order": ExperimentQuery(),
    "oldest first": ExperimentQuery(newest_first=False),
    # Rows as Studio shows them (issue 15.2): each row's commit probed in the line.
    "a branch's first-parent line": ExperimentQuery(branch="main"),
    "every commit a branch reaches": ExperimentQuery(on_branch="feature"),
    "by author": ExperimentQuery(sort="author"),
    "by message, descending": ExperimentQuery(sort="message", sort_descending=True),
    "a branch's line by author": ExperimentQuery(branch="feature", sort="author"),
    "not detached, oldest first": ExperimentQuery(detached=False, newest_first=False),
    "by branch": ExperimentQuery(sort="branch"),
    "by branch, descending, oldest first": ExperimentQuery(
        sort="branch", sort_descending=True, newest_first=False
    ),
}
# Filters matching fewer than FEW_MATCHES rows: read from the filter's range, then sorted.
# (The shapes above run with FEW_MATCHES at 2: this project's filters match a few hundred.)
FEW: dict[str, ExperimentQuery] = {
    "filter matching no row": ExperimentQuery(conditions=(ColumnCondition(*LR, "EQ", 0.5),)),
    "filter on a param": SHAPES["filter on a param"],
    "filter matching few rows, sorted": ExperimentQuery(
        conditions=(ColumnCondition(*ACC, "GT", 0.93),), order=((*LR, False),)
    ),
    "filter on a text": ExperimentQuery(
        conditions=(ColumnCondition("param", "params.yaml", "model.activation", "EQ", "relu"),)
    ),
    "filter and sort, cursor checked": ExperimentQuery(
        conditions=(ColumnCondition(*LR, "GTE", 0.03),), order=((*ACC, True),)
    ),
    # Read from the commits they name: a tag's, a branch's line (FEW_MATCHES at 2000).
    "a tag": ExperimentQuery(tag="model@v0.0.1"),
    "a tag, by message": ExperimentQuery(tag="model@v0.0.1", sort="message"),
    "a branch's line, sorted by a metric": ExperimentQuery(branch="feature", order=((*ACC, True),)),
}
# Shapes whose ties of the first column are groups bigger than BIG_GROUP (patched small):
# each group paged on its own, walking the further order.
BIG_GROUPS: dict[str, ExperimentQuery] = {
    "sort by a param of few values": ExperimentQuery(order=((*LR, False),)),
    "sort by a param of few values, oldest first": ExperimentQuery(
        order=((*LR, True),), newest_first=False
    ),
    "sort by a param of few values, then a metric": ExperimentQuery(
        order=((*LR, False), (*ACC, True))
    ),
    "filter, then sort by a param of few values": ExperimentQuery(
        conditions=(ColumnCondition(*ACC, "GT", 0.6),), order=((*LR, True),)
    ),
}


@pytest.fixture(scope="session")
def big_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("table-plans") / "repo"
    generate_repo(repo, RepoSpec(commits=300, exps_per_commit=3, seed=5, extra_formats=False))
    return repo


@pytest.fixture(scope="session")
async def big_project(api: Api, big_repo: Path) -> int:
    name = f"plans-{api.backend}"
    await api.create_project(big_repo, name)
    found = await queries.project_by_name(name)
    assert found is not None
    if db.is_postgres():
        await db.execute("ANALYZE cells")
        await db.execute("ANALYZE experiments")
    return found.id


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, list[Any]]]]:
    """The statements storage.queries runs, with their arguments (a plan of reads is run
    statement by statement through them)."""
    seen: list[tuple[str, list[Any]]] = []
    real = db.fetch

    async def recording(query: str, values: Any = ()) -> list[dict[str, Any]]:
        seen.append((query, list(values)))
        return await real(query, values)

    async def by_statement(plan: Any) -> Any:
        return await db._drive_async(plan)

    monkeypatch.setattr(queries.db, "fetch", recording)
    monkeypatch.setattr(queries.db, "fetch_plan", by_statement)
    yield seen


# The rows of a filter matching fewer than FEW_MATCHES, read from its index range (or from
# the commits a tag or branch filter names): a sort of them is bounded by the LIMIT the
# statement states (storage.queries._few_matches).
FEW_ROWS = "FROM (SELECT f.experiment_id AS id FROM cells f WHERE "
FEW_COMMITS = "FROM (SELECT rows.id AS id FROM (SELECT e2.id FROM "


# The rows a count samples to tell the narrowest of big ranges (storage.queries._sampled).
SAMPLED = " ORDER BY e.created_at DESC, e.id DESC LIMIT ?) s"


def bounded_sort(query: str, args: list[Any]) -> bool:
    return (
        (FEW_ROWS in query or FEW_COMMITS in query)
        and " LIMIT ?) few CROSS JOIN" in query
        and (queries.FEW_MATCHES in args)
    )


async def plan_faults(query: str, args: list[Any]) -> list[str]:
    """What in the plan of ``query`` reads or sorts every row."""
    sorts_few = bounded_sort(query, args)
    if not db.is_postgres():
        rows = await db.fetch("EXPLAIN QUERY PLAN " + query, args)
        details = [str(r["detail"]) for r in rows]
        if sorts_few:  # the rows come from the matches (a scan of them), by primary key
            read = "INDEX cells_column_order" if FEW_ROWS in query else "INDEX experiments_at_"
            assert any(read in d for d in details), details
            assert any("USING INTEGER PRIMARY KEY (rowid=?)" in d for d in details), details
            # A compound subquery's rows (its two parts read by index) are scanned in turn.
            gathered = ("SCAN few", "USE TEMP B-TREE FOR ORDER BY", "SCAN rows")
            details = [d for d in details if d not in gathered]
        if SAMPLED in query and queries.SAMPLE in args:  # the newest rows, walked by time
            details = [d for d in details if d != "SCAN s"]
            # each probed by the row, not by a walk of the column's range (1.9 s at 10,000
            # commits: SQLite, without statistics, preferred the index naming more columns)
            walks = [d for d in details if "cells_column_order" in d]
            if walks:
                return walks
        return [d for d in details if d.startswith("SCAN ") or d == "USE TEMP B-TREE FOR ORDER BY"]
    # On a few hundred commits a scan and a sort are what PostgreSQL's cost model prefers
    # (at 10,000 commits it walks the indexes: bench/table_scale.py); with both priced out,
    # a plan that still holds one has no index path.
    async with in_transaction() as connection:
        await connection.execute_query("SET LOCAL enable_seqscan = off")
        await connection.execute_query("SET LOCAL enable_sort = off")
        rows = await connection.execute_query_dict(db.sql("EXPLAIN (FORMAT JSON) " + query), args)
    plan = rows[0]["QUERY PLAN"]
    plan = plan if isinstance(plan, list) else json.loads(plan)
    return [
        f"{node['Node Type']} on {node.get('Relation Name', '?')}"
        for node in _nodes(plan[0]["Plan"])
        if node["Node Type"] == "Seq Scan"
        or (node["Node Type"] == "Sort" and not sorts_few)
        or _whole_index(node)
    ]


# An index of cells read whole reads every cell as a scan does: with num and the row id in
# cells_column_order (migration 0026), a scan of cells priced out becomes one, its test an
# Index Cond on a later key. It is read in bounds of its first key. (cells_of_experiment
# is not checked: on this small project, scans priced out, the probe for rows lacking a
# column becomes one whole read of it, materialized; at 10,000 commits it is a probe.)
LEADING = {"cells_column_order": "(project_id = "}


def _whole_index(node: dict[str, Any]) -> bool:
    first = LEADING.get(node.get("Index Name", ""))
    return first is not None and first not in node.get("Index Cond", "")


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


@pytest.fixture
def walked_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every filter matching a row is walked (probed), as at 10,000 commits."""
    monkeypatch.setattr(queries, "FEW_MATCHES", 2)


@pytest.mark.parametrize("shape", list(SHAPES))
async def test_page_walks_an_index(
    api: Api,
    big_project: int,
    walked_filters: None,
    statements: list[tuple[str, list[Any]]],
    shape: str,
) -> None:
    page = await queries.experiments_page(big_project, SHAPES[shape], None, PAGE)
    assert len(page) == PAGE or shape.startswith("filter")
    assert page, "the shape selects rows, so the plans are those of a real page"
    following = await queries.experiments_page(big_project, SHAPES[shape], page[-1][1], PAGE)
    assert not {r.id for r, _k in page} & {r.id for r, _k in following}
    assert statements
    for query, args in list(statements):
        faults = await plan_faults(query, args)
        assert not faults, f"{shape}: {faults} in\n{query}"


@pytest.mark.parametrize("shape", list(FEW))
async def test_a_filter_matching_few_rows_reads_its_range(
    api: Api, big_project: int, statements: list[tuple[str, list[Any]]], shape: str
) -> None:
    """A filter matching fewer than FEW_MATCHES rows: its rows are read from its range of
    the column index (by primary key), and only they are sorted."""
    q = FEW[shape]
    page = await queries.experiments_page(big_project, q, None, PAGE)
    if page:
        following = await queries.experiments_page(big_project, q, page[-1][1], PAGE)
        assert not {r.id for r, _k in page} & {r.id for r, _k in following}
    assert any(bounded_sort(query, args) for query, args in statements)
    for query, args in list(statements):
        faults = await plan_faults(query, args)
        assert not faults, f"{shape}: {faults} in\n{query}"
    assert len(page) == min(PAGE, await queries.count_experiments(big_project, q))


@pytest.fixture
def small_groups(monkeypatch: pytest.MonkeyPatch) -> int:
    """Groups of ties bigger than 40 rows are paged on their own (BIG_GROUP at 10,000
    commits is 2,000; this project's params have groups of a few hundred)."""
    monkeypatch.setattr(queries, "BIG_GROUP", 40)
    return 40


@pytest.mark.parametrize("shape", list(BIG_GROUPS))
async def test_big_groups_of_ties_walk_an_index(
    api: Api,
    big_project: int,
    small_groups: int,
    statements: list[tuple[str, list[Any]]],
    shape: str,
) -> None:
    """A page in a big group of ties of the ordered column walks the further order's
    index probing the group's value: no statement sorts the group."""
    q = BIG_GROUPS[shape]
    page = await queries.experiments_page(big_project, q, None, PAGE)
    middle = await queries.experiments_page(big_project, q, page[-1][1], PAGE)
    assert len(middle) == PAGE
    assert any(" AND COALESCE(f.text, '') = ?" in query for query, _a in statements)
    for query, args in list(statements):
        faults = await plan_faults(query, args)
        assert not faults, f"{shape}: {faults} in\n{query}"


ORDERS = {
    **{k: v for k, v in SHAPES.items() if v.order or v.sort},
    **{f"{k} (few)": v for k, v in FEW.items()},
    **BIG_GROUPS,
}


@pytest.mark.parametrize("shape", list(ORDERS))
async def test_pages_follow_one_sort_of_every_row(
    api: Api, big_project: int, small_groups: int, shape: str
) -> None:
    """Page after page by cursor, the walk (groups paged on their own, filters read from
    their range, ranges bounded at offsets) gives the rows and keys of one SQL sort of all
    the rows (the plain statement: every row joined to its cells, sorted)."""
    q = ORDERS[shape]
    whole = await queries._sorted_page(big_project, q, None, 1_000_000)
    walked: list[tuple[int, list[Any]]] = []
    after = None
    while True:
        page = await queries.experiments_page(big_project, q, after, 37)
        walked += [(r.id, keys) for r, keys in page]
        if len(page) < 37:
            break
        after = page[-1][1]
    assert [r.id for r, _k in whole] == [i for i, _k in walked]
    assert [k for _r, k in whole] == [k for _i, k in walked]


async def made_project(api: Api, tmp_path: Path, name: str, spec: RepoSpec) -> ProjectRecord:
    """A project of its own (``spec`` without the extra formats: params.yaml, metrics.json)."""
    repo = tmp_path / "repo"
    generate_repo(repo, replace(spec, extra_formats=False))
    await api.create_project(repo, name)
    found = await queries.project_by_name(name)
    assert found is not None
    return found


async def test_big_groups_of_long_texts_are_sorted_whole(
    api: Api, tmp_path: Path, small_groups: int, unique: str
) -> None:
    """Ties of texts longer than the index's prefix cannot be paged as a group of one value
    (their order needs the whole text): such a group is sorted whole, and the walk goes on
    past it, page after page as one sort of every row gives them."""
    spec = RepoSpec(commits=40, exps_per_commit=2, seed=4)
    found = await made_project(api, tmp_path, f"long-{unique}", spec)
    long = "x" * queries.TEXT_PREFIX
    await db.execute(
        "UPDATE cells SET num = NULL, text = ? || CAST(experiment_id % 3 AS VARCHAR(2))"
        " WHERE project_id = ? AND kind = 'param' AND file = 'params.yaml' AND path = 'lr'",
        [long, found.id],
    )
    for desc in (False, True):
        q = ExperimentQuery(order=((*LR, desc),))
        whole = await queries._sorted_page(found.id, q, None, 1_000_000)
        walked: list[Any] = []
        after = None
        while True:
            page = await queries.experiments_page(found.id, q, after, 17)
            walked += [(r.id, keys) for r, keys in page]
            if len(page) < 17:
                break
            after = page[-1][1]
        assert [(r.id, k) for r, k in whole] == walked
        assert len(walked) >= 3 * small_groups  # one group of them all: a big one


async def test_a_page_of_rows_without_the_column_walks_an_index(
    api: Api, big_project: int, statements: list[tuple[str, list[Any]]]
) -> None:
    """The rows lacking the ordered column come last, by time: past the valued rows (the
    cursor of the last valued row) the second range is walked, not sorted."""
    absent = ExperimentQuery(order=(("metric", "metrics.json", "no.such.metric", False),))
    page = await queries.experiments_page(big_project, absent, None, PAGE)
    assert [k[0] for _r, k in page] == [1] * PAGE
    for query, args in list(statements):
        assert not await plan_faults(query, args), query


CONTROLS = {
    "a scan of cells": "SELECT experiment_id FROM cells WHERE num > ? LIMIT 5",
    "a sort of every row": "SELECT e.id FROM experiments e LEFT JOIN cells o"
    " ON o.experiment_id = e.id AND o.path = 'acc' WHERE e.project_id = ?"
    " ORDER BY COALESCE(o.num, 0), e.id LIMIT 5",
}


@pytest.mark.parametrize("control", list(CONTROLS))
async def test_the_plan_check_sees_scans_and_sorts(
    api: Api, big_project: int, control: str
) -> None:
    """The check above is not blind: the plan of the old shape of a sorted page (every row
    joined to its cell, then sorted) and of a scan of cells are faulted."""
    arg = 0.5 if control == "a scan of cells" else big_project
    assert await plan_faults(CONTROLS[control], [arg])


SORTED_PAGE = """query($name: String!, $after: String) { project(name: $name) {
  experiments(orderBy: [{column: "metric:metrics.json:acc", direction: DESC}], first: 5,
              after: $after) { nodes { id } pageInfo { endCursor } } } }"""


@pytest.mark.parametrize(
    "values",
    [
        ["x", 0.5, "", 1, 2],
        [0, "0.5", "", 1, 2],
        [0, 0.5, 7, 1, 2],
        [0, 0.5, "", "1", 2],
        [0, 0.5, "", 1, None],
        [0, True, "", 1, 2],
        [0, 0.5, "", 1],
    ],
)
async def test_a_forged_cursor_of_a_sorted_page_is_refused(
    api: Api, big_project: int, values: list[Any]
) -> None:
    """A cursor whose values are not those of a sorted page is a typed error, never a
    driver error (PostgreSQL would refuse a text compared with a number)."""
    name = f"plans-{api.backend}"
    first = await api.data(SORTED_PAGE, {"name": name})
    assert decode_cursor(first["project"]["experiments"]["pageInfo"]["endCursor"])[0] == 0
    body = await api.gql(SORTED_PAGE, {"name": name, "after": encode_cursor(values)})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body


async def test_a_range_found_to_hold_many_is_not_probed_again_until_its_ttl(
    api: Api, big_project: int, walked_filters: None, statements: list[tuple[str, list[Any]]]
) -> None:
    """Whether a filter's range holds FEW_MATCHES cells is read from the index once, then
    remembered for MANY_TTL (never wrong: a filter with fewer matches is only walked); the
    pages are those of a fresh probe."""
    q = SHAPES["filter on a param"]
    queries._many.clear()

    def probes() -> int:
        return sum("AS many FROM" in query for query, _a in statements)

    first = await queries.experiments_page(big_project, q, None, PAGE)
    assert probes() == 1
    again = await queries.experiments_page(big_project, q, None, PAGE)
    assert probes() == 1 and [r.id for r, _k in again] == [r.id for r, _k in first]
    for key in queries._many:  # past its TTL
        queries._many[key] = 0.0
    await queries.experiments_page(big_project, q, None, PAGE)
    assert probes() == 2


DEPTH = ("param", "params.yaml", "model.depth")
ACTIVATION = ("param", "params.yaml", "model.activation")
# Counts of several column filters (totalCount of a saved view): each compared with a plain
# COUNT of the rows probed one by one for the same filter.
VIEW = (  # bench/table_scale.py's saved view
    ColumnCondition(*ACC, "GT", 0.6),
    ColumnCondition(*LR, "LTE", 0.01),
    ColumnCondition(*DEPTH, "GTE", 4),
)
COUNTS: dict[str, ExperimentQuery] = {
    "three filters": ExperimentQuery(conditions=VIEW),
    "three filters, hidden rows included": ExperimentQuery(conditions=VIEW, include_hidden=True),
    "two bounds of one column and another": ExperimentQuery(
        conditions=(
            ColumnCondition(*ACC, "GT", 0.55),
            ColumnCondition(*DEPTH, "LT", 10),
            ColumnCondition(*ACC, "LTE", 0.8),
        )
    ),
    "a text and a number": ExperimentQuery(
        conditions=(ColumnCondition(*ACTIVATION, "EQ", "relu"), ColumnCondition(*LR, "GT", 0.001))
    ),
    "a text compared and a number": ExperimentQuery(
        conditions=(ColumnCondition(*LR, "GTE", "0.0"), ColumnCondition(*DEPTH, "GT", 2))
    ),
    "a column present and a value": ExperimentQuery(
        conditions=(ColumnCondition(*DEPTH, "EXISTS", None), ColumnCondition(*LR, "EQ", 0.01))
    ),
    "not equal (rows without the column too) and a range": ExperimentQuery(
        conditions=(ColumnCondition(*DEPTH, "NE", 4), ColumnCondition(*ACC, "GT", 0.6))
    ),
    "a bool and a range": ExperimentQuery(
        conditions=(ColumnCondition(*LR, "EQ", True), ColumnCondition(*ACC, "GT", 0.5))
    ),
    "ranges and a kind": ExperimentQuery(
        kinds=("COMMIT",),
        conditions=(ColumnCondition(*ACC, "GT", 0.6), ColumnCondition(*DEPTH, "GTE", 4)),
    ),
    "ranges and a text search": ExperimentQuery(
        conditions=(
            ColumnCondition(*ACC, "GT", 0.6),
            ColumnCondition(*ACTIVATION, "CONTAINS", "EL"),
            ColumnCondition(*LR, "LT", 0.1),
        )
    ),
    "ranges on a branch's line": ExperimentQuery(
        branch="main",
        conditions=(ColumnCondition(*ACC, "GT", 0.6), ColumnCondition(*LR, "LTE", 0.01)),
    ),
    "ranges matching no row": ExperimentQuery(
        conditions=(ColumnCondition(*ACC, "GT", 0.6), ColumnCondition(*LR, "EQ", 0.5))
    ),
}


@pytest.fixture
async def counted_project(api: Api, tmp_path: Path, unique: str) -> int:
    """A project whose rows are partly hidden, lack a column or hold other value types in it
    (text and bool lr, missing depth)."""
    spec = RepoSpec(commits=60, exps_per_commit=3, seed=7)
    found = await made_project(api, tmp_path, f"counts-{unique}", spec)
    await db.execute("UPDATE experiments SET hidden = 1 WHERE project_id = ? AND id % 5 = 0",
                     [found.id])  # fmt: skip
    await db.execute(
        "DELETE FROM cells WHERE project_id = ? AND path = 'model.depth' AND experiment_id % 7 = 0",
        [found.id],
    )
    column = "project_id = ? AND kind = 'param' AND file = 'params.yaml' AND path = 'lr'"
    await db.execute(
        f"UPDATE cells SET vtype = 'string', num = NULL, text = '0.01' WHERE {column}"
        " AND experiment_id % 11 = 0",
        [found.id],
    )
    await db.execute(
        f"UPDATE cells SET vtype = 'bool', num = 1, text = NULL WHERE {column}"
        " AND experiment_id % 13 = 0",
        [found.id],
    )
    if db.is_postgres():
        await db.execute("ANALYZE cells")
        await db.execute("ANALYZE experiments")
    return found.id


async def plain_count(project_id: int, q: ExperimentQuery) -> int:
    """The rows of ``q``, each row probed for every filter (as a page probes them)."""
    s = queries._build(project_id, q)
    rows = await db.fetch(
        f"SELECT COUNT(*) AS n FROM experiments e WHERE {' AND '.join(s.where)}", s.args
    )
    return int(rows[0]["n"])


@pytest.mark.parametrize("few", [2, queries.FEW_MATCHES])
async def test_counts_of_several_filters_are_plain_counts(
    api: Api,
    counted_project: int,
    statements: list[tuple[str, list[Any]]],
    monkeypatch: pytest.MonkeyPatch,
    few: int,
) -> None:
    """Counted from the filters' ranges (each range read from the index alone, the rows in
    all of them counted, the hidden ones taken away), or driven by a range of few cells:
    the count a plain COUNT gives, and no statement scans or sorts every row."""
    monkeypatch.setattr(queries, "FEW_MATCHES", few)
    monkeypatch.setattr(queries, "MANY_TTL", 0.0)
    hidden = await db.fetch("SELECT COUNT(*) AS n FROM experiments WHERE project_id = ?"
                            " AND hidden > 0", [counted_project])  # fmt: skip
    assert int(hidden[0]["n"]) > 0
    for name, q in COUNTS.items():
        statements.clear()
        expected = await plain_count(counted_project, q)
        statements.clear()
        assert await queries.count_experiments(counted_project, q) == expected, name
        if name.startswith("three") and few == 2:  # the rows in every range, counted
            both = ("INTERSECT ALL SELECT f.experiment_id", "f.experiment_id IN (SELECT")
            assert any(part in query for query, _a in statements for part in both), name
        if name != "ranges matching no row":
            assert expected > 0, name
        for query, args in list(statements):
            faults = await plan_faults(query, args)
            assert not faults, f"{name}: {faults} in\n{query}"
    # The hidden rows are left out: included, they count.
    shown = await queries.count_experiments(counted_project, COUNTS["three filters"])
    every = COUNTS["three filters, hidden rows included"]
    assert await queries.count_experiments(counted_project, every) > shown
