"""The repository of bench/scale.py: generated once, cached between runs.

``sync.generate.generate_repo(path, RepoSpec(commits=N, exps_per_commit=3))`` (N commits on
``main`` and ``feature``, 3 ``refs/exps`` experiments each, the generator's 3 GTO tags), then
4,000 more annotated GTO tags on commits of ``main``: MODELS models x VERSIONS versions, each
version registered (``model-i@vV.0.0``) and assigned one stage (``model-i#stage#counter``),
as ``gto register`` / ``gto assign`` name them. The result lives in
``<cache>/repo<N>`` with ``<cache>/repo<N>.json`` written last (a run that was interrupted
leaves no marker and is generated again).

A complete repository generated with the same spec by ``bench/table_scale.py`` (in
``<tmp>/table_scale/repo<N>``) is reused: hard-linked (``cp -al``; git replaces files by
rename, so neither copy changes the other), then tagged.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pygit2
from pygit2.enums import ObjectType, SortMode

from sync.generate import RepoSpec, generate_repo

MODELS = 100
VERSIONS = 20
STAGES = ("dev", "staging", "prod")
TAG_BASE_TIME = 1_790_000_000


@dataclass(frozen=True, slots=True)
class ScaleRepo:
    path: Path
    commits: int
    exps_per_commit: int
    registry_tags: int  # the tags added here (the generator's 3 come on top)
    seconds: float  # generation time when this run made it, 0.0 when it came from the cache
    source: str  # "cache", "generated" or "reused <path>"


def _complete(repo: Path) -> bool:
    """A generate_repo() output that finished: its last steps are the GTO tags and the
    checkout of main."""
    return (
        (repo / ".git" / "refs" / "tags" / "model@v0.0.2").exists()
        or _has_packed_tag(repo, "model@v0.0.2")
    ) and (repo / "dvc.lock").exists()


def _has_packed_tag(repo: Path, tag: str) -> bool:
    packed = repo / ".git" / "packed-refs"
    return packed.exists() and f"refs/tags/{tag}\n" in packed.read_text()


def add_registry_tags(repo_path: Path, models: int = MODELS, versions: int = VERSIONS) -> int:
    """``models * versions * 2`` annotated GTO tags on commits of main, oldest first."""
    repo = pygit2.Repository(str(repo_path))
    walker = repo.walk(repo.branches.local["main"].target, SortMode.TOPOLOGICAL)
    commits = [str(c.id) for c in walker][::-1]
    rng = random.Random(12)
    clock = TAG_BASE_TIME
    made = 0
    for m in range(models):
        name = f"model-{m}"
        for v in range(versions):
            # version v of every model near commit v * len / versions: a model's versions on
            # distinct commits in order (GTO resolves a stage through the commit's version)
            sha = pygit2.Oid(hex=commits[(v * len(commits) // versions + m) % len(commits)])
            for tag, message in (
                (f"{name}@v{v}.0.0", f"Registering artifact {name} version v{v}.0.0"),
                (
                    f"{name}#{STAGES[v % len(STAGES)]}#{v + 1}",
                    f"Assigning stage {STAGES[v % len(STAGES)]} to artifact {name}"
                    f" version v{v}.0.0",
                ),
            ):
                clock += rng.randint(1, 90)
                sig = pygit2.Signature("Alice", "alice@example.com", clock, 0)
                repo.create_tag(tag, sha, ObjectType.COMMIT, sig, message)
                made += 1
    return made


def scale_repo(cache: Path, commits: int, exps_per_commit: int = 3) -> ScaleRepo:
    """The cached repository of ``commits`` commits, generating (or reusing) it if needed."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"repo{commits}"
    marker = cache / f"repo{commits}.json"
    want = {
        "commits": commits,
        "exps_per_commit": exps_per_commit,
        "models": MODELS,
        "versions": VERSIONS,
        "layout": 2,
    }
    if marker.exists() and path.exists():
        found = json.loads(marker.read_text())
        if all(found.get(k) == v for k, v in want.items()):
            return ScaleRepo(path, commits, exps_per_commit, found["registry_tags"], 0.0, "cache")
    marker.unlink(missing_ok=True)
    work = cache / f"repo{commits}.partial"
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    other = cache.parent / "table_scale" / f"repo{commits}"  # bench/table_scale.py's
    if exps_per_commit == 3 and other.is_dir() and _complete(other):
        subprocess.run(["cp", "-al", str(other), str(work)], check=True)
        source = f"reused {other}"
    else:
        generate_repo(work, RepoSpec(commits=commits, exps_per_commit=exps_per_commit))
        source = "generated"
    tags = add_registry_tags(work)
    work.rename(path)
    seconds = time.perf_counter() - started
    result = ScaleRepo(path, commits, exps_per_commit, tags, seconds, source)
    marker.write_text(
        json.dumps({**want, "registry_tags": tags, "source": source, "seconds": round(seconds, 1)})
    )
    return result


def describe(repo: ScaleRepo) -> dict[str, object]:
    out = asdict(repo)
    out["path"] = str(repo.path)
    return out
