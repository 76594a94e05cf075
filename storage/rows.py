"""The plain rows a sync hands to storage (storage.index writes them).

Apart from storage.index so that the process reading a large sync's revisions
(sync.scan_process) builds them without importing the database layer (tortoise: ~20 MiB of
that process's memory).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class CommitRow:
    sha: str
    parents: list[str]
    author_name: str
    author_email: str
    authored_at: int
    committer_name: str
    committer_email: str
    committed_at: int
    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class ExperimentRow:
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
    data: dict[str, Any]  # params, metrics, errors, plots, deps, outs
    # Hidden by its message (sync.indexer.skips_studio). Never unhides a row: a row hidden
    # by hand stays hidden when it is written again (storage.index).
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class TagRow:
    name: str
    sha: str
    annotated: bool
    tagger_name: str | None
    tagger_email: str | None
    tagged_at: int | None
    message: str | None
    tagger_offset: int | None = None  # minutes east of UTC


@dataclass(slots=True)
class Membership:
    """How a sync changes which commits each branch holds (``branch_commits``)."""

    added: dict[str, list[str]] = field(default_factory=dict)  # branch -> shas it gains
    rebuilt: set[str] = field(default_factory=set)  # branches whose rows are replaced
    # New or rebuilt branch -> an unchanged branch whose rows it starts from.
    copied: dict[str, str] = field(default_factory=dict)
