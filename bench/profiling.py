"""Writing cProfile results next to latest.json (only with ``--profile``)."""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path


def write_profile(stats: cProfile.Profile | pstats.Stats, path: Path, limit: int = 35) -> Path:
    """``path``.prof (for snakeviz / pstats) and ``path``.txt (top functions, two orders)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(stats, cProfile.Profile):
        stats.dump_stats(path.with_suffix(".prof"))
        loaded = pstats.Stats(stats)
    else:
        stats.dump_stats(path.with_suffix(".prof"))
        loaded = stats
    out = io.StringIO()
    loaded.stream = out  # type: ignore[attr-defined]
    for order in ("cumulative", "tottime"):
        out.write(f"==== sorted by {order} ====\n")
        loaded.sort_stats(order).print_stats(limit)
    text_path = path.with_suffix(".txt")
    text_path.write_text(out.getvalue())
    return text_path


def write_profiles(
    profiles: dict[str, cProfile.Profile], directory: Path, prefix: str
) -> list[str]:
    """One pair of files per phase; returns the text files written."""
    return [
        str(write_profile(profile, directory / f"profile-{prefix}-{phase}"))
        for phase, profile in sorted(profiles.items())
    ]
