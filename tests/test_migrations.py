"""Migrations carry data: metric points stored one row per value (before 0005) come out as
one row per step, first value of a (step, name) winning, with each run's live_metrics;
tokens from before users (0013) belong to the built-in admin, and 0013 rolls back cleanly;
projects from before owners (0014) belong to the built-in admin, PRIVATE, and 0014 rolls back
without losing a row.

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
from typing import Any

import pytest
from services import fresh_postgres

ROOT = Path(__file__).resolve().parent.parent

# What every script starts with: its database URL, a ``q`` that turns ``?`` into
# PostgreSQL's ``$n``, and ``reopen`` (tortoise's connections closed and opened again, as
# after a migration) giving the raw client and whether it is PostgreSQL.
PRELUDE = """
import asyncio, datetime, json, re, sys
from tortoise import Tortoise
from tortoise.exceptions import IntegrityError
from tortoise.migrations.api.migrate import migrate
from storage import db

URL = sys.argv[1]

def q(sql, pg):
    if not pg:
        return sql
    count = iter(range(1, 100))
    return re.sub(r"[?]", lambda m: f"${next(count)}", sql)

async def reopen(config):
    await Tortoise.close_connections()
    await Tortoise.init(config=config)
    client = Tortoise.get_connection(db.connection_name(URL))
    return client, client.capabilities.dialect == "postgres"

async def project_at(config, target):
    \"\"\"Migrated to ``target`` with one project ``p``: the client, whether PostgreSQL.\"\"\"
    await migrate(config=config, target=target)
    client, pg = await reopen(config)
    await client.execute_query(q(
        "INSERT INTO projects (name, repo_url, subdir, created_at, ref_tips, sync_count)"
        " VALUES (?, '/x', '', ?, '{}', 0)", pg), ["p", datetime.datetime.now(datetime.UTC)])
    return client, pg

async def round_trip(config, back, layout):
    \"\"\"``layout`` after migrating forward, back to ``back``, forward again; the client.\"\"\"
    seen = []
    for target in (None, back, None):
        await Tortoise.close_connections()
        await migrate(config=config, target=target) if target else await migrate(config=config)
        client, pg = await reopen(config)
        seen.append(await layout(client, pg))
    return seen, client, pg
"""

# ...and ends with: ``main()``, every connection closed however it ends (an open aiosqlite
# thread would hang the exit).
TRAILER = """
async def guarded():
    try:
        await main()
    finally:
        await db.close_db()
        await Tortoise.close_connections()

asyncio.run(guarded())
"""


def run_script(body: str, url: str, timeout: float = 60) -> dict[str, Any]:
    """Run ``body`` (main() and what it needs) between PRELUDE and TRAILER in a subprocess
    on ``url``; its last line of output, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(body) + TRAILER, url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


METRIC_POINTS = """
from storage.metrics import unfold

POINTS = [  # (name, step, value, token, timestamp); a resent row and a nan among them
    ("loss", 0, 1.0, None, 10.0), ("acc", 0, 0.5, None, 10.0),
    ("loss", 1, 0.5, None, 11.0), ("loss", 1, 0.9, None, 12.0),
    ("loss", 2, None, "nan", 13.0), ("acc", 2, 0.7, None, 13.0),
]

async def main():
    config = db.tortoise_config(URL)
    await migrate(config=config, target="models.0004_sync_lease")
    client, pg = await reopen(config)
    await client.execute_query(q(
        "INSERT INTO projects (name, repo_url, subdir, created_at, ref_tips, sync_count)"
        " VALUES (?, ?, '', ?, '{}', 0)", pg),
        ["p", "/x", datetime.datetime.now(datetime.UTC)])
    await client.execute_query(
        "INSERT INTO experiments (project_id, kind, key, status, created_at, params, metrics,"
        " errors, plots, deps, outs) SELECT id, 'LIVE', 'live:a/run', 'RUNNING', 0, '{}',"
        " '{}', '[]', '[]', '{}', '{}' FROM projects", [])
    _, rows = await client.execute_query("SELECT id FROM experiments")
    exp = rows[0]["id"]
    for name, step, value, token, ts in POINTS:
        await client.execute_query(q(
            "INSERT INTO metric_points (experiment_id, name, step, value, token, timestamp)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", pg),
            [exp, name, step, value, token, ts])
    await Tortoise.close_connections()
    await migrate(config=config)
    client, pg = await reopen(config)
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
"""


