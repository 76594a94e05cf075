"""Hidden rows (issue 15): ``experiments.hidden`` (0 or 1, 0 by default in SQL too) leaves a
row out of the table unless a filter includes hidden rows (storage.queries).

- the rows already indexed whose message holds ``[skip studio]`` (any case) are hidden, as
  the indexer hides new ones (sync.indexer.skips_studio);
- ``experiments_shown_by_time`` (project_id, hidden, created_at, id): the default table
  (``hidden = 0``, newest first) walks it and stops after the page, however many rows are
  hidden, and counts the shown rows in it alone; migration 0010's experiments_by_time
  still serves the table with hidden rows included.

Back: the index and the column are dropped (on SQLite in place: storage.migration_ops).
"""

from typing import Any

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from storage.migration_ops import AddColumn

# sync.indexer.SKIP_STUDIO as it was when this migration was written, lower case.
_SKIP = "[skip studio]"


async def _hide_skipped(apps: Any, editor: Any) -> None:
    mark = "$1" if editor.client.capabilities.dialect == "postgres" else "?"
    await editor.client.execute_query(
        f"UPDATE experiments SET hidden = 1 WHERE LOWER(message) LIKE {mark}", [f"%{_SKIP}%"]
    )


async def _nothing(apps: Any, editor: Any) -> None:
    """Back: the column goes with what it held."""


class Migration(migrations.Migration):
    dependencies = [("models", "0019_column_goals")]

    initial = False

    operations = [
        AddColumn(  # back on SQLite: dropped in place (a rebuild loses 0010's indexes)
            table="experiments",
            model_name="Experiment",
            name="hidden",
            field=fields.SmallIntField(default=0, db_default=0),
        ),
        ops.RunSQL(
            [
                "CREATE INDEX IF NOT EXISTS experiments_shown_by_time"
                " ON experiments (project_id, hidden, created_at, id)"
            ],
            reverse_sql=["DROP INDEX IF EXISTS experiments_shown_by_time"],
        ),
        ops.RunPython(_hide_skipped, reverse_code=_nothing),
    ]
