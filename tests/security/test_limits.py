"""Limits of what indexing and ingest store (issue 11, item 5): files over the parse bound are
reported, not parsed; at most GITSTUDIO_MAX_COLUMNS columns per project, the rest counted as
skipped; ``Project.columns`` filtered and paged; unmatched repository URLs truncated, capped
and readable by ADMIN only; deep JSON input refused before use."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import MISSING, fields, replace
from pathlib import Path
from typing import Any

import pytest
from harness import Hostile, assert_graphql_error
from live_support import event, new_project, post_live
from support import Api

from gitstudio.app import write_limits
from gitstudio.graphql_http import Params, PlanCounters
from gitstudio.settings import Settings
from storage import db, limits
from sync.dvcproject import BlobCache, collect_revision
from sync.generate import RepoSpec, add_commit, generate_repo
from sync.tree import GitTree
from sync.write_policy import WriteLimits

Tighten = Callable[..., None]


@pytest.fixture
def tighten(api: Api) -> Iterator[Tighten]:
    """Set limits for one test (they are per process), restored afterwards."""

    def configure(**values: Any) -> None:
        limits.configure(replace(api.settings, **values))

    yield configure
    limits.configure(api.settings)


def small_repo(path: Path, changes: dict[str, str | None]) -> tuple[Path, str]:
    generate_repo(
        path,
        RepoSpec(commits=1, branches=("main",), exps_per_commit=0, extra_formats=False, seed=3),
    )
    return path, add_commit(path, "main", changes, "the file under test")


COMMIT = """query($name: String!, $sha: String!) { project(name: $name) {
  skippedColumns commit(sha: $sha) { params metrics errors { file kind type message } } } }"""


def test_the_bounds_below_the_app_come_from_the_settings() -> None:
    """gitstudio.settings is the one source of every bound: the bounds dataclasses of
    storage/ and sync/ have no defaults of their own, and each field is the setting of its
    name (so the app's builders cannot drop or mix one up)."""
    settings = replace(Settings(), max_columns=7, max_param_changes=3, max_ref_name_bytes=9)
    for kind in (limits.Limits, WriteLimits):
        assert [f.name for f in fields(kind) if f.default is not MISSING] == []
        built = limits.from_settings(kind, settings)
        assert all(getattr(built, f.name) == getattr(settings, f.name) for f in fields(kind))
    assert write_limits(settings) == limits.from_settings(WriteLimits, settings)
    assert write_limits(settings).max_param_changes == 3
    with pytest.raises(TypeError, match="no setting max_parse_file_bytes, max_columns"):
        limits.from_settings(limits.Limits, object())


async def test_a_file_over_the_parse_bound_is_reported_not_parsed(
    api: Api, tmp_path: Path, unique: str, tighten: Tighten
) -> None:
    big = {f"metric_{i:04d}": i for i in range(200)}
    repo, sha = small_repo(tmp_path / "big", {"metrics.json": json.dumps(big)})
    tighten(max_parse_file_bytes=2000)
    await api.create_project(repo, f"big-{unique}")
    found = (await api.data(COMMIT, {"name": f"big-{unique}", "sha": sha}))["project"]["commit"]
    errors = [e for e in found["errors"] if e["file"] == "metrics.json"]
    assert [(e["kind"], e["type"]) for e in errors] == [("metrics", "FileTooLargeError")]
    assert (
        "2000" in errors[0]["message"] and "GITSTUDIO_MAX_PARSE_FILE_BYTES" in errors[0]["message"]
    )
    assert "metrics.json" not in found["metrics"]
    assert found["params"]["params.yaml"], "files under the bound are still parsed"


def test_the_size_comes_before_the_content(tmp_path: Path, tighten: Tighten) -> None:
    """The bound is checked on the object header: an oversized blob is never read."""
    repo, sha = small_repo(tmp_path / "big", {"metrics.json": json.dumps(list(range(3000)))})
    tighten(max_parse_file_bytes=1000)
    import pygit2

    git = pygit2.Repository(str(repo))
    commit = git[sha]
    assert isinstance(commit, pygit2.Commit)

    class Counting(GitTree):
        __slots__ = ("reads",)

        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.reads: list[str] = []

        def read(self, path: str) -> tuple[str, bytes] | None:
            self.reads.append(path)
            return super().read(path)

    tree = Counting(git, commit.tree)
    data = collect_revision(tree, "", BlobCache())
    assert "metrics.json" not in tree.reads
    assert "params.yaml" in tree.reads
    assert [e.type for e in data.errors if e.file == "metrics.json"] == ["FileTooLargeError"]


COLUMNS = """query($name: String!, $kind: ColumnKind, $file: String, $search: String,
  $first: Int, $after: String) { project(name: $name) { skippedColumns
  columns(kind: $kind, file: $file, search: $search, first: $first, after: $after) {
    id kind file path } } }"""


async def test_columns_beyond_the_cap_are_skipped_and_counted(
    api: Api, tmp_path: Path, unique: str, tighten: Tighten
) -> None:
    metrics = {f"score_{i:03d}": i / 100 for i in range(40)}
    repo, _sha = small_repo(tmp_path / "wide", {"metrics.json": json.dumps(metrics)})
    tighten(max_columns=12)
    name = f"wide-{unique}"
    project = await api.create_project(repo, name)
    commits = await api.data(
        '{ project(name: "%s") { commits { nodes { params metrics } } } }' % name
    )
    found: set[str] = set()
    for node in commits["project"]["commits"]["nodes"]:
        for kind in ("params", "metrics"):
            for file, doc in node[kind].items():
                found.update(f"{kind}:{file}:{p}" for p in _paths("", doc))
    answer = (await api.data(COLUMNS, {"name": name}))["project"]
    assert len(answer["columns"]) == 12
    assert answer["skippedColumns"] == len(found) - 12
    params = [c for c in answer["columns"] if c["kind"] == "PARAM"]
    assert len(params) == len({f for f in found if f.startswith("params:")}), "params first"
    stored = await db.fetch(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT kind, file, path FROM cells"
        " WHERE project_id = ?) AS t",
        [await _db_id(name)],
    )
    assert int(stored[0]["n"]) == 12, "skipped columns store no cells"
    # A later sync keeps indexing the columns the project has, and never counts twice.
    more = {**metrics, "late_metric": 1.0}
    add_commit(repo, "main", {"metrics.json": json.dumps(more)}, "one more")
    await api.sync(project["id"])
    again = (await api.data(COLUMNS, {"name": name}))["project"]
    assert [c["id"] for c in again["columns"]] == [c["id"] for c in answer["columns"]]
    assert again["skippedColumns"] == answer["skippedColumns"]


def _paths(prefix: str, value: Any) -> Iterator[str]:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            yield from _paths(f"{prefix}.{key}" if prefix else str(key), sub)
    elif prefix:
        yield prefix


async def _db_id(name: str) -> int:
    rows = await db.fetch("SELECT id FROM projects WHERE name = ?", [name])
    return int(rows[0]["id"])


async def column_ids(api: Api, name: str, **args: Any) -> list[str]:
    found = (await api.data(COLUMNS, {"name": name, **args}))["project"]["columns"]
    return [c["id"] for c in found]


async def test_columns_filter_and_pages(api: Api, tmp_path: Path, unique: str) -> None:
    metrics = {"train": {f"Loss_{i}": i for i in range(6)}, "val": {"acc": 1, "loss": 2}}
    repo, _sha = small_repo(tmp_path / "cols", {"metrics.json": json.dumps(metrics)})
    name = f"cols-{unique}"
    await api.create_project(repo, name)

    async def ids(**args: Any) -> list[str]:
        return await column_ids(api, name, **args)

    everything = await ids()
    assert everything == sorted(everything, key=lambda i: (not i.startswith("param:"), i))
    metric_ids = await ids(kind="METRIC")
    assert metric_ids == [i for i in everything if i.startswith("metric:")]
    assert await ids(file="metrics.json") == [i for i in everything if ":metrics.json:" in i]
    assert await ids(search="LOSS") == [i for i in everything if "loss" in i.lower()]
    pages, after = [], None
    while True:
        page = await ids(first=4, after=after)
        if not page:
            break
        pages.append(page)
        after = page[-1]
    assert [i for p in pages for i in p] == everything
    assert all(len(p) == 4 for p in pages[:-1])
    for bad in ({"after": "not-a-column"}, {"first": -1}, {"first": 100_000}):
        body = await api.gql(COLUMNS, {"name": name, **bad})
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body


async def distinct_columns(project_id: int) -> int:
    rows = await db.fetch(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT kind, file, path FROM cells"
        " WHERE project_id = ?) AS t",
        [project_id],
    )
    return int(rows[0]["n"])


async def test_live_runs_are_held_to_the_column_cap(
    api: Api, tmp_path: Path, unique: str, tighten: Tighten
) -> None:
    """POST /api/live writes cells too: the same cap holds there."""
    name = f"livecap-{unique}"
    repo, project_id, baseline = await new_project(api, tmp_path, name)
    had = await distinct_columns(project_id)
    tighten(max_columns=had + 5)
    params = {"params.yaml": {f"wide_{i:03d}": i for i in range(50)}}
    response = await post_live(api, event("start", str(repo), baseline, "wide", params=params))
    assert response.status_code == 200, response.text
    assert await distinct_columns(project_id) == had + 5
    answer = await api.data('{ project(name: "%s") { skippedColumns } }' % name)
    assert answer["project"]["skippedColumns"] == 45
    row = await db.fetch(
        "SELECT params FROM experiments WHERE project_id = ? AND kind = 'LIVE'", [project_id]
    )
    assert json.loads(row[0]["params"]) == params, "the run keeps every param"


UNMATCHED = "{ unmatchedRepositories { repoUrl events lastSeenAt } }"


async def test_unmatched_urls_are_truncated_capped_and_for_admins(
    hostile: Hostile, api: Api, unique: str, tighten: Tighten
) -> None:
    tighten(unmatched_url_chars=300, unmatched_max_rows=3)
    # Past what is kept (300) but within GITSTUDIO_MAX_REPO_URL_BYTES (longer is a 400).
    long_url = f"https://example.com/{unique}/" + "x" * 1_500
    urls = [long_url, *(f"https://example.com/{unique}/r{i}.git" for i in range(4))]
    for url in urls:
        response = await post_live(api, event("start", url, "0" * 40, "lost"))
        assert response.status_code == 404
    rows = await db.fetch("SELECT repo_key, repo_url FROM unmatched_repos")
    assert len(rows) == 3
    assert all(len(r["repo_url"]) <= 300 and len(r["repo_key"]) <= 300 for r in rows)
    body = (await hostile.gql(UNMATCHED)).json()
    seen = [r["repoUrl"] for r in body["data"]["unmatchedRepositories"]]
    assert seen == [urls[4], urls[3], urls[2]], "the most recently seen are kept, newest first"
    for scope in ("READ", "EXPERIMENTS", "PROJECTS"):
        assert_graphql_error(await hostile.gql(UNMATCHED, scope=scope), "FORBIDDEN")
    assert_graphql_error(await hostile.gql(UNMATCHED, scope=None), "UNAUTHENTICATED")


RUN = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  commit { sha } errors { code message } } }"""


@pytest.mark.parametrize("shape", ["object", "list"])
async def test_deep_json_input_is_refused_before_use(hostile: Hostile, shape: str) -> None:
    value: Any = 1
    for _ in range(900):  # under orjson's own bound (1024 levels) on the request body
        value = [value] if shape == "list" else {"a": value}
    alpha = hostile.projects["alpha"]
    before = await hostile.snapshot()
    change = {"file": "params.yaml", "path": "lr", "value": value}
    variables = {"input": {"projectId": alpha.id, "baseRev": "main", "paramChanges": [change]}}
    body = assert_graphql_error(await hostile.gql(RUN, variables), "BAD_USER_INPUT")
    assert "nested deeper than" in json.dumps(body)
    await hostile.assert_unchanged(before)


async def test_columns_without_first_are_held_to_the_cap(
    api: Api, tmp_path: Path, unique: str, tighten: Tighten
) -> None:
    """A project indexed before the cap (or under a larger one) may hold more columns than
    GITSTUDIO_MAX_COLUMNS: the call without `first` still answers at most that many, the
    first ones in order; the page is cut in SQL, filters and cursors included."""
    metrics = {f"score_{i:03d}": i for i in range(30)}
    metrics |= {"odd_name": 1, "oddxname": 2, "per%cent": 3}
    repo, _sha = small_repo(tmp_path / "precap", {"metrics.json": json.dumps(metrics)})
    name = f"precap-{unique}"
    await api.create_project(repo, name)

    async def ids(**args: Any) -> list[str]:
        return await column_ids(api, name, **args)

    everything = await ids(first=200)
    assert 33 < len(everything) < 200
    tighten(max_columns=10)
    assert await ids() == everything[:10]
    assert await ids(after=everything[4]) == everything[5:15]
    assert await ids(first=20) == everything[:20], "an explicit page is the client's"
    # search is a substring, not a LIKE pattern: _ and % match only themselves
    assert await ids(search="odd_") == [i for i in everything if "odd_" in i]
    assert await ids(search="r%c") == [i for i in everything if "r%c" in i]
    assert await ids(search="SCORE_02", kind="METRIC") == [i for i in everything if "score_02" in i]


def test_plan_fallbacks_remember_no_query_text(caplog: pytest.LogCaptureFixture) -> None:
    """Each falling-back document is logged once; what is remembered for that is a digest,
    not the text (10,000 documents of up to 1 MB each)."""
    counters = PlanCounters()
    huge = "{ __typename }" + " " * 1_000_000
    with caplog.at_level("INFO", logger="gitstudio.graphql_http"):
        for _ in range(3):
            counters.fell_back(Params(huge, None, None))
        counters.fell_back(Params(huge, None, "Other"))
    assert counters.not_compiled == 4
    assert len([r for r in caplog.records if "graphql-core" in r.getMessage()]) == 2
    kept = [part for key in counters._seen for part in key if isinstance(part, str | bytes)]
    assert kept and all(len(part) <= 64 for part in kept), "no query text is kept"
