"""Access control of the REST routes over HTTP, on SQLite and PostgreSQL: each route asks
the one gate (gitstudio/auth.py) for the caller's role on the projects it touches.

Four projects (owned by a user or by a team, PRIVATE or PUBLIC), six callers (the owner,
another user, the team's VIEWER and EDITOR, anonymous, the site admin); every token holds
every scope the routes need, so the role decides. A project the caller cannot read answers
exactly as one that does not exist (anonymous: 401, a token may see more); one it reads
without the role a write needs is 403 and the write changes no row."""

from __future__ import annotations

import asyncio
import base64
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import yaml
from live_support import event, live_rows, png, post_live
from support import Api, git

from storage import db
from storage.models import User
from storage.queries import forget_projects
from storage.roles import Role
from storage.teams import add_member, create_team, remove_member
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync import scheduling
from sync.generate import RepoSpec, generate_repo

SCOPES = frozenset({Scope.READ, Scope.EXPERIMENTS})
CALLERS = ("owner", "other", "viewer", "editor", "anonymous", "admin")
PROJECTS = ("mine-private", "mine-public", "team-private", "team-public")
# The role each caller has on each project (None: it may not know the project exists).
ROLES: dict[str, dict[str, Role | None]] = {
    "owner": dict.fromkeys(PROJECTS, Role.ADMIN),  # owns mine-*, ADMIN of the team
    "admin": dict.fromkeys(PROJECTS, Role.ADMIN),  # the site admin
    "other": {"mine-private": None, "mine-public": Role.VIEWER,
              "team-private": None, "team-public": Role.VIEWER},
    "viewer": {"mine-private": None, "mine-public": Role.VIEWER,
               "team-private": Role.VIEWER, "team-public": Role.VIEWER},
    "editor": {"mine-private": None, "mine-public": Role.VIEWER,
               "team-private": Role.EDITOR, "team-public": Role.EDITOR},
    "anonymous": {"mine-private": None, "mine-public": Role.VIEWER,
                  "team-private": None, "team-public": Role.VIEWER},
}  # fmt: skip
MATRIX = [(c, p) for c in CALLERS for p in PROJECTS]


@dataclass
class Proj:
    name: str
    id: int
    repo: Path
    baseline: str
    experiment: int = 0  # a LIVE run holding an image

    @property
    def url(self) -> str:
        return str(self.repo)


@dataclass
class World:
    api: Api
    projects: dict[str, Proj]
    tokens: dict[str, str | None]
    users: dict[str, User]
    team_id: int

    def headers(self, caller: str) -> dict[str, str]:
        token = self.tokens[caller]
        return {"Authorization": f"token {token}"} if token else {}


def model_repo(repo: Path) -> Path:
    """A generated DVC repository whose Git-tracked ``models/notes.txt`` is the model
    ``notes``, registered v1.0.0 with a GTO tag."""
    generate_repo(
        repo,
        RepoSpec(
            commits=1, branches=("main",), exps_per_commit=0, gto_tags=False, extra_formats=False
        ),
    )
    doc = yaml.safe_load((repo / "dvc.yaml").read_text()) or {}
    doc["artifacts"] = {"notes": {"path": "models/notes.txt", "type": "model"}}
    (repo / "dvc.yaml").write_text(yaml.safe_dump(doc))
    (repo / "models").mkdir()
    (repo / "models" / "notes.txt").write_text(f"notes of {repo.name}\n")
    who = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    git(repo, "add", "-A")
    git(repo, *who, "commit", "-qm", "the notes model")
    git(repo, *who, "tag", "-a", "notes@v1.0.0", "-m", "Registering artifact notes version v1.0.0")
    return repo


async def own(project_id: int, user_id: int | None, team_id: int | None, visibility: str) -> None:
    await db.execute(
        "UPDATE projects SET owner_user_id = ?, owner_team_id = ?, visibility = ? WHERE id = ?",
        [user_id, team_id, visibility, project_id],
    )
    forget_projects()  # the app's cached rows: as updateProject does


