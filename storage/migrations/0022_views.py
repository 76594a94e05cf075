"""Saved views (storage.views): ``views`` holds a project's saved views of the experiments
table, shared (``owner_user_id`` null) or one user's own, each with its state as JSON.
``views_by_name`` (project_id, COALESCE(owner_user_id, 0), name) is unique: one shared view
of a name per project, and one per user (a NULL owner would be distinct from every other in
a plain unique index). A new table: backwards it is dropped, and nothing else changes."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0021_project_settings")]

    initial = False

    operations = [
        ops.CreateModel(
            name="View",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("project", fields.ForeignKeyField("models.Project", source_field="project_id", db_constraint=True, to_field="id", related_name="views", on_delete=OnDelete.CASCADE)),
                ("owner_user_id", fields.IntField(null=True)),
                ("name", fields.CharField(max_length=255)),
                ("state", fields.TextField()),
                ("created_at", fields.FloatField()),
                ("updated_at", fields.FloatField()),
                ("created_by_user_id", fields.IntField(null=True)),
                ("updated_by_user_id", fields.IntField(null=True)),
            ],
            options={"table": "views", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.RunSQL(
            [
                "CREATE UNIQUE INDEX IF NOT EXISTS views_by_name"
                " ON views (project_id, COALESCE(owner_user_id, 0), name)"
            ],
            reverse_sql=["DROP INDEX IF EXISTS views_by_name"],
        ),
    ]
