"""What a refused write into a local repository tells the API caller: the ref's status
and the hooks' own words, never receive-pack's own messages (they name the repository's
files on the server) nor the repository's path, as given or as resolved; the repository
and the mirror are left as they were."""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from support import Api

from gitstudio.settings import Settings
from storage import limits
from storage.errors import DomainError
from sync.generate import RepoSpec, generate_repo
from sync.git import Credentials, open_mirror
from sync.git_writer import BRANCH, COMMIT, CommitRequest, write_commit
from sync.params_edit import ParamChange


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def refs(repo: Path) -> str:
    return git(repo, "for-each-ref", "--format=%(refname) %(objectname)")


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    path = tmp_path / "secret-place" / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", "--no-local", str(work), str(path)], check=True)
    return path


def request(target: str, branch: str) -> CommitRequest:
    return CommitRequest("main", [ParamChange("params.yaml", "lr", 0.25)], "m", target, branch)


@pytest.mark.parametrize("spelling", ["path", "symlink", "file-url"])
def test_a_stale_lock_is_a_conflict_without_server_paths(
    bare: Path, tmp_path: Path, spelling: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A ``refs/heads/main.lock`` left by a crashed git: CONFLICT saying the ref could not
    be updated, no path of the repository (the one given, a symlink, nor the real one),
    receive-pack's message in the server's log; no ref moved, the mirror neither."""
    link = tmp_path / "link.git"
    link.symlink_to(bare)
    url = {"path": str(bare), "symlink": str(link), "file-url": f"file://{link}"}[spelling]
    (bare / "refs" / "heads" / "main.lock").write_text("")
    mirror = tmp_path / "mirror.git"
    before = refs(bare)
    with (
        caplog.at_level(logging.WARNING, logger="sync.receive_pack"),
        pytest.raises(DomainError) as refused,
    ):
        write_commit(mirror, url, Credentials(), request(COMMIT, "main"))
    error = refused.value
    assert error.code == "CONFLICT"
    assert "failed to update ref" in error.message, error.message
    for leak in (str(tmp_path), str(bare), str(bare.resolve()), str(link), "secret-place", ".lock"):
        assert leak not in error.message, error.message
    assert refs(bare) == before
    assert "cannot lock ref" in caplog.text, "receive-pack's own message is logged"
    main = open_mirror(mirror).references["refs/heads/main"].target
    assert str(main) == git(bare, "rev-parse", "main"), "the mirror's main did not move"


def test_a_hooks_words_are_passed_on_with_the_repository_path_redacted(
    bare: Path, tmp_path: Path
) -> None:
    """A pre-receive hook's refusal: its lines reach the caller (the owner's message to
    users), the repository's path in them replaced; nothing is created."""
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(
        "#!/bin/sh\necho 'protected: ask the data team' >&2\n"
        'echo "repository at $(pwd -P) and $GIT_DIR"\nexit 1\n'
    )
    hook.chmod(0o755)
    before = refs(bare)
    with pytest.raises(DomainError) as refused:
        write_commit(tmp_path / "mirror.git", str(bare), Credentials(), request(BRANCH, "hooked"))
    error = refused.value
    assert error.code == "CONFLICT"
    assert "pre-receive hook declined" in error.message
    assert "protected: ask the data team" in error.message
    assert "repository at <repository>" in error.message, error.message
    assert str(tmp_path) not in error.message and "secret-place" not in error.message
    assert refs(bare) == before


def test_a_hung_hook_is_ended_at_the_push_timeout_setting(bare: Path, tmp_path: Path) -> None:
    """GITSTUDIO_PUSH_TIMEOUT_SECONDS (storage.limits): a pre-receive hook that never
    answers is ended after it, the write is UNREACHABLE and nothing changed."""
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\nread line < {gate}\nexit 0\n")  # waits until released
    hook.chmod(0o755)
    before = refs(bare)
    limits.configure(replace(Settings(), push_timeout_seconds=1.0))
    started = time.monotonic()
    try:
        with pytest.raises(DomainError) as ended:
            write_commit(tmp_path / "mirror.git", str(bare), Credentials(), request(BRANCH, "hung"))
    finally:
        limits.configure(Settings())
        with contextlib.suppress(OSError):  # release the hook, if it still waits
            os.close(os.open(gate, os.O_WRONLY | os.O_NONBLOCK))
    assert ended.value.code == "UNREACHABLE"
    assert "no answer within 1 s" in ended.value.message
    assert time.monotonic() - started < Settings().push_timeout_seconds
    assert refs(bare) == before


async def test_through_the_api_a_stale_lock_is_a_conflict_without_paths(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """runExperiment onto a new branch whose ref lock a crashed git left: the payload's
    error is CONFLICT without any server path, the repository's refs and the project's
    indexed branches are as before."""
    repo = tmp_path / "hidden-dir" / "repo"
    generate_repo(repo, RepoSpec(commits=3, exps_per_commit=0, gto_tags=False))
    name = f"locked-{unique}"
    project = await api.create_project(repo, name)
    (repo / ".git" / "refs" / "heads" / "exp").mkdir(parents=True)
    (repo / ".git" / "refs" / "heads" / "exp" / "locked.lock").write_text("")
    before, indexed = refs(repo), await _branches(api, name)
    payload = await api.data(
        """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
             commit { sha } errors { code message field } } }""",
        {
            "input": {
                "projectId": project["id"],
                "baseRev": "main",
                "target": "BRANCH",
                "branch": "exp/locked",
                "paramChanges": [{"file": "params.yaml", "path": "lr", "value": 0.4}],
            }
        },
    )
    done = payload["runExperiment"]
    assert done["commit"] is None
    (error,) = done["errors"]
    assert error["code"] == "CONFLICT", error
    assert str(tmp_path) not in error["message"] and "hidden-dir" not in error["message"]
    assert ".lock" not in error["message"], error
    assert refs(repo) == before
    assert await _branches(api, name) == indexed


async def _branches(api: Api, name: str) -> list[dict[str, str]]:
    query = "query($name: String!) { project(name: $name) { branches { name sha } } }"
    found: list[dict[str, str]] = (await api.data(query, {"name": name}))["project"]["branches"]
    return found
