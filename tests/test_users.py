"""Users and token ownership: the CLI, ``Query.me``, whose tokens the mutations and device
login mint, who may revoke what, passwords; hostile input gets a typed error and changes
nothing (asserted both ways)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from support import Api

from schema.relay import to_global_id
from storage import db
from storage.errors import DomainError
from storage.models import AccessToken, User
from storage.passwords import hash_password, needs_rehash, verify_password
from storage.tokens import (
    CACHE_TTL,
    Scope,
    authenticate,
    create_token,
    forget_principals,
    hash_token,
    revoke_token,
)
from storage.users import (
    BUILTIN_ADMIN,
    create_user,
    disable_user,
    enable_user,
    list_users,
    user_by_name,
)

ROOT = Path(__file__).resolve().parent.parent
ME = "{ me { name email admin tokens { id name scopes createdAt lastUsedAt } } }"
CREATE = """mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
  token accessToken { id name scopes } errors { code message field } } }"""
REVOKE = """mutation($id: ID!) { revokeAccessToken(id: $id) {
  accessToken { id revokedAt } errors { code message field } } }"""


def cli_bytes(api: Api, *args: str | bytes, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    """:func:`cli` with arguments and standard input as bytes (not UTF-8, say)."""
    return subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args,
         "--database-url", api.settings.database_url, "--data-dir", str(api.settings.data_dir)],
        input=stdin, capture_output=True, timeout=120,
    )  # fmt: skip


def cli(api: Api, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``gitstudio`` in a subprocess, on the database of ``api``."""
    return subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args,
         "--database-url", api.settings.database_url, "--data-dir", str(api.settings.data_dir)],
        input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


async def counts() -> tuple[int, int]:
    """(users, tokens): what a refused request must leave as it was."""
    users = await db.fetch("SELECT COUNT(*) AS n FROM users")
    tokens = await db.fetch("SELECT COUNT(*) AS n FROM access_tokens")
    return int(users[0]["n"]), int(tokens[0]["n"])


async def me(api: Api, token: str) -> dict[str, Any]:
    body = await api.gql(ME, token=token)
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["me"]
    return found


async def user_with_token(
    name: str, *scopes: Scope, admin: bool = False
) -> tuple[User, str, AccessToken]:
    user = await create_user(name, email=f"{name}@example.com", admin=admin)
    row, token = await create_token(
        f"{name}-first", frozenset(scopes or {Scope.READ}), None, user.id
    )
    return user, token, row


def global_id(row: AccessToken) -> str:
    return to_global_id("AccessToken", row.id)


# -- the command line ----------------------------------------------------------------------------


