"""GraphQL over websockets (filled in by the subscriptions work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from starlette.routing import BaseRoute

if TYPE_CHECKING:
    from gitstudio.app import State


def websocket_routes(state: State, schema: strawberry.Schema) -> list[BaseRoute]:
    return []
