"""Operating the server: ``/metrics`` scraped from a real server after real queries, a sync,
live ingest and a subscription (parsed with prometheus_client's parser); its token gate;
JSON log lines with request ids; ``/healthz`` with a bus that answers and one that does not;
OpenTelemetry spans in the SDK's in-memory exporter."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from services import require_service
from support import Api, Server, free_port, http, start_server, stop_server
from ws_support import (
    LIVE,
    REDIS_URL,
    TRANSPORT_WS,
    Run,
    Served,
    admin_token,
    cli,
    graphql,
    raw,
    raw_subscription,
    receive,
    redis_reachable,
    scopeless_token,
    send,
    served_project,
    subscribe,
    tiny_socket,
    wait_until,
)

from gitstudio.app import create_app
from storage import telemetry

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


@pytest.fixture(scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    settings = {"GITSTUDIO_LOG_FORMAT": "json", "GITSTUDIO_WS_SEND_QUEUE": "16"}
    async with served_project(tmp_path_factory, "obs", settings) as served:
        yield served


async def scrape(server: Server, token: str | None) -> httpx.Response:
    headers = {"Authorization": f"token {token}"} if token else {}
    async with http.async_client(timeout=30) as client:
        return await client.get(f"{server.url}/metrics", headers=headers)


def samples(text: str) -> Samples:
    out: Samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return out


def value(found: Samples, name: str, **labels: str) -> float:
    """The sum of the samples of ``name`` whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(v for (n, ls), v in found.items() if n == name and wanted <= ls)


async def metrics(env: Served) -> Samples:
    response = await scrape(env.server, env.token)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


TABLE = """query ObsTable($id: ID!) { project(id: $id) {
  experiments(first: 10) { nodes { id name } } } }"""


async def test_metrics_move_with_queries_syncs_ingest_and_subscriptions(
    env: Served, unique: str
) -> None:
    before = await metrics(env)
    counted = ("gitstudio_graphql_request_seconds_count", {"operation": "ObsTable"})
    assert value(before, counted[0], **counted[1]) == 0

    for _ in range(3):
        await graphql(env.server, env.token, TABLE, {"id": env.project.id})
    async with http.async_client(timeout=30) as client:  # a document that does not validate
        response = await client.post(
            f"{env.server.url}/graphql",
            json={"query": "query ObsBroken { nope }", "operationName": "ObsBroken"},
            headers={"Authorization": f"token {env.token}"},
        )
    assert response.status_code == 200 and "errors" in response.json()
    sync = await graphql(
        env.server,
        env.token,
        "mutation ObsSync($id: ID!) { syncProject(id: $id) { errors { code } } }",
        {"id": env.project.id},
    )
    assert sync["syncProject"]["errors"] == []

    # A subscriber, then a live run it sees end.
    run = Run(env.server, env.token, env.project, f"obs-{unique}")
    await run.start()
    experiment = await run.experiment_id()
    variables = {"project": env.project.id, "experiment": experiment}
    query = LIVE.replace("subscription Live(", "subscription ObsLive(")
    subscriber = subscribe(
        env.server, env.token, TRANSPORT_WS, query, variables, lambda e: e["type"] == "DONE"
    )
    await asyncio.wait_for(subscriber.subscribed.wait(), 30)

    async def subscribed() -> bool:
        return value(await metrics(env), "gitstudio_subscribers") >= 1

    deadline = asyncio.get_running_loop().time() + 30
    while not await subscribed():
        assert asyncio.get_running_loop().time() < deadline, "the subscriber was never counted"
        await asyncio.sleep(0.05)
    during = await metrics(env)
    assert value(during, "gitstudio_websockets") >= 1
    await run.steps(range(5))
    await run.done()
    await subscriber.wait(60)

    # The counters are committed before the answer is sent (the live writer's flush).
    after = await metrics(env)
    assert value(after, *counted[:1], **counted[1], transport="http", outcome="ok") == 3
    # an invalid document's operationName takes no label slot: it is "rejected"
    assert value(after, "gitstudio_graphql_request_seconds_count", operation="ObsBroken") == 0
    assert (
        value(
            after,
            "gitstudio_graphql_request_seconds_count",
            operation="rejected",
            outcome="rejected",
        )
        >= 1
    )
    assert value(after, "gitstudio_graphql_request_seconds_sum", operation="ObsTable") > 0
    assert (
        value(after, "gitstudio_graphql_request_seconds_count", operation="ObsLive", transport="ws")
        == 1
    )
    assert value(after, "gitstudio_sync_seconds_count", outcome="ok") > value(
        before, "gitstudio_sync_seconds_count", outcome="ok"
    )
    assert value(after, "gitstudio_index_seconds_count", outcome="ok") > value(
        before, "gitstudio_index_seconds_count", outcome="ok"
    )
    assert (
        value(after, "gitstudio_ingest_events_total", outcome="ok")
        - value(before, "gitstudio_ingest_events_total", outcome="ok")
        == 3
    )  # start, data, done
    assert (
        value(after, "gitstudio_ingest_points_total")
        - value(before, "gitstudio_ingest_points_total")
        == 5
    )
    plans = "gitstudio_graphql_plans_total"
    assert value(after, plans) - value(before, plans) >= 3  # every query ran one way or another
    assert ("gitstudio_subscribers_dropped_total", frozenset()) in after
    assert value(after, "gitstudio_db_pool_connections", pool="sqlite_readers", state="max") >= 1
    assert (
        "gitstudio_db_pool_connections",
        frozenset({("pool", "sqlite_writer"), ("state", "in_use")}),
    ) in after
    assert value(after, "gitstudio_queue_depth") == 0
    assert value(after, "gitstudio_queue_oldest_age_seconds") == 0


