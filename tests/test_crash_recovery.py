"""Crash recovery: a real ``gitstudio serve`` killed with SIGKILL in the middle of
createProject, a sync, a registry write, runExperiment and live ingest, then restarted; the
next sync or write succeeds (within the lease wait, 30 s) and the state converges to what
an uninterrupted run gives: commits and refs equal git's, no lease left, the registry equal
to gto's view, every acknowledged live step stored and the run's progress caught up.

The kill points are made deterministic by real slowness in the remote: a ``git daemon``
whose upload-pack (``uploadpack.packObjectsHook``) or pre-receive hook waits while the test
holds a gate closed, so the server is killed while it holds the project's lease inside the
fetch or the push. No test-only code path in the server.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from live_support import (
    admin_token,
    event,
    gql,
    new_project,
    post_live,
    rows,
    sqlite_rows,
    wait_for,
)
from registry_support import gto
from support import FETCH_GATE, Api, Server, free_port, git, start_server, stop_server

from storage import db
from storage.errors import DomainError
from storage.index import IndexBatch, LeaseLost, apply_batch
from storage.leases import InstanceInUse, claim, release, renewed, try_acquire
from storage.live import LiveEvent
from storage.metric_writer import MetricWriter, reconcile_progress
from storage.models import Experiment, Project
from storage.rows import CommitRow
from sync.generate import RepoSpec, add_commit, generate_repo
from sync.generate_registry import RegistrySpec, generate_registry
from sync.git import Credentials
from sync.service import ProjectSyncer

# The server may reach the test's git daemon on loopback (the repository access policy).
SERVER_ENV = {"GITSTUDIO_ALLOWED_GIT_HOSTS": "127.0.0.1"}

# Holds a push the same way; a refused gate makes it fail (nothing written).
PUSH_GATE = """#!/bin/sh
cat >/dev/null
gates="{gates}"
if [ -e "$gates/push.armed" ]; then
  touch "$gates/push.waiting"
  i=0
  while [ ! -e "$gates/push.open" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done
  [ -e "$gates/push.refuse" ] && exit 1
fi
exit 0
"""

# Holds the end of a push whose refs are already updated (the client still waits).
LANDED_GATE = """#!/bin/sh
cat >/dev/null
gates="{gates}"
if [ -e "$gates/landed.armed" ]; then
  touch "$gates/landed.waiting"
  i=0
  while [ ! -e "$gates/landed.open" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done
fi
"""


@dataclass
class Remote:
    """A repository served by ``git daemon`` with gates on its fetches and pushes."""

    url: str
    bare: Path
    work: Path
    gates: Path

    def arm(self, kind: str) -> None:
        (self.gates / f"{kind}.armed").touch()

    def wait_held(self, kind: str) -> None:
        wait_for(lambda: (self.gates / f"{kind}.waiting").exists(), 60, f"the {kind} to wait")

    def open(self, kind: str, refuse: bool = False) -> None:
        if refuse:
            (self.gates / f"{kind}.refuse").touch()
        (self.gates / f"{kind}.armed").unlink(missing_ok=True)
        (self.gates / f"{kind}.open").touch()

    def publish(self) -> None:
        """Push the work repository's branches and tags into the served one."""
        git(self.work, "push", "-q", "--force", str(self.bare), "refs/heads/*:refs/heads/*")
        git(self.work, "push", "-q", "--force", str(self.bare), "refs/tags/*:refs/tags/*")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Callable[[Callable[[Path], Any]], Remote]]:
    """Make a Remote: ``make(generate)`` fills a work repository, served as git://."""
    root, gates = tmp_path / "served", tmp_path / "gates"
    root.mkdir()
    gates.mkdir()
    hook = tmp_path / "fetch-gate"
    hook.write_text(FETCH_GATE.format(gates=gates))
    hook.chmod(0o755)
    config = tmp_path / "gitconfig"
    config.write_text(f"[uploadpack]\n\tpackObjectsHook = {hook}\n")
    port = free_port()
    daemon = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
         f"--base-path={root}", f"--port={port}", "--listen=127.0.0.1", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GIT_CONFIG_GLOBAL": str(config)},
    )  # fmt: skip
    made: list[Remote] = []

    def make(generate: Callable[[Path], Any]) -> Remote:
        work = tmp_path / "work"
        generate(work)
        bare = root / "repo.git"
        subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
        for name, script in (("pre-receive", PUSH_GATE), ("post-receive", LANDED_GATE)):
            path = bare / "hooks" / name
            path.write_text(script.format(gates=gates))
            path.chmod(0o755)
        remote = Remote(f"git://127.0.0.1:{port}/repo.git", bare, work, gates)
        made.append(remote)
        wait_for(lambda: _listed(remote.url), 10, "git daemon to serve")
        return remote

    try:
        yield make
    finally:
        for remote in made:  # let hooks a killed server left waiting end
            remote.open("fetch")
            remote.open("push", refuse=True)
            remote.open("landed")
        daemon.terminate()
        daemon.wait(timeout=10)


