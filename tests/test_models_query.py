"""``Query.models``: the models of every project the caller may read (Studio's models
dashboard), each with its project, filtered, paged and priced like every connection.

Two projects of one user, one PRIVATE and one PUBLIC; a second user and anonymous callers
read only the PUBLIC one. The list of a project equals that project's own ``models`` (which
tests/test_registry_oracle.py checks against ``gto show``) under every filter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from graphql import OperationDefinitionNode, parse
from support import Api

from resolvers import models
from schema import build_schema
from schema.cost import Pages, fragments_of, operation_cost
from storage.queries import RegistryRows
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.generate_registry import RegistrySpec, generate_registry

LIST = """query($filter: ModelFilter, $first: Int, $after: String) {
  models(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { name type latestVersion { version } project { id name } } } }"""

OWN = """query($name: String!, $type: String, $stage: String) { project(name: $name) {
  models(type: $type, stage: $stage) { name } } }"""

CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id name } errors { code message } } }"""


class Two:
    """Alice's PRIVATE project ``a`` and PUBLIC project ``b``; Bob reads only ``b``."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.tokens: dict[str, str | None] = {"admin": api.token, "anonymous": None}
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}

    async def post(self, who: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self.api.post_as(self.tokens[who], query, variables)

    async def models(self, who: str, **filter_: Any) -> list[tuple[str, str]]:
        """(project name, model name) of every page, 7 at a time."""
        out: list[tuple[str, str]] = []
        after = None
        while True:
            variables = {"filter": filter_ or None, "first": 7, "after": after}
            body = await self.post(who, LIST, variables)
            assert "errors" not in body, body
            page = body["data"]["models"]
            out += [(m["project"]["name"], m["name"]) for m in page["nodes"]]
            if not page["pageInfo"]["hasNextPage"]:
                assert page["totalCount"] == len(out)
                return out
            after = page["pageInfo"]["endCursor"]

    async def own(self, project: str, **args: Any) -> list[tuple[str, str]]:
        name = self.names[project]
        body = await self.post("admin", OWN, {"name": name, **args})
        return [(name, m["name"]) for m in body["data"]["project"]["models"]]


@pytest.fixture
async def two(api: Api, tmp_path: Path, unique: str) -> Two:
    world = Two(api)
    for who in ("alice", "bob"):
        user = await create_user(f"{who}-{unique}")
        _row, world.tokens[who] = await create_token(who, frozenset({Scope.ADMIN}), None, user.id)
    specs = {
        "a": (RegistrySpec(models=2, versions=2, seed=1, stages=("dev", "prod")), "PRIVATE"),
        "b": (RegistrySpec(models=3, versions=2, seed=3, edge_cases=False), "PUBLIC"),
    }
    for key, (spec, visibility) in specs.items():
        repo = generate_registry(tmp_path / key, spec).path
        world.names[key] = f"models-{key}-{unique}"
        given = {"repoUrl": str(repo), "name": world.names[key], "visibility": visibility}
        body = await world.post("alice", CREATE, {"input": given})
        payload = body["data"]["createProject"]
        assert payload["errors"] == [], payload
        world.ids[key] = payload["project"]["id"]
    return world


async def test_each_caller_lists_the_models_of_the_projects_it_may_read(two: Two) -> None:
    both = [two.ids["a"], two.ids["b"]]
    a, b = await two.own("a"), await two.own("b")
    assert a and b and {n for _p, n in a} & {"nlp:textcls"}
    for who in ("alice", "admin"):
        assert await two.models(who, projectIds=both) == a + b, who
    for who in ("bob", "anonymous"):
        assert await two.models(who, projectIds=both) == b, who
        everything = await two.models(who)  # with the PUBLIC projects of other tests
        assert set(b) <= set(everything) and not set(a) & set(everything), who
    assert set(a + b) <= set(await two.models("alice"))


async def test_kept_registries_are_not_folded_again(
    two: Two, monkeypatch: pytest.MonkeyPatch
) -> None:
    both = [two.ids["a"], two.ids["b"]]
    listed = await two.models("alice", projectIds=both)  # folds them, or finds them kept
    folded: list[int] = []
    real = models.build

    def counted(project_id: int, rows: RegistryRows) -> models.ProjectRegistry:
        folded.append(project_id)
        return real(project_id, rows)

    monkeypatch.setattr(models, "build", counted)
    assert await two.models("bob", projectIds=both) == listed[-len(await two.own("b")) :]
    assert await two.models("alice", projectIds=both, stage="prod")
    assert folded == []


async def test_filters_agree_with_each_projects_own_models(two: Two) -> None:
    both = [two.ids["a"], two.ids["b"]]
    for args in ({"stage": "prod"}, {"stage": "dev"}, {"type": "model"}, {"stage": "nope"}):
        expected = await two.own("a", **args) + await two.own("b", **args)
        assert await two.models("alice", projectIds=both, **args) == expected, args
    assert await two.models("alice", projectIds=both, name="TEXT") == [
        (two.names["a"], "nlp:textcls"),
        (two.names["b"], "nlp:textcls"),
    ]
    assert await two.models("alice", projectIds=[two.ids["b"]], name="TEXT", stage="prod") == [
        p for p in await two.own("b", stage="prod") if p[1] == "nlp:textcls"
    ]
    assert await two.models("alice", projectIds=[]) == []


async def test_pages_follow_one_another_and_bad_arguments_are_refused(two: Two) -> None:
    both = [two.ids["a"], two.ids["b"]]
    body = await two.post("alice", LIST, {"filter": {"projectIds": both}, "first": 200})
    whole = [(m["project"]["id"], m["name"]) for m in body["data"]["models"]["nodes"]]
    assert len(whole) == body["data"]["models"]["totalCount"] >= 4
    body = await two.post("alice", LIST, {"filter": {"projectIds": both}, "first": 0})
    assert (
        body["data"]["models"]["nodes"] == [] and body["data"]["models"]["pageInfo"]["hasNextPage"]
    )
    wrong: list[dict[str, Any]] = [
        {"first": 201},  # over the largest page
        {"first": -1},
        {"after": "bm90IGEgY3Vyc29y"},  # not a cursor
        {"after": "WzFd"},  # [1]: a cursor of a list paged by id
        {"filter": {"projectIds": ["1"] * 101}},
        {"filter": {"projectIds": ["not an id"]}},
    ]
    for variables in wrong:
        body = await two.post("alice", LIST, variables)
        assert body["data"] is None, variables
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", (variables, body)


def test_the_list_is_priced_by_its_page() -> None:
    schema = build_schema()._schema
    document = parse(
        "{ models(first: 200) { nodes { name project { name } versions { history { tag } } } } }"
    ).definitions
    assert isinstance(document[0], OperationDefinitionNode)
    cost = operation_cost(schema, document[0], fragments_of(document), Pages(50, 200))
    # 1 + 200 x (nodes: 1 + project 1 + versions (1 + 50 estimated x (1 + history (1 + 20))))
    assert cost.value == 1 + 200 * (1 + 1 + (1 + 50 * (1 + 1 + 20)))
