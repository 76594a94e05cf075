"""The repository policy where the review of issue 11 found it missing: the DVC remote a
repository names in ``.dvc/config`` (model downloads), a local repository swapped or made to
borrow objects after it was added (sync), forge API hosts, subdir and URL bounds, the
repo-URL index's reloads, credentials in unmatched URLs, two creations of one name. Every
refusal: the typed code, and nothing changed (row counts, refs, mirrors); where a refused
contact could reach a server, that server saw no request."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import http.server
import os
import subprocess
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import assert_same
from policy_support import World, strict, world_for
from support import Api

from gitstudio.model_downloads import Downloads
from gitstudio.project_index import ProjectIndex
from schema.relay import to_global_id
from storage.errors import DomainError, has_control
from storage.live import unmatched
from storage.models import Project
from storage.tokens import Scope, create_token
from storage.users import builtin_admin_id
from sync.forges import GITHUB, ForgeConfig, ForgeError, forge_for
from sync.generate import RepoSpec, generate_repo
from sync.repo_policy import FORBIDDEN, INVALID_URL, RepoPolicy

SMALL = RepoSpec(commits=2, branches=("main",), exps_per_commit=0, gto_tags=False)
WEIGHTS = b"model weights\n"
MD5 = hashlib.md5(WEIGHTS).hexdigest()
URIS = "/api/model-registry/get-download-uris"
SYNC = """mutation($id: ID!) { syncProject(id: $id) { errors { code message field } } }"""
CONFIGURE = """mutation($input: ConfigureForgeInput!) { configureForge(input: $input) {
  forge { apiUrl } errors { code message field } } }"""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}


@contextlib.contextmanager
def recording() -> Iterator[tuple[str, list[str]]]:
    """(the base URL of an HTTP server on 127.0.0.1, the paths it was asked for)."""
    seen: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def _any(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", str(len(WEIGHTS)))
            self.end_headers()
            self.wfile.write(WEIGHTS)

        do_GET = do_HEAD = do_POST = _any

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, check=True, capture_output=True
    )
    return done.stdout.decode().strip()


def dvc_model_repo(
    repo: Path, remote: str, *options: str, core: tuple[str, ...] = (), deps: str = ""
) -> None:
    """A repository whose model ``churn`` (dvc.yaml artifacts, a GTO version tag) is a
    DVC-tracked file kept in the DVC remote ``remote`` (with ``options``, "key = value",
    and ``core`` options): Git holds only its .dvc file, which lists ``deps`` (YAML)."""
    (repo / ".dvc").mkdir(parents=True)
    lines = "".join(f"    {o}\n" for o in (f"url = {remote}", *options))
    core_lines = "".join(f"    {o}\n" for o in ("remote = store", *core))
    (repo / ".dvc" / "config").write_text(f"[core]\n{core_lines}['remote \"store\"']\n{lines}")
    (repo / "models").mkdir()
    (repo / "models" / "churn.pkl.dvc").write_text(
        f"{deps}outs:\n- md5: {MD5}\n  size: {len(WEIGHTS)}\n  hash: md5\n  path: churn.pkl\n"
    )
    (repo / "dvc.yaml").write_text("artifacts:\n  churn:\n    path: models/churn.pkl\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "train")
    git(repo, "tag", "-a", "churn@v1.0.0", "-m", "Registering artifact churn version v1.0.0")


def dvc_store(store: Path) -> None:
    """A local DVC remote holding the model's bytes (DVC 3's layout)."""
    target = store / "files" / "md5" / MD5[:2] / MD5[2:]
    target.parent.mkdir(parents=True)
    target.write_bytes(WEIGHTS)


@pytest.fixture(scope="module")
async def world(api: Api, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    """A strict policy (one root, no allowed host) with plain http allowed, so a refused
    http remote is refused for its address, not its scheme."""
    root = tmp_path_factory.mktemp("review-root").resolve()
    outside = tmp_path_factory.mktemp("review-outside").resolve()
    generate_repo(outside / "victim", SMALL)
    settings = strict(api.settings, root, allow_http_remotes=True)
    async for found in world_for(settings, root, outside, [outside / "victim"]):
        yield found


@pytest.fixture
def w(world: World) -> World:
    return world


async def token(scope: Scope) -> dict[str, str]:
    _row, secret = await create_token(f"review-{uuid.uuid4().hex[:6]}", frozenset({scope}))
    return {"Authorization": f"token {secret}"}


async def added(w: World, repo: Path) -> dict[str, Any]:
    created = await w.create(str(repo))
    assert created["errors"] == [], created
    project: dict[str, Any] = created["project"]
    return project


# H3 ----------------------------------------------------------------------------------------

REMOTES: dict[str, Callable[[World, str], list[str]]] = {
    "a private address": lambda w, server: [f"{server}/store"],
    "a cloud metadata address": lambda w, server: ["http://169.254.169.254/latest"],
    "a local path outside the roots": lambda w, server: [str(w.outside / "store")],
    "a local path in the data directory": lambda w, server: [str(w.settings.data_dir / "s")],
    "a relative local path": lambda w, server: ["../store"],
    "a scheme DVC reads the server's files with": lambda w, server: ["hdfs://127.0.0.1/store"],
    "a bucket whose endpoint is a private address": lambda w, server: [
        "s3://bucket/store",
        f"endpointurl = {server}",
    ],
    "an azure connection string naming a private endpoint": lambda w, server: [
        "azure://container/store",
        f"connection_string = AccountName=a;AccountKey=a2V5;BlobEndpoint={server}",
    ],
}


@pytest.mark.parametrize("remote", REMOTES.values(), ids=REMOTES.keys())
async def test_a_dvc_remote_the_policy_refuses_is_never_read(
    w: World, remote: Callable[[World, str], list[str]]
) -> None:
    repo = w.root / f"model-{uuid.uuid4().hex[:8]}"
    with recording() as (server, seen):
        location, *options = remote(w, server)
        if location.startswith("/"):
            dvc_store(Path(location))  # the bytes are there: only the policy stands between
        dvc_model_repo(repo, location, *options)
        await refused_download(w, repo)
    assert seen == [], "the refused remote was contacted"


async def refused_download(
    w: World, repo: Path, status: int = 403, code: str = FORBIDDEN, says: str = ""
) -> None:
    """Both download routes refuse the model ``churn`` of ``repo`` (added here) with
    ``status`` and the typed ``code``, and nothing changes."""
    project = await added(w, repo)
    reader = await token(Scope.READ)
    before = await w.snapshot()
    uris = await w.client.get(URIS, params={"repo": str(repo), "name": "churn"}, headers=reader)
    # The file route, with a link signed as the server signs them.
    sha = git(repo, "rev-parse", "HEAD")
    pid = (await Project.get(name=project["name"])).id
    link = Downloads(w.state)._url(
        "http://testserver", pid, sha, "models/churn.pkl", await builtin_admin_id()
    )
    file = await w.client.get(link)
    for response in (uris, file):
        assert response.status_code == status, response.text
        assert response.json()["code"] == code, response.json()
        assert says in response.json()["detail"], response.json()
    assert_same(before, await w.snapshot())


async def test_a_dvc_remote_inside_the_roots_is_read(w: World) -> None:
    """The control: the same repository with its remote inside a root serves the bytes."""
    store = w.root / f"store-{uuid.uuid4().hex[:8]}"
    dvc_store(store)
    repo = w.root / f"model-{uuid.uuid4().hex[:8]}"
    dvc_model_repo(repo, str(store))
    await added(w, repo)
    uris = await w.client.get(URIS, params={"repo": str(repo), "name": "churn"})
    assert uris.status_code == 401  # a token is required
    uris = await w.client.get(
        URIS, params={"repo": str(repo), "name": "churn"}, headers=await token(Scope.READ)
    )
    assert uris.status_code == 200, uris.text
    [link] = uris.json().values()
    file = await w.client.get(link)
    assert file.status_code == 200, file.text
    assert file.content == WEIGHTS


# Second review: DVC imports, redirects, path options, typed refusals -----------------------

SECRET = b"not the repository's\n"
IMPORTS: dict[str, Callable[[World, str], str]] = {
    "import-url of a local file outside the roots": lambda w, server: (
        f"deps:\n- path: {w.outside / 'secret.txt'}\n"
    ),
    "import of a repository outside the roots": lambda w, server: (
        f"deps:\n- path: secret.txt\n  repo:\n    url: {w.outside / 'secret-repo'}\n"
    ),
    "import-url of a private http address": lambda w, server: (
        f"deps:\n- path: {server}/secret.txt\n"
    ),
}


@pytest.mark.parametrize("deps", IMPORTS.values(), ids=IMPORTS.keys())
async def test_a_dvc_import_is_never_read(w: World, deps: Callable[[World, str], str]) -> None:
    """An import stage's dependency is a remote of its own, outside .dvc/config: with the
    repository's remote inside a root, only the import check stands between."""
    (w.outside / "secret.txt").write_bytes(SECRET)
    other = w.outside / "secret-repo"
    if not other.exists():
        other.mkdir()
        (other / "secret.txt").write_bytes(SECRET)
        git(other, "init", "-q", "-b", "main")
        git(other, "add", "-A")
        git(other, "commit", "-qm", "secret")
    store = w.root / f"store-{uuid.uuid4().hex[:8]}"
    dvc_store(store)
    repo = w.root / f"import-{uuid.uuid4().hex[:8]}"
    with recording() as (server, seen):
        dvc_model_repo(repo, str(store), deps=deps(w, server))
        await refused_download(w, repo, says="imports data")
    assert seen == [], "the imported URL was contacted"


