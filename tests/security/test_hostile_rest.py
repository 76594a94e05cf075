"""Hostile requests to the Studio-compatible REST routes (``/api/live``, ``/webhook/dvc``,
``/api/view-links``, ``/api/model-registry/...``, ``/api/create-project``, live images), the
forge webhooks and the device login: each gets a 4xx with a JSON error body, never a 500, and
changes no row and no ref (an unknown but well-formed repository URL is recorded by design,
so every URL here is either a project's or one that cannot be a URL)."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from corpus import Http, assert_unique_names, run_http
from harness import GITHUB_SECRET, GITLAB_TOKEN, Hostile
from test_hostile_corpus import REPO_URLS, allowed_repo

JSON = {"Content-Type": "application/json"}
# The policy's refusal of a repository, however it is phrased; a URL longer than the request
# body bound (GITSTUDIO_MAX_REQUEST_BODY_BYTES) is refused before it is read.
REFUSED = (400, 403, 404, 413, 422)


def body(**fields: Any) -> Any:
    """A JSON body whose values may be functions of the world."""
    return lambda env: json.dumps(
        {k: v(env) if callable(v) else v for k, v in fields.items()}
    ).encode()


def repo(env: Hostile) -> str:
    return str(env.projects["alpha"].repo)


def sha(env: Hostile) -> str:
    return env.projects["alpha"].main_sha


def live(**fields: Any) -> Any:
    """A live event of alpha, with ``fields`` changed (None drops a field)."""
    base: dict[str, Any] = {
        "type": "data",
        "repo_url": repo,
        "baseline_sha": sha,
        "name": "h-run",
        "client": "dvclive",
        "step": 0,
    }
    base.update(fields)
    return body(**{k: v for k, v in base.items() if v is not None})


def post_live(
    name: str, content: Any, status: Any = 400, scope: str | None = "EXPERIMENTS"
) -> Http:
    return Http(f"live-{name}", "POST", "/api/live", status, content, JSON, scope)


def _deep(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"a": value}
    return value


LIVE_CASES = [
    post_live("no-token", live(), 401, None),
    post_live("bad-token", live(), 401, "dsat_" + "y" * 48),
    post_live("read-scope", live(), 403, "READ"),
    post_live("models-scope", live(), 403, "MODELS"),
    post_live("not-json", b"{nope", 400),
    post_live("json-array", b"[]", 400),
    post_live("json-null", b"null", 400),
    post_live("empty-body", b"", 400),
    post_live("json-nested-100k", b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 400),
    post_live("type-missing", live(type=None)),
    post_live("type-unknown", live(type="explode")),
    post_live("type-number", live(type=5)),
    post_live("repo-url-missing", live(repo_url=None)),
    post_live("repo-url-number", live(repo_url=7)),
    post_live("repo-url-nul", live(repo_url=lambda e: repo(e) + "\x00")),
    post_live("repo-url-tilde-nosuchuser", live(repo_url="~nosuchuser/repo")),
    post_live("repo-url-control-chars", live(repo_url="https://example.com/\x1b[31m.git")),
    post_live("baseline-missing", live(baseline_sha=None)),
    post_live("baseline-garbage", live(baseline_sha="not-a-sha")),
    post_live("baseline-100kb", live(baseline_sha="a" * 100_000)),
    post_live("baseline-nul", live(baseline_sha="a" * 39 + "\x00")),
    post_live("name-empty", live(name="")),
    post_live("name-nul", live(name="a\x00b")),
    post_live("name-100kb", live(name="n" * 100_000)),
    post_live("name-number", live(name=5)),
    post_live("step-huge", live(step=2**70)),
    post_live("step-string", live(step="one")),
    post_live("step-float", live(step=1.5)),
    post_live("plots-not-object", live(plots=[1, 2])),
    post_live("plots-data-not-list", live(plots={"dvclive/plots/metrics/loss.tsv": {"data": 5}})),
    post_live("metrics-deep", live(metrics=_deep(500))),
    post_live("params-deep", live(params=_deep(500))),
    post_live("metrics-not-object", live(metrics="loss=1")),
    post_live("subdir-nul", live(subdir="a\x00")),
    post_live("done-experiment-rev-garbage", live(type="done", experiment_rev="--all")),
    post_live("images-not-object", live(plots={"dvclive/plots/images/a.png": {"image": 5}})),
    post_live(
        "images-bad-base64", live(plots={"dvclive/plots/images/a.png": {"image": "!!!notbase64"}})
    ),
    post_live("oversized-body", lambda e: b'{"x": "' + b"a" * 31_000_000 + b'"}', 413),
]

WEBHOOK_DVC = [
    Http("dvc-webhook-no-token", "POST", "/webhook/dvc", 401, body(repo_url=repo), JSON, None),
    Http("dvc-webhook-read-scope", "POST", "/webhook/dvc", 403, body(repo_url=repo), JSON, "READ"),
    Http("dvc-webhook-not-json", "POST", "/webhook/dvc", 400, b"{", JSON, "EXPERIMENTS"),
    Http("dvc-webhook-array", "POST", "/webhook/dvc", 400, b"[]", JSON, "EXPERIMENTS"),
    Http(
        "dvc-webhook-repo-missing", "POST", "/webhook/dvc", 400, body(refs={}), JSON, "EXPERIMENTS"
    ),
    Http(
        "dvc-webhook-repo-nul",
        "POST",
        "/webhook/dvc",
        400,
        body(repo_url="a\x00b"),
        JSON,
        "EXPERIMENTS",
    ),
    Http(
        "dvc-webhook-repo-tilde",
        "POST",
        "/webhook/dvc",
        400,
        body(repo_url="~nosuchuser/x"),
        JSON,
        "EXPERIMENTS",
    ),
    Http(
        "dvc-webhook-refs-not-object",
        "POST",
        "/webhook/dvc",
        400,
        body(repo_url=repo, refs=[1]),
        JSON,
        "EXPERIMENTS",
    ),
    Http(
        "dvc-webhook-refs-not-strings",
        "POST",
        "/webhook/dvc",
        400,
        body(repo_url=repo, refs={"pushed": [1]}),
        JSON,
        "EXPERIMENTS",
    ),
    Http(
        "dvc-webhook-oversized",
        "POST",
        "/webhook/dvc",
        413,
        lambda e: b'{"x": "' + b"a" * 2_000_000 + b'"}',
        JSON,
        "EXPERIMENTS",
    ),
]


def get(name: str, path: str, status: Any, params: Any, scope: str | None = "READ") -> Http:
    return Http(name, "GET", path, status, scope=scope, params=params)


LINKS = "/api/view-links"
URIS = "/api/model-registry/get-download-uris"
READ_ROUTES = [
    get("view-links-no-token", LINKS, 401, lambda e: {"git_remote_url": repo(e)}, None),
    get("view-links-missing-url", LINKS, 400, lambda e: {}),
    get("view-links-url-nul", LINKS, 400, lambda e: {"git_remote_url": repo(e) + "\x00"}),
    get("view-links-url-tilde", LINKS, 400, lambda e: {"git_remote_url": "~nosuchuser/x"}),
    get(
        "view-links-url-100kb",
        LINKS,
        (400, 404, 414),
        lambda e: {"git_remote_url": "https://e.com/" + "a" * 50_000},
    ),
    get("download-uris-no-token", URIS, 401, lambda e: {"repo": repo(e), "name": "m"}, None),
    get("download-uris-missing-name", URIS, 400, lambda e: {"repo": repo(e)}),
    get(
        "download-uris-version-and-stage",
        URIS,
        400,
        lambda e: {"repo": repo(e), "name": "model-0", "version": "v1.0.0", "stage": "prod"},
    ),
    get("download-uris-repo-nul", URIS, 400, lambda e: {"repo": "a\x00b", "name": "model-0"}),
    get(
        "download-uris-repo-tilde",
        URIS,
        400,
        lambda e: {"repo": "~nosuchuser/x", "name": "model-0"},
    ),
    get(
        "download-uris-name-dotdot",
        URIS,
        (400, 404),
        lambda e: {"repo": str(e.projects["registry"].repo), "name": "../../etc/passwd"},
    ),
    get(
        "download-uris-version-garbage",
        URIS,
        (400, 404),
        lambda e: {"repo": str(e.projects["registry"].repo), "name": "model-0", "version": "\x00"},
    ),
    get(
        "download-file-path-traversal",
        "/api/model-registry/files/1/" + "a" * 40 + "/..%2F..%2F..%2Fetc%2Fpasswd",
        (400, 403, 404),
        lambda e: {},
    ),
    get(
        "download-file-bad-signature",
        "/api/model-registry/files/1/" + "a" * 40 + "/model.pkl",
        (400, 403),
        lambda e: {"expires": "9999999999", "signature": "x"},
    ),
    # 401, or 404 when experiment 1 is in a PUBLIC project (anyone reads its images)
    get("live-image-no-token", "/api/live/images/1/a.png", (401, 404), lambda e: {}, None),
    get(
        "live-image-path-traversal",
        "/api/live/images/1/..%2F..%2F..%2Fetc%2Fpasswd",
        (400, 404),
        lambda e: {},
    ),
    get(
        "live-image-id-huge",
        "/api/live/images/99999999999999999999999/a.png",
        (400, 404),
        lambda e: {},
    ),
    get("live-image-step-garbage", "/api/live/images/1/a.png", 400, lambda e: {"step": "x"}),
    get(
        "live-image-step-huge",
        "/api/live/images/1/a.png",
        (400, 404),
        lambda e: {"step": str(2**70)},
    ),
]

CREATE = "/api/create-project"
CREATE_CASES = [
    Http(
        f"create-project-{name}",
        "POST",
        CREATE,
        REFUSED,
        body(repo_url=url, name=f"r-{name}"[:100]),
        JSON,
        "PROJECTS",
    )
    for name, url, _codes in REPO_URLS
] + [
    Http("create-project-no-token", "POST", CREATE, 401, body(repo_url=repo), JSON, None),
    Http("create-project-read-scope", "POST", CREATE, 403, body(repo_url=repo), JSON, "READ"),
    Http(
        "create-project-experiments-scope",
        "POST",
        CREATE,
        403,
        body(repo_url=repo),
        JSON,
        "EXPERIMENTS",
    ),
    Http("create-project-not-json", "POST", CREATE, 400, b"{", JSON, "PROJECTS"),
    Http("create-project-array", "POST", CREATE, 400, b"[]", JSON, "PROJECTS"),
    Http("create-project-repo-number", "POST", CREATE, 400, body(repo_url=5), JSON, "PROJECTS"),
    Http(
        "create-project-name-number",
        "POST",
        CREATE,
        400,
        body(repo_url=repo, name=5),
        JSON,
        "PROJECTS",
    ),
    Http(
        "create-project-public-string",
        "POST",
        CREATE,
        400,
        body(repo_url=repo, public="yes"),
        JSON,
        "PROJECTS",
    ),
    Http(
        "create-project-oversized",
        "POST",
        CREATE,
        413,
        lambda e: b'{"x": "' + b"a" * 2_000_000 + b'"}',
        JSON,
        "PROJECTS",
    ),
    *[
        Http(
            f"create-project-{name}",
            "POST",
            CREATE,
            (400, 413),
            body(repo_url=allowed_repo, **fields),
            JSON,
            "PROJECTS",
        )
        for name, fields in [
            ("subdir-dotdot", {"name": "r-sub1", "subdir": "../x"}),
            ("subdir-absolute", {"name": "r-sub2", "subdir": "/etc"}),
            ("subdir-git-dir", {"name": "r-sub3", "subdir": ".git"}),
            ("name-nul", {"name": "a\x00b"}),
            ("name-100kb", {"name": "n" * 100_000}),
        ]
    ],
]


def signed(secret: str, content: bytes, algorithm: str = "sha256") -> dict[str, str]:
    digest = hmac.new(secret.encode(), content, algorithm).hexdigest()
    return {"X-Hub-Signature-256": f"{algorithm}={digest}", "X-GitHub-Event": "push", **JSON}


PUSH = json.dumps(
    {"ref": "refs/heads/main", "repository": {"clone_url": "https://e.com/x.git"}}
).encode()
FORGE_CASES = [
    Http(
        "github-no-signature",
        "POST",
        "/webhooks/github",
        401,
        PUSH,
        {"X-GitHub-Event": "push", **JSON},
        None,
    ),
    Http(
        "github-bad-signature",
        "POST",
        "/webhooks/github",
        401,
        PUSH,
        {**signed("wrong", PUSH)},
        None,
    ),
    Http(
        "github-signature-of-other-body",
        "POST",
        "/webhooks/github",
        401,
        PUSH,
        {**signed(GITHUB_SECRET, b"{}")},
        None,
    ),
    Http(
        "github-sha1-signature",
        "POST",
        "/webhooks/github",
        401,
        PUSH,
        {
            "X-Hub-Signature": "sha1="
            + hmac.new(GITHUB_SECRET.encode(), PUSH, hashlib.sha1).hexdigest(),
            **JSON,
        },
        None,
    ),
    Http(
        "github-signature-garbage",
        "POST",
        "/webhooks/github",
        401,
        PUSH,
        {"X-Hub-Signature-256": "sha256=zz\x7f", **JSON},
        None,
    ),
    Http(
        "github-signature-empty-prefix",
        "POST",
        "/webhooks/github",
        401,
        PUSH,
        {"X-Hub-Signature-256": "sha256=", **JSON},
        None,
    ),
    Http(
        "github-signed-not-json",
        "POST",
        "/webhooks/github",
        400,
        b"{nope",
        signed(GITHUB_SECRET, b"{nope"),
        None,
    ),
    Http(
        "github-signed-array",
        "POST",
        "/webhooks/github",
        400,
        b"[]",
        signed(GITHUB_SECRET, b"[]"),
        None,
    ),
    Http(
        "github-signed-nested-100k",
        "POST",
        "/webhooks/github",
        400,
        b"[" * 100_000 + b"]" * 100_000,
        signed(GITHUB_SECRET, b"[" * 100_000 + b"]" * 100_000),
        None,
    ),
    Http(
        "github-oversized",
        "POST",
        "/webhooks/github",
        413,
        b"{" + b" " * 6_000_000 + b"}",
        {"X-Hub-Signature-256": "sha256=00", **JSON},
        None,
    ),
    Http("gitlab-no-token", "POST", "/webhooks/gitlab", 401, PUSH, JSON, None),
    Http(
        "gitlab-wrong-token",
        "POST",
        "/webhooks/gitlab",
        401,
        PUSH,
        {"X-Gitlab-Token": "wrong", **JSON},
        None,
    ),
    Http(
        "gitlab-token-prefix",
        "POST",
        "/webhooks/gitlab",
        401,
        PUSH,
        {"X-Gitlab-Token": GITLAB_TOKEN[:-1], **JSON},
        None,
    ),
    Http(
        "gitlab-token-longer",
        "POST",
        "/webhooks/gitlab",
        401,
        PUSH,
        {"X-Gitlab-Token": GITLAB_TOKEN + "x", **JSON},
        None,
    ),
    Http(
        "gitlab-valid-token-not-json",
        "POST",
        "/webhooks/gitlab",
        400,
        b"{nope",
        {"X-Gitlab-Token": GITLAB_TOKEN, **JSON},
        None,
    ),
    Http(
        "gitlab-valid-token-array",
        "POST",
        "/webhooks/gitlab",
        400,
        b"[1]",
        {"X-Gitlab-Token": GITLAB_TOKEN, **JSON},
        None,
    ),
    Http(
        "gitlab-oversized",
        "POST",
        "/webhooks/gitlab",
        413,
        b"{" + b" " * 6_000_000 + b"}",
        {"X-Gitlab-Token": GITLAB_TOKEN, **JSON},
        None,
    ),
]

START = "/api/device-login"
POLL = "/api/device-login/token"
DEVICE_CASES = [
    Http("device-login-not-json", "POST", START, 400, b"{", JSON, None),
    Http("device-login-array", "POST", START, 400, b"[]", JSON, None),
    Http("device-login-client-name-number", "POST", START, 400, body(client_name=5), JSON, None),
    Http(
        "device-login-token-name-object", "POST", START, 400, body(token_name={"a": 1}), JSON, None
    ),
    Http("device-login-scopes-string", "POST", START, 400, body(scopes="ADMIN"), JSON, None),
    Http("device-login-scopes-unknown", "POST", START, 400, body(scopes=["BOGUS"]), JSON, None),
    Http("device-login-scopes-numbers", "POST", START, 400, body(scopes=[1, 2]), JSON, None),
    Http(
        "device-login-client-name-nul", "POST", START, 400, body(client_name="a\x00b"), JSON, None
    ),
    Http(
        "device-login-oversized",
        "POST",
        START,
        413,
        lambda e: b'{"client_name": "' + b"a" * 100_000 + b'"}',
        JSON,
        None,
    ),
    Http("device-token-not-json", "POST", POLL, 400, b"{", JSON, None),
    Http("device-token-no-code", "POST", POLL, 400, body(), JSON, None),
    Http("device-token-unknown-code", "POST", POLL, 400, body(code="nosuch"), JSON, None),
    Http("device-token-code-number", "POST", POLL, 400, body(code=5), JSON, None),
    Http("device-token-code-100kb", "POST", POLL, (400, 413), body(code="c" * 100_000), JSON, None),
    Http("device-token-code-nul", "POST", POLL, 400, body(code="a\x00b"), JSON, None),
]

CASES = LIVE_CASES + WEBHOOK_DVC + READ_ROUTES + CREATE_CASES + FORGE_CASES + DEVICE_CASES


def test_case_names_are_unique() -> None:
    assert_unique_names(CASES)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_hostile_rest(hostile: Hostile, case: Http) -> None:
    await run_http(hostile, case)
