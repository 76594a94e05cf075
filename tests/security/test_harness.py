"""The corpus' own check can fail: a snapshot sees a new row, a new or moved ref and a new
mirror, and ``restore`` undoes what a failing case made, so it cannot poison the next."""

from __future__ import annotations

import pygit2
import pytest
from harness import Hostile, assert_same

from storage.tokens import Scope, create_token


async def test_a_new_row_is_seen(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    await create_token("harness-check", frozenset({Scope.READ}))
    with pytest.raises(AssertionError, match="access_tokens"):
        assert_same(before, await hostile.snapshot())


async def test_a_new_or_moved_ref_is_seen_and_put_back(hostile: Hostile) -> None:
    alpha = hostile.projects["alpha"]
    repo = pygit2.Repository(str(alpha.repo))
    before = await hostile.snapshot()
    repo.references.create("refs/heads/harness-check", alpha.main_sha)
    parent = repo[alpha.main_sha].parents[0].id
    repo.references.create("refs/heads/main", parent, force=True)
    with pytest.raises(AssertionError, match="refs of"):
        assert_same(before, await hostile.snapshot())
    await hostile.restore(before)
    await hostile.assert_unchanged(before)
    assert str(repo.references["refs/heads/main"].target) == alpha.main_sha


async def test_a_new_project_is_seen_and_removed(hostile: Hostile) -> None:
    before = await hostile.snapshot()
    state = hostile.app.state.gitstudio
    await state.syncer.create(str(hostile.projects["mono"].repo), "harness-check", "proj", None)
    with pytest.raises(AssertionError, match="projects"):
        assert_same(before, await hostile.snapshot())
    after = await hostile.snapshot()
    assert set(after.mirrors) - set(before.mirrors), "the new project's mirror is in the snapshot"
    await hostile.restore(before)
    await hostile.assert_unchanged(before)