@pytest.fixture(params=["sqlite", "postgres"])
async def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'old.db'}"
        return
    async with fresh_postgres("gitstudio_migr") as url:
        yield url


def test_metric_points_become_metric_steps(fresh_url: str) -> None:
    result = run_script(METRIC_POINTS, fresh_url)
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


TOKENS = """
from storage.tokens import authenticate, hash_token

SECRETS = {"ci": "dsat_" + "c" * 48, "laptop": "dsat_" + "l" * 48}

async def main():
    config = db.tortoise_config(URL)
    await migrate(config=config, target="models.0012_cell_columns")
    client, pg = await reopen(config)
    for name, secret in SECRETS.items():
        await client.execute_query(q(
            "INSERT INTO access_tokens (name, prefix, token_hash, scopes, created_at)"
            " VALUES (?, ?, ?, ?, ?)", pg),
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
"""


def test_tokens_of_before_users_belong_to_the_builtin_admin(fresh_url: str) -> None:
    """Migration 0013 makes the built-in site admin ``admin`` and gives it every token, so
    a token minted before users existed authenticates as that user."""
    result = run_script(TOKENS, fresh_url)
    assert result["tokens"] == [["ci", "admin", True, None], ["laptop", "admin", True, None]]
    assert result["users"] == ["admin"]
    assert result["principal"] == ["admin", True, False], "a READ token: not acting as site admin"


ROUND_TRIP = """
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
        client, pg = await reopen(config)
        _, users = await client.execute_query(
            "SELECT COUNT(*) AS n FROM " + ("information_schema.tables WHERE table_name"
            if pg else "sqlite_master WHERE name") + " = 'users'")
        seen.append(["user_id" in await columns(client, pg), users[0]["n"]])
        await Tortoise.close_connections()
    await db.init_db(URL)
    admins = await db.fetch("SELECT name FROM users")
    print(json.dumps({"seen": seen, "users": [r["name"] for r in admins]}))
"""


def test_users_migrate_back_to_0012_and_forward_again(fresh_url: str) -> None:
    """Migration 0013 backwards leaves the 0012 layout (no ``access_tokens.user_id``, no
    ``users``) on both databases, so applying it again works."""
    result = run_script(ROUND_TRIP, fresh_url, timeout=120)
    assert result["seen"] == [[True, 1], [False, 0], [True, 1]]
    assert result["users"] == ["admin"]


ACCESS = """
async def layout(client, pg):
    \"\"\"The columns of ``projects`` and whether ``teams`` and ``team_members`` exist.\"\"\"
    if pg:
        _, rows = await client.execute_query(
            "SELECT column_name AS name FROM information_schema.columns"
            " WHERE table_name = 'projects'")
        _, tables = await client.execute_query(
            "SELECT table_name AS name FROM information_schema.tables"
            " WHERE table_name IN ('teams', 'team_members')")
    else:
        _, rows = await client.execute_query("PRAGMA table_info(projects)")
        _, tables = await client.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('teams', 'team_members')")
    return [sorted(r["name"] for r in rows), sorted(r["name"] for r in tables)]

async def rows(client):
    _, projects = await client.execute_query("SELECT * FROM projects ORDER BY name")
    _, branches = await client.execute_query("SELECT name FROM branches ORDER BY name")
    keep = ("name", "owner_user_id", "owner_team_id", "visibility")
    return [[{k: v for k, v in dict(p).items() if k in keep} for p in projects],
            [b["name"] for b in branches]]

async def main():
    config = db.tortoise_config(URL)
    await migrate(config=config, target="models.0013_users")
    client, pg = await reopen(config)
    for name in ("p", "q"):
        await client.execute_query(q(
            "INSERT INTO projects (name, repo_url, subdir, created_at, ref_tips, sync_count)"
            " VALUES (?, '/x', '', ?, '{}', 0)", pg), [name, datetime.datetime.now(datetime.UTC)])
    await client.execute_query(
        "INSERT INTO branches (project_id, name, sha) SELECT id, name || '-main', 'abc'"
        " FROM projects", [])
    _, admin = await client.execute_query("SELECT id FROM users WHERE name = 'admin'")
    seen = []
    for target in (None, "models.0013_users", None):
        await Tortoise.close_connections()
        await migrate(config=config, target=target) if target else await migrate(config=config)
        client, pg = await reopen(config)
        seen.append([await layout(client, pg), await rows(client)])
    # Team names are unique regardless of case in SQL too (the index made again).
    await client.execute_query(q("INSERT INTO teams (name, created_at) VALUES (?, ?)", pg),
                               ["ml", datetime.datetime.now(datetime.UTC)])
    try:
        await client.execute_query(q("INSERT INTO teams (name, created_at) VALUES (?, ?)", pg),
                                   ["ML", datetime.datetime.now(datetime.UTC)])
        folded = False
    except IntegrityError:  # the folded-name index refused it
        folded = True
    print(json.dumps({"seen": seen, "admin": admin[0]["id"], "folded": folded}))
"""