async def until_value(env: Served, name: str, wanted: float) -> None:
    deadline = asyncio.get_running_loop().time() + 30
    while value(await metrics(env), name) != wanted:
        assert asyncio.get_running_loop().time() < deadline, f"{name} never reached {wanted}"
        await asyncio.sleep(0.05)


async def test_socket_and_subscriber_gauges_fall_when_the_socket_closes(env: Served) -> None:
    before = await metrics(env)
    sockets, subscribers = (
        value(before, "gitstudio_websockets"),
        value(before, "gitstudio_subscribers"),
    )
    query = "subscription ObsEvents($id: ID!) { projectEvents(projectId: $id) { type } }"
    async with raw(env.server, TRANSPORT_WS) as ws:
        await send(ws, {"type": "connection_init", "payload": {"token": env.token}})
        assert (await receive(ws))["type"] == "connection_ack"
        await send(
            ws,
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": query, "variables": {"id": env.project.id}},
            },
        )
        await until_value(env, "gitstudio_subscribers", subscribers + 1)
        assert value(await metrics(env), "gitstudio_websockets") == sockets + 1
    await until_value(env, "gitstudio_websockets", sockets)
    await until_value(env, "gitstudio_subscribers", subscribers)


async def test_a_slow_subscriber_dropped_is_counted(env: Served, unique: str) -> None:
    dropped = "gitstudio_subscribers_dropped_total"
    before = value(await metrics(env), dropped)
    names = tuple(f"m{i:02d}/value_of_a_long_metric_name" for i in range(40))
    run = Run(env.server, env.token, env.project, f"slow-{unique}", names)
    await run.start()
    variables = {"project": env.project.id, "experiment": await run.experiment_id()}
    query = LIVE.replace("experiment { id name status kind }", "")
    async with raw(env.server, TRANSPORT_WS, sock=tiny_socket(env.server.url), max_queue=1) as ws:
        first = await raw_subscription(ws, env.token, query, variables)
        assert first["payload"]["data"]["liveMetrics"]["type"] == "START"
        steps = 0  # the client reads no more: the server must give up on it
        while value(await metrics(env), dropped) == before:
            assert steps < 10_000, "the slow subscriber was never dropped"
            await run.steps(range(steps, steps + 50))
            steps += 50
    await run.done()
    assert value(await metrics(env), dropped) == before + 1


