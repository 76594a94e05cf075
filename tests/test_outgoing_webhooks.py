"""Outgoing webhooks against a real receiver: an HTTP server on 127.0.0.2 (the loopback
address the tests' policy allows, GITSTUDIO_ALLOWED_GIT_HOSTS) run in a thread, answering
as each test scripts it. Events come from real actions: a live run posted through
POST /api/live, a registry write, a sync that fails. Each body's signature is checked with
the webhook's secret. Delivery loops are the app's own (gitstudio.outgoing.Deliverer) with a
small backoff; every wait is for a condition."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import hmac
import shutil
import socket
import ssl
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from live_support import admin_token, cli, event, post_live
from services import DAEMON_HOST
from support import Api, eventually, git, http, start_server, stop_server, with_services

from gitstudio.app import create_app
from gitstudio.outgoing import Deliverer
from schema.relay import from_global_id
from storage import db, deliveries
from sync.generate import RepoSpec, generate_repo
from sync.generate_registry import RegistrySpec, generate_registry

SECRET = "s3cret-for-tests"
CREATE = """mutation($input: CreateWebhookInput!) { createWebhook(input: $input) {
  webhook { id url events active } errors { code message field } } }"""
DELIVERIES = """query($name: String!) { project(name: $name) { webhooks { id events
  deliveries(first: 20) { totalCount nodes { id event status attempts responseCode error
  deliveredAt } } } } }"""


class Receiver:
    """An HTTP server that records each POST (headers, raw body) and answers with the next
    scripted status (200 once the script is used up)."""

    def __init__(self, codes: list[int] | None = None) -> None:
        self.codes = list(codes or [])
        self.hold: threading.Event | None = None  # set: answers wait until it is set
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.received.append((dict(self.headers.items()), body))
                    code = receiver.codes.pop(0) if receiver.codes else 200
                if receiver.hold is not None:
                    receiver.hold.wait(30)
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((DAEMON_HOST, 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{DAEMON_HOST}:{self.server.server_address[1]}/hook"

    def bodies(self) -> list[dict[str, Any]]:
        with self.lock:
            return [orjson.loads(body) for _headers, body in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    found.thread.start()
    yield found
    if found.hold is not None:
        found.hold.set()
    found.server.shutdown()
    found.server.server_close()


@contextlib.asynccontextmanager
async def delivering(api: Api, **changes: Any) -> AsyncIterator[Deliverer]:
    """A new app's delivery loop (started as its lifespan starts it), polling often, with
    ``changes`` to the settings."""
    settings = dataclasses.replace(api.settings, **{"webhook_poll_seconds": 0.05, **changes})
    loop = create_app(settings).state.gitstudio.deliverer
    await loop.start()
    try:
        yield loop
    finally:
        await loop.stop()


@pytest.fixture
async def deliverer(api: Api) -> AsyncIterator[Deliverer]:
    """The app's delivery loop with a small backoff."""
    async with delivering(api, webhook_retry_base_seconds=0.05) as loop:
        yield loop


async def a_project(api: Api, repo: Path, name: str) -> tuple[Path, dict[str, Any]]:
    """A generated one-commit repository at ``repo`` added as project ``name``."""
    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))
    return repo, await api.create_project(repo, name)


async def a_failed_sync(api: Api, tmp_path: Path, name: str, receiver: Receiver) -> None:
    """A project with a SYNC_FAILED webhook whose sync then fails (its repository gone)."""
    repo, project = await a_project(api, tmp_path / "gone", name)
    await webhook_for(api, project["id"], receiver.url, "SYNC_FAILED")
    shutil.rmtree(repo)
    failed = await api.gql(
        "mutation($id: ID!) { syncProject(id: $id) { errors { code } } }", {"id": project["id"]}
    )
    assert failed["data"]["syncProject"]["errors"], failed


def verify(receiver: Receiver, secret: str = SECRET) -> list[dict[str, Any]]:
    """Each request's signature and headers, as a receiver checks them; the bodies."""
    with receiver.lock:
        received = list(receiver.received)
    bodies = []
    for headers, body in received:
        expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["X-Gitstudio-Signature-256"], expected)
        parsed = orjson.loads(body)
        assert headers["X-Gitstudio-Event"] == parsed["event"]
        assert headers["X-Gitstudio-Delivery"] == parsed["delivery"]
        assert headers["Content-Type"] == "application/json"
        bodies.append(parsed)
    return bodies


