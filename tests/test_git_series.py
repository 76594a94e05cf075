"""metricNames and metricHistory of Git rows (commits, experiment refs): read from the
DVCLive metric files of the revision, equal to the TSVs real DVCLive wrote and to the
history a live run posting the same rows has; sinceStep and maxPoints as for live runs;
declared directories, a project's subdir, DVCLive's undeclared default directory, bad rows
left out, and files over the parse bound not read."""

from __future__ import annotations

import csv
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from dvclive.studio import _cast_to_numbers  # what DVCLive does to its rows before posting
from dvclive.utils import parse_tsv
from live_support import event, post_live
from support import Api, copy_repo, eventually

from storage import limits
from sync import git_series

STEPS = 30
ROWS = """query($name: String!) { project(name: $name) {
  experiments(first: 20) { nodes { id kind sha name metricNames } } } }"""
HISTORY = """query($name: String!, $id: ID!, $metric: String!, $since: Int, $max: Int!) {
  project(name: $name) { experiment(id: $id) {
    metricHistory(name: $metric, sinceStep: $since, maxPoints: $max) {
      name steps values tokens timestamps total downsampled } } } }"""

# Real DVCLive, as a training script calls it: a nan and an inf among the losses (with
# DVCLive's epoch-millisecond timestamps), a nested name, a metric without timestamps.
TRAIN = """
import os
from dvclive import Live

scale = float(os.environ["SCALE"])
with Live(save_dvc_exp=False) as live:
    for i in range(int(os.environ["STEPS"])):
        loss = {2: float("nan"), 5: float("inf")}.get(i, scale / (i + 1))
        live.log_metric("train/loss", loss, timestamp=True)
        live.log_metric("acc", i * scale / 100)
        live.next_step()
"""


@dataclass(frozen=True)
class Trained:
    repo: Path
    first: str  # the commit before any DVCLive file
    trained: str  # main's tip: the run's files committed
    exp: str  # an experiment ref's commit: a second run
    exp_files: dict[str, Path]  # that run's TSVs, kept aside (main's are checked out)


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DVC_", "STUDIO_", "DVCLIVE_", "GIT_"))
    }
    env.update(
        HOME=str(home),
        DVC_NO_ANALYTICS="1",
        GIT_AUTHOR_NAME="Trainer",
        GIT_AUTHOR_EMAIL="trainer@example.com",
        GIT_COMMITTER_NAME="Trainer",
        GIT_COMMITTER_EMAIL="trainer@example.com",
    )
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Trained:
    """A repository where real DVCLive trained twice: on main, and as an experiment ref."""
    base = tmp_path_factory.mktemp("series")
    repo, home = base / "repo", base / "home"
    repo.mkdir()
    home.mkdir()
    env = _env(home)

    def git(*args: str) -> str:
        return _run(["git", *args], repo, env)

    def train(scale: float) -> None:
        _run([sys.executable, "-c", TRAIN], repo, {**env, "SCALE": str(scale), "STEPS": str(STEPS)})
        git("add", "-A")
        git("commit", "-qm", f"train at scale {scale}")

    git("init", "-q", "-b", "main")
    (repo / "README.md").write_text("series\n")
    git("add", "README.md")
    git("commit", "-qm", "init")
    first = git("rev-parse", "HEAD")
    train(1.0)
    trained_sha = git("rev-parse", "HEAD")
    git("checkout", "-q", "-b", "tmp-exp")
    train(3.0)
    exp_sha = git("rev-parse", "HEAD")
    kept = base / "exp-files"
    metrics = repo / "dvclive" / "plots" / "metrics"
    exp_files: dict[str, Path] = {}
    for path in sorted(metrics.rglob("*.tsv")):
        name = path.relative_to(metrics).with_suffix("").as_posix()
        exp_files[name] = kept / path.relative_to(metrics)
        exp_files[name].parent.mkdir(parents=True, exist_ok=True)
        exp_files[name].write_bytes(path.read_bytes())
    git("checkout", "-q", "main")
    git("update-ref", f"refs/exps/{trained_sha[:2]}/{trained_sha[2:]}/scaled-run", exp_sha)
    git("branch", "-D", "tmp-exp")
    return Trained(repo, first, trained_sha, exp_sha, exp_files)