async def test_metrics_need_a_site_admins_admin_token(env: Served, unique: str) -> None:
    response = await scrape(env.server, None)
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHENTICATED"
    response = await scrape(env.server, "not-a-token")
    assert response.status_code == 401
    weak = scopeless_token(env.data_dir / "gitstudio.db")
    response = await scrape(env.server, weak)
    assert response.status_code == 403
    assert response.json() == {"detail": "this token lacks the ADMIN scope", "code": "FORBIDDEN"}
    # a user who is no site admin: its ADMIN token has no server-wide power
    cli(env.data_dir, {}, "user", "create", f"metrics-{unique}")
    mine = cli(env.data_dir, {}, "token", "create", "--name", "m", "--scope", "ADMIN",
               "--user", f"metrics-{unique}")  # fmt: skip
    response = await scrape(env.server, mine)
    assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"
    assert (await scrape(env.server, env.token)).status_code == 200


async def test_operation_labels_are_bounded(env: Served) -> None:
    names = [f"ObsMany{i}" for i in range(3)]
    old = telemetry._max_operations
    telemetry.configure(len(telemetry._operations) + 1)
    try:
        assert telemetry.operation_label(names[0]) == names[0]
        assert telemetry.operation_label(names[1]) == "other"
        assert telemetry.operation_label(names[0]) == names[0]  # known names stay
    finally:
        telemetry.configure(old)
    assert telemetry.operation_label("not a name; DROP") == "other"
    assert telemetry.operation_label("x" * 65) == "other"
    assert telemetry.operation_label(None) == "anonymous"
    # Over HTTP: a hostile operation name never becomes a label.
    async with http.async_client(timeout=30) as client:
        response = await client.post(
            f"{env.server.url}/graphql",
            json={"query": "query { __typename }", "operationName": 'a"b}\n'},
            headers={"Authorization": f"token {env.token}"},
        )
    assert response.status_code == 200
    text = (await scrape(env.server, env.token)).text
    assert 'a\\"b' not in text and 'a"b' not in text


def log_records(server: Server) -> list[dict[str, object]]:
    """Every line the server wrote, each one JSON object."""
    return [json.loads(line) for line in server.output.read_text().splitlines()]


async def test_json_log_lines_carry_request_and_job_ids(env: Served) -> None:
    # A document without a compiled plan is logged once, inside its request.
    await graphql(env.server, env.token, "query ObsNoPlan { __typename @include(if: true) }")
    await graphql(
        env.server,
        env.token,
        "mutation ObsSyncLog($id: ID!) { syncProject(id: $id) { errors { code } } }",
        {"id": env.project.id},
    )

    def logged(text: str) -> list[dict[str, object]]:
        return [r for r in log_records(env.server) if text in str(r["message"])]

    await wait_until(lambda: bool(logged("synced obsproject")), timeout=30)
    records = log_records(env.server)
    assert all({"time", "level", "logger", "message"} <= r.keys() for r in records)
    assert any(r["logger"].startswith("uvicorn") for r in records)  # type: ignore[union-attr]
    fallback = logged("ObsNoPlan")
    assert fallback, "the plan fallback was not logged"
    assert len(str(fallback[-1]["request_id"])) == 16
    synced = logged("synced obsproject")[-1]
    assert synced["level"] == "INFO" and synced["logger"] == "sync.service"
    assert str(synced["job_id"])


def test_json_formatter_fields() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(telemetry.JsonFormatter())
    logger = logging.getLogger("gitstudio.test_observability")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with telemetry.request_context("req-1"), telemetry.job_context(42):
            try:
                raise ValueError("boom")
            except ValueError:
                logger.exception("it failed: %s", "here")
        logger.warning("outside")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["message"] == "it failed: here"
    assert first["request_id"] == "req-1" and first["job_id"] == "42"
    assert first["level"] == "ERROR" and "ValueError: boom" in first["exception"]
    assert first["time"].endswith("Z")
    assert "request_id" not in second and "job_id" not in second


