"""Bounds on what indexing and ingest store and on how long writes and job results may
hold on, set once per process from the settings.

``gitstudio.settings`` is the one source of every bound and its documented default
(``GITSTUDIO_MAX_PARSE_FILE_BYTES``, ``GITSTUDIO_MAX_COLUMNS``, ``GITSTUDIO_MAX_COLUMN_GLOBS``,
``GITSTUDIO_MAX_CUSTOM_FILES``, ``GITSTUDIO_UNMATCHED_URL_CHARS``,
``GITSTUDIO_UNMATCHED_MAX_ROWS``, ``GITSTUDIO_PUSH_TIMEOUT_SECONDS``,
``GITSTUDIO_JOB_RESULTS_KEPT_HOURS``, ``GITSTUDIO_MAX_VIEWS_PER_PROJECT`` and the other bounds of
saved views, ``GITSTUDIO_MAX_BRANCH_ORDER_BRANCHES``, the write policy's). The layers below
the app cannot import it, so the bounds dataclasses here and in sync.write_policy have no
defaults: their fields are named as the settings and :func:`from_settings` builds them. The
app and the CLI call :func:`configure` with the settings at start; reading a bound before
that is an error, never a silently different default.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    Bounds = TypeVar("Bounds", bound=DataclassInstance)


@dataclass(frozen=True, slots=True)
class Limits:
    max_parse_file_bytes: int  # larger files are not parsed
    max_columns: int  # param + metric columns indexed per project (a project's columnLimit: fewer)
    max_column_globs: int  # globs in each list of a project's columns setting
    max_custom_files: int  # files a project's customFiles setting declares
    unmatched_url_chars: int  # characters kept of an unmatched repository URL
    unmatched_max_rows: int  # rows kept of unmatched repository URLs
    push_timeout_seconds: float  # a push into a local repository (its hooks) may take
    job_results_kept_hours: float  # queued syncs' results kept for their waiters
    plot_max_file_values: int  # values (cells, rows, nested) read of one plot data file
    plot_max_chart_values: int  # values of all the rows' plot data in one request
    max_views_per_project: int  # shared saved views of a project
    max_views_per_user: int  # one user's own saved views of a project
    max_view_name_chars: int  # characters of a saved view's name
    max_view_bytes: int  # bytes of a saved view's state as JSON
    remote_timeout_seconds: float  # one read from a DVC remote may take
    remote_cache_bytes: int  # objects read from DVC remotes kept on disk, in all
    remote_setting_max_bytes: int  # one value configureRemote keeps
    max_branch_order_branches: int  # branches a BRANCH-ordered page walks, at most


_settings: object | None = None
_current: Limits | None = None


def from_settings(kind: type[Bounds], settings: object) -> Bounds:
    """A bounds dataclass ``kind``, every field the setting of the same name."""
    missing = [f.name for f in fields(kind) if not hasattr(settings, f.name)]
    if missing:
        raise TypeError(f"{kind.__name__}: no setting {', '.join(missing)}")
    return kind(**{f.name: getattr(settings, f.name) for f in fields(kind)})


def configure(settings: object) -> Limits:
    """Take this process's bounds from ``settings`` (gitstudio.settings.Settings)."""
    global _settings, _current
    _current = from_settings(Limits, settings)
    _settings = settings
    return _current


def limits() -> Limits:
    if _current is None:
        raise RuntimeError("storage.limits.configure(settings) was not called")
    return _current


def configured(kind: type[Bounds]) -> Bounds:
    """``kind`` built from the settings given to :func:`configure` (tools that make a
    ProjectSyncer without their own write bounds)."""
    if _settings is None:
        raise RuntimeError("storage.limits.configure(settings) was not called")
    return from_settings(kind, _settings)
