"""``cell_columns``: a project's columns with their cell count per value type, what
``Project.columns`` lists (storage.queries.columns) without reading the project's cells
(1.2 M at 10,000 commits: 1.6 s; a few dozen rows here).

And ``cells_column_order`` (0010) ends with the value type: a filter's range, and the
values at offsets of a column (storage.queries) are then read from the index alone.

The summary is kept exact in the writing transaction: every insert of cells goes through
storage.cells.within_columns, which adds the counts of the rows it lets through; a delete
of cells (a row re-indexed, a live run refolded, a project or row deleted by cascade)
subtracts them in a trigger (per row on SQLite; per statement from its transition table on
PostgreSQL, where a per-row update of one summary row would pile up row versions). Filled
here from the cells already stored.
"""

from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops

_TABLE = """CREATE TABLE IF NOT EXISTS cell_columns (
    project_id INT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind VARCHAR(8) NOT NULL,
    file VARCHAR(255) NOT NULL,
    path VARCHAR(512) NOT NULL,
    vtype VARCHAR(8) NOT NULL,
    cells BIGINT NOT NULL,
    PRIMARY KEY (project_id, kind, file, path, vtype)
)"""

_FILL = """INSERT INTO cell_columns (project_id, kind, file, path, vtype, cells)
SELECT project_id, kind, file, path, vtype, COUNT(*) FROM cells
GROUP BY project_id, kind, file, path, vtype"""

_SQLITE_TRIGGER = """CREATE TRIGGER IF NOT EXISTS cell_columns_on_delete AFTER DELETE ON cells
BEGIN
    UPDATE cell_columns SET cells = cells - 1 WHERE project_id = OLD.project_id
        AND kind = OLD.kind AND file = OLD.file AND path = OLD.path AND vtype = OLD.vtype;
END"""

# The summary rows are updated one by one in key order (code points, as the inserts of
# storage.cells sort them): writers of one project lock them in one order.
_PG_FUNCTION = """CREATE OR REPLACE FUNCTION cell_columns_on_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    g RECORD;
BEGIN
    FOR g IN SELECT project_id, kind, file, path, vtype, COUNT(*) AS n FROM gone
             GROUP BY project_id, kind, file, path, vtype
             ORDER BY project_id, kind COLLATE "C", file COLLATE "C", path COLLATE "C",
                      vtype COLLATE "C"
    LOOP
        UPDATE cell_columns SET cells = cells - g.n WHERE project_id = g.project_id
            AND kind = g.kind AND file = g.file AND path = g.path AND vtype = g.vtype;
    END LOOP;
    RETURN NULL;
END
$$"""

_PG_TRIGGER = """CREATE TRIGGER cell_columns_on_delete AFTER DELETE ON cells
REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION cell_columns_on_delete()"""


_ORDER = (
    "CREATE INDEX cells_column_order ON cells (project_id, kind, file, path,"
    " (COALESCE(num, 0)), (SUBSTR(COALESCE(text, ''), 1, 200)){})"
)


async def _create(apps: Any, editor: Any) -> None:
    client = editor.client
    postgres = client.capabilities.dialect == "postgres"
    statements = [
        "DROP INDEX IF EXISTS cells_column_order",
        _ORDER.format(", vtype"),
        _TABLE,
        _FILL,
    ]
    if postgres:
        statements += [
            _PG_FUNCTION,
            "DROP TRIGGER IF EXISTS cell_columns_on_delete ON cells",
            _PG_TRIGGER,
        ]
    else:
        statements.append(_SQLITE_TRIGGER)
    for statement in statements:
        await client.execute_script(statement)


async def _drop(apps: Any, editor: Any) -> None:
    client = editor.client
    if client.capabilities.dialect == "postgres":
        await client.execute_script("DROP TRIGGER IF EXISTS cell_columns_on_delete ON cells")
        await client.execute_script("DROP FUNCTION IF EXISTS cell_columns_on_delete()")
    else:
        await client.execute_script("DROP TRIGGER IF EXISTS cell_columns_on_delete")
    await client.execute_script("DROP TABLE IF EXISTS cell_columns")
    await client.execute_script("DROP INDEX IF EXISTS cells_column_order")
    await client.execute_script(_ORDER.format(""))


class Migration(migrations.Migration):
    dependencies = [("models", "0011_cells_prefix_index")]

    initial = False

    operations = [ops.RunPython(_create, reverse_code=_drop)]
