"""Permissions as the GraphQL API enforces them, generated from the schema.

Every root field, mutation and subscription declares one guard (schema/permissions.py): a
field without one fails here, and so does a project-scoped mutation missing from the matrix.
The matrix runs every project-scoped root field and every read entry point (``projects``
and its totalCount, ``project`` by name and id, ``node`` of each node type) for users of
each role (and anonymous) on projects of each visibility, over HTTP against the real app.
What each may do is the table ROLE written out below, not derived from the code: a refusal
where the table allows fails, and so does any leak: a readable answer, or an error that
tells an unreadable project from a missing one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import strawberry
from support import Api

from schema import Mutation, Query, Subscription, build_schema
from schema.permissions import Guard, _OnProject, guard_of
from schema.relay import from_global_id, to_global_id
from storage import db, views
from storage.models import Experiment as ExperimentRow
from storage.models import PullRequest, Webhook, WebhookDelivery
from storage.roles import Role
from storage.teams import add_member, create_team
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate import RepoSpec, generate_repo

ALL_SCOPES = frozenset({Scope.ADMIN})  # every scope, and for a non-admin user no power more


# -- every root field declares its guard ----------------------------------------------------------


def undeclared(schema: strawberry.Schema) -> list[str]:
    """Root fields without exactly one Guard."""
    missing = []
    for root in ("query", "mutation", "subscription"):
        kind = getattr(schema._schema, f"{root}_type")
        for name, field in (kind.fields if kind else {}).items():
            definition = (field.extensions or {}).get("strawberry-definition")
            if definition is None or guard_of(definition) is None:
                missing.append(f"{root}.{name}")
    return missing


def test_every_root_field_mutation_and_subscription_declares_its_guard() -> None:
    schema = build_schema()
    assert undeclared(schema) == []
    fields = sum(
        len(getattr(schema._schema, f"{root}_type").fields)
        for root in ("query", "mutation", "subscription")
    )
    assert fields >= 25  # the walk saw the schema, not an empty one


def test_an_undeclared_root_field_is_found() -> None:
    @strawberry.type
    class Leaky(Query):  # type: ignore[misc]
        @strawberry.field
        async def secrets(self) -> str:
            return "leak"

    schema = strawberry.Schema(query=Leaky, mutation=Mutation, subscription=Subscription)
    assert undeclared(schema) == ["query.secrets"]


# -- the matrix -----------------------------------------------------------------------------------

PROJECTS = ("own-private", "own-public", "team-private", "team-public")
V, E, A = Role.VIEWER, Role.EDITOR, Role.ADMIN
# Each principal's role on each project, written out (storage.access's rules, by hand):
# the owner's personal projects; the team's projects; PUBLIC gives anyone VIEWER.
ROLE: dict[str, dict[str, Role | None]] = {
    "site-admin": dict.fromkeys(PROJECTS, A),
    "owner": {"own-private": A, "own-public": A, "team-private": None, "team-public": V},
    "viewer": {"own-private": None, "own-public": V, "team-private": V, "team-public": V},
    "editor": {"own-private": None, "own-public": V, "team-private": E, "team-public": E},
    "team-admin": {"own-private": None, "own-public": V, "team-private": A, "team-public": A},
    "outsider": {"own-private": None, "own-public": V, "team-private": None, "team-public": V},
    "anonymous": {"own-private": None, "own-public": V, "team-private": None, "team-public": V},
}


class World:
    """Users with tokens, a team, four projects and an object of each node type in each."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.tokens: dict[str, str | None] = {"site-admin": api.token, "anonymous": None}
        self.ids: dict[str, dict[str, str]] = {}  # project -> node kind -> global id
        self.team = ""

    async def post(self, who: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self.api.post_as(self.tokens[who], query, variables)


async def build(api: Api, tmp: Path, unique: str) -> World:
    world = World(api)
    users = {}
    for who in ("owner", "viewer", "editor", "team-admin", "outsider"):
        user = await create_user(f"{who}-{unique}")
        users[who] = user
        _row, world.tokens[who] = await create_token(f"{who}-all", ALL_SCOPES, None, user.id)
    team = await create_team(f"team-{unique}", users["team-admin"].id)
    world.team = team.name
    await add_member(team.id, users["viewer"].id, Role.VIEWER)
    await add_member(team.id, users["editor"].id, Role.EDITOR)
    for project in PROJECTS:
        repo = tmp / project
        generate_repo(repo, RepoSpec(commits=2, exps_per_commit=1, gto_tags=False))
        creator = "owner" if project.startswith("own") else "team-admin"
        created = await world.post(
            creator,
            """mutation($input: CreateProjectInput!) { createProject(input: $input) {
                 project { id visibility } errors { code message } } }""",
            {
                "input": {
                    "repoUrl": str(repo),
                    "name": f"{project}-{unique}",
                    "team": None if creator == "owner" else team.name,
                    "visibility": "PUBLIC" if project.endswith("public") else "PRIVATE",
                }
            },
        )
        payload = created["data"]["createProject"]
        assert payload["errors"] == [], payload
        assert payload["project"]["visibility"] == project.split("-")[1].upper()
        world.ids[project] = await objects(payload["project"]["id"])
    return world


async def objects(project_gid: str) -> dict[str, str]:
    """Global ids of the project, one of its commits and experiments, a pull request, a
    shared view."""
    _kind, project_id = from_global_id(project_gid)
    experiment = await ExperimentRow.filter(project_id=project_id, kind="EXPERIMENT").first()
    commit = await db.fetch("SELECT id FROM commits WHERE project_id = ? LIMIT 1", [project_id])
    assert experiment is not None and commit
    pull = await PullRequest.create(
        project_id=project_id, number=1, source_branch="b", target_branch="main",
        title="t", state="CLOSED", source_sha="0" * 40, created_at=time.time(),
    )  # fmt: skip
    hook = await Webhook.create(
        project_id=project_id, url="https://example.com/hook", events='["RUN_FAILED"]',
        secret="sealed", created_at=time.time(),
    )  # fmt: skip
    delivery = await WebhookDelivery.create(
        webhook_id=hook.id, event="RUN_FAILED", payload='{"node": null, "data": {}}',
        status="FAILED", next_attempt_at=0, created_at=time.time(),
    )  # fmt: skip
    view = await views.save(project_id, None, "shared", {}, None)
    return {
        "Project": project_gid,
        "Commit": to_global_id("Commit", commit[0]["id"]),
        "Experiment": to_global_id("Experiment", experiment.id),
        "PullRequest": to_global_id("PullRequest", pull.id),
        "View": to_global_id("View", view.id),
        "Webhook": to_global_id("Webhook", hook.id),
        "WebhookDelivery": to_global_id("WebhookDelivery", delivery.id),
    }


@pytest.fixture
async def world(api: Api, tmp_path: Path, unique: str) -> World:
    return await build(api, tmp_path, unique)


def readable(who: str, project: str) -> bool:
    return ROLE[who][project] is not None


async def every_project(world: World, who: str) -> tuple[list[dict[str, str]], int]:
    """Every project ``who`` may list ({id, name}), page after page (earlier tests of the
    session leave many projects: more than a page for some), and the count."""
    nodes: list[dict[str, str]] = []
    after = None
    while True:
        listed = await world.post(
            who,
            """query($after: String) { projects(first: 200, after: $after) {
                 totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }""",
            {"after": after},
        )
        page = listed["data"]["projects"]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes, page["totalCount"]
        after = page["pageInfo"]["endCursor"]


async def test_reads_show_exactly_what_each_may_read(world: World, unique: str) -> None:
    for who in ROLE:
        nodes, total = await every_project(world, who)
        names = {n["name"] for n in nodes}
        ours = {p for p in PROJECTS if f"{p}-{unique}" in names}
        assert ours == {p for p in PROJECTS if readable(who, p)}, who
        if who != "site-admin":  # others' projects of earlier tests are not theirs to see
            assert total == len(names), who
        for project in PROJECTS:
            ids = world.ids[project]
            by_name = await world.post(
                who, "query($n: String!) { project(name: $n) { id } }", {"n": f"{project}-{unique}"}
            )
            by_id = await world.post(who, "query($id: ID!) { project(id: $id) { id } }",
                                     {"id": ids["Project"]})  # fmt: skip
            expected = ids["Project"] if readable(who, project) else None
            assert "errors" not in by_name and "errors" not in by_id, (who, project)
            assert (by_name["data"]["project"] or {}).get("id") == expected, (who, project)
            assert (by_id["data"]["project"] or {}).get("id") == expected, (who, project)
            for kind in NODES:
                gid = ids[kind]
                node = await world.post(who, "query($id: ID!) { node(id: $id) { id } }",
                                        {"id": gid})  # fmt: skip
                assert "errors" not in node, (who, project, kind)
                found = (node["data"]["node"] or {}).get("id")
                assert found == (gid if readable(who, project) else None), (who, project, kind)


# The project-scoped mutations: the role each needs (as the issue states it), and a call
# that passes the guard and then fails or does nothing in the resolver, so running it for
# every allowed principal changes nothing the matrix depends on.
Call = Callable[[dict[str, str]], dict[str, Any]]
MUTATIONS: dict[str, tuple[Role, str, Call]] = {
    "syncProject": (E, "syncProject(id: $id) { errors { code message field } }",
                    lambda ids: {"id": ids["Project"]}),
    "deleteProject": (A, "deleteProject(id: $id) { errors { code message field } }",
                      lambda ids: {"id": ids["Project"]}),
    "updateProject": (A, "updateProject(input: $input) { errors { code message field } }",
                      lambda ids: {"input": {"id": ids["Project"]}}),
    "registerModelVersion": (E, "registerModelVersion(input: $input) { errors { code message field } }",
                             lambda ids: {"input": {"projectId": ids["Project"], "model": "m",
                                                    "rev": "no-such-rev"}}),
    "assignStage": (E, "assignStage(input: $input) { errors { code message field } }",
                    lambda ids: {"input": {"projectId": ids["Project"], "model": "no-model",
                                           "version": "v9.9.9", "stage": "prod"}}),
    "unassignStage": (E, "unassignStage(input: $input) { errors { code message field } }",
                      lambda ids: {"input": {"projectId": ids["Project"], "model": "no-model",
                                             "version": "v9.9.9", "stage": "prod"}}),
    "deregisterModelVersion": (E, "deregisterModelVersion(input: $input) { errors { code message field } }",
                               lambda ids: {"input": {"projectId": ids["Project"],
                                                      "model": "no-model", "version": "v9.9.9"}}),
    "deprecateModel": (E, "deprecateModel(input: $input) { errors { code message field } }",
                       lambda ids: {"input": {"projectId": ids["Project"], "model": "no-model"}}),
    "addModel": (E, "addModel(input: $input) { errors { code message field } }",
                 lambda ids: {"input": {"projectId": ids["Project"], "name": "not a name",
                                        "path": "m.pt"}}),
    "runExperiment": (E, "runExperiment(input: $input) { errors { code message field } }",
                      lambda ids: {"input": {"projectId": ids["Project"], "baseRev": "no-such-rev",
                                             "paramChanges": [{"file": "params.yaml",
                                                               "path": "lr", "value": 1}]}}),
    "createBranchFromExperiment": (E, "createBranchFromExperiment(input: $input) { errors { code message field } }",
                                   lambda ids: {"input": {"experimentId": ids["Experiment"],
                                                          "branch": "bad..name"}}),
    "mergePullRequest": (E, "mergePullRequest(input: $input) { errors { code message field } }",
                         lambda ids: {"input": {"pullRequestId": ids["PullRequest"]}}),
    "closePullRequest": (E, "closePullRequest(input: $input) { errors { code message field } }",
                         lambda ids: {"input": {"pullRequestId": ids["PullRequest"]}}),
    "configureForge": (A, "configureForge(input: $input) { errors { code message field } }",
                       lambda ids: {"input": {"projectId": ids["Project"]}}),
    "configureRemote": (A, "configureRemote(input: $input) { errors { code message field } }",
                        lambda ids: {"input": {"projectId": ids["Project"],
                                               "settings": {"not_a_setting": "x"}}}),
    "setColumnGoal": (A, "setColumnGoal(input: $input) { errors { code message field } }",
                      lambda ids: {"input": {"projectId": ids["Project"], "column": "not-a-column",
                                             "goal": "HIGHER"}}),
    "hideRows": (E, "hideRows(input: $input) { errors { code message field } }",
                 lambda ids: {"input": {"projectId": ids["Project"], "ids": []}}),
    "unhideRows": (E, "unhideRows(input: $input) { errors { code message field } }",
                   lambda ids: {"input": {"projectId": ids["Project"], "ids": []}}),
    # The world's experiment is Git's (IN_GIT): allowed callers delete nothing.
    "deleteExperiment": (E, "deleteExperiment(input: $input) { errors { code message field } }",
                         lambda ids: {"input": {"id": ids["Experiment"]}}),
    # a shared view (one's own: test_own_views_need_a_signed_in_reader)
    "saveView": (E, "saveView(input: $input) { errors { code message field } }",
                 lambda ids: {"input": {"projectId": ids["Project"], "name": "", "shared": True}}),
    "deleteView": (E, "deleteView(input: $input) { errors { code message field } }",
                   lambda ids: {"input": {"id": ids["View"]}}),
    # webhooks hold a secret and name a host the server contacts: as the forge, CONFIGURE
    "createWebhook": (A, "createWebhook(input: $input) { errors { code message field } }",
                      lambda ids: {"input": {"projectId": ids["Project"], "url": "ftp://x/",
                                             "events": ["RUN_FAILED"], "secret": "s"}}),
    "deleteWebhook": (A, "deleteWebhook(input: $input) { errors { code message field } }",
                      lambda ids: {"input": {"id": ids["Webhook"]}}),
    "redeliverWebhook": (A, "redeliverWebhook(input: $input) { errors { code message field } }",
                         lambda ids: {"input": {"deliveryId": ids["WebhookDelivery"]}}),
}  # fmt: skip
# allowed calls not run here (test_delete..., test_shared_views_are_deleted... and
# test_webhooks_are_read_and_deleted... run them)
DESTRUCTIVE = {"deleteProject", "deleteView", "deleteWebhook"}
NODES = ("Project", "Commit", "Experiment", "PullRequest")  # the node types of World.ids


def project_scoped(root: Any) -> set[str]:
    return {
        name
        for name, field in root.fields.items()
        if isinstance(guard_of(field.extensions["strawberry-definition"]).rule, _OnProject)
    }


def test_the_matrix_covers_every_project_scoped_mutation() -> None:
    assert project_scoped(build_schema()._schema.mutation_type) == set(MUTATIONS)


def variables_of(field: str, ids: dict[str, str]) -> tuple[str, dict[str, Any]]:
    _role, selection, call = MUTATIONS[field]
    values = call(ids)
    kinds = {"id": "ID!", "input": f"{field[0].upper()}{field[1:]}Input!"}
    types = {
        "registerModelVersion": "RegisterModelVersionInput!",
        "assignStage": "StageInput!",
        "unassignStage": "StageInput!",
        "deregisterModelVersion": "DeregisterModelVersionInput!",
        "deprecateModel": "DeprecateModelInput!",
        "hideRows": "HideRowsInput!",
        "unhideRows": "HideRowsInput!",
    }
    declared = ", ".join(f"${k}: {types.get(field, kinds[k]) if k == 'input' else kinds[k]}"
                         for k in values)  # fmt: skip
    return f"mutation({declared}) {{ {selection} }}", values


def refusal(body: dict[str, Any], field: str) -> str | None:
    """How the guard refused: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (as for no object), or
    None when the call reached its resolver."""
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    errors = body["data"][field]["errors"]
    message = errors[0]["message"] if errors else ""
    if errors and errors[0]["code"] == "NOT_FOUND" and " with id " in message:
        return "NOT_FOUND"
    return None


async def test_every_project_mutation_needs_its_role_and_hides_what_it_may_not_read(
    world: World,
) -> None:
    kinds = ("Project", "Experiment", "PullRequest", "View", "Webhook", "WebhookDelivery")
    missing = {kind: to_global_id(kind, 2**31 - 1) for kind in kinds}
    for field, (need, _selection, _call) in MUTATIONS.items():
        query, values = variables_of(field, missing)
        absent = await world.post("site-admin", query, values)
        assert refusal(absent, field) == "NOT_FOUND", (field, absent)
        absent_error = absent["data"][field]["errors"][0]
        for who in ROLE:
            for project in PROJECTS:
                role = ROLE[who][project]
                allowed = role is not None and role >= need
                if allowed and field in DESTRUCTIVE:
                    continue
                query, values = variables_of(field, world.ids[project])
                body = await world.post(who, query, values)
                found = refusal(body, field)
                if who == "anonymous":
                    assert found == "UNAUTHENTICATED", (field, who, project, body)
                elif allowed:
                    assert found is None, (field, who, project, body)
                elif role is None:  # unreadable: exactly as an object that does not exist
                    assert found == "NOT_FOUND", (field, who, project, body)
                    error = body["data"][field]["errors"][0]
                    assert error["field"] == absent_error["field"]
                    assert (
                        error["message"].split(" with id ")[0]
                        == (absent_error["message"].split(" with id ")[0])
                    )
                else:
                    assert found == "FORBIDDEN", (field, who, project, body)


async def test_shared_views_are_deleted_by_editors(world: World) -> None:
    """deleteView's allowed calls of the matrix, each on a shared view made for it."""
    for who in ROLE:
        for project in PROJECTS:
            role = ROLE[who][project]
            if role is None or role < E:
                continue
            _kind, project_id = from_global_id(world.ids[project]["Project"])
            view = await views.save(project_id, None, f"by {who}", {}, None)
            query, values = variables_of("deleteView", {"View": to_global_id("View", view.id)})
            body = await world.post(who, query, values)
            assert body["data"]["deleteView"]["errors"] == [], (who, project, body)
            assert await views.by_id(view.id) is None


async def test_own_views_need_a_signed_in_reader(world: World) -> None:
    """saveView and deleteView of one's own view: any reader with a token (VIEWERs too),
    never anonymous; a project one may not read is NOT_FOUND as a missing one."""
    save = """mutation($input: SaveViewInput!) { saveView(input: $input) {
                view { id } errors { code field } } }"""
    delete = """mutation($input: DeleteViewInput!) { deleteView(input: $input) {
                  errors { code } } }"""
    for who in ROLE:
        for project in PROJECTS:
            given = {"input": {"projectId": world.ids[project]["Project"], "name": f"own {who}"}}
            body = await world.post(who, save, given)
            if who == "anonymous":
                assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
                continue
            payload = body["data"]["saveView"]
            if not readable(who, project):
                assert payload["errors"] == [{"code": "NOT_FOUND", "field": "projectId"}]
                continue
            assert payload["errors"] == [], (who, project)
            gone = await world.post(who, delete, {"input": {"id": payload["view"]["id"]}})
            assert gone["data"]["deleteView"]["errors"] == [], (who, project)


async def test_scopes_and_roles_intersect(world: World, api: Api, unique: str) -> None:
    """A READ token of the owner reads its project and writes nothing; an ADMIN-scope token
    of a user who is no site admin has no server-wide power."""
    owner = await create_user(f"reader-{unique}")
    _row, read_only = await create_token("read", frozenset({Scope.READ}), None, owner.id)
    world.tokens["reader"] = read_only
    query, values = variables_of("syncProject", world.ids["own-public"])
    body = await world.post("reader", query, values)
    assert refusal(body, "syncProject") == "FORBIDDEN"
    body = await world.post("owner", "{ unmatchedRepositories { repoUrl } }", {})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = await world.post("site-admin", "{ unmatchedRepositories { repoUrl } }", {})
    assert "errors" not in body


async def test_visibility_is_changed_by_the_projects_admins_only(world: World) -> None:
    update = """mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
                  project { visibility } errors { code } } }"""
    target = {"input": {"id": world.ids["team-private"]["Project"], "visibility": "PUBLIC"}}
    refused = await world.post("editor", update, target)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    seen = await world.post("outsider", "query($id: ID!) { node(id: $id) { id } }",
                            {"id": world.ids["team-private"]["Project"]})  # fmt: skip
    assert seen["data"]["node"] is None
    changed = await world.post("team-admin", update, target)
    assert changed["data"]["updateProject"]["project"]["visibility"] == "PUBLIC"
    seen = await world.post("outsider", "query($id: ID!) { node(id: $id) { id } }",
                            {"id": world.ids["team-private"]["Project"]})  # fmt: skip
    assert seen["data"]["node"] is not None  # this instance forgot its cached row at once
    anonymous, _ = await every_project(world, "anonymous")
    assert world.ids["team-private"]["Project"] in {n["id"] for n in anonymous}


async def test_team_projects_need_an_editor_of_the_team(world: World, tmp_path: Path) -> None:
    repo = tmp_path / "more"
    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))
    create = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
                  project { id } errors { code field } } }"""
    before = await db.fetch("SELECT COUNT(*) AS n FROM projects")
    for who, code in (("viewer", "FORBIDDEN"), ("outsider", "NOT_FOUND")):
        body = await world.post(who, create, {"input": {"repoUrl": str(repo), "team": world.team}})
        assert body["data"]["createProject"]["errors"] == [{"code": code, "field": "team"}], who
    body = await world.post("owner", create, {"input": {"repoUrl": str(repo), "team": "nope-x"}})
    assert body["data"]["createProject"]["errors"] == [{"code": "NOT_FOUND", "field": "team"}]
    anonymous = await world.post("anonymous", create, {"input": {"repoUrl": str(repo)}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await db.fetch("SELECT COUNT(*) AS n FROM projects") == before


async def test_an_admin_deletes_and_nobody_else(world: World) -> None:
    delete = "mutation($id: ID!) { deleteProject(id: $id) { project { id } errors { code } } }"
    target = {"id": world.ids["team-public"]["Project"]}
    refused = await world.post("editor", delete, target)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    deleted = await world.post("team-admin", delete, target)
    assert deleted["data"]["deleteProject"]["errors"] == []
    again = await world.post("site-admin", "query($id: ID!) { node(id: $id) { id } }", target)
    assert again["data"]["node"] is None


async def test_webhooks_are_read_and_deleted_by_the_projects_admins_only(world: World) -> None:
    """Project.webhooks (URLs may carry a receiver's token): its ADMINs see them, other
    readers get FORBIDDEN, and nobody else learns the project exists. deleteWebhook, not run
    by the matrix for allowed callers, removes the webhook and its deliveries."""
    query = "query($id: ID!) { node(id: $id) { ... on Project { webhooks { id } } } }"
    for who in ROLE:
        for project in PROJECTS:
            ids, role = world.ids[project], ROLE[who][project]
            body = await world.post(who, query, {"id": ids["Project"]})
            if role is None:
                assert body["data"]["node"] is None and "errors" not in body, (who, project)
            elif role >= A and who != "anonymous":
                assert body["data"]["node"]["webhooks"] == [{"id": ids["Webhook"]}], (who, project)
            else:
                assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", (who, project)
                assert body["data"]["node"]["webhooks"] is None
    delete = """mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) {
                  webhook { id } errors { code } } }"""
    target = world.ids["team-private"]
    refused = await world.post("editor", delete, {"input": {"id": target["Webhook"]}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    deleted = await world.post("team-admin", delete, {"input": {"id": target["Webhook"]}})
    assert deleted["data"]["deleteWebhook"] == {"webhook": {"id": target["Webhook"]}, "errors": []}
    _kind, delivery = from_global_id(target["WebhookDelivery"])
    assert await WebhookDelivery.filter(id=delivery).count() == 0


async def test_anonymous_reads_public_projects_without_a_token(world: World, api: Api) -> None:
    response = await api.client.get(
        "/graphql",
        params={"query": "query($id: ID!) { node(id: $id) { ... on Project { name commits"
                " { totalCount } } } }",
                "variables": f'{{"id": "{world.ids["own-public"]["Project"]}"}}'},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.json()["data"]["node"]["commits"]["totalCount"] == 2
    me = await world.post("anonymous", "{ me { name } }", {})
    assert me["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_guards_are_field_extensions() -> None:
    field = Mutation.__strawberry_definition__.get_field("sync_project")  # type: ignore[attr-defined]
    assert field is not None and isinstance(field.extensions[0], Guard)


async def test_studios_create_project_maps_team_name_and_public(
    world: World, api: Api, tmp_path: Path, unique: str
) -> None:
    """POST /api/create-project: ``team_name`` names the team (or the user's own name, its
    personal namespace), ``public: true`` makes it PUBLIC; a team one may not add to is
    refused as the GraphQL mutation refuses it, writing nothing."""
    repo = tmp_path / "studio"
    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))

    async def create(who: str, body: dict[str, Any]) -> Any:
        headers = {"Authorization": f"token {world.tokens[who]}"}
        return await api.client.post(
            "/api/create-project", json={"repo_url": str(repo), **body}, headers=headers
        )

    before = await db.fetch("SELECT COUNT(*) AS n FROM projects")
    viewer = await create("viewer", {"name": f"s1-{unique}", "team_name": world.team})
    outsider = await create("outsider", {"name": f"s2-{unique}", "team_name": world.team})
    assert (viewer.status_code, viewer.json()["code"]) == (403, "FORBIDDEN")
    assert (outsider.status_code, outsider.json()["code"]) == (404, "NOT_FOUND")
    assert await db.fetch("SELECT COUNT(*) AS n FROM projects") == before
    made = await create("editor", {"name": f"s3-{unique}", "team_name": world.team, "public": True})
    mine = await create("owner", {"name": f"s4-{unique}", "team_name": f"owner-{unique}"})
    assert made.status_code == mine.status_code == 200, (made.text, mine.text)
    query = "query($n: String!) { project(name: $n) { visibility } }"
    seen = await world.post("anonymous", query, {"n": f"s3-{unique}"})
    assert seen["data"]["project"] == {"visibility": "PUBLIC"}
    hidden = await world.post("outsider", query, {"n": f"s4-{unique}"})
    assert hidden["data"]["project"] is None
    owned = await world.post("owner", query, {"n": f"s4-{unique}"})
    assert owned["data"]["project"] == {"visibility": "PRIVATE"}


MINT = """mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
  token accessToken { projects } errors { code field } } }"""


async def test_a_token_restricted_to_projects_acts_on_those_only(
    world: World, api: Api, unique: str, tmp_path: Path
) -> None:
    """A token restricted to listed projects holds its user's roles there only (PUBLIC ones
    it still reads, as anyone); the tokens it mints stay within its list; it adds no
    project (it would not see it). Refusals write no token and no project."""
    listed = world.ids["team-private"]["Project"]
    made = await world.post("team-admin", MINT, {"input": {
        "name": "ci", "scopes": ["PROJECTS"], "projects": [listed]}})  # fmt: skip
    assert made["data"]["createAccessToken"]["accessToken"]["projects"] == [listed]
    world.tokens["restricted"] = made["data"]["createAccessToken"]["token"]
    seen = {n["id"] for n in (await every_project(world, "restricted"))[0]}
    assert listed in seen and world.ids["team-public"]["Project"] in seen  # PUBLIC, as anyone
    query, values = variables_of("syncProject", world.ids["team-private"])
    assert refusal(await world.post("restricted", query, values), "syncProject") is None
    query, values = variables_of("syncProject", world.ids["team-public"])  # its ADMIN, unlisted
    assert refusal(await world.post("restricted", query, values), "syncProject") == "FORBIDDEN"

    tokens = await db.fetch("SELECT COUNT(*) AS n FROM access_tokens")
    projects = await db.fetch("SELECT COUNT(*) AS n FROM projects")
    beyond = await world.post(
        "restricted",
        MINT,
        {
            "input": {
                "name": "x",
                "scopes": ["READ"],
                "projects": [world.ids["team-public"]["Project"]],
            }
        },
    )
    hidden = await world.post(
        "restricted",
        MINT,
        {
            "input": {
                "name": "x",
                "scopes": ["READ"],
                "projects": [world.ids["own-private"]["Project"]],
            }
        },
    )
    repo = tmp_path / "r"
    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))
    create = await world.post(
        "restricted",
        """mutation($input: CreateProjectInput!) {
        createProject(input: $input) { errors { code } } }""",
        {"input": {"repoUrl": str(repo)}},
    )
    assert beyond["data"]["createAccessToken"]["errors"] == [
        {"code": "FORBIDDEN", "field": "projects"}
    ]
    assert hidden["data"]["createAccessToken"]["errors"] == [
        {"code": "NOT_FOUND", "field": "projects"}
    ]
    assert create["data"]["createProject"]["errors"] == [{"code": "FORBIDDEN"}]
    assert await db.fetch("SELECT COUNT(*) AS n FROM access_tokens") == tokens
    assert await db.fetch("SELECT COUNT(*) AS n FROM projects") == projects
    inherited = await world.post("restricted", MINT, {"input": {"name": "y", "scopes": ["READ"]}})
    assert inherited["data"]["createAccessToken"]["accessToken"]["projects"] == [listed]
