"""Teams over GraphQL, through the real app on SQLite and PostgreSQL: ``createTeam``,
``addTeamMember``, ``removeTeamMember``, ``Query.teams`` and ``me.teams``. Who may change a
team's members (its ADMINs, site admins), outsiders told NOT_FOUND exactly as for no team,
members below ADMIN FORBIDDEN, a team keeping its last ADMIN; every refused call asserts
its code AND that no team or membership row changed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from support import Api, StatementCounter

from storage import db
from storage.models import Project, User
from storage.tokens import Scope, create_token
from storage.users import create_user

CREATE = """mutation($input: CreateTeamInput!) { createTeam(input: $input) {
  team { name createdAt myRole members { user role } } errors { code message field }
  clientMutationId } }"""
ADD = """mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) {
  team { name myRole members { user role } } errors { code message field }
  clientMutationId } }"""
REMOVE = """mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) {
  team { name myRole members { user role } } errors { code message field }
  clientMutationId } }"""
TEAMS = "{ teams { name myRole members { user role } } }"
ME_TEAMS = "{ me { name teams { name role } } }"

BAD_NAMES = ["", " ", "a" * 101, "-lead", ".hidden", "has space", "new\nline", "é",
             "x'; DROP TABLE teams; --", "a/b", " ml", "\u202eml", "nul\x00"]  # fmt: skip


async def snapshot() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every team and membership: what a refused call must leave as it was."""
    teams = await db.fetch("SELECT id, name FROM teams ORDER BY id")
    members = await db.fetch("SELECT team_id, user_id, role FROM team_members ORDER BY id")
    return [tuple(r.values()) for r in teams], [tuple(r.values()) for r in members]


async def user_token(name: str, *scopes: Scope, admin: bool = False) -> str:
    """A new user's token holding ``scopes`` (PROJECTS unless given)."""
    user = await create_user(name, admin=admin)
    _row, token = await create_token("t", frozenset(scopes or {Scope.PROJECTS}), None, user.id)
    return token


async def mutate(api: Api, query: str, token: str, **fields: Any) -> dict[str, Any]:
    body = await api.gql(query, {"input": fields}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = next(iter(body["data"].values()))
    return payload


async def ok(api: Api, query: str, token: str, **fields: Any) -> dict[str, Any]:
    payload = await mutate(api, query, token, **fields)
    assert payload["errors"] == [], payload["errors"]
    return payload


async def refused(
    api: Api, query: str, token: str, code: str, field: str, **fields: Any
) -> dict[str, Any]:
    """The call's payload error, asserted to be ``code`` on ``field``, nothing changed."""
    before = await snapshot()
    payload = await mutate(api, query, token, **fields)
    assert payload["team"] is None, payload
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], payload
    assert await snapshot() == before
    error: dict[str, Any] = payload["errors"][0]
    return error


async def anonymous(api: Api, query: str, variables: dict[str, Any]) -> None:
    """Without credentials: UNAUTHENTICATED (a 401 before the request is read, or, where a
    request without a token is anonymous, the guard's error and no data)."""
    response = await api.client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code in (200, 401), response.text
    body = response.json()
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"], body
    assert body.get("data") is None, body


async def listed(api: Api, token: str) -> dict[str, dict[str, Any]]:
    body = await api.gql(TEAMS, token=token)
    assert "errors" not in body, body
    return {t["name"]: t for t in body["data"]["teams"]}


async def my_teams(api: Api, token: str) -> list[tuple[str, str]]:
    body = await api.gql(ME_TEAMS, token=token)
    assert "errors" not in body, body
    return [(t["name"], t["role"]) for t in body["data"]["me"]["teams"]]


