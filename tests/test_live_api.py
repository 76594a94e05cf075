"""POST /api/live in process, on SQLite and PostgreSQL: the wire contract dvc-studio-client
relies on (exactly 200 {}), what gets stored, auth, validation, limits, unknown repositories,
status changes and the events published after each commit."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from live_support import (
    event,
    live_rows,
    new_project,
    png,
    points_of,
    post_live,
    rows,
    state_of,
    stored_points,
    token_with,
    writer_of,
)
from support import Api, eventually

from gitstudio.app import create_app
from gitstudio.settings import from_env
from storage import db
from storage.bus import EventBus
from storage.events import decode, experiments_channel, live_channel
from storage.metric_writer import MetricWriter, StaleSweeper
from storage.models import Project
from storage.tokens import Scope, create_token, revoke_token


@dataclass
class Proj:
    repo: Path
    id: int
    baseline: str
    name: str

    @property
    def url(self) -> str:
        return str(self.repo)


@pytest.fixture(scope="module")
async def proj(api: Api, tmp_path_factory: pytest.TempPathFactory) -> Proj:
    name = f"live-{api.backend}-{time.monotonic_ns() % 10**8}"
    repo, pid, baseline = await new_project(api, tmp_path_factory.mktemp("live"), name)
    return Proj(repo, pid, baseline, name)


async def run_row(p: Proj, name: str) -> dict[str, Any] | None:
    found = [r for r in await live_rows(p.id) if r["name"] == name]
    return found[0] if found else None


async def ok(api: Api, body: Any, token: str | None = None) -> None:
    response = await post_live(api, body, token)
    assert response.status_code == 200, response.text
    assert response.content == b"{}"
    assert response.headers["content-type"] == "application/json"


class Collector:
    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self._tasks: list[asyncio.Task[None]] = []

    async def listen(self, bus: EventBus, channel: str) -> None:
        sub = await bus.subscribe(channel)

        async def pump() -> None:
            async for message in sub:
                self.messages.append(decode(message))

        self._tasks.append(asyncio.create_task(pump()))

    async def settle(self, api: Api) -> None:
        await writer_of(state_of(api)).stop()  # drains the queue and the publisher
        for task in self._tasks:
            task.cancel()


@pytest.fixture
async def collector() -> AsyncIterator[Collector]:
    c = Collector()
    yield c
    for task in c._tasks:
        task.cancel()


async def test_plain_dvclive_timeline(api: Api, proj: Proj, collector: Collector) -> None:
    bus = state_of(api).bus
    await collector.listen(bus, live_channel(proj.id))
    await collector.listen(bus, experiments_channel(proj.id))
    name = "fluid-heck"
    base = (proj.url, proj.baseline, name)
    await ok(api, event("start", *base, message="plain script message"))
    row = await run_row(proj, name)
    assert row is not None
    assert (row["kind"], row["status"], row["key"]) == (
        "LIVE",
        "RUNNING",
        f"live:{proj.baseline}/{name}",
    )
    assert row["message"] == "plain script message"
    params = {"dvclive/params.yaml": {"epochs": 3, "lr": 0.1}}
    for step in range(3):
        summary = {"train": {"loss": 1 / (step + 1), "acc": 0.5 + step / 10}, "step": step}
        await ok(
            api,
            event(
                "data",
                *base,
                step=step,
                params=params,
                metrics={"dvclive/metrics.json": {"data": summary}},
            ),
        )
        loss: Any = "nan" if step == 1 else 1 / (step + 1)
        plots = {
            **rows("train/loss", (step, loss)),
            **rows("train/acc", (step, 0.5 + step / 10)),
        }
        plots["dvclive/plots/metrics/train/acc.tsv"]["data"][0]["timestamp"] = "1700000000123"
        if step == 2:  # a previous post "failed": rows resent with the next one
            plots = {
                **rows("train/loss", (1, "nan"), (2, loss)),
                **rows("train/acc", (0, 0.5), (1, 0.6), (2, 0.7)),
            }
        await ok(api, event("data", *base, step=step, plots=plots))
    # Live.end(): the last step again with a new summary and empty plot lists, then done.
    final = {"train": {"loss": 1 / 3, "acc": 0.7}, "step": 2, "best_acc": 0.7}
    await ok(
        api,
        event(
            "data", *base, step=2, params=params, metrics={"dvclive/metrics.json": {"data": final}}
        ),
    )
    await ok(api, event("data", *base, step=2, plots={**rows("train/loss"), **rows("train/acc")}))
    await ok(api, event("done", *base, experiment_rev="e38e3b4716977888a21008667094903297f056ef"))

    row = await run_row(proj, name)
    assert row is not None
    assert row["status"] == "COMPLETED"
    assert row["experiment_rev"] == "e38e3b4716977888a21008667094903297f056ef"
    assert row["last_step"] == 2
    assert orjson.loads(row["params"]) == params
    assert orjson.loads(row["metrics"]) == {"dvclive/metrics.json": final}
    assert await points_of(row["id"]) == [
        ("train/acc", 0, 0.5, None),
        ("train/acc", 1, 0.6, None),
        ("train/acc", 2, 0.7, None),
        ("train/loss", 0, 1.0, None),
        ("train/loss", 1, None, "nan"),
        ("train/loss", 2, 1 / 3, None),
    ]
    stamps = {(n, s): stamp for n, s, _v, _t, stamp in await stored_points(row["id"])}
    assert stamps[("train/acc", 0)] == pytest.approx(1700000000.123)
    cells = await db.fetch(
        "SELECT kind, file, path, num FROM cells WHERE experiment_id = ? ORDER BY kind, path",
        [row["id"]],
    )
    assert ("metric", "dvclive/metrics.json", "best_acc", 0.7) in [
        (c["kind"], c["file"], c["path"], c["num"]) for c in cells
    ]

    await collector.settle(api)
    mine = [m for m in collector.messages if m["experimentId"] == row["id"]]
    live = [(m["type"], m["step"]) for m in mine if m["kind"] == "live"]
    assert live[0] == ("START", None) and live[-1] == ("DONE", 2)
    data_steps = [s for t, s in live if t == "DATA"]
    assert sorted(set(data_steps)) == [0, 1, 2]
    step1 = [m["metrics"] for m in mine if m["kind"] == "live" and m["step"] == 1]
    assert step1 == [{"train/loss": 0.5, "train/acc": 0.6}]  # from the summary (chunk 1) only
    # Each (step, metric) is published once: the plot rows of a step whose summary came
    # first, the rows resent at step 2 and the final summary's old names are not news.
    published = [
        (m["step"], name) for m in mine if m["kind"] == "live" and m["type"] == "DATA"
        for name in m["metrics"]
    ]  # fmt: skip
    assert len(published) == len(set(published)), published
    assert (2, "best_acc") in published  # the final summary's new name is
    changes = [m["change"] for m in mine if m["kind"] == "experiment"]
    assert changes == ["CREATED", "STATUS"]


async def test_auth_is_required_and_scoped(api: Api, proj: Proj) -> None:
    name = "auth-run"
    body = event("start", proj.url, proj.baseline, name)
    missing = await api.client.post("/api/live", json=body)
    assert missing.status_code == 401 and "detail" in missing.json()
    wrong = await post_live(api, body, "dsat_" + "x" * 48)
    assert wrong.status_code == 401 and "detail" in wrong.json()
    basic = await api.client.post("/api/live", json=body, headers={"Authorization": "Basic abc"})
    assert basic.status_code == 401
    for scopes in ((Scope.READ,), (Scope.MODELS,), (Scope.PROJECTS,)):
        refused = await post_live(api, body, await token_with(*scopes))
        assert refused.status_code == 403, scopes
        assert "EXPERIMENTS" in refused.json()["detail"]
    assert await run_row(proj, name) is None

    await ok(api, body, await token_with(Scope.EXPERIMENTS))
    bearer = await api.client.post(
        "/api/live",
        json=body,
        headers={"Authorization": f"Bearer {await token_with(Scope.ADMIN)}"},
    )
    assert bearer.status_code == 200
    assert await run_row(proj, name) is not None


async def test_token_cache_honours_revocation(api: Api) -> None:
    from datetime import UTC, datetime

    from storage import tokens
    from storage.models import AccessToken

    cache = tokens.token_cache(100, ttl=0.3)
    row, token = await create_token("cached", frozenset({Scope.EXPERIMENTS}))
    assert await tokens.authenticate(token, cache) is not None
    # Revoked by another process: only the database changes, the cache here holds for its TTL.
    await AccessToken.filter(id=row.id).update(revoked_at=datetime.now(UTC))
    assert await tokens.authenticate(token, cache) is not None
    deadline = time.monotonic() + 5  # then the TTL runs out and the database answers
    while await tokens.authenticate(token, cache) is not None:
        assert time.monotonic() < deadline, "the cached principal never expired"
        await asyncio.sleep(0.02)
    # Revoked in this process: at once.
    row, token = await create_token("cached-2", frozenset({Scope.EXPERIMENTS}))
    assert await tokens.authenticate(token, cache) is not None
    await revoke_token(row.id)
    assert await tokens.authenticate(token, cache) is None


MALFORMED: list[tuple[str, Any]] = [
    ("not json", b"{nope"),
    ("array", [1, 2]),
    ("type", {"type": "interrupt"}),
    ("repo_url", {"repo_url": 3}),
    ("sha", {"baseline_sha": "xyz"}),
    ("short sha", {"baseline_sha": "a" * 39}),
    ("name", {"name": None}),
    ("no step", {"type": "data", "step": None}),
    ("string step", {"type": "data", "step": "3"}),
    ("bool step", {"type": "data", "step": True}),
    ("params", {"params": {"params.yaml": [1]}}),
    ("metrics", {"metrics": {"m.json": {"data": [1]}}}),
    ("metric error", {"metrics": {"m.json": {"error": {"cls": 1}}}}),
    ("plots", {"type": "data", "step": 1, "plots": []}),
    ("row", {"type": "data", "step": 1, "plots": {"dvclive/plots/metrics/l.tsv": {"data": [3]}}}),
    # a row without a step is left out, not refused: test_a_plot_row_without_a_step_...
    (
        "value",
        {
            "type": "data",
            "step": 1,
            "plots": {"dvclive/plots/metrics/l.tsv": {"data": [{"step": 1, "l": "abc"}]}},
        },
    ),
    (
        "image",
        {"type": "data", "step": 1, "plots": {"dvclive/plots/images/a.png": {"image": "%%"}}},
    ),
    ("both", {"type": "data", "step": 1, "plots": {"p": {"data": [], "image": "AA=="}}}),
    ("rev", {"type": "done", "experiment_rev": "123"}),
]


@pytest.mark.parametrize("label,patch", MALFORMED, ids=[m[0] for m in MALFORMED])
async def test_malformed_bodies_are_400_and_store_nothing(
    api: Api, proj: Proj, label: str, patch: Any
) -> None:
    name = f"bad-{label.replace(' ', '-')}"
    if isinstance(patch, dict):
        body: Any = {**event("start", proj.url, proj.baseline, name), **patch}
    else:
        body = patch
    response = await post_live(api, body)
    assert response.status_code == 400, response.text
    assert isinstance(response.json()["detail"], str)
    assert await run_row(proj, name) is None


async def test_other_methods_on_the_hot_routes_are_routed(api: Api) -> None:
    """POST /api/live and POST /graphql skip Starlette's router (gitstudio/asgi.py); other
    methods on the same paths still get the router's answers."""
    assert (await api.client.get("/api/live")).status_code == 405
    assert (await api.client.put("/graphql")).status_code == 405
    page = await api.client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