@pytest.mark.parametrize("scheme", ["https", "http", "webdavs", "webdav"])
async def test_a_web_remote_on_an_unlisted_public_host_is_not_read(w: World, scheme: str) -> None:
    """DVC follows redirects from http and WebDAV remotes: a public host passes for Git,
    where redirects are not followed, but not for DVC unless the operator listed it."""
    repo = w.root / f"web-{uuid.uuid4().hex[:8]}"
    dvc_model_repo(repo, f"{scheme}://93.184.215.14/store")
    await refused_download(w, repo, says="GITSTUDIO_ALLOWED_GIT_HOSTS")


def test_a_web_remote_on_a_listed_host_passes(w: World) -> None:
    listed = RepoPolicy.build([w.root], None, ["127.0.0.1:8080"], allow_http=True)
    listed.check_storage("http://127.0.0.1:8080/store")
    listed.check_storage("webdav://127.0.0.1:8080/store")
    with pytest.raises(DomainError) as refused:
        listed.check_storage("https://127.0.0.1:8443/store")
    assert refused.value.code == FORBIDDEN


PATH_OPTIONS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "core.site_cache_dir": lambda out: {"core": (f"site_cache_dir = {out}",)},
    "a remote's keyfile": lambda out: {"options": (f"keyfile = {out}",)},
    "a remote's credentialpath": lambda out: {"options": (f"credentialpath = {out}",)},
    "a gdrive credentials file": lambda out: {
        "options": (f"gdrive_user_credentials_file = {out}",)
    },
    "ssl_verify naming a CA bundle": lambda out: {"options": (f"ssl_verify = {out}",)},
    "a cache directory": lambda out: {"core": (f"autostage = false\n[cache]\n    dir = {out}",)},
}


