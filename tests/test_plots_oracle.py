"""The API's plots equal what `dvc plots show --json` and `dvc plots diff --json REV...` render.

One repository covers what DVC plots: top-level `plots:` (x/y per file, several files in one
plot, template, title, axis labels), stage plots (a file and a directory), plot directories,
every built-in template, a custom template committed in `.dvc/plots/`, CSV, TSV, JSON and
YAML data, a nested dvc.yaml, and PNG/JPEG/GIF/SVG images; three commits and an experiment
ref change the data. dvc runs once per question; the API is asked on both databases. Labels
of revisions differ by design (DVC shows what it was given, the API the row's name or short
sha): the oracle's are replaced by the API's before comparing, everything else is equal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from support import Api, dvc_json, git, new_dvc_repo

from sync.generate import add_commit

PLOTS = """
query($name: String!, $ids: [ID!]!) {
  project(name: $name) {
    plots(ids: $ids) { id kind revisions spec images { revision step url contentType } }
    compare(ids: $ids) { plots { id revisions } }
  }
}"""

ROW_PLOTS = """
query($name: String!) {
  project(name: $name) {
    experiments(first: 10) { nodes { id kind sha name plotFiles
      plots { id kind revisions spec images { revision step url contentType } } } }
  }
}"""

DVC_YAML = """\
stages:
  train:
    cmd: python train.py
    plots:
      - plots/stage.csv:
          x: step
          y: val
          cache: false
          template: smooth
      - plots/stage_dir:
          cache: false
      - plots/headless:
          cache: false
          header: false
plots:
  - plots/loss.csv:
      x: step
      y: loss
      title: Loss
      x_label: Step
      y_label: Loss value
  - combined:
      x: {plots/loss.csv: step, plots/acc.json: step}
      y: {plots/loss.csv: loss, plots/acc.json: acc}
      title: Two files
  - plots/confusion.json: {template: confusion, x: actual, y: predicted}
  - plots/confusion_n.json: {template: confusion_normalized, x: actual, y: predicted}
  - plots/bars.yaml: {template: bar_horizontal, x: v, y: name}
  - plots/bars_sorted.yaml: {template: bar_horizontal_sorted, x: v, y: name}
  - plots/scatter.csv: {template: scatter, x: a, y: b}
  - plots/simple.tsv: {template: simple, x: step, y: v}
  - plots/linear.csv: {template: linear}
  - plots/custom.csv: {template: mine, x: step, y: v}
  - plots/crlf.csv: {x: step, y: note}
  - dvclive/plots/metrics: {x: step}
  - images
"""

SUB_YAML = """\
plots:
  - curve.csv: {x: step, y: v, title: Nested}
