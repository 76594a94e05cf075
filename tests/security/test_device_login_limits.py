"""``dvc studio login`` cannot be blocked by one client: pending logins and unknown user codes
are bounded per client address, so a flood from one address leaves every other address
able to log in."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace

import httpx
import pytest
from harness import assert_rest_error
from starlette.applications import Starlette
from support import Api

from gitstudio.app import create_app
from storage import db, limits

PENDING, ATTEMPTS = 3, 5

Client = Callable[[str], AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
async def client_at(api: Api) -> AsyncIterator[Client]:
    """HTTP clients of one app (its own device-login bounds), each from its own address."""
    settings = replace(
        api.settings,
        device_login_pending_per_client=PENDING,
        device_login_attempts_per_client=ATTEMPTS,
    )
    app: Starlette = create_app(settings)

    @asynccontextmanager
    async def at(address: str) -> AsyncIterator[httpx.AsyncClient]:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c

    yield at
    limits.configure(api.settings)


async def start(client: httpx.AsyncClient) -> httpx.Response:
    return await client.post("/api/device-login", json={"client_name": "DVC"})


async def pending_rows() -> int:
    rows = await db.fetch("SELECT COUNT(*) AS n FROM device_codes WHERE status = 'pending'")
    return int(rows[0]["n"])


async def test_one_address_cannot_hold_every_pending_login(client_at: Client, unique: str) -> None:
    flood, other = f"10.1.{int(unique[:2], 16)}.1", f"10.2.{int(unique[:2], 16)}.1"
    async with client_at(flood) as attacker, client_at(other) as user:
        for _ in range(PENDING):
            assert (await start(attacker)).status_code == 200
        before = await pending_rows()
        for _ in range(5):
            body = assert_rest_error(await start(attacker), 429)
            assert f"{PENDING} pending logins" in body["detail"]
        assert await pending_rows() == before, "a refused start stores nothing"
        started = await start(user)
        assert started.status_code == 200, started.text
        assert started.json()["user_code"]


async def test_unknown_codes_are_limited_per_address(
    client_at: Client, api: Api, unique: str
) -> None:
    guesser, other = f"10.3.{int(unique[:2], 16)}.1", f"10.4.{int(unique[:2], 16)}.1"
    async with client_at(guesser) as attacker, client_at(other) as user:
        code = (await start(user)).json()["user_code"]
        for n in range(ATTEMPTS):
            page = await attacker.get("/auth/device-login", params={"code": f"BCDF-GH{n:02d}"})
            assert page.status_code == 200 and "unknown, used or expired" in page.text
        # Past the bound even a real code is not looked up for this address...
        refused = await attacker.get("/auth/device-login", params={"code": code})
        assert refused.status_code == 429 and "Too many unknown codes" in refused.text
        form = {"user_code": code, "token": api.token, "action": "approve"}
        assert (await attacker.post("/auth/device-login", data=form)).status_code == 429
        rows = await db.fetch("SELECT status FROM device_codes WHERE user_code = ?", [code])
        assert rows == [{"status": "pending"}], "the refused approval changed nothing"
        # ...while its owner, at another address, approves it.
        page = await user.get("/auth/device-login", params={"code": code})
        assert page.status_code == 303, "found: sent to sign in, not refused"
        approved = await user.post("/auth/device-login", data=form)
        assert approved.status_code == 200 and "Login approved" in approved.text


async def test_found_codes_do_not_count(client_at: Client, unique: str) -> None:
    address = f"10.5.{int(unique[:2], 16)}.1"
    async with client_at(address) as client:
        code = (await start(client)).json()["user_code"]
        for _ in range(ATTEMPTS * 2):
            page = await client.get("/auth/device-login", params={"code": code})
            assert page.status_code == 303 and page.headers["location"].startswith("/login?")


async def test_an_ipv6_client_counts_as_its_whole_64(client_at: Client, unique: str) -> None:
    """One client is handed a /64: new addresses inside it share its bounds, a neighbouring
    /64 does not."""
    net = f"2001:db8:{unique[:4]}:{unique[4:]}"
    neighbour = f"2001:db8:{unique[:4]}:{(int(unique[4:], 16) + 1) % 0x10000:x}"
    async with client_at(f"{net}::1") as first:
        for _ in range(PENDING):
            assert (await start(first)).status_code == 200
    before = await pending_rows()
    for host in (f"{net}::2", f"{net}:ffff:ffff:ffff:fffe", f"{net.upper()}:0:0:0:3"):
        async with client_at(host) as same_64:
            body = assert_rest_error(await start(same_64), 429)
            assert f"{PENDING} pending logins" in body["detail"]
    assert await pending_rows() == before, "a refused start stores nothing"
    async with client_at(f"{neighbour}::1") as other:
        assert (await start(other)).status_code == 200


async def test_ipv6_guesses_are_counted_per_64(client_at: Client, unique: str) -> None:
    net = f"2001:db8:{unique[:4]}:{unique[4:]}"
    for n in range(ATTEMPTS):  # every guess from a new address of the same /64
        async with client_at(f"{net}::{n + 1:x}") as guesser:
            page = await guesser.get("/auth/device-login", params={"code": f"BCDF-GH{n:02d}"})
            assert page.status_code == 200 and "unknown, used or expired" in page.text
    async with client_at(f"{net}::ffff") as guesser:
        refused = await guesser.get("/auth/device-login", params={"code": "BCDF-GHJK"})
        assert refused.status_code == 429 and "Too many unknown codes" in refused.text