async def test_cli_creates_users_and_their_tokens(api: Api, unique: str) -> None:
    name = f"ada-{unique}"
    made = cli(api, "user", "create", name, "--email", "ada@example.com", "--password-stdin",
               stdin="correct horse\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().startswith(f"created user {name} (id ")
    user = await user_by_name(name)
    assert user is not None and user.email == "ada@example.com" and not user.admin
    assert user.password_hash and user.password_hash.startswith("$argon2id$")
    assert "correct horse" not in user.password_hash
    assert await verify_password(user.password_hash, "correct horse")  # newline dropped
    assert not await verify_password(user.password_hash, "correct horse\n")

    # Names are unique regardless of case, and found so.
    minted = cli(api, "token", "create", "--name", "laptop", "--scope", "READ", "--user",
                 name.upper())  # fmt: skip
    assert minted.returncode == 0, minted.stderr
    token = minted.stdout.strip()
    assert token.startswith("dsat_")
    mine = await me(api, token)
    assert (mine["name"], mine["email"], mine["admin"]) == (name, "ada@example.com", False)
    assert [(t["name"], t["scopes"]) for t in mine["tokens"]] == [("laptop", ["READ"])]

    # Without --user: the built-in admin's, as before users existed.
    default = cli(api, "token", "create", "--name", f"ops-{unique}", "--scope", "ADMIN")
    assert default.returncode == 0, default.stderr
    builtin = await me(api, default.stdout.strip())
    assert (builtin["name"], builtin["admin"]) == (BUILTIN_ADMIN, True)
    assert f"ops-{unique}" in [t["name"] for t in builtin["tokens"]]

    admin = cli(api, "user", "create", f"root-{unique}", "--admin")
    assert admin.returncode == 0, admin.stderr
    assert admin.stdout.startswith(f"created site admin root-{unique}")
    root = await user_by_name(f"root-{unique}")
    assert root is not None and root.admin and root.password_hash is None and root.email is None


async def test_cli_refuses_bad_input_and_writes_nothing(api: Api, unique: str) -> None:
    before = await counts()
    cases: list[tuple[list[str], str | None, str]] = [
        (["user", "create", "no spaces"], None, "INVALID"),
        (["user", "create", "admin"], None, "DUPLICATE"),
        (["user", "create", "ADMIN"], None, "DUPLICATE"),  # names are unique in any case
        (["user", "create", f"e-{unique}", "--email", "a@" + "b" * 260], None, "INVALID"),
        (["user", "create", f"e-{unique}", "--email", "not-an-address"], None, "INVALID"),
        (["user", "create", f"p-{unique}", "--password-stdin"], "\n", "INVALID"),  # empty
        (["token", "create", "--name", "t", "--scope", "READ", "--user", f"nobody-{unique}"],
         None, "NOT_FOUND"),
        (["token", "create", "--name", " ", "--scope", "READ"], None, "INVALID"),
    ]  # fmt: skip
    for args, stdin, code in cases:
        done = cli(api, *args, stdin=stdin)
        assert done.returncode != 0, (args, done.stdout)
        assert done.stdout == "", args  # no token, no "created"
        assert f"error [{code}]" in done.stderr, (args, done.stderr)
    assert await counts() == before

    # Bytes that are not UTF-8: INVALID, exit 1, no traceback, nothing written.
    odd: list[tuple[list[str | bytes], bytes]] = [
        (["user", "create", f"p-{unique}", "--password-stdin"], b"\xff\xfepw\n"),
        (["user", "create", f"e-{unique}", "--email", b"a\xff@example.com"], b""),
        (["token", "create", "--name", b"n\xff", "--scope", "READ"], b""),
    ]
    for bargs, bstdin in odd:
        raw = cli_bytes(api, *bargs, stdin=bstdin)
        assert raw.returncode == 1, (bargs, raw.stderr)
        assert raw.stdout == b"", bargs
        assert b"error [INVALID]" in raw.stderr and b"Traceback" not in raw.stderr, raw.stderr
    assert await counts() == before
    assert await user_by_name(f"p-{unique}") is None and await user_by_name(f"e-{unique}") is None


async def user_rows() -> list[dict[str, Any]]:
    """Every user as stored: what a refused disable or enable must leave as it was."""
    return await db.fetch("SELECT id, name, email, admin, disabled_at FROM users ORDER BY id")


def listed(api: Api) -> dict[str, list[str]]:
    """``gitstudio user list``, its columns after the id by user name."""
    done = cli(api, "user", "list")
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert all(len(row) == 6 for row in rows), done.stdout
    names = [row[1] for row in rows]
    assert names == sorted(names)
    return {row[1]: row[2:] for row in rows}


async def status(api: Api, token: str) -> int:
    response = await api.client.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"token {token}"}
    )
    return response.status_code


async def test_cli_lists_users_with_their_live_tokens(api: Api, unique: str) -> None:
    ada, _, _ = await user_with_token(f"ada-{unique}", Scope.READ)
    await create_token("second", frozenset({Scope.READ}), None, ada.id)
    gone, _ = await create_token("gone", frozenset({Scope.READ}), None, ada.id)
    await revoke_token(gone.id)
    await create_user(f"root-{unique}", admin=True)

    users = listed(api)
    assert users[ada.name] == [f"ada-{unique}@example.com", "-", "-", "2"]
    assert users[f"root-{unique}"] == ["-", "admin", "-", "0"]
    assert users[BUILTIN_ADMIN][1:3] == ["admin", "-"]
    assert int(users[BUILTIN_ADMIN][3]) >= 1  # the fixture's token
    assert {u.name for u in await list_users()} == set(users)

    await disable_user(ada.name)
    assert listed(api)[ada.name] == [f"ada-{unique}@example.com", "-", "disabled", "2"]