async def test_limits_are_413_with_what_was_exceeded(api: Api, proj: Proj) -> None:
    name = "too-big"
    base = event("data", proj.url, proj.baseline, name, step=1)
    many = {
        f"dvclive/plots/metrics/m{i}.tsv": {"data": [{"step": 1, f"m{i}": 1.0}]} for i in range(201)
    }
    response = await post_live(api, {**base, "plots": many})
    assert response.status_code == 413 and "200" in response.json()["detail"]

    image = "A" * 10_000_004
    response = await post_live(
        api, {**base, "plots": {"dvclive/plots/images/x.png": {"image": image}}}
    )
    assert response.status_code == 413 and "dvclive/plots/images/x.png" in response.json()["detail"]

    rows_big = [{"step": i, "m": 0.123456789} for i in range(400_000)]  # > 10 MB as JSON
    response = await post_live(
        api, {**base, "plots": {"dvclive/plots/metrics/m.tsv": {"data": rows_big}}}
    )
    assert response.status_code == 413 and "10000000" in response.json()["detail"]

    huge = b'{"type": "data", "pad": "' + b"x" * 30_000_001 + b'"}'
    response = await post_live(api, huge)
    assert response.status_code == 413 and "30000000" in response.json()["detail"]

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the stream is counted
        for _ in range(31):
            yield b" " * 1_000_000

    response = await api.client.post(
        "/api/live", content=chunks(), headers={"Authorization": f"token {api.token}"}
    )
    assert response.status_code == 413
    assert await run_row(proj, name) is None


