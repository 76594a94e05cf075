"""sync.dvcproject / sync.formats / sync.generate against the real ``dvc exp show --json``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pygit2
import pytest

from sync.dvcproject import BlobCache, FileError, RevisionData, collect_revision
from sync.formats import ParseError, parse_file
from sync.generate import GeneratedRepo, RepoSpec, add_commit, generate_repo
from sync.tree import GitTree

DVC_ENV = {**os.environ, "DVC_NO_ANALYTICS": "1"}


def _dvc(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**DVC_ENV, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        [sys.executable, "-m", "dvc", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )


def exp_show(cwd: Path) -> dict[str, dict[str, Any]]:
    """Every revision of ``dvc exp show --json -A -f`` (baselines and experiments) by sha."""
    entries = json.loads(_dvc(cwd, "exp", "show", "--json", "-A", "-f").stdout)
    shown: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry["rev"] != "workspace":
            shown[entry["rev"]] = entry
        for exp_range in entry.get("experiments") or []:
            for rev in exp_range["revs"]:
                shown[rev["rev"]] = rev
    return shown


def collect(path: Path, rev: str, subdir: str = "", cache: BlobCache | None = None) -> RevisionData:
    repo = pygit2.Repository(str(path))
    commit = repo[rev]
    assert isinstance(commit, pygit2.Commit)
    return collect_revision(GitTree(repo, commit.tree), subdir, cache)


def differences(shown: dict[str, Any], data: RevisionData) -> list[str]:
    """What differs between one ``exp show`` revision and ``collect_revision``."""
    if shown["error"] is not None:
        return [] if data.dvc_error is not None else [f"revision error {shown['error']}"]
    diffs = [f"unexpected dvc_error {data.dvc_error}"] if data.dvc_error else []
    for kind in ("params", "metrics"):
        mine: dict[str, Any] = getattr(data, kind)
        for file, result in shown["data"][kind].items():
            if "error" in result:
                if not any(e.file == file and e.kind == kind for e in data.errors):
                    diffs.append(f"{kind} {file}: error {result['error']} not reported")
                if file in mine:
                    diffs.append(f"{kind} {file}: data despite error")
            elif mine.get(file) != result["data"] or file not in mine:
                diffs.append(f"{kind} {file}: {result['data']!r} != {mine.get(file)!r}")
        if extra := set(mine) - set(shown["data"][kind]):
            diffs.append(f"{kind}: extra files {sorted(extra)}")
    for kind in ("deps", "outs"):
        if getattr(data, kind) != shown["data"][kind]:
            diffs.append(f"{kind}: {shown['data'][kind]} != {getattr(data, kind)}")
    return diffs


def assert_matches_oracle(path: Path, subdir: str = "") -> dict[str, RevisionData]:
    """Compare every revision ``exp show -A`` lists; returns our data by sha."""
    shown = exp_show(path / subdir if subdir else path)
    cache = BlobCache()
    ours = {rev: collect(path, rev, subdir, cache) for rev in shown}
    problems = {rev[:8]: d for rev in shown if (d := differences(shown[rev], ours[rev]))}
    assert not problems, json.dumps(problems, indent=1, default=str)
    return ours


def all_revs(generated: GeneratedRepo) -> set[str]:
    return set(generated.commits) | {sha for _, sha, _ in generated.experiments}


# --- fixtures --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_repo(tmp_path_factory: pytest.TempPathFactory) -> GeneratedRepo:
    path = tmp_path_factory.mktemp("oracle") / "repo"
    return generate_repo(path, RepoSpec(commits=8, exps_per_commit=2, seed=7))


# --- generator ---------------------------------------------------------------------------


def test_generated_repo_shape(small_repo: GeneratedRepo) -> None:
    repo = pygit2.Repository(str(small_repo.path))
    assert len(small_repo.commits) == 8
    assert len(small_repo.experiments) == 16
    times = [repo[sha].commit_time for sha in small_repo.commits]
    assert times == sorted(times) and len(set(times)) == len(times)
    for ref, sha, base in small_repo.experiments:
        assert ref.startswith(f"refs/exps/{base[:2]}/{base[2:]}/")
        assert ref.count("/") == 4
        commit = repo[sha]
        assert [str(p) for p in commit.parent_ids] == [base]
        assert commit.message.startswith("dvc: commit experiment ")
        assert not commit.message.endswith("\n")
        assert len(commit.message.rsplit(" ", 1)[1]) == 64
        diff = repo.diff(repo[base].tree, commit.tree)
        assert {d.delta.new_file.path for d in diff} <= {
            "params.yaml",
            "metrics.json",
            "dvc.lock",
            "plots/loss.csv",
        }
        assert "dvc.lock" in {d.delta.new_file.path for d in diff}
    assert set(repo.branches.local) == {"main", "feature"}
    feature = repo[repo.branches["feature"].target]
    main = repo[repo.branches["main"].target]
    base = repo.merge_base(feature.id, main.id)
    assert base not in (feature.id, main.id)  # forked partway
    for name in (
        ".dvc/config",
        ".dvc/.gitignore",
        ".dvcignore",
        "dvc.yaml",
        "dvc.lock",
        "train.py",
        "params.yaml",
        "metrics.json",
    ):
        assert (small_repo.path / name).exists(), name
    assert repo.head.shorthand == "main"
    tag = repo.references["refs/tags/model@v0.0.1"].peel(pygit2.Tag)
    assert tag.message == "Registering artifact model version v0.0.1"
    prod = repo.references["refs/tags/model#prod#1"].peel(pygit2.Tag)
    assert prod.tagger.time > tag.tagger.time


def test_generator_is_deterministic(tmp_path: Path) -> None:
    spec = RepoSpec(commits=5, exps_per_commit=1, seed=3)
    first = generate_repo(tmp_path / "a", spec)
    second = generate_repo(tmp_path / "b", spec)
    assert first.commits == second.commits
    assert [e[1] for e in first.experiments] == [e[1] for e in second.experiments]


def test_add_commit(tmp_path: Path) -> None:
    generated = generate_repo(
        tmp_path / "r", RepoSpec(commits=2, exps_per_commit=0, gto_tags=False, extra_formats=False)
    )
    sha = add_commit(generated.path, "main", {"new/file.txt": "hi", "train.py": None}, "m")
    repo = pygit2.Repository(str(generated.path))
    tree = GitTree(repo, repo[sha].tree)
    assert tree.read("new/file.txt") is not None
    assert tree.blob_id("train.py") is None
    assert (generated.path / "new" / "file.txt").read_text() == "hi"
    assert [str(p) for p in repo[sha].parent_ids] == [generated.commits[-1]]


# --- the oracle ----------------------------------------------------------------------------


def test_every_revision_matches_exp_show(small_repo: GeneratedRepo) -> None:
    ours = assert_matches_oracle(small_repo.path)
    assert set(ours) == all_revs(small_repo)
    last = ours[small_repo.commits[-1]]
    assert {
        "params.yaml",
        "train_config.json",
        "config/train.toml",
        "params.py",
        "dvclive/params.yaml",
        "eval/params.yaml",
    } <= set(last.params)
    assert {"metrics.json", "dvclive/metrics.json", "eval/scores.json"} <= set(last.metrics)
    assert "per_class" not in last.metrics["metrics.json"]  # lists are dropped
    assert {"plots/loss.csv", "dvclive/plots/metrics"} <= set(last.plots)


def test_plain_repo_without_extras(tmp_path: Path) -> None:
    generated = generate_repo(
        tmp_path / "plain",
        RepoSpec(commits=4, exps_per_commit=1, seed=1, gto_tags=False, extra_formats=False),
    )
    ours = assert_matches_oracle(generated.path)
    first = ours[generated.commits[0]]
    assert set(first.params) == {"params.yaml", "train_config.json"}
    assert first.params["train_config.json"] == {
        "batch": first.params["train_config.json"]["batch"],
        "optimizer": {"name": "adam"},
    }


def test_blob_cache_parses_each_blob_once(small_repo: GeneratedRepo) -> None:
    cache = BlobCache()
    revs = sorted(all_revs(small_repo))
    first = [collect(small_repo.path, rev, cache=cache) for rev in revs]
    parsed = cache.parsed
    second = [collect(small_repo.path, rev, cache=cache) for rev in revs]
    assert cache.parsed == parsed
    assert cache.hits > cache.misses
    assert [d.to_json() for d in first] == [d.to_json() for d in second]
    for data in first:
        assert RevisionData.from_json(json.loads(json.dumps(data.to_json()))) == data


def test_real_dvc_exp_save(tmp_path: Path) -> None:
    generated = generate_repo(
        tmp_path / "real", RepoSpec(commits=3, exps_per_commit=1, seed=5, gto_tags=False)
    )
    path = generated.path
    params = (path / "params.yaml").read_text()
    (path / "params.yaml").write_text(params.replace("epochs:", "epochs: 99\nold_epochs:", 1))
    (path / "model.pkl").write_text("model")
    _dvc(path, "exp", "save", "-n", "saved-exp")
    repo = pygit2.Repository(str(path))
    base = str(repo.head.target)
    ref = repo.references[f"refs/exps/{base[:2]}/{base[2:]}/saved-exp"]
    ours = assert_matches_oracle(path)
    saved = ours[str(ref.target)]
    assert saved.params["params.yaml"]["epochs"] == 99
    assert saved.outs["model.pkl"]["hash"] is not None


def test_monorepo_subdirs(tmp_path: Path) -> None:
    path = tmp_path / "mono"
    first = generate_repo(
        path, RepoSpec(commits=3, exps_per_commit=1, seed=2, subdir="proj_a", gto_tags=False)
    )
    second = generate_repo(
        path, RepoSpec(commits=3, exps_per_commit=1, seed=3, subdir="nested/proj_b", gto_tags=False)
    )
    assert (path / "proj_a" / ".dvc" / "config").exists()
    assert (path / "nested" / "proj_b" / "dvc.yaml").exists()
    ours_a = assert_matches_oracle(path, "proj_a")
    ours_b = assert_matches_oracle(path, "nested/proj_b")
    assert "params.yaml" in ours_a[second.commits[-1]].params
    assert "params.yaml" in ours_b[second.commits[-1]].params
    assert ours_a[first.commits[0]].params != ours_b[second.commits[-1]].params
    # from the Git root, both projects are sub-repositories that DVC skips
    root = collect(path, second.commits[-1])
    assert not root.params and not root.metrics


def _fresh(tmp_path: Path, name: str) -> GeneratedRepo:
    return generate_repo(
        tmp_path / name, RepoSpec(commits=6, exps_per_commit=0, seed=11, gto_tags=False)
    )


def test_malformed_files_become_file_errors(tmp_path: Path) -> None:
    generated = _fresh(tmp_path, "broken")
    path = generated.path
    shas = [
        add_commit(
            path, "main", {"train_config.json": '{"batch": ', "metrics.json": "{"}, "broken json"
        ),
        add_commit(
            path,
            "main",
            {"dvclive/params.yaml": "a: [1", "config/train.toml": "a ="},
            "broken yaml and toml",
        ),
        add_commit(
            path,
            "main",
            {"dvclive/metrics.json": None, "params.py": "def (:"},
            "missing metrics, broken py",
        ),
        add_commit(
            path, "main", {"eval/scores.json": "[1, 2]", "metrics.json": "5"}, "odd metrics shapes"
        ),
    ]
    assert_matches_oracle(path)
    data = collect(path, shas[0])
    assert {(e.file, e.kind, e.type) for e in data.errors} >= {
        ("train_config.json", "params", "JSONFileCorruptedError"),
        ("metrics.json", "metrics", "JSONFileCorruptedError"),
    }
    assert "params.yaml" in data.params and "dvclive/metrics.json" in data.metrics
    data = collect(path, shas[2])
    assert (
        FileError(
            "dvclive/metrics.json",
            "metrics",
            "FileNotFoundError",
            "[Errno 2] No such file or directory: 'dvclive/metrics.json'",
        )
        in data.errors
    )


def test_broken_dvcyaml_lock_and_params_yaml(tmp_path: Path) -> None:
    generated = _fresh(tmp_path, "broken2")
    path = generated.path
    good_yaml = (path / "dvc.yaml").read_text()
    good_params = (path / "params.yaml").read_text()
    cases = {
        "dvc.yaml": add_commit(path, "main", {"dvc.yaml": "stages: [\n"}, "bad dvc.yaml"),
        "schema": add_commit(path, "main", {"dvc.yaml": "stages:\n  t:\n    cmdx: 1\n"}, "s"),
        "dvc.lock": add_commit(path, "main", {"dvc.yaml": good_yaml, "dvc.lock": "x: ["}, "l"),
        "params": add_commit(
            path,
            "main",
            {"dvc.lock": "schema: '2.0'\n", "params.yaml": "lr: [1\n"},
            "bad params.yaml",
        ),
        "list": add_commit(path, "main", {"params.yaml": "- 1\n"}, "params.yaml is a list"),
        "date": add_commit(
            path,
            "main",
            {"params.yaml": good_params + "day: 2024-01-02\n"},
            "a date in params.yaml",
        ),
        "nested": add_commit(
            path, "main", {"params.yaml": good_params, "eval/dvc.yaml": "stages: {"}, "bad nested"
        ),
    }
    assert_matches_oracle(path)
    kinds = {name: collect(path, sha) for name, sha in cases.items()}
    for name, data in kinds.items():
        assert data.dvc_error is not None, name
    assert kinds["dvc.yaml"].dvc_error == kinds["dvc.yaml"].errors[0]
    assert kinds["dvc.yaml"].errors[0].kind == "dvc.yaml"
    assert "params.yaml" in kinds["dvc.yaml"].params  # the default file is still read
    assert kinds["dvc.lock"].errors[0].kind == "dvc.lock"
    assert kinds["dvc.lock"].outs["model.pkl"]["hash"] is None
    assert "metrics.json" in kinds["dvc.lock"].metrics
    assert kinds["params"].dvc_error is not None
    assert kinds["params"].dvc_error.file == "params.yaml"
    assert "metrics.json" in kinds["params"].metrics
    assert kinds["nested"].dvc_error is not None
    assert kinds["nested"].dvc_error.file == "eval/dvc.yaml"
    assert "metrics.json" in kinds["nested"].metrics


def test_templating_foreach_matrix_and_vars(tmp_path: Path) -> None:
    generated = _fresh(tmp_path, "tmpl")
    dvc_yaml = """\