@pytest.mark.parametrize("option", PATH_OPTIONS.values(), ids=PATH_OPTIONS.keys())
async def test_a_path_option_outside_the_roots_is_refused(
    w: World, option: Callable[[Path], dict[str, Any]]
) -> None:
    store = w.root / f"store-{uuid.uuid4().hex[:8]}"
    dvc_store(store)
    target = w.outside / f"target-{uuid.uuid4().hex[:8]}"
    chosen = option(target)
    repo = w.root / f"paths-{uuid.uuid4().hex[:8]}"
    dvc_model_repo(repo, str(store), *chosen.get("options", ()), core=chosen.get("core", ()))
    says = "site_cache_dir" if "site_cache_dir" in str(chosen) else "GITSTUDIO_LOCAL_REPO_ROOTS"
    await refused_download(w, repo, says=says)
    assert not target.exists(), "DVC made or used the refused path"


async def test_a_remote_that_cannot_be_a_url_is_a_typed_refusal(w: World) -> None:
    repo = w.root / f"bad-{uuid.uuid4().hex[:8]}"
    dvc_model_repo(repo, "https://a@b@example.com/store")
    await refused_download(w, repo, 422, INVALID_URL, "ambiguous")


async def test_a_file_missing_from_an_allowed_remote_is_a_typed_404(w: World) -> None:
    """DVC failing to open the file (its bytes were never pushed) is a 404, not a 500."""
    store = w.root / f"empty-{uuid.uuid4().hex[:8]}"
    store.mkdir()
    repo = w.root / f"unpushed-{uuid.uuid4().hex[:8]}"
    dvc_model_repo(repo, str(store))
    project = await added(w, repo)
    before = await w.snapshot()
    pid = (await Project.get(name=project["name"])).id
    sha = git(repo, "rev-parse", "HEAD")
    link = Downloads(w.state)._url(
        "http://testserver", pid, sha, "models/churn.pkl", await builtin_admin_id()
    )
    file = await w.client.get(link)
    assert file.status_code == 404, file.text
    assert file.json()["code"] == "NOT_FOUND", file.json()
    assert_same(before, await w.snapshot())


