"""Mirrors of a repository reached over the network (git://, served by a real `git daemon`):
clone on first sync, incremental fetch with prune afterwards."""

from __future__ import annotations

from pathlib import Path

from support import Api, git

from sync.generate import RepoSpec, add_commit, generate_repo

SHAS = """query($name: String!) { project(name: $name) {
  branches { name sha } commits { totalCount } experiments(filter: {kinds: [EXPERIMENT]}) { totalCount } } }"""


async def test_remote_clone_fetch_and_prune(
    api: Api, daemon: tuple[str, Path], unique: str
) -> None:
    base_url, root = daemon
    repo = root / "project"
    generated = generate_repo(repo, RepoSpec(commits=5, exps_per_commit=1, gto_tags=False))
    name = f"remote-{unique}"
    project = await api.create_project(f"{base_url}/project", name)
    state = (await api.data(SHAS, {"name": name}))["project"]
    assert state["commits"]["totalCount"] == 5
    assert state["experiments"]["totalCount"] == len(generated.experiments)

    new = add_commit(repo, "main", {"params.yaml": "lr: 5\n"}, "over the wire")
    git(repo, "branch", "-D", "feature")
    git(repo, "update-ref", "-d", generated.experiments[0][0])
    summary = await api.sync(project["id"])
    assert summary["newCommits"] == 1 and summary["removedExperiments"] == 1
    state = (await api.data(SHAS, {"name": name}))["project"]
    assert {b["name"]: b["sha"] for b in state["branches"]} == {"main": new}
    assert state["commits"]["totalCount"] == len(git(repo, "rev-list", "main").split())
    assert state["experiments"]["totalCount"] == len(generated.experiments) - 1


def test_plain_ref_reading_matches_libgit2(tmp_path: Path) -> None:
    """The fast reader of a local source's refs agrees with libgit2 on packed, loose,
    updated, deleted and symbolic refs (the latter handed back to libgit2)."""
    import pygit2

    from sync.git import _mirrored_refs, read_plain_refs

    repo = tmp_path / "repo"
    generated = generate_repo(repo, RepoSpec(commits=4, exps_per_commit=2))
    gitdir = repo / ".git"

    def both() -> tuple[dict[str, str] | None, dict[str, str]]:
        return read_plain_refs(gitdir), _mirrored_refs(pygit2.Repository(str(repo)))

    fast, slow = both()
    assert fast == slow and len(slow) > 10
    git(repo, "pack-refs", "--all")  # everything packed
    fast, slow = both()
    assert fast == slow
    add_commit(repo, "main", {"params.yaml": "lr: 2\n"}, "loose over packed")
    git(repo, "update-ref", "-d", generated.experiments[0][0])
    git(repo, "tag", "-a", "v9", "-m", "annotated")
    fast, slow = both()
    assert fast == slow and generated.experiments[0][0] not in fast
    git(repo, "symbolic-ref", "refs/heads/alias", "refs/heads/main")
    assert read_plain_refs(gitdir) is None  # symbolic: libgit2 decides
