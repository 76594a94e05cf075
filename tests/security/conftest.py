"""The hostile-input fixture: one app with real projects, shared by every security test of a
session (per database). Tests that attack it prove with a snapshot that nothing changed, so
sharing is safe; a case that does change something fails, and says what moved."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import fields, replace
from pathlib import Path

import httpx
import pytest
from harness import GITHUB_SECRET, GITLAB_TOKEN, Hostile, ProjectInfo
from support import Api, git

from gitstudio.app import State, create_app
from gitstudio.settings import Settings, from_env
from schema.relay import to_global_id
from storage import db
from storage.tokens import Scope, create_token
from sync.generate import RepoSpec, add_commit, generate_repo
from sync.generate_registry import RegistrySpec, generate_registry

CI_FILES: dict[str, str | None] = {
    ".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    ".gitlab-ci.yml": "test:\n  script: pytest\n",
}


def policy_settings(base: Settings, repos_root: Path) -> Settings:
    """``base`` with the webhook secrets set and the repository policy allowing ``repos_root``
    only, through the environment names the issue fixes (taken only once the settings exist)."""
    policy = from_env(
        {
            "GITSTUDIO_LOCAL_REPO_ROOTS": str(repos_root),
            "GITSTUDIO_GITHUB_WEBHOOK_SECRET": GITHUB_SECRET,
            "GITSTUDIO_GITLAB_WEBHOOK_TOKEN": GITLAB_TOKEN,
        }
    )
    default = Settings()
    changed = {
        f.name: getattr(policy, f.name)
        for f in fields(Settings)
        if getattr(policy, f.name) != getattr(default, f.name)
    }
    # The default page size, so the cost limit is met as a deployment meets it.
    changed["max_page_size"] = default.max_page_size
    return replace(base, **changed, data_dir=repos_root / "data")


async def _add(state: State, repo: Path, name: str, subdir: str = "") -> ProjectInfo:
    """A project added as the operator's CLI adds it (no API policy in the way)."""
    project = await state.syncer.create(str(repo), name, subdir, None)
    return ProjectInfo(
        id=to_global_id("Project", project.id),
        db_id=project.id,
        name=name,
        repo=repo,
        main_sha=git(repo, "rev-parse", "main"),
    )


@pytest.fixture(scope="session")
async def hostile(api: Api, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Hostile]:
    repos_root = tmp_path_factory.mktemp("hostile-repos").resolve()
    outside_root = tmp_path_factory.mktemp("hostile-outside").resolve()
    src = repos_root / "src"
    generate_repo(src / "alpha", RepoSpec(commits=3, exps_per_commit=1, seed=11))
    add_commit(src / "alpha", "main", CI_FILES, "CI definitions, which no API write may touch")
    generate_registry(
        src / "registry", RegistrySpec(models=2, versions=2, seed=7, allowed_stages=True)
    )
    generate_repo(
        src / "mono", RepoSpec(commits=2, branches=("main",), exps_per_commit=0, subdir="proj")
    )
    add_commit(src / "mono", "main", {"shared.yaml": "lr: 1\n"}, "a params file above the subdir")
    generate_repo(
        outside_root / "victim", RepoSpec(commits=2, branches=("main",), exps_per_commit=0)
    )
    (src / "link-outside").symlink_to(outside_root / "victim")  # inside the root, points out
    (src / "plain-dir").mkdir()  # inside the root, not a repository
    settings = policy_settings(api.settings, repos_root)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings)
    state: State = app.state.gitstudio
    tag = uuid.uuid4().hex[:6]
    projects = {
        "alpha": await _add(state, src / "alpha", f"hostile-alpha-{tag}"),
        "registry": await _add(state, src / "registry", f"hostile-registry-{tag}"),
        "mono": await _add(state, src / "mono", f"hostile-mono-{tag}", "proj"),
    }
    experiment = await db.fetch(
        "SELECT id FROM experiments WHERE project_id = ? AND kind = 'EXPERIMENT' ORDER BY id",
        [projects["alpha"].db_id],
    )
    commit_row = await db.fetch(
        "SELECT id FROM experiments WHERE project_id = ? AND kind = 'COMMIT' ORDER BY id",
        [projects["alpha"].db_id],
    )
    tokens = {}
    for scope in Scope:
        _row, tokens[scope.value] = await create_token(f"hostile-{scope.value}", frozenset({scope}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield Hostile(
            client,
            app,
            settings,
            tokens,
            projects,
            repos_root,
            outside_root,
            experiment_id=to_global_id("Experiment", int(experiment[0]["id"])),
            commit_row_id=to_global_id("Experiment", int(commit_row[0]["id"])),
        )