async def test_a_cli_file_url_with_a_host_is_a_typed_refusal(w: World) -> None:
    """A project URL the CLI stored as file://host/path: governs() cannot read it, and the
    answer is its typed error, not a 500."""
    store = w.root / f"store-{uuid.uuid4().hex[:8]}"
    dvc_store(store)
    repo = w.root / f"cli-{uuid.uuid4().hex[:8]}"
    dvc_model_repo(repo, str(store))
    project = await added(w, repo)
    row = await Project.get(name=project["name"])
    await Project.filter(id=row.id).update(repo_url=f"file://elsewhere{repo}")
    try:
        before = await w.snapshot()
        sha = git(repo, "rev-parse", "HEAD")
        link = Downloads(w.state)._url(
            "http://testserver", row.id, sha, "models/churn.pkl", await builtin_admin_id()
        )
        file = await w.client.get(link)
        assert file.status_code == 422, file.text
        assert file.json()["code"] == INVALID_URL, file.json()
        assert_same(before, await w.snapshot())
    finally:
        await Project.filter(id=row.id).update(repo_url=row.repo_url)


# M8 ----------------------------------------------------------------------------------------


async def test_a_local_repository_swapped_for_a_symlink_is_not_synced(w: World) -> None:
    repo = w.root / f"swap-{uuid.uuid4().hex[:8]}"
    generate_repo(repo, SMALL)
    project = await added(w, repo)
    w.repos.append(repo)
    repo.rename(repo.with_name(repo.name + "-moved"))
    repo.symlink_to(w.outside / "victim")  # the same path now leads outside every root
    await refused_sync(w, project["id"], "not inside a directory listed")


async def test_objects_borrowed_from_outside_the_roots_are_refused(w: World) -> None:
    repo = w.root / f"borrow-{uuid.uuid4().hex[:8]}"
    generate_repo(repo, SMALL)
    project = await added(w, repo)
    w.repos.append(repo)
    alternates = repo / ".git" / "objects" / "info" / "alternates"
    alternates.write_text(f"{w.outside / 'victim' / '.git' / 'objects'}\n")
    await refused_sync(w, project["id"], "not inside a directory listed")
    # and at creation
    other = w.root / f"borrow-{uuid.uuid4().hex[:8]}"
    generate_repo(other, SMALL)
    (other / ".git" / "objects" / "info" / "alternates").write_text(alternates.read_text())
    await w.refused(str(other), FORBIDDEN, "not inside a directory listed")


async def refused_sync(w: World, project_id: str, says: str) -> None:
    before = await w.snapshot()
    response = await w.client.post(
        "/graphql",
        json={"query": SYNC, "variables": {"id": project_id}},
        headers={"Authorization": f"token {w.token}"},
    )
    body = response.json()
    errors = body.get("errors") or body["data"]["syncProject"]["errors"]
    codes = [e.get("code") or e.get("extensions", {}).get("code") for e in errors]
    assert codes == [FORBIDDEN], body
    assert says in str(errors), body
    assert_same(before, await w.snapshot())


# H4 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("subdir", ["ab/" * 86, "./" * 100 + "é" * 256, "x" * 2000])
async def test_a_subdir_longer_than_its_column_is_invalid(w: World, subdir: str) -> None:
    repo = w.root / "subdir-repo"
    if not repo.exists():
        generate_repo(repo, SMALL)
    before = await w.snapshot()
    payload = await w.create(str(repo), subdir=subdir)
    assert payload["project"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("INVALID", "subdir")]
    rest = await w.client.post(
        "/api/create-project",
        json={"repo_url": str(repo), "subdir": subdir},
        headers={"Authorization": f"token {w.token}"},
    )
    assert rest.status_code == 400 and rest.json()["code"] == "INVALID", rest.text
    assert_same(before, await w.snapshot())


# M1, LOW (credentials) ---------------------------------------------------------------------


async def test_a_repo_url_over_the_bound_is_refused_before_it_is_remembered(w: World) -> None:
    headers = await token(Scope.ADMIN)
    long_url = "https://example.com/" + "a" * w.settings.max_repo_url_bytes
    before = await w.snapshot()
    remembered = len(w.state.projects._keys)
    live = {"type": "start", "repo_url": long_url, "baseline_sha": "a" * 40, "name": "x"}
    for route, body in (("/api/live", live), ("/webhook/dvc", {"repo_url": long_url})):
        response = await w.client.post(route, json=body, headers=headers)
        assert response.status_code == 400, response.text
        assert response.json()["code"] == "INVALID", response.text
        assert len(response.text) < 1000, "the URL was echoed whole"
    assert len(w.state.projects._keys) == remembered
    assert_same(before, await w.snapshot())


