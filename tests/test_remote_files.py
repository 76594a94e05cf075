"""Metrics, params and plots that DVC keeps in its cache (``cache: true`` outputs, not in
Git) are read from the project's DVC remote (sync/remote_files.py): a local-directory remote
and an S3-compatible server (moto, a real subprocess), each pushed with the real ``dvc push``.
The oracle is dvc itself on a clone that ``dvc pull``ed what the remote holds: the table
equals ``dvc exp show --json``, the plots ``dvc plots diff --json``. Failures (objects never
pushed, credentials refused, an endpoint the policy refuses) are the row's typed error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pygit2
import pytest
from remote_support import BUCKET, S3Server, cached_repo, pulled_clone, start_s3
from support import Api, dvc_json
from test_api_oracle import dvc_exp_show, oracle_by_sha
from test_plots_oracle import _assert_equal

from gitstudio.app import create_app
from storage.models import RemoteSetting
from sync.dvcproject import BlobCache, collect_revision
from sync.indexer import Reading, plan
from sync.remote_files import RemoteAccess, cached_output
from sync.scan_process import read_batches_in_child
from sync.tree import GitTree

ROWS = """
query($name: String!) {
  project(name: $name) {
    id
    experiments(first: 50) { nodes { id sha params metrics errors { file kind type message } } }
  }
}"""

PLOTS = """
query($name: String!, $ids: [ID!]!) {
  project(name: $name) {
    plots(ids: $ids) { id kind revisions spec images { revision step url contentType } }
    plotErrors(ids: $ids) { revision source type message }
  }
}"""

CONFIGURE = """
mutation($input: ConfigureRemoteInput!) {
  configureRemote(input: $input) {
    remote { name keys configured }
    errors { code message field }
  }
}"""

REMOTES = """
query($name: String!) { project(name: $name) { remotes { name url isDefault configured keys } } }
"""


async def rows_by_sha(api: Api, name: str) -> dict[str, dict[str, Any]]:
    found = await api.data(ROWS, {"name": name})
    return {r["sha"]: r for r in found["project"]["experiments"]["nodes"]}


async def indexed(api: Api, built: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    """The rows, by sha, of a new project of the repository ``built``."""
    await api.create_project(built["repo"], name)
    return await rows_by_sha(api, name)


def with_oracle(built: dict[str, Any], clone: Path, keys: dict[str, str]) -> dict[str, Any]:
    """``built`` with a ``dvc pull``ed clone and what ``dvc exp show`` says there."""
    built["clone"] = pulled_clone(built["repo"], clone, keys)
    built["oracle"] = oracle_by_sha(dvc_exp_show(built["clone"]))
    return built


def assert_table_equals(rows: dict[str, dict[str, Any]], oracle: dict[str, Any], shas: list[str]):
    for sha in shas:
        assert rows[sha]["errors"] == [], rows[sha]["errors"]
        assert rows[sha]["metrics"] == oracle[sha]["metrics"], sha
        assert rows[sha]["params"] == oracle[sha]["params"], sha
        assert rows[sha]["metrics"]["metrics.json"]["acc"] > 0


def remote_error(row: dict[str, Any]) -> dict[str, Any]:
    (error,) = [e for e in row["errors"] if e["file"] == "metrics.json"]
    assert error["type"] == "RemoteFileError", error
    assert row["metrics"] == {}
    return error


# --- a local-directory remote ------------------------------------------------------------


@pytest.fixture(scope="session")
def local_project(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("dvc-local-remote")
    storage = base / "storage"
    built = cached_repo(base / "repo", str(storage), {}, {}, [0.1, 0.2], [0.3])
    built["storage"] = storage
    return with_oracle(built, base / "clone", {})


async def test_metrics_in_a_local_remote_equal_dvc_exp_show(
    api: Api, local_project: dict[str, Any], unique: str
) -> None:
    name = f"remote-local-{unique}"
    rows = await indexed(api, local_project, name)
    assert_table_equals(rows, local_project["oracle"], local_project["pushed"])
    # never pushed: the remote does not hold it, and the row says so
    (unpushed,) = local_project["unpushed"]
    error = remote_error(rows[unpushed])
    assert "does not hold it" in error["message"] and "dvc push" in error["message"]
    found = await api.data(REMOTES, {"name": name})
    assert found["project"]["remotes"] == [
        {
            "name": "storage",
            "url": str(local_project["storage"]),
            "isDefault": True,
            "configured": False,
            "keys": [],
        }
    ]


async def test_plots_in_a_local_remote_equal_dvc_plots_diff(
    api: Api, local_project: dict[str, Any], unique: str
) -> None:
    name = f"remote-plots-{unique}"
    rows = await indexed(api, local_project, name)
    first, second = local_project["pushed"]
    oracle = dvc_json(local_project["clone"], "plots", "diff", first, second)["data"]
    found = await api.data(PLOTS, {"name": name, "ids": [rows[first]["id"], rows[second]["id"]]})
    assert found["project"]["plotErrors"] == []
    ours = found["project"]["plots"]
    # a file output, and the files of a directory output (read through its DVC listing)
    assert sorted(p["id"] for p in ours) == ["curves/a.csv", "curves/b.csv", "loss.csv"]
    _assert_equal(ours, oracle, {first: first[:7], second: second[:7]})
    # the object never pushed: a typed error on that plot, the others still drawn
    (unpushed,) = local_project["unpushed"]
    ids = [rows[first]["id"], rows[unpushed]["id"]]
    found = await api.data(PLOTS, {"name": name, "ids": ids})
    errors = found["project"]["plotErrors"]
    assert {(e["source"], e["type"]) for e in errors} == {
        ("loss.csv", "RemoteFileError"),
        ("curves", "RemoteFileError"),  # its listing is not there either
    }
    drawn = {p["id"]: p["revisions"] for p in found["project"]["plots"]}
    assert drawn["loss.csv"] == [first[:7]]


def revisions(built: dict[str, Any], remote: RemoteAccess) -> dict[str, Any]:
    """Each pushed revision of ``built`` as collect_revision reads it with ``remote``."""
    repo = pygit2.Repository(str(built["repo"]))
    return {
        sha: collect_revision(
            GitTree(repo, repo[sha].peel(pygit2.Commit).tree), "", BlobCache(), remote=remote
        )
        for sha in built["pushed"]
    }


def test_objects_read_are_kept_on_disk_per_project(
    local_project: dict[str, Any], tmp_path: Path
) -> None:
    """Read once, a project's objects are on disk (checked against their md5 when read
    again): with the remote gone it reads the same values, while another project, whose
    objects are kept apart, reads nothing of them; the cache keeps within its bound."""
    cache = str(tmp_path / "cache")
    first = revisions(local_project, RemoteAccess(cache_dir=cache, project="1"))
    oracle = local_project["oracle"]
    assert all(first[sha].metrics == oracle[sha]["metrics"] for sha in first)
    moved = tmp_path / "moved"
    local_project["storage"].rename(moved)
    try:
        again = revisions(local_project, RemoteAccess(cache_dir=cache, project="1"))
        assert all(again[sha].metrics == oracle[sha]["metrics"] for sha in again)
        other = revisions(local_project, RemoteAccess(cache_dir=cache, project="2"))
        assert all(r.errors[0].type == "RemoteFileError" for r in other.values())
    finally:
        moved.rename(local_project["storage"])
    bounded = tmp_path / "bounded"
    revisions(local_project, RemoteAccess(cache_dir=str(bounded), project="1", cache_bytes=30))
    kept = [p.stat().st_size for p in bounded.rglob("*") if p.is_file()]
    assert len(kept) == 1 and sum(kept) <= 30  # two objects of about 25 bytes read


# --- an S3-compatible server --------------------------------------------------------------


@pytest.fixture(scope="session")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    yield from start_s3(tmp_path_factory.mktemp("moto"))


@pytest.fixture(scope="session")
def s3_project(tmp_path_factory: pytest.TempPathFactory, s3: S3Server) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("dvc-s3-remote")
    keys = {"access_key_id": s3.key_id, "secret_access_key": s3.secret}
    built = cached_repo(
        base / "repo",
        f"s3://{BUCKET}/project",
        {"endpointurl": s3.endpoint, "region": "us-east-1"},
        keys,  # in .dvc/config.local: not committed, so not in the server's mirror
        [0.25, 0.5],
        [],
    )
    return with_oracle(built, base / "clone", keys)


@pytest.fixture
async def s3_api(api: Api, s3: S3Server, tmp_path: Path) -> AsyncIterator[Api]:
    """The app of ``api`` (same database and token) whose policy lets the server reach the
    S3 server on 127.0.0.1 over http, as an operator would allow a storage host."""
    settings = dataclasses.replace(
        api.settings,
        data_dir=tmp_path / "data",
        allowed_git_hosts=(*api.settings.allowed_git_hosts, s3.host),
        allow_http_remotes=True,
    )
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield dataclasses.replace(api, client=client, settings=settings, names=set())


async def configure(api: Api, project_id: str, settings: dict[str, str]) -> dict[str, Any]:
    variables = {"input": {"projectId": project_id, "settings": settings}}
    payload: dict[str, Any] = (await api.data(CONFIGURE, variables))["configureRemote"]
    return payload


async def test_metrics_in_s3_equal_dvc_exp_show_once_credentials_are_configured(
    s3_api: Api, s3: S3Server, s3_project: dict[str, Any], unique: str
) -> None:
    name = f"remote-s3-{unique}"
    project = await s3_api.create_project(s3_project["repo"], name)
    rows = await rows_by_sha(s3_api, name)
    for sha in s3_project["pushed"]:  # no keys yet: read anonymously, and refused
        assert "refused the credentials" in remote_error(rows[sha])["message"]
    # wrong credentials: still the row's typed error, no 500
    payload = await configure(
        s3_api, project["id"], {"access_key_id": s3.key_id, "secret_access_key": "wrong"}
    )
    assert payload["errors"] == []
    rows = await rows_by_sha(s3_api, name)
    for sha in s3_project["pushed"]:
        assert "refused the credentials" in remote_error(rows[sha])["message"]
    payload = await configure(
        s3_api, project["id"], {"access_key_id": s3.key_id, "secret_access_key": s3.secret}
    )
    assert payload == {
        "remote": {"name": "", "keys": ["access_key_id", "secret_access_key"], "configured": True},
        "errors": [],
    }
    rows = await rows_by_sha(s3_api, name)
    assert_table_equals(rows, s3_project["oracle"], s3_project["pushed"])
    first, second = s3_project["pushed"]
    oracle = dvc_json(s3_project["clone"], "plots", "diff", first, second)["data"]
    found = await s3_api.data(PLOTS, {"name": name, "ids": [rows[first]["id"], rows[second]["id"]]})
    assert found["project"]["plotErrors"] == []
    _assert_equal(found["project"]["plots"], oracle, {first: first[:7], second: second[:7]})
    shown = (await s3_api.data(REMOTES, {"name": name}))["project"]["remotes"]
    assert shown == [
        {
            "name": "",
            "url": None,
            "isDefault": False,
            "configured": True,
            "keys": ["access_key_id", "secret_access_key"],
        },
        {
            "name": "storage",
            "url": f"s3://{BUCKET}/project",
            "isDefault": True,
            "configured": False,
            "keys": [],
        },
    ]
    # sealed at rest: the stored column holds neither the secret nor the key id
    (row,) = await _stored(project["id"])
    assert s3.secret not in row.sealed and s3.key_id not in row.sealed
    # cleared: the settings go, the rows stay as they were read
    payload = await configure(s3_api, project["id"], {})
    assert payload["errors"] == [] and payload["remote"]["keys"] == []
    assert await _stored(project["id"]) == []


async def _stored(project_id: str) -> list[RemoteSetting]:
    from schema.relay import decode_id

    return await RemoteSetting.filter(project_id=decode_id(project_id, "Project"))


async def test_an_s3_endpoint_on_this_machine_is_refused_unless_allowed(
    api: Api, s3: S3Server, s3_project: dict[str, Any], unique: str
) -> None:
    """The tests' usual policy does not list 127.0.0.1 (nor plain http): the server never
    contacts the endpoint the repository names, nor one configureRemote is given."""
    name = f"remote-s3-refused-{unique}"
    rows = await indexed(api, s3_project, name)
    project = (await api.data(ROWS, {"name": name}))["project"]
    for sha in s3_project["pushed"]:
        message = remote_error(rows[sha])["message"]
        assert "the server may not read it" in message, message
    payload = await configure(
        api,
        project["id"],
        {"endpointurl": s3.endpoint, "access_key_id": s3.key_id, "secret_access_key": s3.secret},
    )
    assert payload["remote"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("FORBIDDEN_REPOSITORY", "settings")
    ]
    assert await _stored(project["id"]) == []


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """An http endpoint that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def test_a_remote_that_never_answers_is_a_row_error_within_the_timeout(
    s3_project: dict[str, Any], s3: S3Server, silent_endpoint: str, tmp_path: Path
) -> None:
    """GITSTUDIO_REMOTE_TIMEOUT_SECONDS bounds a read; the remote is then not asked again
    by the same reader, so a sync of many revisions waits once, not once per revision."""
    remote = RemoteAccess(
        cache_dir=str(tmp_path / "cache"),
        settings={
            "": {
                "endpointurl": silent_endpoint,
                "access_key_id": s3.key_id,
                "secret_access_key": s3.secret,
            }
        },
        timeout=1.0,
    )
    started = time.monotonic()
    for data in revisions(s3_project, remote).values():
        (error,) = data.errors
        assert (error.file, error.type) == ("metrics.json", "RemoteFileError")
        assert "did not answer within 1 s" in error.message, error.message
    assert time.monotonic() - started < 10