async def test_unknown_repository_is_404_and_counted(api: Api, proj: Proj) -> None:
    spellings = ["https://example.com/Org/Nowhere.git", "git@example.com:org/nowhere"]
    for url in spellings:
        response = await post_live(api, event("start", url, proj.baseline, "lost"))
        assert response.status_code == 404
        detail = response.json()["detail"]
        assert url in detail and "createProject" in detail and "/api/create-project" in detail
    counted = await db.fetch(
        "SELECT repo_key, events FROM unmatched_repos WHERE repo_key = ?",
        ["example.com/org/nowhere"],
    )
    assert counted and counted[0]["events"] >= 2


async def test_repo_url_spellings_reach_one_project(api: Api, proj: Proj) -> None:
    name = "spelled"
    spellings = [f"file://{proj.repo}", f"{proj.repo}/", f"{proj.repo}/../{proj.repo.name}"]
    for i, url in enumerate(spellings):
        await ok(api, event("data", url, proj.baseline, name, step=i, plots=rows("loss", (i, 1.0))))
    row = await run_row(proj, name)
    assert row is not None and len(await points_of(row["id"])) == 3


async def test_data_and_done_without_start_are_accepted(api: Api, proj: Proj) -> None:
    name = "no-start"
    base = (proj.url, proj.baseline.upper(), name)  # the sha is matched case-insensitively
    await ok(api, event("data", *base, step=0, plots=rows("loss", (0, 0.5))))
    row = await run_row(proj, name)
    assert row is not None and row["status"] == "RUNNING" and row["baseline_sha"] == proj.baseline
    await ok(api, event("done", *base))
    row = await run_row(proj, name)
    assert row is not None and row["status"] == "COMPLETED" and row["experiment_rev"] is None
    assert await points_of(row["id"]) == [("loss", 0, 0.5, None)]


