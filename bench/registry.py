"""The model registry view: gitstudio's ``models`` query against ``gto show --json``.

A generated registry of 30 models x 10 versions with dev/staging/prod assignments and the
usual edge cases (about 400 annotated tags; at 1,150 tags gto show takes over a minute
here) is indexed once. Each round times ``gto show --json -r REPO`` (the CLI, as a user
runs it) and, in process, the GraphQL query ``models { name latestVersion { version } stages { stage
versions { version } } }`` with the per-process registry cache emptied first, so every run
reads the tags from the database and folds them (the cost after each sync). The answers are
checked against each other before timing. Target: at least 20x faster (medians).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import PROJECT, Fixture, sqlite_url
from gitstudio.graphql_app import make_context
from gitstudio.settings import Settings
from resolvers import models as model_resolvers
from schema import build_schema
from storage import db
from storage.tokens import Principal, Scope
from sync.generate_registry import RegistrySpec, generate_registry
from sync.git import Credentials
from sync.service import ProjectSyncer

GTO = shutil.which("gto") or str(Path(sys.executable).parent / "gto")
QUERY = (
    '{ project(name: "' + PROJECT + '") { models { name latestVersion { version }'
    " stages { stage versions { version } } } } }"
)


class _State:
    """What make_context needs of the app's state."""

    def __init__(self, root: Path) -> None:
        self.settings = Settings(data_dir=root)
        self.syncer = ProjectSyncer(root / "mirrors", Credentials())
        self.bus: Any = None


async def _index(repo: Path, root: Path) -> None:
    await db.init_db(sqlite_url(root))
    try:
        await _State(root).syncer.create(str(repo), PROJECT, "", None)
    finally:
        await db.close_db()


async def _query_rounds(root: Path, rounds: int) -> tuple[list[float], dict[str, Any]]:
    await db.init_db(sqlite_url(root))
    try:
        schema = build_schema()
        state = _State(root)
        principal = Principal(0, "bench", frozenset({Scope.READ}))
        samples: list[float] = []
        data: dict[str, Any] = {}
        for _ in range(rounds):
            model_resolvers._cache.clear()  # fold from the database every time
            started = time.perf_counter()
            result = await schema.execute(QUERY, context_value=make_context(state, principal))  # type: ignore[arg-type]
            samples.append(time.perf_counter() - started)
            assert result.errors is None, result.errors
            data = result.data or {}
        return samples, data
    finally:
        await db.close_db()


def _gto_show(repo: Path) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    done = subprocess.run(
        [GTO, "show", "--json", "-r", str(repo)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, json.loads(done.stdout)


def _check(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    models = {m["name"]: m for m in ours["project"]["models"]}
    for name, state in theirs.items():
        latest = models[name]["latestVersion"]
        if (latest["version"] if latest else None) != state["version"]:
            raise RuntimeError(f"{name}: latest {latest} != gto's {state['version']}")
        holders = {s["stage"]: s["versions"][0]["version"] for s in models[name]["stages"]}
        for stage, version in state["stage"].items():
            if holders.get(stage) != version:
                raise RuntimeError(f"{name} {stage}: {holders.get(stage)} != gto's {version}")


def registry(opts: Options, fixture: Fixture) -> Result:
    repo = opts.workdir / "registry"
    spec = RegistrySpec(models=30, versions=10, seed=1, shared_commits=True)
    started = time.perf_counter()
    generated = generate_registry(repo, spec)
    log(f"registry: {len(generated.tags)} tags generated in {time.perf_counter() - started:.1f} s")
    root = opts.workdir / "registry-data"
    root.mkdir()
    asyncio.run(_index(repo, root))
    rounds = 1 if opts.quick else 3  # gto show alone takes a minute
    base: list[float] = []
    cand: list[float] = []
    for i in range(rounds):
        seconds, theirs = _gto_show(repo)
        base.append(seconds)
        samples, ours = asyncio.run(_query_rounds(root, 3))
        cand.append(median(samples))
        if i == 0:
            _check(ours, theirs)
        log(f"round {i + 1}: gto show {base[-1]:.2f} s, gitstudio {cand[-1] * 1e3:.1f} ms")
    candidate = Figure("gitstudio models query, folded from the database", "s", cand)
    baseline = Figure("gto show --json (CLI)", "s", base)
    return Result(
        name="registry",
        title=f"model registry view, {len(generated.tags)} tags (30 models x 10 versions)",
        candidate=candidate,
        baseline=baseline,
        ratio=baseline.value / candidate.value,
        ratio_label="gto / gitstudio (speed-up)",
        ratio_format="x",
        target=Target(">=", 20.0),
        details={"tags": len(generated.tags), "fixture": fixture.describe()},
    )
