"""A live run becomes the experiment its pushed ref names: one row, history kept."""

from __future__ import annotations

import time
from pathlib import Path

from support import Api, git

from storage.metrics import insert_points
from storage.models import Experiment, MetricStep
from sync.generate import RepoSpec, add_commit, generate_repo

ROW = """query($name: String!, $id: ID!) { project(name: $name) { experiment(id: $id) {
  id kind name sha ref status baselineSha params } } }"""


def push_exp_ref(repo: Path, baseline: str, name: str) -> tuple[str, str]:
    """An experiment commit on ``baseline`` under refs/exps, as `dvc exp run` lays it out."""
    git(repo, "branch", "tmp-exp", baseline)
    sha = add_commit(repo, "tmp-exp", {"params.yaml": "lr: 0.7\n"}, "dvc: commit experiment 00")
    ref = f"refs/exps/{baseline[:2]}/{baseline[2:]}/{name}"
    git(repo, "update-ref", ref, sha)
    git(repo, "branch", "-D", "tmp-exp")
    return ref, sha


async def live_row(project_id: int, baseline: str, name: str, rev: str | None = None) -> Experiment:
    row = await Experiment.create(
        project_id=project_id,
        kind="LIVE",
        key=f"live:{baseline}/{name}",
        baseline_sha=baseline,
        name=name,
        status="COMPLETED",
        created_at=int(time.time()),
        experiment_rev=rev,
    )
    await insert_points(row.id, [("loss", i, 1 / (i + 1), None, None) for i in range(5)])
    return row


async def test_pushed_ref_links_the_live_run(api: Api, tmp_path: Path, unique: str) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    name = f"link-{unique}"
    project = await api.create_project(repo, name)
    project_id = int(
        (await api.data('{ project(name: "%s") { databaseId } }' % name))["project"]["databaseId"]
    )
    baseline = git(repo, "rev-parse", "main")
    by_name = await live_row(project_id, baseline, "bright-lamb")
    ref, sha = push_exp_ref(repo, baseline, "bright-lamb")
    summary = await api.sync(project["id"])
    assert summary["newExperiments"] == 1

    rows = await Experiment.filter(project_id=project_id, baseline_sha=baseline)
    assert [(r.id, r.kind, r.ref, r.sha) for r in rows] == [(by_name.id, "EXPERIMENT", ref, sha)]
    assert await MetricStep.filter(experiment_id=by_name.id).count() == 5
    record = rows[0]
    assert record.params and "0.7" in record.params

    # A run that reported its experiment_rev is linked by it, even under another name.
    other_base = git(repo, "rev-parse", "main~1")
    ref2, sha2 = push_exp_ref(repo, other_base, "renamed")
    by_rev = await live_row(project_id, other_base, "original-name", rev=sha2)
    await api.sync(project["id"])
    linked = await Experiment.get(id=by_rev.id)
    assert (linked.kind, linked.ref, linked.name) == ("EXPERIMENT", ref2, "renamed")
    assert (
        await Experiment.filter(
            project_id=project_id, key=f"live:{other_base}/original-name"
        ).count()
        == 0
    )


async def test_moved_ref_updates_in_place_and_removed_ref_goes(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=2, exps_per_commit=1, gto_tags=False))
    name = f"move-{unique}"
    project = await api.create_project(repo, name)
    ref = next(r for r in git(repo, "for-each-ref", "--format=%(refname)", "refs/exps").split())
    project_id = (await api.data('{ project(name: "%s") { databaseId } }' % name))["project"][
        "databaseId"
    ]
    before = await Experiment.get(project_id=project_id, key=ref)
    baseline = before.baseline_sha
    assert baseline is not None
    git(repo, "branch", "tmp-exp", baseline)
    moved = add_commit(repo, "tmp-exp", {"params.yaml": "lr: 0.9\n"}, "again")
    git(repo, "update-ref", ref, moved)
    await api.sync(project["id"])
    after = await Experiment.get(project_id=project_id, key=ref)
    assert (after.id, after.sha) == (before.id, moved)

    git(repo, "update-ref", "-d", ref)
    summary = await api.sync(project["id"])
    assert summary["removedExperiments"] == 1
    assert not await Experiment.exists(project_id=project_id, key=ref)
