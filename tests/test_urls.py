"""Every spelling of one repository maps to one key; different repositories do not."""

from __future__ import annotations

from pathlib import Path

import pytest

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