def _listed(url: str) -> bool:
    done = subprocess.run(["git", "ls-remote", url], capture_output=True, text=True)
    return done.returncode == 0


def _registry(path: Path) -> None:
    generate_registry(path, RegistrySpec(models=2, versions=2, seed=7, allowed_stages=True))


def _small(path: Path) -> None:
    generate_repo(path, RepoSpec(commits=12, exps_per_commit=1, gto_tags=True))


# -- talking to the server -------------------------------------------------------------------


def graphql(server: Server, token: str, query: str, **variables: Any) -> dict[str, Any]:
    data: dict[str, Any] = gql(server.url, token, query, variables)
    return data


def mutate(server: Server, token: str, query: str, **variables: Any) -> dict[str, Any]:
    """The payload of a mutation that must succeed."""
    payload: dict[str, Any] = next(iter(graphql(server, token, query, **variables).values()))
    assert payload["errors"] == [], payload["errors"]
    return payload


CREATE = """mutation($url: String!, $name: String!) { createProject(input:
  {repoUrl: $url, name: $name}) { project { id } errors { code message } } }"""
SYNC = """mutation($id: ID!) { syncProject(id: $id) { errors { code message } } }"""
REGISTER = """mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input)
  { tag errors { code message } } }"""
RUN = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  branch commit { sha } errors { code message } } }"""
STATE = """query($name: String!) { project(name: $name) { id lastSyncError
  branches { name sha } tags { name sha } commits { totalCount }
  experiments(first: 500) { totalCount nodes { kind sha name } }
  models { name latestVersion { version } stages { stage versions { version } } } } }"""


def project_state(server: Server, token: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = graphql(server, token, STATE, name=name)["project"]
    found["branches"] = sorted((b["name"], b["sha"]) for b in found["branches"])
    found["tags"] = sorted((t["name"], t["sha"]) for t in found["tags"])
    found["experiments"]["nodes"].sort(key=lambda e: (e["kind"], e["sha"] or "", e["name"] or ""))
    found["models"].sort(key=lambda m: m["name"])
    return found


def same_content(a: dict[str, Any], b: dict[str, Any]) -> None:
    """Two projects indexed from one repository hold the same things."""
    keys = ("branches", "tags", "commits", "experiments", "models", "lastSyncError")
    assert {k: a[k] for k in keys} == {k: b[k] for k in keys}


def assert_matches_git(state: dict[str, Any], bare: Path) -> None:
    heads = git(bare, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads")
    assert state["branches"] == sorted(tuple(line.split()) for line in heads.splitlines())
    tags = git(bare, "for-each-ref", "--format=%(refname:short) %(*objectname)%(objectname)",
               "refs/tags")  # fmt: skip
    peeled = sorted((n, s[:40]) for n, s in (line.split() for line in tags.splitlines()))
    assert state["tags"] == peeled
    count = int(git(bare, "rev-list", "--count", "--branches", "--tags"))
    assert state["commits"]["totalCount"] == count
    assert state["lastSyncError"] is None


def leases_held(data_dir: Path) -> list[dict[str, Any]]:
    return sqlite_rows(
        data_dir, "SELECT name, sync_owner FROM projects WHERE sync_owner IS NOT NULL"
    )


def project_row(data_dir: Path, name: str) -> dict[str, Any]:
    (row,) = sqlite_rows(data_dir, "SELECT * FROM projects WHERE name = ?", name)
    return row


def kill(server: Server) -> None:
    server.process.kill()  # SIGKILL: no lifespan shutdown, no lease released
    server.process.wait(timeout=10)


def in_background(call: Callable[[], Any]) -> concurrent.futures.Future[Any]:
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(call)
    pool.shutdown(wait=False)
    return future


def cut_off(future: concurrent.futures.Future[Any]) -> None:
    """The request the kill interrupted got no answer."""
    with pytest.raises(httpx.TransportError):
        future.result(timeout=30)


@dataclass
class Deployment:
    data_dir: Path
    port: int
    token: str
    server: Server | None = None

    def start(self, **env: str) -> Server:
        self.server = start_server([], self.data_dir, {**SERVER_ENV, **env}, self.port)
        return self.server


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[Deployment]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    found = Deployment(data_dir, free_port(), admin_token(data_dir))
    try:
        yield found
    finally:
        if found.server is not None and found.server.process.poll() is None:
            stop_server(found.server)


# -- the five kill points ---------------------------------------------------------------------


def test_killed_during_create_project_is_finished_at_restart(
    served: Callable[[Callable[[Path], Any]], Remote], deployment: Deployment
) -> None:
    remote = served(_small)
    server = deployment.start()
    remote.arm("fetch")
    creating = in_background(
        lambda: graphql(server, deployment.token, CREATE, url=remote.url, name="crashed")
    )
    remote.wait_held("fetch")  # inside the first clone, the lease held
    row = project_row(deployment.data_dir, "crashed")
    assert row["sync_owner"] is not None and row["sync_count"] == 0
    kill(server)
    cut_off(creating)
    remote.open("fetch")

    server = deployment.start()
    # Finished in the background at start: the lease of the dead process ended at once.
    wait_for(lambda: project_row(deployment.data_dir, "crashed")["sync_count"] > 0, 30,
             "the interrupted creation to be finished")  # fmt: skip
    mutate(server, deployment.token, CREATE, url=remote.url, name="control")
    crashed = project_state(server, deployment.token, "crashed")
    same_content(crashed, project_state(server, deployment.token, "control"))
    assert_matches_git(crashed, remote.bare)
    mutate(server, deployment.token, SYNC, id=crashed["id"])
    assert leases_held(deployment.data_dir) == []


def test_killed_during_a_sync_another_instance_takes_over_within_the_lease(
    served: Callable[[Callable[[Path], Any]], Remote], deployment: Deployment
) -> None:
    remote = served(_small)
    short = {"GITSTUDIO_LEASE_SECONDS": "3"}
    server = deployment.start(GITSTUDIO_INSTANCE_ID="first", **short)
    pid = mutate(server, deployment.token, CREATE, url=remote.url, name="synced")["project"]["id"]
    for i in range(5):
        add_commit(remote.work, "main", {"params.yaml": f"lr: 0.{i}\n"}, f"tune {i}")
    remote.publish()
    remote.arm("fetch")
    syncing = in_background(lambda: graphql(server, deployment.token, SYNC, id=pid))
    remote.wait_held("fetch")
    assert project_row(deployment.data_dir, "synced")["sync_owner"].startswith("first#")
    kill(server)
    cut_off(syncing)
    remote.open("fetch")

    # Another instance: the dead one's lease is not its own, so it waits for the lease to
    # lapse (3 s here) and takes it over inside one syncProject.
    server = deployment.start(GITSTUDIO_INSTANCE_ID="second", **short)
    mutate(server, deployment.token, SYNC, id=pid)
    state = project_state(server, deployment.token, "synced")
    assert_matches_git(state, remote.bare)
    mutate(server, deployment.token, CREATE, url=remote.url, name="control")
    same_content(state, project_state(server, deployment.token, "control"))
    assert leases_held(deployment.data_dir) == []


def test_killed_during_a_registry_write_the_retry_succeeds_and_matches_gto(
    served: Callable[[Callable[[Path], Any]], Remote],
    deployment: Deployment,
    tmp_path: Path,
) -> None:
    remote = served(_registry)
    server = deployment.start()
    pid = mutate(server, deployment.token, CREATE, url=remote.url, name="models")["project"]["id"]
    register = {"projectId": pid, "model": "model-0", "rev": "main", "bump": "MINOR"}
    remote.arm("push")
    writing = in_background(lambda: graphql(server, deployment.token, REGISTER, input=register))
    remote.wait_held("push")  # the tag is made, its push waits in the remote's hook
    kill(server)
    cut_off(writing)
    remote.open("push", refuse=True)  # the push the dead server started fails: no tag

    server = deployment.start()
    done = mutate(server, deployment.token, REGISTER, input=register)
    assert done["tag"] == "model-0@v1.1.0"  # the counter did not skip: nothing half-written
    # A leftover of the killed write in the mirror (its local tag) is gone after the fetch.
    state = project_state(server, deployment.token, "models")
    assert_matches_git(state, remote.bare)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", remote.url, str(clone)], check=True)
    assert registry_of(state) == gto_registry(clone)
    assert leases_held(deployment.data_dir) == []


def test_killed_during_run_experiment_the_pushed_commit_is_indexed_after_restart(
    served: Callable[[Callable[[Path], Any]], Remote], deployment: Deployment
) -> None:
    remote = served(_small)
    server = deployment.start()
    pid = mutate(server, deployment.token, CREATE, url=remote.url, name="runs")["project"]["id"]

    def run(branch: str, lr: float) -> dict[str, Any]:
        change = {"file": "params.yaml", "path": "lr", "value": lr}
        spec = {"projectId": pid, "baseRev": "main", "target": "BRANCH", "branch": branch}
        return graphql(server, deployment.token, RUN, input={**spec, "paramChanges": [change]})

    remote.arm("landed")
    running = in_background(lambda: run("exp/killed", 0.5))
    remote.wait_held("landed")  # the branch is in the remote; the server waits to index it
    pushed = git(remote.bare, "rev-parse", "refs/heads/exp/killed")
    kill(server)
    cut_off(running)
    remote.open("landed")

    server = deployment.start()
    done = run("exp/after", 0.25)["runExperiment"]
    assert done["errors"] == [] and done["branch"] == "exp/after"
    state = project_state(server, deployment.token, "runs")
    assert ("exp/killed", pushed) in state["branches"]
    assert_matches_git(state, remote.bare)
    mutate(server, deployment.token, CREATE, url=remote.url, name="control")
    same_content(state, project_state(server, deployment.token, "control"))
    assert leases_held(deployment.data_dir) == []


def test_killed_during_live_ingest_keeps_every_acknowledged_step_and_catches_up_progress(
    served: Callable[[Callable[[Path], Any]], Remote], deployment: Deployment
) -> None:
    remote = served(_small)
    server = deployment.start()
    mutate(server, deployment.token, CREATE, url=remote.url, name="live")
    baseline = git(remote.bare, "rev-parse", "main")
    headers = {"Authorization": f"token {deployment.token}"}
    acknowledged: list[int] = []
    sent: list[int] = []

    def post(client: httpx.Client, body: dict[str, Any]) -> None:
        response = client.post(f"{server.url}/api/live", json=body, headers=headers)
        assert response.status_code == 200, response.text

    def stream() -> None:  # as fast as answers come: the writer is never idle
        with httpx.Client(timeout=30) as client:
            post(client, event("start", remote.url, baseline, "survivor"))
            for step in range(100_000):
                sent.append(step)
                data = {"step": step, "metrics": {}, "plots": rows("loss", (step, 1 / (step + 1)))}
                post(client, event("data", remote.url, baseline, "survivor", **data))
                acknowledged.append(step)

    streaming = in_background(stream)
    wait_for(lambda: len(acknowledged) >= 40, 60, "steps to be acknowledged")
    kill(server)
    with pytest.raises(httpx.TransportError):
        streaming.result(timeout=30)
    (run,) = sqlite_rows(deployment.data_dir, "SELECT id FROM experiments WHERE name = ?",
                         "survivor")  # fmt: skip

    def stored() -> list[int]:
        found = sqlite_rows(
            deployment.data_dir,
            "SELECT step FROM metric_steps WHERE experiment_id = ? ORDER BY step",
            run["id"],
        )
        return [r["step"] for r in found]

    steps = stored()
    assert set(acknowledged) <= set(steps) <= set(sent)

    server = deployment.start()
    (row,) = sqlite_rows(deployment.data_dir, "SELECT last_step, live_metrics FROM experiments"
                         " WHERE id = ?", run["id"])  # fmt: skip
    assert row["last_step"] == max(steps)  # caught up at start, before the run posts again
    assert set(orjson.loads(row["live_metrics"]).values()) == {max(steps)}
    with httpx.Client(timeout=30) as client:
        last = max(steps) + 1
        data = {"step": last, "metrics": {}, "plots": rows("loss", (last, 0.01))}
        post(client, event("data", remote.url, baseline, "survivor", **data))
        post(client, event("done", remote.url, baseline, "survivor"))
    assert stored() == [*steps, last]
    (row,) = sqlite_rows(deployment.data_dir, "SELECT status, last_step FROM experiments"
                         " WHERE id = ?", run["id"])  # fmt: skip
    assert (row["status"], row["last_step"]) == ("COMPLETED", last)


# -- the parts, in process ------------------------------------------------------------------


def registry_of(state: dict[str, Any]) -> dict[str, Any]:
    """{model: (latest version, {stage: its latest version})} from the API."""
    return {
        m["name"]: (
            m["latestVersion"]["version"],
            {s["stage"]: s["versions"][0]["version"] for s in m["stages"] if s["versions"]},
        )
        for m in state["models"]
        if m["latestVersion"]
    }


def gto_registry(repo: Path) -> dict[str, Any]:
    shown: dict[str, Any] = gto(repo, "show")
    return {
        name: (found["version"], {s: v for s, v in found["stage"].items() if v})
        for name, found in shown.items()
        if found["registered"]
    }


async def _project(api: Api, unique: str) -> int:
    row = await Project.create(name=f"lease-{unique}", repo_url=f"/nowhere/{unique}")
    return int(row.id)


async def test_a_renewed_lease_outlives_its_time_to_live_and_ends_when_released(
    api: Api, unique: str
) -> None:
    pid = await _project(api, unique)
    ttl = 0.6
    assert await try_acquire(pid, ttl, "holder") is not None
    async with renewed(pid, "holder", ttl) as lease:
        deadline = time.monotonic() + 3 * ttl
        while time.monotonic() < deadline:  # long past the first time to live
            assert await try_acquire(pid, ttl, "other") is None
            await asyncio.sleep(0.1)
        assert not lease.lost
    await release(pid, "holder")
    assert await try_acquire(pid, ttl, "other") is not None
    await Project.filter(id=pid).delete()


async def test_a_lapsed_lease_is_taken_over_and_its_renewal_reports_it_lost(
    api: Api, unique: str
) -> None:
    pid = await _project(api, unique)
    assert await try_acquire(pid, 1.0, "dead") is not None  # and never renewed: it died
    assert await try_acquire(pid, 5, "successor") is None, "not before it lapses"
    deadline = time.monotonic() + 10
    while await try_acquire(pid, 5, "successor") is None:  # taken over once it lapses
        assert time.monotonic() < deadline, "the dead holder's lease never lapsed"
        await asyncio.sleep(0.05)
    async with renewed(pid, "dead", 0.15) as lease:  # were it only stalled: it finds out
        deadline = time.monotonic() + 5
        while not lease.lost and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert lease.lost
    assert (await Project.get(id=pid)).sync_owner == "successor"
    await Project.filter(id=pid).delete()


async def test_an_index_write_without_the_lease_writes_nothing(api: Api, unique: str) -> None:
    pid = await _project(api, unique)
    assert await try_acquire(pid, 30, "successor") is not None
    commit = CommitRow("a" * 40, [], "A", "a@x", 1, "A", "a@x", 1, 0, "lost")
    batch = IndexBatch(tips={"refs/heads/main": "a" * 40}, branches={"main": "a" * 40}, tags=[],
                       commits=[commit], lease_owner="stalled")  # fmt: skip
    with pytest.raises(LeaseLost):
        await apply_batch(pid, batch)
    row = await Project.get(id=pid)
    assert (row.sync_owner, row.sync_count, row.ref_tips) == ("successor", 0, "{}")
    assert await db.fetch("SELECT id FROM commits WHERE project_id = ?", [pid]) == []
    await Project.filter(id=pid).delete()


def test_owner_ids_are_stable_per_data_dir_and_distinct_between_live_processes(
    tmp_path: Path,
) -> None:
    one, other = tmp_path / "one", tmp_path / "other"
    one.mkdir()
    other.mkdir()
    first = claim(one)
    second = claim(one)  # a second server on the same data directory
    elsewhere = claim(other)
    assert len({first.stable_id, second.stable_id, elsewhere.stable_id}) == 3
    assert first.previous is None and len(first.owner) <= 64
    first.close()  # the first process died: its restart gets its id back, a new boot
    again = claim(one)
    assert again.stable_id == first.stable_id and again.owner != first.owner
    assert again.previous == first.owner  # known dead: its leases may be ended at once
    for held in (second, elsewhere, again):
        held.close()
    configured = claim(one, "configured")
    assert configured.stable_id == "configured" and configured.owner.startswith("configured#")
    configured.close()
    for bad in ("x" * 52, "a#b"):
        with pytest.raises(ValueError, match="INSTANCE_ID"):
            claim(one, bad)


def test_one_instance_id_is_one_live_process_on_a_data_directory(tmp_path: Path) -> None:
    first = claim(tmp_path, "replica")
    with pytest.raises(InstanceInUse, match="replica"):
        claim(tmp_path, "replica")  # a second process (its own open file: flock's unit)
    first.close()
    restarted = claim(tmp_path, "replica")
    assert restarted.previous == first.owner
    restarted.close()


def test_a_second_server_with_the_same_instance_id_does_not_start(
    deployment: Deployment,
) -> None:
    deployment.start(GITSTUDIO_INSTANCE_ID="twin")
    twin = {**SERVER_ENV, "GITSTUDIO_INSTANCE_ID": "twin"}
    try:
        started = start_server([], deployment.data_dir, twin)
    except RuntimeError as exc:
        assert "exited early" in str(exc) and "GITSTUDIO_INSTANCE_ID='twin'" in str(exc)
    else:
        stop_server(started)
        pytest.fail("a second process with the same instance id started")


async def test_processes_sharing_an_instance_id_never_share_or_end_each_others_leases(
    api: Api, unique: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Two replicas (their own data directories) configured with one id: distinct owners,
    so one lease has one holder; a restart ends its own dead boot's leases, never the live
    replica's."""
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    live, dying = claim(here, f"same-{unique}"), claim(there, f"same-{unique}")
    held, orphaned = await _project(api, f"{unique}-held"), await _project(api, f"{unique}-orph")
    assert await try_acquire(held, 30, live.owner) is not None
    assert await try_acquire(held, 30, dying.owner) is None, "one lease, one holder"
    assert await try_acquire(orphaned, 30, dying.owner) is not None
    dying.close()  # killed while it held the lease of `orphaned`

    restarted = claim(there, f"same-{unique}")
    syncer = ProjectSyncer(api.settings.mirrors_dir, Credentials())
    with caplog.at_level(logging.ERROR, logger="sync.service"):
        assert await syncer.take_over(restarted) is not None
    assert syncer.owner == restarted.owner
    assert (await Project.get(id=orphaned)).sync_owner is None, "the dead boot's: ended"
    assert (await Project.get(id=held)).sync_owner == live.owner, "the live replica's: kept"
    assert live.owner in caplog.text and "GITSTUDIO_INSTANCE_ID" in caplog.text
    for done in (live, restarted):
        done.close()
    await Project.filter(id__in=[held, orphaned]).delete()