"""

CUSTOM_TEMPLATE = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": "<DVC_METRIC_DATA>"},
    "title": "<DVC_METRIC_TITLE>",
    "mark": {"type": "point", "tooltip": True},
    "encoding": {
        "x": {"field": "<DVC_METRIC_X>", "type": "quantitative"},
        "y": {"field": "<DVC_METRIC_Y>", "type": "quantitative"},
        "color": {"field": "rev", "type": "nominal"},
    },
}

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 8
GIF = b"GIF89a" + b"\x00" * 8
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>'


def _files(k: int) -> dict[str, str]:
    """The plot data of version ``k`` (every file changes with it)."""
    steps = range(3 + k)
    confusion = [{"actual": str(i % 2), "predicted": str((i + k) % 2)} for i in range(6)]
    return {
        "plots/loss.csv": "step,loss\n" + "".join(f"{s},{1 / (s + k + 1):.4f}\n" for s in steps),
        "plots/acc.json": json.dumps([{"step": s, "acc": s / (s + k + 2)} for s in steps]),
        "plots/stage.csv": "step,val\n" + "".join(f"{s},{s * k}\n" for s in steps),
        "plots/stage_dir/a.csv": "x,y\n" + "".join(f"{s},{s + k}\n" for s in steps),
        "plots/stage_dir/b.json": json.dumps({"rows": [{"x": s, "y": s - k} for s in steps]}),
        "plots/confusion.json": json.dumps(confusion),
        "plots/confusion_n.json": json.dumps(confusion),
        "plots/bars.yaml": "".join(f"- name: n{i}\n  v: {i * k + 1}\n" for i in range(3)),
        "plots/bars_sorted.yaml": "".join(f"- name: n{i}\n  v: {(3 - i) * k}\n" for i in range(3)),
        "plots/scatter.csv": "a,b\n" + "".join(f"{s},{(s * 7 + k) % 5}\n" for s in steps),
        "plots/simple.tsv": "step\tv\n" + "".join(f"{s}\t{s * s + k}\n" for s in steps),
        "plots/linear.csv": "step,m\n" + "".join(f"{s},{s / (k + 1)}\n" for s in steps),
        "plots/custom.csv": "step,v\n" + "".join(f"{s},{k - s}\n" for s in steps),
        "dvclive/plots/metrics/train/loss.tsv": "timestamp\tstep\tloss\n"
        + "".join(f"{1700000000000 + s}\t{s}\t{0.5 / (s + k + 1)}\n" for s in steps),
        "dvclive/plots/metrics/acc.tsv": "timestamp\tstep\tacc\n"
        + "".join(f"{1700000000000 + s}\t{s}\t{s / 10 + k}\n" for s in steps),
        "sub/curve.csv": "step,v\n" + "".join(f"{s},{s + 2 * k}\n" for s in steps),
        # a stage's directory output read without a header: DVC reads its files with one
        "plots/headless/a.csv": "".join(f"{s},{s * 3 + k}\n" for s in steps),
        # Windows line ends, one inside a quoted field
        "plots/crlf.csv": "step,note\r\n" + "".join(f'{s},"line\r\n{k}"\r\n' for s in steps),
    }


def _image_files(k: int) -> dict[str, bytes]:
    return {
        "images/a.png": PNG + bytes([k]),
        "images/b.jpg": JPEG + bytes([k]),
        "images/c.gif": GIF + bytes([k]),
        "images/d.svg": SVG.replace(b'"1"', f'"{k + 1}"'.encode(), 1),
    }


def _write(repo: Path, k: int) -> None:
    for path, text in _files(k).items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text)
    for path, data in _image_files(k).items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)


def _dvc(repo: Path, *args: str) -> dict[str, Any]:
    shown: dict[str, Any] = dvc_json(repo, "plots", *args)["data"]
    return shown


@pytest.fixture(scope="session")
def plots_repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The repository, its revisions, and dvc's answers about them."""
    repo = tmp_path_factory.mktemp("plots") / "repo"
    new_dvc_repo(repo)
    (repo / "dvc.yaml").write_text(DVC_YAML)
    (repo / "sub").mkdir()
    (repo / "sub" / "dvc.yaml").write_text(SUB_YAML)
    (repo / ".dvc" / "plots").mkdir(parents=True)
    (repo / ".dvc" / "plots" / "mine.json").write_text(json.dumps(CUSTOM_TEMPLATE))
    (repo / "train.py").write_text("print('train')\n")
    shas = []
    for k in range(3):
        _write(repo, k)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", f"version {k}")
        shas.append(git(repo, "rev-parse", "HEAD").strip())
    # An experiment ref on the last commit, as `dvc exp run` leaves it (its data differs).
    exp = add_commit(repo, "exp-tmp", {p: t for p, t in _files(7).items()}, "exp")
    git(repo, "update-ref", f"refs/exps/{shas[-1][:2]}/{shas[-1][2:]}/bold-pike", exp)
    git(repo, "branch", "-D", "exp-tmp")
    return {
        "repo": repo,
        "commits": shas,
        "exp": exp,
        "show": _dvc(repo, "show"),
        "diff": _dvc(repo, "diff", shas[0], shas[1], exp),
    }


def _relabel(value: Any, labels: dict[str, str]) -> Any:
    """``value`` with each of dvc's revision names replaced by the API's label."""
    text = json.dumps(value)
    for theirs, mine in labels.items():
        text = text.replace(json.dumps(theirs), json.dumps(mine))
    return json.loads(text)


def _vega(shown: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {pid: e[0] for pid, e in shown.items() if e and e[0]["type"] == "vega"}


def _images(shown: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str]]:
    return {
        (pid, rev)
        for pid, e in shown.items()
        for i in e
        if i["type"] == "image"
        for rev in i["revisions"]
    }


