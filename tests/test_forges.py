"""Contract tests of sync/forges.py against a local stand-in of the forges' REST APIs.

GitHub's, Gitea's and GitLab's real APIs can't be reached here, so a real HTTP server on
127.0.0.1 (http.server in a thread, on a free port) plays them, and the adapters talk to it
through a real httpx client. The stand-in checks each request against the documented shape
(method, the raw path as sent on the wire — GitLab's project path must arrive URL-encoded —,
the auth header form, GitHub's Accept and X-GitHub-Api-Version headers, the JSON fields of
a create, the list filters) and keeps small in-memory repositories, so it answers the way
the forges do: documented status codes and JSON bodies (GitHub's pull object, GitLab's merge
request, their error bodies). A request off the contract is answered 400 and recorded; every
test ends by asserting none was.

Shapes follow docs.github.com/rest/pulls/pulls (create, get, list), Gitea's swagger
(/api/v1, ``Authorization: token``; 409 on an existing pull request, 422 before 1.17) and
docs.gitlab.com/api/merge_requests (create, get single MR, list; 409 for a second open MR).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from forge_support import (
    GITLAB_PROJECT,
    READ_ONLY_TOKEN,
    TOKEN,
    WEB,
    Answer,
    ContractServer,
    contract_server,
)
from support import free_port

from sync.forges import (
    CLOSED,
    DUPLICATE,
    FORBIDDEN,
    GITEA,
    GITHUB,
    GITLAB,
    INVALID,
    MERGED,
    NOT_FOUND,
    OPEN,
    PAGE_SIZE,
    UNAUTHENTICATED,
    UNREACHABLE,
    Forge,
    ForgeConfig,
    ForgeError,
    ForgePullRequest,
    default_api_url,
    forge_for,
    repository_from_url,
)


@pytest.fixture
def api() -> Iterator[ContractServer]:
    with contract_server() as contract:
        yield contract


def github(api: ContractServer, token: str = TOKEN, repository: str = "octo/widgets") -> Forge:
    return forge_for(ForgeConfig(GITHUB, api.url("/api/v3"), repository, token))


def gitea(api: ContractServer, token: str = TOKEN) -> Forge:
    return forge_for(ForgeConfig(GITEA, api.url("/api/v1/"), "octo/widgets", token))


def gitlab(api: ContractServer, token: str = TOKEN, project: str = GITLAB_PROJECT) -> Forge:
    return forge_for(ForgeConfig(GITLAB, api.url("/api/v4"), project, token))


async def failure(call: Any, code: str, token: str = TOKEN) -> ForgeError:
    with pytest.raises(ForgeError) as caught:
        await call
    error = caught.value
    assert error.code == code, error
    for text in (error.message, str(error), repr(error), str(error.__cause__ or "")):
        assert token not in text
    return error


# GitHub -----------------------------------------------------------------------------------


async def test_github_open_sends_the_documented_request(api: ContractServer) -> None:
    pr = await github(api).open_pull_request("exp/lr-0.1", "main", "Try lr 0.1", "Params edit")

    assert pr == ForgePullRequest(
        1, f"{WEB}/octo/widgets/pull/1", OPEN, "exp/lr-0.1", "main", "Try lr 0.1"
    )
    (req,) = api.received
    assert (req.method, req.path) == ("POST", "/api/v3/repos/octo/widgets/pulls")
    assert req.headers["authorization"] == f"Bearer {TOKEN}"
    assert req.headers["accept"] == "application/vnd.github+json"
    assert req.headers["x-github-api-version"] == "2022-11-28"
    assert req.headers["user-agent"]
    assert req.body == {
        "title": "Try lr 0.1",
        "head": "exp/lr-0.1",
        "base": "main",
        "body": "Params edit",
    }
    assert api.github.pulls[1].head == "exp/lr-0.1"


async def test_github_get_maps_open_closed_and_merged(api: ContractServer) -> None:
    api.github.add("feature", "main", "a")
    api.github.add("dev", "main", "b", state="closed")
    api.github.add("exp/lr-0.1", "dev", "c", state="closed", merged=True)
    forge = github(api)

    got = [await forge.get_pull_request(n) for n in (1, 2, 3)]

    assert [(p.number, p.state, p.source, p.target, p.title) for p in got] == [
        (1, OPEN, "feature", "main", "a"),
        (2, CLOSED, "dev", "main", "b"),
        (3, MERGED, "exp/lr-0.1", "dev", "c"),
    ]
    assert [r.path for r in api.received] == [
        f"/api/v3/repos/octo/widgets/pulls/{n}" for n in (1, 2, 3)
    ]
    assert all(r.method == "GET" and r.body is None for r in api.received)


async def test_github_find_open_filters_by_owner_head_and_base(api: ContractServer) -> None:
    api.github.add("feature", "main", state="closed")
    api.github.add("feature", "dev")
    wanted = api.github.add("feature", "main", "the open one")
    forge = github(api)

    found = await forge.find_open_pull_request("feature", "main")
    missing = await forge.find_open_pull_request("exp/lr-0.1", "main")

    assert found is not None
    assert (found.number, found.title, found.state) == (wanted.number, "the open one", OPEN)
    assert missing is None
    req = api.received[0]
    assert (req.method, req.path) == ("GET", "/api/v3/repos/octo/widgets/pulls")
    assert {k: v for k, v in req.query.items() if k not in ("per_page", "page")} == {
        "state": ["open"],
        "head": ["octo:feature"],
        "base": ["main"],
    }


async def test_github_existing_pull_request_is_duplicate(api: ContractServer) -> None:
    api.github.add("feature", "main")

    error = await failure(github(api).open_pull_request("feature", "main", "again", ""), DUPLICATE)

    assert "A pull request already exists for octo:feature." in error.message


async def test_github_validation_failure_is_invalid_with_the_forges_messages(
    api: ContractServer,
) -> None:
    forge = github(api)

    same = await failure(forge.open_pull_request("main", "main", "t", ""), INVALID)
    unknown = await failure(forge.open_pull_request("nope", "main", "t", ""), INVALID)

    assert same.message == "Validation Failed; No commits between main and main"
    assert unknown.message == "Validation Failed; PullRequest head invalid"


async def test_github_bad_token_is_unauthenticated(api: ContractServer) -> None:
    wrong = "ghp_wrongT0kenValue"

    error = await failure(github(api, token=wrong).get_pull_request(1), UNAUTHENTICATED, wrong)

    assert error.message == "Bad credentials"
    assert api.received[0].headers["authorization"] == f"Bearer {wrong}"


async def test_github_read_only_token_is_forbidden(api: ContractServer) -> None:
    forge = github(api, token=READ_ONLY_TOKEN)

    error = await failure(
        forge.open_pull_request("feature", "main", "t", ""), FORBIDDEN, READ_ONLY_TOKEN
    )

    assert "not accessible" in error.message
    assert api.github.pulls == {}


async def test_github_missing_pull_or_repository_is_not_found(api: ContractServer) -> None:
    await failure(github(api).get_pull_request(42), NOT_FOUND)
    await failure(github(api, repository="octo/gone").get_pull_request(1), NOT_FOUND)

    assert api.received[1].path == "/api/v3/repos/octo/gone/pulls/1"


async def test_server_errors_and_non_json_answers_are_unreachable(api: ContractServer) -> None:
    api.next_answer = Answer(502, "<html><body>Bad gateway</body></html>")
    bad_gateway = await failure(github(api).get_pull_request(1), UNREACHABLE)
    api.next_answer = Answer(200, "<html>captive portal</html>")
    not_json = await failure(github(api).get_pull_request(1), UNREACHABLE)

    assert bad_gateway.message == "HTTP 502 Bad Gateway"
    assert "did not answer with JSON" in not_json.message


async def test_token_echoed_by_the_forge_is_scrubbed(api: ContractServer) -> None:
    api.next_answer = Answer(400, {"message": f"token {TOKEN} is malformed"})

    error = await failure(github(api).get_pull_request(1), INVALID)

    assert error.message == "token *** is malformed"


async def test_connection_refused_is_unreachable() -> None:
    url = f"http://127.0.0.1:{free_port()}/api/v3"
    forge = forge_for(ForgeConfig(GITHUB, url, "octo/widgets", TOKEN))

    error = await failure(forge.open_pull_request("feature", "main", "t", ""), UNREACHABLE)

    assert "127.0.0.1" in error.message


async def test_timeout_of_a_given_client_is_unreachable_and_client_stays_open(
    api: ContractServer,
) -> None:
    api.github.add("feature", "main")
    async with httpx.AsyncClient(timeout=0.2) as client:
        forge = forge_for(ForgeConfig(GITHUB, api.url("/api/v3"), "octo/widgets", TOKEN), client)
        api.delay = 1.0
        await failure(forge.get_pull_request(1), UNREACHABLE)
        api.delay = 0.0
        pr = await forge.get_pull_request(1)

        assert pr.source == "feature"
        assert not client.is_closed


async def test_own_client_is_closed_after_each_call_a_given_one_is_not(
    api: ContractServer,
) -> None:
    api.github.add("feature", "main")

    await github(api).get_pull_request(1)
    own_closed = api.connections_settle(0)
    async with httpx.AsyncClient() as client:
        given = forge_for(ForgeConfig(GITHUB, api.url("/api/v3"), "octo/widgets", TOKEN), client)
        await given.get_pull_request(1)
        given_kept = api.connections_settle(1)
    given_closed = api.connections_settle(0)

    assert (own_closed, given_kept, given_closed) == (True, True, True)


# Gitea ------------------------------------------------------------------------------------


async def test_gitea_open_uses_token_auth_under_api_v1(api: ContractServer) -> None:
    pr = await gitea(api).open_pull_request("feature", "main", "Bump", "why")

    assert (pr.number, pr.url, pr.state) == (1, f"{WEB}/octo/widgets/pulls/1", OPEN)
    (req,) = api.received
    assert (req.method, req.path) == ("POST", "/api/v1/repos/octo/widgets/pulls")
    assert req.headers["authorization"] == f"token {TOKEN}"
    assert req.body == {"title": "Bump", "head": "feature", "base": "main", "body": "why"}


@pytest.mark.parametrize("status", [409, 422])
async def test_gitea_existing_pull_request_is_duplicate(api: ContractServer, status: int) -> None:
    api.gitea.add("feature", "main")
    api.gitea_duplicate_status = status

    error = await failure(gitea(api).open_pull_request("feature", "main", "t", ""), DUPLICATE)

    assert "already exists for these targets" in error.message


async def test_gitea_find_open_pages_and_filters_client_side(api: ContractServer) -> None:
    for i in range(PAGE_SIZE + 5):
        api.gitea.add(f"exp-{i}", "main")
    wanted = api.gitea.add("feature", "main", "late")
    api.gitea.add("dev", "main", state="closed", merged=True)
    forge = gitea(api)

    found = await forge.find_open_pull_request("feature", "main")
    merged = await forge.get_pull_request(wanted.number + 1)

    assert found is not None and (found.number, found.title) == (wanted.number, "late")
    assert merged.state == MERGED
    pages = [r.query for r in api.received if r.path == "/api/v1/repos/octo/widgets/pulls"]
    assert pages == [
        {"state": ["open"], "limit": [str(PAGE_SIZE)], "page": ["1"]},
        {"state": ["open"], "limit": [str(PAGE_SIZE)], "page": ["2"]},
    ]


async def test_gitea_bad_token_is_unauthenticated(api: ContractServer) -> None:
    await failure(
        gitea(api, token="wrong-token").get_pull_request(1), UNAUTHENTICATED, "wrong-token"
    )


# GitLab -----------------------------------------------------------------------------------

GITLAB_PATH = "/api/v4/projects/ml-group%2Fvision%2Fwidgets/merge_requests"


async def test_gitlab_open_sends_the_documented_request(api: ContractServer) -> None:
    mr = await gitlab(api).open_pull_request("exp/lr-0.1", "main", "Try lr", "Params edit")

    assert mr == ForgePullRequest(
        1, f"{WEB}/{GITLAB_PROJECT}/-/merge_requests/1", OPEN, "exp/lr-0.1", "main", "Try lr"
    )
    (req,) = api.received
    assert (req.method, req.path) == ("POST", GITLAB_PATH)
    assert req.headers["private-token"] == TOKEN
    assert "authorization" not in req.headers
    assert req.body == {
        "source_branch": "exp/lr-0.1",
        "target_branch": "main",
        "title": "Try lr",
        "description": "Params edit",
    }


@pytest.mark.parametrize(
    ("state", "expected"),
    [("opened", OPEN), ("closed", CLOSED), ("locked", CLOSED), ("merged", MERGED)],
)
async def test_gitlab_get_maps_states(api: ContractServer, state: str, expected: str) -> None:
    api.gitlab.add("feature", "main", "MR", state=state)

    mr = await gitlab(api).get_pull_request(1)

    assert (mr.number, mr.state, mr.source, mr.target, mr.title) == (
        1,
        expected,
        "feature",
        "main",
        "MR",
    )
    assert api.received[0].path == f"{GITLAB_PATH}/1"


async def test_gitlab_find_open_sends_state_and_branch_filters(api: ContractServer) -> None:
    api.gitlab.add("feature", "main", state="merged")
    api.gitlab.add("feature", "dev", state="opened")
    wanted = api.gitlab.add("feature", "main", "open one", state="opened")
    forge = gitlab(api)

    found = await forge.find_open_pull_request("feature", "main")
    missing = await forge.find_open_pull_request("dev", "main")

    assert found is not None and (found.number, found.title) == (wanted.number, "open one")
    assert missing is None
    req = api.received[0]
    assert (req.method, req.path) == ("GET", GITLAB_PATH)
    assert {k: v for k, v in req.query.items() if k not in ("per_page", "page")} == {
        "state": ["opened"],
        "source_branch": ["feature"],
        "target_branch": ["main"],
    }


async def test_gitlab_existing_merge_request_is_duplicate(api: ContractServer) -> None:
    api.gitlab.add("feature", "main", state="opened")

    error = await failure(gitlab(api).open_pull_request("feature", "main", "t", ""), DUPLICATE)

    assert error.message == "Another open merge request already exists for this source branch: !1"


async def test_gitlab_other_conflicts_and_validation_are_invalid(api: ContractServer) -> None:
    forge = gitlab(api)

    same = await failure(forge.open_pull_request("main", "main", "t", ""), INVALID)
    blank = await failure(forge.open_pull_request("feature", "main", " ", ""), INVALID)

    assert same.message == "You can't use same project/branch for source and target"
    assert blank.message == "title can't be blank"


async def test_gitlab_bad_token_and_unknown_project(api: ContractServer) -> None:
    unauthenticated = await failure(
        gitlab(api, token="glpat-wrong").get_pull_request(1), UNAUTHENTICATED, "glpat-wrong"
    )
    missing = await failure(gitlab(api, project="ml-group/gone").get_pull_request(1), NOT_FOUND)
    no_mr = await failure(gitlab(api).get_pull_request(9), NOT_FOUND)

    assert unauthenticated.message == "401 Unauthorized"
    assert missing.message == "404 Project Not Found"
    assert no_mr.message == "404 Not found"


# configuration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "repo_url", "expected"),
    [
        (GITHUB, "https://github.com/octo/widgets.git", "https://api.github.com"),
        (GITHUB, "git@github.com:octo/widgets.git", "https://api.github.com"),
        (GITHUB, "ssh://git@github.com/octo/widgets.git", "https://api.github.com"),
        (GITHUB, "https://ghe.example.com/octo/widgets", "https://ghe.example.com/api/v3"),
        (GITHUB, "git@ghe.example.com:octo/widgets.git", "https://ghe.example.com/api/v3"),
        (GITEA, "https://gitea.example.com/octo/widgets.git", "https://gitea.example.com/api/v1"),
        (GITEA, "http://gitea.local:3000/octo/widgets", "http://gitea.local:3000/api/v1"),
        (
            GITEA,
            "ssh://git@gitea.example.com:2222/octo/widgets.git",
            "https://gitea.example.com/api/v1",
        ),
        (
            GITLAB,
            "https://gitlab.example.com/group/sub/name.git",
            "https://gitlab.example.com/api/v4",
        ),
        (GITLAB, "git@gitlab.example.com:group/sub/name.git", "https://gitlab.example.com/api/v4"),
        (
            GITLAB,
            "ssh://git@GitLab.Example.com/group/sub/name.git",
            "https://gitlab.example.com/api/v4",
        ),
        (GITLAB, "https://user:pw@gitlab.com/group/name", "https://gitlab.com/api/v4"),
    ],
)
def test_default_api_url(kind: str, repo_url: str, expected: str) -> None:
    assert default_api_url(kind, repo_url) == expected


@pytest.mark.parametrize(
    ("repo_url", "expected"),
    [
        ("https://github.com/octo/widgets", "octo/widgets"),
        ("https://github.com/octo/widgets.git", "octo/widgets"),
        ("https://github.com/octo/widgets/", "octo/widgets"),
        ("git@github.com:octo/widgets.git", "octo/widgets"),
        ("ssh://git@github.com/octo/widgets.git", "octo/widgets"),
        ("https://gitlab.example.com/group/sub/name.git", "group/sub/name"),
        ("git@gitlab.example.com:group/sub/name.git", "group/sub/name"),
        ("ssh://git@gitlab.example.com:2222/group/sub/name.git", "group/sub/name"),
        ("https://gitlab.example.com/group/sub/name/-/tree/main", "group/sub/name"),
    ],
)
def test_repository_from_url(repo_url: str, expected: str) -> None:
    assert repository_from_url(repo_url) == expected


@pytest.mark.parametrize(
    "repo_url", ["https://github.com/octo", "git@github.com:", "/srv/repo.git", "not a url"]
)
def test_repository_from_url_is_empty_without_owner_and_name(repo_url: str) -> None:
    assert repository_from_url(repo_url) == ""


@pytest.mark.parametrize("repo_url", ["/srv/repo.git", "file:///srv/repo.git", "not a url"])
def test_default_api_url_is_empty_without_a_host(repo_url: str) -> None:
    assert default_api_url(GITLAB, repo_url) == ""


def test_bad_configuration_is_invalid() -> None:
    with pytest.raises(ForgeError) as kind:
        forge_for(ForgeConfig("BITBUCKET", "https://x", "o/n", TOKEN))
    with pytest.raises(ForgeError) as repository:
        forge_for(ForgeConfig(GITHUB, "https://x", "o/n/extra", TOKEN))
    with pytest.raises(ForgeError) as api_kind:
        default_api_url("BITBUCKET", "https://x.example.com/o/n")
    assert [e.value.code for e in (kind, repository, api_kind)] == [INVALID] * 3


async def test_unusable_api_url_is_invalid() -> None:
    forge = forge_for(ForgeConfig(GITHUB, "http://[::1/api/v3", "octo/widgets", TOKEN))

    error = await failure(forge.get_pull_request(1), INVALID)

    assert "not a usable API URL" in error.message


def test_config_repr_hides_the_token() -> None:
    config = ForgeConfig(GITLAB, "https://gitlab.example.com/api/v4", "g/n", TOKEN)

    assert TOKEN not in repr(config)
    assert "g/n" in repr(config)
