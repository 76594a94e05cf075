"""Studio-compatible REST routes (filled in by the live-experiments work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.routing import BaseRoute

if TYPE_CHECKING:
    from gitstudio.app import State


def studio_routes(state: State) -> list[BaseRoute]:
    return []