vars:
  - config.yaml
  - extra: {n: 3}
stages:
  train:
    cmd: python train.py --lr ${train.lr} --n ${extra.n}
    deps: [train.py]
    params: [lr]
    metrics:
      - ${train.metrics_file}:
          cache: false
  prep:
    foreach:
      a: {size: 1}
      b: {size: 2}
    do:
      cmd: echo ${key} ${item.size}
      outs:
        - prep/${key}.bin
  grid:
    matrix:
      model: [cnn, rnn]
      opt: [{name: adam}, {name: sgd}]
    cmd: echo ${item.model} ${item.opt.name}
    outs:
      - grid/${item.model}-${key}.bin
metrics: ["${train.extra_metrics}"]
"""
    config = "train:\n  lr: 0.5\n  metrics_file: m.json\n  extra_metrics: x.yaml\nunused: 1\n"
    sha = add_commit(
        generated.path,
        "main",
        {
            "dvc.yaml": dvc_yaml,
            "config.yaml": config,
            "m.json": '{"a": 1}',
            "x.yaml": "b: 2\nc: [1]\n",
            "dvc.lock": None,
        },
        "templated",
    )
    assert_matches_oracle(generated.path)
    data = collect(generated.path, sha)
    assert data.dvc_error is None
    assert (data.metrics["m.json"], data.metrics["x.yaml"]) == ({"a": 1}, {"b": 2})
    assert data.params["config.yaml"] == {"train.lr": 0.5, "train.metrics_file": "m.json"}
    assert {"prep/a.bin", "prep/b.bin", "grid/cnn-cnn-opt0.bin"} <= set(data.outs)


def test_directories_top_level_and_dvc_tmp_ignored(tmp_path: Path) -> None:
    generated = _fresh(tmp_path, "dirs")
    dvc_yaml = """\
