"""metricHistory: columnar series, sinceStep, nan/inf tokens, min/max-preserving downsampling."""

from __future__ import annotations

import math
import time
from pathlib import Path

from support import Api

from schema.relay import to_global_id
from storage.metrics import Point, PointRow, downsample, insert_points
from storage.models import Experiment
from sync.generate import RepoSpec, generate_repo

HISTORY = """query($name: String!, $id: ID!, $since: Int, $max: Int!) {
  project(name: $name) { experiment(id: $id) {
    metricNames
    metricHistory(name: "train/loss", sinceStep: $since, maxPoints: $max) {
      name steps values tokens total downsampled }
  } } }"""


def test_downsample_keeps_extremes_and_ends() -> None:
    points = [
        Point(i, math.sin(i / 50) + (5.0 if i == 777 else 0.0), None, None) for i in range(2000)
    ]
    kept = downsample(points, 200)
    assert len(kept) <= 200
    steps = [p.step for p in kept]
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == 1999
    assert 777 in steps, "a spike survives"
    values = [p.value for p in points if p.value is not None]
    assert max(p.value or 0 for p in kept) == max(values)
    assert min(p.value or 0 for p in kept) == min(values)
    assert downsample(points[:50], 200) == points[:50]
    assert downsample(points, 0) == points


async def test_metric_history_over_the_api(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=0, gto_tags=False))
    name = f"hist-{unique}"
    await api.create_project(repo, name)
    project_id = (await api.data('{ project(name: "%s") { databaseId } }' % name))["project"][
        "databaseId"
    ]
    row = await Experiment.create(
        project_id=project_id, kind="LIVE", key=f"live:{'a' * 40}/run", baseline_sha="a" * 40,
        name="run", status="RUNNING", created_at=int(time.time()),
    )  # fmt: skip
    points: list[PointRow] = [
        ("train/loss", i, None if i == 3 else 1 / (i + 1), "nan" if i == 3 else None, None)
        for i in range(3000)
    ]
    points.append(("acc", 0, 0.5, None, None))
    await insert_points(row.id, points)
    exp_id = to_global_id("Experiment", row.id)

    full = (await api.data(HISTORY, {"name": name, "id": exp_id, "since": None, "max": 0}))[
        "project"
    ]["experiment"]
    assert full["metricNames"] == ["acc", "train/loss"]
    series = full["metricHistory"]
    assert (
        series["steps"] == list(range(3000))
        and series["total"] == 3000
        and not series["downsampled"]
    )
    assert series["values"][3] is None and series["tokens"][3] == "nan"
    assert series["values"][4] == 0.2

    since = (await api.data(HISTORY, {"name": name, "id": exp_id, "since": 2990, "max": 0}))[
        "project"
    ]
    assert since["experiment"]["metricHistory"]["steps"] == list(range(2991, 3000))

    small = (await api.data(HISTORY, {"name": name, "id": exp_id, "since": None, "max": 100}))[
        "project"
    ]
    series = small["experiment"]["metricHistory"]
    assert series["downsampled"] and len(series["steps"]) <= 100 and series["total"] == 3000
    assert series["steps"][0] == 0 and series["steps"][-1] == 2999
    assert max(v for v in series["values"] if v is not None) == 1.0

    bad = await api.gql(HISTORY, {"name": name, "id": exp_id, "since": None, "max": -1})
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
