"""Subscriptions and access: a subscriber never receives an event of a project it may not
read. Subscribing needs READ on the project (unreadable is NOT_FOUND, as missing); the
shared execution of identical subscriptions groups only subscribers that see the project
alike; a subscriber whose access is withdrawn (removed from the team, the project made
PRIVATE, its token revoked) leaves with an error before the next event, while the others
keep receiving it. The real app in process, its websocket over ASGI, its in-memory bus."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from asgi_ws import AsgiWebSocket, raw_asgi_websocket
from starlette.routing import WebSocketRoute
from support import Api

from gitstudio.ws import GraphQLWebSocket
from schema.relay import from_global_id
from storage.models import Team, User
from storage.roles import Role
from storage.teams import add_member, create_team, remove_member
from storage.tokens import Scope, create_token, revoke_token
from storage.users import create_user
from sync.generate import RepoSpec, generate_repo

EVENTS = "subscription($p: ID!) { projectEvents(projectId: $p) { type } }"
CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id } errors { code message } } }"""
SYNC = "mutation($id: ID!) { syncProject(id: $id) { errors { code } } }"


def endpoint(api: Api) -> GraphQLWebSocket:
    app = api.client._transport.app  # type: ignore[attr-defined]
    for route in app.routes:
        if isinstance(route, WebSocketRoute) and route.path == "/graphql":
            found = route.app
            while not isinstance(found, GraphQLWebSocket):
                found = getattr(found, "app", None) or found.__wrapped__
            return found
    raise AssertionError("no websocket route")


async def until(check: Callable[[], bool], timeout: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


@asynccontextmanager
async def subscriber(api: Api, token: str, project: str) -> AsyncIterator[AsgiWebSocket]:
    app = api.client._transport.app  # type: ignore[attr-defined]
    async with raw_asgi_websocket(app) as ws:
        assert ws.first["type"] == "websocket.accept", ws.first
        await ws.send({"type": "connection_init", "payload": {"Authorization": f"token {token}"}})
        assert (await ws.receive())["type"] == "connection_ack"
        await ws.send({"id": "1", "type": "subscribe",
                       "payload": {"query": EVENTS, "variables": {"p": project}}})  # fmt: skip
        yield ws


async def members(api: Api) -> int:
    return sum(len(g.members) for g in endpoint(api).hub.groups.values())


class Scene:
    def __init__(self, api: Api, project: str, team: Team, users: dict[str, User]) -> None:
        self.api, self.project, self.team, self.users = api, project, team, users
        self.tokens: dict[str, str] = {}

    async def event(self) -> None:
        """A sync of the project: SYNC_STARTED and SYNC_FINISHED on its channel."""
        body = await self.api.gql(SYNC, {"id": self.project})
        assert body["data"]["syncProject"]["errors"] == [], body


@pytest.fixture
async def scene(api: Api, tmp_path: Path, unique: str) -> Scene:
    users = {w: await create_user(f"{w}-{unique}") for w in ("admin", "viewer", "editor")}
    team = await create_team(f"team-{unique}", users["admin"].id)
    await add_member(team.id, users["viewer"].id, Role.VIEWER)
    await add_member(team.id, users["editor"].id, Role.EDITOR)
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))
    scene = Scene(api, "", team, users)
    for who, user in users.items():
        _row, scene.tokens[who] = await create_token(who, frozenset({Scope.READ}), None, user.id)
    _row, writer = await create_token("w", frozenset({Scope.PROJECTS}), None, users["admin"].id)
    created = await api.gql(CREATE, {"input": {"repoUrl": str(repo), "name": f"p-{unique}",
                                               "team": team.name}}, token=writer)  # fmt: skip
    scene.project = created["data"]["createProject"]["project"]["id"]
    return scene


async def next_frame(ws: AsgiWebSocket) -> dict[str, Any]:
    return await ws.receive()


