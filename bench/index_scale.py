"""A full index at size through a real server: time, peak RSS, RSS after, a no-op sync.

    python -m bench.index_scale [--repo DIR] [--tags 4000] [--db sqlite|postgres|both]

``measure_index(db_url, repo_path)`` starts a fresh ``gitstudio serve`` subprocess on
``db_url`` (``""``: SQLite in a new data directory), mints an ADMIN token, sends
``createProject`` over HTTP and samples the server's resident memory from /proc while the
index runs (the kernel's high-water mark VmHWM, and VmRSS one second after the answer); then
times no-op ``syncProject`` calls. bench/scale.py calls it for the issue's goals table.

The repository defaults to the one bench/table_scale.py caches (10,000 commits x 3
experiments under the system temp dir); ``--tags`` adds GTO registry tags to a cheap
``--shared`` clone of it (objects borrowed, never a second generation). PostgreSQL:
a database of its own on 127.0.0.1:5432 (user postgres), dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.servers import ROOT, Server, free_port, start

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class IndexFigures:
    seconds: float  # createProject over HTTP: fetch, scan, index write, ANALYZE
    peak_rss: int  # bytes: the server's VmHWM at the end of the index
    rss_after: int  # bytes: VmRSS a second after createProject answered
    noop_sync_seconds: float  # median syncProject with nothing new
    rows: int  # experiments table rows indexed (commits + experiment refs)
    start_rss: int  # bytes: VmRSS of the idle server before the index
    noop_sync_cpu: float  # the server's CPU seconds per no-op sync
    noop_sync_reported: float  # median SyncSummary.seconds (the sync alone, no HTTP/queue)
    cpu_seconds: float  # the server's CPU time (user + system) over the index: on a loaded
    # machine a steadier figure than wall time

    def describe(self) -> str:
        return (
            f"index {self.seconds:.1f} s, {self.rows} rows; RSS idle {self.start_rss / MIB:.0f}"
            f" MiB, peak {self.peak_rss / MIB:.0f} MiB, after {self.rss_after / MIB:.0f} MiB;"
            f" no-op sync {self.noop_sync_seconds * 1000:.0f} ms"
            f" ({self.noop_sync_cpu * 1000:.0f} ms CPU, the sync itself"
            f" {self.noop_sync_reported * 1000:.0f} ms);"
            f" server CPU {self.cpu_seconds:.1f} s"
        )


def _status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM of ``pid`` in bytes."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) * 1024
    return out


def _cpu(pid: int) -> float:
    """User + system CPU seconds of ``pid`` (and its waited-for children)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _env(data_dir: Path, db_url: str, repo: Path, code: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITSTUDIO_")}
    env["PYTHONPATH"] = str(code)
    env["GITSTUDIO_DATA_DIR"] = str(data_dir)
    env["GITSTUDIO_LOCAL_REPO_ROOTS"] = os.pathsep.join(str(r) for r in _roots(repo))
    env["GITSTUDIO_LEASE_WAIT"] = "600"
    if db_url:
        env["GITSTUDIO_DATABASE_URL"] = db_url
    return env


def _roots(repo: Path) -> list[Path]:
    """The repository's directory and those of the objects it borrows (a shared clone)."""
    roots = [repo.resolve().parent]
    for gitdir in (repo / ".git", repo):
        alternates = gitdir / "objects" / "info" / "alternates"
        if alternates.is_file():
            lines = alternates.read_text().split()
            roots += [Path(line).resolve().parent.parent for line in lines]
    return roots


def _token(env: dict[str, str], code: Path) -> str:
    command = [sys.executable, "-m", "gitstudio.cli", "token", "create", "--name", "bench"]
    done = subprocess.run(
        [*command, "--scope", "ADMIN"], env=env, cwd=code, capture_output=True, check=True
    )
    return done.stdout.decode().strip().splitlines()[-1]


_CREATE = """mutation($url: String!) { createProject(input: {repoUrl: $url, name: "scale"}) {
  project { id } errors { code message } sync { newCommits newExperiments seconds } } }"""
_COUNT = '{ project(name: "scale") { experiments(first: 1) { totalCount } } }'
_SYNC = """mutation($id: ID!) { syncProject(id: $id) { errors { code message }
  sync { newCommits seconds } } }"""


async def _graphql(
    client: httpx.AsyncClient, server: Server, token: str, query: str, variables: dict[str, str]
) -> dict[str, object]:
    response = await client.post(
        f"{server.url}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"token {token}"},
    )
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"{response.status_code}: {body}")
    data: dict[str, object] = body["data"]
    return data


