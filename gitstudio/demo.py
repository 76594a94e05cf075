"""``gitstudio serve --demo``: a real example project on first start.

The repository is generated with the same generator the tests and benchmarks use (a DVC
pipeline, commits on two branches, experiment refs shaped like ``dvc exp run`` makes them, GTO
tags), then added like any user repository. On a fresh data directory an ADMIN token is minted
and printed, so the newcomer can authenticate at once.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pygit2

from gitstudio.app import State
from gitstudio.settings import Settings
from storage.models import AccessToken, Project
from storage.tokens import Scope, create_token
from sync.generate import RepoSpec, generate_repo

DEMO_NAME = "demo"


async def ensure_demo(settings: Settings) -> str | None:
    repo = settings.data_dir.resolve() / "demo-repo"
    await asyncio.to_thread(_prepare_repo, repo)
    syncer = State(settings).syncer
    project = await Project.get_or_none(name=DEMO_NAME)
    if project is None:
        await syncer.create(str(repo), DEMO_NAME, "", None)
    else:
        await syncer.sync(project)
    if await AccessToken.exists():
        return None
    _row, token = await create_token("demo-admin", frozenset({Scope.ADMIN}))
    return token


def _prepare_repo(repo: Path) -> None:
    """The demo's repository, generated on first start (Git work: off the event loop). It
    has a working tree with main checked out, which git refuses to move by a push: merging
    a pull request from the dashboard would fail. updateInstead moves the branch and its
    clean working tree together."""
    if not (repo / ".git").exists():
        generate_repo(repo, RepoSpec(commits=20, exps_per_commit=3))
    pygit2.Repository(str(repo)).config["receive.denyCurrentBranch"] = "updateInstead"
