"""Project settings (updateProject, issue 15): what a project imports. Six columns on
``projects`` (storage.models.Project): ``import_since``, ``column_filter``,
``custom_files``, ``column_limit`` (NULL: none of them set), ``auto_hide_unchanged`` and
``reindex`` (0: off, nothing due). Every existing project keeps importing what it did.
``experiments.hidden`` may now also hold 2 (hidden by auto_hide_unchanged): no existing row
holds it.

Back: the columns are dropped (on SQLite in place: storage.migration_ops); rows hidden by
the setting stay hidden (as 1 would hide them), shown again by unhideRows.
"""

from typing import Any

from tortoise import fields, migrations

from storage.migration_ops import AddColumn


def _column(name: str, field: fields.Field[Any]) -> AddColumn:
    return AddColumn(table="projects", model_name="Project", name=name, field=field)


class Migration(migrations.Migration):
    dependencies = [("models", "0020_hidden_rows")]

    initial = False

    operations = [
        _column("import_since", fields.BigIntField(null=True)),
        _column("column_filter", fields.TextField(null=True)),
        _column("custom_files", fields.TextField(null=True)),
        _column("column_limit", fields.IntField(null=True)),
        _column("auto_hide_unchanged", fields.SmallIntField(default=0, db_default=0)),
        _column("reindex", fields.SmallIntField(default=0, db_default=0)),
    ]
