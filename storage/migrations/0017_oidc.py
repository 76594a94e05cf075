"""OIDC sign-in (storage.oidc): ``oidc_identities`` links a provider's (issuer, subject) to
a user; ``oidc_team_grants`` remembers the team memberships a provider's teams claim made.
Both are new tables: backwards they are dropped, and nothing else changes.
"""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0016_sessions")]

    initial = False

    operations = [
        ops.CreateModel(
            name="OidcIdentity",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("issuer", fields.CharField(max_length=500)),
                ("subject", fields.CharField(max_length=255)),
                ("user", fields.ForeignKeyField("models.User", source_field="user_id", db_constraint=True, to_field="id", related_name="oidc_identities", on_delete=OnDelete.RESTRICT)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("last_login_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={"table": "oidc_identities", "app": "models", "unique_together": (("issuer", "subject"),), "indexes": [Index(fields=["user_id"])], "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="OidcTeamGrant",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("user", fields.ForeignKeyField("models.User", source_field="user_id", db_constraint=True, to_field="id", related_name="oidc_team_grants", on_delete=OnDelete.RESTRICT)),
                ("team", fields.ForeignKeyField("models.Team", source_field="team_id", db_constraint=True, to_field="id", related_name="oidc_grants", on_delete=OnDelete.CASCADE)),
                ("role", fields.CharField(max_length=8)),
            ],
            options={"table": "oidc_team_grants", "app": "models", "unique_together": (("user", "team"),), "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
