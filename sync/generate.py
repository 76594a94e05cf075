"""Generate real DVC repositories with pygit2 only (no dvc subprocess).

Used by the demo, the tests and the benchmarks. The repositories are valid DVC projects
(``.dvc/config``, ``.dvc/.gitignore``, ``.dvcignore``, ``dvc.yaml``, ``dvc.lock`` in schema
2.0), with experiment refs shaped exactly like ``dvc exp run`` makes them and optional GTO
annotated tags. Everything is deterministic given the seed.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygit2
import yaml
from pygit2.enums import FileMode, ObjectType

__all__ = ["GeneratedRepo", "RepoSpec", "add_commit", "generate_repo"]

BASE_TIME = 1_700_000_000
STEP = 3_600
NAME, EMAIL = "Alice", "alice@example.com"

_ADJECTIVES = (
    "brave",
    "calm",
    "eager",
    "fancy",
    "giddy",
    "happy",
    "jolly",
    "lucky",
    "merry",
    "noble",
    "proud",
    "quick",
    "sunny",
    "tidy",
    "vivid",
    "witty",
)
_NOUNS = (
    "bear",
    "cats",
    "deer",
    "duck",
    "fish",
    "frog",
    "goat",
    "hawk",
    "lamb",
    "lion",
    "mice",
    "moth",
    "seal",
    "swan",
    "toad",
    "wolf",
)


@dataclass
class RepoSpec:
    commits: int = 20
    branches: tuple[str, ...] = ("main", "feature")
    exps_per_commit: int = 3
    seed: int = 0
    gto_tags: bool = True
    subdir: str = ""
    extra_formats: bool = True  # json/toml/py params, dvclive files, a nested dvc.yaml


@dataclass
class GeneratedRepo:
    path: Path
    commits: list[str]
    experiments: list[tuple[str, str, str]] = field(default_factory=list)  # (ref, sha, base)


# --- low-level git helpers ---------------------------------------------------------------


def _signature(time: int) -> pygit2.Signature:
    return pygit2.Signature(NAME, EMAIL, time, 0)


def _build_tree(repo: pygit2.Repository, base: pygit2.Tree | None, changes: dict[str, Any]) -> Any:
    """A new tree id: ``base`` with ``changes`` ({path: bytes | None}) applied."""
    builder = repo.TreeBuilder(base) if base is not None else repo.TreeBuilder()
    nested: dict[str, dict[str, Any]] = {}
    for path, content in changes.items():
        head, _, rest = path.partition("/")
        if rest:
            nested.setdefault(head, {})[rest] = content
        elif content is None:
            if builder.get(head) is not None:
                builder.remove(head)
        else:
            builder.insert(head, repo.create_blob(content), FileMode.BLOB)
    for name, sub_changes in nested.items():
        entry = builder.get(name)
        sub_base = repo[entry.id] if entry is not None and entry.type == ObjectType.TREE else None
        assert sub_base is None or isinstance(sub_base, pygit2.Tree)
        sub_id = _build_tree(repo, sub_base, sub_changes)
        sub_tree = repo[sub_id]
        assert isinstance(sub_tree, pygit2.Tree)
        if len(sub_tree) == 0:
            if entry is not None:
                builder.remove(name)
        else:
            builder.insert(name, sub_id, FileMode.TREE)
    return builder.write()


def _encode(changes: dict[str, str | bytes | None]) -> dict[str, bytes | None]:
    return {p: c.encode() if isinstance(c, str) else c for p, c in changes.items()}


def _commit(
    repo: pygit2.Repository,
    parent: pygit2.Commit | None,
    changes: dict[str, Any],
    message: str,
    time: int,
) -> pygit2.Commit:
    tree = _build_tree(repo, parent.tree if parent else None, _encode(changes))
    sig = _signature(time)
    parents = [parent.id] if parent else []
    oid = repo.create_commit(None, sig, sig, message, tree, parents)
    commit = repo[oid]
    assert isinstance(commit, pygit2.Commit)
    return commit


def _open_or_init(path: Path) -> pygit2.Repository:
    if (path / ".git").exists():
        return pygit2.Repository(str(path))
    path.mkdir(parents=True, exist_ok=True)
    repo = pygit2.init_repository(str(path), bare=False, initial_head="main")
    repo.config["user.name"] = NAME
    repo.config["user.email"] = EMAIL
    return repo


def _tip(repo: pygit2.Repository, branch: str) -> pygit2.Commit | None:
    ref = repo.references.get(f"refs/heads/{branch}")
    if ref is None:
        return None
    commit = repo[ref.target]
    assert isinstance(commit, pygit2.Commit)
    return commit


def _set_branch(repo: pygit2.Repository, branch: str, commit: pygit2.Commit) -> None:
    repo.references.create(f"refs/heads/{branch}", commit.id, force=True)


def _latest_time(repo: pygit2.Repository) -> int:
    times = [BASE_TIME]
    for name in repo.references:
        obj = repo.references[name].peel()
        if isinstance(obj, pygit2.Commit):
            times.append(obj.commit_time)
    return max(times)


def _checkout(repo: pygit2.Repository, branch: str) -> None:
    if _tip(repo, branch) is None:
        return
    repo.checkout(f"refs/heads/{branch}", strategy=pygit2.enums.CheckoutStrategy.FORCE)


# --- the DVC project ----------------------------------------------------------------------


def _md5(content: bytes) -> str:
    return hashlib.md5(content).hexdigest()  # noqa: S324 - DVC's content hash


def _dump(data: Any) -> str:
    return str(yaml.safe_dump(data, sort_keys=False, default_flow_style=False))


@dataclass
class _State:
    """The evolving content of one project (paths relative to the project root)."""

    step: int
    rng: random.Random
    extra: bool
    params: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)


def _params(rng: random.Random, step: int) -> dict[str, Any]:
    return {
        "lr": round(rng.choice((0.1, 0.03, 0.01, 0.003, 0.001)), 4),
        "epochs": 5 + step % 7,
        "model": {
            "depth": rng.randint(2, 12),
            "width": rng.choice((32, 64, 128)),
            "activation": rng.choice(("relu", "gelu", "tanh")),
        },
        "seed": step,
        "use_bias": rng.random() < 0.5,
        "layers": [rng.randint(8, 64) for _ in range(3)],
    }


def _metrics(params: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    acc = round(min(0.99, 0.5 + params["model"]["depth"] * 0.03 + rng.random() * 0.1), 4)
    return {
        "acc": acc,
        "loss": round(1 - acc, 4),
        "epochs_run": params["epochs"],
        "val": {"acc": round(acc - 0.02, 4), "f1": round(acc - 0.05, 4)},
        "per_class": [round(acc - 0.01 * i, 4) for i in range(3)],
        "note": "ok",
        "empty": None,
    }


def _features(state: _State) -> set[str]:
    """Which optional files exist at this step (more appear over time)."""
    if not state.extra:
        return set()
    on = {"toml"} if state.step >= 1 else set()
    on |= {"py"} if state.step >= 2 else set()
    on |= {"dvclive"} if state.step >= 3 else set()
    on |= {"nested"} if state.step >= 4 else set()
    on |= {"foreach"} if state.step >= 5 else set()
    return on


def _train_stage(features: set[str]) -> dict[str, Any]:
    params: list[Any] = [
        "lr",
        "model.depth",
        "model.activation",
        "epochs",
        {"train_config.json": ["batch", "optimizer.name"]},
    ]
    if "toml" in features:
        params.append({"config/train.toml": None})
    if "py" in features:
        params.append({"params.py": ["BATCH", "Model"]})
    return {
        "cmd": "python train.py",
        "deps": ["data/data.csv", "train.py"],
        "params": params,
        "outs": ["model.pkl"],
        "metrics": [{"metrics.json": {"cache": False}}],
        "plots": [{"plots/loss.csv": {"cache": False, "x": "step", "y": "loss"}}],
    }


def _dvc_yaml(features: set[str]) -> dict[str, Any]:
    doc: dict[str, Any] = {"stages": {"train": _train_stage(features)}}
    if "foreach" in features:
        doc["stages"]["prep"] = {
            "foreach": ["a", "b"],
            "do": {"cmd": "echo ${item} ${lr}", "outs": ["prep/${item}.txt"]},
        }
    if "dvclive" in features:
        doc["params"] = ["dvclive/params.yaml"]
        doc["metrics"] = ["dvclive/metrics.json"]
        doc["plots"] = [{"dvclive/plots/metrics": {"x": "step"}}]
    return doc


def _param_values(config: Any, keys: list[str] | None) -> Any:
    if not keys:
        return config
    out = {}
    for key in keys:
        node = config
        for part in key.split("."):
            node = node[part]
        out[key] = node
    return out


def _lock(files: dict[str, str], features: set[str], parsed: dict[str, Any]) -> dict[str, Any]:
    stage = _train_stage(features)
    deps = [_lock_item(p, files) for p in sorted(stage["deps"])]
    params: dict[str, Any] = {}
    for spec in stage["params"]:
        if isinstance(spec, str):
            params.setdefault("params.yaml", {})[spec] = _param_values(
                parsed["params.yaml"], [spec]
            )[spec]
            continue
        for file, keys in spec.items():
            params[file] = _param_values(parsed[file], keys)
    params = {
        "params.yaml": dict(sorted(params.pop("params.yaml").items())),
        **{k: dict(sorted(v.items())) for k, v in sorted(params.items())},
    }
    outs = sorted(["model.pkl", "metrics.json", "plots/loss.csv"])
    entry = {
        "cmd": stage["cmd"],
        "deps": deps,
        "params": params,
        "outs": [_lock_item(p, files) for p in outs],
    }
    return {"schema": "2.0", "stages": {"train": entry}}


def _lock_item(path: str, files: dict[str, str]) -> dict[str, Any]:
    content = files.get(path, f"binary model {path}").encode()
    return {"path": path, "hash": "md5", "md5": _md5(content), "size": len(content)}


def _exp_hash(lock: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(lock["stages"], sort_keys=True).encode()).hexdigest()


def _project_files(state: _State) -> tuple[dict[str, str], str]:
    """All generated files of the project at ``state`` and the experiment hash."""
    rng, p = state.rng, state.params
    features = _features(state)
    files: dict[str, str] = {
        "params.yaml": _dump(p),
        "train_config.json": json.dumps(
            {
                "batch": rng.choice((16, 32, 64)),
                "optimizer": {"name": "adam", "beta": 0.9},
                "workers": 4,
            },
            indent=2,
        ),
        "metrics.json": json.dumps(_metrics(p, rng), indent=2),
        "plots/loss.csv": "step,loss\n"
        + "".join(f"{i},{round(1 / (i + 1 + p['model']['depth']), 4)}\n" for i in range(5)),
        "data/data.csv": "x,y\n" + "".join(f"{i},{i * 2}\n" for i in range(5 + state.step % 3)),
        "train.py": _TRAIN_PY,
    }
    parsed: dict[str, Any] = {
        "params.yaml": p,
        "train_config.json": json.loads(files["train_config.json"]),
    }
    if "toml" in features:
        files["config/train.toml"] = (
            f'[optimizer]\nname = "sgd"\nmomentum = {round(rng.random(), 3)}\n\n'
            f"[schedule]\nwarmup = {rng.randint(0, 5)}\ndecay = 0.5\n"
        )
        import tomllib

        parsed["config/train.toml"] = tomllib.loads(files["config/train.toml"])
    if "py" in features:
        batch = rng.choice((8, 16))
        files["params.py"] = (
            f"BATCH = {batch}\nNAME: str = 'net'\nIGNORED = len([1])\n\n"
            "class Model:\n    depth = 3\n\n    def __init__(self):\n"
            "        self.dropout = 0.25\n"
        )
        parsed["params.py"] = {"BATCH": batch, "Model": {"depth": 3, "dropout": 0.25}}
    if "dvclive" in features:
        files["dvclive/params.yaml"] = _dump({"lr": p["lr"], "epochs": p["epochs"]})
        loss = round(1 / (2 + state.step), 4)
        files["dvclive/metrics.json"] = json.dumps(
            {"train": {"loss": loss, "acc": round(1 - loss, 4)}, "step": p["epochs"] - 1}
        )
        files["dvclive/plots/metrics/train/loss.tsv"] = f"step\tloss\n0\t{loss}\n"
    if "nested" in features:
        files["eval/dvc.yaml"] = _dump(
            {
                "stages": {
                    "evaluate": {
                        "cmd": "python evaluate.py",
                        "params": ["threshold"],
                        "metrics": [{"scores.json": {"cache": False}}],
                    }
                }
            }
        )
        files["eval/params.yaml"] = _dump({"threshold": round(rng.random(), 3), "k": 5})
        files["eval/scores.json"] = json.dumps({"auc": round(rng.random(), 4), "ks": [1, 2]})
    lock = _lock(files, features, parsed)
    files["dvc.yaml"] = _dump(_dvc_yaml(features))
    files["dvc.lock"] = _dump(lock)
    return files, _exp_hash(lock)


_TRAIN_PY = """import json