async def test_dvc_done_without_experiment_rev_means_failed(api: Api, proj: Proj) -> None:
    params = {"params.yaml": {"train": {"lr": 0.2}}}
    for name, rev, status in (("failed-run", None, "FAILED"), ("good-run", "ab" * 20, "COMPLETED")):
        base = (proj.url, proj.baseline, name)
        await ok(api, event("start", *base, client="dvc", params=params, message="exp run"))
        await ok(api, event("data", *base, step=0, plots=rows("loss", (0, 0.5))))
        metrics = {
            "dvclive/metrics.json": {"data": {"loss": 0.5}},
            "eval/missing.json": {"error": {"cls": "FileNotFoundError", "text": "gone"}},
        }
        done = event("done", *base, client="dvc", metrics=metrics)
        if rev:
            done["experiment_rev"] = rev
        await ok(api, done)
        row = await run_row(proj, name)
        assert row is not None and row["status"] == status
        assert orjson.loads(row["params"]) == params
        assert orjson.loads(row["metrics"]) == {"dvclive/metrics.json": {"loss": 0.5}}
        assert orjson.loads(row["errors"]) == [
            {
                "file": "eval/missing.json",
                "kind": "metrics",
                "type": "FileNotFoundError",
                "message": "gone",
            }
        ]


