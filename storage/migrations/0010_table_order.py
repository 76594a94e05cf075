"""Indexes the experiments table is sorted and filtered through (storage.queries):

- ``cells_column_order``: one column's cells of a project in value order (the number, then
  the text's first storage.queries.TEXT_PREFIX characters: a whole text may exceed
  PostgreSQL's B-tree row size), so a page ordered by a param or metric walks it and stops
  after the page instead of sorting every row;
- ``cells_of_experiment``: a row's cell of one column, probed by column filters and by the
  rows without a value of the ordered column;
- ``experiments_by_time``: a project's rows newest or oldest first, the default order and
  the tie order.

Expression indexes are raw SQL (the same statement on SQLite and PostgreSQL); the model
state does not describe them.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

_CREATE = [
    "CREATE INDEX IF NOT EXISTS cells_column_order ON cells (project_id, kind, file, path,"
    " (COALESCE(num, 0)), (SUBSTR(COALESCE(text, ''), 1, 200)))",
    "CREATE INDEX IF NOT EXISTS cells_of_experiment ON cells (experiment_id, kind, file, path)",
    "CREATE INDEX IF NOT EXISTS experiments_by_time ON experiments (project_id, created_at, id)",
]
_DROP = [
    "DROP INDEX IF EXISTS cells_column_order",
    "DROP INDEX IF EXISTS cells_of_experiment",
    "DROP INDEX IF EXISTS experiments_by_time",
]


class Migration(migrations.Migration):
    dependencies = [("models", "0009_limits")]

    initial = False

    operations = [ops.RunSQL(_CREATE, reverse_sql=_DROP)]
