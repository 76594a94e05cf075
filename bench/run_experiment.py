"""One ``runExperiment`` (new branch, one changed param) against the same change made with
the git CLI: ``git clone --depth 1`` + edit + ``git commit`` + ``git push``.

Two remotes, each compared with its own CLI baseline in the same run:

* ``run-experiment``: the repository (1,000 commits) is served by a real ``git daemon``
  accepting pushes, so both sides fetch and push over the network protocol;
* ``run-experiment-local``: a bare repository on this machine, the project's URL being its
  path (gitstudio then pushes into it with ``git push``, so its hooks run); the CLI clones
  ``file://PATH`` (``--depth`` is ignored for a plain local path) and pushes to it.

gitstudio's project is indexed once beforehand, as in a server; each round then times
``ProjectSyncer.write_commit`` (fetch, edit, commit, push, and the sync that indexes the
commit) and the CLI sequence, each on a fresh branch, the two alternating which goes first.
Each side writes to its own copy of the repository. Target: at least 10x faster (medians),
for both.
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


async def _rounds(
    root: Path, url: str, cli_url: str, rounds: int
) -> tuple[list[float], list[float]]:
    """(gitstudio samples, git CLI samples), interleaved round by round."""
    root.mkdir(parents=True)
    await db.init_db(sqlite_url(root))
    try:
        syncer = ProjectSyncer(root / "mirrors", Credentials())
        await syncer.create(url, "bench", "", None)
        cand: list[float] = []
        base: list[float] = []
        for i in range(rounds):
            value = 0.01 * (i + 1)
            if i % 2:
                base.append(_git_cli_round(cli_url, f"cli-{i}", value))
            project = await Project.get(name="bench")
            request = CommitRequest(
                "main", [ParamChange("params.yaml", "lr", value)], f"lr={value}", BRANCH,
                f"gitstudio-{i}",
            )  # fmt: skip
            started = time.perf_counter()
            await syncer.write_commit(project, request)
            cand.append(time.perf_counter() - started)
            if not i % 2:
                base.append(_git_cli_round(cli_url, f"cli-{i}", value))
        return cand, base
    finally:
        await db.close_db()


def _result(
    name: str,
    title: str,
    labels: tuple[str, str],
    samples: tuple[list[float], list[float]],
    details: dict[str, object],
) -> Result:
    candidate = Figure(labels[0], "s", samples[0])
    baseline = Figure(labels[1], "s", samples[1])
    return Result(
        name=name,
        title=title,
        candidate=candidate,
        baseline=baseline,
        ratio=baseline.value / candidate.value,
        ratio_label="git CLI / gitstudio (speed-up)",
        ratio_format="x",
        target=Target(">=", 10.0),
        details=details,
    )


def run_experiment(opts: Options, fixture: Fixture) -> list[Result]:
    served = opts.workdir / "served"
    work = opts.workdir / "run-work"
    local = opts.workdir / "local"
    started = time.perf_counter()
    generate_repo(work, RepoSpec(commits=COMMITS, exps_per_commit=0, gto_tags=False))
    # Each side writes to its own copy, so that gitstudio's fetch and sync never pick up
    # the CLI's branches (and the other way round).
    for parent in (served, local):
        for name in ("repo.git", "cli.git"):
            bare = str(parent / name)
            subprocess.run(["git", "clone", "-q", "--bare", str(work), bare], check=True)
    log(f"{COMMITS}-commit repository generated in {time.perf_counter() - started:.1f} s")
    rounds = 3 if opts.quick else 7
    daemon, base_url = _daemon(served)
    try:
        remote = asyncio.run(
            _rounds(
                opts.workdir / "run-data", f"{base_url}/repo.git", f"{base_url}/cli.git", rounds
            )
        )
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
    log(
        f"git://: gitstudio {median(remote[0]) * 1e3:.0f} ms, "
        f"git CLI {median(remote[1]) * 1e3:.0f} ms"
    )
    on_disk = asyncio.run(
        _rounds(
            opts.workdir / "run-data-local",
            str(local / "repo.git"),
            f"file://{local / 'cli.git'}",
            rounds,
        )
    )
    log(
        f"local bare: gitstudio {median(on_disk[0]) * 1e3:.0f} ms, "
        f"git CLI {median(on_disk[1]) * 1e3:.0f} ms"
    )
    shutil.rmtree(work, ignore_errors=True)
    details: dict[str, object] = {"fixture": fixture.describe()}
    ratios = {
        "git_daemon": median(remote[1]) / median(remote[0]),
        "local_bare": median(on_disk[1]) / median(on_disk[0]),
    }
    details["speed_ups"] = ratios
    return [
        _result(
            "run-experiment",
            f"one runExperiment on a {COMMITS}-commit repository over git://",
            (
                "ProjectSyncer.write_commit (fetch, edit, commit, push, sync)",
                "git clone --depth 1 git:// + edit + commit + push",
            ),
            remote,
            details,
        ),
        _result(
            "run-experiment-local",
            f"one runExperiment on a {COMMITS}-commit bare repository on this machine (path)",
            (
                "ProjectSyncer.write_commit (fetch, edit, commit, git push, sync)",
                "git clone --depth 1 file:// + edit + commit + push",
            ),
            on_disk,
            details,
        ),
    ]