async def test_disabled_users_tokens_authenticate_as_nobody_until_enabled(
    api: Api, unique: str
) -> None:
    bob, token, _ = await user_with_token(f"bob-{unique}")
    assert (await me(api, token))["name"] == bob.name  # its principal now cached

    # In this process the cached principals are forgotten at once.
    disabled = await disable_user(bob.name.upper())  # found in any case
    assert disabled.id == bob.id and disabled.disabled_at is not None
    assert await status(api, token) == 401
    assert await authenticate(token) is None
    again = await disable_user(bob.name)  # disabled already: as it was
    assert again.disabled_at == disabled.disabled_at
    await enable_user(bob.name)
    assert (await me(api, token))["name"] == bob.name

    # The command is another process: this server sees it within the cache's TTL.
    done = cli(api, "user", "disable", bob.name.upper())
    assert (done.returncode, done.stdout.strip()) == (0, f"disabled user {bob.name} (id {bob.id})")
    assert (await User.get(id=bob.id)).disabled_at is not None
    assert await authenticate(token) is None
    deadline = time.monotonic() + CACHE_TTL + 2
    while await status(api, token) != 401:
        assert time.monotonic() < deadline, "still authenticated after the cache's TTL"
        await asyncio.sleep(0.2)
    done = cli(api, "user", "enable", bob.name)
    assert (done.returncode, done.stdout.strip()) == (0, f"enabled user {bob.name} (id {bob.id})")
    assert (await User.get(id=bob.id)).disabled_at is None
    found = await authenticate(token)
    assert found is not None and found.user_id == bob.id
    deadline = time.monotonic() + CACHE_TTL + 2
    while await status(api, token) != 200:
        assert time.monotonic() < deadline, "still refused after the cache's TTL"
        await asyncio.sleep(0.2)


async def test_unknown_users_are_not_found_and_nothing_changes(api: Api, unique: str) -> None:
    bob, token, _ = await user_with_token(f"bob-{unique}")
    before = await user_rows()
    for action in ("disable", "enable"):
        for name in (f"nobody-{unique}", "no spaces", "x" * 101, f"{bob.name}\n"):
            done = cli(api, "user", action, name)
            assert done.returncode == 1, (action, name, done.stdout)
            assert done.stdout == "", (action, name)
            assert "error [NOT_FOUND]" in done.stderr, (action, name, done.stderr)
            with pytest.raises(DomainError) as refused:
                await (disable_user if action == "disable" else enable_user)(name)
            assert (refused.value.code, refused.value.field) == ("NOT_FOUND", "name")
    assert await user_rows() == before
    assert (await me(api, token))["name"] == bob.name


async def test_the_last_enabled_site_admin_cannot_be_disabled(api: Api, unique: str) -> None:
    """The built-in admin may be disabled while another site admin is enabled, and no
    site admin when it is the last one: CONFLICT, nothing changed. Disabling them all at
    once leaves one."""
    others = [
        u.name
        for u in await list_users()
        if u.admin and u.disabled_at is None and u.name != BUILTIN_ADMIN
    ]
    roots = [(await create_user(f"root{n}-{unique}", admin=True)).name for n in range(3)]
    try:
        for name in others:  # earlier tests' site admins
            await disable_user(name)
        for name in roots[1:]:
            await disable_user(name)
        # The built-in admin, while root0 is enabled: allowed.
        done = cli(api, "user", "disable", BUILTIN_ADMIN)
        assert done.returncode == 0, done.stderr
        before = await user_rows()
        for name in (roots[0], roots[0].upper()):
            done = cli(api, "user", "disable", name)
            assert (done.returncode, done.stdout) == (1, ""), done.stderr
            assert "error [CONFLICT]" in done.stderr, done.stderr
        assert await user_rows() == before

        await enable_user(BUILTIN_ADMIN)
        assert (await disable_user(roots[0])).disabled_at is not None
        before = await user_rows()
        done = cli(api, "user", "disable", BUILTIN_ADMIN.upper())
        assert (done.returncode, done.stdout) == (1, ""), done.stderr
        assert "error [CONFLICT]" in done.stderr, done.stderr
        with pytest.raises(DomainError) as refused:
            await disable_user(BUILTIN_ADMIN)
        assert (refused.value.code, refused.value.field) == ("CONFLICT", "name")
        assert await user_rows() == before
        assert (await me(api, api.token))["name"] == BUILTIN_ADMIN

        # Each alone is allowed; all at once would leave none: exactly one is CONFLICT.
        for name in roots:
            await enable_user(name)
        results = await asyncio.gather(
            *(disable_user(name) for name in (BUILTIN_ADMIN, *roots)), return_exceptions=True
        )
        errors = [r for r in results if isinstance(r, DomainError)]
        assert len(errors) == 1 and errors[0].code == "CONFLICT", results
        enabled = [u for u in await list_users() if u.admin and u.disabled_at is None]
        assert len(enabled) == 1, enabled
    finally:
        for name in (BUILTIN_ADMIN, *others):
            await enable_user(name)


