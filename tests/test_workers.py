"""Sync work on workers (sync/scheduling.py, gitstudio/worker.py).

In process (the embedded default): requests coalesce to at most one running and one pending
sync per project, and a request during a sync is synced afterwards.

With the job queue: two ``gitstudio serve`` and two ``gitstudio worker`` processes on a fresh
PostgreSQL database and one Redis bus. Push webhooks to either server (and to both at once)
end with the project indexed once: every commit row once, one job did the work. A worker
SIGKILLed while it holds the project's job (held inside the fetch by a gate in the served
repository's upload-pack, the way tests/test_crash_recovery.py does it) leaves the job to
the other worker, which finishes it once the dead worker's heartbeat and lease lapsed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from live_support import gql, wait_for
from services import PG_ADMIN_URL, pg_reachable, require_service
from support import FETCH_GATE, Server, free_port, git, http, start_server, stop_server
from ws_support import REDIS_URL, admin_token, redis_reachable, wait_until

from sync.generate import RepoSpec, add_commit, generate_repo
from sync.git import Credentials
from sync.scheduling import (
    RUNNING,
    InProcessScheduler,
    libpq_url,
    make_scheduler,
)
from sync.service import ProjectSyncer

SECRET = "worker-test-secret"

# -- in process -------------------------------------------------------------------------------


class Gated:
    """A stand-in for the sync work of the scheduler (the ``work`` seam): records each run
    and the most that ran at once, and holds each run until the test opens the gate (every
    run) or releases its project."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.finished: list[int] = []
        self.peak = 0  # the most runs at once
        self.gate = asyncio.Event()
        self.entered = asyncio.Event()
        self._released: dict[int, asyncio.Event] = {}

    def release(self, project_id: int) -> None:
        """Lets the runs of one project finish; the others stay held."""
        self._released.setdefault(project_id, asyncio.Event()).set()

    async def __call__(self, project_id: int) -> None:
        self.started.append(project_id)
        self.peak = max(self.peak, len(self.started) - len(self.finished))
        self.entered.set()
        released = self._released.setdefault(project_id, asyncio.Event())
        waits = {asyncio.ensure_future(self.gate.wait()), asyncio.ensure_future(released.wait())}
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
        self.finished.append(project_id)


def _scheduler(tmp_path: Path, work: Gated, concurrency: int = 4) -> InProcessScheduler:
    syncer = ProjectSyncer(tmp_path / "mirrors", Credentials("", "", "", ""))
    return InProcessScheduler(syncer, concurrency=concurrency, work=work)


async def _settle(scheduler: InProcessScheduler) -> None:
    while scheduler.running():
        await asyncio.gather(*list(RUNNING))


async def test_requests_during_a_sync_coalesce_into_one_more_sync(tmp_path: Path) -> None:
    work = Gated()
    scheduler = _scheduler(tmp_path, work)
    await scheduler.request(1, "test")
    await work.entered.wait()
    for _ in range(10):  # a burst of pushes while the first sync runs
        await scheduler.request(1, "test")
    stats = await scheduler.stats()
    assert stats.depth == 1 and stats.oldest_age_seconds >= 0
    assert work.started == [1]
    work.gate.set()
    await _settle(scheduler)
    # One running and one pending: the burst is synced once, after the first sync ended.
    assert work.started == [1, 1] and work.finished == [1, 1]
    assert (await scheduler.stats()).depth == 0
    await scheduler.request(1, "test")  # idle again: a request runs at once
    await _settle(scheduler)
    assert work.started == [1, 1, 1]


async def test_projects_sync_side_by_side_up_to_the_concurrency(tmp_path: Path) -> None:
    work = Gated()
    scheduler = _scheduler(tmp_path, work, concurrency=2)
    for project_id in (1, 2, 3):
        await scheduler.request(project_id, "test")
    await wait_until(lambda: len(work.started) == 2)
    assert sorted(work.started) == [1, 2]
    assert (await scheduler.stats()).depth == 1  # the third waits for a slot
    work.release(1)  # one slot frees: the third takes it
    await wait_until(lambda: len(work.started) == 3)
    assert work.started[2] == 3 and work.finished == [1]
    assert work.peak == 2  # the third had not started while two ran
    work.gate.set()
    await _settle(scheduler)
    assert sorted(work.finished) == [1, 2, 3]


async def test_stop_cancels_running_and_pending_syncs(tmp_path: Path) -> None:
    work = Gated()
    scheduler = _scheduler(tmp_path, work)
    await scheduler.request(1, "test")
    await work.entered.wait()
    await scheduler.request(1, "test")
    await scheduler.stop()
    assert scheduler.running() == [] and work.finished == []
    assert (await scheduler.stats()).depth == 0


