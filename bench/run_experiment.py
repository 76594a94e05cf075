"""One ``runExperiment`` (new branch, one changed param) against the same change made with
the git CLI: ``git clone --depth 1`` + edit + ``git commit`` + ``git push``.

The repository (1,000 commits) is served by a real ``git daemon`` accepting pushes, so both
sides fetch and push over the network protocol. gitstudio's project is indexed once
beforehand, as in a server; each round then times ``ProjectSyncer.write_commit`` (fetch,
edit, commit, push, and the sync that indexes the commit) and the CLI sequence, each on a
fresh branch. Target: at least 10x faster (medians).
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import Fixture, sqlite_url
from storage import db
from storage.models import Project
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials
from sync.git_writer import BRANCH, CommitRequest
from sync.params_edit import ParamChange
from sync.service import ProjectSyncer

COMMITS = 1000


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _daemon(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    process = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
         f"--base-path={root}", f"--port={port}", "--listen=127.0.0.1", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"git://127.0.0.1:{port}"
    for _ in range(100):
        probe = subprocess.run(["git", "ls-remote", f"{url}/none"], capture_output=True, text=True)
        if "Connection refused" not in probe.stderr:
            break
        time.sleep(0.1)
    return process, url


def _git_cli_round(url: str, branch: str, value: float) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "clone"
        started = time.perf_counter()
        subprocess.run(["git", "clone", "-q", "--depth", "1", url, str(work)], check=True)
        params = work / "params.yaml"
        params.write_text(params.read_text().replace("lr: ", f"lr: {value} #", 1))
        git = ["git", "-C", str(work), "-c", "user.name=bench", "-c", "user.email=b@example.com"]
        subprocess.run([*git, "commit", "-qam", f"lr={value}"], check=True)
        subprocess.run([*git, "push", "-q", "origin", f"HEAD:refs/heads/{branch}"], check=True)
        return time.perf_counter() - started


async def _gitstudio_rounds(root: Path, url: str, rounds: int) -> list[float]:
    await db.init_db(sqlite_url(root))
    try:
        syncer = ProjectSyncer(root / "mirrors", Credentials())
        await syncer.create(url, "bench", "", None)
        samples = []
        for i in range(rounds):
            project = await Project.get(name="bench")
            request = CommitRequest(
                "main",
                [ParamChange("params.yaml", "lr", 0.01 * (i + 1))],
                f"lr={0.01 * (i + 1)}",
                BRANCH,
                f"gitstudio-{i}",
            )
            started = time.perf_counter()
            await syncer.write_commit(project, request)
            samples.append(time.perf_counter() - started)
        return samples
    finally:
        await db.close_db()


def run_experiment(opts: Options, fixture: Fixture) -> Result:
    served = opts.workdir / "served"
    work = opts.workdir / "run-work"
    started = time.perf_counter()
    generate_repo(work, RepoSpec(commits=COMMITS, exps_per_commit=0, gto_tags=False))
    served.mkdir()
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(work), str(served / "repo.git")], check=True
    )
    log(f"{COMMITS}-commit repository generated in {time.perf_counter() - started:.1f} s")
    daemon, base_url = _daemon(served)
    try:
        url = f"{base_url}/repo.git"
        rounds = 3 if opts.quick else 7
        root = opts.workdir / "run-data"
        root.mkdir()
        cand = asyncio.run(_gitstudio_rounds(root, url, rounds))
        base = [_git_cli_round(url, f"cli-{i}", 0.01 * (i + 1)) for i in range(rounds)]
        log(f"gitstudio {median(cand) * 1e3:.0f} ms, git CLI {median(base) * 1e3:.0f} ms")
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    candidate = Figure("ProjectSyncer.write_commit (fetch, edit, commit, push, sync)", "s", cand)
    baseline = Figure("git clone --depth 1 + edit + commit + push", "s", base)
    return Result(
        name="run-experiment",
        title=f"one runExperiment on a {COMMITS}-commit repository over git://",
        candidate=candidate,
        baseline=baseline,
        ratio=baseline.value / candidate.value,
        ratio_label="git CLI / gitstudio (speed-up)",
        ratio_format="x",
        target=Target(">=", 10.0),
        details={"fixture": fixture.describe()},
    )
