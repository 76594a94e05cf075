"""OIDC sign-in against a real OpenID provider (panva's oidc-provider, tests/oidc, run with
Node): the authorization-code flow with PKCE end to end, followed as a browser would (every
redirect, the cookies) by an HTTP client; users made at the first sign-in and found by
issuer and subject after, never by name; claimed teams joined and left; tampered state, a
replayed code, a wrong client secret, a refusal, bad ID tokens: a typed error, and no row
written (asserted). SQLite and PostgreSQL.

Node and the provider's packages (``npm ci --prefix tests/oidc``) are needed: the tests skip
without them on a laptop, and fail under ``CI=true``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from services import require_service
from starlette.requests import Request
from starlette.responses import Response
from support import Api, free_port, http

import gitstudio.oidc
from gitstudio.app import create_app
from gitstudio.oidc import COOKIE, OidcClient, OidcError
from storage.models import AuditEntry, BrowserSession, OidcIdentity, OidcTeamGrant, TeamMember, User
from storage.oidc import claimed_teams, derived_name, sign_in, sync_teams
from storage.roles import Role
from storage.teams import create_team, set_role
from storage.users import create_user, disable_user

HERE = Path(__file__).resolve().parent / "oidc"
SERVER = "http://testserver"
CALLBACK = f"{SERVER}/login/oidc/callback"
CLIENT_ID = "gitstudio-test"
CLIENT_SECRET = "a-long-random-test-secret"
ME = "{ me { name email teams { name role } } }"


@dataclass
class Provider:
    issuer: str
    process: subprocess.Popen[bytes]

    def account(self, **claims: Any) -> None:
        """The account the next interaction signs in (``deny=True``: it refuses)."""
        response = httpx.put(f"{self.issuer}/test/account", json=claims, timeout=10)
        assert response.status_code == 204, response.text


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    ready = shutil.which("node") is not None and (HERE / "node_modules/oidc-provider").is_dir()
    require_service("Node with tests/oidc's packages (npm ci --prefix tests/oidc)", ready)
    port = free_port()
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["node", "provider.js", str(port), CALLBACK, CLIENT_ID, CLIENT_SECRET],
            cwd=HERE, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    issuer = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:  # until discovery answers
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the provider did not start:\n{log.read_text()}")
            try:
                if http.get(f"{issuer}/.well-known/openid-configuration").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        yield Provider(issuer, process)
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class Seam:
    """Watches gitstudio.oidc.start_session (the real one runs): whom it signed in."""

    start: Any
    users: list[User] = field(default_factory=list)

    async def __call__(self, request: Request, response: Response, user: User) -> None:
        self.users.append(user)
        await self.start(request, response, user)


@pytest.fixture
def seam(monkeypatch: pytest.MonkeyPatch) -> Seam:
    recorder = Seam(gitstudio.oidc.start_session)
    monkeypatch.setattr(gitstudio.oidc, "start_session", recorder)
    return recorder


def oidc_app(api: Api, provider: Provider, **overrides: Any) -> Any:
    configured = {
        "public_url": SERVER,
        "oidc_issuer": provider.issuer,
        "oidc_client_id": CLIENT_ID,
        "oidc_client_secret": CLIENT_SECRET,
        "oidc_scopes": "openid profile email groups",
        "oidc_teams_claim": "groups",
    }
    settings = replace(api.settings, **(configured | overrides))
    return create_app(settings)


@pytest.fixture
async def browser(api: Api, provider: Provider) -> AsyncIterator[httpx.AsyncClient]:
    """A browser: gitstudio in process at http://testserver, the provider over the network,
    cookies kept, redirects followed."""
    async with _browser(oidc_app(api, provider)) as client:
        yield client


def _browser(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        mounts={"all://testserver": httpx.ASGITransport(app=app)},
        follow_redirects=True,
        timeout=30,
    )


async def to_callback(client: httpx.AsyncClient, next_path: str = "/healthz") -> httpx.URL:
    """Follow the flow from /login/oidc through the provider, up to (not into) the callback:
    its URL, with the code and state."""
    url = httpx.URL(f"{SERVER}/login/oidc", params={"next": next_path})
    for _ in range(20):
        response = await client.get(url, follow_redirects=False)
        assert response.status_code in (302, 303), (url, response.status_code, response.text)
        url = url.join(response.headers["location"])
        if str(url).startswith(CALLBACK):
            return url
    raise AssertionError("no redirect to the callback")


async def counts() -> tuple[int, ...]:
    return (
        await User.all().count(),
        await BrowserSession.all().count(),
        await OidcIdentity.all().count(),
        await TeamMember.all().count(),
        await OidcTeamGrant.all().count(),
    )


async def me(browser: httpx.AsyncClient) -> dict[str, Any]:
    """``me`` as the browser's page asks it: its session cookie, the CSRF token."""
    session = await browser.get(f"{SERVER}/api/session")
    assert session.status_code == 200, session.text
    response = await browser.post(
        f"{SERVER}/graphql",
        json={"query": ME},
        headers={"X-CSRF-Token": session.json()["csrf_token"]},
    )
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    result: dict[str, Any] = response.json()["data"]["me"]
    return result


