"""The audit log (storage.audit): one row per write through the API."""

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0014_access")]

    initial = False

    operations = [
        ops.CreateModel(
            name="AuditEntry",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("user_id", fields.IntField(null=True)),
                ("user_name", fields.CharField(null=True, max_length=100)),
                ("token_id", fields.IntField(null=True)),
                ("operation", fields.CharField(max_length=100)),
                ("project_id", fields.IntField(null=True)),
                ("arguments", fields.TextField()),
                ("result", fields.CharField(max_length=200)),
            ],
            options={"table": "audit_log", "app": "models", "indexes": [Index(fields=["project_id", "id"])], "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
