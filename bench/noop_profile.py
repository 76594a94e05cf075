"""Profile repeated no-op syncs of an indexed project, in process (no HTTP).

    python -m bench.noop_profile --data DIR [--db URL] [--repo DIR] [--syncs 5] [--profile]

The first run indexes ``--repo`` into ``--data`` (SQLite there unless ``--db``) and keeps
it; later runs reuse it and only time (or cProfile) no-op syncs.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from gitstudio.settings import Settings
from storage import db, limits
from storage.models import Project
from sync.git import Credentials
from sync.service import ProjectSyncer


async def main(args: argparse.Namespace) -> None:
    limits.configure(Settings())
    data: Path = args.data
    data.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite://{data / 'gitstudio.db'}"
    await db.init_db(url)
    syncer = ProjectSyncer(data / "mirrors", Credentials(), lease_wait=600)
    project = await Project.get_or_none(name="scale")
    if project is None:
        project = await Project.create(name="scale", repo_url=str(args.repo.resolve()))
        began = time.perf_counter()
        await syncer.sync(project)
        print(f"indexed in {time.perf_counter() - began:.1f} s")
    with open("/proc/loadavg") as load:
        print(f"load average {' '.join(load.read().split()[:3])}")
    profile = cProfile.Profile() if args.profile else None
    times = []
    for _ in range(args.syncs):
        project = await Project.get(name="scale")
        began = time.perf_counter()
        if profile:
            profile.enable()
        report = await syncer.sync(project)
        if profile:
            profile.disable()
        times.append(time.perf_counter() - began)
        assert report.refs_changed == 0 and report.new_commits == 0, report
    print(
        "no-op syncs ms:",
        " ".join(f"{t * 1000:.0f}" for t in times),
        f"median {statistics.median(times) * 1000:.0f}",
    )
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
    await db.close_db()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tmp = Path(tempfile.gettempdir())
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--db", default="")
    parser.add_argument("--repo", type=Path, default=tmp / "index_scale" / "repo10000-tags")
    parser.add_argument("--syncs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    os.environ.setdefault("GITSTUDIO_LEASE_WAIT", "600")
    asyncio.run(main(parser.parse_args()))
