"""Outgoing webhooks (storage.deliveries, gitstudio.outgoing): ``webhooks`` (a project's
receivers: URL, events, sealed secret) and ``webhook_deliveries`` (one row per event and
webhook, PENDING until delivered or given up). New tables: backwards they are dropped,
deliveries first, and nothing else changes."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0023_remote_settings")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Webhook",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("project", fields.ForeignKeyField("models.Project", source_field="project_id", db_constraint=True, to_field="id", related_name="webhooks", on_delete=OnDelete.CASCADE)),
                ("url", fields.TextField()),
                ("events", fields.TextField()),
                ("secret", fields.TextField()),
                ("created_by", fields.CharField(default="", max_length=100)),
                ("created_at", fields.FloatField()),
                ("active", fields.BooleanField(default=True)),
            ],
            options={"table": "webhooks", "app": "models", "indexes": [Index(fields=["project_id"])], "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="WebhookDelivery",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("webhook", fields.ForeignKeyField("models.Webhook", source_field="webhook_id", db_constraint=True, to_field="id", related_name="deliveries", on_delete=OnDelete.CASCADE)),
                ("event", fields.CharField(max_length=40)),
                ("payload", fields.TextField()),
                ("status", fields.CharField(default="PENDING", max_length=16)),
                ("attempts", fields.IntField(default=0)),
                ("next_attempt_at", fields.FloatField()),
                ("response_code", fields.IntField(null=True)),
                ("error", fields.TextField(null=True)),
                ("created_at", fields.FloatField()),
                ("delivered_at", fields.FloatField(null=True)),
            ],
            options={"table": "webhook_deliveries", "app": "models", "indexes": [Index(fields=["status", "next_attempt_at"]), Index(fields=["webhook_id", "id"])], "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