class _Sampler:
    """VmRSS of a process every 50 ms in a thread (VmHWM is the kernel's exact peak)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            try:
                self.peak = max(self.peak, _status(self.pid)["VmRSS"])
            except OSError:
                return

    def __enter__(self) -> _Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def measure_index(
    db_url: str,
    repo_path: Path,
    workdir: Path | None = None,
    noop_syncs: int = 5,
    code: Path = ROOT,
    settings: dict[str, str] | None = None,
) -> IndexFigures:
    """Index ``repo_path`` through a fresh ``gitstudio serve`` on ``db_url`` ("" for SQLite
    in a new data directory; an empty PostgreSQL database otherwise), running the
    gitstudio found in ``code`` (another checkout: a baseline in the same run)."""
    own = workdir is None
    root = Path(tempfile.mkdtemp(prefix="index_scale-")) if workdir is None else workdir
    data_dir = root / f"data-{uuid.uuid4().hex[:8]}"
    env = {**_env(data_dir, db_url, repo_path, code), **(settings or {})}  # GITSTUDIO_*
    token = await asyncio.to_thread(_token, env, code)
    port = free_port()
    command = [sys.executable, "-m", "gitstudio.cli", "serve", "--port", str(port)]
    server = await asyncio.to_thread(
        start, "gitstudio", command, port, root / "serve.log", env, cwd=code
    )
    try:
        pid = server.process.pid
        start_rss = _status(pid)["VmRSS"]
        async with httpx.AsyncClient(timeout=1800) as client:
            with _Sampler(pid) as sampler:
                cpu_before = _cpu(pid)
                started = time.perf_counter()
                created = await _graphql(
                    client, server, token, _CREATE, {"url": str(repo_path.resolve())}
                )
                seconds = time.perf_counter() - started
                cpu = _cpu(pid) - cpu_before
                peak = max(sampler.peak, _status(pid)["VmHWM"])
            payload = created["createProject"]
            assert isinstance(payload, dict) and payload["project"], payload
            await asyncio.sleep(1.0)
            rss_after = _status(pid)["VmRSS"]
            counted = await _graphql(client, server, token, _COUNT, {})
            rows = int(counted["project"]["experiments"]["totalCount"])  # type: ignore[index]
            project_id = str(payload["project"]["id"])
            noop: list[float] = []
            reported: list[float] = []
            noop_cpu = _cpu(pid)
            for _ in range(noop_syncs):
                began = time.perf_counter()
                synced = await _graphql(client, server, token, _SYNC, {"id": project_id})
                noop.append(time.perf_counter() - began)
                summary = synced["syncProject"]["sync"]  # type: ignore[index]
                reported.append(float(summary["seconds"]) if summary else float("nan"))
            noop_cpu = (_cpu(pid) - noop_cpu) / max(1, noop_syncs)
        return IndexFigures(
            seconds=seconds,
            peak_rss=peak,
            rss_after=rss_after,
            noop_sync_seconds=statistics.median(noop),
            rows=rows,
            start_rss=start_rss,
            cpu_seconds=cpu,
            noop_sync_cpu=noop_cpu,
            noop_sync_reported=statistics.median(reported),
        )
    finally:
        await asyncio.to_thread(server.stop)
        if own:
            shutil.rmtree(root, ignore_errors=True)


@asynccontextmanager
async def postgres_database(prefix: str = "index_scale") -> AsyncIterator[str]:
    """A new PostgreSQL database on 127.0.0.1 for one measurement, dropped afterwards."""
    import asyncpg  # type: ignore[import-untyped]

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(PG_ADMIN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        admin = await asyncpg.connect(PG_ADMIN)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


def with_registry_tags(repo: Path, dest: Path, tags: int) -> Path:
    """``dest``: a ``--shared`` clone of ``repo`` (objects borrowed) plus ``tags`` annotated
    GTO tags (registrations and stage assignments of 40 models) on commits spread over its
    history, refs packed. Made once and reused."""
    import pygit2
    from pygit2.enums import ObjectType

    marker = dest / f"gitstudio-tags-{tags}"
    if marker.exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    subprocess.run(
        ["git", "clone", "--quiet", "--mirror", "--shared", str(repo), str(dest)], check=True
    )
    bare = pygit2.Repository(str(dest))
    shas = [str(c.id) for c in bare.walk(bare.head.target)]
    clock = 1_790_000_000
    for i in range(tags):
        model, version = f"model-{i % 40}", i // 80 + 1
        if i % 80 < 40:
            name = f"{model}@v{version}.0.0"
            message = f"Registering artifact {model} version v{version}.0.0"
        else:
            name = f"{model}#prod#{version}"
            message = f"Assigning stage prod to artifact {model} version v{version}.0.0"
        clock += 7
        sig = pygit2.Signature("bench", "bench@example.com", clock, 0)
        target = pygit2.Oid(hex=shas[(i * 7919) % len(shas)])
        bare.create_tag(name, target, ObjectType.COMMIT, sig, message)
    subprocess.run(["git", "-C", str(dest), "pack-refs", "--all"], check=True)
    marker.write_text("")
    return dest


async def main(args: argparse.Namespace) -> None:
    repo: Path = args.repo
    if args.tags:
        dest = Path(tempfile.gettempdir()) / "index_scale" / f"{args.repo.name}-tags"
        repo = await asyncio.to_thread(with_registry_tags, repo, dest, args.tags)
    kinds = ("sqlite", "postgres") if args.db == "both" else (args.db,)
    settings = dict(item.split("=", 1) for item in args.set)
    with open("/proc/loadavg") as load:
        print(f"repository {repo}; load average {' '.join(load.read().split()[:3])}")
    for kind in kinds:
        if kind == "sqlite":
            figures = await measure_index("", repo, code=args.code, settings=settings)
        else:
            async with postgres_database() as url:
                figures = await measure_index(url, repo, code=args.code, settings=settings)
        print(f"{kind:8} {figures.describe()}", flush=True)
    with open("/proc/loadavg") as load:
        print(f"load average after: {' '.join(load.read().split()[:3])}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(tempfile.gettempdir()) / "table_scale" / "repo10000"
    parser.add_argument("--repo", type=Path, default=default)
    parser.add_argument("--tags", type=int, default=4000)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--set", action="append", default=[], help="GITSTUDIO_X=value")
    asyncio.run(main(parser.parse_args()))