async def webhook_for(api: Api, project_id: str, url: str, *events: str) -> dict[str, Any]:
    body = await api.data(
        CREATE,
        {"input": {"projectId": project_id, "url": url, "events": list(events), "secret": SECRET}},
    )
    payload: dict[str, Any] = body["createWebhook"]
    assert payload["errors"] == [], payload
    return payload


async def deliveries_of(api: Api, name: str) -> list[dict[str, Any]]:
    found = await api.data(DELIVERIES, {"name": name})
    nodes: list[dict[str, Any]] = found["project"]["webhooks"][0]["deliveries"]["nodes"]
    return nodes


async def test_a_live_run_started_and_finished_is_delivered_signed(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, deliverer: Deliverer
) -> None:
    name = f"hooks-live-{unique}"
    repo, project = await a_project(api, tmp_path / "live", name)
    await webhook_for(api, project["id"], receiver.url, "RUN_STARTED", "RUN_FINISHED")
    rows = await db.fetch(
        "SELECT c.sha FROM commits c JOIN projects p ON p.id = c.project_id WHERE p.name = ?",
        [name],
    )
    baseline = rows[0]["sha"]
    for kind in ("start", "start", "done"):  # a resent start is no second RUN_STARTED
        answer = await post_live(api, event(kind, str(repo), baseline, "run-a"))
        assert answer.status_code == 200, answer.text

    await eventually(_count(receiver, 2), "two deliveries")
    bodies = verify(receiver)
    assert sorted(b["event"] for b in bodies) == ["RUN_FINISHED", "RUN_STARTED"]
    for body in bodies:
        assert body["project"] == {"id": project["id"], "name": name}
        assert body["data"]["name"] == "run-a" and body["data"]["baselineSha"] == baseline
        assert from_global_id(body["data"]["id"])[0] == "Experiment"
    finished = next(b for b in bodies if b["event"] == "RUN_FINISHED")
    assert finished["data"]["status"] == "COMPLETED"
    listed = await eventually(_all_delivered(api, name, 2), "deliveries recorded")
    assert {d["responseCode"] for d in listed} == {200}
    assert {d["attempts"] for d in listed} == {1}
    assert len(receiver.received) == 2


async def test_failed_answers_are_retried_with_their_codes_recorded(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, deliverer: Deliverer
) -> None:
    """A receiver answering 500 twice then 200: three attempts of one delivery (the same
    body, id and signature), each code recorded in turn, DELIVERED at last. The event: a
    sync that fails (the repository is gone)."""
    receiver.codes = [500, 500]
    name = f"hooks-sync-{unique}"
    await a_failed_sync(api, tmp_path, name, receiver)

    listed = await eventually(_all_delivered(api, name, 1), "the third attempt")
    assert listed[0]["attempts"] == 3 and listed[0]["responseCode"] == 200
    assert listed[0]["error"] is None
    bodies = verify(receiver)
    assert len(bodies) == 3 and len({orjson.dumps(b) for b in bodies}) == 1
    assert bodies[0]["event"] == "SYNC_FAILED" and bodies[0]["data"]["error"]
    assert bodies[0]["delivery"] == str(from_global_id(listed[0]["id"])[1])