def test_projects_of_before_owners_are_the_builtin_admins_and_0014_rolls_back(
    fresh_url: str,
) -> None:
    """Migration 0014 gives the projects that exist to the built-in admin, PRIVATE; back to
    0013 it leaves 0013's layout with every row (on SQLite tortoise's own reverse rebuilt
    ``projects``, and the drop of the old table deleted its branches by cascade), and
    applying it again works."""
    result = run_script(ACCESS, fresh_url, timeout=120)
    admin = result["admin"]
    access = ["owner_team_id", "owner_user_id", "visibility"]
    forward, back, again = result["seen"]
    assert set(access) <= set(forward[0][0])
    assert forward[0][1] == ["team_members", "teams"]
    later = {  # projects columns of later migrations (0021: project settings)
        "import_since", "column_filter", "custom_files", "column_limit", "auto_hide_unchanged",
        "reindex",
    }  # fmt: skip
    assert back[0] == [sorted(set(forward[0][0]) - set(access) - later), []]
    assert again[0] == forward[0]
    owned = [{"name": n, "owner_user_id": admin, "owner_team_id": None, "visibility": "PRIVATE"}
             for n in ("p", "q")]  # fmt: skip
    assert forward[1] == again[1] == [owned, ["p-main", "q-main"]]
    assert back[1] == [[{"name": "p"}, {"name": "q"}], ["p-main", "q-main"]]
    assert result["folded"]


# -- migrations that add tables ------------------------------------------------------------

NEW_TABLES = """
async def tables(client, pg):
    if pg:
        _, rows = await client.execute_query(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema ="
            " 'public'")
    else:
        _, rows = await client.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'table'")
    return sorted(r["name"] for r in rows if r["name"] in TABLES)

async def main():
    config = db.tortoise_config(URL)
    await migrate(config=config, target=BEFORE)
    client, pg = await reopen(config)
    await client.execute_query(q(
        "INSERT INTO users (name, admin, created_at) VALUES (?, ?, ?)", pg),
        ["ada", False, datetime.datetime.now(datetime.UTC)])
    seen = []
    for target in (None, BEFORE, None):
        await Tortoise.close_connections()
        await migrate(config=config, target=target) if target else await migrate(config=config)
        client, pg = await reopen(config)
        _, users = await client.execute_query("SELECT name FROM users ORDER BY name")
        seen.append([await tables(client, pg), [u["name"] for u in users]])
    print(json.dumps({"seen": seen}))
"""


@pytest.mark.parametrize(
    ("before", "tables"),
    [
        ("0014_access", ["audit_log"]),  # 0015
        ("0015_audit", ["login_failures", "sessions"]),  # 0016
        ("0016_sessions", ["oidc_identities", "oidc_team_grants"]),  # 0017
        ("0018_token_projects", ["column_goals"]),  # 0019
        ("0021_project_settings", ["views"]),  # 0022
        ("0022_views", ["remote_settings"]),  # 0023
        ("0023_remote_settings", ["webhook_deliveries", "webhooks"]),  # 0024
    ],
)
def test_a_migration_adding_tables_rolls_back_keeping_users(
    fresh_url: str, before: str, tables: list[str]
) -> None:
    """Forward, back to ``before`` and forward again: its tables come, go and come back, and
    the users made before stay."""
    head = f"BEFORE = {('models.' + before)!r}\nTABLES = {tables!r}\n"
    forward, back, again = run_script(head + NEW_TABLES, fresh_url, timeout=120)["seen"]
    assert forward == again == [tables, ["ada", "admin"]]
    assert back == [[], ["ada", "admin"]]


