"""The cells index on (project_id, kind, file, path) is a prefix of cells_column_order
(0010), which serves every query it served (a project's columns, the cap's probes): one
index fewer to maintain on every cell written."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0010_table_order")]

    initial = False

    operations = [
        ops.RemoveIndex(model_name="Cell", fields=["project_id", "kind", "file", "path"]),
    ]