# -- storage: names, emails, passwords --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["", "a b", "a/b", "../etc", "x" * 101, "bob\n", "bob\x00", "é", ".hidden", "_x", "-x"],
)
async def test_bad_user_names_are_invalid_and_write_nothing(api: Api, name: str) -> None:
    before = await counts()
    with pytest.raises(DomainError) as refused:
        await create_user(name)
    assert (refused.value.code, refused.value.field) == ("INVALID", "name")
    assert await counts() == before


async def test_duplicates_emails_and_passwords_are_checked_before_anything_is_written(
    api: Api, unique: str
) -> None:
    await create_user(f"Dup-{unique}")
    before = await counts()
    bad: list[tuple[dict[str, Any], str, str]] = [
        ({"name": f"dup-{unique}"}, "DUPLICATE", "name"),
        ({"name": f"ok-{unique}", "email": "x@" + "y" * 300}, "INVALID", "email"),
        ({"name": f"ok-{unique}", "email": "a b@example.com"}, "INVALID", "email"),
        ({"name": f"ok-{unique}", "email": "a@example.com\r\nBcc: x@y"}, "INVALID", "email"),
        ({"name": f"ok-{unique}", "password": ""}, "INVALID", "password"),
        ({"name": f"ok-{unique}", "password": "p" * 1025}, "INVALID", "password"),
    ]
    for fields, code, field in bad:
        name = fields.pop("name")
        with pytest.raises(DomainError) as refused:
            await create_user(name, **fields)
        assert (refused.value.code, refused.value.field) == (code, field), fields
    assert await counts() == before
    assert await user_by_name(f"ok-{unique}") is None