stages:
  train:
    cmd: python train.py
    wdir: src
    params:
      - ../params.yaml:
      - cfg.json: [a.b, "c.*"]
    metrics: [{../mdir: {cache: false}}]
params: [pdir]
metrics: [missing.json, metrics.json]
plots: [plots/loss.csv, {conf: {x: a, y: {plots/c.csv: b}}}]
"""
    sha = add_commit(
        generated.path,
        "main",
        {
            "dvc.yaml": dvc_yaml,
            "src/cfg.json": '{"a": {"b": 1, "z": 2}, "c": {"x": 1, "y": 2}}',
            "mdir/one.json": '{"x": 1}',
            "mdir/sub/two.yaml": "y: 2.5\n",
            "pdir/p1.yaml": "k: v\n",
            "pdir/p2.toml": "t = 1\n",
            ".dvc/tmp/repro.dat": "junk",
            ".dvc/tmp/dvc.yaml": "stages: {",
            "dvc.lock": None,
        },
        "dirs",
    )
    assert_matches_oracle(generated.path)
    data = collect(generated.path, sha)
    assert data.params["src/cfg.json"] == {"a": {"b": 1}, "c": {"x": 1, "y": 2}}
    assert {"mdir/one.json", "mdir/sub/two.yaml", "metrics.json"} <= set(data.metrics)
    assert ("missing.json", "metrics") in {(e.file, e.kind) for e in data.errors}
    assert {"pdir/p1.yaml", "pdir/p2.toml"} <= set(data.params)
    assert data.dvc_error is None


# --- formats -----------------------------------------------------------------------------


def test_yaml_is_yaml_12_like_ruamel() -> None:
    text = (
        "a: yes\nb: 1e3\nc: 010\nd: 0o17\ne: 0x1F\nf: .5\ng: ~\nh: True\ni: 1_000\n"
        "j: -.inf\nk: 12:30\nl: [1, {m: n}]\n"
    )
    parsed = parse_file("p.yaml", text.encode())
    from ruamel.yaml import YAML

    assert parsed == YAML(typ="safe").load(text)
    assert parsed["a"] == "yes" and parsed["b"] == 1000.0 and isinstance(parsed["b"], float)
    assert parsed["c"] == 10 and parsed["d"] == 15 and parsed["e"] == 31 and parsed["k"] == "12:30"
    assert parse_file("anything.yml", b"") == {}
    assert parse_file("no_suffix", b"x: 1") == {"x": 1}


@pytest.mark.parametrize(
    ("path", "content", "type_"),
    [
        ("p.yaml", b"a: [1", "YAMLFileCorruptedError"),
        ("p.yaml", b"a: 1\na: 2\n", "YAMLFileCorruptedError"),
        ("p.json", b'{"a": ', "JSONFileCorruptedError"),
        ("p.JSON", b"{,}", "JSONFileCorruptedError"),
        ("p.toml", b"a = ", "TOMLFileCorruptedError"),
        ("p.py", b"def (:", "PythonFileCorruptedError"),
        ("p.yaml", b"\xff\xfe", "EncodingError"),
    ],
)
def test_parse_errors(path: str, content: bytes, type_: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_file(path, content)
    assert info.value.type == type_
    assert path in info.value.message


def test_json_and_toml() -> None:
    assert parse_file("m.json", b'{"a": 1, "b": 2.0, "c": [1]}') == {"a": 1, "b": 2.0, "c": [1]}
    assert parse_file("m.json", b"null") == {}
    assert parse_file("m.json", b"3") == 3
    toml = parse_file("c.toml", b'[x]\na = 1\nb = "s"\n[x.y]\nz = 1.5\n')
    assert toml == {"x": {"a": 1, "b": "s", "y": {"z": 1.5}}}


def test_python_params_like_dvc() -> None:
    source = b"""\
