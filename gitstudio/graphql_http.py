"""``/graphql`` over HTTP, as the GraphQL-over-HTTP spec describes it: POST with a JSON body
and GET with URL parameters (queries only), through one pipeline.

A request is authenticated (401 before any parsing for a token that is not valid, tokens
cached; a request without credentials is anonymous), its parameters read
(the JSON body, or ``query``/``variables``/``operationName`` from the URL), its document
taken from the validated-documents cache (schema.documents: limits and query cost, the same
cache the websockets use) and executed by its compiled plan (schema.plans), or by
graphql-core when it has none or the plan gives up (counted, logged once per document:
:class:`PlanCounters`; ``GITSTUDIO_COMPILED_PLANS=0`` turns plans off). Errors are formatted
by :mod:`gitstudio.graphql_errors` as on every transport.

The answer is ``application/graphql-response+json`` when the client's ``Accept`` prefers it
(request errors are then 400), else ``application/json`` (legacy: 200 whenever the body was
a well-formed request). A browser's ``GET /graphql`` without a query gets GraphiQL.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import orjson
from graphql import DocumentNode, ExecutionResult, OperationType, execute
from starlette.types import ASGIApp, Receive, Scope, Send

from gitstudio.asgi import Disconnected, TooLarge, read_body, send_json
from gitstudio.auth import principal_from_raw
from gitstudio.graphql_app import make_context
from gitstudio.graphql_errors import (
    BAD_REQUEST,
    VALIDATION_FAILED,
    format_errors,
    internal_error,
    request_error,
)
from gitstudio.rest import HttpError
from schema.plans import Abandon
from storage import telemetry

if TYPE_CHECKING:
    from gitstudio.app import State
    from schema import Schema
    from schema.documents import Document
    from storage.tokens import Principal

log = logging.getLogger(__name__)

MAX_URL_PARAMS = 20  # query, variables, operationName, extensions: anything far past is junk

JSON = b"application/json"
GRAPHQL_RESPONSE = b"application/graphql-response+json"
_ACCEPTED = (JSON, GRAPHQL_RESPONSE)


@dataclass(frozen=True, slots=True)
class Params:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes
    # a request that never reached execution (document, variables, operation): 400 under
    # application/graphql-response+json, 200 under legacy application/json
    request_error: bool = False
    allow: bytes | None = None  # the Allow header of a 405
    failed: bool = False  # errors in the body of an executed request (/metrics' outcome)


class RequestError(Exception):
    """A malformed HTTP request: its status and the error to send."""

    def __init__(self, status: int, message: str, code: str = BAD_REQUEST) -> None:
        super().__init__(message)
        self.answer = Answer(status, _errors([request_error(message, code)]))


class PlanCounters:
    """How often queries ran on compiled plans and how often on graphql-core instead (read
    in process, e.g. ``app.state.gitstudio.plans``); each falling-back document is logged
    once."""

    __slots__ = ("_seen", "abandoned", "compiled", "not_compiled")

    def __init__(self) -> None:
        self.compiled = 0  # answered by a plan
        self.not_compiled = 0  # a query whose document has no plan (directives, unions...)
        self.abandoned = 0  # a plan gave up mid-run (an error): graphql-core answered
        # documents logged already, by a digest of the query and operation name (never the
        # text: 10,000 of up to 1 MB each)
        self._seen: set[tuple[bytes, bool]] = set()

    def fell_back(self, params: Params, abandoned: Abandon | None = None) -> None:
        """Count a query graphql-core answers: its document has no plan, or its plan gave
        up (``abandoned``); log it the first time for this document and operation."""
        if abandoned is None:
            self.not_compiled += 1
            reason = "its document has no compiled plan"
        else:
            self.abandoned += 1
            reason = f"its plan gave up ({abandoned})"
        key = (_digest(params.query, params.operation_name), abandoned is None)
        if key in self._seen:
            return
        if len(self._seen) >= 10_000:
            self._seen.clear()
        self._seen.add(key)
        log.info(
            "query %r (operation %s) runs on graphql-core: %s",
            params.query[:120],
            params.operation_name,
            reason,
        )


def _digest(query: str, operation_name: str | None) -> bytes:
    digest = hashlib.blake2b(query.encode("utf-8", "surrogatepass"), digest_size=16)
    if operation_name is not None:
        digest.update(b"\0" + operation_name.encode("utf-8", "surrogatepass"))
    return digest.digest()


class FastGraphQL:
    def __init__(self, schema: Schema, state: State, page: ASGIApp) -> None:
        self._schema = schema
        self._documents = schema.documents
        self._state = state
        self._page = page  # GraphiQL, for browsers
        self._plans = state.settings.compiled_plans
        self._max_body = state.settings.max_graphql_body_bytes
        self.counters = state.plans
        self._tokens = state.caches.tokens
        self._uses = state.caches.token_uses
        self._sessions = state.sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        headers = dict(scope["headers"])
        media = negotiate(headers.get(b"accept"))
        get = scope["method"] in ("GET", "HEAD")
        operation: str | None = None
        valid = False  # a parsed, validated document with the operation named
        try:
            if get and wants_page(headers.get(b"accept"), scope["query_string"]):
                await self._page(scope, receive, send)
                return
            answer, operation, valid = await self._answer(scope, receive, headers, get)
        except Disconnected:
            return  # gone while sending its body: nobody reads an answer
        except RequestError as exc:
            answer = exc.answer
        status = 400 if answer.request_error and media == GRAPHQL_RESPONSE else answer.status
        extra = ((b"allow", answer.allow),) if answer.allow else ()
        await send_json(send, status, answer.body, media, extra)
        telemetry.observe_graphql(
            operation, "http", _outcome(answer), time.perf_counter() - started, valid=valid
        )

    async def _answer(
        self, scope: Scope, receive: Receive, headers: dict[bytes, bytes], get: bool
    ) -> tuple[Answer, str | None, bool]:
        """The answer, the operation's name and whether the document was valid and held
        that operation (:meth:`_run`)."""
        try:  # a session cookie: a POST (a mutation, say) must prove it is same-origin
            principal = await principal_from_raw(
                headers, self._tokens, self._uses, self._sessions, scope["method"]
            )
        except HttpError as exc:
            raise RequestError(exc.status, exc.detail, exc.code) from None
        if principal is None and b"authorization" in headers:
            # credentials that are wrong are refused; none at all (or a session that ended)
            # is anonymous, who reads PUBLIC projects (each root field's guard says the rest)
            raise RequestError(401, "a valid access token is required", "UNAUTHENTICATED")
        if get:
            params = url_params(scope["query_string"])
        else:
            params = json_params(await _body(receive, headers, self._max_body))
        try:
            if telemetry.tracing_enabled():
                return await self._traced(params, principal, get)
            return await self._run(params, principal, read_only=get)
        except RequestError:
            raise
        except Exception as exc:  # a bug: masked, logged once, still a JSON answer
            where = f"{'GET' if get else 'POST'} /graphql"
            body = _errors([internal_error(exc, where)])
            return Answer(500, body, failed=True), None, False

    async def _traced(
        self, params: Params, principal: Principal | None, read_only: bool
    ) -> tuple[Answer, str | None, bool]:
        with telemetry.span("graphql", transport="http") as span:
            answer, name, valid = await self._run(params, principal, read_only)
            label = telemetry.operation_label(name) if valid else telemetry.REJECTED
            span.update_name(f"graphql {label}")
            span.set_attribute("graphql.operation.name", label)
            return answer, name, valid

    async def _run(
        self, params: Params, principal: Principal | None, read_only: bool
    ) -> tuple[Answer, str | None, bool]:
        """The answer, the name of the operation the document holds (None: anonymous) and
        whether there was one: False for an invalid document or an operationName it lacks
        (the name the caller sent is then no label of /metrics)."""
        document = self._documents.get(params.query, params.variables, params.operation_name)
        if document.node is None:
            body = _errors(format_errors(document.errors, VALIDATION_FAILED))
            return Answer(200, body, request_error=True), None, False
        operation = document.operation(params.operation_name)
        name = operation.name.value if operation and operation.name else None
        kind = operation.operation if operation else None
        answer = await self._execute(document.node, document, kind, params, principal, read_only)
        return answer, name, operation is not None

    async def _execute(
        self,
        node: DocumentNode,
        document: Document,
        kind: OperationType | None,
        params: Params,
        principal: Principal | None,
        read_only: bool,
    ) -> Answer:
        if kind is OperationType.SUBSCRIPTION:
            raise RequestError(400, "subscriptions need a websocket (graphql-transport-ws)")
        if read_only and kind is OperationType.MUTATION:
            message = "mutations are sent with POST; GET runs queries only"
            body = _errors([request_error(message, "METHOD_NOT_ALLOWED")])
            return Answer(405, body, allow=b"POST")
        if self._plans and kind is OperationType.QUERY:
            data = await self._planned(document, params, principal)
            if data is not None:
                return Answer(200, orjson.dumps({"data": data}, option=orjson.OPT_NON_STR_KEYS))
        result = execute(
            self._schema._schema,
            node,
            context_value=make_context(self._state, principal),
            variable_values=params.variables,
            operation_name=params.operation_name,
        )
        if not isinstance(result, ExecutionResult):
            result = await result
        return _result(result)

    async def _planned(
        self, document: Document, params: Params, principal: Principal | None
    ) -> dict[str, Any] | None:
        """The data by the compiled plan, or None when graphql-core must answer."""
        plan = self._documents.plan(document, params.operation_name)
        if plan is None:
            self.counters.fell_back(params)
            return None
        try:
            data = await plan.execute(
                make_context(self._state, principal, shielded=False), params.variables
            )
        except Abandon as exc:  # graphql-core runs it again, with a fresh context
            self.counters.fell_back(params, exc)
            return None
        self.counters.compiled += 1
        return data


def negotiate(accept: bytes | None) -> bytes:
    """The response media type: the one of ours the client ranks highest (an exact type
    beating a wildcard; ties go to the newer graphql-response+json); application/json when
    the client sends no Accept, only wildcards, or nothing we speak (the spec's legacy
    default, which every client reads)."""
    if not accept or accept == JSON or accept == b"*/*":
        return JSON
    best, best_rank = JSON, (0.0, 0)
    for media, q in _accept_entries(accept):
        if media in _ACCEPTED and q > 0:
            rank = (q, 2 if media == GRAPHQL_RESPONSE else 1)
            if rank > best_rank:
                best, best_rank = media, rank
    return best


def _accept_entries(accept: bytes) -> Iterable[tuple[bytes, float]]:
    for part in accept.split(b","):
        media, *options = part.split(b";")
        media = media.strip().lower()
        q = 1.0
        for option in options:
            name, _, value = option.strip().partition(b"=")
            if name.strip().lower() == b"q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        yield media, q


def wants_page(accept: bytes | None, query_string: bytes) -> bool:
    """A browser opening /graphql: asks for HTML and sends no query."""
    if not accept or b"text/html" not in accept:
        return False
    return not any(p.startswith(b"query=") for p in query_string.split(b"&"))


async def _body(receive: Receive, headers: dict[bytes, bytes], limit: int) -> bytes:
    if not headers.get(b"content-type", b"").startswith(JSON):
        raise RequestError(415, "POST /graphql takes an application/json body", "UNSUPPORTED")
    try:
        return await read_body(receive, headers, limit)
    except TooLarge:
        raise RequestError(413, f"request body larger than {limit} bytes", "TOO_LARGE") from None


def json_params(body: bytes) -> Params:
    try:
        request = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise RequestError(400, "body is not valid JSON") from None
    if not isinstance(request, dict):
        raise RequestError(400, "body must be a JSON object with a 'query' string")
    return _params(request.get("query"), request.get("variables"), request.get("operationName"))


def url_params(query_string: bytes) -> Params:
    try:
        pairs = parse_qsl(
            query_string.decode("utf-8", "replace"),
            keep_blank_values=True,
            max_num_fields=MAX_URL_PARAMS,
        )
    except ValueError:
        raise RequestError(400, f"more than {MAX_URL_PARAMS} URL parameters") from None
    values: dict[str, str] = {}
    for name, value in pairs:
        if name in values:
            raise RequestError(400, f"URL parameter {name!r} is given twice")
        values[name] = value
    variables: Any = None
    if values.get("variables"):
        try:
            variables = orjson.loads(values["variables"])
        except orjson.JSONDecodeError:
            raise RequestError(400, "'variables' must be a JSON object") from None
    return _params(values.get("query"), variables, values.get("operationName") or None)


def _params(query: Any, variables: Any, operation_name: Any) -> Params:
    if not isinstance(query, str) or not query:
        raise RequestError(400, "a 'query' string is required")
    if variables is not None and not isinstance(variables, dict):
        raise RequestError(400, "'variables' must be an object")
    if operation_name is not None and not isinstance(operation_name, str):
        raise RequestError(400, "'operationName' must be a string")
    return Params(query, variables or None, operation_name)


def _errors(errors: list[dict[str, Any]]) -> bytes:
    return orjson.dumps({"errors": errors})


def _result(result: ExecutionResult) -> Answer:
    errors = result.errors or []
    if result.data is None and errors and all(e.path is None for e in errors):
        # variables that do not coerce, an unknown operation: nothing was executed
        return Answer(200, _errors(format_errors(errors)), request_error=True)
    out: dict[str, Any] = {"data": result.data}
    if errors:
        out["errors"] = format_errors(errors)
    body = orjson.dumps(out, option=orjson.OPT_NON_STR_KEYS)
    return Answer(200, body, failed=bool(errors))


def _outcome(answer: Answer) -> str:
    """The outcome label of /metrics: rejected before execution (a request error, 4xx),
    error (errors while executing, a 500), or ok."""
    if answer.request_error or 400 <= answer.status < 500:
        return "rejected"
    return "error" if answer.failed or answer.status >= 500 else "ok"