def _assert_equal(
    ours: list[dict[str, Any]], oracle: dict[str, Any], labels: dict[str, str]
) -> None:
    theirs = _relabel(oracle, labels)
    assert [p["id"] for p in ours if p["kind"] == "VEGA"] == list(_vega(theirs))
    for plot in ours:
        if plot["kind"] != "VEGA":
            continue
        expected = _vega(theirs)[plot["id"]]
        assert plot["revisions"] == expected["revisions"], plot["id"]
        assert plot["spec"] == expected["content"], plot["id"]
    mine = {(p["id"], i["revision"]) for p in ours if p["kind"] == "IMAGE" for i in p["images"]}
    assert mine == _images(theirs)


async def _rows(api: Api, name: str) -> dict[str, dict[str, Any]]:
    found = await api.data(ROW_PLOTS, {"name": name})
    return {r["sha"]: r for r in found["project"]["experiments"]["nodes"]}


async def test_plots_of_several_revisions_equal_dvc_plots_diff(
    api: Api, plots_repo: dict[str, Any], unique: str
) -> None:
    name = f"plots-{unique}"
    await api.create_project(plots_repo["repo"], name)
    rows = await _rows(api, name)
    first, second, _ = plots_repo["commits"]
    exp = plots_repo["exp"]
    asked = [rows[first], rows[second], rows[exp]]
    assert rows[exp]["kind"] == "EXPERIMENT"
    found = await api.data(PLOTS, {"name": name, "ids": [r["id"] for r in asked]})
    ours = found["project"]["plots"]
    compared = found["project"]["compare"]["plots"]
    assert compared == [{"id": p["id"], "revisions": p["revisions"]} for p in ours]
    labels = {first: first[:7], second: second[:7], exp: "bold-pike"}
    _assert_equal(ours, plots_repo["diff"], labels)
    # every template and kind of file made it through, not only the easy ones
    ids = {p["id"] for p in ours}
    assert {"combined", "plots/confusion.json", "plots/custom.csv", "sub/curve.csv"} <= ids
    assert {"plots/stage_dir/a.csv", "dvclive/plots/metrics/train/loss.tsv"} <= ids
    rendered = {p["id"]: p for p in ours}
    assert rendered["plots/custom.csv"]["spec"]["mark"] == CUSTOM_TEMPLATE["mark"]
    values = rendered["plots/loss.csv"]["spec"]["data"]["values"]
    assert {v["rev"] for v in values} == {first[:7], second[:7], "bold-pike"}


async def test_a_rows_plots_equal_dvc_plots_show(
    api: Api, plots_repo: dict[str, Any], unique: str
) -> None:
    name = f"plots-show-{unique}"
    await api.create_project(plots_repo["repo"], name)
    head = plots_repo["commits"][-1]
    row = (await _rows(api, name))[head]
    _assert_equal(row["plots"], plots_repo["show"], {"workspace": head[:7]})
    assert "plots/loss.csv" in row["plotFiles"]


async def test_committed_images_link_to_their_blobs(
    api: Api, plots_repo: dict[str, Any], unique: str
) -> None:
    name = f"plots-img-{unique}"
    await api.create_project(plots_repo["repo"], name)
    repo = plots_repo["repo"]
    head = plots_repo["commits"][-1]
    row = (await _rows(api, name))[head]
    images = {p["id"]: p["images"] for p in row["plots"] if p["kind"] == "IMAGE"}
    assert set(images) == {"images/a.png", "images/b.jpg", "images/c.gif", "images/d.svg"}
    types = {"png": "image/png", "jpg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml"}
    for path, shown in images.items():
        (image,) = shown
        assert image["revision"] == head[:7] and image["step"] is None
        assert image["contentType"] == types[path.rsplit(".", 1)[1]]
        blob = git(repo, "rev-parse", f"{head}:{path}").strip()
        assert f"/blobs/{blob}/{quote(path, safe='')}" in image["url"]
        served = await api.client.get(
            urlsplit(image["url"]).path, headers={"Authorization": f"token {api.token}"}
        )
        assert served.status_code == 200
        assert served.content == (_image_files(2)[path])
        assert served.headers["content-type"].startswith(image["contentType"])
