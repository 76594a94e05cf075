"""A large sync streams: revisions read and written a batch at a time, each batch its own
transaction, the refs and tips last. The result equals one transaction's; a sync cut off
between batches leaves whole rows that the next sync completes (and prunes what its refs no
longer reach); a batch without the lease writes nothing; the parsed-blob cache is bounded."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from support import Api, git

from storage import db, index
from storage.models import Project
from storage.rows import CommitRow, ExperimentRow
from storage.sqlplan import Fetch, Plan, run_plan
from sync.dvcproject import BlobCache
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials, fetch_mirror
from sync.indexer import Reading, plan, read_batches
from sync.service import IndexStreaming, ProjectSyncer, revision_rows

SPEC = RepoSpec(commits=14, exps_per_commit=2, gto_tags=True, extra_formats=True)

ROWS = """SELECT e.kind, e.key, e.sha, e.baseline_sha, e.name, e.ref, e.status, e.params,
  e.metrics, e.errors, e.plots, e.deps, e.outs, e.revision_error, e.created_at
  FROM experiments e WHERE e.project_id = ? ORDER BY e.key"""
CELLS = """SELECT e.key, c.kind, c.file, c.path, c.vtype, c.num, c.text FROM cells c
  JOIN experiments e ON e.id = c.experiment_id WHERE c.project_id = ?
  ORDER BY e.key, c.kind, c.file, c.path"""
COMMITS = "SELECT sha, parents, message FROM commits WHERE project_id = ? ORDER BY sha"
MEMBERS = """SELECT b.name, c.sha FROM branch_commits bc JOIN branches b ON b.id = bc.branch_id
  JOIN commits c ON c.id = bc.commit_id WHERE b.project_id = ? ORDER BY b.name, c.sha"""
TAGS = "SELECT name, sha, message FROM tags WHERE project_id = ? ORDER BY name"


async def _state(project_id: int) -> dict[str, Any]:
    """Everything an index holds of a project, without row ids."""
    out: dict[str, Any] = {}
    for name, query in (
        ("rows", ROWS),
        ("cells", CELLS),
        ("commits", COMMITS),
        ("members", MEMBERS),
        ("tags", TAGS),
    ):
        out[name] = await db.fetch(query, [project_id])
    project = await Project.get(id=project_id)
    out["tips"] = orjson.loads(project.ref_tips)
    out["lease"] = project.sync_owner
    return out


def _syncer(api: Api, batch_rows: int) -> ProjectSyncer:
    streaming = IndexStreaming(index_batch_rows=batch_rows, parse_cache_entries=1000)
    return ProjectSyncer(api.settings.mirrors_dir, Credentials(), streaming=streaming)


async def _indexed(api: Api, repo: Path, name: str, batch_rows: int) -> tuple[int, int]:
    project = await Project.create(name=name, repo_url=str(repo))
    report = await _syncer(api, batch_rows).sync(project)
    return project.id, report.new_commits + report.new_experiments


async def test_a_streamed_index_equals_one_transaction(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, SPEC)
    whole, revisions = await _indexed(api, repo, f"whole-{unique}", 10_000)
    streamed, same = await _indexed(api, repo, f"streamed-{unique}", 4)  # 11 batches
    assert revisions == same and revisions > 4 * 10
    expected = await _state(whole)
    assert expected["rows"] and expected["cells"] and expected["members"] and expected["tags"]
    assert await _state(streamed) == expected
    assert index.PARTIAL not in expected["tips"] and expected["lease"] is None


async def test_a_sync_cut_off_between_batches_is_completed_and_pruned_by_the_next(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """What a process killed mid-stream leaves (some batches committed, old tips kept and
    marked partial), made by the same calls the syncer makes; meanwhile the branch those
    rows came from is deleted. The next sync ends equal to a clean index of the repository."""
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=4, exps_per_commit=1, gto_tags=False))
    project_id, _ = await _indexed(api, repo, f"cut-{unique}", 3)
    old_tips = orjson.loads((await Project.get(id=project_id)).ref_tips)
    # A branch of its own history, with experiments, that the remote later deletes.
    generate_repo(repo, RepoSpec(commits=6, exps_per_commit=1, gto_tags=False, seed=7,
                                 branches=("doomed",)))  # fmt: skip
    mirror = tmp_path / "cut-mirror.git"
    fetch_mirror(mirror, str(repo), Credentials())
    result = plan(mirror, old_tips)
    assert len(result.commit_shas) >= 6
    batches = read_batches(mirror, result, Reading(), BlobCache(), 3)
    for number, revisions in enumerate(batches):
        if number == 2:
            break  # killed here: two batches committed, the rest never written
        commits, rows = revision_rows(revisions, [])
        await index.write_rows(project_id, commits, rows, None, old_tips if number == 0 else None)
    batches.close()
    cut = await _state(project_id)
    assert cut["tips"] == {**old_tips, index.PARTIAL: "1"}  # the tips did not move
    assert len(cut["commits"]) > 4  # rows of the cut-off sync are stored, whole
    keys = {r["key"] for r in cut["rows"]}
    assert {c["key"] for c in cut["cells"]} <= keys

    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "-q", "-D", "doomed")
    for ref in git(repo, "for-each-ref", "--format=%(refname)", "refs/exps").split():
        if ref not in old_tips:
            git(repo, "update-ref", "-d", ref)
    project = await Project.get(id=project_id)
    await _syncer(api, 3).sync(project)
    clean, _ = await _indexed(api, repo, f"clean-{unique}", 3)
    after, expected = await _state(project_id), await _state(clean)
    assert after == expected
    assert index.PARTIAL not in after["tips"]


async def test_a_batch_without_the_lease_writes_nothing(api: Api, unique: str) -> None:
    project = await Project.create(name=f"fenced-{unique}", repo_url=f"/nowhere/{unique}")
    await db.execute("UPDATE projects SET sync_owner = 'successor' WHERE id = ?", [project.id])
    commit = CommitRow("b" * 40, [], "A", "a@x", 1, "A", "a@x", 1, 0, "lost")
    with pytest.raises(index.LeaseLost):
        await index.write_rows(project.id, [commit], [], "stalled", {"refs/heads/main": "c" * 40})
    row = await Project.get(id=project.id)
    assert (row.sync_owner, row.ref_tips) == ("successor", "{}")
    assert await db.fetch("SELECT id FROM commits WHERE project_id = ?", [project.id]) == []
    await Project.filter(id=project.id).delete()


def test_batches_are_bounded_and_cover_every_revision(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=9, exps_per_commit=2, gto_tags=False))
    mirror = tmp_path / "mirror.git"
    fetch_mirror(mirror, str(repo), Credentials())
    result = plan(mirror, {})
    sizes, seen, batch_of = [], [], {}
    for number, batch in enumerate(read_batches(mirror, result, Reading(), BlobCache(), 4)):
        sizes.append(len(batch))
        seen += [r.commit.sha for r in batch.commits]
        seen += [e.ref for e in batch.experiments]
        batch_of.update({r.commit.sha: number for r in batch.commits})
        batch_of.update({e.ref: number for e in batch.experiments})
    assert max(sizes) == 4 and sum(sizes) == len(seen) == len(set(seen))
    assert set(seen) == {*result.commit_shas, *(ref for ref, _sha in result.experiment_refs)}
    # Commits in walk order; an experiment right after its baseline (its files are mostly the
    # baseline's: still in the parse cache).
    assert [sha for sha in seen if sha in batch_of and not sha.startswith("refs/")] == (
        result.commit_shas
    )
    order = {name: i for i, name in enumerate(seen)}
    for ref, _sha in result.experiment_refs:
        baseline = ref.split("/")[2] + ref.split("/")[3]
        assert order[baseline] < order[ref]
        assert batch_of[ref] - batch_of[baseline] <= 1  # in its batch or the next


def test_the_parse_cache_keeps_at_most_its_bound_and_the_recently_used() -> None:
    cache = BlobCache(max_entries=10)
    for i in range(100):
        cache.put(f"{i:040x}", "params", i)
        assert cache.get(f"{0:040x}", "params") == 0  # used all along: never dropped
        assert len(cache) <= 10
    assert cache.get(f"{1:040x}", "params") is None  # long unused: gone
    assert cache.get(f"{99:040x}", "params") == 99


def test_after_a_large_index_the_cache_keeps_only_the_tags() -> None:
    cache = BlobCache(max_entries=100)
    cache.put("a" * 40, "params", {"lr": 1})
    cache.put("b" * 40, "tag:refs/tags/m@v1", "row")
    cache.keep_only("tag:")
    assert cache.get("a" * 40, "params") is None
    assert cache.get("b" * 40, "tag:refs/tags/m@v1") == "row"


def test_the_index_flattens_cells_as_storage_cells_does() -> None:
    from storage.cells import flatten
    from storage.index import _flatten

    doc = {
        "lr": 0.01,
        "epochs": 3,
        "flag": True,
        "none": None,
        "name": "resnet",
        "empty": {},
        "list": [1, "a", {"b": 2}],
        "nested": {"a": {"b": {"c": False, "d": "x"}}, "e": []},
        7: "int key",
    }
    for kind in ("param", "metric"):
        expected = [tuple(cell) for cell in flatten(kind, {"params.yaml": doc})]
        assert _flatten(kind, "params.yaml", doc) == expected
        assert _flatten(kind, "f.json", 1.5) == [tuple(c) for c in flatten(kind, {"f.json": 1.5})]


async def test_a_first_index_is_vacuumed_on_postgresql(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """PostgreSQL: the first index ends with VACUUM (ANALYZE) of the tables it filled, so
    the visibility map is set and an unfiltered count can read the index alone."""
    if api.backend != "postgres":
        pytest.skip("SQLite has no visibility map; its counts read the index anyway")
    repo = tmp_path / "repo"
    generate_repo(repo, SPEC)
    since = (await db.fetch("SELECT CURRENT_TIMESTAMP AS now"))[0]["now"]
    await _indexed(api, repo, f"vacuum-{unique}", 10_000)
    deadline = time.monotonic() + 15  # another backend's VACUUM is reported with a delay
    vacuumed: set[str] = set()
    while time.monotonic() < deadline and not {"experiments", "cells"} <= vacuumed:
        await db.execute("SELECT pg_stat_clear_snapshot()")
        rows = await db.fetch(
            "SELECT relname FROM pg_stat_user_tables WHERE last_vacuum >= ?", [since]
        )
        vacuumed = {r["relname"] for r in rows}
        await asyncio.sleep(0.05)
    assert {"experiments", "cells"} <= vacuumed
    visible = await db.fetch("SELECT relallvisible FROM pg_class WHERE relname = 'experiments'", [])
    assert visible[0]["relallvisible"] > 0  # the visibility map an index-only scan reads


def test_colliding_paths_flatten_to_one_cell_in_both_implementations() -> None:
    """A dotted key repeating a nested path, or an empty key, gives the same cells in the
    index's hot path as in storage.cells.flatten (the first of a repeated path kept)."""
    from storage.cells import flatten
    from storage.index import _flatten

    docs: list[dict[Any, Any]] = [
        {"a.b": 1, "a": {"b": 2}},
        {"a": {"b": 2}, "a.b": 1, "c": 3},
        {"x": {"y.z": "s", "y": {"z": None, "w": True}}, "x.y.z": 4.5},
        {"": 1, "e": {"": {"f": 2}}, "g": {"": 3}},
        {"a.b.c": [1], "a": {"b.c": {}, "b": {"c": "last"}}},
    ]
    for doc in docs:
        for kind in ("param", "metric"):
            expected = [tuple(cell) for cell in flatten(kind, {"p.yaml": doc})]
            got = _flatten(kind, "p.yaml", doc)
            assert got == expected, doc
            paths = [cell[2] for cell in got]
            assert len(paths) == len(set(paths))
    assert [c[2:5] for c in _flatten("param", "p.yaml", docs[0])] == [("a.b", "number", 1.0)]


