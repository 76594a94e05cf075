"""A project's model registry is folded off the request path (resolvers/registry_folds.py):
after a sync or a registry write that changed its tags, the app's kept registry is the new
one before any request asks, and ``Query.models`` answers with it without folding.

The app's warming service runs here as a server's lifespan runs it; "another process" is a
second syncer (a worker's: no fold of its own) publishing on the app's bus.
"""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from live_support import state_of
from registry_support import GTO, project_id
from support import Api, eventually

from gitstudio.app import RegistryWarming, State
from resolvers.registry_folds import RegistryFolds
from storage import db, queries
from storage.caches import MISS
from storage.models import Project
from sync.generate_registry import RegistrySpec, generate_registry
from sync.git import Credentials
from sync.service import ProjectSyncer

MODELS = """query($ids: [ID!]) { models(filter: {projectIds: $ids}, first: 200) {
  nodes { name latestVersion { version } versions { version } } } }"""

REGISTER = """mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) {
  tag errors { code message field } } }"""


@dataclass
class Warm:
    api: Api
    state: State
    repo: Path
    pid: int
    gid: str

    @property
    def folds(self) -> RegistryFolds:
        return self.state.caches.registry_folds

    async def versions(self, model: str) -> list[str]:
        """The versions ``Query.models`` lists of ``model``."""
        nodes = (await self.api.data(MODELS, {"ids": [self.gid]}))["models"]["nodes"]
        found = next(n for n in nodes if n["name"] == model)
        return [v["version"] for v in found["versions"]]

    def kept_versions(self, model: str) -> list[str] | None:
        """The versions of ``model`` in the registry the app keeps (None: none kept)."""
        entry = self.state.caches.registries.get((db.database_key(), self.pid))
        if entry is MISS:
            return None
        artifact = entry[2].registry.artifacts.get(model)
        return [v.version for v in artifact.versions] if artifact else []

    async def kept_is_current(self) -> bool:
        entry = self.state.caches.registries.get((db.database_key(), self.pid))
        current = (await queries.registry_versions([self.pid]))[self.pid]
        return entry is not MISS and entry[1] == current

    def gto(self, *args: str) -> None:
        done = subprocess.run([GTO, *args, "-r", str(self.repo)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


@pytest.fixture
async def warm(api: Api, tmp_path: Path, unique: str) -> AsyncIterator[Warm]:
    state = state_of(api)
    warming = next(s for s in state.services if isinstance(s, RegistryWarming))
    await warming.start()  # as a server's lifespan does (the api fixture runs none)
    try:
        repo = generate_registry(tmp_path / "registry", RegistrySpec(models=2, versions=2)).path
        name = f"warm-{unique}"
        project = await api.create_project(repo, name)
        pid = await project_id(api, name)
        world = Warm(api, state, repo, pid, project["id"])
        assert "v9.0.0" not in await world.versions("model-0")  # read: the registry is kept
        yield world
    finally:
        await warming.stop()


async def test_a_sync_that_adds_a_tag_folds_before_any_read(warm: Warm) -> None:
    warm.gto("register", "model-0", "HEAD", "--version", "v9.0.0")
    folded = warm.folds.folded
    await warm.api.sync(warm.gid)
    # syncProject answered: its sync folded the new registry, no request asked for it.
    assert "v9.0.0" in (warm.kept_versions("model-0") or [])
    assert await warm.kept_is_current()
    assert warm.folds.folded == folded + 1
    assert "v9.0.0" in await warm.versions("model-0")
    assert warm.folds.folded == folded + 1, "the read folded nothing"


async def test_a_registry_write_answers_and_lists_the_new_version(warm: Warm) -> None:
    folded = warm.folds.folded
    given = {"projectId": warm.gid, "model": "unreg-model", "rev": "main", "version": "v8.0.0"}
    payload = (await warm.api.data(REGISTER, {"input": given}))["registerModelVersion"]
    assert payload["errors"] == [] and payload["tag"]
    assert "v8.0.0" in (warm.kept_versions("unreg-model") or [])
    assert warm.folds.folded == folded + 1, "the write's sync folded it once; the answer reused it"
    assert "v8.0.0" in await warm.versions("unreg-model")
    assert warm.folds.folded == folded + 1


async def test_another_process_sync_is_warmed_from_its_bus_event(
    warm: Warm, tmp_path: Path
) -> None:
    """A worker's sync (its syncer folds nothing) reaches the app as REFS_CHANGED on the
    project channel: the app folds the new registry before anyone reads it."""
    await eventually(
        lambda: _true(warm.folds.listening(warm.pid)), "the app to watch the project's refs"
    )
    worker = ProjectSyncer(
        tmp_path / "worker-mirrors", Credentials(), publish=warm.state.bus.publish
    )
    try:
        warm.gto("register", "unreg-model", "HEAD", "--version", "v7.0.0")
        folded = warm.folds.folded
        await worker.sync(await Project.get(id=warm.pid))
        assert warm.folds.folded == folded  # the worker did not fold
        await eventually(
            lambda: _true("v7.0.0" in (warm.kept_versions("unreg-model") or [])),
            "the app to fold the registry the worker's sync changed",
        )
        assert await warm.kept_is_current()
        assert warm.folds.folded == folded + 1
        assert "v7.0.0" in await warm.versions("unreg-model")
        assert warm.folds.folded == folded + 1, "the read folded nothing"
    finally:
        worker.close()


async def test_a_stale_registry_answers_while_its_fold_waits(warm: Warm, tmp_path: Path) -> None:
    """A read that finds the kept registry stale while its fold is queued gets the kept one
    (never a fold on the request, never a half state); the fold then swaps the new one in."""
    await warm.folds.stop()  # no bus watch, no warm task: the sync's event is not heard
    worker = ProjectSyncer(tmp_path / "worker-mirrors", Credentials())
    try:
        warm.gto("register", "model-0", "HEAD", "--version", "v6.0.0")
        await worker.sync(await Project.get(id=warm.pid))
        await warm.folds.start(warm.state.bus)
        folded = warm.folds.folded
        assert "v6.0.0" not in await warm.versions("model-0")  # the previous, its fold queued
        await eventually(warm.kept_is_current, "the queued fold to swap the new registry in")
        assert warm.folds.folded == folded + 1
        assert "v6.0.0" in await warm.versions("model-0")
    finally:
        worker.close()


async def test_the_warm_queue_is_bounded(warm: Warm) -> None:
    """GITSTUDIO_REGISTRY_WARM_PROJECTS projects wait at most; a project asked twice waits
    once; past the bound a request is refused (that project's read folds itself)."""
    folds, bound = warm.folds, warm.folds.queue
    folds.queue = 1
    try:
        assert folds.request(warm.pid)
        assert folds.request(warm.pid)  # already waiting: queued once
        assert not folds.request(warm.pid + 1_000_000)
        key = (db.database_key(), warm.pid)
        await eventually(lambda: _true(not folds.warming(key)), "the queued fold to run")
        assert await warm.kept_is_current()
    finally:
        folds.queue = bound


async def _true(value: Any) -> Any:
    return value


async def test_a_failing_warm_fold_is_not_hidden_behind_the_kept_registry(warm: Warm) -> None:
    """Declarations that no longer fold (a stored row models.build rejects): the warm fold
    fails, and the next read folds itself and answers with the error, not the registry kept
    from before, read after read; once the rows fold again the read has the new registry."""
    project = await Project.get(id=warm.pid)
    good = project.registry
    project.registry = '{"artifacts": {"model-0": {"not_a_field": 1}}}'
    project.sync_count += 1  # as a sync of another process: the kept registry is unsure
    await project.save(update_fields=["registry", "sync_count"])
    key = (db.database_key(), warm.pid)
    assert warm.folds.request(warm.pid)  # the warm fold, queued as a read would queue it
    await eventually(lambda: _true(not warm.folds.warming(key)), "the warm fold to fail")
    assert warm.kept_versions("model-0") is None, "the failed fold dropped the kept registry"
    for _ in range(2):  # every read now folds, and fails, on its request
        folded = warm.folds.folded
        errors = (await warm.api.gql(MODELS, {"ids": [warm.gid]})).get("errors")
        assert errors and errors[0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR", errors
        assert warm.folds.folded == folded
    project.registry = good
    await project.save(update_fields=["registry"])
    assert "v9.0.0" not in await warm.versions("model-0")
    assert await warm.kept_is_current()
