"""The job queue's connection (procrastinate, psycopg/libpq) from gitstudio's database URL
(tortoise, asyncpg): TLS and the other connection parameters carried over faithfully, and
a parameter that cannot be carried over refused at start-up, never dropped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from services import fresh_postgres
from tortoise.backends.base.config_generator import expand_db_url

from gitstudio.settings import Settings
from storage import limits
from storage.db import SSL_MODES, tortoise_config
from sync.git import Credentials
from sync.scheduling import DatabaseUrlError, QueueScheduler, libpq_url, make_scheduler
from sync.service import ProjectSyncer

BASE = "postgres://u:p@db.example:5433/gs"


def params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize(
    ("ssl", "mode"),
    [
        ("require", "require"),
        ("verify-ca", "verify-ca"),
        ("verify-full", "verify-full"),
        ("disable", "disable"),
        ("prefer", "prefer"),
        ("true", "verify-full"),
        ("True", "verify-full"),
        ("1", "verify-full"),
        ("false", "disable"),
    ],
)
def test_ssl_becomes_sslmode(ssl: str, mode: str) -> None:
    url = libpq_url(f"{BASE}?ssl={ssl}")
    assert params(url) == {"sslmode": [mode]}
    assert url.startswith("postgresql://u:p@db.example:5433/gs?")


def test_libpq_and_tortoise_parameters_carry_over_and_pool_options_are_left_out() -> None:
    url = libpq_url(
        f"{BASE}?minsize=2&maxsize=9&ssl=verify-full&sslrootcert=/etc/ca.pem"
        "&timeout=7&application_name=gs&schema=studio&max_queries=100"
    )
    assert params(url) == {
        "sslmode": ["verify-full"],
        "sslrootcert": ["/etc/ca.pem"],
        "connect_timeout": ["7"],
        "application_name": ["gs"],
        "options": ["-c search_path=studio"],
    }
    assert (
        libpq_url(f"{BASE}?sslmode=require&maxsize=3")
        == f"{BASE.replace('postgres', 'postgresql', 1)}?sslmode=require"
    )


@pytest.mark.parametrize(
    "query",
    [
        "ssl=maybe",  # no mode
        "ssl=",  # empty
        "ssl=require&sslmode=disable",  # disagree
        "direct_tls=true",  # asyncpg's, libpq has no such parameter
        "krbsrvname=postgres",
        "server_settings=x",
    ],
)
def test_what_cannot_be_carried_over_is_refused(query: str, tmp_path: Path) -> None:
    with pytest.raises(DatabaseUrlError) as refused:
        libpq_url(f"{BASE}?{query}")
    assert "p@" not in str(refused.value), "the password is not in the message"
    # at start-up: the queue scheduler is not made
    syncer = ProjectSyncer(tmp_path / "mirrors", Credentials("", "", "", ""))
    with pytest.raises(DatabaseUrlError):
        make_scheduler("procrastinate", syncer, f"{BASE}?{query}", 4, 30, 300)


def test_agreeing_ssl_and_sslmode_are_one_parameter() -> None:
    assert params(libpq_url(f"{BASE}?ssl=true&sslmode=verify-full")) == {"sslmode": ["verify-full"]}


@pytest.mark.parametrize("mode", SSL_MODES)
def test_the_app_and_the_queue_read_one_tls_mode(mode: str) -> None:
    """The app's connection (tortoise -> asyncpg) gets the mode by name, as the queue's
    libpq does: tortoise alone would read any ``ssl=`` as true."""
    (connection,) = tortoise_config(f"{BASE}?ssl={mode}")["connections"].values()
    assert connection["credentials"]["ssl"] == mode
    assert params(libpq_url(f"{BASE}?ssl={mode}")) == {"sslmode": [mode]}


def test_ssl_true_is_verify_full_for_both() -> None:
    (connection,) = tortoise_config(f"{BASE}?ssl=true")["connections"].values()
    # left to tortoise, which reads it as True: asyncpg's verify-full
    assert expand_db_url(connection)["credentials"]["ssl"] is True
    assert params(libpq_url(f"{BASE}?ssl=true")) == {"sslmode": ["verify-full"]}


async def test_job_results_are_kept_the_hours_the_setting_says(tmp_path: Path) -> None:
    """GITSTUDIO_JOB_RESULTS_KEPT_HOURS (storage.limits): the workers' sweep prunes the
    results older than it, and only those."""
    async with fresh_postgres("gitstudio_results") as url:
        syncer = ProjectSyncer(tmp_path / "mirrors", Credentials("", "", "", ""))
        scheduler = QueueScheduler(syncer, url)
        await scheduler.start()
        try:
            await scheduler.prepare_schema()
            for job_id, hours in ((1, 30), (2, 3), (3, 0)):
                await scheduler.connector.execute_query_async(
                    "INSERT INTO gitstudio_job_results (job_id, project_id, finished_at)"
                    " VALUES (%(id)s, 1, now() - make_interval(hours => %(hours)s))",
                    id=job_id,
                    hours=hours,
                )

            async def kept() -> list[int]:
                rows = await scheduler.connector.execute_query_all_async(
                    "SELECT job_id FROM gitstudio_job_results ORDER BY job_id"
                )
                return [row["job_id"] for row in rows]

            await scheduler.requeue_stalled()  # the default: 24 hours
            assert await kept() == [2, 3]
            limits.configure(replace(Settings(), job_results_kept_hours=1.0))
            try:
                await scheduler.requeue_stalled()
            finally:
                limits.configure(Settings())
            assert await kept() == [3]
        finally:
            await scheduler.stop()
