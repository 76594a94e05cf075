"""The services tests need (PostgreSQL, Redis): reachability, and a fresh database per use.

A plain module, not a conftest: test modules import from it by name, and two conftest.py
files (tests/ and tests/security/) would shadow each other under one module name.
PostgreSQL and Redis tests skip when unreachable on a laptop, but fail under ``CI=true``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from collections.abc import AsyncIterator

import pytest

PG_ADMIN_URL = os.environ.get(
    "GITSTUDIO_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
# Where the tests' `git daemon` listens: loopback, allowed by the tests' repository policy.
DAEMON_HOST = "127.0.0.2"


async def pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def pg_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=2):
            return True
    except OSError:
        return False


def require_service(name: str, reachable: bool) -> None:
    if reachable:
        return
    if IN_CI:
        pytest.fail(f"{name} is required under CI=true but is unreachable")
    pytest.skip(f"{name} is unreachable")


@contextlib.asynccontextmanager
async def fresh_postgres(prefix: str) -> AsyncIterator[str]:
    """The URL of a new PostgreSQL database, dropped afterwards."""
    require_service("PostgreSQL", pg_reachable())
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    await pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        await pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