@pytest.fixture(scope="module")
async def world(api: Api, tmp_path_factory: pytest.TempPathFactory) -> World:
    tag = f"ra{api.backend[:2]}{time.monotonic_ns() % 10**9}"
    users = {
        who: await create_user(f"{tag}-{who}") for who in ("owner", "other", "viewer", "editor")
    }
    team = await create_team(f"{tag}-team", users["owner"].id)
    await add_member(team.id, users["viewer"].id, Role.VIEWER)
    await add_member(team.id, users["editor"].id, Role.EDITOR)
    tokens: dict[str, str | None] = {"anonymous": None, "admin": api.token}
    for who, user in users.items():
        tokens[who] = (await create_token(who, SCOPES, user_id=user.id))[1]
    root = tmp_path_factory.mktemp("rest-access")
    projects = {}
    for kind in PROJECTS:
        name = f"{tag}-{kind}"
        repo = model_repo(root / name)
        created = await api.create_project(repo, name)
        pid = int((await db.fetch("SELECT id FROM projects WHERE name = ?", [name]))[0]["id"])
        owner_user = users["owner"].id if kind.startswith("mine") else None
        owner_team = team.id if kind.startswith("team") else None
        await own(pid, owner_user, owner_team, kind.split("-")[1].upper())
        proj = Proj(created["name"], pid, repo, git(repo, "rev-parse", "main"))
        image = {"dvclive/plots/images/a.png": {"image": base64.b64encode(png()).decode()}}
        answer = await post_live(
            api, event("data", proj.url, proj.baseline, "pic", step=1, plots=image)
        )
        assert answer.status_code == 200, answer.text
        proj.experiment = int((await live_rows(pid))[0]["id"])
        projects[kind] = proj
    return World(api, projects, tokens, users, team.id)


async def counts() -> dict[str, int]:
    """What a refused write must leave as it was (once the syncs it may have asked ended)."""
    await asyncio.gather(*list(scheduling.RUNNING))
    out = {}
    for table in ("experiments", "metric_steps", "live_images"):
        out[table] = int((await db.fetch(f"SELECT COUNT(*) AS n FROM {table}"))[0]["n"])
    syncs = await db.fetch("SELECT SUM(sync_count) AS n FROM projects")
    out["syncs"] = int(syncs[0]["n"] or 0)
    return out


def hidden_like_missing(response: httpx.Response, url: str, missing: httpx.Response) -> None:
    """A project the caller cannot read answers as an unknown one: status, code and the
    message but for the URL it names."""
    assert response.status_code == missing.status_code == 404, response.text
    body, expected = response.json(), missing.json()
    assert body["code"] == expected["code"]
    assert body["detail"].replace(url, "URL") == expected["detail"].replace("/nowhere/none", "URL")


@pytest.mark.parametrize(("caller", "kind"), MATRIX)
async def test_live_needs_editor(world: World, caller: str, kind: str) -> None:
    proj, role = world.projects[kind], ROLES[caller][kind]
    run = f"run-{caller}"
    before = await counts()
    body = event("start", proj.url, proj.baseline, run)
    response = await world.api.client.post("/api/live", json=body, headers=world.headers(caller))
    names = [r["name"] for r in await live_rows(proj.id)]
    if caller == "anonymous":
        assert response.status_code == 401, response.text
    elif role is None:
        missing = await world.api.client.post(
            "/api/live",
            json=event("start", "/nowhere/none", proj.baseline, run),
            headers=world.headers(caller),
        )
        hidden_like_missing(response, proj.url, missing)
    elif role < Role.EDITOR:
        assert response.status_code == 403, response.text
        assert response.json()["code"] == "FORBIDDEN" and "EDITOR" in response.json()["detail"]
    else:
        assert response.status_code == 200 and response.content == b"{}", response.text
        assert run in names
        return
    assert run not in names
    assert await counts() == before