async def test_outsiders_cannot_subscribe_and_learn_nothing(
    scene: Scene, api: Api, unique: str
) -> None:
    outsider = await create_user(f"out-{unique}")
    _row, token = await create_token("o", frozenset({Scope.READ}), None, outsider.id)
    async with subscriber(api, token, scene.project) as ws:
        refused = await ws.receive()
    async with subscriber(api, token, "UHJvamVjdDoyMTQ3NDgzNjQ3") as ws:  # Project:2147483647
        missing = await ws.receive()
    assert refused["type"] == missing["type"] == "error"
    assert refused["payload"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (
        refused["payload"][0]["message"].split(" with id ")[0]
        == (missing["payload"][0]["message"].split(" with id ")[0])
    )


async def test_subscribers_share_an_execution_only_when_they_see_alike(
    scene: Scene, api: Api
) -> None:
    before = len(endpoint(api).hub.groups)
    async with (
        subscriber(api, scene.tokens["viewer"], scene.project) as viewer,
        subscriber(api, scene.tokens["editor"], scene.project) as editor,
        subscriber(api, scene.tokens["admin"], scene.project) as admin,
    ):
        await until(lambda: sum(len(g.members) for g in endpoint(api).hub.groups.values()) >= 3)
        assert len(endpoint(api).hub.groups) == before + 3  # three roles: three groups
        await scene.event()
        for ws in (viewer, editor, admin):
            assert (await ws.receive())["payload"]["data"]["projectEvents"]["type"] == (
                "SYNC_STARTED"
            )


async def test_a_withdrawn_subscriber_leaves_before_the_next_event_and_others_stay(
    scene: Scene, api: Api
) -> None:
    async with (
        subscriber(api, scene.tokens["viewer"], scene.project) as viewer,
        subscriber(api, scene.tokens["editor"], scene.project) as editor,
    ):
        await until(lambda: sum(len(g.members) for g in endpoint(api).hub.groups.values()) >= 2)
        await remove_member(scene.team.id, scene.users["viewer"].id)
        await scene.event()
        withdrawn = await viewer.receive()
        assert withdrawn["type"] == "error" and withdrawn["id"] == "1"
        assert withdrawn["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        got = await editor.receive()
        assert got["payload"]["data"]["projectEvents"]["type"] == "SYNC_STARTED"
        assert (await editor.receive())["payload"]["data"]["projectEvents"]["type"] == (
            "SYNC_FINISHED"
        )
        # nothing more reached the withdrawn one: its next frame is the answer to a ping
        await viewer.send({"type": "ping"})
        assert (await viewer.receive())["type"] == "pong"


async def test_making_a_project_private_or_revoking_the_token_withdraws_at_once(
    scene: Scene, api: Api, unique: str
) -> None:
    update = """mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
                  errors { code } } }"""
    public = {"input": {"id": scene.project, "visibility": "PUBLIC"}}
    assert (await api.gql(update, public))["data"]["updateProject"]["errors"] == []
    outsider = await create_user(f"reader-{unique}")
    row, token = await create_token("r", frozenset({Scope.READ}), None, outsider.id)
    async with (
        subscriber(api, token, scene.project) as reader,
        subscriber(api, scene.tokens["editor"], scene.project) as editor,
    ):
        await until(lambda: sum(len(g.members) for g in endpoint(api).hub.groups.values()) >= 2)
        private = {"input": {"id": scene.project, "visibility": "PRIVATE"}}
        assert (await api.gql(update, private))["data"]["updateProject"]["errors"] == []
        await scene.event()
        assert (await reader.receive())["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        assert (await editor.receive())["type"] == "next"
        assert (await editor.receive())["type"] == "next"
        await revoke_token(await _token_row(scene, "editor"))
        await scene.event()
        assert (await editor.receive())["payload"][0]["extensions"]["code"] == "FORBIDDEN"
    assert row.id > 0


async def _token_row(scene: Scene, who: str) -> int:
    from storage.models import AccessToken
    from storage.tokens import hash_token

    row = await AccessToken.get(token_hash=hash_token(scene.tokens[who]))
    return row.id


# -- the matrix, generated from the schema --------------------------------------------------


def subscription_documents() -> dict[str, str]:
    """One document per root subscription field, each on ``$p`` (a Project id): a new
    subscription taking something else fails here until the matrix knows it."""
    from schema import build_schema

    fields = build_schema()._schema.subscription_type.fields  # type: ignore[union-attr]
    documents = {}
    for name, field in fields.items():
        required = sorted(a for a, arg in field.args.items() if str(arg.type).endswith("!"))
        assert required == ["projectId"], (name, required)
        documents[name] = f"subscription($p: ID!) {{ {name}(projectId: $p) {{ __typename }} }}"
    return documents


async def test_every_subscription_admits_exactly_who_may_read_the_project(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """Every principal of the matrix of tests/test_permissions.py (anonymous too, on a
    websocket without credentials) subscribes to every subscription of every project: a
    reader joins, anyone else gets NOT_FOUND as for a project that does not exist; then an
    event reaches exactly the readers."""
    from test_permissions import PROJECTS, ROLE, build

    world = await build(api, tmp_path, unique)
    documents = subscription_documents()
    app = api.client._transport.app  # type: ignore[attr-defined]
    missing = "UHJvamVjdDoyMTQ3NDgzNjQ3"  # Project:2147483647
    for project in PROJECTS:
        gid = world.ids[project]["Project"]
        async with AsyncExitStack() as stack:
            sockets = {}
            for who in ROLE:
                ws = await stack.enter_async_context(raw_asgi_websocket(app))
                token = world.tokens[who]
                init = {"Authorization": f"token {token}"} if token else {}
                await ws.send({"type": "connection_init", "payload": init})
                assert (await ws.receive())["type"] == "connection_ack", who
                for n, document in enumerate(documents.values()):
                    for target, op in ((gid, f"{n}"), (missing, f"missing-{n}")):
                        await ws.send({"id": op, "type": "subscribe",
                                       "payload": {"query": document, "variables": {"p": target}}})  # fmt: skip
                sockets[who] = ws
            readers = [w for w in ROLE if ROLE[w][project] is not None]
            joined = len(readers) * len(documents)
            await until(partial(subscribed_to, api, from_global_id(gid)[1], joined))
            for who, ws in sockets.items():
                errors = {}
                expected = len(documents) * (1 if who in readers else 2)
                while len(errors) < expected:
                    frame = await ws.receive()
                    assert frame["type"] == "error", (who, project, frame)
                    errors[frame["id"]] = frame["payload"][0]
                for op, error in errors.items():
                    assert error["extensions"]["code"] == "NOT_FOUND", (who, project, op)
                    gone = errors[op if op.startswith("missing") else f"missing-{op}"]
                    assert (
                        error["message"].split(" with id ")[0]
                        == gone["message"].split(" with id ")[0]
                    )
            await api.gql(SYNC, {"id": gid})
            for who in readers:
                frame = await sockets[who].receive()
                assert frame["type"] == "next", (who, project, frame)
                assert frame["payload"]["data"] == {"projectEvents": {"__typename": "ProjectEvent"}}


def subscribed_to(api: Api, project_id: int, count: int) -> bool:
    """Whether ``count`` subscriptions to the project's events have joined their groups."""
    members = (m for g in endpoint(api).hub.groups.values() for m in g.members)
    return sum(1 for m in members if m.project_id == project_id) == count


async def test_anonymous_websockets_are_bounded_together(api: Api) -> None:
    app = api.client._transport.app  # type: ignore[attr-defined]
    limit = endpoint(api).max_anonymous
    async with AsyncExitStack() as stack:
        for _ in range(limit):
            ws = await stack.enter_async_context(raw_asgi_websocket(app))
            await ws.send({"type": "connection_init", "payload": {}})
            assert (await ws.receive())["type"] == "connection_ack"
        extra = await stack.enter_async_context(raw_asgi_websocket(app))
        await extra.send({"type": "connection_init", "payload": {}})
        closed = await asyncio.wait_for(extra.outgoing.get(), 30)
        assert closed["type"] == "websocket.close" and closed["code"] == 4429, closed
