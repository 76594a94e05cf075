from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0006_registry_declarations")]

    initial = False

    operations = [
        ops.AddField(model_name="Project", name="forge", field=fields.TextField(null=True)),
        ops.AddField(model_name="Project", name="forge_token", field=fields.TextField(null=True)),
        ops.CreateModel(
            name="PullRequest",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("project", fields.ForeignKeyField("models.Project", source_field="project_id", db_constraint=True, to_field="id", related_name="pull_requests", on_delete=OnDelete.CASCADE)),
                ("number", fields.IntField()),
                ("source_branch", fields.CharField(max_length=255)),
                ("target_branch", fields.CharField(max_length=255)),
                ("title", fields.TextField()),
                ("body", fields.TextField(default="")),
                ("state", fields.CharField(default="OPEN", max_length=16)),
                ("source_sha", fields.CharField(max_length=40)),
                ("target_sha", fields.CharField(null=True, max_length=40)),
                ("forge", fields.CharField(null=True, max_length=16)),
                ("external_number", fields.IntField(null=True)),
                ("url", fields.TextField(null=True)),
                ("created_by", fields.CharField(default="", max_length=100)),
                ("created_at", fields.FloatField()),
                ("merged_at", fields.FloatField(null=True)),
                ("merge_sha", fields.CharField(null=True, max_length=40)),
            ],
            options={"table": "pull_requests", "app": "models", "unique_together": (("project", "number"),), "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="MutationRecord",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("token_id", fields.IntField()),
                ("mutation", fields.CharField(max_length=64)),
                ("client_mutation_id", fields.CharField(max_length=255)),
                ("request_hash", fields.CharField(max_length=64)),
                ("result", fields.TextField(null=True)),
                ("created_at", fields.FloatField()),
            ],
            options={"table": "mutation_records", "app": "models", "unique_together": (("token_id", "mutation", "client_mutation_id"),), "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
