"""Branches and rows as Studio shows them (issue 15.2, and branches of 15.1):

- ``branch_commits.first_parent`` (0 or 1): the commit is on the branch's first-parent line
  from its head, what ``git rev-list --first-parent`` lists (``ExperimentFilter.branch``);
  the index ``branch_first_parents`` (branch_id, first_parent, commit_id) reads a branch's
  line. Set here for every branch already indexed, one recursive statement per branch
  from its head through each commit's first parent; a sync keeps it (storage.index);
- ``branches.hidden`` (0 or 1): a branch hidden by ``hideRows`` is left out of
  ``Project.branches`` unless included;
- ``experiments_by_author`` and ``experiments_by_message`` (project_id, the author's name or
  the message's first 200 characters, created_at, id), in code point order on both
  databases, and their ``_newest`` twins (created_at and id descending): a page ordered by
  author or message walks one (ties newest or oldest first, each direction) and stops
  after the page; without the twin, the ties of one author (often most rows) are sorted;
- ``experiments_at_commit`` (project_id, sha, kind, hidden) and ``experiments_at_baseline``
  (project_id, baseline_sha, kind, hidden): the rows of a tag's or branch's commits, read
  and counted from the index alone.

Back: the indexes and the columns are dropped (on SQLite in place: storage.migration_ops).
"""

from typing import Any

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from storage.migration_ops import AddColumn

_KEYS = {
    "experiments_by_author": "COALESCE(author_name, '')",
    "experiments_by_message": "SUBSTR(COALESCE(message, ''), 1, 200)",
}


def _postgres(editor: Any) -> bool:
    return bool(editor.client.capabilities.dialect == "postgres")


_TIES = {"": "created_at, id", "_newest": "created_at DESC, id DESC"}


async def _order_indexes(apps: Any, editor: Any) -> None:
    collate = ' COLLATE "C"' if _postgres(editor) else ""
    for name, key in _KEYS.items():
        for suffix, ties in _TIES.items():
            await editor.client.execute_script(
                f"CREATE INDEX IF NOT EXISTS {name}{suffix} ON experiments"
                f" (project_id, ({key}){collate}, {ties})"
            )


async def _drop_order_indexes(apps: Any, editor: Any) -> None:
    for name in _KEYS:
        for suffix in _TIES:
            await editor.client.execute_script(f"DROP INDEX IF EXISTS {name}{suffix}")


async def _first_parents(apps: Any, editor: Any) -> None:
    """Every branch's first-parent line, as storage.index keeps it."""
    postgres = _postgres(editor)
    parent = "(c.parents::json ->> 0)" if postgres else "json_extract(c.parents, '$[0]')"
    client = editor.client

    def mark(i: int) -> str:
        return f"${i}" if postgres else "?"

    _n, branches = await client.execute_query("SELECT id, project_id, sha FROM branches")
    for b in branches:
        await client.execute_query(
            f"UPDATE branch_commits SET first_parent = 1 WHERE branch_id = {mark(1)}"
            " AND commit_id IN (WITH RECURSIVE line(id, parent) AS ("
            f" SELECT c.id, {parent} FROM commits c WHERE c.project_id = {mark(2)}"
            f" AND c.sha = {mark(3)} UNION ALL SELECT c.id, {parent} FROM line"
            f" JOIN commits c ON c.project_id = {mark(4)} AND c.sha = line.parent)"
            " SELECT id FROM line)",
            [b["id"], b["project_id"], b["sha"], b["project_id"]],
        )


async def _nothing(apps: Any, editor: Any) -> None:
    """Back: the column goes with what it held."""


class Migration(migrations.Migration):
    dependencies = [("models", "0024_webhooks")]  # chained after main's 0024 when merged

    initial = False

    operations = [
        AddColumn(
            table="branch_commits",
            model_name="BranchCommit",
            name="first_parent",
            field=fields.SmallIntField(default=0, db_default=0),
        ),
        AddColumn(
            table="branches",
            model_name="Branch",
            name="hidden",
            field=fields.SmallIntField(default=0, db_default=0),
        ),
        ops.RunSQL(
            [
                "CREATE INDEX IF NOT EXISTS branch_first_parents"
                " ON branch_commits (branch_id, first_parent, commit_id)",
                "CREATE INDEX IF NOT EXISTS experiments_at_commit"
                " ON experiments (project_id, sha, kind, hidden)",
                "CREATE INDEX IF NOT EXISTS experiments_at_baseline"
                " ON experiments (project_id, baseline_sha, kind, hidden)",
            ],
            reverse_sql=[
                "DROP INDEX IF EXISTS branch_first_parents",
                "DROP INDEX IF EXISTS experiments_at_commit",
                "DROP INDEX IF EXISTS experiments_at_baseline",
            ],
        ),
        ops.RunPython(_order_indexes, reverse_code=_drop_order_indexes),
        ops.RunPython(_first_parents, reverse_code=_nothing),
    ]
