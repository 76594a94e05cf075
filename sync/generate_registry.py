"""Generated GTO model registries, for the oracle tests and the benchmark.

A registry is a Git repository whose models are declared in ``artifacts.yaml`` and in a
monorepo ``nlp/dvc.yaml``, with annotated tags written the way the gto CLI writes them
(names, messages, tagger) at strictly increasing times, plus the cases that trip readers:
simple and ``#N`` counter tags, a deregistered then re-registered version, an unassigned
stage, a deprecated model and a deprecated-then-revived one, a prerelease and a build
version, a hand-made ``git tag -a`` message, lightweight tags (which GTO ignores) and a
model declared but never registered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pygit2
import yaml
from pygit2.enums import ObjectType

from sync.generate import EMAIL, NAME, STEP, _checkout, _commit, _set_branch, _tip
from sync.registry import TAG_RE, name_to_tag

BASE = 1_790_000_000


@dataclass(frozen=True, slots=True)
class RegistrySpec:
    models: int = 4
    versions: int = 3
    stages: tuple[str, ...] = ("dev", "staging", "prod")
    seed: int = 0
    edge_cases: bool = True
    allowed_stages: bool = False  # write `.gto` with the stage allow-list
    # Version i of every model on commit i (few commits, as in big registries) instead of
    # a commit per version.
    shared_commits: bool = False


@dataclass(slots=True)
class GeneratedRegistry:
    path: Path
    artifacts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


class _Writer:
    def __init__(self, repo: pygit2.Repository, rng: random.Random) -> None:
        self.repo = repo
        self.rng = rng
        self.clock = BASE + 1_000_000  # after the commits, before today (gto tags with now)
        self.out: list[str] = []

    def tag(
        self, name: str, target: str, message: str, who: tuple[str, str] = (NAME, EMAIL)
    ) -> None:
        self.clock += self.rng.randint(1, 90)
        sig = pygit2.Signature(who[0], who[1], self.clock, 0)
        self.repo.create_tag(name, pygit2.Oid(hex=target), ObjectType.COMMIT, sig, message)
        self.out.append(name)

    def counter(self, artifact: str) -> int:
        """GTO's next counter: the highest counter of this artifact's tags, plus one."""
        top = 0
        for ref in self.repo.references:
            if ref.startswith("refs/tags/"):
                match = TAG_RE.match(ref[len("refs/tags/") :])
                if match and match["artifact"] == name_to_tag(artifact) and match["counter"]:
                    top = max(top, int(match["counter"]))
        return top + 1

    def register(self, name: str, version: str, sha: str, simple: bool) -> None:
        art = name_to_tag(name)
        tag = f"{art}@{version}" if simple else f"{art}@{version}#{self.counter(name)}"
        self.tag(tag, sha, f"Registering artifact {name} version {version}")

    def deregister(self, name: str, version: str, sha: str) -> None:
        self.tag(
            f"{name_to_tag(name)}@{version}!",
            sha,
            f"Deregistering artifact {name} version {version}",
        )

    def assign(self, name: str, stage: str, version: str, sha: str) -> None:
        self.tag(
            f"{name_to_tag(name)}#{stage}#{self.counter(name)}",
            sha,
            f"Assigning stage {stage} to artifact {name} version {version}",
        )

    def unassign(self, name: str, stage: str, version: str, sha: str) -> None:
        self.tag(
            f"{name_to_tag(name)}#{stage}!#{self.counter(name)}",
            sha,
            f"Unassigning stage '{stage}' to artifact '{name}' version '{version}'",
        )

    def deprecate(self, name: str, sha: str, simple: bool) -> None:
        art = name_to_tag(name)
        tag = f"{art}@deprecated" if simple else f"{art}@deprecated#{self.counter(name)}"
        self.tag(tag, sha, f"Deprecating artifact '{name}'")


def generate_registry(path: Path, spec: RegistrySpec) -> GeneratedRegistry:
    """A non-bare repository at ``path`` (branch main checked out) holding a registry."""
    rng = random.Random(spec.seed)
    repo = pygit2.init_repository(str(path), bare=False, initial_head="main")
    names = [f"model-{i}" for i in range(spec.models)]
    index = {
        n: {"type": "model", "path": f"models/{n}.pkl", "description": f"{n} model"} for n in names
    }
    index["unreg-model"] = {"type": "model", "path": "models/unreg.pkl"}
    files: dict[str, str | None] = {
        "artifacts.yaml": yaml.safe_dump(index, sort_keys=False),
        "nlp/dvc.yaml": yaml.safe_dump(
            {"artifacts": {"textcls": {"path": "nlp/model.pt", "type": "model", "desc": "Text"}}}
        ),
    }
    if spec.allowed_stages:
        files[".gto"] = yaml.safe_dump({"stages": list(spec.stages)})
    time = BASE
    parent = _tip(repo, "main")
    commits: list[str] = []
    count = spec.versions if spec.shared_commits else (spec.models + 1) * spec.versions
    for i in range(count + 2):
        files[f"models/weights-{i}.txt"] = f"weights {i}\n"
        parent = _commit(repo, parent, dict(files), f"train {i}", time)
        files = {}
        commits.append(str(parent.id))
        time += STEP
    assert parent is not None
    _set_branch(repo, "main", parent)
    repo.set_head("refs/heads/main")
    _checkout(repo, "main")

    w = _Writer(repo, rng)
    everything = [*names, "nlp:textcls"]
    at = iter(commits)
    registered: dict[str, list[tuple[str, str]]] = {}
    for n, name in enumerate(everything):
        for v in range(spec.versions):
            version = f"v0.{n}.{v}" if n % 2 else f"v{v}.0.0"
            if name == "nlp:textcls" and v == spec.versions - 1:
                version = "v1.0.0-rc.1+build5"
            sha = commits[v] if spec.shared_commits else next(at, commits[-1])
            w.register(name, version, sha, simple=(v % 2 == 0))
            registered.setdefault(name, []).append((version, sha))
        for s, stage in enumerate(spec.stages):
            version, sha = registered[name][min(s, len(registered[name]) - 1)]
            w.assign(name, stage, version, sha)
    if spec.edge_cases:
        _edge_cases(w, names, registered, spec, commits)
    return GeneratedRegistry(path, [*everything, "unreg-model"], w.out)


def _edge_cases(
    w: _Writer,
    names: list[str],
    registered: dict[str, list[tuple[str, str]]],
    spec: RegistrySpec,
    commits: list[str],
) -> None:
    first, second = names[0], names[1 % len(names)]
    version, sha = registered[first][0]
    w.deregister(first, version, sha)
    w.register(
        first, version, sha, simple=False
    )  # re-registered (a counter tag: the simple name exists)
    v2, sha2 = registered[second][-1]
    w.unassign(second, spec.stages[-1], v2, sha2)
    w.assign(second, spec.stages[0], v2, sha2)  # moved again
    w.tag(
        f"{second}#{spec.stages[-1]}#{w.counter(second)}",
        sha2,
        "manual tag via git",
        ("Bob", "bob@example.com"),
    )
    w.register(second, "v1.0.0-alpha", commits[-1], simple=False)  # a prerelease, newest semver
    if len(names) > 2:
        w.deprecate(names[2], registered[names[2]][0][1], simple=True)
    if len(names) > 3:
        name = names[3]
        w.deprecate(name, registered[name][0][1], simple=False)
        w.register(name, "v9.0.0", commits[-2], simple=False)  # revived by a registration
    head = w.repo.head.target
    w.repo.references.create(f"refs/tags/{first}#prod#999", head)  # lightweight: ignored
    w.repo.references.create("refs/tags/release-1.0", head)  # not a GTO tag
