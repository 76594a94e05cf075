"""YAML aliases in params and metrics files: a config that reuses blocks (anchors, aliases,
merge keys) is read as `dvc exp show` reads it; a few hundred bytes of aliases that unfold
into millions of values are a file error, not minutes of indexing and a row of megabytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygit2
from support import dvc_json, git, new_dvc_repo

from sync.dvcproject import BlobCache, collect_revision
from sync.tree import GitTree

REUSED = """\
base: &base {lr: 0.1, epochs: 10, optimizer: {name: adam, beta: 0.9}}
small:
  <<: *base
  lr: 0.01
large: *base
sizes: &sizes [16, 32, 64]
grid: [*sizes, *sizes]
"""

BOMB = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)
)


def revision(repo: Path) -> dict[str, Any]:
    opened = pygit2.Repository(str(repo))
    commit = opened.head.peel(pygit2.Commit)
    data = collect_revision(GitTree(opened, commit.tree), "", BlobCache())
    return data.to_json()


def commit(repo: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (repo / path).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "files")


def test_reused_blocks_read_as_dvc_reads_them(tmp_path: Path) -> None:
    repo = new_dvc_repo(tmp_path / "reused")
    commit(repo, {"params.yaml": REUSED, "dvc.yaml": "metrics: [metrics.yaml]\n",
                  "metrics.yaml": "acc: 0.5\nreused: &r {f1: 0.4}\nagain: *r\n"})  # fmt: skip
    ours = revision(repo)
    (shown,) = [r for r in dvc_json(repo, "exp", "show") if r["rev"] != "workspace"]
    data = shown["data"]
    assert ours["params"] == {f: d["data"] for f, d in data["params"].items()}
    assert ours["metrics"] == {f: d["data"] for f, d in data["metrics"].items()}
    assert ours["errors"] == []


def test_aliases_that_unfold_into_millions_are_a_file_error(tmp_path: Path) -> None:
    repo = new_dvc_repo(tmp_path / "bomb")
    commit(repo, {"params.yaml": BOMB, "dvc.yaml": "metrics: [metrics.yaml]\n",
                  "metrics.yaml": BOMB})  # fmt: skip
    found = revision(repo)
    errors = {(e["file"], e["type"]) for e in found["errors"]}
    assert errors == {("params.yaml", "FileTooLargeError"), ("metrics.yaml", "FileTooLargeError")}
    assert len(repr(found)) < 10_000
