"""The per-request context of GraphQL execution, the same on every transport."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resolvers.context import Context
from storage.live import images_root
from storage.tokens import Principal

if TYPE_CHECKING:
    from gitstudio.app import State


def make_context(state: State, principal: Principal | None, cache: bool = True) -> Context:
    """The context of one request (or, with ``cache=False``, of one websocket event)."""
    return Context(
        principal=principal,
        syncer=state.syncer,
        max_page_size=state.settings.max_page_size,
        base_url=state.settings.base_url,
        bus=state.bus,
        scheduler=state.sync_scheduler,
        caches=state.caches,
        cache=cache,
        live_images=images_root(state.settings.data_dir),
    )
