"""Hostile plots: a repository's plot declarations and data cannot read the server's files,
crash a request or change anything. Templates named by an absolute or escaping path, data
files that are symlinks to the server's files, broken CSV/JSON/YAML, fields that do not
exist, and bad ids: each gets a typed error or leaves the plot out, as `dvc plots` does for
what it can read (the oracle), and never a 500. Both databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import Api, dvc_json, git

from schema.relay import to_global_id
from storage import db

PLOTS = """
query($name: String!, $ids: [ID!]!) {
  project(name: $name) {
    plots(ids: $ids) { id kind revisions spec }
    plotErrors(ids: $ids) { plot revision source type message }
  }
}"""

ROWS = """query($name: String!) { project(name: $name) {
  experiments(first: 10) { nodes { id sha plots { id } } } } }"""

SECRET = "server-secret-7f3a"


@pytest.fixture(scope="module")
def secret_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid template on the server's disk, outside any repository."""
    path = tmp_path_factory.mktemp("server") / "stolen.json"
    path.write_text(json.dumps({"title": SECRET, "data": {"values": "<DVC_METRIC_DATA>"}}))
    return path


def hostile_repo(root: Path, secret: Path) -> Path:
    repo = root / "hostile"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "T")
    subprocess.run([sys.executable, "-m", "dvc", "init", "-q"], cwd=repo, check=True)
    relative = os.path.relpath(secret, repo)
    (repo / "dvc.yaml").write_text(
        "plots:\n"
        f"  - plots/abs.csv: {{template: {secret}}}\n"
        f"  - plots/rel.csv: {{template: {relative}}}\n"
        "  - plots/link.csv: {x: step}\n"
        "  - plots/broken.json: {x: step, y: v}\n"
        "  - plots/broken.yaml: {x: step, y: v}\n"
        "  - plots/ragged.csv: {x: step, y: v}\n"
        "  - plots/nofield.csv: {x: step, y: nothere}\n"
        "  - plots/good.csv: {x: step, y: v}\n"
        "  - plots/missing.csv\n"
    )
    plots = repo / "plots"
    plots.mkdir()
    good = "step,v\n0,1\n1,2\n"
    for name in ("abs.csv", "rel.csv", "good.csv", "nofield.csv"):
        (plots / name).write_text(good)
    (plots / "link.csv").symlink_to(secret)
    (plots / "broken.json").write_text('[{"step": 0, "v": ')
    (plots / "broken.yaml").write_text("- step: [0\n  v: {\n")
    (plots / "ragged.csv").write_text('step,v\n0,"unterminated\n1\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "hostile plots")
    return repo


def dvc_plots_show(repo: Path, part: str = "data") -> Any:
    return dvc_json(repo, "plots", "show").get(part)


async def project_rows(api: Api, name: str) -> list[dict[str, Any]]:
    found = await api.data(ROWS, {"name": name})
    rows: list[dict[str, Any]] = found["project"]["experiments"]["nodes"]
    return rows


async def test_a_repository_cannot_read_the_servers_files_or_break_a_request(
    api: Api, tmp_path: Path, secret_template: Path, unique: str
) -> None:
    repo = hostile_repo(tmp_path, secret_template)
    name = f"hostile-{unique}"
    await api.create_project(repo, name)
    (row,) = await project_rows(api, name)
    body = await api.gql(PLOTS, {"name": name, "ids": [row["id"]]})
    assert "errors" not in body, body
    plots = {p["id"]: p for p in body["data"]["project"]["plots"]}
    assert SECRET not in json.dumps(body)
    # a template outside the revision is no template: the plot is left out
    assert "plots/abs.csv" not in plots and "plots/rel.csv" not in plots
    # a symlink is the path it holds, never the file it names
    link = plots.get("plots/link.csv")
    assert link is None or SECRET not in json.dumps(link)
    assert plots["plots/good.csv"]["spec"]["data"]["values"] == [
        {"step": "0", "v": "1", "rev": git(repo, "rev-parse", "--short=7", "HEAD").strip()},
        {"step": "1", "v": "2", "rev": git(repo, "rev-parse", "--short=7", "HEAD").strip()},
    ]
    # what dvc renders of the readable rest, the API renders too (dvc reads the server's
    # file through the absolute template path: it is left out of the comparison)
    theirs = {
        k
        for k, v in dvc_plots_show(repo).items()
        if v and k not in ("plots/abs.csv", "plots/rel.csv")
    }
    assert set(plots) == theirs - {"plots/link.csv"} | ({"plots/link.csv"} & set(plots))
    # and it says why the others are missing, as dvc does
    head = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    errors = body["data"]["project"]["plotErrors"]
    mine = {(e["plot"], e["revision"], e["source"], e["type"]) for e in errors}
    expected = {
        (e["name"], head, e.get("source"), e["type"])
        for e in dvc_plots_show(repo, "errors")
        if e["name"] not in ("plots/link.csv", "plots/abs.csv", "plots/rel.csv")
    }
    assert expected <= mine
    assert {(e["plot"], e["type"]) for e in errors if e["source"] is None} >= {
        ("plots/abs.csv", "PlotFileError"),
        ("plots/rel.csv", "PlotFileError"),
    }
    assert SECRET not in json.dumps(errors)


async def test_bad_ids_get_typed_errors(api: Api, tmp_path: Path, unique: str) -> None:
    repo = hostile_repo(tmp_path, tmp_path / "none.json")
    name = f"hostile-ids-{unique}"
    other = f"hostile-other-{unique}"
    await api.create_project(repo, name)
    await api.create_project(repo, other)
    (theirs,) = await project_rows(api, other)
    before = await db.fetch("SELECT count(*) AS n FROM experiments")
    cases: list[list[str]] = [
        [],
        [theirs["id"]],
        [to_global_id("Experiment", 2**31 - 1)],
        ["not-an-id"],
        [to_global_id("Project", 1)],
        [theirs["id"]] * 101,
    ]
    for asked in cases:
        body = await api.gql(PLOTS, {"name": name, "ids": asked})
        assert body["data"] is None or body["data"]["project"] is None, asked
        codes = {e["extensions"]["code"] for e in body["errors"]}
        assert codes == {"BAD_USER_INPUT"}, (asked, body["errors"])
    assert await db.fetch("SELECT count(*) AS n FROM experiments") == before