@pytest.mark.parametrize(("caller", "kind"), MATRIX)
async def test_dvc_webhook_needs_editor(world: World, caller: str, kind: str) -> None:
    proj, role = world.projects[kind], ROLES[caller][kind]
    before = await counts()
    body = {"repo_url": proj.url, "client": "dvc", "refs": {"pushed": []}}
    response = await world.api.client.post("/webhook/dvc", json=body, headers=world.headers(caller))
    if role is not None and role >= Role.EDITOR and caller != "anonymous":
        assert response.status_code == 200, response.text
        assert response.json()["url"].endswith(f"/projects/{proj.name}")
        await counts()  # its sync ended: it moves no later snapshot
        return
    if caller == "anonymous":
        assert response.status_code == 401, response.text
    elif role is None:
        missing = await world.api.client.post(
            "/webhook/dvc",
            json={**body, "repo_url": "/nowhere/none"},
            headers=world.headers(caller),
        )
        hidden_like_missing(response, proj.url, missing)
    else:
        assert response.status_code == 403, response.text
    assert await counts() == before  # no sync was asked


@pytest.mark.parametrize(("caller", "kind"), MATRIX)
async def test_view_links_need_read(world: World, caller: str, kind: str) -> None:
    proj, role = world.projects[kind], ROLES[caller][kind]
    params = [("git_remote_url", proj.url), ("commits", proj.baseline)]
    response = await world.api.client.get(
        "/api/view-links", params=params, headers=world.headers(caller)
    )
    if role is None:
        if caller == "anonymous":
            assert response.status_code == 401, response.text
            return
        missing = await world.api.client.get(
            "/api/view-links",
            params={"git_remote_url": "/nowhere/none"},
            headers=world.headers(caller),
        )
        hidden_like_missing(response, proj.url, missing)
        return
    assert response.status_code == 200, response.text
    links = response.json()
    assert links["view_url"].endswith(f"/projects/{proj.name}")
    assert {"baseline_sha": proj.baseline, "name": "pic"} in links["live"]


@pytest.mark.parametrize(("caller", "kind"), MATRIX)
async def test_live_images_need_read(world: World, caller: str, kind: str) -> None:
    proj, role = world.projects[kind], ROLES[caller][kind]
    response = await world.api.client.get(
        f"/api/live/images/{proj.experiment}/dvclive/plots/images/a.png",
        headers=world.headers(caller),
    )
    if role is not None:
        assert response.status_code == 200 and response.content == png(), response.text
        return
    missing = await world.api.client.get(
        f"/api/live/images/{2**31 - 7}/dvclive/plots/images/a.png", headers=world.headers(caller)
    )
    if caller == "anonymous":
        assert response.status_code == missing.status_code == 401, response.text
        return
    assert response.status_code == missing.status_code == 404, response.text
    assert response.json()["detail"].replace(str(proj.experiment), "N") == missing.json()[
        "detail"
    ].replace(str(2**31 - 7), "N")


async def uris(world: World, caller: str, repo: str) -> httpx.Response:
    return await world.api.client.get(
        "/api/model-registry/get-download-uris",
        params={"repo": repo, "name": "notes"},
        headers=world.headers(caller),
    )


@pytest.mark.parametrize(("caller", "kind"), MATRIX)
async def test_model_downloads_need_read(world: World, caller: str, kind: str) -> None:
    proj, role = world.projects[kind], ROLES[caller][kind]
    response = await uris(world, caller, proj.url)
    if role is None:
        if caller == "anonymous":
            assert response.status_code == 401, response.text
            return
        hidden_like_missing(response, proj.url, await uris(world, caller, "/nowhere/none"))
        return
    assert response.status_code == 200, response.text
    [(path, url)] = response.json().items()
    assert path == "notes.txt"
    fetched = await world.api.client.get(url)  # no credentials, as DVC fetches it
    assert fetched.status_code == 200, fetched.text
    assert fetched.content == f"notes of {proj.repo.name}\n".encode()