async def test_images_are_stored_by_digest_and_served(api: Api, proj: Proj) -> None:
    name = "imaging"
    base = (proj.url, proj.baseline, name)
    first, second = png(rgb=(1, 2, 3)), png(rgb=(9, 9, 9))
    for step, content in ((1, first), (2, second)):
        image = {"dvclive/plots/images/sample.png": {"image": base64.b64encode(content).decode()}}
        await ok(api, event("data", *base, step=step, plots=image))
    row = await run_row(proj, name)
    assert row is not None
    url = f"/api/live/images/{row['id']}/dvclive/plots/images/sample.png"
    auth = {"Authorization": f"token {await token_with(Scope.READ)}"}
    latest = await api.client.get(url, headers=auth)
    assert latest.status_code == 200 and latest.content == second
    assert latest.headers["content-type"] == "image/png"
    older = await api.client.get(url, params={"step": 1}, headers=auth)
    assert older.status_code == 200 and older.content == first
    short = await api.client.get(f"/api/live/images/{row['id']}/sample.png", headers=auth)
    assert short.content == second
    assert (await api.client.get(url, params={"step": 7}, headers=auth)).status_code == 404
    assert (await api.client.get(url)).status_code == 401
    stored = sorted(
        p.name for p in (api.settings.data_dir / "live" / "images").rglob("*") if p.is_file()
    )
    assert {hashlib.sha256(c).hexdigest() for c in (first, second)} <= set(stored)


async def test_monorepo_paths_follow_the_run_subdir(api: Api, tmp_path: Path, unique: str) -> None:
    repo, pid, baseline = await new_project(api, tmp_path, f"mono-{unique}")
    sub = await api.create_project(repo, f"mono-sub-{unique}", subdir="project")
    sub_id = int(
        (await db.fetch("SELECT id FROM projects WHERE name = ?", [f"mono-sub-{unique}"]))[0]["id"]
    )
    assert sub["name"] == f"mono-sub-{unique}"
    params = {"dvclive/params.yaml": {"lr": 1}}
    # A run in the sub-directory goes to that project; later events without subdir follow it.
    await ok(api, event("start", str(repo), baseline, "in-sub", subdir="project"))
    await ok(api, event("data", str(repo), baseline, "in-sub", step=0, params=params))
    sub_rows = await live_rows(sub_id)
    assert [r["name"] for r in sub_rows] == ["in-sub"]
    assert orjson.loads(sub_rows[0]["params"]) == params  # same root: keys unchanged
    # A run whose DVC root is "other" lands in the root project, keys prefixed.
    await ok(api, event("start", str(repo), baseline, "in-other", subdir="other"))
    await ok(api, event("data", str(repo), baseline, "in-other", step=0, params=params))
    root_rows = await live_rows(pid)
    assert [r["name"] for r in root_rows] == ["in-other"]
    assert orjson.loads(root_rows[0]["params"]) == {"other/dvclive/params.yaml": {"lr": 1}}


