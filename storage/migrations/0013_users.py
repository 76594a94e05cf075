"""Users, and the user every access token belongs to.

``access_tokens.user_id`` is nullable in SQL (SQLite cannot add a NOT NULL column to rows
that exist) and always set in code (storage.tokens.create_token). The backfill makes the
built-in site admin ``admin`` (storage.users.BUILTIN_ADMIN) and gives it every token that
exists, so tokens minted before users existed keep seeing and doing everything. A raw-SQL
unique index on ``LOWER(name)`` keeps names unique regardless of case.
"""

from datetime import UTC, datetime
from typing import Any

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

_ADMIN = "admin"  # storage.users.BUILTIN_ADMIN, as it was when this migration was written


async def _backfill(apps: Any, editor: Any) -> None:
    client = editor.client
    postgres = client.capabilities.dialect == "postgres"
    marks = ("$1", "$2", "$3") if postgres else ("?", "?", "?")
    await client.execute_query(
        "INSERT INTO users (name, admin, created_at) VALUES ({}, {}, {})"
        " ON CONFLICT (name) DO NOTHING".format(*marks),
        [_ADMIN, True, datetime.now(UTC)],
    )
    # Unique regardless of case (storage.users): two requests racing cannot make both.
    await client.execute_script(
        "CREATE UNIQUE INDEX IF NOT EXISTS users_name_folded ON users (LOWER(name))"
    )
    await client.execute_query(
        f"UPDATE access_tokens SET user_id = (SELECT id FROM users WHERE name = {marks[0]})"
        " WHERE user_id IS NULL",
        [_ADMIN],
    )


async def _nothing(apps: Any, editor: Any) -> None:
    """Forwards, the next operation adds the column."""


async def _drop_user_column(apps: Any, editor: Any) -> None:
    """Backwards, after the AddField's reverse: on SQLite that reverse rebuilds
    ``access_tokens`` and keeps a ``user_id`` column, so applying 0013 again would fail
    (duplicate column). Dropped here when it is still there (PostgreSQL drops it already)."""
    client = editor.client
    if client.capabilities.dialect != "sqlite":
        return
    _count, rows = await client.execute_query("PRAGMA table_info(access_tokens)")
    if any(row["name"] == "user_id" for row in rows):
        await client.execute_script("ALTER TABLE access_tokens DROP COLUMN user_id")


async def _unassign(apps: Any, editor: Any) -> None:
    """Backwards, the operations before this one drop the column and the table."""
    await editor.client.execute_script("DROP INDEX IF EXISTS users_name_folded")


class Migration(migrations.Migration):
    dependencies = [("models", "0012_cell_columns")]

    initial = False

    operations = [
        ops.CreateModel(
            name="User",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("name", fields.CharField(unique=True, max_length=100)),
                ("email", fields.CharField(null=True, max_length=254)),
                ("admin", fields.BooleanField(default=False)),
                ("password_hash", fields.CharField(null=True, max_length=255)),
                ("disabled_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "users", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.RunPython(_nothing, reverse_code=_drop_user_column),
        ops.AddField(
            model_name="AccessToken",
            name="user",
            field=fields.ForeignKeyField("models.User", source_field="user_id", null=True, db_constraint=True, to_field="id", related_name="tokens", on_delete=OnDelete.RESTRICT),
        ),
        ops.AddIndex(model_name="AccessToken", index=Index(fields=["user_id"])),
        ops.RunPython(_backfill, reverse_code=_unassign),
    ]