def test_a_failure_reports_the_request_id_of_its_log_lines() -> None:
    from gitstudio.failures import new_request_id

    with telemetry.request_context("abc123"):
        assert new_request_id() == "abc123"
    assert new_request_id() != "abc123"


def test_log_format_is_checked() -> None:
    with pytest.raises(ValueError, match="GITSTUDIO_LOG_FORMAT"):
        telemetry.configure_logging("xml")


# --- /healthz --------------------------------------------------------------------------


async def _healthz(api: Api, **overrides: object) -> httpx.Response:
    """/healthz of a second app on the test database, with other settings."""
    app = create_app(api.settings.with_overrides(**overrides))
    state = app.state.gitstudio
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            return await client.get("/healthz")
    finally:
        await state.bus.close()


async def test_healthz_answers_ok_when_everything_answers(api: Api) -> None:
    response = await _healthz(api)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["bus"] == "ok"
    assert body["queue"] in ("ok", "inprocess")


async def test_healthz_with_redis(api: Api) -> None:
    require_service("Redis", redis_reachable())
    response = await _healthz(api, event_bus=REDIS_URL)
    assert response.status_code == 200, response.text
    assert response.json()["bus"] == "ok"


async def test_healthz_is_503_when_the_bus_does_not_answer(api: Api) -> None:
    closed = free_port()  # nothing listens there
    response = await _healthz(
        api, event_bus=f"redis://127.0.0.1:{closed}/0", healthz_timeout_seconds=2.0
    )
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["database"] == "ok"
    assert body["bus"].startswith(("error: ", "timeout after"))
    assert "127.0.0.1" not in body["bus"]  # the probe is public: no addresses


async def test_public_metrics_read_the_pool_of_either_database(api: Api) -> None:
    app = create_app(api.settings.with_overrides(metrics_public=True))
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            response = await client.get("/metrics")  # no token: public by the setting
    finally:
        await app.state.gitstudio.bus.close()
    assert response.status_code == 200
    found = samples(response.text)
    pool = "postgres" if api.backend == "postgres" else "sqlite_readers"
    assert value(found, "gitstudio_db_pool_connections", pool=pool, state="max") >= 1
    assert ("gitstudio_graphql_plans_total", frozenset({("outcome", "compiled")})) in found


# --- OpenTelemetry ---------------------------------------------------------------------


@pytest.fixture
def spans() -> Iterator[object]:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    telemetry.enable_tracing(provider=provider)
    try:
        yield exporter
    finally:
        telemetry.disable_tracing()


async def test_spans_of_operations_and_syncs(api: Api, spans: object, tmp_path: Path) -> None:
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from sync.generate import RepoSpec, generate_repo

    assert isinstance(spans, InMemorySpanExporter)
    repo = tmp_path / "traced"
    generate_repo(
        repo,
        RepoSpec(
            commits=2, branches=("main",), exps_per_commit=1, gto_tags=False, extra_formats=False
        ),
    )
    project = await api.create_project(repo, f"traced-{tmp_path.name[-8:]}")
    response = await api.client.post(
        "/graphql",
        json={"query": TABLE, "variables": {"id": project["id"]}, "operationName": "ObsTable"},
        headers={"Authorization": f"token {api.token}"},
    )
    assert response.status_code == 200 and "errors" not in response.json()
    await api.sync(project["id"])
    names = [s.name for s in spans.get_finished_spans()]
    assert "graphql ObsTable" in names
    assert "sync" in names and "index" in names
    sync_span = next(s for s in spans.get_finished_spans() if s.name == "sync")
    index_span = next(s for s in spans.get_finished_spans() if s.name == "index")
    assert index_span.context.trace_id == sync_span.context.trace_id  # a child of the sync
    assert sync_span.attributes is not None and "project_id" in sync_span.attributes


