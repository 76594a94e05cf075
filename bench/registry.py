"""The model registry view: gitstudio's ``models`` query against ``gto show --json``, and
the warm path against itself.

A generated registry of 30 models x 10 versions with dev/staging/prod assignments and the
usual edge cases (about 400 annotated tags; at 1,150 tags gto show takes over a minute
here) is indexed once. Each round times ``gto show --json -r REPO`` (the CLI, as a user
runs it) and, through the served app (compiled plans), the GraphQL query ``models { name
latestVersion { version } stages { stage versions { version } } }`` (bench/scale.py's) with
the per-process registry cache emptied first, so every run reads the tags from the database
and folds them (the cost after a sync that changed tags). The answers are checked against
each other before timing. Target: at least 20x faster (medians).

The same run reports, in ``details``, the warm query (the registry kept), the query after a
sync that changed no tag (the version check), and the warm query with the registry's views
recomputed per request (as before they were kept: the baseline of the warm figure).

    python -m bench.registry --data DIR --project NAME [--runs 30] [--database-url URL]
        [--across N]

times those on a project already indexed in DIR's SQLite database (e.g. bench/scale_repo's
10,000-commit repository with 4,003 tags), without gto; with ``--across N``, the models
dashboard's ``Query.models(first: N)`` over every project of the database instead.

    python -m bench.registry --data DIR --project NAME --after-sync ROUNDS

times ``Query.models(first: 100)`` right after syncs that changed tags (ROUNDS of each,
interleaved; the registry folded off the request path, resolvers/registry_folds.py):
``after_own_sync``
(``syncProject`` of this app, whose sync folds before it answers), ``after_worker_sync``
(another process's syncer, heard through the bus's REFS_CHANGED: the query may get the
previous registry while the fold runs), ``unwarmed`` (the same with warming stopped: the
request folds, as before), and ``warm``. Each round writes an annotated registry tag into
the project's repository, which must therefore be a local copy the bench may write to (e.g.
``git clone --mirror`` of bench/scale_repo's repository, indexed with ``--index REPO``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

import httpx

from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import PROJECT, Fixture, sqlite_url
from gitstudio.app import RegistryWarming, create_app
from gitstudio.settings import Settings
from resolvers.caches import Caches
from storage import db, queries
from storage.models import Project
from storage.tokens import Scope, create_token
from sync.generate_registry import RegistrySpec, generate_registry
from sync.git import Credentials
from sync.service import ProjectSyncer

GTO = shutil.which("gto") or str(Path(sys.executable).parent / "gto")
QUERY = """
query Models($name: String!) {
  project(name: $name) {
    models { name latestVersion { version } stages { stage versions { version } } }
  }
}"""


# Query.models (the models dashboard): every readable project's models, with their project.
ACROSS = """
query Models($first: Int) {
  models(first: $first) {
    nodes {
      name project { name } latestVersion { version } stages { stage versions { version } }
    }
  }
}"""


class _State:
    """What the syncer of the indexing step needs."""

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


MODES = ("cold", "warm", "version_check", "views_recomputed")


def _prepare(mode: str, project: str, caches: Caches) -> Awaitable[None] | None:
    """What happens before a timed query of ``mode`` (not timed), on the app's ``caches``."""
    if mode == "cold":  # a sync changed tags (here: nothing kept): read and fold
        caches.registries.clear()
    elif mode == "views_recomputed":  # kept, but views computed per request (the baseline)
        for entry in caches.registries.values():
            entry[2]._views.clear()
    elif mode == "version_check":  # a sync that changed no tag: sync_count moved on
        return _bump_sync_count(project)
    return None


async def _bump_sync_count(project: str) -> None:
    await db.execute("UPDATE projects SET sync_count = sync_count + 1 WHERE name = ?", [project])
    queries.forget_projects()


