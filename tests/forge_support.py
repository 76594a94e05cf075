"""A local stand-in of GitHub's, Gitea's and GitLab's pull-request REST APIs, for the
contract tests of sync/forges.py and of pull requests opened through gitstudio: a real HTTP
server on a loopback address that checks each request against the documented shape and answers as
the forge does (see tests/test_forges.py for the shapes and their sources)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from services import DAEMON_HOST

TOKEN = "ghp_s3cr3tT0kenValue1234567890"
READ_ONLY_TOKEN = "ghp_readOnlyT0kenValue0987654321"
WEB = "https://forge.example.com"
BRANCHES = {"main", "dev", "feature", "exp/lr-0.1"}
GITLAB_PROJECT = "ml-group/vision/widgets"


class Answer(Exception):
    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


@dataclass
class Received:
    method: str
    path: str  # raw, as on the wire: percent-encoding kept
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: Any


@dataclass
class Pull:
    number: int
    head: str
    base: str
    title: str
    body: str = ""
    state: str = "open"  # GitHub/Gitea open|closed, GitLab opened|closed|locked|merged
    merged: bool = False


@dataclass
class Repo:
    pulls: dict[int, Pull] = field(default_factory=dict)

    def add(self, head: str, base: str, title: str = "t", **kw: Any) -> Pull:
        pull = Pull(len(self.pulls) + 1, head, base, title, **kw)
        self.pulls[pull.number] = pull
        return pull


class ContractServer:
    """The three forges behind one port: GitHub Enterprise under /api/v3, Gitea under
    /api/v1, GitLab under /api/v4."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.branches = set(BRANCHES)  # the branches the forge's repositories have
        self.violations: list[str] = []
        self.github = Repo()  # octo/widgets
        self.gitea = Repo()  # octo/widgets
        self.gitlab = Repo()  # ml-group/vision/widgets
        self.gitea_duplicate_status = 409
        self.next_answer: Answer | None = None
        self.delay = 0.0
        self.base = ""  # http://127.0.0.2:PORT once serving
        self.connections = 0  # TCP connections open right now (HTTP/1.1 keep-alive)
        self.lock = threading.Lock()

    def connection(self, delta: int) -> None:
        with self.lock:
            self.connections += delta

    def connections_settle(self, expected: int, within: float = 2.0) -> bool:
        deadline = time.monotonic() + within
        while self.connections != expected and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.connections == expected

    def url(self, prefix: str) -> str:
        return f"{self.base}{prefix}"

    def violation(self, text: str) -> Answer:
        self.violations.append(text)
        return Answer(400, {"message": f"contract violation: {text}"})

    def require(self, ok: bool, text: str) -> None:
        if not ok:
            raise self.violation(text)

    def handle(self, req: Received) -> tuple[int, Any]:
        self.received.append(req)
        time.sleep(self.delay)
        try:
            if self.next_answer is not None:
                answer, self.next_answer = self.next_answer, None
                raise answer
            return self.route(req)
        except Answer as answer:
            return answer.status, answer.body

    def route(self, req: Received) -> tuple[int, Any]:
        routes: list[tuple[str, Callable[[Received, re.Match[str]], tuple[int, Any]]]] = [
            (r"/api/v3/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)/pulls(?:/(?P<n>\d+))?", self.gh),
            (r"/api/v1/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)/pulls(?:/(?P<n>\d+))?", self.gt),
            (r"/api/v4/projects/(?P<id>[^/]+)/merge_requests(?:/(?P<n>\d+))?", self.gl),
        ]
        for pattern, handler in routes:
            if match := re.fullmatch(pattern, req.path):
                return handler(req, match)
        self.violations.append(f"no such endpoint: {req.method} {req.path}")
        return 404, {"message": "Not Found"}

    # GitHub -------------------------------------------------------------------------------

    def gh(self, req: Received, match: re.Match[str]) -> tuple[int, Any]:
        self.check_github_headers(req)
        if req.headers.get("authorization") not in (f"Bearer {TOKEN}", f"Bearer {READ_ONLY_TOKEN}"):
            raise Answer(401, {"message": "Bad credentials", "documentation_url": DOCS_GH})
        if (match["owner"], match["name"]) != ("octo", "widgets"):
            raise Answer(404, {"message": "Not Found", "documentation_url": DOCS_GH})
        return self.pulls_api(req, match, self.github, github_pull, self.github_create)

    def check_github_headers(self, req: Received) -> None:
        h = req.headers
        self.require(h.get("accept") == "application/vnd.github+json", "Accept header")
        self.require(h.get("x-github-api-version") == "2022-11-28", "X-GitHub-Api-Version")
        self.require(bool(h.get("user-agent")), "GitHub requires a User-Agent")

    def github_create(self, req: Received, repo: Repo) -> Pull:
        if req.headers.get("authorization") == f"Bearer {READ_ONLY_TOKEN}":
            raise Answer(403, {"message": "Resource not accessible by personal access token"})
        body = self.create_body(req, {"title", "head", "base"}, {"body"})
        head = body["head"].removeprefix("octo:")
        for name in ("head", "base"):
            branch = head if name == "head" else body["base"]
            if branch not in self.branches:
                error = {"resource": "PullRequest", "field": name, "code": "invalid"}
                raise Answer(422, validation_failed(error))
        if head == body["base"]:
            message = f"No commits between {body['base']} and {head}"
            raise Answer(
                422,
                validation_failed(
                    {"resource": "PullRequest", "code": "custom", "message": message}
                ),
            )
        if find(repo, head, body["base"], "open"):
            message = f"A pull request already exists for octo:{head}."
            raise Answer(
                422,
                validation_failed(
                    {"resource": "PullRequest", "code": "custom", "message": message}
                ),
            )
        return repo.add(head, body["base"], body["title"], body=body.get("body", ""))

    # Gitea --------------------------------------------------------------------------------

    def gt(self, req: Received, match: re.Match[str]) -> tuple[int, Any]:
        if req.headers.get("authorization") != f"token {TOKEN}":
            raise Answer(401, {"message": "token is required", "url": f"{WEB}/api/swagger"})
        if (match["owner"], match["name"]) != ("octo", "widgets"):
            raise Answer(404, {"message": "The target couldn't be found.", "errors": []})
        return self.pulls_api(req, match, self.gitea, gitea_pull, self.gitea_create)

    def gitea_create(self, req: Received, repo: Repo) -> Pull:
        body = self.create_body(req, {"title", "head", "base"}, {"body"})
        if find(repo, body["head"], body["base"], "open"):
            message = (
                "pull request already exists for these targets [id: 1, issue_id: 1, "
                f"head_repo_id: 1, base_repo_id: 1, head_branch: {body['head']}, "
                f"base_branch: {body['base']}]"
            )
            raise Answer(self.gitea_duplicate_status, {"message": message, "url": WEB})
        return repo.add(body["head"], body["base"], body["title"], body=body.get("body", ""))

    def pulls_api(
        self,
        req: Received,
        match: re.Match[str],
        repo: Repo,
        render: Callable[[Pull], dict[str, Any]],
        create: Callable[[Received, Repo], Pull],
    ) -> tuple[int, Any]:
        if match["n"] and req.method == "GET":
            return 200, render(self.one(repo, int(match["n"])))
        if req.method == "POST" and not match["n"]:
            return 201, render(create(req, repo))
        self.require(req.method == "GET" and not match["n"], f"{req.method} {req.path}")
        state = self.single(req, "state")
        pulls = [p for p in repo.pulls.values() if state in ("all", p.state)]
        if (head := self.single(req, "head", None)) and render is github_pull:
            owner, sep, branch = head.partition(":")
            self.require(bool(sep) and owner == "octo", "head filter is user:ref-name")
            pulls = [p for p in pulls if p.head == branch]
        if (base := self.single(req, "base", None)) and render is github_pull:
            pulls = [p for p in pulls if p.base == base]
        size_param = "per_page" if render is github_pull else "limit"
        return 200, [render(p) for p in self.page(req, pulls, size_param)]

    # GitLab -------------------------------------------------------------------------------

    def gl(self, req: Received, match: re.Match[str]) -> tuple[int, Any]:
        if req.headers.get("private-token") != TOKEN:
            raise Answer(401, {"message": "401 Unauthorized"})
        self.require("%2F" in match["id"] or match["id"].isdigit(), "project path URL-encoded")
        if unquote(match["id"]) != GITLAB_PROJECT:
            raise Answer(404, {"message": "404 Project Not Found"})
        if match["n"] and req.method == "GET":
            return 200, gitlab_mr(self.one(self.gitlab, int(match["n"]), "404 Not found"))
        if req.method == "POST" and not match["n"]:
            return 201, gitlab_mr(self.gitlab_create(req))
        self.require(req.method == "GET" and not match["n"], f"{req.method} {req.path}")
        state = self.single(req, "state")
        pulls = [p for p in self.gitlab.pulls.values() if state in ("all", p.state)]
        if source := self.single(req, "source_branch", None):
            pulls = [p for p in pulls if p.head == source]
        if target := self.single(req, "target_branch", None):
            pulls = [p for p in pulls if p.base == target]
        return 200, [gitlab_mr(p) for p in self.page(req, pulls, "per_page")]

    def gitlab_create(self, req: Received) -> Pull:
        body = self.create_body(req, {"source_branch", "target_branch", "title"}, {"description"})
        if not body["title"].strip():
            raise Answer(400, {"message": {"title": ["can't be blank"]}})
        source, target = body["source_branch"], body["target_branch"]
        if existing := find(self.gitlab, source, target, "opened"):
            message = f"Another open merge request already exists for this source branch: !{existing.number}"
            raise Answer(409, {"message": [message]})
        if source == target:
            raise Answer(
                409, {"message": ["You can't use same project/branch for source and target"]}
            )
        return self.gitlab.add(
            source, target, body["title"], body=body.get("description", ""), state="opened"
        )

    # shared -------------------------------------------------------------------------------

    def create_body(self, req: Received, required: set[str], optional: set[str]) -> dict[str, str]:
        self.require(
            req.headers.get("content-type", "").startswith("application/json"), "JSON body"
        )
        body = req.body
        self.require(isinstance(body, dict), "body is a JSON object")
        self.require(required <= body.keys(), f"body has {sorted(required)}")
        self.require(
            body.keys() <= required | optional,
            f"unknown fields {body.keys() - required - optional}",
        )
        self.require(all(isinstance(v, str) for v in body.values()), "string fields")
        return dict(body)

    def single(self, req: Received, name: str, default: str | None = "") -> Any:
        values = req.query.get(name, [])
        self.require(len(values) <= 1, f"one {name} parameter")
        if default == "":  # required
            self.require(bool(values), f"{name} parameter")
        return values[0] if values else default

    def page(self, req: Received, pulls: list[Pull], size_param: str) -> list[Pull]:
        size = int(self.single(req, size_param, "30"))
        self.require(1 <= size <= 50, f"{size_param} within the forge's cap")
        page = int(self.single(req, "page", "1"))
        return pulls[(page - 1) * size : page * size]

    def one(self, repo: Repo, number: int, missing: str = "Not Found") -> Pull:
        if number not in repo.pulls:
            raise Answer(404, {"message": missing})
        return repo.pulls[number]