def test_a_sync_read_by_a_child_process_reads_the_remote_too(
    local_project: dict[str, Any], tmp_path: Path
) -> None:
    """A large sync's revisions are read by a child process (sync/scan_process.py): it gets
    the reader, settings and all, and reads what the thread reads."""
    remote = RemoteAccess(cache_dir=str(tmp_path / "cache"))
    repo = local_project["repo"]
    result = plan(repo, {})
    batches = list(
        read_batches_in_child(repo, result, Reading(remote=remote), BlobCache(), 10, 1000)
    )
    read = {r.commit.sha: r.data for b in batches for r in b.commits}
    for sha in local_project["pushed"]:
        assert read[sha].errors == []
        assert read[sha].metrics == local_project["oracle"][sha]["metrics"]
    assert sum(1 for p in (tmp_path / "cache").rglob("*") if p.is_file()) == 2  # metrics


def test_outputs_holding_a_path_are_found_for_any_path() -> None:
    """Plot ids and metrics paths come from the repository: absolute, dotted or odd ones
    end the search (no output holds them), never loop."""
    digest = "0" * 32
    outs = {"curves": {"hash": digest + ".dir"}, "m.json": {"hash": digest}}
    assert cached_output(outs, "curves/a.csv") == ("curves", digest + ".dir")
    assert cached_output(outs, "m.json") == ("m.json", digest)
    for odd in ("/abs/x", "/", "//", "a/b/", "x", "", "./x", "m.json/inner"):
        assert cached_output(outs, odd) is None
