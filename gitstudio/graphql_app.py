"""The GraphQL endpoint: strawberry's ASGI app with our context, auth and GraphiQL."""

from __future__ import annotations

from typing import Any

import orjson
import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gitstudio.auth import principal_from
from resolvers.context import Context, Loaders
from sync.service import ProjectSyncer


class GraphQLApp(GraphQL[Context, None]):
    def __init__(
        self, schema: strawberry.Schema, syncer: ProjectSyncer, max_page_size: int, base_url: str
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=False)
        self._syncer = syncer
        self._max_page_size = max_page_size
        self._base_url = base_url

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        # GuardedGraphQL already authenticated HTTP requests; reuse its answer.
        principal = request.scope.get("state", {}).get("principal") or await principal_from(
            request.headers
        )
        return Context(
            principal=principal,
            syncer=self._syncer,
            max_page_size=self._max_page_size,
            base_url=self._base_url,
            loaders=Loaders(cache=not isinstance(request, WebSocket)),
        )

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)

    def decode_json(self, data: str | bytes) -> Any:
        return orjson.loads(data)