def test_the_job_queue_setting_is_checked(tmp_path: Path) -> None:
    syncer = ProjectSyncer(tmp_path / "mirrors", Credentials("", "", "", ""))
    with pytest.raises(ValueError, match="PostgreSQL"):
        make_scheduler("procrastinate", syncer, f"sqlite://{tmp_path}/db", 4, 30, 300)
    with pytest.raises(ValueError, match="inprocess, procrastinate"):
        make_scheduler("celery", syncer, "postgres://u@h/db", 4, 30, 300)
    made = make_scheduler("inprocess", syncer, "", 4, 30, 300)
    assert isinstance(made, InProcessScheduler) and made.name == "inprocess"
    # tortoise's pool options are not libpq's: left out of psycopg's URL
    url = libpq_url("postgres://u:p@h:5433/db?minsize=2&sslmode=require&maxsize=9")
    assert url == "postgresql://u:p@h:5433/db?sslmode=require"


async def test_a_burst_of_requests_on_a_real_project_syncs_at_most_twice(
    api: Any, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=1, gto_tags=False))
    syncer = ProjectSyncer(tmp_path / "mirrors", Credentials("", "", "", ""))
    project = await syncer.create(str(repo), f"burst-{unique}", "", None)
    head = add_commit(repo, "main", {"params.yaml": "lr: 0.5\n"}, "pushed")
    scheduler = InProcessScheduler(syncer)
    for _ in range(20):
        await scheduler.request(project.id, "test")
    await _settle(scheduler)
    await project.refresh_from_db()
    assert 2 <= project.sync_count <= 3  # the creation's, then one or two for the burst
    assert json.loads(project.ref_tips)["refs/heads/main"] == head
    assert project.sync_owner is None


# -- two servers and two workers --------------------------------------------------------------