async def _rounds(
    root: Path, project: str, rounds: int, url: str | None = None, across: int | None = None
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    """Seconds per mode (interleaved, so the machine's load drifts over all alike), through
    the app as served (the compiled plans), and the last answer. ``url``: the database
    (default: the SQLite database of ``root``); ``across``: time ``Query.models(first:
    across)`` instead of the project's models."""
    url = url or sqlite_url(root)
    await db.init_db(url)
    try:
        app = create_app(Settings(data_dir=root, database_url=url))
        _row, token = await create_token("bench-registry", frozenset({Scope.READ}))
        headers = {"Authorization": f"token {token}"}
        body: dict[str, Any] = {"query": QUERY, "variables": {"name": project}}
        if across is not None:
            body = {"query": ACROSS, "variables": {"first": across}}
        samples: dict[str, list[float]] = {m: [] for m in MODES}
        data: dict[str, Any] = {}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            await client.post("/graphql", json=body, headers=headers)  # plan compiled
            for _ in range(rounds):
                for mode in MODES:
                    pending = _prepare(mode, project, app.state.gitstudio.caches)
                    if pending is not None:
                        await pending
                    started = time.perf_counter()
                    response = await client.post("/graphql", json=body, headers=headers)
                    samples[mode].append(time.perf_counter() - started)
                    answer = response.json()
                    assert "errors" not in answer, answer
                    data = answer["data"]
        return samples, data
    finally:
        await db.close_db()


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(median(ordered) * 1e3, 2),
        "min": round(ordered[0] * 1e3, 2),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))] * 1e3, 2),
    }


def _warm_details(samples: dict[str, list[float]]) -> dict[str, Any]:
    details: dict[str, Any] = {f"{m}_ms": _ms(samples[m]) for m in MODES}
    warm = median(samples["warm"])
    details["views_recomputed / warm"] = round(median(samples["views_recomputed"]) / warm, 2)
    details["cold / warm"] = round(median(samples["cold"]) / warm, 2)
    details["version_check / warm"] = round(median(samples["version_check"]) / warm, 2)
    details["load_average"] = os.getloadavg()
    return details


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
    every: dict[str, list[float]] = {m: [] for m in MODES}
    for i in range(rounds):
        seconds, theirs = _gto_show(repo)
        base.append(seconds)
        samples, ours = asyncio.run(_rounds(root, PROJECT, 3 if opts.quick else 10))
        cand.append(median(samples["cold"]))
        for mode in MODES:
            every[mode].extend(samples[mode])
        if i == 0:
            _check(ours, theirs)
        log(
            f"round {i + 1}: gto show {base[-1]:.2f} s, gitstudio cold {cand[-1] * 1e3:.1f} ms,"
            f" warm {median(samples['warm']) * 1e3:.2f} ms"
        )
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
        details={
            "tags": len(generated.tags),
            "fixture": fixture.describe(),
            **_warm_details(every),
        },
    )


AFTER_SYNC = ("warm", "after_own_sync", "after_worker_sync", "unwarmed")
ID_OF = """query($name: String!) { project(name: $name) { id } }"""
SYNC = """mutation($id: ID!) { syncProject(id: $id) { errors { code message } } }"""


def _tag(repo: Path, model: str, version: str) -> None:
    """A GTO registration of ``model`` at the default branch's head, as ``gto register``
    writes it (an annotated tag ``model@version``)."""
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-C", str(repo)]
    message = f"Registering {model} {version}"
    subprocess.run([*git, "tag", "-a", f"{model}@{version}", "-m", message, "HEAD"], check=True)