async def test_a_document_with_colliding_paths_indexes_one_cell_per_column(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """Indexed on either database: ``{"a.b": 1, "a": {"b": 2}}`` is one cell, the first."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "params.yaml").write_text("a.b: 1\na:\n  b: 2\nc: 3\n")
    git(repo, "add", "params.yaml")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "one")
    project, _revisions = await _indexed(api, repo, f"collide-{unique}", 10_000)
    cells = await db.fetch(
        "SELECT path, vtype, num FROM cells WHERE project_id = ? AND kind = 'param' ORDER BY path",
        [project],
    )
    assert cells == [
        {"path": "a.b", "vtype": "number", "num": 1.0},
        {"path": "c", "vtype": "number", "num": 3.0},
    ]


async def _page_cache_size() -> int:
    def read() -> Plan[int]:
        rows = yield Fetch("PRAGMA cache_size")
        return int(next(iter(rows[0].values())))

    return await run_plan(read())


async def test_overlapping_streamed_syncs_leave_the_page_cache_as_it_was(api: Api) -> None:
    """Syncs stream at once on the one SQLite writer: the raised page cache stays while any
    of them streams and the size before the first comes back after the last, whatever
    order they end in. (PostgreSQL has no such cache: bulk_writes changes nothing.)"""
    first, second = index.bulk_writes(), index.bulk_writes()
    if db.is_postgres():
        async with first, second:
            return
    before = await _page_cache_size()
    await first.__aenter__()
    raised = await _page_cache_size()
    assert raised != before
    await second.__aenter__()
    await first.__aexit__(None, None, None)  # the first ends while the second streams
    assert await _page_cache_size() == raised
    await second.__aexit__(None, None, None)
    assert await _page_cache_size() == before


async def test_cells_of_any_value_are_written_as_flattened_by_every_path(
    api: Api, unique: str
) -> None:
    """Cells go to SQLite by executemany (PostgreSQL: column arrays), documents shared by
    rows flattened once, whatever the values (NUL in a string, infinities, big and tiny
    numbers; PostgreSQL's text refuses NUL). Every row holds the cells
    storage.cells.flatten gives (a NaN is NULL on SQLite, as a bound NaN is)."""
    from storage.cells import flatten

    shared = {"lr": 0.1, "opt": {"name": "adam", "beta": [0.9, 0.99]}}
    documents: list[dict[str, Any]] = [
        {"params.yaml": shared},
        {"params.yaml": shared, "p.json": {"%d": "%s %% %d", "q": '"],[%d,"x"]'}},
        {"params.yaml": {"nul": "a\x00b" if api.backend == "sqlite" else "ab", "lr": 0.2}},
        {"params.yaml": {"big": 1e308, "tiny": 5e-324, "neg": -0.0, "nan": float("nan")}},
        {"params.yaml": {"inf": float("inf"), "ninf": float("-inf")}},
        {"params.yaml": {"uni": "é中🎉\u2028", "esc": "back\\slash\ttab\nnl", "e": {}}},
        {"params.yaml": {}},
    ]
    rows = [
        ExperimentRow(
            "EXPERIMENT",
            f"refs/exps/{unique}/{i}",
            "a" * 40,
            "b" * 40,
            f"e{i}",
            None,
            "COMPLETED",
            None,
            None,
            None,
            i,
            {"params": doc, "metrics": {"m.json": {"acc": i}}},
        )
        for i, doc in enumerate(documents)
    ]
    project = await Project.create(name=f"cells-{unique}", repo_url=f"/nowhere/{unique}")
    await index.write_rows(project.id, [], rows, None)
    stored = await db.fetch(
        "SELECT e.key, c.kind, c.file, c.path, c.vtype, c.num, c.text FROM cells c"
        " JOIN experiments e ON e.id = c.experiment_id WHERE c.project_id = ?",
        [project.id],
    )
    nan_as_null = [None if r["num"] != r["num"] else r["num"] for r in stored]  # PostgreSQL's
    got = sorted((r["key"], r["kind"], r["file"], r["path"], r["vtype"], num, r["text"])
                 for r, num in zip(stored, nan_as_null, strict=True))  # fmt: skip
    expected = sorted(
        (row.key, *cell[:4], None if cell.num != cell.num else cell.num, cell.text)
        for row in rows
        for kind, part in (("param", "params"), ("metric", "metrics"))
        for cell in flatten(kind, row.data[part])
    )
    assert got == expected
    for num in (r[5] for r in got if r[3] in ("big", "tiny", "neg", "inf", "ninf")):
        assert num is not None
    await Project.filter(id=project.id).delete()