DOCS_GH = "https://docs.github.com/rest/pulls/pulls"


def validation_failed(error: dict[str, str]) -> dict[str, Any]:
    return {"message": "Validation Failed", "errors": [error], "documentation_url": DOCS_GH}


def find(repo: Repo, head: str, base: str, state: str) -> Pull | None:
    return next(
        (p for p in repo.pulls.values() if (p.head, p.base, p.state) == (head, base, state)), None
    )


def github_pull(pull: Pull) -> dict[str, Any]:
    merged_at = "2024-05-02T10:00:00Z" if pull.merged else None
    return {
        "url": f"{WEB}/api/v3/repos/octo/widgets/pulls/{pull.number}",
        "id": 1000 + pull.number,
        "html_url": f"{WEB}/octo/widgets/pull/{pull.number}",
        "number": pull.number,
        "state": pull.state,
        "locked": False,
        "title": pull.title,
        "body": pull.body,
        "created_at": "2024-05-01T10:00:00Z",
        "closed_at": merged_at,
        "merged_at": merged_at,
        "draft": False,
        "head": {"label": f"octo:{pull.head}", "ref": pull.head, "sha": "a" * 40},
        "base": {"label": f"octo:{pull.base}", "ref": pull.base, "sha": "b" * 40},
    }


def gitea_pull(pull: Pull) -> dict[str, Any]:
    shaped = github_pull(pull) | {"html_url": f"{WEB}/octo/widgets/pulls/{pull.number}"}
    return shaped | {"merged": pull.merged, "mergeable": True}


