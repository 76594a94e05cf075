"""Teams, their members' roles, and who owns a project with whom it is shared.

``teams`` (names unique regardless of case, as users': a raw-SQL unique index on
``LOWER(name)``) and ``team_members`` (one role per team and user: VIEWER, EDITOR or
ADMIN). ``projects`` gets ``owner_user_id`` and ``owner_team_id`` (both nullable: a project
belongs to a user or to a team) and ``visibility`` (PRIVATE, TEAM or PUBLIC; PRIVATE by
default in SQL too). The backfill gives every project that exists to the built-in site
admin ``admin`` (storage.users.BUILTIN_ADMIN, made by 0013), PRIVATE: nobody sees less
than before, since that user sees everything. Nothing enforces these yet (storage.access).
"""

from typing import Any

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from storage.migration_ops import AddColumn

_ADMIN = "admin"  # storage.users.BUILTIN_ADMIN, as it was when this migration was written


async def _backfill(apps: Any, editor: Any) -> None:
    client = editor.client
    mark = "$1" if client.capabilities.dialect == "postgres" else "?"
    # Unique regardless of case (storage.teams): two requests racing cannot make both.
    await client.execute_script(
        "CREATE UNIQUE INDEX IF NOT EXISTS teams_name_folded ON teams (LOWER(name))"
    )
    await client.execute_query(
        f"UPDATE projects SET owner_user_id = (SELECT id FROM users WHERE name = {mark})"
        " WHERE owner_user_id IS NULL AND owner_team_id IS NULL",
        [_ADMIN],
    )


async def _unindex(apps: Any, editor: Any) -> None:
    """Backwards, the operations before this one drop the columns and the tables."""
    await editor.client.execute_script("DROP INDEX IF EXISTS teams_name_folded")


class Migration(migrations.Migration):
    dependencies = [("models", "0013_users")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Team",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("name", fields.CharField(unique=True, max_length=100)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "teams", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="TeamMember",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("team", fields.ForeignKeyField("models.Team", source_field="team_id", db_constraint=True, to_field="id", related_name="members", on_delete=OnDelete.CASCADE)),
                ("user", fields.ForeignKeyField("models.User", source_field="user_id", db_constraint=True, to_field="id", related_name="memberships", on_delete=OnDelete.RESTRICT)),
                ("role", fields.CharField(max_length=8)),
            ],
            options={"table": "team_members", "app": "models", "unique_together": (("team", "user"),), "indexes": [Index(fields=["user_id"])], "pk_attr": "id"},
            bases=["Model"],
        ),
        AddColumn(
            table="projects",
            model_name="Project",
            name="owner_user",
            field=fields.ForeignKeyField("models.User", source_field="owner_user_id", null=True, db_constraint=True, to_field="id", related_name="projects", on_delete=OnDelete.RESTRICT),
        ),
        AddColumn(
            table="projects",
            model_name="Project",
            name="owner_team",
            field=fields.ForeignKeyField("models.Team", source_field="owner_team_id", null=True, db_constraint=True, to_field="id", related_name="projects", on_delete=OnDelete.RESTRICT),
        ),
        AddColumn(
            table="projects",
            model_name="Project",
            name="visibility",
            field=fields.CharField(default="PRIVATE", db_default="PRIVATE", max_length=8),
        ),
        ops.AddIndex(model_name="Project", index=Index(fields=["owner_user_id"])),
        ops.AddIndex(model_name="Project", index=Index(fields=["owner_team_id"])),
        ops.RunPython(_backfill, reverse_code=_unindex),
    ]
