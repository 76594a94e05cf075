"""The repository access policy (sync/repo_policy.py) through the API: createProject and
Studio's POST /api/create-project add a local repository only at its own root inside
GITSTUDIO_LOCAL_REPO_ROOTS and never from the data directory, a network remote only over
https/ssh/git to a public host unless GITSTUDIO_ALLOWED_GIT_HOSTS lists it; input that cannot
be a URL is refused before anything is stored; a createProject that fails for any reason
leaves no row and no mirror. Every refusal: the typed code, and nothing changed (row counts,
every ref of every repository involved, the mirrors). The operator's CLI adds any path."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from harness import assert_same, table_counts
from policy_support import CREATE, World, listening, redirecting, strict, world_for
from support import Api, free_port

from storage.models import Project
from sync.generate import RepoSpec, generate_repo
from sync.git import unreachable
from sync.urls import repo_key

ROOTS = "GITSTUDIO_LOCAL_REPO_ROOTS"
HOSTS = "GITSTUDIO_ALLOWED_GIT_HOSTS"
SMALL = RepoSpec(commits=2, branches=("main",), exps_per_commit=0, gto_tags=False)


@pytest.fixture(scope="module")
async def world(api: Api, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    root = tmp_path_factory.mktemp("policy-root").resolve()
    outside = tmp_path_factory.mktemp("policy-outside").resolve()
    generate_repo(root / "alpha", SMALL)
    subprocess.run(["git", "clone", "-q", "--bare", str(root / "alpha"), str(root / "bare.git")])
    generate_repo(outside / "victim", SMALL)
    (root / "link-out").symlink_to(outside / "victim")  # inside the root, points out
    (root / "link-in").symlink_to(root / "alpha")  # inside the root, points in
    (root / "plain").mkdir()
    repos = [root / "alpha", root / "bare.git", outside / "victim"]
    async for found in world_for(strict(api.settings, root), root, outside, repos):
        # One project as the operator adds it, so the data directory holds a mirror.
        await found.state.syncer.create(
            str(root / "alpha"), f"base-{uuid.uuid4().hex[:8]}", "", None
        )
        yield found


def _mirror_of_a_project(w: World) -> str:
    return str(sorted(w.settings.mirrors_dir.iterdir())[0])


async def test_a_repository_root_inside_the_roots_is_added_by_its_real_path(w: World) -> None:
    created = await w.create(str(w.root / "link-in"))
    assert created["errors"] == [] and created["project"]["repoUrl"] == str(w.root / "alpha")
    bare = await w.create(f"file://{w.root / 'bare.git'}")
    assert bare["errors"] == [] and bare["project"]["repoUrl"] == str(w.root / "bare.git")


@pytest.fixture
def w(world: World) -> World:
    return world


LOCAL_REFUSALS: list[tuple[str, Callable[[World], str], str]] = [
    ("outside-the-roots", lambda w: str(w.outside / "victim"), ROOTS),
    ("file-url-outside", lambda w: f"file://{w.outside / 'victim'}", ROOTS),
    ("file-url-localhost-outside", lambda w: f"file://localhost{w.outside / 'victim'}", ROOTS),
    ("dotdot-out-of-the-root", lambda w: f"{w.root}/../{w.outside.name}/victim", ROOTS),
    ("symlink-in-the-root-pointing-out", lambda w: str(w.root / "link-out"), ROOTS),
    ("a-subdirectory-of-a-repository", lambda w: str(w.root / "alpha" / "config"), "root"),
    ("the-git-dir-of-a-work-tree", lambda w: str(w.root / "alpha" / ".git"), "root"),
    ("objects-of-a-repository", lambda w: str(w.root / "bare.git" / "objects"), "root"),
    ("a-file", lambda w: str(w.root / "alpha" / "params.yaml"), "root"),
    ("a-plain-directory", lambda w: str(w.root / "plain"), "root"),
    ("a-missing-directory", lambda w: str(w.root / "nosuch"), "root"),
    ("the-root-itself", lambda w: str(w.root), "root"),
    ("a-mirror-in-the-data-directory", _mirror_of_a_project, "data directory"),
    ("file-url-of-a-mirror", lambda w: f"file://{_mirror_of_a_project(w)}", "data directory"),
    ("the-data-directory", lambda w: str(w.settings.data_dir), "data directory"),
    ("proc-self-cwd", lambda w: "/proc/self/cwd", "/proc"),
    ("proc-self-root", lambda w: f"/proc/self/root{w.root / 'alpha'}", "/proc"),
    ("filesystem-root", lambda w: "/", ROOTS),
]


@pytest.mark.parametrize(
    ("url", "says"), [c[1:] for c in LOCAL_REFUSALS], ids=[c[0] for c in LOCAL_REFUSALS]
)
async def test_local_paths_the_policy_refuses(
    w: World, url: Callable[[World], str], says: str
) -> None:
    message = await w.refused(url(w), "FORBIDDEN_REPOSITORY", says)
    assert os.getcwd() not in message, "the server's working directory is never shown"


BAD_URLS = [
    ("nul", "/tmp/a\x00b"),
    ("nul-after-a-good-path", "{root}/alpha\x00"),
    ("tilde-nosuchuser", "~nosuchuser/repo"),
    ("tilde-self", "~/repo"),
    ("newline", "https://example.com/x\n.git"),
    ("escape", "https://example.com/\x1bx.git"),
    ("del", "https://example.com/\x7f.git"),
    ("100kb", "https://example.com/" + "a" * 100_000),
    ("option-injection", "--upload-pack=touch /tmp/pwned"),
    ("dash", "-uhelp"),
    ("relative-path", "alpha"),
    ("relative-dot", "."),
    ("file-url-relative", "file:alpha"),
    ("file-url-with-host", "file://evil.example.com/repo"),
    ("space-in-host", "https://exa mple.com/x.git"),
    ("no-host", "https:///x.git"),
    ("scheme-only", "https://"),
    ("bad-port", "https://example.com:99999/x.git"),
    ("two-at-signs", "https://a@127.0.0.1@example.com/x.git"),
    ("backslash-in-host", "https://example.com\\@127.0.0.1/x.git"),
    ("percent-encoded-host", "https://%31%32%37.0.0.1/x.git"),
]


@pytest.mark.parametrize("url", [u for _, u in BAD_URLS], ids=[n for n, _ in BAD_URLS])
async def test_input_that_cannot_be_a_url_is_refused_before_anything_is_stored(
    w: World, url: str
) -> None:
    await w.refused(url.replace("{root}", str(w.root)), "INVALID_URL")


NETWORK_REFUSALS = [
    ("http-without-the-setting", "http://example.com/x.git", "GITSTUDIO_ALLOW_HTTP_REMOTES"),
    ("ftp", "ftp://example.com/x.git", "https, ssh"),
    ("ext-transport", "ext::sh -c touch% /tmp/pwned", "https, ssh"),
    ("fd-transport", "fd::3", "https, ssh"),
    ("javascript", "javascript:alert(1)", "https, ssh"),
    ("loopback", "https://127.0.0.1/x.git", HOSTS),
    ("loopback-git-port", "git://127.0.0.1:{port}/x.git", HOSTS),
    ("loopback-ssh", "ssh://git@127.0.0.1:{port}/x.git", HOSTS),
    ("loopback-scp-like", "git@127.0.0.1:org/repo.git", HOSTS),
    ("localhost", "https://localhost/x.git", HOSTS),
    ("localhost-trailing-dot", "https://localhost./x.git", HOSTS),
    ("localhost-scp-like", "git@localhost:org/repo.git", HOSTS),
    ("ipv6-loopback", "https://[::1]/x.git", HOSTS),
    ("ipv4-mapped-loopback", "https://[::ffff:127.0.0.1]/x.git", HOSTS),
    ("decimal-loopback", "https://2130706433/x.git", HOSTS),
    ("hex-loopback", "https://0x7f000001/x.git", HOSTS),
    ("short-loopback", "https://127.1/x.git", HOSTS),
    ("unspecified", "https://0.0.0.0/x.git", HOSTS),
    ("private-10", "https://10.0.0.1/x.git", HOSTS),
    ("private-172", "https://172.16.0.1/x.git", HOSTS),
    ("private-192", "https://192.168.1.1/x.git", HOSTS),
    ("shared-100-64", "https://100.64.0.1/x.git", HOSTS),
    ("link-local-metadata", "https://169.254.169.254/latest/meta-data", HOSTS),
    ("ipv6-link-local", "https://[fe80::1]/x.git", HOSTS),
    ("ipv6-unique-local", "https://[fd00::1]/x.git", HOSTS),
    ("multicast", "https://224.0.0.1/x.git", HOSTS),
    ("reserved", "https://240.0.0.1/x.git", HOSTS),
    ("credentials-loopback", "https://user:pass@127.0.0.1/x.git", HOSTS),
]


@pytest.mark.parametrize(
    ("url", "says"), [c[1:] for c in NETWORK_REFUSALS], ids=[c[0] for c in NETWORK_REFUSALS]
)
async def test_network_remotes_the_policy_refuses(w: World, url: str, says: str) -> None:
    with listening() as port:  # something answers there: the policy, not luck, refuses
        message = await w.refused(url.format(port=port), "FORBIDDEN_REPOSITORY", says)
    assert "pass" not in message, "credentials are never echoed"


async def test_rest_create_project_follows_the_same_policy(w: World) -> None:
    headers = {"Authorization": f"token {w.token}"}
    for url, status, code in [
        (str(w.outside / "victim"), 403, "FORBIDDEN_REPOSITORY"),
        ("https://127.0.0.1/x.git", 403, "FORBIDDEN_REPOSITORY"),
        ("/tmp/a\x00b", 400, "INVALID_URL"),
        ("~nosuchuser/repo", 400, "INVALID_URL"),
    ]:
        before = await w.snapshot()
        response = await w.client.post(
            "/api/create-project", json={"repo_url": url}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (status, code), response.text
        assert_same(before, await w.snapshot())


def test_repo_urls_that_cannot_be_paths_match_nothing_and_raise_nothing() -> None:
    # The repo-URL index of /api/live and /webhook/dvc keys every stored URL: one bad
    # value must never raise for everyone.
    keys = {repo_key(u) for u in ("/tmp/a\x00b", "~nosuchuser/repo", "x" * 100_000)}
    assert len(keys) == 3 and all(isinstance(k, str) for k in keys)


async def test_allowed_hosts_let_a_loopback_server_in(
    api: Api, daemon: tuple[str, Path], tmp_path: Path
) -> None:
    base_url, served = daemon
    generate_repo(tmp_path / "src", SMALL)
    subprocess.run(["git", "clone", "-q", "--bare", str(tmp_path / "src"), str(served / "r.git")])
    host, port = base_url.removeprefix("git://").rsplit(":", 1)
    for allowed in ((host,), (f"{host}:{port}",)):
        settings = strict(api.settings, tmp_path / "root", allowed_git_hosts=allowed)
        async for world in world_for(settings, tmp_path / "root", tmp_path):
            payload = await world.create(f"{base_url}/r.git")
            assert payload["errors"] == [], (allowed, payload)
    other_port = strict(api.settings, tmp_path / "root", allowed_git_hosts=(f"{host}:1",))
    async for world in world_for(other_port, tmp_path / "root", tmp_path):
        await world.refused(f"{base_url}/r.git", "FORBIDDEN_REPOSITORY", HOSTS)


async def test_every_failed_contact_reads_the_same(api: Api, tmp_path: Path) -> None:
    """A closed port, a port where something answers that is not Git, a name that does not
    resolve: one message (no map of which ports are open), and nothing stored."""
    settings = strict(
        api.settings, tmp_path / "root", allowed_git_hosts=("127.0.0.1", "nosuch.invalid")
    )
    async for world in world_for(settings, tmp_path / "root", tmp_path):
        with listening() as open_port:
            urls = [
                f"git://127.0.0.1:{free_port()}/x.git",
                f"git://127.0.0.1:{open_port}/x.git",
                "git://nosuch.invalid/x.git",
            ]
            for url in urls:
                message = await world.refused(url, "UNREACHABLE")
                assert message == unreachable(url), message


async def test_a_redirect_to_another_host_is_not_followed(api: Api, tmp_path: Path) -> None:
    """An allowed host answering with a redirect elsewhere (here: a host the policy would
    refuse) does not take the fetch there."""
    settings = strict(
        api.settings, tmp_path / "root", allowed_git_hosts=("127.0.0.1",), allow_http_remotes=True
    )
    with redirecting() as (url, elsewhere):
        async for world in world_for(settings, tmp_path / "root", tmp_path):
            await world.refused(url, "UNREACHABLE")
    assert elsewhere == [], "the redirect was followed"


async def test_a_creation_that_fails_in_any_way_leaves_no_row_and_no_mirror(
    api: Api, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    generate_repo(root / "alpha", SMALL)
    settings = strict(api.settings, root)
    async for world in world_for(settings, root, tmp_path, [root / "alpha"]):
        # The first sync raises (not a refusal the syncer expects): the mirrors directory is
        # a file, so the mirror cannot be made.
        world.settings.mirrors_dir.write_text("not a directory")
        before = await world.snapshot()
        response = await world.client.post(
            "/graphql",
            json={"query": CREATE, "variables": {"input": {"repoUrl": str(root / "alpha")}}},
            headers={"Authorization": f"token {world.token}"},
        )
        assert response.status_code == 200
        assert_same(before, await world.snapshot())
        # A default branch the repository lacks: refused after the first sync, undone.
        world.settings.mirrors_dir.unlink()
        before = await world.snapshot()
        payload = await world.create(str(root / "alpha"), defaultBranch="nosuch")
        assert [e["code"] for e in payload["errors"]] == ["NOT_FOUND"], payload
        assert_same(before, await world.snapshot())
        assert not any(world.settings.mirrors_dir.iterdir())


async def test_a_cancelled_creation_leaves_no_row_and_no_mirror(api: Api, tmp_path: Path) -> None:
    root = tmp_path / "root"
    generate_repo(root / "big", RepoSpec(commits=400, exps_per_commit=1, gto_tags=False))
    async for world in world_for(strict(api.settings, root), root, tmp_path):
        name = f"cancelled-{uuid.uuid4().hex[:8]}"
        before = await table_counts()
        task = asyncio.create_task(
            world.state.syncer.create_for_api(str(root / "big"), name, "", None)
        )
        deadline = time.monotonic() + 30
        while not await Project.exists(name=name):  # the row exists: the first sync runs
            assert not task.done() and time.monotonic() < deadline, "the creation never started"
            await asyncio.sleep(0.002)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await table_counts() == before
        mirrors = world.settings.mirrors_dir
        assert not mirrors.exists() or not any(mirrors.iterdir())


def test_the_operators_cli_adds_any_local_path(tmp_path: Path) -> None:
    repo = tmp_path / "anywhere"
    generate_repo(repo, SMALL)
    env = {**os.environ, ROOTS: "", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", "project", "add", "~/anywhere", "--name", "op",
         "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", "project", "list", "--data-dir",
         str(tmp_path / "data")],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert f"\top\t{repo}" in listed.stdout, "stored absolute, ~ expanded"
    refused = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", "project", "add", "~nosuchuser/x", "--name",
         "op2", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert refused.returncode == 1 and "INVALID_URL" in refused.stderr
