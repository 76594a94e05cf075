"""Migrations carry data: metric points stored one row per value (before 0005) come out as
one row per step, first value of a (step, name) winning, with each run's live_metrics.

Each case runs in a subprocess on a fresh database (tortoise's state is process-global and
the session's app already holds it): migrate to 0004, write old-layout rows, migrate on.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from services import fresh_postgres

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import asyncio, datetime, json, re, sys
    from tortoise import Tortoise
    from tortoise.migrations.api.migrate import migrate
    from storage import db
    from storage.metrics import unfold

    URL = sys.argv[1]
    POINTS = [  # (name, step, value, token, timestamp); a resent row and a nan among them
        ("loss", 0, 1.0, None, 10.0), ("acc", 0, 0.5, None, 10.0),
        ("loss", 1, 0.5, None, 11.0), ("loss", 1, 0.9, None, 12.0),
        ("loss", 2, None, "nan", 13.0), ("acc", 2, 0.7, None, 13.0),
    ]

    async def main():
        config = db.tortoise_config(URL)
        await migrate(config=config, target="models.0004_sync_lease")
        await Tortoise.close_connections()
        await Tortoise.init(config=config)
        client = Tortoise.get_connection(db.connection_name(URL))
        pg = client.capabilities.dialect == "postgres"
        def q(sql):
            if not pg:
                return sql
            count = iter(range(1, 100))
            return re.sub(r"[?]", lambda m: f"${next(count)}", sql)
        await client.execute_query(q(
            "INSERT INTO projects (name, repo_url, subdir, created_at, ref_tips, sync_count)"
            " VALUES (?, ?, '', ?, '{}', 0)"),
            ["p", "/x", datetime.datetime.now(datetime.UTC)])
        await client.execute_query(q(
            "INSERT INTO experiments (project_id, kind, key, status, created_at, params, metrics,"
            " errors, plots, deps, outs) SELECT id, 'LIVE', 'live:a/run', 'RUNNING', 0, '{}',"
            " '{}', '[]', '[]', '{}', '{}' FROM projects"), [])
        _, rows = await client.execute_query("SELECT id FROM experiments")
        exp = rows[0]["id"]
        for name, step, value, token, ts in POINTS:
            await client.execute_query(q(
                "INSERT INTO metric_points (experiment_id, name, step, value, token, timestamp)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                [exp, name, step, value, token, ts])
        await Tortoise.close_connections()
        await migrate(config=config)
        await Tortoise.init(config=config)
        client = Tortoise.get_connection(db.connection_name(URL))
        _, steps = await client.execute_query("SELECT step, points FROM metric_steps")
        _, exps = await client.execute_query("SELECT live_metrics FROM experiments")
        _, tables = await client.execute_query(
            "SELECT COUNT(*) AS n FROM " + ("information_schema.tables WHERE table_name"
            if pg else "sqlite_master WHERE name") + " = 'metric_points'")
        print(json.dumps({
            "points": unfold((r["step"], r["points"]) for r in steps),
            "rows": len(steps),
            "live_metrics": json.loads(exps[0]["live_metrics"]),
            "old_table": tables[0]["n"],
        }))
        await Tortoise.close_connections()

    async def guarded():
        try:
            await main()
        finally:
            await Tortoise.close_connections()  # an open aiosqlite thread would hang exit

    asyncio.run(guarded())
    """
)


@pytest.fixture(params=["sqlite", "postgres"])
async def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'old.db'}"
        return
    async with fresh_postgres("gitstudio_migr") as url:
        yield url


