"""The GraphQL endpoint: strawberry's ASGI app with our context, auth and GraphiQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson
import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gitstudio.auth import principal_from
from resolvers.context import Context, Loaders
from storage.tokens import Principal

if TYPE_CHECKING:
    from gitstudio.app import State


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, schema: strawberry.Schema, state: State) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=False)
        self._state = state

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        # GuardedGraphQL already authenticated HTTP requests; reuse its answer.
        principal = request.scope.get("state", {}).get("principal") or await principal_from(
            request.headers
        )
        return make_context(self._state, principal, cache=not isinstance(request, WebSocket))

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)

    def decode_json(self, data: str | bytes) -> Any:
        return orjson.loads(data)


def make_context(state: State, principal: Principal | None, cache: bool = True) -> Context:
    """The context of one request (or, with ``cache=False``, of one websocket event)."""
    return Context(
        principal=principal,
        syncer=state.syncer,
        max_page_size=state.settings.max_page_size,
        base_url=state.settings.base_url,
        bus=state.bus,
        loaders=Loaders(cache=cache),
    )