def tsv_series(path: Path) -> dict[str, Any]:
    """The series a TSV holds, read here on its own: DVCLive's rows (timestamps in epoch
    milliseconds), nan/inf kept as tokens."""
    steps, values, tokens, stamps = [], [], [], []
    with path.open(newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            column = next(k for k in row if k not in ("step", "timestamp"))
            number = float(row[column])
            finite = math.isfinite(number)
            steps.append(int(row["step"]))
            values.append(number if finite else None)
            tokens.append(None if finite else row[column])
            stamps.append(int(row["timestamp"]) / 1000 if "timestamp" in row else None)
    return {"steps": steps, "values": values, "tokens": tokens, "timestamps": stamps}


async def rows_of(api: Api, project: str) -> dict[str, dict[str, Any]]:
    """The project's rows by sha (live runs by name)."""
    nodes = (await api.data(ROWS, {"name": project}))["project"]["experiments"]["nodes"]
    return {n["sha"] if n["kind"] != "LIVE" else n["name"]: n for n in nodes}


async def history(
    api: Api, project: str, row: str, metric: str, since: int | None = None, max_points: int = 0
) -> dict[str, Any]:
    variables = {"name": project, "id": row, "metric": metric, "since": since, "max": max_points}
    found: dict[str, Any] = (await api.data(HISTORY, variables))["project"]["experiment"][
        "metricHistory"
    ]
    return found


async def test_commit_and_experiment_rows_read_the_dvclive_tsvs(
    api: Api, trained: Trained, unique: str
) -> None:
    project = f"series-{unique}"
    await api.create_project(trained.repo, project)
    rows = await rows_of(api, project)
    commit, exp = rows[trained.trained], rows[trained.exp]
    assert commit["kind"] == "COMMIT" and exp["kind"] == "EXPERIMENT"
    assert commit["metricNames"] == exp["metricNames"] == ["acc", "train/loss"]

    metrics = trained.repo / "dvclive" / "plots" / "metrics"
    for name, path in (
        ("train/loss", metrics / "train" / "loss.tsv"),
        ("acc", metrics / "acc.tsv"),
    ):
        expected = tsv_series(path)
        found = await history(api, project, commit["id"], name)
        assert {k: found[k] for k in expected} == expected
        assert (found["name"], found["total"], found["downsampled"]) == (name, STEPS, False)
        kept = tsv_series(trained.exp_files[name])
        found = await history(api, project, exp["id"], name)
        assert found == {**kept, "name": name, "total": STEPS, "downsampled": False}
    loss = await history(api, project, commit["id"], "train/loss")
    assert (loss["values"][2], loss["tokens"][2]) == (None, "nan")
    assert (loss["values"][5], loss["tokens"][5]) == (None, "inf")
    assert all(t is not None and t > 1e9 for t in loss["timestamps"]), "seconds, not ms"

    since = await history(api, project, commit["id"], "train/loss", since=20)
    assert since["steps"] == list(range(21, STEPS)) and since["total"] == STEPS - 21
    small = await history(api, project, commit["id"], "train/loss", max_points=8)
    assert small["downsampled"] and small["total"] == STEPS and len(small["steps"]) <= 8
    assert (small["steps"][0], small["steps"][-1]) == (0, STEPS - 1)

    bare = rows[trained.first]
    assert bare["metricNames"] == []
    empty = await history(api, project, bare["id"], "train/loss")
    assert (empty["steps"], empty["total"], empty["downsampled"]) == ([], 0, False)
    missing = await history(api, project, commit["id"], "no/such/metric")
    assert (missing["steps"], missing["total"]) == ([], 0)


async def test_a_live_run_of_the_same_rows_has_the_same_history(
    api: Api, trained: Trained, tmp_path: Path, unique: str
) -> None:
    """DVCLive's own reading of its TSVs, posted step by step as it posts them, is stored as
    exactly what the committed files answer."""
    project = f"series-live-{unique}"
    repo = copy_repo(trained.repo, tmp_path / "repo")  # its own URL: the run is this project's
    await api.create_project(repo, project)
    base = (str(repo), trained.first, "replayed")
    metrics = repo / "dvclive" / "plots" / "metrics"
    files = {
        f"dvclive/plots/metrics/{p.relative_to(metrics).as_posix()}": p
        for p in sorted(metrics.rglob("*.tsv"))
    }
    assert (await post_live(api, event("start", *base))).status_code == 200
    for step in range(STEPS):
        plots = {
            key: {"data": _cast_to_numbers([r for r in parse_tsv(p) if int(r["step"]) == step])}
            for key, p in files.items()
        }
        answer = await post_live(api, event("data", *base, step=step, plots=plots))
        assert answer.status_code == 200, answer.text
    assert (await post_live(api, event("done", *base))).status_code == 200

    rows = await rows_of(api, project)
    commit, run = rows[trained.trained], rows["replayed"]
    assert run["kind"] == "LIVE"
    await stored(api, project, run["id"], commit["metricNames"], STEPS)
    for name in ("train/loss", "acc"):
        for since, max_points in ((None, 0), (20, 0), (None, 8)):
            live = await history(api, project, run["id"], name, since, max_points)
            git = await history(api, project, commit["id"], name, since, max_points)
            assert live == git


async def stored(api: Api, project: str, row: str, names: list[str], steps: int) -> None:
    """The live writer stores points off the request, and the run's names within 50 ms of
    going idle: wait for them all (a deadline, no fixed sleep)."""

    async def done() -> bool:
        found = {r["id"]: r for r in (await rows_of(api, project)).values()}[row]
        totals = [(await history(api, project, row, name))["total"] for name in names]
        return bool(found["metricNames"] == names and totals == [steps] * len(names))

    await eventually(done, f"{names} stored to {steps} steps")


DVC_YAML = """plots:
  - logs/plots/metrics:
      x: step
  - Validation:
      x: step
      y:
        other/plots/metrics/val.csv: val
"""
LOSS_TSV = (
    "step\tloss\ttimestamp\n"
    "0\t1.5\t1700000000\n"  # seconds already: kept as they are
    "1\t-inf\t\n"
    "1\t9.0\t\n"  # step 1 again: the first value stays
    "x\t2.0\t\n"  # no integer step
    "2\tabc\t\n"  # not a number
    "3\t0.5\t1700000003000\n"
    "4294967296\t1.0\t\n"  # outside the steps a live run accepts
)


@pytest.fixture
def tighten(api: Api) -> Iterator[None]:
    """A 4000-byte parse bound for one test (bounds are per process), restored afterwards."""
    limits.configure(replace(api.settings, max_parse_file_bytes=4000))
    yield
    limits.configure(api.settings)


def hand_written(repo: Path) -> None:
    """A monorepo whose DVC project lives in ``proj/``, its metric files written by hand."""
    files = {
        "proj/dvc.yaml": DVC_YAML,
        "proj/logs/plots/metrics/loss.tsv": LOSS_TSV,
        "proj/logs/plots/metrics/notes.txt": "step\tnotes\n0\t1\n",
        "proj/logs/plots/metrics/big.tsv": "step\tbig\n"
        + "".join(f"{i}\t{i}\n" for i in range(1000)),
        "proj/other/plots/metrics/val.csv": "step,val\n0,0.25\n1,0.5\n",
        "proj/dvclive/plots/metrics/default.tsv": "step\tdefault\n7\t7\n",  # undeclared default
        "proj/undeclared/plots/metrics/hidden.tsv": "step\thidden\n0\t1\n",
        "dvclive/plots/metrics/outside.tsv": "step\toutside\n0\t1\n",  # outside the project
    }
    for path, content in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(content)
    env = _env(repo.parent)
    _run(["git", "init", "-q", "-b", "main"], repo, env)
    _run(["git", "add", "-A"], repo, env)
    _run(["git", "commit", "-qm", "metrics by hand"], repo, env)


async def test_declared_files_in_a_subdir_bad_rows_and_the_size_bound(
    api: Api, tmp_path: Path, unique: str, tighten: None
) -> None:
    repo = tmp_path / "mono"
    repo.mkdir()
    hand_written(repo)
    project = f"series-mono-{unique}"
    await api.create_project(repo, project, subdir="proj")
    (row,) = (await rows_of(api, project)).values()
    assert row["metricNames"] == ["default", "loss", "val"]  # big.tsv is over the bound

    loss = await history(api, project, row["id"], "loss")
    assert loss["steps"] == [0, 1, 3]
    assert loss["values"] == [1.5, None, 0.5]
    assert loss["tokens"] == [None, "-inf", None]
    assert loss["timestamps"] == [1700000000, None, 1700000003]
    val = await history(api, project, row["id"], "val")
    assert (val["steps"], val["values"]) == ([0, 1], [0.25, 0.5])
    assert (await history(api, project, row["id"], "default"))["steps"] == [7]
    assert (await history(api, project, row["id"], "big"))["total"] == 0

    limits.configure(api.settings)  # the bound back to its default: the file is read
    (row,) = (await rows_of(api, project)).values()
    assert row["metricNames"] == ["big", "default", "loss", "val"]
    assert (await history(api, project, row["id"], "big"))["steps"] == list(range(1000))


async def test_a_page_of_rows_reads_each_revision_once(
    api: Api, trained: Trained, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row of a page asking metricNames and metricHistory: one read of the mirror,
    each revision in it once."""
    project = f"series-page-{unique}"
    await api.create_project(trained.repo, project)
    calls: list[list[str]] = []
    read = git_series.at_commits

    def counted(mirror: Path, root: str, shas: list[str], cache: Any) -> Any:
        calls.append(list(shas))
        return read(mirror, root, shas, cache)

    monkeypatch.setattr(git_series, "at_commits", counted)
    query = """query($name: String!) { project(name: $name) { experiments(first: 20) { nodes {
      sha metricNames metricHistory(name: "acc", maxPoints: 0) { steps } } } } }"""
    nodes = (await api.data(query, {"name": project}))["project"]["experiments"]["nodes"]
    assert sorted(n["sha"] for n in nodes) == sorted([trained.first, trained.trained, trained.exp])
    assert len(calls) == 1 and sorted(calls[0]) == sorted(n["sha"] for n in nodes)
    by_sha = {n["sha"]: n for n in nodes}
    assert by_sha[trained.trained]["metricHistory"]["steps"] == list(range(STEPS))
    assert by_sha[trained.first]["metricHistory"]["steps"] == []


async def test_an_experiment_ref_linked_to_its_live_run_keeps_the_stored_series(
    api: Api, trained: Trained, tmp_path: Path, unique: str
) -> None:
    """The live run the ref became answers from what it stored (here 5 steps of one metric),
    not from the ref's files (30 steps of two)."""
    repo = copy_repo(trained.repo, tmp_path / "repo")
    ref = f"refs/exps/{trained.trained[:2]}/{trained.trained[2:]}/scaled-run"
    _run(["git", "update-ref", "-d", ref], repo, _env(tmp_path))
    project = f"series-linked-{unique}"
    created = await api.create_project(repo, project)
    base = (str(repo), trained.trained, "scaled-run")
    acc = parse_tsv(trained.exp_files["acc"])[:5]
    assert (await post_live(api, event("start", *base))).status_code == 200
    for row in acc:
        plots = {"dvclive/plots/metrics/acc.tsv": {"data": _cast_to_numbers([dict(row)])}}
        step = int(row["step"])
        assert (
            await post_live(api, event("data", *base, step=step, plots=plots))
        ).status_code == 200
    assert (await post_live(api, event("done", *base))).status_code == 200
    run = (await rows_of(api, project))["scaled-run"]
    await stored(api, project, run["id"], ["acc"], len(acc))

    _run(["git", "update-ref", ref, trained.exp], repo, _env(tmp_path))
    assert (await api.sync(created["id"]))["newExperiments"] == 1
    linked = (await rows_of(api, project))[trained.exp]
    assert (linked["id"], linked["kind"]) == (run["id"], "EXPERIMENT")
    assert linked["metricNames"] == ["acc"]
    found = await history(api, project, linked["id"], "acc")
    assert found["steps"] == list(range(5)) and found["total"] == 5