async def test_concurrent_writers_are_group_committed(api: Api, proj: Proj) -> None:
    writer = writer_of(state_of(api))
    before_flushes, before_events = writer.flushes, writer.flushed_events

    async def run(i: int) -> None:
        for step in range(5):
            plots = {**rows("loss", (step, 1 / (step + 1))), **rows("acc", (step, step / 5))}
            await ok(
                api, event("data", proj.url, proj.baseline, f"conc-{i}", step=step, plots=plots)
            )

    await asyncio.gather(*(run(i) for i in range(32)))
    events = writer.flushed_events - before_events
    flushes = writer.flushes - before_flushes
    assert events == 32 * 5
    assert flushes < events / 2, (flushes, events)
    for i in (0, 31):
        row = await run_row(proj, f"conc-{i}")
        assert row is not None and len(await points_of(row["id"])) == 10


async def test_progress_deferred_under_load_is_written_once_idle(api: Api, proj: Proj) -> None:
    """Under load, streaming runs' progress columns wait in memory; an idle writer (here,
    after drain) leaves every row exact."""
    writer = writer_of(state_of(api))
    updates_before = writer.progress_deferred

    async def run(i: int) -> None:
        for step in range(8):
            plots = {**rows("loss", (step, 1 / (step + 1))), **rows("acc", (step, step / 8))}
            await ok(
                api, event("data", proj.url, proj.baseline, f"prog-{i}", step=step, plots=plots)
            )

    await asyncio.gather(*(run(i) for i in range(32)))
    await writer.drain()
    assert writer.progress_deferred > updates_before, (
        writer.flushes,
        writer.flushed_events,
        writer.progress_deferred,
    )
    for i in range(32):
        row = await run_row(proj, f"prog-{i}")
        assert row is not None
        assert row["last_step"] == 7
        assert orjson.loads(row["live_metrics"]) == {"acc": 7, "loss": 7}


@pytest.mark.parametrize("recorded", ['{"loss": 1}', "{}"])
async def test_a_restarted_writer_recovers_steps_its_row_does_not_record(
    api: Api, proj: Proj, collector: Collector, recorded: str
) -> None:
    """A process that died with progress pending left live_metrics behind the stored steps
    (or empty: it died before writing any): the next writer reads them back, so a resent
    step is not published again."""
    name = f"crashy-{len(recorded)}"
    body = event("data", proj.url, proj.baseline, name, step=3)
    await ok(api, {**body, "plots": rows("loss", *((s, s * 1.0) for s in range(4)))})
    row = await run_row(proj, name)
    assert row is not None
    await db.execute("UPDATE experiments SET live_metrics = ? WHERE id = ?", [recorded, row["id"]])
    writer_of(state_of(api)).forget_project(proj.id)  # as a new process: nothing cached
    await collector.listen(state_of(api).bus, live_channel(proj.id))
    await ok(api, {**body, "plots": rows("loss", (3, 9.0))})  # a resend: not news
    await ok(api, {**body, "step": 4, "plots": rows("loss", (3, 9.0), (4, 4.0))})
    await collector.settle(api)
    steps = [m["step"] for m in collector.messages if m["experimentId"] == row["id"]]
    assert steps == [4]
    row = await run_row(proj, name)
    assert row is not None and orjson.loads(row["live_metrics"]) == {"loss": 4}