def _lock(path: Path, age: float) -> Path:
    """A git lock file whose holder took it ``age`` seconds ago."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("0" * 40 + "\n")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


async def _left_by_a_dead_holder(
    api: Api, unique: str, remote: Remote
) -> tuple[Project, ProjectSyncer, Path]:
    """A synced project, a new commit in its remote, and the lease of a holder that died
    and has lapsed; the successor that takes it over (its lease: 20 s)."""
    project = await Project.create(name=f"locked-{unique}", repo_url=remote.url)
    first = ProjectSyncer(api.settings.mirrors_dir, Credentials(), owner="dead")
    await first.sync(project)
    add_commit(remote.work, "main", {"params.yaml": "lr: 0.7\n"}, "tune")
    remote.publish()
    await db.execute(
        "UPDATE projects SET sync_owner = 'dead', sync_lease_until = ? WHERE id = ?",
        [time.time() - 1, project.id],
    )
    successor = ProjectSyncer(api.settings.mirrors_dir, Credentials(), owner="successor")
    return project, successor, successor.mirror_path(project.id)


async def test_taking_over_a_lapsed_lease_clears_the_stale_locks_its_holder_left(
    api: Api, unique: str, served: Callable[[Callable[[Path], Any]], Remote]
) -> None:
    remote = served(_small)
    project, successor, mirror = await _left_by_a_dead_holder(api, unique, remote)
    stale = [_lock(mirror / "packed-refs.lock", 3600), _lock(mirror / "refs/heads/main.lock", 60)]
    assert (await successor.sync(project)).new_commits == 1
    assert not any(lock.exists() for lock in stale)
    row = await Project.get(id=project.id)
    assert orjson.loads(row.ref_tips)["refs/heads/main"] == git(remote.bare, "rev-parse", "main")
    assert (row.sync_owner, row.last_sync_error) == (None, None)
    await successor.delete(project)


async def test_a_lock_younger_than_a_lease_is_left_alone_after_a_takeover(
    api: Api, unique: str, served: Callable[[Callable[[Path], Any]], Remote]
) -> None:
    """A lock younger than a lease may be a stalled holder's, still in use: never removed
    (the sync fails instead, changing nothing); an old one beside it is."""
    remote = served(_small)
    project, successor, mirror = await _left_by_a_dead_holder(api, unique, remote)
    before = await Project.get(id=project.id)
    stale, fresh = (
        _lock(mirror / "packed-refs.lock", 3600),
        _lock(mirror / "refs/heads/main.lock", 0),
    )
    with pytest.raises(DomainError) as failed:
        await successor.sync(project)
    assert failed.value.code == "UNREACHABLE"
    assert fresh.exists() and not stale.exists()
    after = await Project.get(id=project.id)
    assert (after.sync_owner, after.sync_count, after.ref_tips) == (
        None,
        before.sync_count,
        before.ref_tips,
    )
    fresh.unlink()
    await successor.delete(project)


async def test_progress_a_crash_left_behind_is_reconciled(
    api: Api, unique: str, tmp_path: Path
) -> None:
    """A writer killed while its progress was deferred (points committed, ``last_step`` not
    yet): the start-up reconcile brings ``last_step`` and ``live_metrics`` up to the steps."""
    repo, pid, sha = await new_project(api, tmp_path, f"progress-{unique}")
    name = f"deferred-{unique}"
    assert (await post_live(api, event("start", str(repo), sha, name))).status_code == 200
    writer = MetricWriter(_no_publish)

    def data(step: int) -> LiveEvent:
        return LiveEvent("data", "dvclive", pid, "", sha, name, step=step,
                         points=[("loss", step, 0.5, None, None)])  # fmt: skip

    await writer.submit(data(0))  # the run's first event here: its row is written
    for step in range(1, 6):  # within PROGRESS_EVERY: only the points are written
        await writer.submit(data(step))
    assert writer.progress_deferred >= 5
    for task in writer._tasks:  # killed: the deferred progress is never written
        task.cancel()
    row = await Experiment.get(project_id=pid, name=name)
    assert row.last_step == 0 and json.loads(row.live_metrics or "{}") == {"loss": 0}

    assert await reconcile_progress() >= 1
    row = await Experiment.get(project_id=pid, name=name)
    assert row.last_step == 5 and json.loads(row.live_metrics or "{}") == {"loss": 5}


async def _no_publish(channel: str, message: bytes) -> None:
    return None


async def test_a_live_holder_makes_others_wait_a_bounded_time_then_conflict(
    api: Api, unique: str, tmp_path: Path
) -> None:
    repo = tmp_path / "repo"
    _small(repo)
    project = await Project.create(name=f"held-{unique}", repo_url=str(repo))
    syncer = ProjectSyncer(api.settings.mirrors_dir, Credentials(), owner="waiter", lease_wait=0.3)
    assert await try_acquire(project.id, 30, "live-holder") is not None
    with pytest.raises(DomainError) as refused:
        await syncer.sync(project)
    assert refused.value.code == "CONFLICT"
    row = await Project.get(id=project.id)
    assert (row.sync_owner, row.sync_count) == ("live-holder", 0), "nothing changed"
    await release(project.id, "live-holder")
    assert (await syncer.sync(project)).new_commits > 0
    await syncer.delete(project)


async def test_a_sync_that_lost_its_lease_stops_before_writing(
    api: Api, unique: str, served: Callable[[Callable[[Path], Any]], Remote]
) -> None:
    remote = served(_small)
    project = await Project.create(name=f"stolen-{unique}", repo_url=remote.url)
    syncer = ProjectSyncer(api.settings.mirrors_dir, Credentials(), owner="stalled",
                           lease_seconds=0.6)  # fmt: skip
    await syncer.sync(project)
    before = await Project.get(id=project.id)
    add_commit(remote.work, "main", {"params.yaml": "lr: 0.9\n"}, "tune")
    remote.publish()
    remote.arm("fetch")
    syncing = asyncio.create_task(syncer.sync(project))
    await asyncio.to_thread(remote.wait_held, "fetch")
    # Another instance took the project over (as if this one had stalled past its lease).
    # Its renewal (or, failing that, the fenced index write) finds the lease gone.
    await db.execute("UPDATE projects SET sync_owner = 'successor' WHERE id = ?", [project.id])
    remote.open("fetch")
    with pytest.raises(DomainError) as lost:
        await syncing
    assert lost.value.code == "CONFLICT"
    after = await Project.get(id=project.id)
    assert (after.sync_owner, after.sync_count, after.ref_tips) == (
        "successor",
        before.sync_count,
        before.ref_tips,
    )
    await release(project.id, "successor")
    await syncer.delete(project)