async def test_a_download_link_reads_as_the_user_it_was_minted_for(world: World) -> None:
    """A link is no bypass: another user's id in it breaks the signature, and it stops
    serving once its user may no longer read the project (membership, visibility)."""
    proj = world.projects["team-private"]
    [url] = (await uris(world, "viewer", proj.url)).json().values()
    client = world.api.client
    assert (await client.get(url)).status_code == 200
    viewer, other = world.users["viewer"].id, world.users["other"].id
    forged = url.replace(f"user={viewer}", f"user={other}")
    assert forged != url and (await client.get(forged)).status_code == 403
    await remove_member(world.team_id, viewer)
    try:
        gone = await client.get(url)
        assert gone.status_code == 404 and gone.json()["code"] == "NOT_FOUND"
    finally:
        await add_member(world.team_id, viewer, Role.VIEWER)
    assert (await client.get(url)).status_code == 200

    public = world.projects["mine-public"]
    [anonymous_url] = (await uris(world, "anonymous", public.url)).json().values()
    assert "user=0" in anonymous_url
    assert (await client.get(anonymous_url)).status_code == 200
    await own(public.id, world.users["owner"].id, None, "PRIVATE")
    try:
        assert (await client.get(anonymous_url)).status_code == 401
    finally:
        await own(public.id, world.users["owner"].id, None, "PUBLIC")


async def test_a_role_above_the_scope_is_still_bounded_by_it(world: World) -> None:
    """The team EDITOR's READ-only token reads but does not post live metrics (403 for the
    scope, before the body is read); a readable project refused for the role changes
    nothing either way."""
    proj = world.projects["team-private"]
    _row, token = await create_token(
        "read-only", frozenset({Scope.READ}), user_id=world.users["editor"].id
    )
    before = await counts()
    response = await post_live(world.api, event("start", proj.url, proj.baseline, "ro"), token)
    assert response.status_code == 403 and "EXPERIMENTS" in response.json()["detail"]
    assert await counts() == before
    links = await world.api.client.get(
        "/api/view-links",
        params={"git_remote_url": proj.url},
        headers={"Authorization": f"token {token}"},
    )
    assert links.status_code == 200, links.text


async def test_a_monorepo_shows_each_caller_only_its_projects(world: World, tmp_path: Path) -> None:
    """Two projects of one repository: the owner's PRIVATE root and the team's PRIVATE
    sub-directory. The team EDITOR sees only the latter: its view link, its runs."""
    api, tag = world.api, f"mono{time.monotonic_ns() % 10**9}"
    repo = model_repo(tmp_path / tag)
    await api.create_project(repo, f"{tag}-root")
    await api.create_project(repo, f"{tag}-sub", subdir="models")
    ids = {
        r["name"]: int(r["id"])
        for r in await db.fetch("SELECT id, name FROM projects WHERE name LIKE ?", [f"{tag}-%"])
    }
    root, sub = ids[f"{tag}-root"], ids[f"{tag}-sub"]
    await own(root, world.users["owner"].id, None, "PRIVATE")
    await own(sub, None, world.team_id, "PRIVATE")
    baseline = git(repo, "rev-parse", "main")
    links = await api.client.get(
        "/api/view-links", params={"git_remote_url": str(repo)}, headers=world.headers("editor")
    )
    assert links.status_code == 200 and links.json()["view_url"].endswith(f"/projects/{tag}-sub")
    posted = await post_live(
        api, event("start", str(repo), baseline, "mono-run"), world.tokens["editor"]
    )
    assert posted.status_code == 200, posted.text
    assert [r["name"] for r in await live_rows(sub)] == ["mono-run"]
    assert await live_rows(root) == []
    before = await counts()
    refused = await post_live(
        api, event("start", str(repo), baseline, "mono-other"), world.tokens["other"]
    )
    assert refused.status_code == 404 and refused.json()["code"] == "NOT_FOUND"
    assert await counts() == before