async def test_stale_after_silence_and_back_to_running(
    api: Api, proj: Proj, collector: Collector
) -> None:
    settings = replace(api.settings, live_stale_after=0.4)
    app = create_app(settings)
    state = app.state.gitstudio
    sweeper = next(s for s in state.services if isinstance(s, StaleSweeper))
    assert sweeper.stale_after == 0.4 and sweeper.interval == pytest.approx(0.1)
    await collector.listen(state.bus, experiments_channel(proj.id))
    for service in state.services:
        await service.start()
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as http:
            headers = {"Authorization": f"token {api.token}"}
            body = event(
                "data", proj.url, proj.baseline, "sleepy", step=0, plots=rows("loss", (0, 1.0))
            )
            assert (await http.post("/api/live", json=body, headers=headers)).status_code == 200
            row = await run_row(proj, "sleepy")
            assert row is not None and row["status"] == "RUNNING"
            deadline = time.monotonic() + 5
            while (await run_row(proj, "sleepy") or {}).get("status") != "STALE":
                assert time.monotonic() < deadline, "never marked STALE"
                await asyncio.sleep(0.05)
            body = {**body, "step": 1, "plots": rows("loss", (1, 0.5))}
            assert (await http.post("/api/live", json=body, headers=headers)).status_code == 200
            assert (await run_row(proj, "sleepy") or {}).get("status") == "RUNNING"
    finally:
        for service in reversed(state.services):
            await service.stop()

    def changes() -> list[str]:
        return [m["change"] for m in collector.messages if m["experimentId"] == row["id"]]

    deadline = time.monotonic() + 5  # the publisher delivers after the writer commits
    while changes().count("STATUS") < 2 and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    statuses = changes()
    assert statuses[:1] == ["CREATED"] and statuses.count("STATUS") >= 2
    assert from_env({"GITSTUDIO_LIVE_STALE_AFTER": "2.5"}).live_stale_after == 2.5


async def test_deleted_project_answers_404(api: Api, tmp_path: Path, unique: str) -> None:
    repo, pid, baseline = await new_project(api, tmp_path, f"gone-{unique}")
    await ok(api, event("start", str(repo), baseline, "orphan"))
    project = await Project.get(id=pid)
    await state_of(api).syncer.delete(project)
    response = await post_live(api, event("data", str(repo), baseline, "orphan", step=1))
    assert response.status_code == 404, response.text
    assert "no gitstudio project" in response.json()["detail"]


def test_writer_is_a_registered_service(api: Api) -> None:
    state = state_of(api)
    assert any(isinstance(s, MetricWriter) for s in state.services)
    assert any(isinstance(s, StaleSweeper) for s in state.services)
    # One writer per process (every live-row write serialised in it), swept as configured.
    assert [type(s) for s in state.services].count(MetricWriter) == 1
    sweepers = [s for s in state.services if isinstance(s, StaleSweeper)]
    assert [s.stale_after for s in sweepers] == [state.settings.live_stale_after]


async def test_a_plot_row_without_a_step_is_left_out_and_the_step_kept(
    api: Api, proj: Proj, unique: str
) -> None:
    """One plot row without an integer step drops that row, and the answer says so; the
    event's metrics and its other rows are stored (the whole event used to be refused)."""
    name = f"nostep-{unique}"
    base = (proj.url, proj.baseline, name)
    await ok(api, event("start", *base))
    plots = {**rows("train/loss", (5, 0.25)), **rows("train/acc", (5, 0.75))}
    plots["dvclive/plots/metrics/train/loss.tsv"]["data"].append({"loss": 0.5})  # no step
    plots["dvclive/plots/metrics/train/acc.tsv"]["data"].append({"step": "6", "acc": 0.8})
    metrics = {"dvclive/metrics.json": {"data": {"train": {"loss": 0.25}, "step": 5}}}
    answer = await post_live(api, event("data", *base, step=5, plots=plots, metrics=metrics))
    assert answer.status_code == 200, answer.text
    assert answer.json()["dropped_rows"] == 2
    row = await run_row(proj, name)
    assert row is not None and row["last_step"] == 5
    await wait_for_points(row["id"], 2)
    assert sorted(await points_of(row["id"])) == [
        ("train/acc", 5, 0.75, None),
        ("train/loss", 5, 0.25, None),
    ]
    assert orjson.loads(row["metrics"]) == {
        "dvclive/metrics.json": metrics["dvclive/metrics.json"]["data"]
    }


async def wait_for_points(experiment_id: int, count: int) -> None:
    """The writer stores points off the request: wait for them (a deadline, no sleep)."""

    async def stored() -> bool:
        return len(await points_of(experiment_id)) >= count

    await eventually(stored, "points stored")
