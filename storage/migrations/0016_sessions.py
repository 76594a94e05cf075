"""Browser sessions and login throttling.

``sessions`` holds a signed-in browser: the SHA-256 of the cookie's secret (never the
secret), its user, and when it was made, ends and was last seen. ``login_failures`` counts
failed logins per user name and per client address, in the database so that every instance
of a deployment throttles the same. Both are new tables: backwards they are dropped, and
nothing else changes.
"""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0015_audit")]

    initial = False

    operations = [
        ops.CreateModel(
            name="BrowserSession",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("secret_hash", fields.CharField(unique=True, max_length=64)),
                ("user", fields.ForeignKeyField("models.User", source_field="user_id", db_constraint=True, to_field="id", related_name="sessions", on_delete=OnDelete.RESTRICT)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("expires_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("last_seen_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={"table": "sessions", "app": "models", "indexes": [Index(fields=["user_id"]), Index(fields=["expires_at"])], "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="LoginFailure",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("key", fields.CharField(max_length=128)),
                ("failed_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={"table": "login_failures", "app": "models", "indexes": [Index(fields=["key", "failed_at"]), Index(fields=["failed_at"])], "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