async def test_names_racing_in_two_cases_make_one_user(api: Api, unique: str) -> None:
    """Both requests may pass the check before either writes: the index on LOWER(name)
    (migration 0013) still lets only one in."""
    before = await counts()
    results = await asyncio.gather(
        *(create_user(name) for name in (f"Race-{unique}", f"race-{unique}", f"RACE-{unique}")),
        return_exceptions=True,
    )
    made = [r for r in results if isinstance(r, User)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(made) == 1 and len(refused) == 2, results
    assert all(e.code == "DUPLICATE" for e in refused)
    assert await counts() == (before[0] + 1, before[1])


async def test_passwords_are_argon2id_and_unknown_users_cost_a_verification(api: Api) -> None:
    stored = await hash_password("s3cret")
    assert stored.startswith("$argon2id$") and not needs_rehash(stored)
    assert await verify_password(stored, "s3cret")
    assert not await verify_password(stored, "S3cret")
    assert not await verify_password("not a hash", "s3cret")
    assert not await verify_password(None, "s3cret")  # warms the dummy hash up
    # Text UTF-8 cannot encode (a lone surrogate) is no password: False, no exception.
    for odd in ("\ud800", "pw\udcff", "\udfff" * 2000):
        assert not await verify_password(stored, odd)
        assert not await verify_password(None, odd)
    for odd in ("\ud800", "pw\udcff"):
        with pytest.raises(DomainError) as refused:
            await hash_password(odd)
        assert (refused.value.code, refused.value.field) == ("INVALID", "password")

    async def seconds(stored: str | None) -> float:
        start = time.perf_counter()
        await verify_password(stored, "guess")
        return time.perf_counter() - start

    real = min([await seconds(stored) for _ in range(3)])
    unknown = min([await seconds(None) for _ in range(3)])
    assert unknown > real / 3, (real, unknown)  # a whole Argon2 verification, not a lookup
    # At most a few hashes at once, off the event loop: the loop keeps answering.
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    ticker = asyncio.ensure_future(tick())
    await asyncio.gather(*(verify_password(stored, "guess") for _ in range(4)))
    ticker.cancel()
    assert ticks >= 3


# -- Query.me, and whose tokens the mutations mint -----------------------------------------------


async def test_me_lists_the_users_live_tokens_with_admin_else_its_own(
    api: Api, unique: str
) -> None:
    bob, token, first = await user_with_token(f"bob-{unique}", Scope.READ, Scope.PROJECTS)
    manager, manager_token = await create_token("manager", frozenset({Scope.ADMIN}), None, bob.id)
    gone, _ = await create_token("gone", frozenset({Scope.READ}), None, bob.id)
    await user_with_token(f"carol-{unique}")
    await AccessToken.filter(id=gone.id).update(revoked_at=datetime.now(UTC))

    mine = await me(api, token)
    assert (mine["name"], mine["email"], mine["admin"]) == (bob.name, bob.email, False)
    assert [t["id"] for t in mine["tokens"]] == [global_id(first)]  # without ADMIN: itself
    assert mine["tokens"][0]["scopes"] == ["PROJECTS", "READ"]
    assert mine["tokens"][0]["createdAt"]
    managed = await me(api, manager_token)
    assert [t["id"] for t in managed["tokens"]] == [global_id(first), global_id(manager)]

    admin = await me(api, api.token)
    assert (admin["name"], admin["admin"]) == (BUILTIN_ADMIN, True)
    assert global_id(first) not in [t["id"] for t in admin["tokens"]]


async def test_tokens_are_minted_for_the_callers_user(api: Api, unique: str) -> None:
    bob, token, _ = await user_with_token(f"bob-{unique}", Scope.ADMIN)  # not a site admin
    carol, _, _ = await user_with_token(f"carol-{unique}")

    made = await api.gql(CREATE, {"input": {"name": "ci", "scopes": ["READ"]}}, token=token)
    payload = made["data"]["createAccessToken"]
    assert payload["errors"] == []
    assert (await me(api, payload["token"]))["name"] == bob.name

    # Naming its own user is fine; another user, or another Git owner, is a site admin's.
    own = {"name": "own", "scopes": ["READ"], "user": bob.name.upper()}  # in any case
    assert (await api.gql(CREATE, {"input": own}, token=token))["data"]["createAccessToken"][
        "errors"
    ] == []
    before = await counts()
    for refused_input, field in [
        ({"user": carol.name}, "user"),
        ({"user": f"nobody-{unique}"}, "user"),  # no telling whether that user exists
        ({"ownerName": "Carol", "ownerEmail": "carol@example.com"}, "ownerName"),
    ]:
        body = await api.gql(
            CREATE, {"input": {"name": "x", "scopes": ["READ"], **refused_input}}, token=token
        )
        payload = body["data"]["createAccessToken"]
        assert payload["token"] is None
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [("FORBIDDEN", field)]
    assert await counts() == before

    # A site admin names any user; an unknown one is NOT_FOUND, with nothing written.
    for_carol = {"name": "for-carol", "scopes": ["READ"], "user": carol.name}
    made = (await api.gql(CREATE, {"input": for_carol}))["data"]["createAccessToken"]
    assert made["errors"] == []
    assert (await me(api, made["token"]))["name"] == carol.name
    before = await counts()
    for user in (f"nobody-{unique}", "", "x" * 10_000):
        body = await api.gql(CREATE, {"input": {"name": "x", "scopes": ["READ"], "user": user}})
        [error] = body["data"]["createAccessToken"]["errors"]
        assert (error["code"], error["field"]) == ("NOT_FOUND", "user")
    assert await counts() == before

    # A site admin's READ token is no site admin: its powers need the ADMIN scope.
    admin_id = (await user_by_name(BUILTIN_ADMIN)).id  # type: ignore[union-attr]
    _row, reader = await create_token("admin-read", frozenset({Scope.READ}), None, admin_id)
    before = await counts()
    body = await api.gql(
        CREATE, {"input": {"name": "x", "scopes": ["READ"], "user": carol.name}}, token=reader
    )
    assert body["data"]["createAccessToken"]["errors"][0]["code"] == "FORBIDDEN"
    assert await counts() == before


async def test_revoke_itself_its_users_with_admin_or_any_as_site_admin(
    api: Api, unique: str
) -> None:
    bob, reader, first = await user_with_token(f"bob-{unique}")
    manager, manager_token = await create_token("manager", frozenset({Scope.ADMIN}), None, bob.id)
    sibling, sibling_token = await create_token("sibling", frozenset({Scope.READ}), None, bob.id)
    carol, carol_token, carols = await user_with_token(f"carol-{unique}")

    async def revoke(row: AccessToken, token: str | None = None) -> dict[str, Any]:
        body = await api.gql(REVOKE, {"id": global_id(row)}, token=token)
        payload: dict[str, Any] = body["data"]["revokeAccessToken"]
        return payload

    async def live(row: AccessToken) -> bool:
        return (await AccessToken.get(id=row.id)).revoked_at is None

    # A READ token revokes itself only (every token from before users is the built-in
    # admin's: one handed to a CI system must not revoke the others).
    # What it may not act on is NOT_FOUND, as an id no token has: ids are not told.
    for other in (sibling, manager, carols):
        [error] = (await revoke(other, reader))["errors"]
        assert (error["code"], error["field"]) == ("NOT_FOUND", "id")
        assert await live(other)
    [error] = (await revoke(AccessToken(id=10**9), reader))["errors"]
    assert (error["code"], error["field"]) == ("NOT_FOUND", "id")
    # With ADMIN: any token of its user, none of another user's.
    done = await revoke(sibling, manager_token)
    assert done["errors"] == [] and done["accessToken"]["revokedAt"]
    response = await api.client.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"token {sibling_token}"}
    )
    assert response.status_code == 401
    [error] = (await revoke(carols, manager_token))["errors"]
    assert error["code"] == "NOT_FOUND"
    assert await live(carols) and (await me(api, carol_token))["name"] == carol.name

    # The site admin revokes anybody's.
    assert (await revoke(carols))["errors"] == []
    assert not await live(carols)
    assert await live(first) and await live(manager)
    assert (await revoke(first, reader))["errors"] == []  # and a token itself
    assert not await live(first)