async def _after_sync(
    root: Path, project: str, rounds: int, url: str | None = None
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    """Seconds of the models query per mode of AFTER_SYNC, and how many answers after a
    sync already held the new version (``fresh``), the sync times and the folds run."""
    url = url or sqlite_url(root)
    await db.init_db(url)
    app = create_app(Settings(data_dir=root, database_url=url))
    state = app.state.gitstudio
    warming = next(s for s in state.services if isinstance(s, RegistryWarming))
    worker = ProjectSyncer(root / "worker-mirrors", Credentials(), publish=state.bus.publish)
    row = await Project.get(name=project)
    repo, gid = Path(row.repo_url), None
    samples: dict[str, list[float]] = {m: [] for m in AFTER_SYNC}
    fresh = {m: 0 for m in AFTER_SYNC}
    syncs: list[float] = []
    stale: list[float] = []  # how long reads got the previous registry after a worker's sync
    try:
        await warming.start()
        _row, token = await create_token("bench-registry", frozenset({Scope.ADMIN}))
        headers = {"Authorization": f"token {token}"}
        body: dict[str, Any] = {"query": ACROSS, "variables": {"first": 100}}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def query(mode: str, version: str | None) -> None:
                started = time.perf_counter()
                response = await client.post("/graphql", json=body, headers=headers)
                samples[mode].append(time.perf_counter() - started)
                answer = response.json()
                assert "errors" not in answer, answer
                found = {m["name"]: m["latestVersion"] for m in answer["data"]["models"]["nodes"]}
                fresh[mode] += (found.get("model-0") or {}).get("version") == version

            gid = (
                await client.post(
                    "/graphql",
                    json={"query": ID_OF, "variables": {"name": project}},
                    headers=headers,
                )
            ).json()["data"]["project"]["id"]
            await query("warm", None)  # folded, plan compiled
            await worker.sync(row)  # the worker's own mirror made (not timed)
            serial = int(time.time())
            for i in range(rounds):
                await query("warm", None)
                for mode in AFTER_SYNC[1:]:
                    version = f"v{serial}.{i}.{AFTER_SYNC.index(mode)}"
                    _tag(repo, "model-0", version)
                    if mode == "unwarmed":
                        await warming.stop()
                    started = time.perf_counter()
                    if mode == "after_own_sync":
                        done = await client.post(
                            "/graphql",
                            json={"query": SYNC, "variables": {"id": gid}},
                            headers=headers,
                        )
                        assert done.json()["data"]["syncProject"]["errors"] == [], done.text
                    else:
                        await worker.sync(await Project.get(id=row.id))
                    syncs.append(time.perf_counter() - started)
                    await query(mode, version)
                    if mode == "unwarmed":
                        await warming.start()
                    folds = state.caches.registry_folds
                    while folds.warming((db.database_key(), row.id)):  # settle before the next
                        await asyncio.sleep(0.001)
                    if mode == "after_worker_sync":  # sync returned -> the new one swapped in
                        stale.append(time.perf_counter() - started - syncs[-1])
        details = {
            "fresh": fresh,
            "sync_ms": _ms(syncs),
            "stale_after_worker_sync_ms": _ms(stale),
            "folds": state.caches.registry_folds.folded,
        }
        return samples, details
    finally:
        await warming.stop()
        worker.close()
        await db.close_db()


def main() -> None:
    """Warm and cold figures on a project indexed already (no gto)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a data dir (SQLite)")
    parser.add_argument("--database-url", help="another database (e.g. postgres://...)")
    parser.add_argument("--project", default="scale")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--across", type=int, metavar="N", help="time Query.models(first: N) instead"
    )
    parser.add_argument(
        "--after-sync", type=int, metavar="ROUNDS", help="time the query after tag syncs"
    )
    parser.add_argument("--index", type=Path, metavar="REPO", help="index REPO into --data first")
    args = parser.parse_args()
    if args.index:
        asyncio.run(_index(args.index, args.data))
    if args.after_sync:
        after, details = asyncio.run(
            _after_sync(args.data, args.project, args.after_sync, args.database_url)
        )
        print(f"load average {os.getloadavg()}")
        figures = {f"{m}_ms": _ms(after[m]) for m in AFTER_SYNC}
        print(json.dumps({**figures, **details}, indent=2))
        return
    samples, data = asyncio.run(
        _rounds(args.data, args.project, args.runs, args.database_url, args.across)
    )
    models = data["models"]["nodes"] if args.across else data["project"]["models"]
    held = sum(len(s["versions"]) for m in models for s in m["stages"])
    print(f"{len(models)} models, {held} versions in stages; load average {os.getloadavg()}")
    print(json.dumps(_warm_details(samples), indent=2))


if __name__ == "__main__":
    main()
