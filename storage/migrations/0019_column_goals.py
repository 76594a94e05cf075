"""Column goals (storage.goals): ``column_goals`` holds, per project and column id, whether
higher or lower values are better. A new table: backwards it is dropped, and nothing else
changes."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0018_token_projects")]

    initial = False

    operations = [
        ops.CreateModel(
            name="ColumnGoal",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("project", fields.ForeignKeyField("models.Project", source_field="project_id", db_constraint=True, to_field="id", related_name="column_goals", on_delete=OnDelete.CASCADE)),
                ("column", fields.TextField()),
                ("goal", fields.CharField(max_length=8)),
            ],
            options={"table": "column_goals", "app": "models", "unique_together": (("project", "column"),), "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