# -- 0020: hidden rows ----------------------------------------------------------------------

HIDDEN = """
async def layout(client, pg):
    \"\"\"Whether ``experiments.hidden`` and its index exist, and each row's hidden by key.\"\"\"
    if pg:
        _, cols = await client.execute_query(
            "SELECT column_name AS name FROM information_schema.columns"
            " WHERE table_name = 'experiments'")
        _, idx = await client.execute_query(
            "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'experiments'")
    else:
        _, cols = await client.execute_query("PRAGMA table_info(experiments)")
        _, idx = await client.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'experiments'")
    has = "hidden" in {c["name"] for c in cols}
    indexes = {i["name"] for i in idx}
    _, rows = await client.execute_query(
        "SELECT key" + (", hidden" if has else "") + " FROM experiments ORDER BY key")
    return [has, "experiments_shown_by_time" in indexes, "experiments_by_time" in indexes,
            {r["key"]: dict(r).get("hidden") for r in rows}]

async def main():
    config = db.tortoise_config(URL)
    client, pg = await project_at(config, "models.0019_column_goals")
    for key, message in (("a", "docs\\n\\n[Skip STUDIO]"), ("b", "plain"), ("c", None)):
        await client.execute_query(q(
            "INSERT INTO experiments (project_id, kind, key, status, message, created_at,"
            " params, metrics, errors, plots, deps, outs) SELECT id, 'COMMIT', ?, 'COMPLETED',"
            " ?, 0, '{}', '{}', '[]', '[]', '{}', '{}' FROM projects", pg), [key, message])
    seen, client, pg = await round_trip(config, "models.0019_column_goals", layout)
    # A row written after the migration, naming no hidden: shown (the SQL default).
    await client.execute_query(
        "INSERT INTO experiments (project_id, kind, key, status, created_at, params, metrics,"
        " errors, plots, deps, outs) SELECT id, 'LIVE', 'd', 'RUNNING', 0, '{}', '{}', '[]',"
        " '[]', '{}', '{}' FROM projects", [])
    seen.append(await layout(client, pg))
    print(json.dumps({"seen": seen}))
"""


def test_hidden_rows_of_skip_studio_commits_and_0020_rolls_back(fresh_url: str) -> None:
    """Migration 0020 hides the rows whose message holds "[skip studio]" (any case) and
    makes the index of shown rows; back to 0019 both go and every row stays (the column is
    dropped in place on SQLite, 0010's index kept); forward again hides them again."""
    forward, back, again, later = run_script(HIDDEN, fresh_url, timeout=120)["seen"]
    hidden = {"a": 1, "b": 0, "c": 0}
    assert forward == again == [True, True, True, hidden]
    assert back == [False, False, True, {"a": None, "b": None, "c": None}]
    assert later == [True, True, True, {**hidden, "d": 0}]


# -- 0021: project settings -------------------------------------------------------------------

SETTINGS = """
async def layout(client, pg):
    \"\"\"The settings columns ``projects`` has, its rows' names and the branches left.\"\"\"
    if pg:
        _, cols = await client.execute_query(
            "SELECT column_name AS name FROM information_schema.columns"
            " WHERE table_name = 'projects'")
    else:
        _, cols = await client.execute_query("PRAGMA table_info(projects)")
    names = {c["name"] for c in cols}
    wanted = ["auto_hide_unchanged", "column_filter", "column_limit", "custom_files",
              "import_since", "reindex"]
    _, projects = await client.execute_query("SELECT * FROM projects ORDER BY name")
    _, branches = await client.execute_query("SELECT name FROM branches ORDER BY name")
    return [[c for c in wanted if c in names],
            [[p["name"], dict(p).get("auto_hide_unchanged"), dict(p).get("reindex")]
             for p in projects],
            [b["name"] for b in branches]]

async def main():
    config = db.tortoise_config(URL)
    client, pg = await project_at(config, "models.0020_hidden_rows")
    await client.execute_query(
        "INSERT INTO branches (project_id, name, sha) SELECT id, 'main', 'abc' FROM projects", [])
    seen, _client, _pg = await round_trip(config, "models.0020_hidden_rows", layout)
    print(json.dumps({"seen": seen}))
"""