async def test_create_makes_the_caller_its_first_admin(api: Api, unique: str) -> None:
    ada = await user_token(f"ada-{unique}")
    payload = await ok(api, CREATE, ada, name=f"ML-{unique}", clientMutationId="c1")
    team = payload["team"]
    assert payload["clientMutationId"] == "c1"
    assert (team["name"], team["myRole"]) == (f"ML-{unique}", "ADMIN")
    assert team["members"] == [{"user": f"ada-{unique}", "role": "ADMIN"}]
    assert datetime.fromisoformat(team["createdAt"]) <= datetime.now(UTC)
    assert (await listed(api, ada))[f"ML-{unique}"]["myRole"] == "ADMIN"
    assert list(await listed(api, ada)) == [f"ML-{unique}"]
    assert await my_teams(api, ada) == [(f"ML-{unique}", "ADMIN")]

    # A retry under the same clientMutationId: the same team, not DUPLICATE, no new row.
    before = await snapshot()
    again = await ok(api, CREATE, ada, name=f"ML-{unique}", clientMutationId="c1")
    assert again["team"] == team and again["clientMutationId"] == "c1"
    assert await snapshot() == before
    # The same id for another request is refused, as every mutation refuses it.
    await refused(api, CREATE, ada, "INVALID", "clientMutationId", name=f"x-{unique}",
                  clientMutationId="c1")  # fmt: skip

    # Names are unique in any case; bad names are INVALID; neither writes anything.
    for name in (f"ml-{unique}", f"ML-{unique}", f"mL-{unique}"):
        error = await refused(api, CREATE, ada, "DUPLICATE", "name", name=name)
        assert name in error["message"]
        await refused(api, CREATE, ada, "DUPLICATE", "name", name=name, clientMutationId="c2")
    for name in BAD_NAMES:
        await refused(api, CREATE, ada, "INVALID", "name", name=name)
    assert await my_teams(api, ada) == [(f"ML-{unique}", "ADMIN")]


async def test_tokens_without_the_scope_or_without_a_token_change_nothing(
    api: Api, unique: str
) -> None:
    lead = await user_token(f"lead-{unique}")
    await ok(api, CREATE, lead, name=f"ml-{unique}")
    read = await user_token(f"reader-{unique}", Scope.READ)
    site_read = await user_token(f"root-{unique}", Scope.READ, admin=True)
    calls = [
        (CREATE, {"name": f"new-{unique}"}),
        (ADD, {"team": f"ml-{unique}", "user": f"reader-{unique}", "role": "ADMIN"}),
        (REMOVE, {"team": f"ml-{unique}", "user": f"lead-{unique}"}),
    ]
    for query, fields in calls:
        before = await snapshot()
        for token in (read, site_read):  # a site admin's READ token writes nothing either
            body = await api.gql(query, {"input": fields}, token=token)
            assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], body
            assert body["data"] is None
        await anonymous(api, query, {"input": fields})
        assert await snapshot() == before
    await anonymous(api, TEAMS, {})
    # READ is enough to list: the reader is in no team; the site admin sees every team.
    assert await listed(api, read) == {}
    assert (await listed(api, site_read))[f"ml-{unique}"]["myRole"] is None


async def test_admins_add_change_and_remove_members(api: Api, unique: str) -> None:
    lead = await user_token(f"lead-{unique}")
    bob = await user_token(f"bob-{unique}", Scope.READ)
    await user_token(f"cy-{unique}")
    team = f"ml-{unique}"
    await ok(api, CREATE, lead, name=team)

    # Names of the team and the user in any case.
    added = await ok(api, ADD, lead, team=team.upper(), user=f"BOB-{unique}", role="VIEWER",
                     clientMutationId="a1")  # fmt: skip
    assert added["clientMutationId"] == "a1"
    assert added["team"]["members"] == [
        {"user": f"bob-{unique}", "role": "VIEWER"},
        {"user": f"lead-{unique}", "role": "ADMIN"},
    ]
    assert await my_teams(api, bob) == [(team, "VIEWER")]
    assert (await listed(api, bob))[team]["myRole"] == "VIEWER"
    # A member already: its role changes.
    changed = await ok(api, ADD, lead, team=team, user=f"bob-{unique}", role="EDITOR")
    assert {"user": f"bob-{unique}", "role": "EDITOR"} in changed["team"]["members"]
    assert await my_teams(api, bob) == [(team, "EDITOR")]
    await ok(api, ADD, lead, team=team, user=f"cy-{unique}", role="ADMIN")

    # Unknown, disabled, not a member: the storage's errors, nothing changed.
    nobody = f"nobody-{unique}"
    await refused(api, ADD, lead, "NOT_FOUND", "user", team=team, user=nobody, role="VIEWER")
    await refused(api, REMOVE, lead, "NOT_FOUND", "user", team=team, user=nobody)
    await refused(api, REMOVE, lead, "NOT_FOUND", "user", team=team, user="not a name")
    gone = await create_user(f"gone-{unique}")
    await User.filter(id=gone.id).update(disabled_at=datetime.now(UTC))
    await refused(api, ADD, lead, "INVALID", "user", team=team, user=gone.name, role="VIEWER")
    await create_user(f"dan-{unique}")
    await refused(api, REMOVE, lead, "NOT_FOUND", "user", team=team, user=f"dan-{unique}")
    body = await api.gql(
        ADD, {"input": {"team": team, "user": f"bob-{unique}", "role": "OWNER"}}, token=lead
    )
    assert body["errors"] and body.get("data") is None  # not a TeamRole: the request is invalid

    removed = await ok(api, REMOVE, lead, team=team, user=f"Bob-{unique}", clientMutationId="r1")
    assert [m["user"] for m in removed["team"]["members"]] == [f"cy-{unique}", f"lead-{unique}"]
    assert await my_teams(api, bob) == [] and await listed(api, bob) == {}
    # The retry of the removal: its result again, not NOT_FOUND.
    again = await ok(api, REMOVE, lead, team=team, user=f"bob-{unique}", clientMutationId="r1")
    assert again["team"] == removed["team"]

    # An ADMIN may leave while another stays; the team then is no longer its to see.
    left = await ok(api, REMOVE, lead, team=team, user=f"lead-{unique}")
    assert left["team"] is None
    assert await my_teams(api, lead) == []


