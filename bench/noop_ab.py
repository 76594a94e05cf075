"""No-op syncs of one indexed project through real servers of two code trees, interleaved.

    python -m bench.noop_ab --code BEFORE --code AFTER [--repo DIR] [--db sqlite|postgres]
                            [--rounds 5] [--syncs 5] [--json FILE] [--keep DIR]

Indexes ``--repo`` once (createProject over HTTP, with the first ``--code``), then for each
round and each code tree in turn: start ``gitstudio serve`` from that tree on the same data
directory and database, time the first ``syncProject`` after the start (cold: nothing in
the process remembers the project) and ``--syncs`` more, stop it. Prints medians per code
tree with the load average. The code trees must share the database schema (a ``git
archive`` of a commit works: ``git archive REV | tar -x -C DIR``). ``--keep DIR`` keeps
the index there (and the PostgreSQL database: drop it yourself) for the next run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.scale import (
    SYNC,
    Api,
    ApiError,
    Database,
    create_indexed,
    drop_database,
    make_database,
    mint_token,
)
from bench.servers import Server, free_port, start


def serve(database: Database, repo: Path, code: Path, name: str) -> Server:
    port = free_port()
    env = database.env(repo)
    env["PYTHONPATH"] = str(code)
    command = [sys.executable, "-m", "gitstudio.cli", "serve"]
    command += ["--data-dir", str(database.data_dir), "--port", str(port)]
    log = database.data_dir.parent / f"{name}-{port}.log"
    return start(name, command, port, log, env, cwd=code, cpu=None)


async def timed(server: Server, token: str, gid: str, count: int) -> list[float]:
    """The first sync of ``server`` and ``count`` more, in seconds."""
    api = Api(server.url, token)
    try:
        return await syncs(api, gid, 1 + count)
    finally:
        await api.close()


async def indexed(server: Server, token: str, repo: Path) -> str:
    api = Api(server.url, token)
    try:
        return await create_indexed(api, repo, "scale")
    finally:
        await api.close()


async def syncs(api: Api, gid: str, count: int) -> list[float]:
    out = []
    for _ in range(count):
        seconds, data = await api.call(SYNC, {"id": gid})
        payload = data["syncProject"]
        if payload["errors"]:
            raise ApiError(str(payload["errors"]))
        sync = payload["sync"]
        if sync["newCommits"] or sync["refsChanged"]:
            raise ApiError(f"not a no-op: {sync}")
        out.append(seconds)
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    codes: list[Path] = [c.resolve() for c in args.code]
    kept = args.keep / "noop_ab.json" if args.keep else None
    if kept is not None and kept.exists():  # indexed by an earlier run
        saved = json.loads(kept.read_text())
        database = Database(args.db, Path(saved["data_dir"]), saved["url"], saved["pg_name"])
        token, gid = saved["token"], saved["gid"]
    else:
        root = args.keep or Path(tempfile.mkdtemp(prefix="noop_ab-"))
        root.mkdir(parents=True, exist_ok=True)
        database = make_database(args.db, root)
        os.environ["PYTHONPATH"] = str(codes[0])  # the CLI applies that tree's migrations
        token = mint_token(database, args.repo)
        server = serve(database, args.repo, codes[0], "index")
        try:
            gid = asyncio.run(indexed(server, token, args.repo))
        finally:
            server.stop()
        if kept is not None:
            saved = {"token": token, "gid": gid, "data_dir": str(database.data_dir)}
            saved |= {"url": database.url, "pg_name": database.pg_name}
            kept.write_text(json.dumps(saved))
        print(f"indexed ({args.db})", flush=True)
    figures: dict[str, dict[str, list[float]]] = {str(c): {"first": [], "then": []} for c in codes}
    loads = [os.getloadavg()]
    try:
        for round_ in range(args.rounds):
            for code in codes if round_ % 2 == 0 else codes[::-1]:
                server = serve(database, args.repo, code, f"r{round_}")
                try:
                    first, *then = asyncio.run(timed(server, token, gid, args.syncs))
                finally:
                    server.stop()
                figures[str(code)]["first"].append(first)
                figures[str(code)]["then"] += then
                print(
                    f"round {round_} {code.name}: first {first * 1000:.0f} ms, then"
                    f" {' '.join(f'{t * 1000:.0f}' for t in then)} ms;"
                    f" load {os.getloadavg()[0]:.2f}",
                    flush=True,
                )
            loads.append(os.getloadavg())
    finally:
        if not args.keep:
            drop_database(database)
    summary = {
        code: {k: round(statistics.median(v) * 1000, 1) for k, v in f.items()}
        for code, f in figures.items()
    }
    for code, s in summary.items():
        print(f"{args.db} {code}: first after start {s['first']} ms, no-op {s['then']} ms")
    print(f"load averages {[tuple(round(x, 2) for x in lo) for lo in loads]}")
    return {"db": args.db, "summary": summary, "samples": figures, "loads": loads}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, action="append", required=True)
    # bench/scale.py's cached repository (its --cache default)
    default = Path(tempfile.gettempdir()) / "scale" / "repo10000"
    parser.add_argument("--repo", type=Path, default=default)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--syncs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--keep", type=Path, help="a directory keeping the index (and database) for later runs"
    )
    arguments = parser.parse_args()
    out = run(arguments)
    if arguments.json:
        arguments.json.write_text(json.dumps(out, indent=1))
