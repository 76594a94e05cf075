"""Browser sessions: ``/login`` (cookie flags, one answer for every wrong login, throttling,
no open redirect), a session as its user on /graphql, REST and websockets, CSRF on every
cookie-authenticated write (refused writes change no row), logout, expiry, device-login
approval by a signed-in user; migration 0016 rolls back cleanly. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from asgi_ws import raw_asgi_websocket
from starlette.applications import Starlette
from support import Api

from gitstudio.app import create_app
from gitstudio.sessions import safe_next
from storage import db, limits
from storage.models import AccessToken, BrowserSession, DeviceCode, LoginFailure
from storage.sessions import create_session, csrf_token, session_principal
from storage.tokens import Scope, forget_principals, hash_token
from storage.users import create_user, disable_user

PASSWORD = "correct horse battery staple"
ME = "{ me { name admin } }"
MINT = """mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
  token accessToken { id name scopes } errors { code message } } }"""
ORIGIN = "http://testserver"

Web = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
async def web(api: Api, unique: str) -> AsyncIterator[Web]:
    """``web(**settings)``: a browser (its own cookie jar) on a new app over the test
    database, from an address of its own (the per-address throttle counts per test)."""
    apps: dict[tuple[tuple[str, Any], ...], Starlette] = {}
    count = 0

    @asynccontextmanager
    async def browser(
        address: str | None = None, **overrides: Any
    ) -> AsyncIterator[httpx.AsyncClient]:
        nonlocal count
        key = tuple(sorted(overrides.items()))
        if key not in apps:
            apps[key] = create_app(replace(api.settings, **overrides))
        count += 1
        host = address or f"10.9.{int(unique[:2], 16)}.{count}"
        transport = httpx.ASGITransport(app=apps[key], client=(host, 40000))
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as client:
            client.app = apps[key]  # type: ignore[attr-defined]
            yield client

    yield browser
    limits.configure(api.settings)


async def user(name: str, admin: bool = False, password: str | None = PASSWORD) -> int:
    made = await create_user(name, email=f"{name}@example.com", admin=admin, password=password)
    return made.id


async def sign_in(client: httpx.AsyncClient, name: str, password: str = PASSWORD) -> str:
    """Sign in over JSON; the CSRF token."""
    response = await client.post("/login", json={"name": name, "password": password})
    assert response.status_code == 200, response.text
    token: str = response.json()["csrf_token"]
    return token


async def session_rows(user_id: int) -> int:
    return await BrowserSession.filter(user_id=user_id).count()


def cookie_of(response: httpx.Response) -> str:
    found = [v for k, v in response.headers.multi_items() if k == "set-cookie"]
    assert len(found) == 1, found
    return found[0]


def code_of(response: httpx.Response) -> str:
    body = response.json()
    if "errors" in body:
        code: str = body["errors"][0]["extensions"]["code"]
        return code
    return str(body["code"])


# -- signing in ----------------------------------------------------------------------------------


async def test_login_sets_a_hardened_cookie_and_signs_in(web: Web, unique: str) -> None:
    name = f"ada-{unique}"
    user_id = await user(name)
    async with web() as browser:
        form = await browser.get("/login")
        assert form.status_code == 200 and form.headers["content-type"].startswith("text/html")
        assert "<script" not in form.text and 'type="password"' in form.text
        assert "http" not in form.text.split("<body>")[1], "no outside asset"
        assert form.headers["x-frame-options"] == "DENY"

        done = await browser.post(
            "/login", data={"name": name.upper(), "password": PASSWORD, "next": "/graphql?x=1"}
        )
        assert done.status_code == 303 and done.headers["location"] == "/graphql?x=1"
        cookie = cookie_of(done)
        attributes = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
        assert {"httponly", "samesite", "path", "max-age"} <= attributes
        assert "secure" not in attributes, "plain http: a Secure cookie would never come back"
        assert re.search(r"(?i)samesite=lax", cookie) and "Path=/" in cookie
        secret = cookie.split(";")[0].split("=", 1)[1]
        assert len(secret) >= 43

        # Only the secret's SHA-256 is stored; the CSRF token is derived, not stored.
        rows = await db.fetch("SELECT * FROM sessions WHERE user_id = ?", [user_id])
        assert (
            len(rows) == 1 and rows[0]["secret_hash"] == hashlib.sha256(secret.encode()).hexdigest()
        )
        assert all(
            secret not in str(v) and csrf_token(secret) not in str(v) for v in rows[0].values()
        )

        me = await browser.get("/api/session")
        assert me.status_code == 200 and me.headers["cache-control"] == "no-store"
        assert me.json()["user"] == name and me.json()["csrf_token"] == csrf_token(secret)
        # A query over GET is a read: the cookie alone does.
        read = await browser.get("/graphql", params={"query": ME})
        assert read.status_code == 200 and read.json()["data"]["me"] == {
            "name": name,
            "admin": False,
        }
        signed_in = await browser.get("/login")
        assert name in signed_in.text and 'name="csrf_token"' in signed_in.text


async def test_a_session_has_its_users_scopes(api: Api, unique: str) -> None:
    plain, admin = await user(f"pat-{unique}"), await user(f"root-{unique}", admin=True)
    _row, secret = await create_session(plain, 60)
    principal = await session_principal(secret)
    assert principal is not None and principal.token_id < 0 and principal.user_id == plain
    assert principal.scopes == {Scope.READ, Scope.PROJECTS, Scope.EXPERIMENTS, Scope.MODELS}
    assert not principal.site_admin and principal.owner == (
        f"pat-{unique}",
        f"pat-{unique}@example.com",
    )
    _row, secret = await create_session(admin, 60)
    principal = await session_principal(secret)
    assert principal is not None and principal.site_admin and Scope.ADMIN in principal.scopes
    assert await session_principal("x" * 43) is None and await session_principal("") is None


async def test_secure_cookie_over_https(web: Web, unique: str) -> None:
    name = f"sec-{unique}"
    await user(name)
    async with web(public_url="https://studio.example") as browser:
        done = await browser.post("/login", json={"name": name, "password": PASSWORD})
        assert "secure" in cookie_of(done).lower()
    async with web() as browser:  # behind a proxy that terminates TLS
        done = await browser.post(
            "/login",
            json={"name": name, "password": PASSWORD},
            headers={"X-Forwarded-Proto": "https"},
        )
        assert "secure" in cookie_of(done).lower()


async def test_every_wrong_login_gets_one_answer(web: Web, unique: str) -> None:
    good, off, bare = f"good-{unique}", f"off-{unique}", f"bare-{unique}"
    ids = [await user(good), await user(off), await user(bare, password=None)]
    await disable_user(off)
    async with web() as browser:
        answers = []
        for name, password in (
            (good, "wrong"),
            (f"nobody-{unique}", PASSWORD),
            (off, PASSWORD),  # the right password of a disabled user
            (bare, ""),
            (bare, "anything"),
            ("../../etc", PASSWORD),
        ):
            response = await browser.post("/login", json={"name": name, "password": password})
            if password:
                answers.append((response.status_code, response.json()))
            else:
                assert response.status_code == 400
            assert "set-cookie" not in response.headers
        assert len(set(map(str, answers))) == 1, answers
        assert answers[0] == (
            401,
            {"detail": "wrong user name or password", "code": "INVALID_CREDENTIALS"},
        )
        page = await browser.post("/login", data={"name": good, "password": "wrong"})
        assert page.status_code == 401 and "Wrong user name or password" in page.text
    assert [await session_rows(i) for i in ids] == [0, 0, 0]


async def test_hostile_login_bodies_are_typed_errors(web: Web, unique: str) -> None:
    name = f"hos-{unique}"
    user_id = await user(name)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    async with web() as browser:
        many = "&".join(f"f{n}=x" for n in range(50)) + f"&name={name}&password=x"
        assert (await browser.post("/login", content=many, headers=form)).status_code == 400
        for body in (["name"], {"name": 5, "password": PASSWORD}, {"name": name}):
            refused = await browser.post("/login", json=body)
            assert refused.status_code == 400 and code_of(refused) == "BAD_REQUEST"
        broken = await browser.post(
            "/login", content=b"{", headers={"Content-Type": "application/json"}
        )
        assert broken.status_code == 400
        huge = await browser.post("/login", json={"name": name, "password": "x" * 100_000})
        assert huge.status_code == 413 and code_of(huge) == "TOO_LARGE"
        assert "set-cookie" not in huge.headers
    assert await session_rows(user_id) == 0
    assert await LoginFailure.filter(key=f"name:{name}").count() == 0, "nothing was checked"


async def test_failed_logins_are_throttled(web: Web, unique: str) -> None:
    name = f"tim-{unique}"
    user_id = await user(name)
    settings = {
        "login_max_failures": 3,
        "login_max_failures_per_client": 100,
        "login_window_seconds": 600.0,
    }
    async with web(**settings) as browser, web(**settings) as elsewhere:
        for _ in range(3):
            wrong = await browser.post("/login", json={"name": name, "password": "nope"})
            assert wrong.status_code == 401
        # Now even the right password, from any address, waits for the window.
        for client in (browser, elsewhere):
            refused = await client.post("/login", json={"name": name.upper(), "password": PASSWORD})
            assert refused.status_code == 429 and code_of(refused) == "LOGIN_THROTTLED"
            assert 0 < int(refused.headers["retry-after"]) <= 600
            assert "set-cookie" not in refused.headers
        form = await browser.post("/login", data={"name": name, "password": PASSWORD})
        assert form.status_code == 429 and "retry-after" in form.headers
        assert await session_rows(user_id) == 0
        # The window passes (the failures are made older; nobody sleeps).
        await LoginFailure.filter(key=f"name:{name}").update(
            failed_at=datetime.now(UTC) - timedelta(seconds=601)
        )
        assert (
            await browser.post("/login", json={"name": name, "password": PASSWORD})
        ).status_code == 200
        assert await LoginFailure.filter(key=f"name:{name}").count() == 0, "success clears the name"


async def test_parallel_guesses_count_each_other(web: Web, unique: str) -> None:
    """A burst of guesses at once gets no more password checks than the bound: each
    attempt is noted before its (slow, queued) Argon2id check."""
    name = f"par-{unique}"
    await user(name)
    settings = {"login_max_failures": 3, "login_max_failures_per_client": 100}
    async with web(**settings) as browser:
        answers = await asyncio.gather(
            *(
                browser.post("/login", json={"name": name, "password": f"guess{n}"})
                for n in range(10)
            )
        )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [401] * 3 + [429] * 7, statuses
    assert await LoginFailure.filter(key=f"name:{name}").count() == 3


async def test_one_address_is_throttled_across_names(web: Web, unique: str) -> None:
    name = f"ivy-{unique}"
    await user(name)
    settings = {"login_max_failures": 100, "login_max_failures_per_client": 4}
    async with web(**settings) as guesser, web(**settings) as other:
        for n in range(4):
            wrong = await guesser.post(
                "/login", json={"name": f"guess{n}-{unique}", "password": "x"}
            )
            assert wrong.status_code == 401
        refused = await guesser.post("/login", json={"name": name, "password": PASSWORD})
        assert refused.status_code == 429
        assert (
            await other.post("/login", json={"name": name, "password": PASSWORD})
        ).status_code == 200


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "/ok\r\nSet-Cookie: x=y",
        "/ok\tx",
        "evil.example",
    ],
)
def test_next_never_leaves_the_server(target: str) -> None:
    assert safe_next(target) == "/login"


async def test_login_redirects_only_to_own_paths(web: Web, unique: str) -> None:
    name = f"red-{unique}"
    await user(name)
    async with web() as browser:
        for target, where in (
            ("https://evil.example/", "/login"),
            ("//evil.example", "/login"),
            ("/\\evil.example", "/login"),
            ("/auth/device-login?code=BCDF-GHJK", "/auth/device-login?code=BCDF-GHJK"),
        ):
            done = await browser.post(
                "/login", data={"name": name, "password": PASSWORD, "next": target}
            )
            assert done.status_code == 303 and done.headers["location"] == where
        via_query = await browser.post(
            "/login?next=https%3A%2F%2Fevil.example", data={"name": name, "password": PASSWORD}
        )
        assert via_query.headers["location"] == "/login"
        assert "evil.example" not in (await browser.get("/login?next=//evil.example")).text


async def test_a_login_posted_by_another_site_is_refused(web: Web, unique: str) -> None:
    name = f"fix-{unique}"
    user_id = await user(name)
    async with web() as browser:
        for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
            refused = await browser.post(
                "/login", json={"name": name, "password": PASSWORD}, headers=headers
            )
            assert refused.status_code == 403 and code_of(refused) == "CSRF_FAILED"
        assert await session_rows(user_id) == 0


# -- CSRF ----------------------------------------------------------------------------------------


async def tokens_of(user_id: int) -> int:
    return await AccessToken.filter(user_id=user_id).count()


async def test_cookie_writes_need_the_csrf_token_and_this_origin(web: Web, unique: str) -> None:
    name = f"cy-{unique}"
    user_id = await user(name)
    body = {"query": MINT, "variables": {"input": {"name": "from-browser", "scopes": ["READ"]}}}
    async with web() as browser:
        csrf = await sign_in(browser, name)
        for headers in (
            {},  # the cookie alone
            {"X-CSRF-Token": "0" * 64},
            {"X-CSRF-Token": csrf, "Origin": "https://evil.example"},
            {"X-CSRF-Token": csrf, "Sec-Fetch-Site": "cross-site"},
            {"X-CSRF-Token": csrf, "Sec-Fetch-Site": "same-site"},
        ):
            refused = await browser.post("/graphql", json=body, headers=headers)
            assert refused.status_code == 403, (headers, refused.text)
            assert code_of(refused) == "CSRF_FAILED"
        assert await tokens_of(user_id) == 0, "no refused write changed a row"
        # REST writes alike (the gate): refused before the body is read.
        refused = await browser.post("/api/create-project", json={"repo_url": "/x"})
        assert refused.status_code == 403 and code_of(refused) == "CSRF_FAILED"
        passed = await browser.post("/api/create-project", json={}, headers={"X-CSRF-Token": csrf})
        assert passed.status_code == 400 and passed.json()["code"] == "INVALID", passed.text
        # Mutations over GET stay refused, cookie or not.
        get = await browser.get("/graphql", params={"query": "mutation { __typename }"})
        assert get.status_code in (400, 405)

        done = await browser.post(
            "/graphql",
            json=body,
            headers={"X-CSRF-Token": csrf, "Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"},
        )
        payload = done.json()["data"]["createAccessToken"]
        assert payload["errors"] == [] and payload["token"].startswith("dsat_")
        row = await AccessToken.get(user_id=user_id)
        assert (row.owner_name, row.owner_email) == (name, f"{name}@example.com")
        # A token, when sent, wins over the cookie: no CSRF token needed (no page of
        # another site can make a browser send one).
        with_token = await browser.post(
            "/graphql", json={"query": ME}, headers={"Authorization": f"token {payload['token']}"}
        )
        assert with_token.status_code == 200 and with_token.json()["data"]["me"]["name"] == name
    async with web() as other:  # another session's CSRF token is not this one's
        await sign_in(other, name)
        refused = await other.post("/graphql", json=body, headers={"X-CSRF-Token": csrf})
        assert refused.status_code == 403
    assert await tokens_of(user_id) == 1


async def test_replays_are_kept_per_session(web: Web, unique: str) -> None:
    """clientMutationId results are keyed by the session (its id negated): a retry in the
    session replays, another session of the same user does not get its result."""
    name = f"rep-{unique}"
    user_id = await user(name)
    body = {
        "query": MINT,
        "variables": {"input": {"name": "r", "scopes": ["READ"], "clientMutationId": "k1"}},
    }
    minted = []
    async with web() as first, web() as second:
        csrf = {first: await sign_in(first, name), second: await sign_in(second, name)}
        for browser in (first, first, second):
            done = await browser.post(
                "/graphql", json=body, headers={"X-CSRF-Token": csrf[browser]}
            )
            minted.append(done.json()["data"]["createAccessToken"]["accessToken"]["id"])
    assert minted[0] == minted[1] != minted[2]
    assert await tokens_of(user_id) == 2


# -- logout and expiry ---------------------------------------------------------------------------


async def test_logout_needs_csrf_and_deletes_the_session(web: Web, unique: str) -> None:
    name = f"out-{unique}"
    user_id = await user(name)
    async with web() as browser:
        csrf = await sign_in(browser, name)
        for form in ({}, {"csrf_token": "nope"}):
            refused = await browser.post("/logout", data=form)
            assert refused.status_code == 403 and code_of(refused) == "CSRF_FAILED"
        assert await session_rows(user_id) == 1
        assert (await browser.get("/api/session")).status_code == 200

        done = await browser.post(
            "/logout", data={"csrf_token": csrf}, headers={"Accept": "text/html"}
        )
        assert done.status_code == 303 and done.headers["location"] == "/login"
        assert re.search(r"(?i)max-age=0", cookie_of(done))
        assert await session_rows(user_id) == 0
        assert (await browser.get("/api/session")).status_code == 401
        ended = await browser.get("/graphql", params={"query": ME})  # anonymous now
        assert ended.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

        csrf = await sign_in(browser, name)
        done = await browser.post("/logout", headers={"X-CSRF-Token": csrf})
        assert done.status_code == 204 and await session_rows(user_id) == 0


async def test_sessions_expire(web: Web, unique: str) -> None:
    name = f"exp-{unique}"
    user_id = await user(name)
    async with web(session_ttl_seconds=5.0, session_idle_seconds=3600.0) as browser:
        done = await browser.post("/login", json={"name": name, "password": PASSWORD})
        assert re.search(r"(?i)max-age=5\b", cookie_of(done))
        assert (await browser.get("/api/session")).status_code == 200
        # Past its absolute end (the row says so; nobody sleeps).
        await BrowserSession.filter(user_id=user_id).update(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)
        )
        forget_principals()
        assert (await browser.get("/api/session")).status_code == 401
        ended = await browser.get("/graphql", params={"query": ME})  # anonymous now
        assert ended.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

        await sign_in(browser, name)
        assert (await browser.get("/api/session")).status_code == 200
        # Idle past the bound: last seen two hours ago.
        await BrowserSession.filter(user_id=user_id).update(
            last_seen_at=datetime.now(UTC) - timedelta(hours=2)
        )
        forget_principals()
        assert (await browser.get("/api/session")).status_code == 401
    # A login deletes the sessions that ended.
    assert (
        await BrowserSession.filter(user_id=user_id, expires_at__lt=datetime.now(UTC)).count() <= 1
    )
    _row, secret = await create_session(user_id, 60)
    await disable_user(name)
    assert await session_principal(secret) is None, "a disabled user's session signs nobody in"


# -- websockets ----------------------------------------------------------------------------------


async def test_websockets_take_the_cookie_from_this_origin_only(web: Web, unique: str) -> None:
    name = f"ws-{unique}"
    await user(name)
    async with web(cors_origins=("https://dash.example",)) as browser:
        await sign_in(browser, name)
        cookie = f"gitstudio_session={browser.cookies['gitstudio_session']}"
        app = browser.app  # type: ignore[attr-defined]
        async with raw_asgi_websocket(app, {"Cookie": cookie, "Origin": ORIGIN}) as ws:
            assert ws.first["type"] == "websocket.accept"
            await ws.send({"type": "connection_init", "payload": {}})
            assert (await ws.receive())["type"] == "connection_ack"
            await ws.send({"id": "1", "type": "subscribe", "payload": {"query": ME}})
            answer = await ws.receive()
            assert answer["payload"]["data"]["me"]["name"] == name
        # An origin CORS allows (with tokens), or none at all: the cookie is refused.
        for headers in ({"Origin": "https://dash.example"}, {}):
            async with raw_asgi_websocket(app, {"Cookie": cookie, **headers}) as ws:
                assert ws.first["type"] == "websocket.accept"
                await ws.send({"type": "connection_init", "payload": {}})
                closed = await closing(ws)
                assert closed["code"] == 4403, closed


async def closing(ws: Any) -> dict[str, Any]:
    """The close frame the app sends (its messages before it skipped)."""
    while True:
        message: dict[str, Any] = await asyncio.wait_for(ws.outgoing.get(), 30)
        if message["type"] == "websocket.close":
            return message


# -- device login --------------------------------------------------------------------------------


async def test_device_login_is_approved_by_a_signed_in_user(web: Web, unique: str) -> None:
    name = f"dev-{unique}"
    user_id = await user(name)
    async with web() as browser:
        started = (await browser.post("/api/device-login", json={"client_name": "DVC"})).json()
        code, device_code = started["user_code"], started["device_code"]
        page = await browser.get("/auth/device-login", params={"code": code})
        assert page.status_code == 303
        here = f"/auth/device-login?code={code}"
        assert (
            page.headers["location"]
            == f"/login?next={here.replace('?', '%3F').replace('=', '%3D')}"
        )
        back = await browser.post("/login", data={"name": name, "password": PASSWORD, "next": here})
        assert back.status_code == 303 and back.headers["location"] == here
        page = await browser.get(here)
        assert page.status_code == 200 and name in page.text and "DVC" in page.text
        assert 'name="token"' not in page.text
        csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
        assert csrf is not None

        form = {"user_code": code, "action": "approve"}
        for extra in ({}, {"csrf_token": "0" * 64}):
            refused = await browser.post("/auth/device-login", data={**form, **extra})
            assert refused.status_code == 403
        row = await DeviceCode.get(user_code=code)
        assert row.status == "pending", "a refused approval changes nothing"

        approved = await browser.post(
            "/auth/device-login", data={**form, "csrf_token": csrf.group(1)}
        )
        assert approved.status_code == 200 and "Login approved" in approved.text
        polled = await browser.post("/api/device-login/token", json={"code": device_code})
        assert polled.status_code == 200, polled.text
        minted = await AccessToken.get(token_hash=hash_token(polled.json()["access_token"]))
        assert minted.user_id == user_id
        assert (minted.owner_name, minted.owner_email) == (name, f"{name}@example.com")
        assert sorted(minted.scopes.strip("[]").replace('"', "").split(",")) == [
            "EXPERIMENTS",
            "MODELS",
            "READ",
        ]

        # Signing out before the client polls withdraws the approval.
        started = (await browser.post("/api/device-login", json={"client_name": "DVC"})).json()
        page = await browser.get("/auth/device-login", params={"code": started["user_code"]})
        csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
        assert csrf is not None
        form = {"user_code": started["user_code"], "action": "approve", "csrf_token": csrf.group(1)}
        assert (await browser.post("/auth/device-login", data=form)).status_code == 200
        await browser.post("/logout", headers={"X-CSRF-Token": csrf.group(1)})
        polled = await browser.post(
            "/api/device-login/token", json={"code": started["device_code"]}
        )
        assert polled.status_code == 400 and polled.json()["reason"] == "approval withdrawn"
        assert await tokens_of(user_id) == 1


async def test_device_login_asks_a_plain_user_for_what_it_lacks(web: Web, unique: str) -> None:
    name = f"adm-{unique}"
    await user(name)
    async with web() as browser:
        started = (
            await browser.post(
                "/api/device-login", json={"client_name": "DVC", "scopes": ["ADMIN"]}
            )
        ).json()
        await sign_in(browser, name)
        page = await browser.get("/auth/device-login", params={"code": started["user_code"]})
        csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
        assert csrf is not None
        form = {"user_code": started["user_code"], "action": "approve", "csrf_token": csrf.group(1)}
        refused = await browser.post("/auth/device-login", data=form)
        assert refused.status_code == 403 and "lacks the scopes ADMIN" in refused.text
        assert (await DeviceCode.get(user_code=started["user_code"])).status == "pending"