async def test_a_disabled_users_tokens_authenticate_as_nobody(api: Api, unique: str) -> None:
    bob, token, _ = await user_with_token(f"bob-{unique}")
    assert (await me(api, token))["name"] == bob.name
    await User.filter(id=bob.id).update(disabled_at=datetime.now(UTC))
    forget_principals()
    response = await api.client.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"token {token}"}
    )
    assert response.status_code == 401
    before = await counts()
    admin_made = await api.gql(
        CREATE, {"input": {"name": "x", "scopes": ["READ"], "user": bob.name}}
    )
    [error] = admin_made["data"]["createAccessToken"]["errors"]
    assert (error["code"], error["field"]) == ("INVALID", "user")
    assert await counts() == before


async def test_last_used_at_is_written_at_most_once_a_minute(api: Api, unique: str) -> None:
    _bob, token, row = await user_with_token(f"bob-{unique}")
    await me(api, token)  # the use; last_used_at is written after it, by a task of its own
    deadline = time.monotonic() + 5
    while (used := (await AccessToken.get(id=row.id)).last_used_at) is None:
        assert time.monotonic() < deadline, "last_used_at was never written"
        await asyncio.sleep(0.05)
    assert abs((datetime.now(UTC) - used).total_seconds()) < 60
    for _ in range(3):
        await me(api, token)
    await api.uses.flush()  # whatever those uses noted is written now
    assert (await AccessToken.get(id=row.id)).last_used_at == used, "once a minute at most"
    listed = (await me(api, token))["tokens"][0]["lastUsedAt"]
    assert datetime.fromisoformat(listed) == used


