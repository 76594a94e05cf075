"""Hostile websocket traffic on /graphql, over both graphql-transport-ws and the legacy
graphql-ws: malformed frames, unknown message types, subscribing before init, bad tokens,
duplicate ids, oversized and binary frames. The app is driven over ASGI in process (the same
app and database as the other cases): each case ends in the expected close code or a typed
error message, and changes nothing."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from corpus import (
    BAD_ID,
    PARSE,
    REFUSED_REPO,
    REQUEST_TIMEOUT,
    VALIDATION,
    _codes,
    assert_unique_names,
)
from harness import Hostile, error_codes

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
SUBSCRIBE = {TRANSPORT_WS: "subscribe", LEGACY_WS: "start"}
TOO_BIG = (1009, 4400, 4413)  # a message past the size bound
# Seconds to wait for the app's next message: a socket left hanging fails the case.
WS_TIMEOUT = 10.0


class Socket:
    """A websocket client speaking raw ASGI to the app."""

    def __init__(self, env: Hostile, subprotocols: list[str], headers: list[tuple[bytes, bytes]]):
        self.to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        scope = {
            "type": "websocket", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
            "headers": [(b"host", b"testserver"), *headers], "subprotocols": subprotocols,
            "scheme": "ws", "server": ("testserver", 80), "client": ("127.0.0.1", 5000),
            "root_path": "", "asgi": {"version": "3.0"},
        }  # fmt: skip
        self.task = asyncio.create_task(env.app(scope, self.to_app.get, self.from_app.put))
        self.to_app.put_nowait({"type": "websocket.connect"})

    async def send(self, message: Any) -> None:
        if isinstance(message, bytes):
            await self.to_app.put({"type": "websocket.receive", "bytes": message})
        else:
            text = message if isinstance(message, str) else json.dumps(message)
            await self.to_app.put({"type": "websocket.receive", "text": text})

    async def next(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.from_app.get(), WS_TIMEOUT)

    async def outcome(self) -> tuple[int | None, list[dict[str, Any]]]:
        """Messages until the app closes the socket (its close code) or sends an error or
        complete for an operation (code None)."""
        received: list[dict[str, Any]] = []
        while True:
            event = await self.next()
            if event["type"] == "websocket.close":
                return int(event.get("code", 1000)), received
            if event["type"] == "websocket.send":
                message = json.loads(event.get("text") or event.get("bytes") or "null")
                received.append(message)
                if message.get("type") in ("error", "complete"):
                    return None, received

    async def close(self) -> None:
        await self.to_app.put({"type": "websocket.disconnect", "code": 1000})
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self.task, REQUEST_TIMEOUT)


@dataclass(frozen=True)
class Ws:
    """Frames sent after the handshake; ``close`` the expected close code(s), or ``codes``
    the GraphQL codes of an error message when the socket stays open."""

    name: str
    protocol: str
    frames: Callable[[Hostile], list[Any]]
    close: int | tuple[int, ...] | None = None
    codes: frozenset[str] = frozenset()
    subprotocols: list[str] | None = None
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.name}-{self.protocol}"


def init(scope: str | None = "READ") -> Callable[[Hostile], dict[str, Any]]:
    return lambda env: {
        "type": "connection_init",
        "payload": {"Authorization": f"token {env.tokens.get(scope or '', scope)}"}
        if scope
        else {},
    }


def sub(
    protocol: str, query: str, variables: Any = None, op_id: Any = "1"
) -> Callable[[Hostile], dict[str, Any]]:
    return lambda env: {
        "id": op_id,
        "type": SUBSCRIBE[protocol],
        "payload": {
            "query": query,
            "variables": variables(env) if callable(variables) else variables or {},
        },
    }


EVENTS = "subscription($p: ID!) { projectEvents(projectId: $p) { type } }"


def alpha(env: Hostile) -> dict[str, str]:
    return {"p": env.projects["alpha"].id}


def frames(*parts: Any) -> Callable[[Hostile], list[Any]]:
    return lambda env: [p(env) if callable(p) else p for p in parts]


def _big() -> str:
    return json.dumps({"type": "ping", "payload": {"x": "a" * (16 * 1024 * 1024)}})


CREATE = "mutation($u: String!) { createProject(input: {repoUrl: $u}) { errors { code } } }"
DELETE = "mutation($id: ID!) { deleteProject(id: $id) { errors { code } } }"


def errors(
    name: str, query: str, variables: Any, codes: frozenset[str], scope: str = "READ"
) -> list[Ws]:
    """An operation the socket answers with a typed error message (and stays open), on both
    protocols."""
    return [
        Ws(name, protocol, frames(init(scope), sub(protocol, query, variables)), codes=codes)
        for protocol in (TRANSPORT_WS, LEGACY_WS)
    ]


def both(name: str, make: Callable[[str], Ws | None]) -> list[Ws]:
    return [case for case in (make(TRANSPORT_WS), make(LEGACY_WS)) if case is not None]


CASES: list[Ws] = [
    Ws("no-subprotocol", TRANSPORT_WS, frames(), 4406, subprotocols=[]),
    Ws("unknown-subprotocol", TRANSPORT_WS, frames(), 4406, subprotocols=["graphql-evil"]),
    *[
        case
        for name, parts, code in [
            ("not-json", ["{nope"], 4400),
            ("json-array", ["[]"], 4400),
            ("json-null", ["null"], 4400),
            ("no-type", [{"id": "1"}], 4400),
            ("type-number", [{"type": 5}], 4400),
            ("binary-garbage", [b"\xff\xfe\x00"], 4400),
            ("subscribe-before-init", ["SUB"], 4401),
            ("init-bad-token", [init("dsat_" + "z" * 48)], 4401),
            ("init-payload-list", [{"type": "connection_init", "payload": [1, 2]}], 4401),
            ("init-payload-string", [{"type": "connection_init", "payload": "token x"}], 4401),
            ("init-token-not-string", [{"type": "connection_init", "payload": {"token": 5}}], 4401),
            (
                "init-token-900kb",
                [{"type": "connection_init", "payload": {"token": "t" * 900_000}}],
                4401,
            ),
            ("oversized-frame", [init(), "BIG"], TOO_BIG),
        ]
        for case in both(
            name,
            lambda protocol, parts=parts, code=code, name=name: Ws(
                name,
                protocol,
                frames(
                    *[
                        sub(protocol, EVENTS, alpha) if p == "SUB" else _big() if p == "BIG" else p
                        for p in parts
                    ]
                ),
                code,
            ),
        )
    ],
    Ws("unknown-type", TRANSPORT_WS, frames(init(), {"type": "explode"}), 4400),
    Ws("double-init", TRANSPORT_WS, frames(init(), init()), 4429),
    Ws(
        "subscribe-no-id",
        TRANSPORT_WS,
        frames(init(), sub(TRANSPORT_WS, EVENTS, alpha, None)),
        4400,
    ),
    Ws(
        "subscribe-empty-id",
        TRANSPORT_WS,
        frames(init(), sub(TRANSPORT_WS, EVENTS, alpha, "")),
        4400,
    ),
    Ws(
        "subscribe-payload-not-object",
        TRANSPORT_WS,
        frames(init(), {"id": "1", "type": "subscribe", "payload": [1]}),
        4400,
    ),
    Ws(
        "subscribe-query-not-string",
        TRANSPORT_WS,
        frames(init(), {"id": "1", "type": "subscribe", "payload": {"query": 5}}),
        4400,
    ),
    Ws(
        "duplicate-id",
        TRANSPORT_WS,
        frames(init(), sub(TRANSPORT_WS, EVENTS, alpha), sub(TRANSPORT_WS, EVENTS, alpha)),
        4409,
    ),
    *errors("syntax-error", "subscription {", None, PARSE),
    *errors("unknown-field", "subscription { nosuch }", None, VALIDATION),
    *errors("project-id-garbage", EVENTS, {"p": "garbage"}, BAD_ID),
    *errors(
        "project-id-huge",
        EVENTS,
        {"p": "UHJvamVjdDo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"},
        BAD_ID | {"(null)"},
    ),
    *errors(
        "mutation-outside-roots",
        CREATE,
        lambda e: {"u": str(e.outside_root / "victim")},
        REFUSED_REPO | {"BAD_REQUEST"},
        "ADMIN",
    ),
    *errors(
        "mutation-with-read-token",
        DELETE,
        lambda e: {"id": e.projects["alpha"].id},
        frozenset({"FORBIDDEN", "BAD_REQUEST"}),
    ),
    Ws(
        "foreign-origin",
        TRANSPORT_WS,
        frames(init()),
        (403, 4403, 1008),
        headers=[(b"origin", b"https://evil.example")],
    ),
    *[
        Ws(
            "operations-past-limit",
            protocol,
            lambda e, p=protocol: _many(e, p),
            codes=frozenset({"TOO_MANY_OPERATIONS"}),
        )
        for protocol in (TRANSPORT_WS, LEGACY_WS)
    ],
]


def _many(env: Hostile, protocol: str) -> list[Any]:
    """One subscription more than a socket may hold (GITSTUDIO_WS_MAX_OPERATIONS)."""
    count = env.settings.ws_max_operations + 1
    return [init()(env), *(sub(protocol, EVENTS, alpha, str(i))(env) for i in range(count))]


def test_case_names_are_unique() -> None:
    assert_unique_names(CASES)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_hostile_websocket(hostile: Hostile, case: Ws) -> None:
    before = await hostile.snapshot()
    protocols = [case.protocol] if case.subprotocols is None else case.subprotocols
    socket = Socket(hostile, protocols, case.headers)
    try:
        first = await socket.next()
        if first["type"] == "websocket.close":  # refused at the handshake
            assert case.close is not None and first.get("code", 1000) in _ints(case.close), first
            return
        assert first["type"] == "websocket.accept", first
        for frame in case.frames(hostile):
            await socket.send(frame)
        code, received = await socket.outcome()
        if case.close is not None:
            assert code in _ints(case.close), (code, received)
        else:
            assert code is None, (code, received)
            codes = [c for m in received for c in _message_codes(m)]
            wanted = _codes(case.codes)
            assert wanted & set(codes) or ("(null)" in wanted and _all_null(received)), received
        await hostile.assert_unchanged(before)
    finally:
        await socket.close()
        await hostile.restore(before)


def _ints(value: int | tuple[int, ...]) -> tuple[int, ...]:
    return (value,) if isinstance(value, int) else value


def _message_codes(message: dict[str, Any]) -> list[str]:
    payload = message.get("payload")
    if message.get("type") == "error" and isinstance(payload, list):
        return error_codes({"errors": payload})
    if message.get("type") == "error" and isinstance(payload, dict) and "message" in payload:
        return error_codes({"errors": [payload]})  # the legacy protocol's one error
    if isinstance(payload, dict):
        return error_codes(payload)
    return []


def _all_null(received: list[dict[str, Any]]) -> bool:
    return any(
        m.get("type") in ("next", "data") and not (m.get("payload") or {}).get("errors")
        for m in received
    )
