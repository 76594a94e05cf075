"""Project settings (issue 15, item 4, and item 1's autoHideUnchanged): updateProject
changes a project's name, default branch and what it imports, re-indexes it in the
background when what it imports changed (Project.syncState), and the table shows the
result. Real generated repositories, the real app, SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import Api, copy_repo, eventually

from storage import db
from sync.generate import RepoSpec, add_commit, generate_repo

UPDATE = """mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  project { id name syncState settings { defaultBranch subdir importSince
    columns { include exclude } customFiles { path kind } columnLimit autoHideUnchanged } }
  errors { code message field } } }"""

TABLE = """query($name: String!) { project(name: $name) { syncState lastSyncError skippedColumns
  columns { id }
  experiments(filter: {includeHidden: true}, first: 200) {
    nodes { sha kind hidden autoHidden params metrics } } } }"""


async def update(api: Api, project_id: str, **fields: Any) -> dict[str, Any]:
    body = await api.data(UPDATE, {"input": {"id": project_id, **fields}})
    payload: dict[str, Any] = body["updateProject"]
    return payload


async def updated(api: Api, project_id: str, **fields: Any) -> dict[str, Any]:
    payload = await update(api, project_id, **fields)
    assert payload["errors"] == [], payload["errors"]
    project: dict[str, Any] = payload["project"]
    return project


async def table(api: Api, name: str) -> dict[str, Any]:
    project: dict[str, Any] = (await api.data(TABLE, {"name": name}))["project"]
    return project


async def settled(api: Api, name: str, check: Any) -> dict[str, Any]:
    """The table once no sync runs or waits and ``check(table)`` holds."""

    async def done() -> dict[str, Any] | None:
        found = await table(api, name)
        return found if found["syncState"] == "IDLE" and check(found) else None

    result: dict[str, Any] = await eventually(done, f"the re-index of {name}")
    return result


def commits(found: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in found["experiments"]["nodes"] if r["kind"] == "COMMIT"]


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DVC pipeline in ``proj/`` (the repository's root has none), 6 commits on main,
    an experiment on each."""
    path = tmp_path_factory.mktemp("settings") / "repo"
    spec = RepoSpec(commits=6, branches=("main",), exps_per_commit=1, gto_tags=False)
    generate_repo(path, RepoSpec(**{**spec.__dict__, "subdir": "proj"}))
    return path


async def test_settings_default_and_each_import_setting_changes_the_table(
    api: Api, generated: Path, unique: str
) -> None:
    name = f"settings-{unique}"
    project = await api.create_project(generated, name, subdir="proj")
    pid = project["id"]
    before = await settled(api, name, lambda t: True)
    shown = await updated(api, pid)  # nothing given: nothing changes
    assert shown["settings"] == {
        "defaultBranch": "main", "subdir": "proj", "importSince": None,
        "columns": {"include": [], "exclude": []}, "customFiles": [], "columnLimit": 500,
        "autoHideUnchanged": False,
    }  # fmt: skip
    columns = [c["id"] for c in before["columns"]]
    metrics = [c for c in columns if c.startswith("metric:")]
    assert metrics and len(columns) > 3

    # columns: one metric column left out (the JSON keeps it), the others stay
    dropped = metrics[0]
    _kind, file, path = dropped.split(":")
    changed = await updated(api, pid, columns={"exclude": [f"{file}:{path}"]})
    assert changed["settings"]["columns"] == {"include": [], "exclude": [f"{file}:{path}"]}
    assert changed["syncState"] in ("REINDEXING", "IDLE")
    after = await settled(api, name, lambda t: dropped not in [c["id"] for c in t["columns"]])
    assert sorted(c["id"] for c in after["columns"]) == sorted(set(columns) - {dropped})
    assert len(after["experiments"]["nodes"]) == len(before["experiments"]["nodes"])

    # columnLimit: two columns at most, the rest counted as skipped
    await updated(api, pid, columns=None, columnLimit=2)
    limited = await settled(api, name, lambda t: len(t["columns"]) == 2)
    assert limited["skippedColumns"] > 0
    await updated(api, pid, columnLimit=None)
    await settled(api, name, lambda t: len(t["columns"]) == len(columns))

    # importSince: the three oldest commits (and their experiments) go, and come back
    times = await _commit_times(api, name)
    since = sorted(times.values())[3]
    await updated(api, pid, importSince=datetime.fromtimestamp(since, UTC).isoformat())
    recent = await settled(api, name, lambda t: len(commits(t)) == 3)
    assert all(times[r["sha"]] >= since for r in commits(recent))
    assert len(recent["experiments"]["nodes"]) == 6  # 3 commits, one experiment each
    await updated(api, pid, importSince=None)
    await settled(api, name, lambda t: len(commits(t)) == 6)

    # subdir: the repository's root holds no DVC project: no params, no metrics
    await updated(api, pid, subdir="")
    root = await settled(api, name, lambda t: not t["columns"])
    assert all(r["params"] == {} and r["metrics"] == {} for r in commits(root))
    await updated(api, pid, subdir="proj")
    await settled(api, name, lambda t: len(t["columns"]) == len(columns))


async def _commit_times(api: Api, name: str) -> dict[str, int]:
    rows = await db.fetch(
        "SELECT c.sha, c.committed_at FROM commits c JOIN projects p ON p.id = c.project_id"
        " WHERE p.name = ?",
        [name],
    )
    return {r["sha"]: int(r["committed_at"]) for r in rows}


