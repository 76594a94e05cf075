"""``cells_column_order`` (0010, 0012) gains the cell's number and its row id as its last
keys: a filter's range of cells then gives its rows' ids from the index alone (on SQLite
3.40 an expression index covers a statement only when the columns the expressions read are
keys too; PostgreSQL's index-only scans ask the same), so ``totalCount`` with several column
filters counts the rows in all their ranges without reading a cell or a row
(storage.queries.count_experiments). The walks of a page order by the keys before them,
unchanged.

Back: the index as 0012 made it.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

_ORDER = (
    "CREATE INDEX cells_column_order ON cells (project_id, kind, file, path,"
    " (COALESCE(num, 0)), (SUBSTR(COALESCE(text, ''), 1, 200)), vtype{})"
)
_DROP = "DROP INDEX IF EXISTS cells_column_order"


class Migration(migrations.Migration):
    dependencies = [("models", "0025_branch_rows")]

    initial = False

    operations = [
        ops.RunSQL(
            [_DROP, _ORDER.format(", num, experiment_id")],
            reverse_sql=[_DROP, _ORDER.format("")],
        )
    ]