async def test_device_login_mints_a_token_of_the_approvers_user(api: Api, unique: str) -> None:
    bob, token, _ = await user_with_token(f"bob-{unique}", Scope.EXPERIMENTS)
    response = await api.client.post(
        "/api/device-login",
        json={"client_name": "DVC", "token_name": "laptop", "scopes": ["EXPERIMENTS"]},
    )
    started = response.json()
    approved = await api.client.post(
        "/auth/device-login",
        data={"user_code": started["user_code"], "token": token, "action": "approve"},
    )
    assert approved.status_code == 200
    polled = await api.client.post("/api/device-login/token", json={"code": started["device_code"]})
    minted = polled.json()["access_token"]
    rows = await db.fetch(
        "SELECT u.name FROM access_tokens t JOIN users u ON u.id = t.user_id"
        " WHERE t.token_hash = ?",
        [hash_token(minted)],
    )
    assert [r["name"] for r in rows] == [bob.name]
    assert "laptop" in [t["name"] for t in (await me(api, minted))["tokens"]]


async def owner_of_secret(secret: str) -> tuple[str | None, str | None]:
    row = await AccessToken.get(token_hash=hash_token(secret))
    return row.owner_name, row.owner_email


async def test_only_the_callers_own_users_tokens_inherit_its_git_owner(
    api: Api, unique: str
) -> None:
    """A site admin's token with a Git owner mints its own user's tokens with that owner,
    another user's with none (or the one it names): bob must not write as the admin."""
    admin_id = (await user_by_name(BUILTIN_ADMIN)).id  # type: ignore[union-attr]
    ops = ("Ops Person", "ops@example.com")
    _row, admin = await create_token("ops", frozenset({Scope.ADMIN}), ops, admin_id)
    bob, _, _ = await user_with_token(f"bob-{unique}")

    async def minted(**extra: str) -> str:
        body = await api.gql(
            CREATE, {"input": {"name": "t", "scopes": ["EXPERIMENTS"], **extra}}, token=admin
        )
        payload = body["data"]["createAccessToken"]
        assert payload["errors"] == [], payload
        secret: str = payload["token"]
        return secret

    assert await owner_of_secret(await minted(user=bob.name)) == (None, None)
    named = await minted(user=bob.name, ownerName="Bob", ownerEmail="bob@example.com")
    assert await owner_of_secret(named) == ("Bob", "bob@example.com")
    assert await owner_of_secret(await minted()) == ops  # its own user's: inherited
    assert await owner_of_secret(await minted(user=BUILTIN_ADMIN.upper())) == ops


async def test_a_withdrawn_device_login_approval_mints_nothing(api: Api, unique: str) -> None:
    """The approving token revoked, or its user disabled, before the poll: the client gets
    authorization_expired and no token is minted."""

    async def approve(token: str) -> str:
        started = (
            await api.client.post(
                "/api/device-login",
                json={"client_name": "DVC", "token_name": "laptop", "scopes": ["EXPERIMENTS"]},
            )
        ).json()
        approved = await api.client.post(
            "/auth/device-login",
            data={"user_code": started["user_code"], "token": token, "action": "approve"},
        )
        assert approved.status_code == 200
        code: str = started["device_code"]
        return code

    async def poll(code: str) -> httpx.Response:
        return await api.client.post("/api/device-login/token", json={"code": code})

    _bob, token, row = await user_with_token(f"bob-{unique}", Scope.EXPERIMENTS)
    code = await approve(token)
    await revoke_token(row.id)
    before = await counts()
    polled = await poll(code)
    assert (polled.status_code, polled.json()["detail"]) == (400, "authorization_expired")
    assert "access_token" not in polled.json()
    assert await counts() == before

    carol, carol_token, _ = await user_with_token(f"carol-{unique}", Scope.EXPERIMENTS)
    code = await approve(carol_token)
    await User.filter(id=carol.id).update(disabled_at=datetime.now(UTC))
    forget_principals()
    before = await counts()
    polled = await poll(code)
    assert (polled.status_code, polled.json()["detail"]) == (400, "authorization_expired")
    assert await counts() == before
    assert (await poll(code)).json()["detail"] == "authorization_expired"  # and stays so