async def test_rename_and_default_branch(api: Api, generated: Path, unique: str) -> None:
    name = f"rename-{unique}"
    pid = (await api.create_project(generated, name, subdir="proj"))["id"]
    other = (await api.create_project(generated, f"other-{unique}", subdir="proj"))["name"]
    taken = await update(api, pid, name=other)
    assert [(e["code"], e["field"]) for e in taken["errors"]] == [("DUPLICATE", "name")]
    renamed = await updated(api, pid, name=f"renamed-{unique}")
    assert renamed["name"] == f"renamed-{unique}"
    assert (await api.data(TABLE, {"name": name}))["project"] is None
    assert (await table(api, f"renamed-{unique}"))["experiments"]["nodes"]
    missing = await update(api, pid, defaultBranch="no-such-branch")
    assert [(e["code"], e["field"]) for e in missing["errors"]] == [("NOT_FOUND", "defaultBranch")]
    same = await updated(api, pid, defaultBranch="main")
    assert same["settings"]["defaultBranch"] == "main"


@pytest.fixture(scope="session")
def without_dvc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """No dvc.yaml anywhere: a params.yaml and a metrics.json, three commits."""
    path = tmp_path_factory.mktemp("nodvc") / "repo"
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    for step, (lr, acc) in enumerate([(0.1, 0.5), (0.01, 0.7), (0.001, 0.9)]):
        files = {"params.yaml": yaml.safe_dump({"lr": lr}), "metrics.json": f'{{"acc": {acc}}}'}
        add_commit(path, "main", files, f"step {step}")
    return path


async def test_custom_files_read_metrics_of_a_repository_without_dvc(
    api: Api, without_dvc: Path, unique: str
) -> None:
    name = f"nodvc-{unique}"
    pid = (await api.create_project(without_dvc, name))["id"]
    before = await settled(api, name, lambda t: True)
    assert all(r["metrics"] == {} for r in commits(before))
    files = [{"path": "metrics.json", "kind": "METRICS"}, {"path": "params.yaml", "kind": "PARAMS"}]
    shown = await updated(api, pid, customFiles=files)
    assert shown["settings"]["customFiles"] == files
    after = await settled(api, name, lambda t: "metric:metrics.json:acc" in str(t["columns"]))
    assert sorted(r["metrics"]["metrics.json"]["acc"] for r in commits(after)) == [
        0.5, 0.7, 0.9,
    ]  # fmt: skip
    assert {c["id"] for c in after["columns"]} == {
        "param:params.yaml:lr",
        "metric:metrics.json:acc",
    }


async def test_auto_hide_unchanged_hides_a_readme_commit_not_a_params_one(
    api: Api, tmp_path: Path, unique: str
) -> None:
    path = tmp_path / "repo"
    generate_repo(path, RepoSpec(commits=3, branches=("main",), exps_per_commit=0, gto_tags=False))
    readme = add_commit(path, "main", {"README.md": "docs\n"}, "docs only")
    params = yaml.safe_load((path / "params.yaml").read_text())
    params["lr"] = 0.123456
    tuned = add_commit(path, "main", {"params.yaml": yaml.safe_dump(params)}, "tune lr")
    name = f"autohide-{unique}"
    pid = (await api.create_project(path, name))["id"]
    found = await table(api, name)
    assert not any(r["hidden"] for r in commits(found))

    await updated(api, pid, autoHideUnchanged=True)  # at once, from the stored rows
    rows = {r["sha"]: r for r in commits(await table(api, name))}
    assert rows[readme]["hidden"] and rows[readme]["autoHidden"]
    assert not rows[tuned]["hidden"]
    assert [r["sha"] for r in rows.values() if r["autoHidden"]] == [readme]

    # a commit indexed while it is on: hidden when indexed
    later = add_commit(path, "main", {"README.md": "more docs\n"}, "docs again")
    await api.sync(pid)
    rows = {r["sha"]: r for r in commits(await table(api, name))}
    assert rows[later]["autoHidden"]

    # a re-index judges every commit again, with the rows it reads
    await updated(api, pid, columnLimit=5)
    again = await settled(api, name, lambda t: len(t["columns"]) == 5)
    assert [r["sha"] for r in commits(again) if r["autoHidden"]] == [later, readme]

    await updated(api, pid, autoHideUnchanged=False)
    rows = {r["sha"]: r for r in commits(await table(api, name))}
    assert not any(r["hidden"] for r in rows.values())


async def test_a_reindex_that_fails_is_failed_until_a_sync_succeeds(
    api: Api, generated: Path, tmp_path: Path, unique: str
) -> None:
    repo = copy_repo(generated, tmp_path / "repo")
    name = f"failing-{unique}"
    pid = (await api.create_project(repo, name, subdir="proj"))["id"]
    away = repo.rename(tmp_path / "away")
    await updated(api, pid, columnLimit=3)

    async def failed() -> dict[str, Any] | None:
        found = await table(api, name)
        return found if found["syncState"] == "FAILED" else None

    assert (await eventually(failed, "the failed re-index"))["lastSyncError"]
    away.rename(repo)
    await api.sync(pid)
    found = await settled(api, name, lambda t: True)
    assert len(found["columns"]) == 3 and found["lastSyncError"] is None