async def test_a_team_keeps_its_last_admin(api: Api, unique: str) -> None:
    lead = await user_token(f"lead-{unique}")
    await user_token(f"bob-{unique}")
    team = f"ml-{unique}"
    await ok(api, CREATE, lead, name=team)
    me = f"lead-{unique}"
    await refused(api, ADD, lead, "CONFLICT", "role", team=team, user=me, role="EDITOR")
    await refused(api, REMOVE, lead, "CONFLICT", "user", team=team, user=me)
    await ok(api, ADD, lead, team=team, user=f"bob-{unique}", role="ADMIN")
    demoted = await ok(api, ADD, lead, team=team, user=me, role="VIEWER")  # bob is ADMIN now
    assert demoted["team"]["myRole"] == "VIEWER"
    # The lead, VIEWER now, may no longer change members, nor undo it.
    await refused(api, ADD, lead, "FORBIDDEN", "team", team=team, user=me, role="ADMIN")


async def test_outsiders_cannot_tell_a_team_from_none_and_members_need_admin(
    api: Api, unique: str
) -> None:
    lead = await user_token(f"lead-{unique}")
    viewer = await user_token(f"viewer-{unique}")
    editor = await user_token(f"editor-{unique}")
    outsider = await user_token(f"out-{unique}")
    team, missing = f"ml-{unique}", f"mx-{unique}"
    await ok(api, CREATE, lead, name=team)
    await ok(api, CREATE, outsider, name=f"own-{unique}")  # an ADMIN of another team
    await ok(api, ADD, lead, team=team, user=f"viewer-{unique}", role="VIEWER")
    await ok(api, ADD, lead, team=team, user=f"editor-{unique}", role="EDITOR")

    target = f"out-{unique}"
    for query, extra in ((ADD, {"user": target, "role": "ADMIN"}), (REMOVE, {"user": target})):
        errors = {}
        for name in (team, team.upper(), missing):
            error = await refused(api, query, outsider, "NOT_FOUND", "team", team=name, **extra)
            errors[name] = error["message"].replace(name, "NAME")
        assert len(set(errors.values())) == 1, errors  # the same answer, name for name
        # Nor does naming a user who does not exist tell more: the team is looked at first.
        unknown = {"user": f"nobody-{unique}", **({"role": "ADMIN"} if query is ADD else {})}
        error = await refused(api, query, outsider, "NOT_FOUND", "team", team=team, **unknown)
        assert error["message"].replace(team, "NAME") == errors[team]
        for member in (viewer, editor):
            await refused(api, query, member, "FORBIDDEN", "team", team=team, **extra)
    for member in (viewer, editor):  # not even to change their own role
        who = "viewer" if member == viewer else "editor"
        for role in ("VIEWER", "EDITOR", "ADMIN"):
            await refused(api, ADD, member, "FORBIDDEN", "team", team=team,
                          user=f"{who}-{unique}", role=role)  # fmt: skip
        await refused(api, REMOVE, member, "FORBIDDEN", "team", team=team, user=f"lead-{unique}")
    assert list(await listed(api, outsider)) == [f"own-{unique}"]
    members = (await listed(api, viewer))[team]["members"]
    assert [(m["user"], m["role"]) for m in members] == [
        (f"editor-{unique}", "EDITOR"),
        (f"lead-{unique}", "ADMIN"),
        (f"viewer-{unique}", "VIEWER"),
    ]