def account(u: str, **claims: Any) -> dict[str, Any]:
    return {"sub": f"sub-{u}", "preferred_username": f"alice-{u}", "email": f"a{u}@x.org"} | claims


# -- end to end ---------------------------------------------------------------------------------


async def test_sign_in_end_to_end_makes_the_user_joins_claimed_teams_and_finds_it_again(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    admin = await create_user(f"owner-{unique}")
    ml = await create_team(f"ML-{unique}", admin.id)
    ops = await create_team(f"ops-{unique}", admin.id)
    provider.account(**account(unique, groups=[f"ml-{unique}", f"ops-{unique}", "no-such-team"]))

    response = await browser.get(f"{SERVER}/login/oidc", params={"next": "/healthz?x=1"})

    assert response.status_code == 200 and str(response.url) == f"{SERVER}/healthz?x=1"
    start, authorize = response.history[0], response.history[1]
    assert start.status_code == 303 and COOKIE in start.headers["set-cookie"]
    assert (
        "HttpOnly" in start.headers["set-cookie"]
        and "Path=/login/oidc" in start.headers["set-cookie"]
    )
    query = parse_qs(urlsplit(str(authorize.url)).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["redirect_uri"] == [CALLBACK] and query["client_id"] == [CLIENT_ID]
    callback = next(r for r in response.history if str(r.url).startswith(CALLBACK))
    assert callback.status_code == 303 and callback.headers["location"] == "/healthz?x=1"
    assert f'{COOKIE}=""' in callback.headers["set-cookie"]  # the login cookie is cleared

    [user] = seam.users
    assert user.name == f"alice-{unique}" and user.email == f"a{unique}@x.org"
    assert not user.admin and user.password_hash is None
    identity = await OidcIdentity.get(user_id=user.id)
    assert (identity.issuer, identity.subject) == (provider.issuer, f"sub-{unique}")
    session_cookie = callback.headers.get_list("set-cookie")
    assert any(c.startswith("gitstudio_session=") and "HttpOnly" in c for c in session_cookie)
    assert await me(browser) == {
        "name": f"alice-{unique}",
        "email": f"a{unique}@x.org",
        "teams": [{"name": ml.name, "role": "VIEWER"}, {"name": ops.name, "role": "VIEWER"}],
    }
    assert await BrowserSession.filter(user_id=user.id).count() == 1

    # Again in this browser: a new session replaces the one it had (nothing planted survives).
    assert (await browser.get(f"{SERVER}/login/oidc")).history[-1].status_code == 303
    assert await BrowserSession.filter(user_id=user.id).count() == 1

    # In another browser: the provider now calls them otherwise and lists one team.
    provider.account(**account(unique, preferred_username=f"renamed-{unique}", groups=[ml.name]))
    async with _browser(oidc_app(api, provider)) as other:
        again = await other.get(f"{SERVER}/login/oidc")
        assert again.history[-1].headers["location"] == "/login"  # no next: who is signed in
        assert again.status_code == 200 and f"alice-{unique}" in again.text
        assert (await me(other))["teams"] == [{"name": ml.name, "role": "VIEWER"}]
    assert [u.id for u in seam.users] == [user.id] * 3
    assert await OidcIdentity.filter(subject=f"sub-{unique}").count() == 1
    assert await OidcTeamGrant.filter(user_id=user.id).count() == 1
    assert await BrowserSession.filter(user_id=user.id).count() == 2


async def test_a_provider_name_never_takes_over_a_local_user(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    local = await create_user(
        f"bob-{unique}", email=f"bob{unique}@local.org", password="pw-local-1234"
    )
    await create_user(f"BOB-{unique}-2")  # the first suffix is taken too, in another case
    provider.account(  # the provider's address is not verified: not shown as theirs either
        **account(
            unique,
            preferred_username=f"bob-{unique}",
            email=f"bob{unique}@local.org",
            email_verified=False,
        )
    )

    response = await browser.get(f"{SERVER}/login/oidc")

    assert response.history[-1].status_code == 303
    [user] = seam.users
    assert user.id != local.id and user.name == f"bob-{unique}-3" and user.email is None
    assert (await OidcIdentity.get(subject=f"sub-{unique}")).user_id == user.id
    assert not await OidcIdentity.filter(user_id=local.id).exists()


async def test_a_user_without_teams_claim_setting_keeps_its_teams(
    api: Api, provider: Provider, seam: Seam, unique: str
) -> None:
    admin = await create_user(f"owner-{unique}")
    team = await create_team(f"t-{unique}", admin.id)
    provider.account(**account(unique, groups=[team.name]))
    async with _browser(oidc_app(api, provider, oidc_teams_claim="")) as client:
        response = await client.get(f"{SERVER}/login/oidc")
    assert response.history[-1].status_code == 303
    assert not await TeamMember.filter(user_id=seam.users[0].id).exists()


# -- refused sign-ins write nothing ---------------------------------------------------------------


async def test_a_tampered_state_is_refused(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    provider.account(**account(unique))
    url = await to_callback(browser)
    before = await counts()
    state = parse_qs(url.query.decode())["state"][0]
    tampered = url.copy_merge_params({"state": state[:-1] + ("A" if state[-1] != "A" else "B")})

    response = await browser.get(tampered, headers={"Accept": "application/json"})

    assert response.status_code == 400 and response.json()["code"] == "OIDC_STATE"
    assert await counts() == before and seam.users == []
    # The login cookie went with the refusal: the genuine answer is no good either now.
    genuine = await browser.get(url, headers={"Accept": "application/json"})
    assert genuine.status_code == 400 and genuine.json()["code"] == "OIDC_STATE"
    assert await counts() == before and seam.users == []


async def test_a_callback_without_the_login_cookie_is_refused(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    """Another browser's (an attacker's) authorization response signs nobody in here."""
    provider.account(**account(unique))
    url = await to_callback(browser)
    before = await counts()
    async with _browser(oidc_app(api, provider)) as victim:
        response = await victim.get(url)
    assert response.status_code == 400 and "OIDC_STATE" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert await counts() == before and seam.users == []


async def test_a_replayed_code_is_refused(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    provider.account(**account(unique))
    url = await to_callback(browser)
    sealed = browser.cookies.get(COOKIE)
    assert sealed
    first = await browser.get(url, follow_redirects=False)
    assert first.status_code == 303 and len(seam.users) == 1
    before = await counts()

    # Even with the login cookie put back, the provider refuses a code used already.
    again = await browser.get(
        url, headers={"Accept": "application/json", "Cookie": f"{COOKIE}={sealed}"}
    )

    assert again.status_code == 401 and again.json()["code"] == "OIDC_REJECTED"
    assert await counts() == before and len(seam.users) == 1


async def test_sign_ins_and_refused_callbacks_are_in_the_audit_log(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    """A sign-in is recorded with its user, issuer and subject; a refused callback with its
    code and no user, once however often it is replayed (gitstudio/audit_rest.py)."""
    provider.account(**account(unique))
    last = await AuditEntry.all().order_by("-id").first()
    start_id = last.id if last is not None else 0
    url = await to_callback(browser)
    sealed = browser.cookies.get(COOKIE)
    assert (await browser.get(url, follow_redirects=False)).status_code == 303
    for _ in range(3):
        again = await browser.get(
            url, headers={"Accept": "application/json", "Cookie": f"{COOKIE}={sealed}"}
        )
        assert again.json()["code"] == "OIDC_REJECTED"
    [user] = seam.users
    found = await AuditEntry.filter(id__gt=start_id).order_by("id")
    assert [(r.operation, r.user_id, r.token_id, r.project_id, r.result) for r in found] == [
        ("GET /login/oidc/callback", user.id, None, None, "OK"),
        ("GET /login/oidc/callback", None, None, None, "OIDC_REJECTED"),
    ]
    assert json.loads(found[0].arguments) == {
        "issuer": provider.issuer, "subject": f"sub-{unique}", "new": True}  # fmt: skip


async def test_a_wrong_client_secret_is_refused(
    api: Api, provider: Provider, seam: Seam, unique: str
) -> None:
    provider.account(**account(unique))
    before = await counts()
    app = oidc_app(api, provider, oidc_client_secret="not-the-secret")
    async with _browser(app) as client:
        response = await client.get(f"{SERVER}/login/oidc", headers={"Accept": "application/json"})
    assert response.status_code == 401 and response.json()["code"] == "OIDC_REJECTED"
    assert await counts() == before and seam.users == []


async def test_a_refusal_at_the_provider_is_refused_here(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    provider.account(**account(unique), deny=True)
    before = await counts()
    response = await browser.get(f"{SERVER}/login/oidc", headers={"Accept": "application/json"})
    assert response.status_code == 403 and response.json()["code"] == "OIDC_DENIED"
    assert await counts() == before and seam.users == []


async def test_a_disabled_user_is_refused(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    provider.account(**account(unique))
    assert (await browser.get(f"{SERVER}/login/oidc")).history[-1].status_code == 303
    await disable_user(seam.users[0].name)
    before = await counts()
    async with _browser(oidc_app(api, provider)) as client:
        response = await client.get(f"{SERVER}/login/oidc", headers={"Accept": "application/json"})
    assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"
    assert await counts() == before and len(seam.users) == 1


async def test_a_provider_that_is_down_is_a_502(api: Api, seam: Seam) -> None:
    down = Provider(f"http://127.0.0.1:{free_port()}", None)  # type: ignore[arg-type]
    before = await counts()
    async with _browser(oidc_app(api, down)) as client:
        response = await client.get(f"{SERVER}/login/oidc", headers={"Accept": "application/json"})
    assert response.status_code == 502 and response.json()["code"] == "OIDC_PROVIDER_UNAVAILABLE"
    assert await counts() == before


async def test_not_configured_is_a_404(api: Api) -> None:
    for path in ("/login/oidc", "/login/oidc/callback?code=x&state=y"):
        response = await api.client.get(path, headers={"Accept": "application/json"})
        assert response.status_code == 404 and response.json()["code"] == "OIDC_DISABLED"


async def test_the_login_page_links_to_single_sign_on_when_configured(
    api: Api, browser: httpx.AsyncClient
) -> None:
    page = await browser.get(f"{SERVER}/login", params={"next": "/graphiql"})
    assert 'href="/login/oidc?next=/graphiql"' in page.text
    assert "/login/oidc" not in (await api.client.get("/login")).text


async def test_next_is_a_path_of_this_server_only(
    api: Api, provider: Provider, browser: httpx.AsyncClient, seam: Seam, unique: str
) -> None:
    provider.account(**account(unique))
    for hostile in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "/a\nb"):
        url = await to_callback(browser, hostile)
        response = await browser.get(url, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login", hostile


# -- ID tokens that do not verify ----------------------------------------------------------------


ISSUER = "https://idp.example"


@dataclass
class FakeIdp:
    """A mock provider answering discovery and a JWKS of ``keys`` (rotate: replace them)."""

    keys: list[Any]
    requests: list[str] = field(default_factory=list)

    def answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request.url.path)
        if request.url.path == "/jwks":
            return httpx.Response(200, json={"keys": [k.as_dict(private=False) for k in self.keys]})
        return httpx.Response(
            200,
            json={
                "issuer": ISSUER,
                "authorization_endpoint": f"{ISSUER}/auth",
                "token_endpoint": f"{ISSUER}/token",
                "jwks_uri": f"{ISSUER}/jwks",
            },
        )


@pytest.fixture
def fake_idp() -> tuple[OidcClient, Any, httpx.AsyncClient, FakeIdp]:
    """An OidcClient whose provider is a :class:`FakeIdp` with one RSA key; the key, to
    sign tokens with."""
    from joserfc.jwk import RSAKey

    from gitstudio.settings import Settings

    key = RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256"})
    idp = FakeIdp([key])
    client = OidcClient(
        Settings(oidc_issuer=ISSUER, oidc_client_id=CLIENT_ID, oidc_client_secret="s")
    )
    return client, key, httpx.AsyncClient(transport=httpx.MockTransport(idp.answer)), idp


def signed(key: Any, header: dict[str, Any] | None = None, **claims: Any) -> str:
    from joserfc import jwt

    now = int(time.time())
    body = {"iss": ISSUER, "aud": CLIENT_ID, "sub": "s1", "iat": now, "exp": now + 300,
            "nonce": "n1"} | claims  # fmt: skip
    body = {k: v for k, v in body.items() if v is not None}
    return jwt.encode(header or {"alg": "RS256", "kid": "k1"}, body, key)


async def test_id_tokens_that_do_not_verify_are_refused(
    fake_idp: tuple[OidcClient, Any, httpx.AsyncClient, FakeIdp],
) -> None:
    from joserfc.jwk import OctKey, RSAKey

    client, key, http, _idp = fake_idp
    meta = await client.metadata(http)
    assert (await client.id_claims(http, meta, signed(key), "n1"))["sub"] == "s1"
    other = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    now = int(time.time())
    bad = {
        "another key": signed(other),
        "an unknown key": signed(RSAKey.generate_key(2048), {"alg": "RS256", "kid": "k9"}),
        "another issuer": signed(key, iss="https://evil.example"),
        "another audience": signed(key, aud="someone-else"),
        "two audiences, azp another": signed(key, aud=[CLIENT_ID, "x"], azp="x"),
        "expired": signed(key, exp=now - 3600, iat=now - 7200),
        "no exp": signed(key, exp=None),
        "another nonce": signed(key, nonce="n2"),
        "no nonce": signed(key, nonce=None),
        "no sub": signed(key, sub=None),
        "HS256 with the secret": signed(OctKey.import_key(b"k" * 32), {"alg": "HS256"}),
        "alg none": "eyJhbGciOiJub25lIn0." + signed(key).split(".")[1] + ".",
        "garbage": "not.a.token",
        "none at all": "",
    }
    for what, token in bad.items():
        with pytest.raises(OidcError) as refused:
            await client.id_claims(http, meta, token, "n1")
        assert refused.value.code == "OIDC_BAD_TOKEN", what


async def test_rotated_keys_are_fetched_again_once_per_token(
    fake_idp: tuple[OidcClient, Any, httpx.AsyncClient, FakeIdp],
) -> None:
    from joserfc.jwk import RSAKey

    client, key, http, idp = fake_idp
    meta = await client.metadata(http)
    assert (await client.id_claims(http, meta, signed(key), "n1"))["sub"] == "s1"
    assert idp.requests.count("/jwks") == 1
    await client.id_claims(http, meta, signed(key), "n1")
    assert idp.requests.count("/jwks") == 1  # cached
    new = RSAKey.generate_key(2048, parameters={"kid": "k2"})
    idp.keys = [new]  # the provider rotates
    claims = await client.id_claims(http, meta, signed(new, {"alg": "RS256", "kid": "k2"}), "n1")
    assert claims["sub"] == "s1" and idp.requests.count("/jwks") == 2
    with pytest.raises(OidcError):  # an unknown key: one more fetch, then refused
        await client.id_claims(http, meta, signed(key), "n1")
    assert idp.requests.count("/jwks") == 3


def test_a_setting_that_cannot_work_stops_the_server_at_start(tmp_path: Path) -> None:
    from gitstudio.settings import Settings

    good = {"oidc_client_id": "c", "oidc_client_secret": "s", "data_dir": tmp_path}
    for issuer in ("http://idp.example", "ftp://idp.example", "https://", "idp.example"):
        with pytest.raises(ValueError, match="GITSTUDIO_OIDC_ISSUER"):
            OidcClient(Settings(oidc_issuer=issuer, **good))
    with pytest.raises(ValueError, match="GITSTUDIO_OIDC_CLIENT_SECRET"):
        OidcClient(Settings(oidc_issuer=ISSUER, oidc_client_id="c", data_dir=tmp_path))
    with pytest.raises(ValueError, match="GITSTUDIO_OIDC_TEAM_ROLE"):
        OidcClient(Settings(oidc_issuer=ISSUER, oidc_team_role="OWNER", **good))
    client = OidcClient(Settings(oidc_issuer=ISSUER + "/", oidc_scopes="email groups", **good))
    assert client.issuer == ISSUER + "/" and client.scopes == "openid email groups"
    assert not OidcClient(Settings(data_dir=tmp_path)).enabled


# -- storage: names and teams ---------------------------------------------------------------------


def test_derived_names() -> None:
    assert derived_name({"preferred_username": "Ann Lee"}) == "Ann-Lee"
    assert derived_name({"preferred_username": "..", "email": "a.b+c@x.org"}) == "a.b-c"
    assert derived_name({"name": "Łukasz Żółw"}) == "ukasz-w"
    assert derived_name({"preferred_username": "x" * 300}) == "x" * 90
    assert derived_name({"preferred_username": 7, "name": "   "}) == "user"
    assert claimed_teams("ml") == ["ml"]
    assert claimed_teams(["a", 3, "", "b" * 101, "c"]) == ["a", "c"]
    assert claimed_teams({"a": 1}) == []


async def test_parallel_first_sign_ins_make_one_user(api: Api, unique: str) -> None:
    issuer = f"https://idp.example/{unique}"
    claims = {"sub": unique, "preferred_username": f"par-{unique}"}
    users_before = await User.all().count()
    signed = await asyncio.gather(*(sign_in(issuer, claims) for _ in range(5)))
    assert len({s.user.id for s in signed}) == 1 and sum(s.created for s in signed) == 1
    assert await User.all().count() == users_before + 1
    assert await OidcIdentity.filter(issuer=issuer).count() == 1


async def test_claimed_memberships_leave_with_the_claim_unless_an_admin_changed_them(
    api: Api, unique: str
) -> None:
    owner = await create_user(f"own-{unique}")
    kept = await create_team(f"k-{unique}", owner.id)
    changed = await create_team(f"c-{unique}", owner.id)
    manual = await create_team(f"m-{unique}", owner.id)
    signed = await sign_in(
        "https://idp.example/" + unique,
        {"sub": unique, "preferred_username": f"p-{unique}", "groups": [kept.name]},
    )
    user = signed.user
    await TeamMember.create(team_id=manual.id, user_id=user.id, role=Role.EDITOR.name)
    await sync_teams(user.id, [kept.name, changed.name, manual.name], Role.VIEWER)
    await set_role(changed.id, user.id, Role.EDITOR)  # a team admin promotes them
    assert await OidcTeamGrant.filter(user_id=user.id).count() == 2  # not the manual one

    await sync_teams(user.id, [], Role.VIEWER)

    roles = {m.team_id: m.role for m in await TeamMember.filter(user_id=user.id)}
    assert roles == {changed.id: "EDITOR", manual.id: "EDITOR"}
    assert not await OidcTeamGrant.filter(user_id=user.id).exists()


async def test_one_user_per_issuer_and_subject_in_sql_too(api: Api, unique: str) -> None:
    """The database holds the rule sign_in relies on: a second identity of one (issuer,
    subject) is refused, whichever user it would name."""
    from datetime import UTC, datetime

    from tortoise.exceptions import IntegrityError

    now = datetime.now(UTC)
    first = await create_user(f"idp-a-{unique}")
    second = await create_user(f"idp-b-{unique}")
    issuer = f"https://idp-{unique}.example"
    await OidcIdentity.create(issuer=issuer, subject="s", user_id=first.id, created_at=now,
                              last_login_at=now)  # fmt: skip
    with pytest.raises(IntegrityError):
        await OidcIdentity.create(issuer=issuer, subject="s", user_id=second.id,
                                  created_at=now, last_login_at=now)  # fmt: skip
    assert await OidcIdentity.filter(issuer=issuer).count() == 1