def test_metric_points_become_metric_steps(fresh_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, fresh_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert [tuple(p) for p in result["points"]] == [
        ("acc", 0, 0.5, None, 10.0),
        ("acc", 2, 0.7, None, 13.0),
        ("loss", 0, 1.0, None, 10.0),
        ("loss", 1, 0.5, None, 11.0),  # the first value of step 1 won, as the unique key kept it
        ("loss", 2, None, "nan", 13.0),
    ]
    assert result["rows"] == 3
    assert result["live_metrics"] == {"acc": 2, "loss": 2}
    assert result["old_table"] == 0


TOKENS_SCRIPT = textwrap.dedent(
    """
    import asyncio, datetime, json, re, sys
    from tortoise import Tortoise
    from tortoise.migrations.api.migrate import migrate
    from storage import db
    from storage.tokens import authenticate, hash_token

    URL = sys.argv[1]
    SECRETS = {"ci": "dsat_" + "c" * 48, "laptop": "dsat_" + "l" * 48}

    async def main():
        config = db.tortoise_config(URL)
        await migrate(config=config, target="models.0012_cell_columns")
        await Tortoise.close_connections()
        await Tortoise.init(config=config)
        client = Tortoise.get_connection(db.connection_name(URL))
        pg = client.capabilities.dialect == "postgres"
        def q(sql):
            if not pg:
                return sql
            count = iter(range(1, 100))
            return re.sub(r"[?]", lambda m: f"${next(count)}", sql)
        for name, secret in SECRETS.items():
            await client.execute_query(q(
                "INSERT INTO access_tokens (name, prefix, token_hash, scopes, created_at)"
                " VALUES (?, ?, ?, ?, ?)"),
                [name, secret[:12], hash_token(secret), '["READ"]',
                 datetime.datetime.now(datetime.UTC)])
        await Tortoise.close_connections()
        await db.init_db(URL)  # what a server does at start: migrate, then open
        rows = await db.fetch(
            "SELECT t.name AS token, u.name AS user, u.admin, u.disabled_at FROM access_tokens t"
            " LEFT JOIN users u ON u.id = t.user_id ORDER BY t.name")
        users = await db.fetch("SELECT name FROM users")
        principal = await authenticate(SECRETS["ci"])
        print(json.dumps({
            "tokens": [[r["token"], r["user"], bool(r["admin"]), r["disabled_at"]] for r in rows],
            "users": [r["name"] for r in users],
            "principal": [principal.user_name, principal.admin, principal.site_admin],
        }))

    async def guarded():
        try:
            await main()
        finally:
            await db.close_db()
            await Tortoise.close_connections()

    asyncio.run(guarded())
    """
)


def test_tokens_of_before_users_belong_to_the_builtin_admin(fresh_url: str) -> None:
    """Migration 0013 makes the built-in site admin ``admin`` and gives it every token, so
    a token minted before users existed authenticates as that user."""
    done = subprocess.run(
        [sys.executable, "-c", TOKENS_SCRIPT, fresh_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["tokens"] == [["ci", "admin", True, None], ["laptop", "admin", True, None]]
    assert result["users"] == ["admin"]
    assert result["principal"] == ["admin", True, False], "a READ token: not acting as site admin"


ROUND_TRIP_SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys
    from tortoise import Tortoise
    from tortoise.migrations.api.migrate import migrate
    from storage import db

    URL = sys.argv[1]

    async def columns(client, pg):
        if pg:
            _, rows = await client.execute_query(
                "SELECT column_name AS name FROM information_schema.columns"
                " WHERE table_name = 'access_tokens'")
        else:
            _, rows = await client.execute_query("PRAGMA table_info(access_tokens)")
        return sorted(r["name"] for r in rows)

    async def main():
        config = db.tortoise_config(URL)
        seen = []
        for target in (None, "models.0012_cell_columns", None):
            await migrate(config=config, target=target) if target else await migrate(config=config)
            await Tortoise.close_connections()
            await Tortoise.init(config=config)
            client = Tortoise.get_connection(db.connection_name(URL))
            pg = client.capabilities.dialect == "postgres"
            _, users = await client.execute_query(
                "SELECT COUNT(*) AS n FROM " + ("information_schema.tables WHERE table_name"
                if pg else "sqlite_master WHERE name") + " = 'users'")
            seen.append(["user_id" in await columns(client, pg), users[0]["n"]])
            await Tortoise.close_connections()
        await db.init_db(URL)
        admins = await db.fetch("SELECT name FROM users")
        print(json.dumps({"seen": seen, "users": [r["name"] for r in admins]}))

    async def guarded():
        try:
            await main()
        finally:
            await db.close_db()
            await Tortoise.close_connections()

    asyncio.run(guarded())
    """
)


def test_users_migrate_back_to_0012_and_forward_again(fresh_url: str) -> None:
    """Migration 0013 backwards leaves the 0012 layout (no ``access_tokens.user_id``, no
    ``users``) on both databases, so applying it again works."""
    done = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP_SCRIPT, fresh_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["seen"] == [[True, 1], [False, 0], [True, 1]]
    assert result["users"] == ["admin"]