async def test_giving_up_records_failed_with_the_last_code(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    receiver.codes = [503] * 10
    name = f"hooks-fail-{unique}"
    await a_failed_sync(api, tmp_path, name, receiver)
    async with delivering(api, webhook_retry_base_seconds=0.01, webhook_max_attempts=2):
        listed = await eventually(_ended(api, name, "FAILED"), "FAILED")
    assert listed[0]["attempts"] == 2 and listed[0]["responseCode"] == 503
    assert listed[0]["error"] == "HTTP 503"


async def test_registry_tags_are_delivered_whoever_wrote_them(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, deliverer: Deliverer
) -> None:
    """registerModelVersion through the API, then a stage assigned by a tag pushed as the gto
    CLI writes it: each announced once, by the sync that indexed its tag."""
    repo = tmp_path / "registry"
    generate_registry(repo, RegistrySpec(models=1, versions=1, seed=3, edge_cases=False))
    name = f"hooks-reg-{unique}"
    project = await api.create_project(repo, name)
    await webhook_for(api, project["id"], receiver.url, "MODEL_REGISTERED", "STAGE_ASSIGNED")
    done = await api.data(
        """mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input)
           { tag errors { code message } } }""",
        {"input": {"projectId": project["id"], "model": "model-0", "rev": "main",
                   "bump": "MINOR"}},
    )  # fmt: skip
    assert done["registerModelVersion"]["errors"] == []
    tag = done["registerModelVersion"]["tag"]
    await eventually(_count(receiver, 1), "the registration")
    version = tag.split("@", 1)[1]
    git(repo, "tag", "-a", "model-0#staging#1000", "-m",
        f"Assigning stage staging to artifact model-0 version {version}", tag)  # fmt: skip
    await api.sync(project["id"])
    await api.sync(project["id"])  # nothing new: nothing more
    await eventually(_count(receiver, 2), "the assignment")
    registered, assigned = sorted(verify(receiver), key=lambda b: int(b["delivery"]))
    assert registered["event"] == "MODEL_REGISTERED"
    assert (registered["data"]["model"], registered["data"]["tag"]) == ("model-0", tag)
    assert registered["data"]["version"] == version
    assert assigned["event"] == "STAGE_ASSIGNED"
    assert (
        assigned["data"]["stage"] == "staging" and assigned["data"]["tag"] == "model-0#staging#1000"
    )
    assert len(await deliveries_of(api, name)) == 2


async def test_a_pending_delivery_is_sent_after_a_restart(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    """Queued while no delivery loop ran (a server that stopped): a new app over the same
    database sends it."""
    name = f"hooks-restart-{unique}"
    await a_failed_sync(api, tmp_path, name, receiver)
    pending = await deliveries_of(api, name)
    assert [(d["status"], d["attempts"]) for d in pending] == [("PENDING", 0)]
    assert receiver.received == []
    async with delivering(api):
        listed = await eventually(_all_delivered(api, name, 1), "the restart's delivery")
    assert listed[0]["attempts"] == 1
    assert verify(receiver)[0]["event"] == "SYNC_FAILED"


async def test_a_loopback_url_without_the_allow_setting_is_refused(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    _repo, project = await a_project(api, tmp_path / "r", f"hooks-refused-{unique}")
    before = await db.fetch("SELECT COUNT(*) AS n FROM webhooks")
    for url in (
        receiver.url.replace(DAEMON_HOST, "127.0.0.1"),
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://[::1]/hook",
    ):
        body = await api.data(
            CREATE,
            {"input": {"projectId": project["id"], "url": url, "events": ["RUN_FAILED"],
                       "secret": SECRET}},
        )  # fmt: skip
        errors = body["createWebhook"]["errors"]
        assert [(e["code"], e["field"]) for e in errors] == [("FORBIDDEN_URL", "url")], url
    assert await db.fetch("SELECT COUNT(*) AS n FROM webhooks") == before


async def test_a_url_refused_since_it_was_made_is_not_contacted(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    """The host policy is asked again before each delivery: a server whose allow list no
    longer names the receiver records the refusal and sends nothing."""
    name = f"hooks-recheck-{unique}"
    await a_failed_sync(api, tmp_path, name, receiver)
    async with delivering(api, allowed_git_hosts=(), webhook_max_attempts=1):
        listed = await eventually(_ended(api, name, "FAILED"), "the refusal")
    assert listed[0]["responseCode"] is None and "refused" in listed[0]["error"]
    assert receiver.received == []


async def test_webhooks_are_listed_without_secrets_and_deleted(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    name = f"hooks-list-{unique}"
    _repo, project = await a_project(api, tmp_path / "r", name)
    made = await webhook_for(api, project["id"], receiver.url, "RUN_FAILED", "RUN_STARTED")
    assert made["webhook"]["events"] == ["RUN_STARTED", "RUN_FAILED"]
    stored = await db.fetch("SELECT secret FROM webhooks WHERE url = ?", [receiver.url])
    assert SECRET not in stored[-1]["secret"]  # sealed at rest
    audited = await db.fetch("SELECT arguments FROM audit_log WHERE operation = 'createWebhook'")
    assert audited and all(SECRET not in row["arguments"] for row in audited)  # redacted
    listed = await api.gql(
        "query($n: String!) { project(name: $n) { webhooks { id url } } }", {"n": name}
    )
    assert SECRET not in orjson.dumps(listed).decode()
    assert listed["data"]["project"]["webhooks"] == [
        {"id": made["webhook"]["id"], "url": receiver.url}
    ]
    deleted = await api.data(
        """mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) {
             webhook { id } errors { code } } }""",
        {"input": {"id": made["webhook"]["id"]}},
    )
    assert deleted["deleteWebhook"] == {"webhook": {"id": made["webhook"]["id"]}, "errors": []}
    listed = await api.data("query($n: String!) { project(name: $n) { webhooks { id } } }",
                            {"n": name})  # fmt: skip
    assert listed["project"]["webhooks"] == []


def _count(receiver: Receiver, n: int) -> Any:
    async def check() -> bool:
        with receiver.lock:
            return len(receiver.received) >= n

    return check


def _all_delivered(api: Api, name: str, n: int) -> Any:
    async def check() -> list[dict[str, Any]] | None:
        found = await deliveries_of(api, name)
        done = len(found) == n and all(d["status"] == "DELIVERED" for d in found)
        return found if done else None

    return check


async def test_a_silent_run_is_delivered_stale(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    """The app's own services (its live writer's STALE sweep and its delivery loop): a run
    that stops sending is RUN_STALE, queued by the sweep that marked it."""
    name = f"hooks-stale-{unique}"
    repo, project = await a_project(api, tmp_path / "live", name)
    await webhook_for(api, project["id"], receiver.url, "RUN_STALE")
    baseline = git(repo, "rev-parse", "main")
    settings = dataclasses.replace(api.settings, live_stale_after=0.3, webhook_poll_seconds=0.05)
    async with with_services(create_app(settings)) as client:
        sent = await client.post(
            "/api/live",
            json=event("start", str(repo), baseline, "sleepy"),
            headers={"Authorization": f"token {api.token}"},
        )
        assert sent.status_code == 200, sent.text
        await eventually(_count(receiver, 1), "RUN_STALE")
    (body,) = verify(receiver)
    assert body["event"] == "RUN_STALE"
    assert body["data"]["name"] == "sleepy" and body["data"]["status"] == "STALE"


async def test_pushed_experiments_are_delivered(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, deliverer: Deliverer
) -> None:
    """Experiment refs a sync finds (dvc exp push) are EXPERIMENT_PUSHED, one each; commits
    are not experiments."""
    repo = tmp_path / "exps"
    generate_repo(repo, RepoSpec(commits=2, branches=("main",), exps_per_commit=1, gto_tags=False))
    refs = dict(
        line.split(" ", 1)[::-1]
        for line in git(repo, "for-each-ref", "--format=%(objectname) %(refname)",
                        "refs/exps").splitlines()
    )  # fmt: skip
    assert len(refs) == 2
    for ref in refs:
        git(repo, "update-ref", "-d", ref)
    name = f"hooks-exps-{unique}"
    project = await api.create_project(repo, name)
    await webhook_for(api, project["id"], receiver.url, "EXPERIMENT_PUSHED")
    for ref, sha in refs.items():
        git(repo, "update-ref", ref, sha)
    await api.sync(project["id"])
    await eventually(_count(receiver, 2), "two pushed experiments")
    bodies = verify(receiver)
    assert {b["event"] for b in bodies} == {"EXPERIMENT_PUSHED"}
    assert {b["data"]["sha"] for b in bodies} == set(refs.values())
    await api.sync(project["id"])  # nothing new: nothing more
    assert len(await deliveries_of(api, name)) == 2


OPEN_PR = """mutation($input: RunExperimentInput!) { runExperiment(input: $input) {
  pullRequest { id number } errors { code message } } }"""
SETTLE_PR = """mutation($close: ClosePullRequestInput!, $merge: MergePullRequestInput!,
  $closing: Boolean!) {
  closePullRequest(input: $close) @include(if: $closing) { errors { code } }
  mergePullRequest(input: $merge) @skip(if: $closing) { errors { code } } }"""


async def test_pull_requests_opened_closed_and_merged_are_delivered(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, deliverer: Deliverer
) -> None:
    work = tmp_path / "work"
    generate_repo(work, RepoSpec(commits=1, branches=("main",), exps_per_commit=0, gto_tags=False))
    served = tmp_path / "served.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(served))
    name = f"hooks-pr-{unique}"
    project = await api.create_project(served, name)
    await webhook_for(api, project["id"], receiver.url, "PULL_REQUEST_OPENED",
                      "PULL_REQUEST_CLOSED", "PULL_REQUEST_MERGED")  # fmt: skip
    prs = []
    for branch, value, closing in (("exp/a", 0.5, True), ("exp/b", 0.25, False)):
        opened = await api.data(
            OPEN_PR,
            {"input": {"projectId": project["id"], "baseRev": "main", "target": "PULL_REQUEST",
                       "branch": branch, "paramChanges": [{"file": "params.yaml", "path": "lr",
                                                           "value": value}]}},
        )  # fmt: skip
        pr = opened["runExperiment"]["pullRequest"]
        assert opened["runExperiment"]["errors"] == [] and pr is not None
        prs.append(pr["id"])
        ids = {"pullRequestId": pr["id"]}
        settled = await api.data(SETTLE_PR, {"close": ids, "merge": ids, "closing": closing})
        assert [p["errors"] for p in settled.values()] == [[]]
    await eventually(_count(receiver, 4), "opened, closed, opened, merged")
    bodies = sorted(verify(receiver), key=lambda b: int(b["delivery"]))
    assert [(b["event"], b["data"]["state"], b["data"]["id"]) for b in bodies] == [
        ("PULL_REQUEST_OPENED", "OPEN", prs[0]),
        ("PULL_REQUEST_CLOSED", "CLOSED", prs[0]),
        ("PULL_REQUEST_OPENED", "OPEN", prs[1]),
        ("PULL_REQUEST_MERGED", "MERGED", prs[1]),
    ]
    assert bodies[0]["data"]["sourceBranch"] == "exp/a"
    assert bodies[3]["data"]["mergeSha"] == git(served, "rev-parse", "main")
    assert len(await deliveries_of(api, name)) == 4  # each once


def _ended(api: Api, name: str, status: str) -> Any:
    async def check() -> list[dict[str, Any]] | None:
        found = await deliveries_of(api, name)
        return found if found and found[0]["status"] == status else None

    return check


async def test_two_delivery_loops_send_each_delivery_once(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    """Two servers' loops over one database: each delivery is claimed by one of them; an
    object over the payload bound is sent cut to its id; finished deliveries beyond the
    kept number are pruned."""
    name = f"hooks-two-{unique}"
    _repo, project = await a_project(api, tmp_path / "r", name)
    await webhook_for(api, project["id"], receiver.url, "SYNC_FAILED")
    project_id = from_global_id(project["id"])[1]
    for n in range(12):
        await deliveries.enqueue(project_id, deliveries.SYNC_FAILED, {"error": f"e{n}"})
    huge = {"error": "x" * (deliveries.HOOKS.max_payload_bytes + 1)}
    await deliveries.enqueue(project_id, deliveries.SYNC_FAILED, huge, ("Project", project_id))
    async with delivering(api, webhook_concurrency=2), delivering(api, webhook_concurrency=2):
        await eventually(_all_delivered(api, name, 13), "13 deliveries")
    bodies = verify(receiver)
    assert len(bodies) == 13 and len({b["delivery"] for b in bodies}) == 13
    assert sorted(b["data"].get("error", "") for b in bodies)[1:] == sorted(
        f"e{n}" for n in range(12)
    )
    cut = next(b for b in bodies if "error" not in b["data"])
    assert cut["data"] == {"truncated": True, "id": project["id"]}
    assert await deliveries.prune(5) >= 8
    assert len(await deliveries_of(api, name)) == 5


async def test_a_project_has_at_most_its_bound_of_webhooks(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    _repo, project = await a_project(api, tmp_path / "r", f"hooks-bound-{unique}")
    most = api.settings.max_webhooks_per_project
    for _ in range(most):
        await webhook_for(api, project["id"], receiver.url, "RUN_FAILED")
    before = await db.fetch("SELECT COUNT(*) AS n FROM webhooks")
    body = await api.data(
        CREATE,
        {"input": {"projectId": project["id"], "url": receiver.url, "events": ["RUN_FAILED"],
                   "secret": SECRET}},
    )  # fmt: skip
    errors = body["createWebhook"]["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("LIMIT_EXCEEDED", "projectId")]
    assert await db.fetch("SELECT COUNT(*) AS n FROM webhooks") == before


async def test_a_receiver_that_does_not_answer_in_time_is_a_failed_attempt(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    """The whole attempt is bounded by the timeout setting, whatever the receiver does."""
    receiver.hold = threading.Event()
    name = f"hooks-slow-{unique}"
    await a_failed_sync(api, tmp_path, name, receiver)
    async with delivering(api, webhook_timeout_seconds=0.3, webhook_max_attempts=1):
        listed = await eventually(_ended(api, name, "FAILED"), "the timeout")
    assert listed[0]["responseCode"] is None
    assert listed[0]["error"] == "no answer within 0.3 s"


def test_a_real_server_delivers_from_its_lifespan(tmp_path: Path, receiver: Receiver) -> None:
    """`gitstudio serve` in a subprocess: its lifespan runs the delivery loop, and a live run
    posted to it is delivered, signed, to the receiver."""
    repo = tmp_path / "repo"
    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))
    data = tmp_path / "data"
    cli(data, "project", "add", str(repo), "--name", "served")
    token = admin_token(data)
    server = start_server([], data, {"GITSTUDIO_WEBHOOK_POLL_SECONDS": "0.1"})
    try:
        headers = {"Authorization": f"token {token}"}
        found = http.post(f"{server.url}/graphql", headers=headers, json={
            "query": '{ project(name: "served") { id } }'}).json()  # fmt: skip
        made = http.post(f"{server.url}/graphql", headers=headers, json={
            "query": CREATE, "variables": {"input": {
                "projectId": found["data"]["project"]["id"], "url": receiver.url,
                "events": ["RUN_STARTED", "RUN_FINISHED"], "secret": SECRET}}}).json()  # fmt: skip
        assert made["data"]["createWebhook"]["errors"] == [], made
        baseline = git(repo, "rev-parse", "main")
        for kind in ("start", "done"):
            sent = http.post(f"{server.url}/api/live", headers=headers,
                              json=event(kind, str(repo), baseline, "served-run"))  # fmt: skip
            assert sent.status_code == 200, sent.text
        deadline = time.monotonic() + 20
        while len(receiver.received) < 2:
            assert time.monotonic() < deadline, server.output.read_text()
            time.sleep(0.05)
    finally:
        stop_server(server)
    assert sorted(b["event"] for b in verify(receiver)) == ["RUN_FINISHED", "RUN_STARTED"]


class Resolver:
    """A contract test of the resolver (DNS cannot be scripted here): ``socket.getaddrinfo``
    for one name answers from a script (the last answer once it is used up); every other
    name resolves as before. Counts the lookups of its name."""

    def __init__(self, name: str, answers: list[str]) -> None:
        self.name = name
        self.answers = answers
        self.asked = 0
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if (host.decode() if isinstance(host, bytes) else host) != self.name:  # anyio: bytes
            return self.real(host, port, *args, **kwargs)
        address = self.answers[min(self.asked, len(self.answers) - 1)]
        self.asked += 1
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))]


async def a_named_webhook(api: Api, repo: Path, loop: Deliverer, name: str, url: str) -> None:
    """A project ``name`` with a SYNC_FAILED webhook to ``url`` (stored as createWebhook
    stores it: the API's policy allows no plain http to a name) and one delivery due."""
    _repo, project = await a_project(api, repo, name)
    project_id = from_global_id(project["id"])[1]
    sealed = loop.sealer.seal(SECRET)
    await deliveries.create_webhook(loop.limits, project_id, url, ["SYNC_FAILED"], sealed, "admin")
    await deliveries.enqueue(project_id, deliveries.SYNC_FAILED, {"error": "boom"})


def _finished(api: Api, name: str) -> Any:
    async def check() -> list[dict[str, Any]] | None:
        found = await deliveries_of(api, name)
        return found if found and found[0]["status"] != "PENDING" else None

    return check


async def test_a_rebinding_resolver_does_not_steer_the_delivery_to_loopback(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding, a contract test of the resolver: the webhook's name answers a public
    address to the policy's lookup, then the receiver's loopback address to any later one.
    The delivery connects to the address that was vetted, never resolving the name again:
    the receiver on loopback gets nothing and the delivery fails."""
    port = receiver.server.server_address[1]
    resolver = Resolver("rebind.test", ["93.184.215.14", DAEMON_HOST])
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    name = f"hooks-rebind-{unique}"
    async with delivering(
        api, allow_http_remotes=True, webhook_timeout_seconds=1.0, webhook_max_attempts=1
    ) as loop:
        await a_named_webhook(api, tmp_path / "r", loop, name, f"http://rebind.test:{port}/hook")
        listed = await eventually(_finished(api, name), "the attempt's end")
    assert listed[0]["status"] == "FAILED", listed
    assert listed[0]["responseCode"] is None and listed[0]["attempts"] == 1
    assert resolver.asked == 1  # the policy's lookup only
    assert receiver.received == []


async def test_a_named_host_is_sent_its_name_at_the_vetted_address(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contract test of the resolver: a listed host name resolving to the receiver. The
    request goes to the address the policy's one lookup gave, with the URL's host and port
    as its Host header."""
    port = receiver.server.server_address[1]
    resolver = Resolver("hooks.test", [DAEMON_HOST, "127.0.0.1"])
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    name = f"hooks-named-{unique}"
    async with delivering(api, allowed_git_hosts=("hooks.test",)) as loop:
        await a_named_webhook(api, tmp_path / "r", loop, name, f"http://hooks.test:{port}/hook")
        await eventually(_all_delivered(api, name, 1), "the delivery")
    assert resolver.asked == 1
    ((headers, _body),) = receiver.received
    assert headers["Host"] == f"hooks.test:{port}"
    assert verify(receiver)[0]["event"] == "SYNC_FAILED"


def _received(receiver: Receiver, n: int) -> Any:
    async def check() -> bool:
        with receiver.lock:
            return len(receiver.received) >= n

    return check


async def test_a_receiver_that_does_not_answer_holds_one_slot(
    api: Api, tmp_path: Path, unique: str, receiver: Receiver
) -> None:
    """A webhook's deliveries are attempted one at a time, and a freed slot is refilled at
    once: with two slots, a receiver that holds its answer takes one; another webhook's
    deliveries, one queued while the first attempt still hangs, are sent meanwhile."""
    receiver.hold = threading.Event()
    other = Receiver()
    other.thread.start()
    try:
        name = f"hooks-slots-{unique}"
        _repo, project = await a_project(api, tmp_path / "r", name)
        await webhook_for(api, project["id"], receiver.url, "SYNC_FAILED")
        await webhook_for(api, project["id"], other.url, "SYNC_FAILED")
        project_id = from_global_id(project["id"])[1]
        for n in range(3):
            await deliveries.enqueue(project_id, deliveries.SYNC_FAILED, {"error": f"e{n}"})
        async with delivering(api, webhook_concurrency=2, webhook_timeout_seconds=60):
            await eventually(_received(other, 3), "the other's three")
            await deliveries.enqueue(project_id, deliveries.SYNC_FAILED, {"error": "late"})
            await eventually(_received(other, 4), "the late one")
            assert len(receiver.received) == 1  # still its first attempt, hanging
    finally:
        receiver.hold.set()
        other.server.shutdown()
        other.server.server_close()


class TlsListener:
    """A TLS server on the receivers' loopback address with a self-signed certificate for
    ``name``: it records the server name (SNI) each handshake names; the client, trusting
    only its usual authorities, refuses the certificate."""

    def __init__(self, name: str, directory: Path) -> None:
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .sign(key, hashes.SHA256())
        )
        (directory / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (directory / "key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(directory / "cert.pem", directory / "key.pem")
        self.names: list[str | None] = []
        self.context.sni_callback = lambda _sock, server_name, _ctx: self.names.append(server_name)
        self.sock = socket.create_server((DAEMON_HOST, 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _addr = self.sock.accept()
                with conn, contextlib.suppress(OSError):
                    self.context.wrap_socket(conn, server_side=True).close()

    def close(self) -> None:
        self.sock.close()


async def test_https_names_the_host_to_tls_at_the_vetted_address(
    api: Api, tmp_path: Path, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contract test of the resolver: a listed name resolving to a TLS server on loopback.
    The connection goes to the vetted address and its handshake names the URL's host (SNI),
    the name the certificate is checked for; a self-signed one fails the attempt."""
    listener = TlsListener("hooks.test", tmp_path)
    resolver = Resolver("hooks.test", [DAEMON_HOST])
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    name = f"hooks-tls-{unique}"
    try:
        async with delivering(
            api, allowed_git_hosts=("hooks.test",), webhook_max_attempts=1
        ) as loop:
            url = f"https://hooks.test:{listener.port}/hook"
            await a_named_webhook(api, tmp_path / "r", loop, name, url)
            listed = await eventually(_ended(api, name, "FAILED"), "the refused certificate")
    finally:
        listener.close()
    assert listener.names == ["hooks.test"]
    assert "CERTIFICATE_VERIFY_FAILED" in listed[0]["error"], listed
    assert resolver.asked == 1
