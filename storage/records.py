"""Lightweight read records: what query functions return and the API layer maps to types.

Plain slotted dataclasses rather than ORM instances, so large pages cost little to build and
nested JSON stays an undecoded string until a client selects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

# What a project may be named (storage.queries.project_by_name, sync.service): fullmatch.
PROJECT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    id: int
    name: str
    repo_url: str
    subdir: str
    default_branch: str | None
    created_at: datetime
    last_synced_at: datetime | None
    last_sync_error: str | None
    sync_count: int
    skipped_columns: int = 0  # columns beyond GITSTUDIO_MAX_COLUMNS, not indexed
    # who may see and change it (storage.access.Owned)
    owner_user_id: int | None = None
    owner_team_id: int | None = None
    visibility: str = "PRIVATE"
    # What it imports (storage.project_settings reads them; migration 0021)
    import_since: int | None = None
    column_filter: str | None = None
    custom_files: str | None = None
    column_limit: int | None = None
    auto_hide_unchanged: int = 0
    reindex: int = 0  # 1: a settings change's full re-index has not finished
    # The sync lease (storage.leases): who holds it and until when (epoch seconds).
    sync_owner: str | None = None
    sync_lease_until: float | None = None


@dataclass(frozen=True, slots=True)
class BranchRecord:
    id: int
    project_id: int
    name: str
    sha: str
    hidden: int = 0  # 0 or 1 (storage.models.Branch.hidden)


@dataclass(frozen=True, slots=True)
class TagRecord:
    id: int
    project_id: int
    name: str
    sha: str
    annotated: bool
    tagger_name: str | None
    tagger_email: str | None
    tagged_at: int | None
    message: str | None
    tagger_offset: int = 0


@dataclass(frozen=True, slots=True)
class CommitRecord:
    id: int
    project_id: int
    sha: str
    parents_json: str
    author_name: str
    author_email: str
    authored_at: int
    committer_name: str
    committer_email: str
    committed_at: int
    commit_offset: int
    message: str

    @property
    def parents(self) -> list[str]:
        parents: list[str] = orjson.loads(self.parents_json)
        return parents


@dataclass(frozen=True, slots=True)
class ExperimentRecord:
    id: int
    project_id: int
    kind: str
    key: str
    sha: str | None
    baseline_sha: str | None
    name: str | None
    ref: str | None
    status: str
    author_name: str | None
    author_email: str | None
    message: str | None
    created_at: int
    params_json: str
    metrics_json: str
    errors_json: str
    plots_json: str
    deps_json: str
    outs_json: str
    revision_error_json: str | None
    experiment_rev: str | None = None
    last_step: int | None = None
    last_event_at: float | None = None
    hidden: int = 0  # 0, 1 or 2 (storage.models.Experiment.hidden, storage.hidden)

    def document(self, part: str) -> Any:
        return orjson.loads(getattr(self, f"{part}_json"))


# What the CSV export (gitstudio/experiments_csv.py) reads of a row of the table
# (storage.queries.export_rows()), in this order: the fields it writes (the author as it
# writes it, written by the database), of each of the two documents its columns are in the
# values of those columns as a JSON array or the document (None when no column is in it:
# storage.queries.ExportShape), nothing else (a row's errors, plots, deps and outs are most
# of what it stores), then the creation time as ISO 8601 text in UTC, which the database
# writes (None where it does not: a year of other than four digits). A plain tuple: a page
# of them is built and taken apart column by column for little.
EXPORT_FIELDS = ("kind", "sha", "name", "baseline_sha", "status", "author", "message",
                 "created_at", "params", "metrics", "created_at_text")  # fmt: skip
ExportRow = tuple[
    str,
    str | None,
    str | None,
    str | None,
    str,
    str,
    str | None,
    int,
    str | None,
    str | None,
    str | None,
]


def project_record(row: dict[str, Any]) -> ProjectRecord:
    return ProjectRecord(
        id=row["id"],
        name=row["name"],
        repo_url=row["repo_url"],
        subdir=row["subdir"],
        default_branch=row["default_branch"],
        created_at=_dt(row["created_at"]),
        last_synced_at=_dt(row["last_synced_at"]) if row["last_synced_at"] else None,
        last_sync_error=row["last_sync_error"],
        sync_count=row["sync_count"],
        skipped_columns=row.get("skipped_columns") or 0,
        owner_user_id=row["owner_user_id"],
        owner_team_id=row["owner_team_id"],
        visibility=row["visibility"],
        import_since=row.get("import_since"),
        column_filter=row.get("column_filter"),
        custom_files=row.get("custom_files"),
        column_limit=row.get("column_limit"),
        auto_hide_unchanged=row.get("auto_hide_unchanged") or 0,
        reindex=row.get("reindex") or 0,
        sync_owner=row.get("sync_owner"),
        sync_lease_until=row.get("sync_lease_until"),
    )


def _dt(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def branch_record(row: dict[str, Any]) -> BranchRecord:
    return BranchRecord(row["id"], row["project_id"], row["name"], row["sha"], row["hidden"])


def tag_record(row: dict[str, Any]) -> TagRecord:
    return TagRecord(
        row["id"],
        row["project_id"],
        row["name"],
        row["sha"],
        bool(row["annotated"]),
        row["tagger_name"],
        row["tagger_email"],
        row["tagged_at"],
        row["message"],
        row.get("tagger_offset") or 0,
    )


def commit_record(row: dict[str, Any]) -> CommitRecord:
    return CommitRecord(
        row["id"],
        row["project_id"],
        row["sha"],
        row["parents"],
        row["author_name"],
        row["author_email"],
        row["authored_at"],
        row["committer_name"],
        row["committer_email"],
        row["committed_at"],
        row["commit_offset"],
        row["message"],
    )


def experiment_record(row: dict[str, Any]) -> ExperimentRecord:
    return ExperimentRecord(
        row["id"],
        row["project_id"],
        row["kind"],
        row["key"],
        row["sha"],
        row["baseline_sha"],
        row["name"],
        row["ref"],
        row["status"],
        row["author_name"],
        row["author_email"],
        row["message"],
        row["created_at"],
        row["params"],
        row["metrics"],
        row["errors"],
        row["plots"],
        row["deps"],
        row["outs"],
        row["revision_error"],
        row["experiment_rev"],
        row["last_step"],
        row["last_event_at"],
        row["hidden"],
    )
