"""Bounds on what indexing and ingest store, set once per process from the settings.

The layers below the app (sync/, storage/) read them here; ``gitstudio.settings`` holds
their documented defaults (``GITSTUDIO_MAX_PARSE_FILE_BYTES``, ``GITSTUDIO_MAX_COLUMNS``,
``GITSTUDIO_UNMATCHED_URL_CHARS``, ``GITSTUDIO_UNMATCHED_MAX_ROWS``) and the app and the CLI
call :func:`configure` with them at start.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Limits:
    max_parse_file_bytes: int = 10 * 1024 * 1024  # larger files are not parsed
    max_columns: int = 500  # param + metric columns indexed per project
    unmatched_url_chars: int = 2000  # characters kept of an unmatched repository URL
    unmatched_max_rows: int = 1000  # rows kept of unmatched repository URLs


_current = Limits()


def limits() -> Limits:
    return _current


def configure(source: object) -> Limits:
    """Take every limit ``source`` (the settings) has an attribute for."""
    global _current
    values = {f.name: getattr(source, f.name) for f in fields(Limits) if hasattr(source, f.name)}
    _current = replace(Limits(), **values)
    return _current
