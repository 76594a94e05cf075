"""Live experiments: what one ``POST /api/live`` event carries once parsed, and the small
storage functions around it (project lookup rows, unknown repositories, images, the queries
behind ``/api/view-links``).

The write path of events themselves is :mod:`storage.metric_writer` (one group-commit writer
per process); everything here is low volume and runs directly.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from storage import db
from storage.errors import DomainError, redact
from storage.limits import limits
from storage.metrics import PointRow
from storage.sqlplan import Fetch, Plan, one, run_plan

EventType = Literal["start", "data", "done"]

# Statuses of a live row. RUNNING on start/data, COMPLETED/FAILED on done, STALE when silent.
RUNNING, COMPLETED, FAILED, STALE = "RUNNING", "COMPLETED", "FAILED", "STALE"
FINAL = frozenset({COMPLETED, FAILED})

_BATCH = 500


@dataclass(frozen=True, slots=True)
class ProjectRef:
    """What the live routes need of a project (cached per process)."""

    id: int
    name: str
    repo_url: str
    subdir: str


@dataclass(frozen=True, slots=True)
class ImageRow:
    path: str  # as sent: relative to the DVC root of the run
    step: int
    digest: str  # sha256 hex of the bytes, also the file name in the image store
    size: int


@dataclass(frozen=True, slots=True)
class FileErrorRow:
    file: str  # as sent: relative to the DVC root of the run
    type: str
    message: str


@dataclass(slots=True)
class LiveEvent:
    """One validated ``start``/``data``/``done`` event for an experiment identified by
    (project, baseline_sha, name). File keys stay as the client sent them (relative to the
    run's DVC root); the writer maps them onto the project's root."""

    type: EventType
    client: str
    project_id: int
    project_subdir: str
    baseline_sha: str
    name: str
    received_at: float = field(default_factory=time.time)
    step: int | None = None
    params: dict[str, Any] | None = None  # {file: {...}} full snapshots per file
    metrics: dict[str, Any] | None = None  # {file: {...}} ("data" already unwrapped)
    metric_errors: list[FileErrorRow] = field(default_factory=list)
    points: list[PointRow] = field(default_factory=list)
    images: list[ImageRow] = field(default_factory=list)
    message: str | None = None
    subdir: str | None = None  # DVC root relative to the git root (start only)
    experiment_rev: str | None = None  # done only

    @property
    def run_key(self) -> tuple[int, str, str]:
        return (self.project_id, self.baseline_sha, self.name)


def live_key(baseline_sha: str, name: str) -> str:
    """The ``key`` of a LIVE row within its project."""
    return f"live:{baseline_sha}/{name}"


def normalise_subdir(subdir: str | None) -> str:
    """``a/./b/`` -> ``a/b``; ``..`` parts are dropped (a key never leaves the repository)."""
    parts = [p for p in (subdir or "").replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def project_path(key: str, run_root: str, project_subdir: str) -> str:
    """Map a path relative to the run's DVC root onto the project's root (where the indexer
    keys params and metrics files). Identity in the usual case of equal roots."""
    if run_root == project_subdir:
        return key
    git_path = posixpath.normpath(posixpath.join(run_root, key)) if run_root else key
    if not project_subdir:
        return git_path
    rel = posixpath.relpath(git_path, project_subdir)
    return git_path if rel.startswith("..") else rel


# -- projects -------------------------------------------------------------------------------


async def load_projects() -> list[ProjectRef]:
    rows = await db.fetch("SELECT id, name, repo_url, subdir FROM projects ORDER BY id")
    return [ProjectRef(r["id"], r["name"], r["repo_url"], r["subdir"] or "") for r in rows]


async def projects_version() -> tuple[int, int]:
    """(count, highest id) of the projects: one cheap query that moves when a project is
    created, in any process, so a cached list of them knows when to reload."""
    rows = await db.fetch("SELECT COUNT(*) AS n, MAX(id) AS top FROM projects")
    return int(rows[0]["n"]), int(rows[0]["top"] or 0)


async def projects_with_run(project_ids: Sequence[int], baseline_sha: str, name: str) -> list[int]:
    """Which of these projects already hold the run (monorepos: several projects per repo)."""
    if not project_ids:
        return []
    marks = ", ".join("?" * len(project_ids))
    rows = await db.fetch(
        f"SELECT project_id FROM experiments WHERE project_id IN ({marks})"
        " AND baseline_sha = ? AND name = ? AND (key = ? OR last_event_at IS NOT NULL)"
        " ORDER BY id DESC",
        [*project_ids, baseline_sha, name, live_key(baseline_sha, name)],
    )
    return [r["project_id"] for r in rows]


async def count_unmatched(key: str, repo_url: str) -> None:
    """Count an event for a repository no project knows (upsert by its normalised key).

    Anyone with a live token can send any URL: each is kept truncated to
    ``unmatched_url_chars`` and the table to ``unmatched_max_rows`` rows, the least recently
    seen going first. Credentials in the URL are dropped: ADMIN tokens read this table."""
    bounds = limits()
    cut = min(bounds.unmatched_url_chars, _MAX_KEY)
    await db.execute(
        "INSERT INTO unmatched_repos (repo_key, repo_url, events, last_seen_at)"
        " VALUES (?, ?, 1, ?) ON CONFLICT (repo_key) DO UPDATE SET"
        " events = unmatched_repos.events + 1, repo_url = excluded.repo_url,"
        " last_seen_at = excluded.last_seen_at",
        [key[:cut], redact(repo_url)[: bounds.unmatched_url_chars], datetime.now(UTC)],
    )
    counted = await db.fetch("SELECT COUNT(*) AS n FROM unmatched_repos")
    if int(counted[0]["n"]) > bounds.unmatched_max_rows:
        await db.execute(
            "DELETE FROM unmatched_repos WHERE id NOT IN (SELECT id FROM unmatched_repos"
            " ORDER BY last_seen_at DESC, id DESC LIMIT ?)",
            [bounds.unmatched_max_rows],
        )


_MAX_KEY = 512  # unmatched_repos.repo_key (storage.models.UnmatchedRepo)


@dataclass(frozen=True, slots=True)
class UnmatchedRecord:
    repo_url: str
    events: int
    last_seen_at: datetime


async def unmatched(limit: int) -> list[UnmatchedRecord]:
    """Repository URLs live events named that no project matches, most recently seen first."""
    rows = await db.fetch(
        "SELECT repo_url, events, last_seen_at FROM unmatched_repos"
        " ORDER BY last_seen_at DESC, id DESC LIMIT ?",
        [limit],
    )
    return [
        UnmatchedRecord(r["repo_url"], int(r["events"]), _aware(r["last_seen_at"])) for r in rows
    ]


def _aware(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- images ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredImage:
    path: str
    step: int
    digest: str
    size: int


async def project_of_experiment(experiment_id: int) -> ProjectRef | None:
    """The project experiment ``experiment_id`` belongs to (whose readers see its images)."""
    rows = await db.fetch(
        "SELECT p.id, p.name, p.repo_url, p.subdir FROM experiments e"
        " JOIN projects p ON p.id = e.project_id WHERE e.id = ?",
        [experiment_id],
    )
    if not rows:
        return None
    r = rows[0]
    return ProjectRef(r["id"], r["name"], r["repo_url"], r["subdir"] or "")


async def find_image(experiment_id: int, path: str, step: int | None) -> StoredImage | None:
    """The image logged at ``path`` (the project-relative path, or its part under
    ``plots/images/``) at ``step``, or at the latest step when ``step`` is None."""
    rows = await db.fetch(
        "SELECT path, step, digest, size FROM live_images WHERE experiment_id = ?"
        " ORDER BY step DESC, id DESC",
        [experiment_id],
    )
    exact = [r for r in rows if r["path"] == path]
    candidates = exact or [r for r in rows if r["path"].endswith("plots/images/" + path)]
    for r in candidates:
        if step is None or r["step"] == step:
            return StoredImage(r["path"], r["step"], r["digest"], r["size"])
    return None


async def images_of(experiment_id: int, most: int) -> list[StoredImage] | None:
    """Every image a run logged, by path, then step; None when there are more than
    ``most``."""
    rows = await db.fetch(
        "SELECT path, step, digest, size FROM live_images WHERE experiment_id = ?"
        " ORDER BY path, step LIMIT ?",
        [experiment_id, most + 1],
    )
    if len(rows) > most:
        return None
    return [StoredImage(r["path"], r["step"], r["digest"], r["size"]) for r in rows]


async def image_paths(experiment_id: int, most: int) -> list[str]:
    """Up to ``most`` of the paths a run logged images at."""
    rows = await db.fetch(
        "SELECT DISTINCT path FROM live_images WHERE experiment_id = ? ORDER BY path LIMIT ?",
        [experiment_id, most],
    )
    return [r["path"] for r in rows]


# -- view links -------------------------------------------------------------------------------


async def live_runs_on(
    project_ids: Sequence[int], baselines: Sequence[str]
) -> list[dict[str, str]]:
    """LIVE rows whose baseline is one of ``baselines``: ``[{baseline_sha, name}]``."""
    out: list[dict[str, str]] = []
    for start in range(0, len(baselines), _BATCH):
        chunk = list(baselines[start : start + _BATCH])
        rows = await db.fetch(
            f"SELECT baseline_sha, name FROM experiments WHERE project_id IN"
            f" ({', '.join('?' * len(project_ids))}) AND kind = 'LIVE'"
            f" AND baseline_sha IN ({', '.join('?' * len(chunk))}) ORDER BY id",
            [*project_ids, *chunk],
        )
        out.extend({"baseline_sha": r["baseline_sha"], "name": r["name"]} for r in rows)
    return out


async def pushed_on(project_ids: Sequence[int], baselines: Sequence[str]) -> list[str]:
    """Commit shas of the experiment refs whose baseline is one of ``baselines``."""
    out: dict[str, None] = {}
    for start in range(0, len(baselines), _BATCH):
        chunk = list(baselines[start : start + _BATCH])
        rows = await db.fetch(
            f"SELECT sha FROM experiments WHERE project_id IN"
            f" ({', '.join('?' * len(project_ids))}) AND kind = 'EXPERIMENT'"
            f" AND baseline_sha IN ({', '.join('?' * len(chunk))}) AND sha IS NOT NULL"
            " ORDER BY id",
            [*project_ids, *chunk],
        )
        out.update(dict.fromkeys(r["sha"] for r in rows))
    return list(out)


def images_root(data_dir: Path) -> Path:
    """Where live images are stored under the data directory (gitstudio.live_images)."""
    return data_dir.resolve() / "live" / "images"


def image_file(root: Path, digest: str) -> Path:
    """An image's file under ``root``: by its sha256, in directories by the first two hex
    digits."""
    return root / digest[:2] / digest


# -- deleting a run -----------------------------------------------------------------------

# What deleteExperiment says of rows that are Git's (a commit, a pushed experiment ref).
GIT_ROWS = {
    "COMMIT": "this row is a Git commit: it is Git's, and leaves the table when no branch or"
    " tag reaches it any more (or hide it with hideRows)",
    "EXPERIMENT": "this experiment is a ref pushed to Git (refs/exps/...): it is Git's; delete"
    " the ref with `dvc exp remove --git-remote <remote> <name>` (or `git push <remote>"
    " --delete <ref>`), and the next sync removes the row",
}


async def delete_run(project_id: int, experiment_id: int) -> list[str]:
    """Delete the live run ``experiment_id`` of the project with its cells, metric steps
    and images (one transaction); the digests of its images no row holds any more (their
    files may go). A row of another kind is Git's: ``IN_GIT``, nothing deleted. A run that
    keeps sending events comes back as a new row (storage.metric_writer finds or creates
    it)."""
    return await run_plan(_delete_run(project_id, experiment_id))


def _delete_run(project_id: int, experiment_id: int) -> Plan[list[str]]:
    rows = yield Fetch(
        "SELECT kind FROM experiments WHERE id = ? AND project_id = ?", [experiment_id, project_id]
    )
    if not rows:
        raise DomainError("NOT_FOUND", "no such experiment in this project", "id")
    if rows[0]["kind"] in GIT_ROWS:
        raise DomainError("IN_GIT", GIT_ROWS[rows[0]["kind"]], "id")
    # The digests only this run holds, in one statement (not one parameter per digest: a run
    # may hold more images than a statement takes parameters); one pass over live_images
    # (no index on digest), the run's digests looked up in a set built from its rows.
    orphans = yield Fetch(
        "SELECT digest FROM live_images WHERE digest IN"
        " (SELECT digest FROM live_images WHERE experiment_id = ?) GROUP BY digest"
        " HAVING COUNT(*) = SUM(CASE WHEN experiment_id = ? THEN 1 ELSE 0 END)",
        [experiment_id, experiment_id],
    )
    # Children first: SQLite cascades only when foreign keys are on (they are not).
    for table in ("cells", "metric_steps", "live_images"):
        yield one(f"DELETE FROM {table} WHERE experiment_id = ?", [experiment_id])
    yield one("DELETE FROM experiments WHERE id = ?", [experiment_id])
    return [r["digest"] for r in orphans]
