"""``POST /graphql`` with a JSON body: the thin, fast path.

A request is authenticated (cached), its JSON read with orjson, its document taken from the
validated-documents cache and executed by its compiled plan (schema.plans), or by
graphql-core directly on strawberry's schema when it has none or the plan gives up.
strawberry's own view keeps serving what this path does not: ``GET /graphql`` (GraphiQL)
and other content types. Every request needs a valid token (401 before any parsing).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import orjson
from graphql import ExecutionResult, GraphQLError, OperationType, execute
from starlette.types import ASGIApp, Receive, Scope, Send

from gitstudio.asgi import Disconnected, read_body, send_json
from gitstudio.auth import principal_from_raw
from gitstudio.graphql_app import make_context
from schema.plans import Abandon

if TYPE_CHECKING:
    from gitstudio.app import State
    from schema import Schema

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000

Sender = Callable[[int, bytes], Awaitable[None]]


class FastGraphQL:
    def __init__(self, schema: Schema, state: State, fallback: ASGIApp) -> None:
        self._schema = schema
        self._state = state
        self._fallback = fallback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self._fallback(scope, receive, send)
            return
        headers = dict(scope["headers"])

        async def reply(status: int, body: bytes) -> None:
            await send_json(send, status, body)

        principal = await principal_from_raw(headers)
        if principal is None:
            await reply(401, _errors("a valid access token is required", "UNAUTHENTICATED"))
            return
        if not headers.get(b"content-type", b"").startswith(b"application/json"):
            scope.setdefault("state", {})["principal"] = principal
            await self._fallback(scope, receive, send)  # multipart etc.: strawberry's view
            return
        try:
            body = await read_body(receive, MAX_BODY)
        except Disconnected:
            return  # nobody reads an answer
        if body is None:
            await reply(413, _errors(f"request body larger than {MAX_BODY} bytes", "TOO_LARGE"))
            return
        status, payload = await self._run(body, principal)
        await reply(status, payload)

    async def _run(self, body: bytes, principal: Any) -> tuple[int, bytes]:
        try:
            request = orjson.loads(body)
        except orjson.JSONDecodeError:
            return 400, _errors("body is not valid JSON", "BAD_REQUEST")
        if not isinstance(request, dict) or not isinstance(request.get("query"), str):
            return 400, _errors("body must be a JSON object with a 'query' string", "BAD_REQUEST")
        variables = request.get("variables")
        operation_name = request.get("operationName")
        if variables is not None and not isinstance(variables, dict):
            return 400, _errors("'variables' must be an object", "BAD_REQUEST")
        document = self._schema.documents.get(request["query"], variables, operation_name)
        if document.node is None:
            return 200, _result(ExecutionResult(None, list(document.errors)))
        if document.operation_type(operation_name) is OperationType.SUBSCRIPTION:
            return 400, _errors(
                "subscriptions need a websocket (graphql-transport-ws)", "BAD_REQUEST"
            )
        plan = self._schema.documents.plan(document, operation_name)
        if plan is not None:
            try:
                data = await plan.execute(make_context(self._state, principal), variables)
            except Abandon:
                pass  # graphql-core runs it again, with a fresh context, and reports the error
            else:
                return 200, orjson.dumps({"data": data}, option=orjson.OPT_NON_STR_KEYS)
        result = execute(
            self._schema._schema,
            document.node,
            context_value=make_context(self._state, principal),
            variable_values=variables,
            operation_name=operation_name,
        )
        if not isinstance(result, ExecutionResult):
            result = await result
        _log_unexpected(result)
        return 200, _result(result)


def _errors(message: str, code: str) -> bytes:
    return orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})


def _result(result: ExecutionResult) -> bytes:
    out: dict[str, Any] = {"data": result.data}
    if result.errors:
        out["errors"] = [e.formatted for e in result.errors]
    return orjson.dumps(out, option=orjson.OPT_NON_STR_KEYS)


def _log_unexpected(result: ExecutionResult) -> None:
    for error in result.errors or ():
        original = error.original_error
        if original is not None and not isinstance(original, GraphQLError):
            log.error("error in %s", error.path, exc_info=original)