def gitlab_mr(pull: Pull) -> dict[str, Any]:
    return {
        "id": 5000 + pull.number,
        "iid": pull.number,
        "project_id": 7,
        "title": pull.title,
        "description": pull.body,
        "state": pull.state,
        "merged_at": "2024-05-02T10:00:00Z" if pull.state == "merged" else None,
        "target_branch": pull.base,
        "source_branch": pull.head,
        "draft": False,
        "web_url": f"{WEB}/{GITLAB_PROJECT}/-/merge_requests/{pull.number}",
    }


def handler_for(server: ContractServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: a client left open keeps its connection

        def handle(self) -> None:
            server.connection(+1)
            try:
                super().handle()
            finally:
                server.connection(-1)

        def _serve(self) -> None:
            split = urlsplit(self.path)
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            headers = {k.lower(): v for k, v in self.headers.items()}
            req = Received(self.command, split.path, parse_qs(split.query), headers, body)
            status, answer = server.handle(req)
            data = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
            kind = "text/html" if isinstance(answer, str) else "application/json; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def contract_server() -> Iterator[ContractServer]:
    """Serve the three forges until the block ends; off-contract requests fail the test."""
    contract = ContractServer()
    # On the loopback address the tests' repository policy allows (GITSTUDIO_ALLOWED_GIT_HOSTS):
    # forge requests through the app pass the same host check as Git remotes.
    httpd = ThreadingHTTPServer((DAEMON_HOST, 0), handler_for(contract))
    httpd.daemon_threads = True
    contract.base = f"http://{DAEMON_HOST}:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield contract
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert contract.violations == []
