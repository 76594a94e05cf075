"""Operations the migrations share (storage/migrations/ holds migrations only)."""

from __future__ import annotations

from typing import Any

from tortoise.migrations import operations as ops


class AddColumn(ops.AddField):
    """AddField whose reverse on SQLite drops the column in place (``ALTER TABLE ... DROP
    COLUMN``, SQLite 3.35). tortoise's reverse there rebuilds the table (copy, drop the old
    table, rename): dropping the old table deletes the rows that reference it by ON DELETE
    CASCADE (every branch, commit and experiment, for ``projects``), loses the indexes made
    on it by earlier migrations (which their own reverse then cannot drop), and keeps the
    last column it drops. PostgreSQL drops the column as before."""

    def __init__(self, table: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.table = table

    async def database_backward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if state_editor is None or state_editor.client.capabilities.dialect != "sqlite":
            await super().database_backward(app_label, old_state, new_state, state_editor)
            return
        client, table = state_editor.client, self.table
        column = getattr(self.field, "source_field", None) or self.name
        _count, indexes = await client.execute_query(f'PRAGMA index_list("{table}")')
        for index in indexes:  # an index on the column would refuse the drop
            _count, columns = await client.execute_query(f'PRAGMA index_info("{index["name"]}")')
            if index["origin"] == "c" and any(c["name"] == column for c in columns):
                await client.execute_script(f'DROP INDEX "{index["name"]}"')
        await client.execute_script(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
