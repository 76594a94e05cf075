"""Compiled query plans (schema.plans) against graphql-core itself: same data, same errors.

Every query of the corpus is executed twice on the same project and principal: once by its
compiled plan, once by graphql-core on strawberry's schema; the answers must be identical.
Queries that fail must abandon the plan, and the HTTP answer must be graphql-core's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from graphql import ExecutionResult, execute
from support import Api, git

from gitstudio.app import State, create_app
from gitstudio.graphql_app import make_context
from resolvers.views import ViewState
from schema import build_schema
from schema.plans import Abandon
from schema.relay import decode_id
from storage import views
from storage.tokens import Principal, authenticate
from sync.generate import RepoSpec, generate_repo

EXPERIMENT_FIELDS = """
  id kind sha baselineSha name ref status message databaseId author { name email }
  createdAt params metrics errors { file kind type message } revisionError { file message }
  plotFiles deps outs experimentRev lastStep lastEventAt metricNames __typename
"""

CORPUS: dict[str, str] = {
    "project metadata": """query($name: String) { project(name: $name) {
        id name repoUrl subdir defaultBranch createdAt lastSyncedAt lastSyncError databaseId } }""",
    "projects page": """{ projects(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage
        startCursor endCursor } edges { cursor node { id name } } nodes { name } } }""",
    "branches and tags": """query($name: String) { project(name: $name) {
        branches { name sha commit { sha title branches author { name } } }
        tags { name sha annotated message taggedAt taggerName } } }""",
    "commits with nested loaders": """query($name: String) { project(name: $name) {
        commits(first: 6) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id sha shortSha title message parents branches
            authoredAt committedAt committer { name email } params metrics
            errors { file message } row { id status }
            experiments { %s commit { sha } } } } } } }"""
    % EXPERIMENT_FIELDS,
    "experiments filtered, ordered, cells": """query($name: String, $flt: ExperimentFilter,
        $order: [ExperimentOrder!], $cols: [String!]) { project(name: $name) {
        experiments(filter: $flt, orderBy: $order, first: 20) {
          totalCount nodes { %s values(columns: $cols) { column value } commit { sha } } } } }"""
    % EXPERIMENT_FIELDS,
    "literal list and input arguments": """query($name: String) { project(name: $name) {
        experiments(filter: {kinds: [EXPERIMENT], columns: [{column: "metric:metrics.json:acc",
            op: EXISTS}]}, orderBy: [{column: "param:params.yaml:lr", direction: ASC}], first: 9) {
          nodes { name values(columns: ["metric:metrics.json:acc"]) { column value } } } } }""",
    "columns": """query($name: String) { project(name: $name) {
        columns { id kind file path type types count } } }""",
    "aliases, fragments, typename": """query($name: String) {
        a: project(name: $name) { ...P first: commits(first: 1) { nodes { sha } } }
        b: project(name: $name) { __typename name ... on Project { id }
          last: commits(first: 2) { edges { node { ... on Commit { sha __typename } } } } } }
        fragment P on Project { name id __typename ... on Node { id } }""",
    "metric history": """query($name: String) { project(name: $name) {
        experiments(first: 3) { nodes { metricNames
          metricHistory(name: "acc", maxPoints: 10) { name steps values tokens timestamps total
            downsampled } } } } }""",
    "missing project is null": """{ project(name: "no-such-project") { id } }""",
    "saved views": """query($name: String) { project(name: $name) {
        views { id name shared owner columns filter order includeHidden createdBy updatedBy
          createdAt updatedAt baseline { id } experiments(first: 4) { totalCount nodes { id } } }
        best: experiments(view: "best", first: 5) { totalCount nodes { id sha } }
        view(name: "best") { name goals { column goal }
          experiments(first: 2) { pageInfo { endCursor } nodes { id } } }
        none: view(name: "none") { id } } }""",
}


@pytest.fixture(scope="module")
def plans_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("plans") / "repo"
    generate_repo(repo, RepoSpec(commits=10, exps_per_commit=2, seed=11))
    (repo / "params.yaml").write_text("lr: [unclosed\n")  # one commit whose params do not parse
    git(repo, "commit", "-qam", "broken params")
    return repo


@pytest.fixture
async def project(api: Api, plans_repo: Path, unique: str) -> str:
    created = await api.create_project(plans_repo, f"plans-{unique}")
    state = ViewState(
        columns=["metric:metrics.json:acc"],
        filter={"columns": [{"column": "metric:metrics.json:acc", "op": "GT", "value": 0}]},
        order=[{"column": "param:params.yaml:lr", "direction": "ASC"}],
        goals={"metric:metrics.json:acc": "HIGHER"},
    )
    await views.save(decode_id(created["id"], "Project"), None, "best", state.as_json(), None)
    return f"plans-{unique}"


@pytest.fixture
async def principal(api: Api) -> Principal:
    found = await authenticate(api.token)
    assert found is not None
    return found


@pytest.fixture
def state(api: Api) -> State:
    found: State = create_app(api.settings).state.gitstudio
    return found


VARIABLES: dict[str, dict[str, Any]] = {
    "experiments filtered, ordered, cells": {
        "flt": {
            "kinds": ["COMMIT", "EXPERIMENT"],
            "columns": [{"column": "metric:metrics.json:acc", "op": "GT", "value": 0}],
        },
        "order": [{"column": "metric:metrics.json:acc", "direction": "DESC"}],
        "cols": ["metric:metrics.json:acc", "param:params.yaml:lr", "param:params.yaml:nope"],
    }
}


async def _both(
    state: State, principal: Principal, query: str, variables: dict[str, Any]
) -> tuple[dict[str, Any], ExecutionResult]:
    schema = build_schema()
    document = schema.documents.get(query)
    assert document.node is not None, document.errors
    plan = schema.documents.plan(document, None)
    assert plan is not None, "the corpus holds only queries that compile"
    compiled = await plan.execute(make_context(state, principal), variables)
    reference = execute(
        schema._schema,
        document.node,
        context_value=make_context(state, principal),
        variable_values=variables,
    )
    if not isinstance(reference, ExecutionResult):
        reference = await reference
    return compiled, reference


@pytest.mark.parametrize("case", list(CORPUS))
async def test_plan_answers_like_graphql_core(
    state: State, principal: Principal, project: str, case: str
) -> None:
    variables = {"name": project, **VARIABLES.get(case, {})}
    compiled, reference = await _both(state, principal, CORPUS[case], variables)
    assert reference.errors is None, reference.errors
    assert compiled == reference.data
    assert list(_keys(compiled)) == list(_keys(reference.data)), "same key order"


def _keys(value: object) -> list[str]:
    """Every key of a nested result, in document order."""
    if isinstance(value, dict):
        return [k for key, v in value.items() for k in (key, *_keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


async def test_variables_of_a_field_under_a_list_are_converted_once_per_request(
    state: State, principal: Principal, project: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """values(columns: $cols) on every row: one conversion per request, each row still gets
    every column (and its own list: a resolver changing it changes no other row's)."""
    import schema.plan_calls as plan_calls

    calls: list[dict[str, Any]] = []
    convert = plan_calls.convert_arguments

    def counted(raw: dict[str, Any], *args: Any) -> Any:
        calls.append(raw)
        return convert(raw, *args)

    monkeypatch.setattr(plan_calls, "convert_arguments", counted)
    case = "experiments filtered, ordered, cells"
    variables = {"name": project, **VARIABLES[case]}
    compiled, reference = await _both(state, principal, CORPUS[case], variables)
    assert compiled == reference.data
    nodes = compiled["project"]["experiments"]["nodes"]
    assert len(nodes) > 5
    cols = VARIABLES[case]["cols"]
    assert all([c["column"] for c in n["values"]] == cols for n in nodes)
    # the plan converted values' columns once (experiments' own arguments once too);
    # graphql-core's reference run does not go through plan_calls
    assert sum(1 for raw in calls if raw.get("columns") == cols) == 1


async def test_corpus_is_not_trivial(api: Api, project: str) -> None:
    data = await api.data(CORPUS["commits with nested loaders"], {"name": project})
    commits = [edge["node"] for edge in data["project"]["commits"]["edges"]]
    assert len(commits) == 6
    assert any(commit["experiments"] for commit in commits)
    assert commits[0]["title"] == "broken params" and commits[0]["errors"]


async def test_failing_query_abandons_the_plan(
    state: State, principal: Principal, project: str
) -> None:
    query = '{ project(name: "%s") { commit(sha: "not-a-sha") { sha } } }' % project
    schema = build_schema()
    document = schema.documents.get(query)
    plan = schema.documents.plan(document, None)
    assert plan is not None
    with pytest.raises(Abandon):
        await plan.execute(make_context(state, principal), None)


async def test_partial_failure_is_answered_by_graphql_core(api: Api, project: str) -> None:
    body = await api.gql(
        """query($name: String) { good: project(name: $name) { name commits(first: 1) { totalCount } }
            bad: project(name: $name) { name commit(sha: "not-a-sha") { sha } } }""",
        {"name": project},
    )
    assert body["data"]["good"]["name"] == project
    assert body["data"]["good"]["commits"]["totalCount"] > 0
    assert body["data"]["bad"] == {"name": project, "commit": None}
    [error] = body["errors"]
    assert error["path"] == ["bad", "commit"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


async def test_what_does_not_compile_still_runs(api: Api, project: str) -> None:
    schema = build_schema()
    for query in (
        '{ node(id: "UHJvamVjdDox") { id } }',  # abstract return type
        '{ project(name: "x") @include(if: true) { id } }',  # directives
        "{ __schema { queryType { name } } }",  # introspection
        'mutation { syncProject(id: "UHJvamVjdDox") { errors { code } } }',
    ):
        document = schema.documents.get(query)
        assert document.node is not None, document.errors
        assert schema.documents.plan(document, None) is None, query
    body = await api.gql(
        "query($name: String) { project(name: $name) @include(if: true) { name } "
        "__schema { queryType { name } } }",
        {"name": project},
    )
    assert body["data"] == {
        "project": {"name": project},
        "__schema": {"queryType": {"name": "Query"}},
    }


async def test_bad_variables_get_graphql_cores_error(api: Api, project: str) -> None:
    body = await api.gql(
        'query($first: Int) { project(name: "%s") { commits(first: $first) { totalCount } } }'
        % project,
        {"first": "many"},
    )
    assert body.get("data") is None
    assert "first" in body["errors"][0]["message"]