@dataclass
class Cluster:
    servers: list[Server]
    workers: dict[str, subprocess.Popen[str]]
    logs: dict[str, Path]
    token: str
    dsn: str
    url: str  # the served repository
    work: Path  # the repository pushes come from
    bare: Path
    gates: Path
    project_id: int
    global_id: str
    env: dict[str, str]

    def sql(self, query: str, *args: Any) -> list[dict[str, Any]]:
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            cursor = conn.execute(query, args)
            if cursor.description is None:
                return []
            names = [c.name for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def push(self, commits: int, tag: str) -> str:
        head = ""
        for i in range(commits):
            params = {"params.yaml": f"lr: 0.{i}\nrun: {tag}\n"}
            head = add_commit(self.work, "main", params, f"{tag} {i}")
        git(self.work, "push", "-q", "--force", str(self.bare), "refs/heads/*:refs/heads/*")
        return head

    def webhook(self, server: Server) -> httpx.Response:
        body = json.dumps({"ref": "refs/heads/main", "repository": {"clone_url": self.url}})
        signature = "sha256=" + hmac.new(SECRET.encode(), body.encode(), hashlib.sha256).hexdigest()
        return http.post(
            f"{server.url}/webhooks/github",
            content=body,
            headers={"X-Hub-Signature-256": signature, "X-GitHub-Event": "push"},
            timeout=10,
        )

    def tip(self) -> str:
        (row,) = self.sql("SELECT ref_tips FROM projects WHERE id = %s", self.project_id)
        tips: dict[str, str] = json.loads(row["ref_tips"])
        return tips.get("refs/heads/main", "")

    def queue_empty(self) -> bool:
        rows = self.sql("SELECT id FROM procrastinate_jobs WHERE status IN ('todo', 'doing')")
        return rows == []

    def assert_indexed_once(self) -> None:
        duplicated = self.sql(
            "SELECT sha FROM commits WHERE project_id = %s GROUP BY sha HAVING count(*) > 1",
            self.project_id,
        )
        assert duplicated == []
        count = int(git(self.bare, "rev-list", "--count", "--branches", "--tags"))
        (row,) = self.sql(
            "SELECT count(*) AS n FROM commits WHERE project_id = %s", self.project_id
        )
        assert row["n"] == count
        query = '{ project(name: "shared") { commits { totalCount } lastSyncError } }'
        for server in self.servers:
            found = gql(server.url, self.token, query)["project"]
            assert found == {"commits": {"totalCount": count}, "lastSyncError": None}
        (lease,) = self.sql("SELECT sync_owner FROM projects WHERE id = %s", self.project_id)
        assert lease["sync_owner"] is None

    def reports(self) -> list[dict[str, Any]]:
        return self.sql(
            "SELECT job_id, report, error_code FROM gitstudio_job_results"
            " WHERE project_id = %s ORDER BY job_id",
            self.project_id,
        )


def _start_worker(name: str, data_dir: Path, env: dict[str, str]) -> tuple[Any, Path]:
    data_dir.mkdir()
    log_path = data_dir / "worker.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gitstudio.cli", "worker", "--data-dir", str(data_dir)],
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **env, "GITSTUDIO_INSTANCE_ID": name},
    )
    return process, log_path


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """Started once for the module (four processes take a while to start): each test
    pushes its own commits; the one that kills a worker starts a replacement."""
    require_service("PostgreSQL", pg_reachable())
    require_service("Redis", redis_reachable())
    tmp_path = tmp_path_factory.mktemp("cluster")
    database = f"gitstudio_workers_{uuid.uuid4().hex[:12]}"
    admin = libpq_url(PG_ADMIN_URL)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    dsn = f"{admin.rsplit('/', 1)[0]}/{database}"
    # The served repository, its fetches gated.
    root, gates = tmp_path / "served", tmp_path / "gates"
    root.mkdir()
    gates.mkdir()
    hook = tmp_path / "fetch-gate"
    hook.write_text(FETCH_GATE.format(gates=gates))
    hook.chmod(0o755)
    (tmp_path / "gitconfig").write_text(f"[uploadpack]\n\tpackObjectsHook = {hook}\n")
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=8, exps_per_commit=1, gto_tags=False))
    bare = root / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    port = free_port()
    daemon = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--export-all", f"--base-path={root}",
         f"--port={port}", "--listen=127.0.0.1", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
             "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig")},
    )  # fmt: skip
    url = f"git://127.0.0.1:{port}/repo.git"
    env = {
        "GITSTUDIO_DATABASE_URL": dsn.replace("postgresql://", "postgres://", 1),
        "GITSTUDIO_EVENT_BUS": REDIS_URL,
        "GITSTUDIO_REDIS_PREFIX": f"gitstudio-workers-{uuid.uuid4().hex[:12]}",
        "GITSTUDIO_JOB_QUEUE": "procrastinate",
        "GITSTUDIO_GITHUB_WEBHOOK_SECRET": SECRET,
        "GITSTUDIO_ALLOWED_GIT_HOSTS": "127.0.0.1",
        # Short, so a killed worker's job and lease are taken over within seconds.
        "GITSTUDIO_LEASE_SECONDS": "2",
        "GITSTUDIO_JOB_STALLED_SECONDS": "2",
        "GITSTUDIO_SYNC_WAIT_SECONDS": "60",
    }
    servers: list[Server] = []
    workers: dict[str, subprocess.Popen[str]] = {}
    logs: dict[str, Path] = {}
    try:
        wait_for(lambda: _listed(url), 10, "git daemon to serve")
        token = admin_token(tmp_path / "cli", env)  # migrates the database, first and once
        for name in ("w1", "w2"):
            workers[name], logs[name] = _start_worker(name, tmp_path / name, env)
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
        with concurrent.futures.ThreadPoolExecutor(2) as pool:  # both start at once
            starting = [pool.submit(start_server, [], tmp_path / n, env) for n in ("a", "b")]
            servers.extend(f.result() for f in starting)
        created = gql(
            servers[0].url,
            token,
            """mutation($url: String!) { createProject(input: {repoUrl: $url, name: "shared"})
               { project { id } errors { code message } } }""",
            {"url": url},
        )["createProject"]
        assert created["errors"] == [], created["errors"]
        (row,) = _rows(dsn, "SELECT id FROM projects WHERE name = 'shared'")
        found = Cluster(
            servers, workers, logs, token, dsn, url, work, bare, gates, int(row["id"]),
            created["project"]["id"], env,
        )  # fmt: skip

        def registered() -> bool:
            for name, process in workers.items():
                if process.poll() is not None:
                    raise RuntimeError(f"worker {name} exited:\n{logs[name].read_text()}")
            return len(found.sql("SELECT id FROM procrastinate_workers")) == 2

        wait_for(registered, 120, "both workers to register")
        yield found
    finally:
        (gates / "fetch.open").touch()
        for process in workers.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for server in servers:
            stop_server(server)
        for process in workers.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        daemon.terminate()
        daemon.wait(timeout=10)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _rows(dsn: str, query: str) -> list[dict[str, Any]]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        cursor = conn.execute(query)
        assert cursor.description is not None
        names = [c.name for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _listed(url: str) -> bool:
    done = subprocess.run(["git", "ls-remote", url], capture_output=True, text=True)
    return done.returncode == 0


def test_push_webhooks_to_either_server_index_the_project_once(cluster: Cluster) -> None:
    for server in cluster.servers:  # one push at a time, to a, then to b
        head = cluster.push(3, f"to-{server.url}")
        before = {r["job_id"] for r in cluster.reports()}
        response = cluster.webhook(server)
        assert response.status_code == 202 and response.json() == {"syncing": ["shared"]}
        wait_for(lambda h=head: cluster.tip() == h and cluster.queue_empty(), 30, "the sync")
        cluster.assert_indexed_once()
        done = [r for r in cluster.reports() if r["job_id"] not in before]
        assert [r["report"]["new_commits"] for r in done] == [3]  # one job did the work
    # One push announced to both servers at once: every commit still indexed once, by one
    # job (a second job, if it ran after the first, found nothing new).
    head = cluster.push(4, "to-both")
    before = {r["job_id"] for r in cluster.reports()}
    for response in [cluster.webhook(s) for s in cluster.servers]:
        assert response.status_code == 202
    wait_for(lambda: cluster.tip() == head and cluster.queue_empty(), 30, "the sync")
    cluster.assert_indexed_once()
    done = [r for r in cluster.reports() if r["job_id"] not in before]
    assert sorted(r["report"]["new_commits"] for r in done)[-1] == 4
    assert sum(r["report"]["new_commits"] for r in done) == 4
    # Logs name the job.
    job = done[0]["job_id"]
    assert any(f"job {job}" in path.read_text() for path in cluster.logs.values())


def test_sync_project_waits_for_its_job_and_reports_it(cluster: Cluster) -> None:
    cluster.push(2, "sync-project")
    payload = gql(
        cluster.servers[1].url,
        cluster.token,
        """mutation($id: ID!) { syncProject(id: $id) { sync { newCommits }
           errors { code message } } }""",
        {"id": cluster.global_id},
    )["syncProject"]
    assert payload == {"sync": {"newCommits": 2}, "errors": []}
    cluster.assert_indexed_once()


def test_a_push_while_the_project_syncs_is_synced_after_it(cluster: Cluster) -> None:
    first = cluster.push(2, "during-1")
    (cluster.gates / "fetch.armed").touch()
    assert cluster.webhook(cluster.servers[0]).status_code == 202
    wait_for(lambda: (cluster.gates / "fetch.waiting").exists(), 30, "the fetch to be held")
    # The running job does not swallow the next push: one job waits behind it, however
    # many deliveries arrive.
    head = cluster.push(3, "during-2")
    for server in cluster.servers * 2:
        assert cluster.webhook(server).status_code == 202
    jobs = cluster.sql(
        "SELECT status FROM procrastinate_jobs WHERE status IN ('todo', 'doing') ORDER BY id"
    )
    assert sorted(j["status"] for j in jobs) == ["doing", "todo"]
    server = cluster.servers[1]
    auth = {"Authorization": f"token {cluster.token}"}
    metrics = http.get(f"{server.url}/metrics", headers=auth, timeout=10).text
    assert 'gitstudio_queue_depth{queue="procrastinate"} 1.0' in metrics
    health = http.get(f"{server.url}/healthz", timeout=10).json()
    assert health["queue"] == "ok"
    (cluster.gates / "fetch.armed").unlink()
    (cluster.gates / "fetch.open").touch()
    wait_for(lambda: cluster.tip() == head and cluster.queue_empty(), 30, "both jobs")
    (cluster.gates / "fetch.open").unlink()
    (cluster.gates / "fetch.waiting").unlink()
    cluster.assert_indexed_once()
    assert first != head


def test_a_worker_killed_mid_job_leaves_it_to_the_other(cluster: Cluster) -> None:
    head = cluster.push(5, "killed")
    (cluster.gates / "fetch.armed").touch()
    assert cluster.webhook(cluster.servers[1]).status_code == 202
    # The job's worker is inside the fetch, holding the job and the project's lease.
    wait_for(lambda: (cluster.gates / "fetch.waiting").exists(), 30, "the fetch to be held")
    (lease,) = cluster.sql("SELECT sync_owner FROM projects WHERE id = %s", cluster.project_id)
    holder = str(lease["sync_owner"]).split("#")[0]
    assert holder in cluster.workers
    (job,) = cluster.sql("SELECT id, attempts FROM procrastinate_jobs WHERE status = 'doing'")
    cluster.workers[holder].kill()  # SIGKILL: no heartbeat, no lease release
    cluster.workers[holder].wait(timeout=10)
    (cluster.gates / "fetch.armed").unlink()
    (cluster.gates / "fetch.open").touch()

    wait_for(lambda: cluster.tip() == head and cluster.queue_empty(), 45, "the other worker")
    cluster.assert_indexed_once()
    (result,) = [r for r in cluster.reports() if r["job_id"] == job["id"]]
    assert result["error_code"] is None and result["report"]["new_commits"] == 5
    (survivor,) = [name for name in cluster.workers if name != holder]
    log = cluster.logs[survivor].read_text()
    assert f"job {job['id']}" in log and "attempt 2" in log
    # A replacement, for whatever runs after (stopped with the others).
    data_dir = cluster.logs[holder].parent.with_name(f"{holder}-again")
    cluster.workers[holder], cluster.logs[holder] = _start_worker(holder, data_dir, cluster.env)