async def test_site_admins_manage_every_team(api: Api, unique: str) -> None:
    lead = await user_token(f"lead-{unique}")
    root = await user_token(f"root-{unique}", admin=True)  # PROJECTS, not ADMIN
    await user_token(f"bob-{unique}")
    team = f"ml-{unique}"
    await ok(api, CREATE, lead, name=team)
    added = await ok(api, ADD, root, team=team, user=f"bob-{unique}", role="ADMIN")
    assert added["team"]["myRole"] is None  # not a member, yet it sees the team
    removed = await ok(api, REMOVE, root, team=team, user=f"lead-{unique}")
    assert removed["team"]["members"] == [{"user": f"bob-{unique}", "role": "ADMIN"}]
    await refused(api, REMOVE, root, "CONFLICT", "user", team=team, user=f"bob-{unique}")
    everything = await listed(api, root)
    assert everything[team]["myRole"] is None and everything[team]["members"] == [
        {"user": f"bob-{unique}", "role": "ADMIN"}
    ]
    assert await my_teams(api, root) == []  # me.teams: its own memberships only
    assert team in await listed(api, api.token)  # the built-in admin's ADMIN token too
    await refused(api, ADD, root, "NOT_FOUND", "team", team=f"mx-{unique}",
                  user=f"bob-{unique}", role="VIEWER")  # fmt: skip


@pytest.mark.parametrize("visibility", ["TEAM", "PRIVATE"])
async def test_membership_changes_apply_to_the_next_request(
    api: Api, unique: str, visibility: str
) -> None:
    """The principals this process cached carry team roles: a change over the API is
    seen by the very next request of the member's token (its project appears and goes)."""
    lead = await user_token(f"lead-{unique}")
    bob = await user_token(f"bob-{unique}", Scope.READ)
    team = f"ml-{unique}"
    await ok(api, CREATE, lead, name=team)
    team_id = (await db.fetch("SELECT id FROM teams WHERE name = ?", [team]))[0]["id"]
    project = f"p-{unique}"
    await Project.create(name=project, repo_url="/nowhere", owner_team_id=team_id,
                         visibility=visibility)  # fmt: skip
    seen = f'{{ project(name: "{project}") {{ name }} }}'

    async def bob_sees() -> bool:
        body = await api.gql(seen, token=bob)
        assert "errors" not in body, body
        return body["data"]["project"] is not None

    assert not await bob_sees()  # cached now, without the team
    await ok(api, ADD, lead, team=team, user=f"bob-{unique}", role="VIEWER")
    assert await bob_sees()
    await ok(api, REMOVE, lead, team=team, user=f"bob-{unique}")
    assert not await bob_sees()


async def test_listing_teams_and_members_costs_the_same_for_more_teams(
    api: Api, unique: str, sql_counter: StatementCounter
) -> None:
    """Query.teams and every team's members: a fixed number of statements (the members of
    all the listed teams in one), however many teams there are."""
    lead = await user_token(f"lead-{unique}")
    costs = []
    for n in range(4):
        await ok(api, CREATE, lead, name=f"t{n}-{unique}")
        await listed(api, lead)  # the token's principal cached: only the listing counts
        sql_counter.statements.clear()
        assert len(await listed(api, lead)) == n + 1
        # The listing's statements only: the token's (its cache may expire on a slow run,
        # and the app's token-use writer may flush meanwhile) are not the listing's.
        costs.append(sum("access_tokens" not in s for s in sql_counter.statements))
    assert len(set(costs)) == 1 and costs[0] <= 4, costs
