"""Hostile plots: a repository's plot declarations and data cannot read the server's files,
crash a request or change anything. Templates named by an absolute or escaping path, data
files that are symlinks to the server's files, broken CSV/JSON/YAML, fields that do not
exist, and bad ids: each gets a typed error or leaves the plot out, as `dvc plots` does for
what it can read (the oracle), and never a 500. Both databases."""

from __future__ import annotations

import asyncio
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from support import Api, dvc_json, git, new_dvc_repo

from schema.relay import to_global_id
from storage import db
from storage import limits as limits_module
from storage.limits import limits

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
    new_dvc_repo(repo)
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


def _commit(repo: Path, dvc_yaml: str, files: dict[str, str | bytes]) -> str:
    (repo / "dvc.yaml").write_text(dvc_yaml)
    for path, content in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (repo / path).write_bytes(content)
        else:
            (repo / path).write_text(content)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "next")
    return git(repo, "rev-parse", "HEAD").strip()


def renderer_repo(root: Path, elsewhere: Path) -> tuple[Path, dict[str, str]]:
    """Commits whose dvc.yaml hands dvc-render what it must never get, or data built to
    exhaust the server; {case: sha}."""
    repo = root / "renderer"
    new_dvc_repo(repo)
    good = {"p.csv": "x,y\n1,2\n", "img.png": b"\x89PNG\r\n\x1a\n" + bytes(8)}
    aliases = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=False)
    )
    shas = {
        "out": _commit(repo, f"plots:\n  - img.png: {{out: {elsewhere / 'written'}}}\n", good),
        "template_dir": _commit(
            repo, f"plots:\n  - p.csv: {{x: x, y: y, template_dir: {elsewhere}}}\n", good
        ),
        "template_int": _commit(repo, "plots:\n  - p.csv: {x: x, y: y, template: 5}\n", good),
        "stage_flag": _commit(
            repo,
            "stages:\n  s:\n    cmd: 'true'\n    plots:\n      - p.csv: {template: {a: 1}}\n",
            good,
        ),
        "aliases": _commit(repo, "plots:\n  - bomb.yaml\n", {"bomb.yaml": aliases}),
        "binary": _commit(
            repo,
            "plots:\n  - bin.yaml: {x: step, y: v}\n",
            {"bin.yaml": "- {step: 0, v: !!binary aGVsbG8=}\n- {step: 1, v: !!set {a: null}}\n"},
        ),
        "many_rows": _commit(
            repo, "plots:\n  - big.csv\n", {"big.csv": "a,b\n" + "1,2\n" * 70_000}
        ),
        "broken": _commit(repo, "plots: [\n", good),
        "many_small": _commit(
            repo,
            "plots:\n" + "".join(f"  - s{i}.csv\n" for i in range(5)),
            {f"s{i}.csv": "a,b\n" + "1,2\n" * 100 for i in range(5)},
        ),
        "fan_out": _commit(
            repo,
            "plots:\n" + "".join(f"  - f{i}: {{y: {{p.csv: y}}}}\n" for i in range(50)),
            good,
        ),
        "missing_data": _commit(repo, "plots:\n  - gone.csv\n", good),
        "two_data_anchors": _commit(
            repo,
            "plots:\n  - p.csv: {x: x, y: y, template: twice}\n",
            {
                ".dvc/plots/twice.json": json.dumps(
                    {"a": "<DVC_METRIC_DATA>", "b": "<DVC_METRIC_DATA>"}
                )
            },
        ),
        "absolute_and_relative": _commit(repo, "plots:\n  - /abs.csv\n  - p.csv\n", good),
        "template_named_dot": _commit(
            repo,
            "plots:\n  - p.csv: {x: x, y: y, template: ./}\n",
            {".dvc/plots/.json": json.dumps({"data": {"values": "<DVC_METRIC_DATA>"}})},
        ),
        "big_int": _commit(
            repo,
            "plots:\n  - big.json: {x: step, y: v}\n",
            {"big.json": '[{"step": 0, "v": 123456789012345678901234567890}]'},
        ),
    }
    return repo, shas


async def _plots_of(api: Api, name: str, sha: str) -> dict[str, Any]:
    rows = {r["sha"]: r for r in await project_rows_all(api, name)}
    body = await api.gql(PLOTS, {"name": name, "ids": [rows[sha]["id"]]})
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["project"]
    return found


async def project_rows_all(api: Api, name: str) -> list[dict[str, Any]]:
    found = await api.data(
        "query($n: String!) { project(name: $n) { experiments(first: 20) { nodes { id sha } } } }",
        {"n": name},
    )
    rows: list[dict[str, Any]] = found["project"]["experiments"]["nodes"]
    return rows