import os
LR = 0.1
EPOCHS: int = 10
NAMES = ["a", "b"]
PAIR = (1, 2)
CFG = {"x": 1, "y": [2]}
COMPUTED = os.getcwd()
A = B = 3
ANNOTATED_ONLY: int

class Model:
    depth = 3
    def __init__(self):
        self.dropout = 0.5
        other = 1
    def forward(self):
        self.ignored = 1

class Empty:
    pass
"""
    from dvc.utils.serialize import parse_py

    ours = parse_file("params.py", source)
    assert ours == parse_py(source.decode(), "params.py")
    assert ours == {
        "LR": 0.1,
        "EPOCHS": 10,
        "NAMES": ["a", "b"],
        "PAIR": (1, 2),
        "CFG": {"x": 1, "y": [2]},
        "Model": {"depth": 3, "dropout": 0.5},
        "Empty": {},
    }


def test_git_tree(small_repo: GeneratedRepo) -> None:
    repo = pygit2.Repository(str(small_repo.path))
    tree = GitTree(repo, repo.head.peel(pygit2.Commit).tree)
    blob = tree.read("params.yaml")
    assert blob is not None and blob[1] == (small_repo.path / "params.yaml").read_bytes()
    assert tree.blob_id("params.yaml") == blob[0]
    assert tree.read("missing") is None and tree.read("data") is None
    assert tree.is_dir("data") and tree.is_dir("") and not tree.is_dir("params.yaml")
    assert tree.walk_files("dvclive") == sorted(tree.walk_files("dvclive"))
    assert "dvclive/plots/metrics/train/loss.tsv" in tree.walk_files("dvclive")
    assert tree.walk_files("params.yaml") == [] and tree.walk_files("nope") == []
    assert tree.read("./data/../params.yaml") == blob


def test_a_plot_declared_in_a_stage_and_at_the_top_level_is_listed_once(tmp_path: Path) -> None:
    generated = _fresh(tmp_path, "twice")
    dvc_yaml = """\
stages:
  train:
    cmd: python train.py
    plots: [plots/loss.csv]
plots: [plots/loss.csv, plots/acc.csv]
"""
    sha = add_commit(generated.path, "main", {"dvc.yaml": dvc_yaml, "dvc.lock": None}, "twice")
    assert collect(generated.path, sha).plots == ["plots/loss.csv", "plots/acc.csv"]
