"""A field cancelled by graphql-core must not fail the fields that share its DataLoader batch.

graphql-core 3.3 cancels the sibling fields of a field whose error nulls their parent
(``gather_with_cancel``). A caller awaiting a DataLoader's future directly cancels that
future when it is cancelled, and every other field waiting on the same key then gets
``CancelledError``: the schema fuzz found a query whose ``models { totalCount }`` failed so
(resolvers.context.ShieldedLoader)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from strawberry.dataloader import DataLoader

from resolvers.context import ShieldedLoader


async def _cancel_one_of_two(kind: type[DataLoader[int, str]]) -> object:
    """Two callers wait for key 1 of one batch; the first is cancelled before the batch
    answers. What the second gets (its value, or the exception it raised)."""
    release = asyncio.Event()
    started = asyncio.Event()

    async def load(keys: Sequence[int]) -> list[str]:
        started.set()
        await release.wait()
        return [f"row {k}" for k in keys]

    loader = kind(load_fn=load)
    cancelled = asyncio.ensure_future(loader.load(1))
    other = asyncio.ensure_future(loader.load(1))
    await started.wait()
    cancelled.cancel()
    await asyncio.gather(cancelled, return_exceptions=True)
    release.set()
    found = await asyncio.gather(other, return_exceptions=True)
    return found[0]


async def test_a_cancelled_caller_leaves_the_batch_to_the_others() -> None:
    assert await _cancel_one_of_two(ShieldedLoader) == "row 1"


async def test_without_the_shield_the_others_would_be_cancelled_too() -> None:
    """Why ShieldedLoader exists: strawberry's DataLoader hands every caller one future."""
    assert isinstance(await _cancel_one_of_two(DataLoader), asyncio.CancelledError)


@pytest.mark.parametrize("shielded", [True, False])
def test_compiled_plans_alone_load_without_shields(shielded: bool) -> None:
    from resolvers.context import Loaders

    loaders = Loaders(caches=None, syncer=None, shielded=shielded)  # type: ignore[arg-type]
    assert isinstance(loaders.history, ShieldedLoader) is shielded
