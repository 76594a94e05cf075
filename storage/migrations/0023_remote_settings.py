"""DVC remote settings (issue 15): ``remote_settings`` holds what configureRemote set for a
project's DVC remote (storage.remotes): the settings sealed as one value, and the names of
the keys set. A new table: backwards it is dropped with what it held, nothing else changes.
"""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0022_views")]

    initial = False

    operations = [
        ops.CreateModel(
            name="RemoteSetting",
            fields=[
                ("id", fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("project", fields.ForeignKeyField("models.Project", source_field="project_id", db_constraint=True, to_field="id", related_name="remote_settings", on_delete=OnDelete.CASCADE)),
                ("name", fields.CharField(max_length=64)),
                ("sealed", fields.TextField()),
                ("keys", fields.TextField()),
            ],
            options={"table": "remote_settings", "app": "models", "unique_together": (("project", "name"),), "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
