"""Live runs as plots: a DVCLive run posted to POST /api/live appears as DVCLive's plots
(its series as the TSVs DVCLive writes, its images with their steps), in one chart with Git
revisions; a liveMetrics subscriber receives each step's new rows and images, not the spec.
The real app in process, its websocket over ASGI, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from asgi_ws import raw_asgi_websocket
from live_support import event, live_rows, new_project, png, post_live, rows
from support import Api

from schema.relay import to_global_id

PLOTS = """
query($name: String!, $ids: [ID!]!) {
  project(name: $name) {
    plots(ids: $ids) { id kind revisions spec images { revision step url contentType } }
  }
}"""

ROWS = """query($name: String!) { project(name: $name) {
  experiments(first: 10) { nodes { id kind sha name } } } }"""

LIVE = """subscription($p: ID!, $e: ID) { liveMetrics(projectId: $p, experimentId: $e) {
  type step metrics plotRows images { revision step url contentType } } }"""

IMAGE = "dvclive/plots/images/sample.png"


async def post(api: Api, body: dict[str, Any]) -> None:
    response = await post_live(api, body)
    assert response.status_code == 200, response.text


def image(content: bytes) -> dict[str, Any]:
    return {IMAGE: {"image": base64.b64encode(content).decode()}}


async def ids(api: Api, name: str) -> dict[str, str]:
    found = await api.data(ROWS, {"name": name})
    nodes = found["project"]["experiments"]["nodes"]
    return {n["name"] if n["kind"] == "LIVE" else n["sha"]: n["id"] for n in nodes}


async def test_a_live_run_is_plotted_beside_its_baseline(
    api: Api, tmp_path: Path, unique: str
) -> None:
    name = f"liveplots-{unique}"
    repo, _pid, baseline = await new_project(api, tmp_path, name, commits=4, extra_formats=True)
    base = (str(repo), baseline, "eager-run")
    await post(api, event("start", *base))
    images = {1: png(rgb=(1, 2, 3)), 2: png(rgb=(4, 5, 6))}
    for step in (0, 1, 2):
        chunk = rows("train/loss", (step, 1 / (step + 1)))
        await post(api, event("data", *base, step=step, plots=chunk))
        if step in images:
            await post(api, event("data", *base, step=step, plots=image(images[step])))
    found = await ids(api, name)
    asked = [found[baseline], found["eager-run"]]
    plots = (await api.data(PLOTS, {"name": name, "ids": asked}))["project"]["plots"]
    by_id = {p["id"]: p for p in plots}
    loss = by_id["dvclive/plots/metrics/train/loss.tsv"]
    assert loss["kind"] == "VEGA"
    assert loss["revisions"] == [baseline[:7], "eager-run"]
    live_values = [v for v in loss["spec"]["data"]["values"] if v["rev"] == "eager-run"]
    assert [(v["step"], v["loss"]) for v in live_values] == [(0, 1.0), (1, 0.5), (2, 1 / 3)]
    committed = loss["spec"]["data"]["values"][:-3]
    assert committed and all(v["rev"] == baseline[:7] for v in committed)
    shown = by_id[IMAGE]
    assert shown["kind"] == "IMAGE" and shown["spec"] is None
    assert [(i["revision"], i["step"]) for i in shown["images"]] == [
        ("eager-run", 1),
        ("eager-run", 2),
    ]
    for shown_image in shown["images"]:
        assert shown_image["contentType"] == "image/png"
        parts = urlsplit(shown_image["url"])
        served = await api.client.get(
            parts.path + "?" + parts.query, headers={"Authorization": f"token {api.token}"}
        )
        assert served.status_code == 200
        assert served.content == images[shown_image["step"]]


async def test_a_subscriber_receives_new_rows_and_images_not_the_spec(
    api: Api, tmp_path: Path, unique: str
) -> None:
    name = f"liveplots-ws-{unique}"
    repo, pid, baseline = await new_project(api, tmp_path, name)
    base = (str(repo), baseline, "watched")
    await post(api, event("start", *base))
    await post(api, event("data", *base, step=0, plots=rows("acc", (0, 0.25))))
    run_id = (await live_rows(pid))[0]["id"]
    app = api.client._transport.app  # type: ignore[attr-defined]
    variables = {"p": to_global_id("Project", pid), "e": to_global_id("Experiment", run_id)}
    async with raw_asgi_websocket(app) as ws:
        await ws.send(
            {"type": "connection_init", "payload": {"Authorization": f"token {api.token}"}}
        )
        assert (await ws.receive())["type"] == "connection_ack"
        await ws.send({"id": "1", "type": "subscribe",
                       "payload": {"query": LIVE, "variables": variables}})  # fmt: skip
        start = await ws.receive()
        replayed = await ws.receive()
        assert start["payload"]["data"]["liveMetrics"]["type"] == "START"
        caught_up = replayed["payload"]["data"]["liveMetrics"]
        assert caught_up["plotRows"] == {
            "dvclive/plots/metrics/acc.tsv": [{"step": 0, "acc": 0.25, "rev": "watched"}]
        }
        await post(api, event("data", *base, step=1, plots=rows("acc", (1, 0.5))))
        await post(api, event("data", *base, step=1, plots=image(png())))
        received: list[dict[str, Any]] = []
        while not any(r["images"] for r in received):
            frame = await ws.receive()
            assert frame["type"] == "next", frame
            received.append(frame["payload"]["data"]["liveMetrics"])
    assert all(r["type"] == "DATA" and r["step"] == 1 for r in received)
    assert received[0]["plotRows"] == {
        "dvclive/plots/metrics/acc.tsv": [{"step": 1, "acc": 0.5, "rev": "watched"}]
    }
    (logged,) = received[-1]["images"]
    assert (logged["revision"], logged["step"], logged["contentType"]) == (
        "watched",
        1,
        "image/png",
    )
    assert urlsplit(logged["url"]).path == f"/api/live/images/{run_id}/{quote(IMAGE, safe='')}"
    assert "spec" not in str(received)
