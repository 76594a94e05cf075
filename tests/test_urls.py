"""Every spelling of one repository maps to one key; different repositories do not."""

from __future__ import annotations

import os
from pathlib import Path

import pygit2
import pytest

from storage.errors import DomainError
from sync.repo_policy import RepoPolicy
from sync.urls import repo_key


@pytest.mark.parametrize(
    "spellings",
    [
        ["https://github.com/Org/Repo.git", "git@github.com:org/repo", "ssh://git@github.com/org/repo.git",
         "http://user:secret@github.com/org/repo/", "https://GitHub.com/org/repo"],
        ["/srv/x/repo", "/srv/x/repo/", "/srv/x/repo/.git", "/srv/x/repo.git", "file:///srv/x/repo/"],
    ],
)  # fmt: skip
def test_spellings_agree(spellings: list[str]) -> None:
    assert len({repo_key(s) for s in spellings}) == 1


def test_different_repositories_differ(tmp_path: Path) -> None:
    keys = {
        repo_key("https://github.com/org/repo"),
        repo_key("https://github.com/org/repo2"),
        repo_key("https://gitlab.com/org/repo"),
        repo_key(str(tmp_path / "repo")),
        repo_key(str(tmp_path / "other")),
    }
    assert len(keys) == 5


def test_alternates_of_alternates_outside_the_roots_are_refused(tmp_path: Path) -> None:
    """libgit2 follows alternates of alternates: each level must lie inside the roots."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    victim = outside / "victim.git"
    middle, repo = root / "middle.git", root / "repo.git"
    for path in (victim, middle, repo):
        pygit2.init_repository(str(path), bare=True)
    (middle / "objects" / "info" / "alternates").write_text(f"{victim / 'objects'}\n")
    (repo / "objects" / "info" / "alternates").write_text(f"{middle / 'objects'}\n")
    policy = RepoPolicy.build([root], tmp_path / "data", [], False)
    with pytest.raises(DomainError) as refused:
        policy.admit(str(repo))
    assert refused.value.code == "FORBIDDEN_REPOSITORY"
    (middle / "objects" / "info" / "alternates").unlink()
    assert policy.admit(str(repo)) == os.path.realpath(repo)


def test_a_linked_worktrees_common_objects_borrowing_outside_the_roots_are_refused(
    tmp_path: Path,
) -> None:
    """A linked worktree's objects are its common git directory's: that directory's
    alternates must lie inside the roots too (the mirror borrows them)."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    victim = outside / "victim.git"
    pygit2.init_repository(str(victim), bare=True)
    main = root / "main"
    repo = pygit2.init_repository(str(main))
    signature = pygit2.Signature("a", "a@example.com")
    tree = repo.TreeBuilder().write()
    repo.create_commit("HEAD", signature, signature, "first", tree, [])
    repo.add_worktree("linked", str(root / "linked"))
    policy = RepoPolicy.build([root], tmp_path / "data", [], False)
    assert policy.admit(str(root / "linked")) == os.path.realpath(root / "linked")
    (main / ".git" / "objects" / "info" / "alternates").write_text(f"{victim / 'objects'}\n")
    with pytest.raises(DomainError) as refused:
        policy.admit(str(root / "linked"))
    assert refused.value.code == "FORBIDDEN_REPOSITORY"
