"""What a project imports (updateProject, issue 15): its settings as stored on ``projects``
(migration 0021), how they are read back, and how changing them is written.

- ``import_since``: commits committed before it are not indexed (sync.indexer.plan);
- ``column_filter``: ``{"include": [glob], "exclude": [glob]}``, fnmatch globs (case
  sensitive) over a column as ``FILE:PATH`` and as its id ``KIND:FILE:PATH``: a column is
  stored as cells when it matches an include glob (any, when there is none) and no exclude
  glob (:func:`storage.cells.admit_columns` asks :meth:`ColumnFilter.admits`); the
  ``params``/``metrics`` JSON of a row keep every value;
- ``custom_files``: ``[{"path", "kind"}]`` read as params or metrics files besides DVC's
  (sync.dvcproject.collect_revision);
- ``column_limit``: the project's column cap, at most GITSTUDIO_MAX_COLUMNS (NULL: that);
- ``auto_hide_unchanged``: a commit row whose params, metrics and deps (dvc.lock's hashes)
  equal its first parent's is hidden with ``experiments.hidden = 2`` (:func:`auto_hide`),
  shown again when the setting is turned off.

A change of what is imported asks for a full re-index: the stored tips are emptied and
marked partial (storage.index.PARTIAL), so the next sync reads every revision again, rewrites
each row in place (ids, hidden-by-hand and live links stay) and prunes what its refs no
longer reach (with ``import_since``: the older commits); ``reindex`` says it is due until
that sync's final write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError

from storage.cells import MAX_FILE, MAX_PATH, ColumnFilter, column_filter
from storage.errors import DomainError
from storage.hidden import UNCHANGED, auto_hide
from storage.index import PARTIAL
from storage.records import ProjectRecord
from storage.sqlplan import Fetch, Plan, one, run_plan

PARAMS, METRICS = "params", "metrics"
# The longest glob worth keeping: a column id is at most "metric:" + file + ":" + path.
MAX_GLOB_CHARS = len("metric:") + MAX_FILE + 1 + MAX_PATH
MAX_CUSTOM_PATH = MAX_FILE  # a longer file never makes a column (storage.cells.fits)
# File names DVC parses as params or metrics (sync.formats.kind_of; .py: params only).
CUSTOM_SUFFIXES = {PARAMS: (".json", ".yaml", ".yml", ".toml", ".py"),
                   METRICS: (".json", ".yaml", ".yml", ".toml")}  # fmt: skip
# The tips of a project whose next sync re-reads everything: none, marked partial.
REINDEX_TIPS = orjson.dumps({PARTIAL: "1"}).decode()


@dataclass(frozen=True, slots=True)
class CustomFile:
    path: str
    kind: str  # PARAMS or METRICS


@dataclass(frozen=True, slots=True)
class ProjectSettings:
    """A project's import settings as the API shows them."""

    import_since: int | None = None
    columns: ColumnFilter = field(default_factory=ColumnFilter)
    custom_files: tuple[CustomFile, ...] = ()
    column_limit: int | None = None
    auto_hide_unchanged: bool = False


@lru_cache(maxsize=1024)
def custom_files(stored: str | None) -> tuple[CustomFile, ...]:
    if not stored:
        return ()
    return tuple(CustomFile(f["path"], f["kind"]) for f in orjson.loads(stored))


def settings_of(project: ProjectRecord) -> ProjectSettings:
    return ProjectSettings(
        import_since=project.import_since,
        columns=column_filter(project.column_filter),
        custom_files=custom_files(project.custom_files),
        column_limit=project.column_limit,
        auto_hide_unchanged=bool(project.auto_hide_unchanged),
    )


def stored_filter(include: Sequence[str], exclude: Sequence[str]) -> str | None:
    """``projects.column_filter`` of these globs (NULL: every column)."""
    if not include and not exclude:
        return None
    return orjson.dumps({"include": list(include), "exclude": list(exclude)}).decode()


def stored_files(files: Sequence[CustomFile]) -> str | None:
    if not files:
        return None
    return orjson.dumps([{"path": f.path, "kind": f.kind} for f in files]).decode()


@dataclass(frozen=True, slots=True)
class Change:
    """What updateProject writes, every value checked: ``values`` are projects columns and
    their new values; the flags say what else the change does."""

    values: dict[str, Any]
    reindex: bool = False  # what is imported changed: a full re-index is due
    drop_cells: bool = False  # which columns are stored changed: cells are stored anew
    forget_registry: bool = False  # the default branch changed: its models are read again
    auto_hide: bool | None = None  # autoHideUnchanged turned on (True) or off (False)


async def reconfigure(project_id: int, change: Change) -> None:
    """Write ``change`` in one transaction (a name taken meanwhile: DUPLICATE, nothing
    written). The caller holds the project's lease, so no sync writes meanwhile."""
    try:
        await run_plan(_reconfigure(project_id, change))
    except IntegrityError:  # the name was taken between the check and the write
        raise name_taken(str(change.values.get("name"))) from None


def _reconfigure(project_id: int, change: Change) -> Plan[None]:
    values = dict(change.values)
    name = values.get("name")
    if name is not None:
        taken = yield Fetch(
            "SELECT id FROM projects WHERE name = ? AND id <> ?", [name, project_id]
        )
        if taken:
            raise name_taken(name)
    if change.reindex:
        values.update(ref_tips=REINDEX_TIPS, reindex=1)
    if change.forget_registry:
        values["registry"] = None
    if change.drop_cells:
        values["skipped_columns"] = 0
    if values:
        sets = ", ".join(f"{column} = ?" for column in values)
        yield one(f"UPDATE projects SET {sets} WHERE id = ?", [*values.values(), project_id])
    if change.drop_cells:  # the re-index stores them again under the new columns setting
        yield one(
            "DELETE FROM cells WHERE experiment_id IN (SELECT id FROM experiments"
            " WHERE project_id = ? AND kind <> 'LIVE')",
            [project_id],
        )
    if change.auto_hide is False or (change.reindex and change.auto_hide is None):
        # Off, or the rows are read again (their params may differ): shown until judged.
        yield one(
            "UPDATE experiments SET hidden = 0 WHERE project_id = ? AND hidden = ?",
            [project_id, UNCHANGED],
        )
    if change.auto_hide and not change.reindex:  # the stored rows say it all: no re-index
        yield from auto_hide(project_id, None)


def name_taken(name: str) -> DomainError:
    return DomainError("DUPLICATE", f"a project named {name!r} already exists", "name")
