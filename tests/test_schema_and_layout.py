"""The checked-in SDL matches the code, and no installed distribution shadows our packages."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import schema

ROOT = Path(__file__).resolve().parent.parent
OURS = {"schema", "resolvers", "sync", "storage", "gitstudio"}


def test_schema_graphql_is_up_to_date() -> None:
    exported = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", "export-schema"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert exported == (ROOT / "schema.graphql").read_text(), (
        "schema.graphql is stale: run `gitstudio export-schema > schema.graphql`"
    )
    assert exported.strip() == schema.schema.as_str().strip()


def _top_level_modules(dist: metadata.Distribution) -> set[str]:
    names: set[str] = set()
    top_level = dist.read_text("top_level.txt")
    if top_level:
        names.update(line.strip() for line in top_level.splitlines() if line.strip())
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or parts[0].endswith((".dist-info", ".egg-info", ".data")) or parts[0] == "..":
            continue
        first = parts[0]
        names.add(first[:-3] if first.endswith(".py") and len(parts) == 1 else first)
    return names


def test_no_installed_distribution_provides_our_top_level_names() -> None:
    clashes = {
        (dist.metadata["Name"], name)
        for dist in metadata.distributions()
        if (dist.metadata["Name"] or "").lower() != "gitstudio"
        for name in _top_level_modules(dist) & OURS
    }
    assert clashes == set()


def test_our_packages_are_the_ones_imported() -> None:
    import gitstudio
    import resolvers
    import storage
    import sync

    for module in (gitstudio, resolvers, schema, storage, sync):
        assert Path(module.__file__ or "").resolve().parent.parent == ROOT, module
