"""Property-based fuzz of the whole GraphQL schema (hypothesis-graphql): queries and
mutations generated from schema.graphql, sent to the real app with an ADMIN and with a READ
token. Whatever the document, the server never fails: no HTTP 500, every error carries
``extensions.code`` and none is an internal one.

The example count is bounded and the generation derandomized, so CI runs the same documents
every time; ``GITSTUDIO_FUZZ_EXAMPLES`` raises it for a longer local run.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus import bounded
from harness import Hostile, assert_no_internal_error
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

SCHEMA = (Path(__file__).resolve().parents[2] / "schema.graphql").read_text()
EXAMPLES = int(os.environ.get("GITSTUDIO_FUZZ_EXAMPLES", "60"))

_JSON_LEAF = st.one_of(
    st.integers(-(2**31), 2**31 - 1).map(nodes.Int),
    st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
    st.text(max_size=20).map(nodes.String),
    st.booleans().map(nodes.Boolean),
    st.just(nodes.Null),
)
SCALARS = {
    "JSON": st.recursive(_JSON_LEAF, lambda inner: st.lists(inner, max_size=3).map(nodes.List)),
    "DateTime": st.sampled_from(["2026-01-01T00:00:00Z", "not a date", ""]).map(nodes.String),
}


# Mutations get ids that name no row: a bare number is taken as a row id ("1" is a
# project), and a generated deleteProject must not delete the projects the other tests use.
NO_ROW_IDS = st.one_of(
    st.text(max_size=20).filter(lambda t: not t.strip().isdigit()),
    st.sampled_from(["UHJvamVjdDo5OTk5OTk5", "RXhwZXJpbWVudDotMQ", "garbage"]),
).map(nodes.String)


@pytest.fixture(scope="session")
async def loop() -> asyncio.AbstractEventLoop:
    """The session's event loop, where the app and its database connections live; the
    synchronous hypothesis tests run each request on it."""
    return asyncio.get_running_loop()


def fuzz(strategy: Any, check: Callable[[str], None]) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(document=strategy)
    def run(document: str) -> None:
        note(f"document:\n{document}")  # the minimal failing document, printed on failure
        check(document)

    run()


def query_check(
    hostile: Hostile, loop: asyncio.AbstractEventLoop, scope: str
) -> Callable[[str], None]:
    def check(document: str) -> None:
        assert_no_internal_error(loop.run_until_complete(bounded(hostile.gql(document, {}, scope))))

    return check


@pytest.mark.parametrize("scope", ["ADMIN", "READ"])
def test_generated_queries_never_fail_the_server(
    hostile: Hostile, loop: asyncio.AbstractEventLoop, scope: str
) -> None:
    fuzz(queries(SCHEMA, custom_scalars=SCALARS), query_check(hostile, loop, scope))


def real_ids(env: Hostile) -> Any:
    """Ids of the fixture's rows (and a malformed one), so generated queries reach past the
    id check into the resolvers of real projects and experiments."""
    ids = [p.id for p in env.projects.values()] + [env.experiment_id, "garbage"]
    return st.sampled_from(ids).map(nodes.String)


@pytest.mark.parametrize("scope", ["ADMIN", "READ"])
def test_generated_queries_on_real_rows_never_fail_the_server(
    hostile: Hostile, loop: asyncio.AbstractEventLoop, scope: str
) -> None:
    scalars = {**SCALARS, "ID": real_ids(hostile)}
    fuzz(queries(SCHEMA, custom_scalars=scalars), query_check(hostile, loop, scope))


@pytest.mark.parametrize("scope", ["ADMIN", "READ"])
def test_generated_mutations_never_fail_the_server(
    hostile: Hostile, loop: asyncio.AbstractEventLoop, scope: str
) -> None:
    async def send(document: str) -> None:
        before = await hostile.snapshot()
        try:
            assert_no_internal_error(await bounded(hostile.gql(document, {}, scope)))
        finally:
            await hostile.restore(before)  # what a generated mutation made does not stay

    scalars = {**SCALARS, "ID": NO_ROW_IDS}
    fuzz(mutations(SCHEMA, custom_scalars=scalars), lambda d: loop.run_until_complete(send(d)))