def test_a_queued_job_is_a_span(spans: object) -> None:
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    assert isinstance(spans, InMemorySpanExporter)
    with telemetry.job_context(7), telemetry.timed("sync", project_id=1):
        pass
    job = next(s for s in spans.get_finished_spans() if s.name == "job")
    sync = next(s for s in spans.get_finished_spans() if s.name == "sync")
    assert job.attributes is not None and job.attributes["job_id"] == "7"
    assert sync.parent is not None and sync.parent.span_id == job.context.span_id


def test_no_tracing_costs_a_shared_no_op() -> None:
    assert not telemetry.tracing_enabled()
    assert telemetry.span("a") is telemetry.span("b")


async def test_concurrent_healthz_requests_share_one_probe(api: Api) -> None:
    """/healthz is public: 50 requests at once run one probe (one database connection,
    one queue connection), and their answers are that probe's; a probe runs again once
    the kept answer is older than a second."""
    app = create_app(api.settings)
    state = app.state.gitstudio

    def probes() -> float:
        return telemetry.REGISTRY.get_sample_value("gitstudio_healthz_probes_total") or 0.0

    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            before = probes()
            answers = await asyncio.gather(*(client.get("/healthz") for _ in range(50)))
            assert [a.status_code for a in answers] == [200] * 50
            assert len({a.text for a in answers}) == 1
            assert probes() - before == 1
            deadline = time.monotonic() + 10
            while probes() - before < 2:  # the kept answer expires
                assert time.monotonic() < deadline, "no new probe after the answer expired"
                assert (await client.get("/healthz")).status_code == 200
                await asyncio.sleep(0.05)
    finally:
        await state.bus.close()


async def test_rejected_requests_take_no_operation_label(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A server with 3 label slots: 8 invalid or mismatched documents over HTTP and 8 over
    a websocket, each with its own operationName, are all "rejected"; a real operation
    sent afterwards still gets its own label (before, the junk names took every slot)."""
    data_dir = tmp_path_factory.mktemp("obs-labels")
    token = admin_token(data_dir)
    server = start_server([], data_dir, env={"GITSTUDIO_METRICS_MAX_OPERATIONS": "3"})
    junk = [
        "{ noSuchField }",  # invalid
        "query Real { __typename",  # does not parse
        "query Other { __typename }",  # valid, but not the operation named
        "query A { __typename } query B { __typename }",
    ]
    try:
        async with http.async_client(timeout=30) as client:
            for i in range(8):
                response = await client.post(
                    f"{server.url}/graphql",
                    json={"query": junk[i % 4], "operationName": f"JunkHttp{i}"},
                    headers={"Authorization": f"token {token}"},
                )
                assert response.json()["errors"], response.text
        async with raw(server, TRANSPORT_WS) as ws:
            await send(ws, {"type": "connection_init", "payload": {"token": token}})
            assert (await receive(ws))["type"] == "connection_ack"
            for i in range(8):
                payload = {"query": junk[i % 4], "operationName": f"JunkWs{i}"}
                await send(ws, {"id": str(i), "type": "subscribe", "payload": payload})
                assert (await receive(ws))["type"] == "error"
        for name in ("RealOne", "RealTwo"):
            await graphql(server, token, f"query {name} {{ __typename }}")
        found = samples((await scrape(server, token)).text)
    finally:
        stop_server(server)
    labels = {
        dict(key[1]).get("operation")
        for key in found
        if key[0].startswith("gitstudio_graphql_request_seconds")
    }
    assert {"RealOne", "RealTwo", "rejected"} <= labels, labels
    assert not any(label and label.startswith("Junk") for label in labels), labels
    assert (
        value(
            found,
            "gitstudio_graphql_request_seconds_count",
            operation="rejected",
            transport="ws",
            outcome="rejected",
        )
        == 8
    )
    assert (
        value(
            found,
            "gitstudio_graphql_request_seconds_count",
            operation="rejected",
            transport="http",
            outcome="rejected",
        )
        == 8
    )
