"""GraphQL over websockets at ``/graphql``: ``graphql-transport-ws`` and the legacy
``graphql-ws`` subprotocol, for subscriptions, queries and mutations.

The token comes in the ``connection_init`` payload (``Authorization``/``authorization``:
``token X`` or ``Bearer X``; or ``token``), else from the upgrade request's
``Authorization`` header, else from a browser's session cookie (gitstudio/sessions.py) when
the upgrade's ``Origin`` is this server's own: a page of another site must not open a
websocket as its visitor (cross-site websocket hijacking), so a cookie sent from elsewhere
is refused (4403). Subscriptions are shared (gitstudio/ws_fanout.py): a subscriber
runs its subscribe resolver (scope check, arguments) and its own catch-up, then joins the
group that executes each live event once for all.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

import orjson
from graphql import ExecutionResult, GraphQLError, OperationType
from graphql.execution import create_source_event_stream, map_source_to_response_event
from starlette.datastructures import Headers
from starlette.routing import BaseRoute, WebSocketRoute
from starlette.types import Receive, Scope, Send

from gitstudio.auth import token_from_header
from gitstudio.graphql_app import make_context
from gitstudio.graphql_errors import VALIDATION_FAILED, internal_error, request_error
from gitstudio.sessions import session_secret
from gitstudio.ws_documents import (
    Documents,
    Operation,
    Prepared,
    execute_event,
    formatted,
    is_awaitable,
    payload,
)
from gitstudio.ws_fanout import Group, Hub, Member, Outbox
from gitstudio.ws_protocol import (
    BAD_REQUEST,
    DUPLICATE_ID,
    GRAPHQL_TRANSPORT_WS,
    INIT_TIMEOUT,
    MESSAGE_TOO_BIG,
    SUBPROTOCOL_NOT_ACCEPTABLE,
    TOO_MANY_CONNECTIONS,
    TOO_MANY_INIT,
    TOO_SLOW,
    UNAUTHORIZED,
    Subprotocol,
    choose,
    frame,
)
from resolvers.live import EventStream
from storage import queries, telemetry
from storage.access import View, view
from storage.sessions import session_principal
from storage.tokens import ANONYMOUS, Principal, authenticate

if TYPE_CHECKING:
    from gitstudio.app import State
    from schema import Schema

log = logging.getLogger(__name__)

# A session cookie sent from another origin: refused (as HTTP's 403).
CROSS_ORIGIN_COOKIE = 4403
INIT_WAIT = 10.0  # seconds to receive connection_init
KEEP_ALIVE = 12.0  # seconds between "ka" messages (legacy protocol)
CLOSE_WAIT = 30.0  # seconds to hand the close frame to a client that does not read


class GraphQLWebSocket:
    """The ASGI endpoint: one :class:`Connection` per websocket."""

    hot = True  # served by gitstudio.asgi.HotRoutes directly, past Starlette's router

    def __init__(self, state: State, schema: Schema) -> None:
        self.state = state
        self.documents = Documents(schema)
        self.hub = Hub()
        self.queue_limit = state.settings.ws_send_queue
        self.max_operations = state.settings.ws_max_operations
        self.max_message = state.settings.ws_max_message_bytes
        self.max_per_token = state.settings.ws_max_connections_per_token
        self.max_anonymous = state.settings.ws_max_anonymous_connections
        self.per_token: dict[int, int] = {}  # open authenticated websockets by token id
        self.collect_every = state.settings.ws_collect_every
        self.since_collect = 0  # subscriptions gone live since the last collection

    def went_live(self) -> None:
        """Count a subscription that went live; collect cyclic garbage every
        ``collect_every`` of them. Starting one leaves its own executor, context and loaders
        behind in reference cycles (graphql-core's executors refer to themselves), promoted
        to the oldest generation while the catch-up is read; ``serve`` collects that
        generation rarely (gc.freeze, high thresholds), so without this, thousands of
        subscribers starting hold several KiB of garbage each, and the memory is never
        given back to later connections."""
        self.since_collect += 1
        if self.collect_every and self.since_collect >= self.collect_every:
            self.since_collect = 0
            gc.collect()

    def admit(self, principal: Principal) -> bool:
        """Count a connection of ``principal``'s token, unless it has as many as allowed
        (ANONYMOUS: every connection without credentials, together)."""
        held = self.per_token.get(principal.token_id, 0)
        if held >= self.limit_of(principal):
            return False
        self.per_token[principal.token_id] = held + 1
        return True

    def limit_of(self, principal: Principal) -> int:
        return self.max_anonymous if principal is ANONYMOUS else self.max_per_token

    def release(self, principal: Principal) -> None:
        left = self.per_token.pop(principal.token_id, 1) - 1
        if left > 0:
            self.per_token[principal.token_id] = left

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        connection = Connection(self, scope, receive, send)
        telemetry.websocket_opened()
        try:
            await connection.serve()
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if not connection.aborted or task is None:
                raise
            task.uncancel()
        finally:
            telemetry.websocket_opened(-1)


class Op:
    """One operation of a connection: its task while it starts, then its group member."""

    __slots__ = ("id", "member", "name", "outcome", "task", "valid")

    def __init__(self, op_id: str) -> None:
        self.id = op_id
        self.task: asyncio.Task[None] | None = None
        self.member: Member | None = None
        self.outcome = "ok"  # or rejected (before execution), error (/metrics' label)
        self.name: str | None = None  # the operation's name, once its document is read
        self.valid = False  # its document validated and holds the operation named

    def cancel(self) -> None:
        if self.task is not None and self.task is not asyncio.current_task():
            self.task.cancel()
        member = self.member
        if member is not None and member.group is not None:
            member.group.remove(member)


class Connection:
    # Slots: ten thousand idle subscribers are ten thousand of these.
    __slots__ = (
        "aborted",
        "acked",
        "anonymous",
        "closed",
        "cookie_session",
        "dropped",
        "endpoint",
        "header_auth",
        "init_received",
        "main",
        "ops",
        "outbox",
        "principal",
        "protocol",
        "receive",
        "scope",
        "send",
        "tasks",
        "timer",
        "token",
    )

    def __init__(self, endpoint: GraphQLWebSocket, scope: Scope, receive: Receive, send: Send):
        self.endpoint = endpoint
        self.scope = scope
        self.receive = receive
        self.send = send
        self.protocol: Subprotocol = GRAPHQL_TRANSPORT_WS
        self.outbox = Outbox(send, endpoint.queue_limit)
        self.ops: dict[str, Op] = {}
        self.principal: Principal | None = None  # None: anonymous, or not yet initialised
        self.acked = False  # connection_init accepted
        self.anonymous = False  # accepted without credentials
        self.token: str | None = None  # its secret, to authenticate again (may_stay)
        self.init_received = False
        self.closed = False
        self.dropped = False  # closed as too slow
        self.aborted = False
        self.main: asyncio.Task[Any] | None = None
        self.tasks: set[asyncio.Task[None]] | None = None  # made by the first background()
        self.timer: asyncio.TimerHandle | None = None  # until connection_init
        # The upgrade request's Authorization header, read before accepting: the lean
        # protocol (gitstudio/ws_server.py) lets go of the request headers once accepted.
        self.header_auth: str | None = None
        # The session cookie's secret, read then too: "" when it came from another origin.
        self.cookie_session: str | None = None

    # -- lifecycle --------------------------------------------------------------------------

    async def serve(self) -> None:
        self.main = asyncio.current_task()
        if (await self.receive())["type"] != "websocket.connect":
            return
        protocol = choose(list(self.scope.get("subprotocols") or ()))
        if protocol is None:
            await self.send({"type": "websocket.accept"})
            await self.send(
                {
                    "type": "websocket.close",
                    "code": SUBPROTOCOL_NOT_ACCEPTABLE,
                    "reason": "Subprotocol not acceptable",
                }
            )
            return
        self.protocol = protocol
        headers = Headers(scope=self.scope)
        self.header_auth = headers.get("authorization")
        if self.header_auth is None:
            self.cookie_session = session_secret(headers.get("cookie"))
            policy = self.endpoint.state.sessions
            if self.cookie_session and not policy.same_origin(headers.get, required=True):
                self.cookie_session = ""
        await self.send({"type": "websocket.accept", "subprotocol": protocol.name})
        self.timer = asyncio.get_running_loop().call_later(INIT_WAIT, self._init_timeout)
        try:
            while True:
                message = await self.receive()
                if message["type"] == "websocket.disconnect":
                    break
                text = message.get("text")
                if text is None:
                    text = (message.get("bytes") or b"").decode("utf-8", "replace")
                if len(text) > self.endpoint.max_message:  # checked before any parsing
                    limit = self.endpoint.max_message
                    await self.close(MESSAGE_TOO_BIG, f"message larger than {limit} bytes")
                    break
                await self.handle(text)
        finally:
            if self.timer is not None:
                self.timer.cancel()
            if self.acked:
                self.endpoint.release(self.principal or ANONYMOUS)
            self.leave_all()
            for task in self.tasks or ():
                task.cancel()
            await self.outbox.stop()

    def background(self, work: Coroutine[Any, Any, None]) -> None:
        if self.tasks is None:
            self.tasks = set()
        task = asyncio.create_task(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def close(self, code: int, reason: str, flush: bool = False) -> None:
        """Close the websocket: stop every operation, optionally send what is queued."""
        if self.closed:
            return
        self.closed = True
        self.leave_all()
        if flush:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.outbox.drained(), CLOSE_WAIT)
        await self.outbox.stop()
        try:
            message = {"type": "websocket.close", "code": code, "reason": reason}
            await asyncio.wait_for(self.send(message), CLOSE_WAIT)
        except (TimeoutError, OSError, RuntimeError):
            # The client does not read (or is gone): stop serving it.
            self.aborted = True
            if self.main is not None:
                self.main.cancel()

    def leave_all(self) -> None:
        for op in self.ops.values():
            op.cancel()
        self.ops.clear()

    def _init_timeout(self) -> None:
        if not self.init_received:
            self.background(self.close(INIT_TIMEOUT, "Connection initialisation timeout"))

    # -- the Peer side of group members -----------------------------------------------------

    def too_slow(self) -> None:
        if not (self.closed or self.dropped):
            self.dropped = True
            client = self.scope.get("client") or ("?", 0)
            log.warning("closing websocket %s:%s: subscriber too slow", *client)
            telemetry.dropped_slow_subscriber()
            self.leave_all()
            self.background(self.close(TOO_SLOW, "subscriber too slow"))

    def ended(self, member: Member) -> None:
        op = self.ops.get(member.id)
        if op is not None and op.member is member:
            self.finish(op)

    def withdrawn(self, member: Member) -> None:
        op = self.ops.get(member.id)
        if op is not None and op.member is member:
            message = "you may no longer read this project"
            self.fail(op, [request_error(message, "FORBIDDEN")])

    async def may_stay(self, member: Member) -> bool:
        return await self.view_of(member.project_id) == member.view

    async def view_of(self, project_id: int) -> View | None:
        """What this connection's token sees of the project now (storage.access.view),
        from the app's caches: None when it may not read it, or its credentials ended."""
        principal = await self.principal_now()
        found = await queries.projects_by_ids([project_id], self.endpoint.state.caches.projects)
        project = found.get(project_id)
        if principal is None or project is None:
            return None
        return view(principal, project)

    # -- messages ---------------------------------------------------------------------------

    async def handle(self, text: str) -> None:
        try:
            message = orjson.loads(text)
        except orjson.JSONDecodeError:
            message = None
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.close(BAD_REQUEST, "Invalid message received")
            return
        kind, protocol = message["type"], self.protocol
        if kind == "connection_init":
            await self.init(message.get("payload"))
        elif kind == protocol.subscribe:
            await self.start(message)
        elif kind == protocol.stop:
            self.stop(message.get("id"))
        elif kind == "ping" and not protocol.keep_alive:
            pong: dict[str, Any] = {"type": "pong"}
            if message.get("payload") is not None:
                pong["payload"] = message["payload"]
            self.outbox.push_control(frame(pong))
        elif kind == "pong":
            pass
        elif kind == "connection_terminate" and protocol.keep_alive:
            await self.close(1000, "")
        elif not protocol.keep_alive:
            await self.close(BAD_REQUEST, f"Unexpected message of type {kind!r}")

    async def init(self, params: Any) -> None:
        if self.init_received:
            if not self.protocol.keep_alive:
                await self.close(TOO_MANY_INIT, "Too many initialisation requests")
            return
        self.init_received = True
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        principal = await self.authenticate(params)
        if principal is None and self.cookie_session == "":
            message = "a session cookie is accepted from this server's own pages only"
            await self.refuse(CROSS_ORIGIN_COOKIE, message)
            return
        # no credentials at all: anonymous, who subscribes to PUBLIC projects only
        self.anonymous = principal is None and self.token is None and not self.cookie_session
        if principal is None and not self.anonymous:
            await self.refuse(UNAUTHORIZED, "a valid access token is required in connection_init")
            return
        who = principal or ANONYMOUS
        if not self.endpoint.admit(who):
            limit, whose = (
                self.endpoint.limit_of(who),
                "without credentials" if self.anonymous else "of this token",
            )
            await self.refuse(TOO_MANY_CONNECTIONS, f"more than {limit} websockets {whose}")
            return
        self.principal, self.acked = principal, True
        self.outbox.push_control('{"type":"connection_ack"}')
        if self.protocol.keep_alive:
            self.background(self._keep_alive())

    async def refuse(self, code: int, message: str) -> None:
        """Refuse the connection_init: the legacy protocol says why in a connection_error
        before closing; graphql-transport-ws says it in the close frame."""
        if self.protocol.keep_alive:
            error = {"type": "connection_error", "payload": {"message": message}}
            self.outbox.push_control(frame(error))
            reason = "Unauthorized" if code == UNAUTHORIZED else message
            await self.close(code, reason, flush=True)
        else:
            await self.close(code, "Unauthorized" if code == UNAUTHORIZED else message)

    async def authenticate(self, params: Any) -> Principal | None:
        """The token of the connection_init payload, else of the upgrade request, else its
        session cookie (from this server's own origin). A payload that is no object, or
        credentials that are no string, are credentials that fail (not anonymous)."""
        self.token = _credentials(params)
        if self.token is None:
            self.token = token_from_header(self.header_auth)
        return await self.principal_now(count_use=True)

    async def principal_now(self, count_use: bool = False) -> Principal | None:
        """Who this connection's token, or else its session cookie, is now (the app's
        caches): None once revoked, disabled, signed out or expired."""
        if self.anonymous:
            return ANONYMOUS
        caches = self.endpoint.state.caches
        if self.token is None and self.cookie_session:
            idle = self.endpoint.state.sessions.idle
            return await session_principal(self.cookie_session, caches.tokens, idle)
        if not self.token:
            return None
        return await authenticate(
            self.token, caches.tokens, caches.token_uses if count_use else None
        )

    async def _keep_alive(self) -> None:
        while True:
            self.outbox.push_control('{"type":"ka"}')
            await asyncio.sleep(KEEP_ALIVE)

    async def start(self, message: dict[str, Any]) -> None:
        if not self.acked:
            await self.close(UNAUTHORIZED, "Unauthorized")
            return
        op_id, body = message.get("id"), message.get("payload")
        if isinstance(op_id, int):
            op_id = str(op_id)
        if (
            not isinstance(op_id, str)
            or not op_id
            or not isinstance(body, dict)
            or not isinstance(body.get("query"), str)
        ):
            await self.close(BAD_REQUEST, "Invalid subscribe message")
            return
        if op_id in self.ops:
            if not self.protocol.keep_alive:
                await self.close(DUPLICATE_ID, f"Subscriber for {op_id} already exists")
                return
            self.ops.pop(op_id).cancel()
        if len(self.ops) >= self.endpoint.max_operations:
            limit = self.endpoint.max_operations
            error = {
                "message": f"more than {limit} operations on one websocket; complete some first",
                "extensions": {"code": "TOO_MANY_OPERATIONS"},
            }
            self.outbox.push_control(self.protocol.error(op_id, [error]))
            return
        op = self.ops[op_id] = Op(op_id)
        op.task = asyncio.create_task(self.run(op, body))

    def stop(self, op_id: Any) -> None:
        op = self.ops.pop(str(op_id), None)
        if op is None:
            return
        op.cancel()
        if self.protocol.keep_alive:
            self.outbox.push_control(self.protocol.complete(op.id))

    def fail(self, op: Op, errors: list[dict[str, Any]], outcome: str = "error") -> None:
        op.outcome = outcome
        if self.ops.get(op.id) is op:
            del self.ops[op.id]
            op.cancel()
            self.outbox.push_control(self.protocol.error(op.id, errors))

    def finish(self, op: Op) -> None:
        if self.ops.get(op.id) is op:
            del self.ops[op.id]
            op.cancel()
            self.outbox.push_control(self.protocol.complete(op.id))

    # -- operations -------------------------------------------------------------------------

    async def run(self, op: Op, body: dict[str, Any]) -> None:
        """Run an operation; /metrics times it (a subscription: until it is live)."""
        started = time.perf_counter()
        try:
            with telemetry.span("graphql", transport="ws") as span:
                await self.execute(op, body)
                if span is not None:
                    label = telemetry.operation_label(op.name) if op.valid else telemetry.REJECTED
                    span.update_name(f"graphql {label}")
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.fail(op, [internal_error(exc, "websocket operation")])
        finally:
            op.task = None  # a live subscription holds its member, not the finished task
        seconds = time.perf_counter() - started
        telemetry.observe_graphql(op.name, "ws", op.outcome, seconds, valid=op.valid)

    async def execute(self, op: Op, body: dict[str, Any]) -> None:
        variables, name = body.get("variables"), body.get("operationName")
        if variables is not None and not isinstance(variables, dict):
            self.fail(op, [request_error("variables must be an object")], "rejected")
            return
        if name is not None and not isinstance(name, str):
            self.fail(op, [request_error("operationName must be a string")], "rejected")
            return
        documents = self.endpoint.documents
        prepared = documents.prepare(body["query"], variables, name)
        if prepared.errors:
            self.fail(op, formatted(prepared.errors, VALIDATION_FAILED), "rejected")
            return
        operation = documents.operation(prepared, name)
        if isinstance(operation, GraphQLError):
            self.fail(op, formatted([operation]), "rejected")
            return
        op.name, op.valid = operation.name, True
        if operation.kind is OperationType.SUBSCRIPTION:
            await self.subscribe(op, prepared, operation, variables, name)
            return
        context = make_context(self.endpoint.state, self.principal)
        result = await documents.execute(prepared, context, variables, name)
        await self.outbox.put(f"{self.protocol.head(op.id)}{payload(result)}}}")
        self.finish(op)

    async def subscribe(
        self,
        op: Op,
        prepared: Prepared,
        operation: Operation,
        variables: dict[str, Any] | None,
        name: str | None,
    ) -> None:
        state, documents, principal = self.endpoint.state, self.endpoint.documents, self.principal
        context = make_context(state, principal, cache=False)
        executor = documents.executor(prepared, context, variables, name)
        if isinstance(executor, list):
            self.fail(op, formatted(executor))
            return
        source = create_source_event_stream(executor)
        if is_awaitable(source):
            source = await source
        if isinstance(source, ExecutionResult):
            self.fail(op, formatted(source.errors or []))
            return
        head = self.protocol.head(op.id)
        if not isinstance(source, EventStream):  # a plain source stream: executed per subscriber
            async for result in map_source_to_response_event(executor, source):  # type: ignore[arg-type]
                await self.outbox.put(f"{head}{payload(result)}}}")
            self.finish(op)
            return

        seen = await self.view_of(source.project_id)
        if seen is None:  # the guard let it in: it lost access since
            self.fail(op, [request_error("no such project", "NOT_FOUND")])
            return
        shared = {k: v for k, v in (variables or {}).items() if k not in operation.root_only}
        # subscribers share an execution only if they see the project alike
        key = (
            prepared.query,
            name,
            orjson.dumps(shared, option=orjson.OPT_SORT_KEYS),
            source.key,
            seen,
        )
        stream: EventStream[Any] = source

        def make_group() -> Group:
            context = make_context(state, principal, cache=False)
            group_executor = documents.executor(prepared, context, variables, name)
            assert not isinstance(group_executor, list)
            return Group(self.endpoint.hub, key, stream, group_executor)

        member = op.member = Member(self, op.id, head, source.project_id, seen)
        try:
            await self.endpoint.hub.join(key, member, make_group)
        except Exception:
            log.warning("could not subscribe to the event bus", exc_info=True)
            self.fail(op, [request_error("the event bus is unavailable", "SERVICE_UNAVAILABLE")])
            return
        caught = await stream.catch_up()
        if caught.items:
            replay = documents.executor(prepared, make_context(state, principal), variables, name)
            assert not isinstance(replay, list)
            for root, _marker in caught.items:
                await self.outbox.put(f"{head}{payload(await execute_event(replay, root))}}}")
        member.go_live(caught.overlap)
        self.endpoint.went_live()


def _credentials(params: Any) -> str | None:
    """The token a connection_init payload sends: None when it sends none, "" when what it
    sends cannot be one."""
    if params is None:
        return None
    if not isinstance(params, dict):
        return ""
    headers = params.get("headers")
    for source in (params, headers if isinstance(headers, dict) else {}):
        for key in ("Authorization", "authorization", "token"):
            value = source.get(key)
            if value is None:
                continue
            if not isinstance(value, str):
                return ""
            if key == "token":  # the bare token, or a header's value
                return token_from_header(value) or value.strip()
            return token_from_header(value) or ""
    return None


def websocket_routes(state: State, schema: Schema) -> list[BaseRoute]:
    return [WebSocketRoute("/graphql", GraphQLWebSocket(state, schema))]


__all__ = ["GraphQLWebSocket", "websocket_routes"]
