"""A live run posted for a repository with several projects (a monorepo) reaches every
project whose sub-directory is the run's DVC root, as Studio shows it: each gets its own
live row and series, and liveMetrics subscribers of each project see the run. Projects of
other sub-directories (and the root project, when a project matches exactly) get nothing.
The real app in process, its websocket over ASGI, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from asgi_ws import raw_asgi_websocket
from live_support import event, live_rows, new_project, points_of, post_live, rows, state_of
from support import Api, StatementCounter

from schema.relay import to_global_id
from storage import db

LIVE = """subscription($p: ID!) { liveMetrics(projectId: $p) { type step metrics
  experiment { name } } }"""


async def _ok(api: Api, body: dict[str, Any]) -> None:
    response = await post_live(api, body)
    assert response.status_code == 200, response.text
    assert response.content == b"{}"


async def _id(name: str) -> int:
    return int((await db.fetch("SELECT id FROM projects WHERE name = ?", [name]))[0]["id"])


async def test_a_monorepo_run_reaches_every_project_of_its_subdir(
    api: Api, tmp_path: Path, unique: str
) -> None:
    repo, root, baseline = await new_project(api, tmp_path, f"mlive-root-{unique}")
    ids: dict[str, int] = {}
    for label, subdir in (("a", "vision"), ("b", "vision"), ("nlp", "nlp")):
        name = f"mlive-{label}-{unique}"
        await api.create_project(repo, name, subdir)
        ids[label] = await _id(name)
    base = (str(repo), baseline, "shared-run")
    app = api.client._transport.app  # type: ignore[attr-defined]
    async with raw_asgi_websocket(app) as ws_a, raw_asgi_websocket(app) as ws_b:
        for ws, label in ((ws_a, "a"), (ws_b, "b")):
            auth = {"Authorization": f"token {api.token}"}
            await ws.send({"type": "connection_init", "payload": auth})
            assert (await ws.receive())["type"] == "connection_ack"
            variables = {"p": to_global_id("Project", ids[label])}
            await ws.send({"id": "1", "type": "subscribe",
                           "payload": {"query": LIVE, "variables": variables}})  # fmt: skip
        # DVC's start carries the run's DVC root; DVCLive's data events carry none.
        await _ok(api, event("start", *base, client="dvc", subdir="vision"))
        # Another instance (or a restarted one) has not seen the start: the database says.
        state_of(api).caches.live_runs.clear()
        for step in range(3):
            await _ok(
                api,
                event("data", *base, step=step, plots=rows("loss", (step, 1 / (step + 1)))),
            )
        await _ok(api, event("done", *base))
        for ws in (ws_a, ws_b):
            seen: list[tuple[str, int | None]] = []
            while not seen or seen[-1][0] != "DONE":
                frame = await ws.receive()
                assert frame["type"] == "next", frame
                got = frame["payload"]["data"]["liveMetrics"]
                assert got["experiment"]["name"] == "shared-run"
                seen.append((got["type"], got["step"]))
            assert seen == [("START", None), ("DATA", 0), ("DATA", 1), ("DATA", 2), ("DONE", 2)]
    for label in ("a", "b"):
        (row,) = await live_rows(ids[label])
        assert (row["name"], row["status"]) == ("shared-run", "COMPLETED")
        assert len(await points_of(row["id"])) == 3
    assert await live_rows(ids["nlp"]) == []
    assert await live_rows(root) == []  # the vision projects match exactly


async def test_runs_without_a_subdir_reach_every_root_project(
    api: Api, tmp_path: Path, unique: str
) -> None:
    """DVCLive alone (a script, ``dvc repro``) sends no subdir: the run is the root's."""
    repo, first, baseline = await new_project(api, tmp_path, f"mlive-r1-{unique}")
    await api.create_project(repo, f"mlive-r2-{unique}")
    await api.create_project(repo, f"mlive-sub-{unique}", "vision")
    second, sub = await _id(f"mlive-r2-{unique}"), await _id(f"mlive-sub-{unique}")
    base = (str(repo), baseline, "plain-script")
    await _ok(api, event("start", *base))
    await _ok(api, event("data", *base, step=0, plots=rows("acc", (0, 0.5))))
    for pid in (first, second):
        (row,) = await live_rows(pid)
        assert len(await points_of(row["id"])) == 1
    assert await live_rows(sub) == []


RUN_LOOKUP = "FROM experiments WHERE project_id IN"  # storage.live.projects_with_run


async def test_one_project_per_repository_asks_nothing_more(
    api: Api, tmp_path: Path, unique: str, sql_counter: StatementCounter
) -> None:
    """The hot path: a repository of one project neither looks the run up nor caches it;
    a monorepo's events look the run up only when the app does not know it."""
    repo, _pid, baseline = await new_project(api, tmp_path, f"mlive-one-{unique}")
    base = (str(repo), baseline, "solo")
    await _ok(api, event("start", *base))
    for step in range(3):
        await _ok(api, event("data", *base, step=step, plots=rows("acc", (step, 0.5))))
    assert not [s for s in sql_counter.statements if RUN_LOOKUP in s]
    mono, _root, head = await new_project(api, tmp_path, f"mlive-two-{unique}")
    await api.create_project(mono, f"mlive-two-b-{unique}")
    shared = (str(mono), head, "shared")
    await _ok(api, event("start", *shared))
    state_of(api).caches.live_runs.clear()
    for step in range(3):
        await _ok(api, event("data", *shared, step=step, plots=rows("acc", (step, 0.5))))
    # The start of a new run (is it some project's already?) and the first event after the
    # cache was emptied; the other events follow the cache.
    assert len([s for s in sql_counter.statements if RUN_LOOKUP in s]) == 2