async def test_a_token_without_a_user_is_the_builtin_admins(api: Api, unique: str) -> None:
    """A token an instance on the code before users minted during a rolling upgrade (no
    user_id) authenticates as the built-in admin, as migration 0013 made the older ones."""
    row, token = await create_token(f"old-{unique}", frozenset({Scope.READ}))
    await db.execute("UPDATE access_tokens SET user_id = NULL WHERE id = ?", [row.id])
    forget_principals()
    assert (await AccessToken.get(id=row.id)).user_id is None
    found = await authenticate(token)
    assert found is not None and (found.user_name, found.admin) == (BUILTIN_ADMIN, True)
    assert not found.site_admin  # a READ token
    assert (await me(api, token))["name"] == BUILTIN_ADMIN


USES_SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from pathlib import Path
    import httpx
    from gitstudio.app import create_app
    from gitstudio.settings import Settings
    from storage import db
    from storage.models import AccessToken
    from storage.tokens import USED_FLUSH, Scope, create_token

    ROOT = Path(sys.argv[1])
    A, B = f"sqlite://{ROOT / 'a.db'}", f"sqlite://{ROOT / 'b.db'}"
    ME = {"query": "{ me { name } }"}

    async def used(token_id):
        return (await AccessToken.get(id=token_id)).last_used_at is not None

    async def main():
        app = create_app(Settings(data_dir=ROOT / "data", database_url=A))
        transport = httpx.ASGITransport(app=app)
        async with app.router.lifespan_context(app):
            first, first_token = await create_token("first", frozenset({Scope.READ}))
            second, second_token = await create_token("second", frozenset({Scope.READ}))
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                async def get_me(token):
                    headers = {"Authorization": f"token {token}"}
                    answer = await client.post("/graphql", json=ME, headers=headers)
                    assert answer.status_code == 200, answer.text
                await get_me(first_token)
                not_yet = await used(first.id)  # written after the request, not by it
                start = time.monotonic()
                while not await used(first.id):
                    assert time.monotonic() - start < USED_FLUSH + 3, "never written"
                    await asyncio.sleep(0.05)
                await get_me(second_token)  # noted; the app stops before its flush
        # The lifespan wrote it before closing A, and nothing of A's is left to write.
        await db.init_db(A)
        drained = await used(second.id)
        await db.close_db()
        await db.init_db(B)
        rows = [(await create_token(n, frozenset({Scope.READ})))[0] for n in ("x", "y")]
        # The app stopped: no task is left that could write to B (asserted, not waited for).
        assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []
        other = [await used(row.id) for row in rows]
        await db.close_db()
        print(json.dumps({"ids": [first.id, second.id, *(r.id for r in rows)],
                          "not_yet": not_yet, "drained": drained, "other": other}))

    asyncio.run(main())
    """
)


def test_token_uses_are_written_by_the_apps_lifespan_and_to_its_database_only(
    tmp_path: Path,
) -> None:
    """lastUsedAt: written after the flush interval by the app's task, the last uses
    written when the app stops (before its database closes), and never into the database
    a process opens next (token ids repeat across databases)."""
    done = subprocess.run(
        [sys.executable, "-c", USES_SCRIPT, str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ids"][:2] == result["ids"][2:], "the same ids in both databases"
    assert result["not_yet"] is False
    assert result["drained"] is True
    assert result["other"] == [False, False]


async def test_cli_restricts_a_token_to_named_projects(
    api: Api, unique: str, tmp_path: Path
) -> None:
    before = await counts()
    unknown = cli(api, "token", "create", "--name", "c", "--scope", "READ",
                  "--project", f"nope-{unique}")  # fmt: skip
    assert unknown.returncode == 1 and "[NOT_FOUND]" in unknown.stderr, unknown.stderr
    assert await counts() == before
    repo = tmp_path / f"cli-{unique}"
    from sync.generate import RepoSpec, generate_repo

    generate_repo(repo, RepoSpec(commits=1, exps_per_commit=0, gto_tags=False))
    project = await api.create_project(repo, f"cli-{unique}")
    made = cli(api, "token", "create", "--name", "c", "--scope", "READ",
               "--project", f"cli-{unique}")  # fmt: skip
    assert made.returncode == 0, made.stderr
    seen = await api.gql("{ me { tokens { projects } } }", token=made.stdout.strip())
    assert seen["data"]["me"]["tokens"] == [{"projects": [project["id"]]}]