import yaml

params = yaml.safe_load(open("params.yaml"))
acc = min(0.99, 0.5 + params["model"]["depth"] * 0.03)
json.dump({"acc": acc, "loss": 1 - acc}, open("metrics.json", "w"))
open("model.pkl", "w").write("model")
"""

_SKELETON = {
    ".dvc/config": "",
    ".dvc/.gitignore": "/config.local\n/tmp\n/cache\n",
    ".dvcignore": "# Add patterns of files dvc should ignore, which could improve\n"
    "# the performance. Learn more at\n# https://dvc.org/doc/user-guide/dvcignore\n",
    ".gitignore": "/model.pkl\n/prep\n",
}


def _prefixed(subdir: str, files: dict[str, Any]) -> dict[str, Any]:
    prefix = subdir.strip("/")
    return {f"{prefix}/{p}" if prefix else p: c for p, c in files.items()}


# --- the generator ------------------------------------------------------------------------


class _Generator:
    def __init__(self, path: Path, spec: RepoSpec) -> None:
        self.spec = spec
        self.repo = _open_or_init(path)
        self.rng = random.Random(spec.seed)
        self.clock = _latest_time(self.repo)
        self.result = GeneratedRepo(path=path, commits=[])
        self.steps: dict[str, int] = {}

    def tick(self) -> int:
        self.clock += STEP
        return self.clock

    def run(self) -> GeneratedRepo:
        main = self.spec.branches[0]
        for index, branch in enumerate(self._schedule()):
            parent = _tip(self.repo, branch)
            if parent is None:
                parent = _tip(self.repo, main)
            commit = self._baseline(parent, index)
            _set_branch(self.repo, branch, commit)
            self.result.commits.append(str(commit.id))
            self._experiments(commit, index)
        if self.spec.gto_tags and self.result.commits:
            self._tags()
        self.repo.set_head(f"refs/heads/{main}")
        _checkout(self.repo, main)
        return self.result

    def _schedule(self) -> list[str]:
        branches, total = self.spec.branches, self.spec.commits
        solo = max(1, total // 3) if len(branches) > 1 else total
        rest = [branches[i % len(branches)] for i in range(total - solo)]
        return [branches[0]] * min(solo, total) + rest

    def _state(self, index: int) -> _State:
        state = _State(step=index, rng=self.rng, extra=self.spec.extra_formats)
        state.params = _params(self.rng, index)
        return state

    def _baseline(self, parent: pygit2.Commit | None, index: int) -> pygit2.Commit:
        files, _ = _project_files(self._state(index))
        prefix = self.spec.subdir.strip("/")
        config = f"{prefix}/.dvc/config" if prefix else ".dvc/config"
        fresh = parent is None or not _exists(parent.tree, config)
        changes: dict[str, Any] = {**_SKELETON, **files} if fresh else dict(files)
        changes = self._with_deletions(parent, files, changes)
        message = f"Train step {index}: {self.rng.choice(_ADJECTIVES)} change"
        return _commit(
            self.repo, parent, _prefixed(self.spec.subdir, changes), message, self.tick()
        )

    def _with_deletions(
        self, parent: pygit2.Commit | None, files: dict[str, str], changes: dict[str, Any]
    ) -> dict[str, Any]:
        """Project files that existed in the parent but are no longer generated go away."""
        if parent is None:
            return changes
        prefix = self.spec.subdir.strip("/")
        for path in _GENERATED_OPTIONAL:
            full = f"{prefix}/{path}" if prefix else path
            if path not in files and _exists(parent.tree, full):
                changes[path] = None
        return changes

    def _experiments(self, baseline: pygit2.Commit, index: int) -> None:
        base = str(baseline.id)
        used: set[str] = set()
        for _ in range(self.spec.exps_per_commit):
            name = self._exp_name(used)
            state = self._state(index)
            files, exp_hash = _project_files(state)
            changed = {
                k: files[k] for k in ("params.yaml", "metrics.json", "dvc.lock", "plots/loss.csv")
            }
            commit = _commit(
                self.repo,
                baseline,
                _prefixed(self.spec.subdir, changed),
                f"dvc: commit experiment {exp_hash}",
                self.tick(),
            )
            ref = f"refs/exps/{base[:2]}/{base[2:]}/{name}"
            self.repo.references.create(ref, commit.id, force=True)
            self.result.experiments.append((ref, str(commit.id), base))

    def _exp_name(self, used: set[str]) -> str:
        while True:
            name = f"{self.rng.choice(_ADJECTIVES)}-{self.rng.choice(_NOUNS)}"
            if name not in used:
                used.add(name)
                return name

    def _tags(self) -> None:
        commits = self.result.commits
        target = commits[len(commits) // 2]
        self._tag("model@v0.0.1", target, "Registering artifact model version v0.0.1")
        self._tag("model#prod#1", target, "Assigning stage prod to artifact model version v0.0.1")
        if len(commits) > 2:
            self._tag("model@v0.0.2", commits[-1], "Registering artifact model version v0.0.2")

    def _tag(self, name: str, target: str, message: str) -> None:
        if self.repo.references.get(f"refs/tags/{name}") is not None:
            return
        self.repo.create_tag(
            name, pygit2.Oid(hex=target), ObjectType.COMMIT, _signature(self.tick()), message
        )


_GENERATED_OPTIONAL = (
    "config/train.toml",
    "params.py",
    "dvclive/params.yaml",
    "dvclive/metrics.json",
    "dvclive/plots/metrics/train/loss.tsv",
    "eval/dvc.yaml",
    "eval/params.yaml",
    "eval/scores.json",
)


def _exists(tree: pygit2.Tree, path: str) -> bool:
    try:
        tree[path]
    except KeyError:
        return False
    return True


def generate_repo(path: Path, spec: RepoSpec) -> GeneratedRepo:
    """Create (or extend, for monorepos with another ``subdir``) a DVC repository at
    ``path``: a non-bare repo with the work tree checked out at the first branch's tip."""
    return _Generator(Path(path), spec).run()


def add_commit(path: Path, branch: str, changes: dict[str, str | None], message: str) -> str:
    """Commit ``changes`` ({path: content, or None to delete}) on top of ``branch`` (created
    from HEAD if missing); returns the new commit id. Checks it out if it is HEAD's branch."""
    repo = pygit2.Repository(str(path))
    parent = _tip(repo, branch)
    if parent is None and not repo.head_is_unborn:
        head = repo.head.peel()
        assert isinstance(head, pygit2.Commit)
        parent = head
    commit = _commit(repo, parent, dict(changes), message, _latest_time(repo) + STEP)
    _set_branch(repo, branch, commit)
    if not repo.head_is_unborn and repo.head.name == f"refs/heads/{branch}":
        _checkout(repo, branch)
    return str(commit.id)
