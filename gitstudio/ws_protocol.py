"""The two GraphQL-over-websocket subprotocols: their message names and frames.

``graphql-transport-ws`` (graphql-ws library, the current one) and the legacy ``graphql-ws``
(subscriptions-transport-ws, Apollo). Frames are JSON text; ``next``/``data`` frames are
built by splicing a payload serialized once into a per-subscriber head.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"

# Close codes (graphql-transport-ws; the legacy protocol reuses the auth ones).
BAD_REQUEST = 4400
UNAUTHORIZED = 4401
SUBPROTOCOL_NOT_ACCEPTABLE = 4406
INIT_TIMEOUT = 4408
DUPLICATE_ID = 4409
TOO_MANY_INIT = 4429
TOO_SLOW = 4429
TOO_MANY_CONNECTIONS = 4429  # of one token (the 429 of HTTP, as the protocol's other 44xx)
MESSAGE_TOO_BIG = 1009  # RFC 6455: a message larger than the endpoint accepts


@dataclass(frozen=True, slots=True)
class Subprotocol:
    name: str
    subscribe: str  # client starts an operation
    stop: str  # client stops an operation
    next: str  # server sends a result
    errors_as_list: bool  # "error" payload: a list of errors, or the first one
    keep_alive: bool  # server sends "ka" periodically

    def head(self, op_id: str) -> str:
        """A result frame up to its payload; the frame is ``head + payload + "}"``."""
        return f'{{"id":{orjson.dumps(op_id).decode()},"type":"{self.next}","payload":'

    def error(self, op_id: str, errors: list[dict[str, Any]]) -> str:
        errors = errors or [{"message": "the operation failed"}]
        body = errors if self.errors_as_list else errors[0]
        return frame({"id": op_id, "type": "error", "payload": body})

    def complete(self, op_id: str) -> str:
        return frame({"id": op_id, "type": "complete"})


GRAPHQL_TRANSPORT_WS = Subprotocol(TRANSPORT_WS, "subscribe", "complete", "next", True, False)
GRAPHQL_WS = Subprotocol(LEGACY_WS, "start", "stop", "data", False, True)
SUBPROTOCOLS = {p.name: p for p in (GRAPHQL_TRANSPORT_WS, GRAPHQL_WS)}


def choose(offered: list[str]) -> Subprotocol | None:
    """The client's offer, preferring the current protocol."""
    for name in (TRANSPORT_WS, LEGACY_WS):
        if name in offered:
            return SUBPROTOCOLS[name]
    return None


def frame(message: dict[str, Any]) -> str:
    return orjson.dumps(message, option=orjson.OPT_NON_STR_KEYS).decode()
