"""One ``runExperiment`` (new branch, one changed param) against the same change made with
the git CLI: ``git clone --depth 1`` + edit + ``git commit`` + ``git push``.

Two remotes, each compared with its own CLI baseline in the same run:

* ``run-experiment``: the repository (1,000 commits) is served by a real ``git daemon``
  accepting pushes, so both sides fetch and push over the network protocol;
* ``run-experiment-local``: a bare repository on this machine, the project's URL being its
  path (gitstudio then pushes into it through ``git receive-pack``, so its hooks run); the
  CLI clones ``file://PATH`` (``--depth`` is ignored for a plain local path) and pushes to
  it.

gitstudio's project is indexed once beforehand, as in a server; each round then times
``ProjectSyncer.write_commit`` (fetch, edit, commit, push, and the sync that indexes the
commit) and the CLI sequence, each on a fresh branch, in a rotating order with the
**floor**: one push alone of a ready-made commit (a new branch, three new objects) into a
third copy, the same way gitstudio pushes (``sync.receive_pack`` into the local bare
repository, a libgit2 push to the daemon). No write can cost less than that push, so
CLI / floor is the ceiling of the ratio. Each side writes to its own copy of the
repository, packed as a served repository is (a repository of loose objects would make the
first push of each side start a ``git gc`` that runs through the rounds). Targets (issue
12): at least 2.5x over git://, 8x on the local bare repository (medians).
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pygit2

from bench.common import Figure, Options, Result, Target, log, median
from bench.fixture import Fixture, sqlite_url
from storage import db
from storage.models import Project
from sync import receive_pack
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials, local_source, push_ref
from sync.git_writer import BRANCH, CommitRequest
from sync.params_edit import ParamChange
from sync.service import ProjectSyncer

COMMITS = 1000
TARGETS = {"run-experiment": 2.5, "run-experiment-local": 8.0}


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


class _Floor:
    """One push alone, of a ready-made commit on a new branch, into ``url`` the way
    gitstudio pushes there: through receive-pack for a local path, by libgit2 otherwise."""

    def __init__(self, scratch: Path, url: str) -> None:
        self._repo = pygit2.Repository(str(scratch))
        self._local = local_source(url)
        if "origin" in self._repo.remotes.names():
            self._repo.remotes.delete("origin")
        self._repo.remotes.create("origin", url)

    def _commit(self, branch: str, value: float) -> pygit2.Oid:
        base = self._repo.revparse_single("refs/heads/main").peel(pygit2.Commit)
        builder = self._repo.TreeBuilder(base.tree)
        blob = self._repo.create_blob(f"lr: {value}\n".encode())
        builder.insert("params.yaml", blob, pygit2.enums.FileMode.BLOB)
        who = pygit2.Signature("bench", "b@example.com", int(time.time()), 0)
        oid = self._repo.create_commit(None, who, who, branch, builder.write(), [base.id])
        self._repo.references.create(f"refs/heads/{branch}", oid, force=True)
        return oid

    def push(self, branch: str, value: float) -> float:
        oid = self._commit(branch, value)
        ref = f"refs/heads/{branch}"
        started = time.perf_counter()
        if self._local is None:
            push_ref(self._repo, ref, Credentials())
        else:
            with receive_pack.start(self._local) as receiver:
                missing = receive_pack.missing_objects(self._repo, oid, receiver.holds())
                objects = receive_pack.objects_of(self._repo, missing)
                receiver.push(receive_pack.Update(ref, None, str(oid)), objects, len(missing))
        return time.perf_counter() - started


Samples = tuple[list[float], list[float], list[float]]


async def _rounds(root: Path, urls: tuple[str, str, str], floor: _Floor, rounds: int) -> Samples:
    """(gitstudio, git CLI, floor) samples, in an order that rotates round by round."""
    url, cli_url, _ = urls
    root.mkdir(parents=True)
    await db.init_db(sqlite_url(root))
    try:
        syncer = ProjectSyncer(root / "mirrors", Credentials())
        await syncer.create(url, "bench", "", None)
        cand: list[float] = []
        base: list[float] = []
        least: list[float] = []
        for i in range(rounds):
            value = 0.01 * (i + 1)
            for step in range(3):
                which = (i + step) % 3
                if which == 0:
                    project = await Project.get(name="bench")
                    request = CommitRequest(
                        "main", [ParamChange("params.yaml", "lr", value)], f"lr={value}", BRANCH,
                        f"gitstudio-{i}",
                    )  # fmt: skip
                    started = time.perf_counter()
                    await syncer.write_commit(project, request)
                    cand.append(time.perf_counter() - started)
                elif which == 1:
                    base.append(_git_cli_round(cli_url, f"cli-{i}", value))
                else:
                    least.append(floor.push(f"floor-{i}", value))
        return cand, base, least
    finally:
        await db.close_db()


def _result(
    name: str,
    title: str,
    labels: tuple[str, str],
    samples: Samples,
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
        target=Target(">=", TARGETS[name]),
        details=details,
    )


def _line(where: str, samples: Samples) -> str:
    cand, base, floor = (median(s) for s in samples)
    return (
        f"{where}: gitstudio {cand * 1e3:.1f} ms, git CLI {base * 1e3:.1f} ms ({base / cand:.2f}x);"
        f" floor (the push alone) {floor * 1e3:.1f} ms: ceiling {base / floor:.2f}x,"
        f" gitstudio beyond the push {(cand - floor) * 1e3:.1f} ms"
    )


def run_experiment(opts: Options, fixture: Fixture) -> list[Result]:
    served = opts.workdir / "served"
    work = opts.workdir / "run-work"
    local = opts.workdir / "local"
    started = time.perf_counter()
    generate_repo(work, RepoSpec(commits=COMMITS, exps_per_commit=0, gto_tags=False))
    # Each side writes to its own copy, so that gitstudio's fetch and sync never pick up
    # the CLI's branches (and the other way round). --no-local: one pack, as served.
    for parent in (served, local):
        for name in ("repo.git", "cli.git", "floor.git"):
            bare = str(parent / name)
            subprocess.run(
                ["git", "clone", "-q", "--bare", "--no-local", str(work), bare], check=True
            )
    scratch = opts.workdir / "floor-scratch.git"  # where the floor's commits are made
    subprocess.run(
        ["git", "clone", "-q", "--bare", "--shared", str(work), str(scratch)], check=True
    )
    log(f"{COMMITS}-commit repository generated in {time.perf_counter() - started:.1f} s")
    rounds = 3 if opts.quick else 7
    daemon, base_url = _daemon(served)
    try:
        urls = (f"{base_url}/repo.git", f"{base_url}/cli.git", f"{base_url}/floor.git")
        floor = _Floor(scratch, urls[2])
        remote = asyncio.run(_rounds(opts.workdir / "run-data", urls, floor, rounds))
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
    log(_line("git://", remote))
    paths = (str(local / "repo.git"), f"file://{local / 'cli.git'}", str(local / "floor.git"))
    floor = _Floor(scratch, paths[2])
    on_disk = asyncio.run(_rounds(opts.workdir / "run-data-local", paths, floor, rounds))
    log(_line("local bare", on_disk))
    shutil.rmtree(work, ignore_errors=True)
    details: dict[str, object] = {"fixture": fixture.describe()}
    details["speed_ups"] = {
        "git_daemon": median(remote[1]) / median(remote[0]),
        "local_bare": median(on_disk[1]) / median(on_disk[0]),
    }
    details["floor_push_seconds"] = {"git_daemon": remote[2], "local_bare": on_disk[2]}
    details["ceilings"] = {
        "git_daemon": median(remote[1]) / median(remote[2]),
        "local_bare": median(on_disk[1]) / median(on_disk[2]),
    }
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
                "ProjectSyncer.write_commit (fetch, edit, commit, receive-pack, sync)",
                "git clone --depth 1 file:// + edit + commit + push",
            ),
            on_disk,
            details,
        ),
    ]