async def test_an_unknown_url_is_echoed_short_and_stored_without_credentials(w: World) -> None:
    headers = await token(Scope.ADMIN)
    secret = uuid.uuid4().hex
    url = f"https://user:{secret}@example.com/" + "b" * 1500
    event = {"type": "start", "repo_url": url, "baseline_sha": "a" * 40, "name": "x"}
    response = await w.client.post("/api/live", json=event, headers=headers)
    assert response.status_code == 404, response.text
    assert secret not in response.text and len(response.text) < 1000, response.text
    stored = [r.repo_url for r in await unmatched(1000) if "example.com/bbb" in r.repo_url]
    assert stored and all(secret not in r and "user:" not in r for r in stored), stored


# M3 ----------------------------------------------------------------------------------------


async def test_unknown_urls_reload_the_index_only_when_projects_changed(w: World) -> None:
    index = ProjectIndex(w.settings.max_repo_url_bytes, reload_seconds=3600.0)
    assert await index.lookup("https://example.com/nobody/one.git") == []  # first load
    generation = index._generation
    for n in range(20):
        assert await index.lookup(f"https://example.com/nobody/{n}.git") == []
    assert index._generation == generation, "unknown URLs reloaded the index"
    # A project created elsewhere (another process: no invalidate here) is found at once.
    repo = w.root / f"indexed-{uuid.uuid4().hex[:8]}"
    generate_repo(repo, SMALL)
    project = await added(w, repo)
    [found] = await index.lookup(str(repo))
    assert found.name == project["name"]


# M4 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "api_url", ["https://10.0.0.5/api/v3", "https://127.0.0.1:8443/api/v3", "http://localhost:1"]
)
async def test_a_forge_api_on_a_refused_host_is_not_configured(w: World, api_url: str) -> None:
    pid = (await Project.all().order_by("id").first().values_list("id", flat=True)) or 0
    gid = to_global_id("Project", int(str(pid)))
    admin = await token(Scope.ADMIN)
    before = await w.snapshot()
    forge_before = (await Project.get(id=pid)).forge
    body = {"projectId": gid, "kind": "GITHUB", "apiUrl": api_url, "repository": "o/r"}
    response = await w.client.post(
        "/graphql",
        json={"query": CONFIGURE, "variables": {"input": body}},
        headers=admin,
    )
    payload = response.json()["data"]["configureForge"]
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(FORBIDDEN, "apiUrl")]
    assert (await Project.get(id=pid)).forge == forge_before
    assert_same(before, await w.snapshot())


async def test_every_forge_request_passes_the_host_policy(w: World) -> None:
    with recording() as (server, seen):
        config = ForgeConfig(GITHUB, f"{server}/api/v3", "o/r", "token")
        forge = forge_for(config, check=w.state.syncer.policy.check_host)
        with pytest.raises(ForgeError) as refused:
            await forge.open_pull_request("exp", "main", "title", "body")
        assert refused.value.code == FORBIDDEN
        with pytest.raises(ForgeError):
            await forge.get_pull_request(1)
    assert seen == []


# LOW (duplicate race), M11 ------------------------------------------------------------------


async def test_a_name_taken_during_creation_is_a_duplicate(w: World) -> None:
    repo = w.root / f"race-{uuid.uuid4().hex[:8]}"
    generate_repo(repo, SMALL)
    name = f"race-{uuid.uuid4().hex[:8]}"
    syncer = w.state.syncer
    admitted = threading.Event()
    go_on = threading.Event()

    def slow_admit(url: str) -> str:
        admitted.set()
        assert go_on.wait(30)
        return syncer.policy.admit(url)

    racing = asyncio.ensure_future(syncer._create(str(repo), name, "", None, slow_admit))
    await asyncio.to_thread(admitted.wait, 30)
    first = await syncer.create_for_api(str(repo), name, "", None)  # takes the name meanwhile
    before = await w.snapshot()
    go_on.set()
    with pytest.raises(DomainError) as taken:
        await racing
    assert (taken.value.code, taken.value.field) == ("DUPLICATE", "name")
    assert await Project.filter(name=name).values_list("id", flat=True) == [first.id]
    assert_same(before, await w.snapshot())


def test_one_control_character_rule() -> None:
    assert has_control("a\x00b") and has_control("a\x7fb") and has_control("\n")
    assert not has_control("a\x85b") and has_control("a\x85b", c1=True)
    assert not has_control("plain é ü", c1=True)
