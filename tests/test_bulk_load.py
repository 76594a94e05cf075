"""Bulk loads as the databases want them: statistics refreshed after a large index write
(PostgreSQL ANALYZE), and a mirror's refs packed after a fetch that left many loose ones."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from support import Api

from storage import db
from sync.generate import RepoSpec, add_commit, generate_repo

EXPERIMENT_ROWS = """SELECT e.kind, e.key, e.sha, e.baseline_sha, e.name, e.ref, e.status,
  e.params, e.metrics FROM experiments e JOIN projects p ON p.id = e.project_id
  WHERE p.name = ? ORDER BY e.key"""


def _analyzed(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("analyzed ")]


async def _analyzed_since(since: Any, tables: tuple[str, ...]) -> bool:
    """Whether every table was ANALYZEd after ``since``; the statistics collector reports
    another backend's ANALYZE with a delay, so this waits for it, up to a deadline."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        rows = await db.fetch(
            "SELECT relname FROM pg_stat_user_tables WHERE last_analyze >= ?", [since]
        )
        if set(tables) <= {r["relname"] for r in rows}:
            return True
        await db.execute("SELECT pg_stat_clear_snapshot()")
        await asyncio.sleep(0.1)
    return False


async def test_first_index_is_analyzed_and_a_small_resync_is_not(
    api: Api, unique: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=6, exps_per_commit=2, gto_tags=False))
    caplog.set_level(logging.INFO, logger="storage.db")
    since = (await db.fetch("SELECT CURRENT_TIMESTAMP AS now"))[0]["now"]
    project = await api.create_project(repo, f"analyze-{unique}")
    if api.backend == "postgres":
        assert _analyzed(caplog) and await _analyzed_since(since, ("cells", "experiments"))
    else:  # SQLite's plans here do not depend on statistics (tests/test_table_plans.py)
        assert _analyzed(caplog) == []

    caplog.clear()
    add_commit(repo, "main", {"params.yaml": "lr: 3\n"}, "one more")
    summary = await api.sync(project["id"])
    assert summary["newCommits"] == 1
    assert _analyzed(caplog) == []  # a few rows: the statistics stay good enough


def _update_refs(repo: Path, lines: list[str]) -> None:
    subprocess.run(
        ["git", "update-ref", "--stdin"], cwd=repo, input="\n".join(lines) + "\n", check=True,
        text=True,
    )  # fmt: skip


async def test_a_fetch_of_many_refs_packs_them_and_indexes_the_same(
    api: Api, daemon: tuple[str, Path], unique: str
) -> None:
    base_url, root = daemon
    repo = root / "project"
    generated = generate_repo(repo, RepoSpec(commits=60, exps_per_commit=4, gto_tags=False))
    exps = generated.experiments
    assert len(exps) >= 200
    _update_refs(repo, [f"delete {ref}" for ref, _sha, _base in exps])
    # First contact without the experiments (a clone is packed); they arrive in one fetch.
    packed = await api.create_project(f"{base_url}/project", f"packed-{unique}")
    _update_refs(repo, [f"create {ref} {sha}" for ref, sha, _base in exps])
    summary = await api.sync(packed["id"])
    assert summary["newExperiments"] == len(exps)

    row = await db.fetch("SELECT id FROM projects WHERE name = ?", [f"packed-{unique}"])
    mirror = api.settings.mirrors_dir / f"{row[0]['id']}.git"
    loose = [p for p in (mirror / "refs" / "exps").rglob("*") if p.is_file()]
    assert loose == [] and (mirror / "packed-refs").is_file()
    packed_refs = (mirror / "packed-refs").read_text()
    assert all(ref in packed_refs for ref, _sha, _base in exps)

    # The same rows as a project that cloned them all at once, and a no-op re-sync after.
    await api.create_project(f"{base_url}/project", f"cloned-{unique}")
    rows = await db.fetch(EXPERIMENT_ROWS, [f"packed-{unique}"])
    assert len(rows) > len(exps)
    assert rows == await db.fetch(EXPERIMENT_ROWS, [f"cloned-{unique}"])
    again = await api.sync(packed["id"])
    assert again["newExperiments"] == 0 and again["removedExperiments"] == 0
    assert await db.fetch(EXPERIMENT_ROWS, [f"packed-{unique}"]) == rows