def test_project_settings_columns_and_0021_rolls_back(fresh_url: str) -> None:
    """Migration 0021 adds the settings columns to ``projects`` (off: 0, or NULL); back to
    0020 they go in place and every project and branch stays; forward again works."""
    forward, back, again = run_script(SETTINGS, fresh_url, timeout=120)["seen"]
    columns = ["auto_hide_unchanged", "column_filter", "column_limit", "custom_files",
               "import_since", "reindex"]  # fmt: skip
    assert forward == again == [columns, [["p", 0, 0]], ["main"]]
    assert back == [[], [["p", None, None]], ["main"]]


# -- 0025: branches and rows as Studio shows them ---------------------------------------------

FIRST_PARENTS = """
async def layout(client, pg):
    \"\"\"Whether the new columns exist, each commit's first_parent flag on main by sha, the
    rows of branch_commits, and which of 0025's indexes exist.\"\"\"
    if pg:
        _, cols = await client.execute_query(
            "SELECT table_name || '.' || column_name AS name FROM information_schema.columns")
        _, idx = await client.execute_query("SELECT indexname AS name FROM pg_indexes")
    else:
        cols = []
        for table in ("branches", "branch_commits"):
            _, found = await client.execute_query(f"PRAGMA table_info({table})")
            cols += [{"name": f"{table}.{c['name']}"} for c in found]
        _, idx = await client.execute_query("SELECT name FROM sqlite_master WHERE type = 'index'")
    names = {c["name"] for c in cols}
    flagged = "branch_commits.first_parent" in names
    _, rows = await client.execute_query(
        "SELECT c.sha" + (", bc.first_parent" if flagged else "") + " FROM branch_commits bc"
        " JOIN commits c ON c.id = bc.commit_id ORDER BY c.sha")
    made = sorted(i["name"] for i in idx if i["name"] in INDEXES)
    return [flagged, "branches.hidden" in names, {r["sha"]: dict(r).get("first_parent")
            for r in rows}, made]

INDEXES = {"branch_first_parents", "experiments_at_commit", "experiments_at_baseline",
           "experiments_by_author", "experiments_by_author_newest", "experiments_by_message",
           "experiments_by_message_newest"}

async def main():
    config = db.tortoise_config(URL)
    client, pg = await project_at(config, "models.0024_webhooks")
    # a <- b <- c <- m (merge of f), f <- b: main's first-parent line is m, c, b, a.
    parents = {"a": [], "b": ["a"], "c": ["b"], "f": ["b"], "m": ["c", "f"]}
    for sha, ps in parents.items():
        await client.execute_query(q(
            "INSERT INTO commits (project_id, sha, parents, author_name, author_email,"
            " authored_at, committer_name, committer_email, committed_at, commit_offset,"
            " message) SELECT id, ?, ?, 'a', 'a@x', 0, 'a', 'a@x', 0, 0, 'm' FROM projects", pg),
            [sha, json.dumps(ps)])
    await client.execute_query(
        "INSERT INTO branches (project_id, name, sha) SELECT id, 'main', 'm' FROM projects", [])
    await client.execute_query(
        "INSERT INTO branch_commits (branch_id, commit_id) SELECT b.id, c.id FROM branches b"
        " CROSS JOIN commits c", [])
    seen, _client, _pg = await round_trip(config, "models.0024_webhooks", layout)
    print(json.dumps({"seen": seen}))
"""


def test_0025_flags_first_parent_lines_and_rolls_back(fresh_url: str) -> None:
    """Migration 0025 flags each branch's first-parent line (not the merged commit), adds
    branches.hidden and its indexes; back to 0024 they go and every membership row stays."""
    forward, back, again = run_script(FIRST_PARENTS, fresh_url, timeout=120)["seen"]
    line = {"a": 1, "b": 1, "c": 1, "f": 0, "m": 1}
    indexes = sorted(["branch_first_parents", "experiments_at_baseline", "experiments_at_commit",
                      "experiments_by_author", "experiments_by_author_newest",
                      "experiments_by_message", "experiments_by_message_newest"])  # fmt: skip
    assert forward == again == [True, True, line, indexes]
    assert back == [False, False, dict.fromkeys(line), []]
