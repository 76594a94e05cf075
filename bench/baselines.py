"""The two indexing baselines: a cold ``dvc exp show`` and a bare pygit2 walk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pygit2
from pygit2.enums import SortMode

from sync.dvcproject import BlobCache, collect_revision
from sync.indexer import parse_exp_ref
from sync.tree import GitTree

DVC_COMMAND = ("exp", "show", "--json", "-A", "-f")


class BaselineError(RuntimeError):
    """A baseline could not run (e.g. dvc failed)."""


@dataclass(frozen=True, slots=True)
class DvcRun:
    seconds: float
    baselines: int  # rows, including the workspace
    experiments: int


def dvc_exp_show(repo: Path, timeout: float = 600.0) -> DvcRun:
    """A cold ``dvc exp show --json -A -f`` (``.dvc/tmp`` removed first) in ``repo``."""
    shutil.rmtree(repo / ".dvc" / "tmp", ignore_errors=True)
    env = {**os.environ, "DVC_NO_ANALYTICS": "1"}
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "dvc", *DVC_COMMAND],
        cwd=repo,
        env=env,
        capture_output=True,
        check=False,
        timeout=timeout,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace")[-800:]
        raise BaselineError(f"dvc {' '.join(DVC_COMMAND)} failed ({proc.returncode}): {tail}")
    rows = json.loads(proc.stdout)
    exps = sum(len(row.get("experiments") or []) for row in rows)
    return DvcRun(elapsed, len(rows), exps)


def _tips(repo: pygit2.Repository) -> tuple[list[pygit2.Oid], list[pygit2.Oid]]:
    """(branch and tag tips, experiment tips) as commit ids."""
    history: list[pygit2.Oid] = []
    experiments: list[pygit2.Oid] = []
    for name in repo.references:
        is_history = name.startswith(("refs/heads/", "refs/tags/"))
        if not is_history and parse_exp_ref(name) is None:
            continue
        commit = repo.references[name].peel(pygit2.Commit)
        (history if is_history else experiments).append(commit.id)
    return history, experiments


def bare_walk(repo_path: Path) -> int:
    """Read and parse every indexed revision like the indexer, store nothing.

    Every commit reachable from branches and tags plus every ``refs/exps`` tip goes through
    :func:`collect_revision` over a :class:`GitTree`, with one fresh :class:`BlobCache`.
    Returns the number of revisions read.
    """
    repo = pygit2.Repository(str(repo_path))
    history, experiments = _tips(repo)
    walker = repo.walk(history[0], SortMode.TOPOLOGICAL)
    for oid in history[1:]:
        walker.push(oid)
    cache = BlobCache()
    count = 0
    for commit in walker:
        collect_revision(GitTree(repo, commit.tree), "", cache)
        count += 1
    for oid in dict.fromkeys(experiments):
        tip = repo[oid]
        assert isinstance(tip, pygit2.Commit)
        collect_revision(GitTree(repo, tip.tree), "", cache)
        count += 1
    return count