async def test_what_dvc_render_must_never_get_stops_at_the_schema(
    api: Api, tmp_path: Path, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "server"
    elsewhere.mkdir()
    (elsewhere / "linear.json").write_text(json.dumps({"title": SECRET, "data": {}}))
    # dvc-render's fallback: a template named like the default in the working directory
    monkeypatch.chdir(elsewhere)
    (elsewhere / "linear").mkdir()
    repo, shas = renderer_repo(tmp_path, elsewhere)
    name = f"renderer-{unique}"
    await api.create_project(repo, name)
    for case in ("out", "template_dir", "template_int", "stage_flag"):
        found = await _plots_of(api, name, shas[case])
        assert found["plots"] == [], case
        (error,) = found["plotErrors"]
        assert (error["plot"], error["type"]) == (None, "YAMLValidationError"), case
        assert SECRET not in json.dumps(found)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["linear", "linear.json"]
    broken = await _plots_of(api, name, shas["broken"])
    assert broken["plots"] == [] and broken["plotErrors"][0]["plot"] is None
    assert broken["plotErrors"][0]["type"] == "YAMLSyntaxError"


async def test_data_built_to_exhaust_the_server_is_refused(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo, shas = renderer_repo(tmp_path, tmp_path)
    name = f"exhaust-{unique}"
    await api.create_project(repo, name)
    for case, plot in (("aliases", "bomb.yaml"), ("many_rows", "big.csv")):
        found = await _plots_of(api, name, shas[case])
        assert found["plots"] == [], case
        (error,) = found["plotErrors"]
        assert (error["plot"], error["source"], error["type"]) == (plot, plot, "PlotFileError")
    values = (await _plots_of(api, name, shas["binary"]))["plots"][0]["spec"]["data"]["values"]
    assert [v["v"] for v in values] == ["hello", ["a"]]


async def test_a_chart_over_its_budget_is_refused(
    api: Api, tmp_path: Path, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, shas = renderer_repo(tmp_path, tmp_path)
    name = f"budget-{unique}"
    await api.create_project(repo, name)
    rows = {r["sha"]: r["id"] for r in await project_rows_all(api, name)}
    monkeypatch.setattr(limits_module, "_current", replace(limits(), plot_max_chart_values=1000))
    # one revision whose files hold more: the revision fails, as a too large file does
    found = await _plots_of(api, name, shas["many_small"])
    (failed,) = found["plotErrors"]
    assert (failed["plot"], failed["type"]) == (None, "PlotFileError")
    assert "GITSTUDIO_PLOT_MAX_CHART_VALUES" in failed["message"]
    # one small file fanned out into many plots: refused before anything is rendered
    body = await api.gql(PLOTS, {"name": name, "ids": [rows[shas["fan_out"]]]})
    assert body["data"]["project"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "GITSTUDIO_PLOT_MAX_CHART_VALUES" in error["message"]
    # and a page of rows asking each for its plots shares one budget
    page = await api.gql(
        "query($n: String!) { project(name: $n) { experiments(first: 20) { nodes {"
        " plots { id } } } } }",
        {"n": name},
    )
    assert any(e["extensions"]["code"] == "BAD_USER_INPUT" for e in page["errors"])


async def test_templates_and_values_that_would_break_the_answer(
    api: Api, tmp_path: Path, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    (cwd / "linear").mkdir(parents=True)  # dvc-render's last resort for a default template
    monkeypatch.chdir(cwd)
    repo, shas = renderer_repo(tmp_path, tmp_path)
    name = f"answer-{unique}"
    await api.create_project(repo, name)
    missing = await _plots_of(api, name, shas["missing_data"])
    assert missing["plots"] == []
    assert {e["type"] for e in missing["plotErrors"]} == {"FileNotFoundError"}
    amplified = await _plots_of(api, name, shas["two_data_anchors"])
    assert amplified["plots"] == []
    assert [(e["plot"], e["type"]) for e in amplified["plotErrors"]] == [("p.csv", "PlotFileError")]
    mixed = await _plots_of(api, name, shas["absolute_and_relative"])
    assert mixed["plots"] == [] and mixed["plotErrors"][0]["plot"] is None
    odd = await _plots_of(api, name, shas["template_named_dot"])
    assert [p["id"] for p in odd["plots"]] == ["p.csv"]
    huge = await _plots_of(api, name, shas["big_int"])
    (values,) = [p["spec"]["data"]["values"] for p in huge["plots"]]
    assert values[0]["v"] == "123456789012345678901234567890"


async def test_concurrent_charts_of_one_commit_agree(
    api: Api, plots_concurrency_repo: Path, unique: str
) -> None:
    name = f"concurrent-{unique}"
    await api.create_project(plots_concurrency_repo, name)
    ids = [r["id"] for r in await project_rows_all(api, name)]
    answers = await asyncio.gather(*(api.gql(PLOTS, {"name": name, "ids": ids}) for _ in range(12)))
    assert all("errors" not in a for a in answers)
    first = answers[0]["data"]["project"]
    assert first["plots"] and first["plotErrors"] == []
    assert all(a["data"]["project"] == first for a in answers)


@pytest.fixture(scope="module")
def plots_concurrency_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Templates of every kind, so concurrent renders fill the same template objects."""
    repo = tmp_path_factory.mktemp("concurrent") / "repo"
    new_dvc_repo(repo)
    templates = ("linear", "scatter", "smooth", "simple", "bar_horizontal", "confusion")
    dvc_yaml = "plots:\n" + "".join(
        f"  - d{i}.csv: {{x: a, y: b, template: {t}}}\n" for i, t in enumerate(templates)
    )
    rows = "a,b\n" + "".join(f"{i},{i % 3}\n" for i in range(40))
    _commit(repo, dvc_yaml, {f"d{i}.csv": rows for i in range(len(templates))})
    return repo
