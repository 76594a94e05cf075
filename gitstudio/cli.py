"""The ``gitstudio`` command: serve, worker, token, user, project, export-schema."""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import json
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from gitstudio.settings import Settings, from_env

# serve's SIGTERM grace is the worker's (exported here too: bench/idle_subscribers.py)
from gitstudio.worker import GRACEFUL_SHUTDOWN_SECONDS as GRACEFUL_SHUTDOWN_SECONDS

log = logging.getLogger("gitstudio")


def _settings(args: argparse.Namespace) -> Settings:
    return from_env().with_overrides(
        data_dir=Path(args.data_dir) if getattr(args, "data_dir", None) else None,
        database_url=getattr(args, "database_url", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
    )


async def _with_db(settings: Settings, work: Callable[[], Awaitable[Any]]) -> Any:
    from storage import db, deliveries, limits

    limits.configure(settings)  # what indexing may store
    deliveries.configure(settings)  # its syncs and writes queue webhook deliveries
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    await db.init_db(settings.effective_database_url)
    try:
        return await work()
    finally:
        await db.close_db()


def serve_ws(name: str, lean: str = "gitstudio.ws_server") -> str | type[asyncio.Protocol]:
    """What ``uvicorn.run(ws=...)`` takes for GITSTUDIO_WS_PROTOCOL ``name`` (an unknown name
    fails here, before anything starts). The lean protocol (module ``lean``) builds on
    uvicorn's internals: when it cannot be imported (a uvicorn outside the versions
    pyproject.toml allows), ``serve`` warns and runs uvicorn's own websockets-sansio."""
    try:
        ws_server = importlib.import_module(lean)
    except ImportError as exc:
        if name != "lean":
            return name  # one of uvicorn's own: uvicorn checks the name as it starts
        log.warning(
            "GITSTUDIO_WS_PROTOCOL=lean is not available with this uvicorn (%s): serving"
            " websockets with uvicorn's websockets-sansio, which holds more per idle"
            " connection",
            exc,
        )
        return "websockets-sansio"
    resolve: Callable[[str], str | type[asyncio.Protocol]] = ws_server.uvicorn_ws
    return resolve(name)


def tune_gc() -> None:
    """The collector settings of a long-lived server (``serve``; bench/table.py measures
    the CSV export under them): what start-up created moved out of the collector's reach,
    young objects collected less often; full collections otherwise pause every request for
    40-160 ms."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    from gitstudio.app import create_app

    settings = _settings(args)
    ws = serve_ws(settings.ws_protocol)
    if args.poll_interval is not None:
        settings = settings.with_overrides(poll_interval=args.poll_interval)
    if args.demo:
        token = asyncio.run(_with_db(settings, lambda: _prepare_demo(settings)))
        _print_welcome(settings, token)
    tune_gc()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level="info",
        access_log=False,
        ws=ws,
        ws_per_message_deflate=False,
        ws_max_size=settings.ws_max_message_bytes,  # larger frames closed (1009) unread
        # SIGTERM: requests still running after this many seconds are cancelled (their
        # statements with them, storage.db), so the process exits within 10 s even mid-query
        # (docker stop's default grace); uvicorn's default waits for them forever.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        # JSON logs: uvicorn's own lines go through the root logger's JSON handler too.
        log_config=None if settings.log_format == "json" else LOGGING_CONFIG,
    )
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Run sync jobs of the job queue (GITSTUDIO_JOB_QUEUE=procrastinate) until SIGTERM."""
    from gitstudio import worker

    asyncio.run(worker.run(_settings(args), args.concurrency))
    return 0


async def _prepare_demo(settings: Settings) -> str | None:
    """Build the demo repository once, add it as a project, mint a first token."""
    from gitstudio.demo import ensure_demo

    return await ensure_demo(settings)


def _print_welcome(settings: Settings, token: str | None) -> None:
    from gitstudio.demo import DEMO_NAME

    url = f"{settings.base_url}/graphql"
    lines = [
        "",
        "gitstudio is starting with the demo project.",
        "",
        f"  The dashboard: {settings.base_url}/projects/{DEMO_NAME}",
        f"    sign in at {settings.base_url}/login as a user with a password:",
        "    gitstudio user create NAME --admin --password-stdin",
        "",
    ]
    if token:
        header = quote(json.dumps({"Authorization": f"token {token}"}))
        lines += [
            f"  Your first access token (ADMIN; shown once, stored hashed): {token}",
            "",
            f"  Open GraphiQL with the token already in its headers:\n    {url}?headers={header}",
            "",
            f"  Or from a shell:\n    curl -s {url} -H 'Authorization: token {token}' "
            "-H 'Content-Type: application/json' \\\n"
            '      -d \'{"query": "{ projects { nodes { name commits { totalCount } } } }"}\'',
        ]
    else:
        lines += [
            f"  Open {url} and send 'Authorization: token <TOKEN>' in the headers.",
            "  Tokens exist already; mint another with:",
            "    gitstudio token create --name me --scope ADMIN",
        ]
    print("\n".join(lines) + "\n", flush=True)


def cmd_token_create(args: argparse.Namespace) -> int:
    from storage.errors import DomainError
    from storage.tokens import check_token_name, create_token, parse_owner, parse_scopes
    from storage.users import user_by_name

    try:
        scopes = parse_scopes(args.scope)
        owner = parse_owner(args.owner_name, args.owner_email)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def work() -> str:
        name = check_token_name(args.name)
        user_id = None  # the built-in admin's
        if args.user is not None:
            user = await user_by_name(args.user)
            if user is None:
                raise DomainError("NOT_FOUND", f"no user named {args.user!r}", "user")
            if user.disabled_at is not None:
                raise DomainError("INVALID", f"user {args.user!r} is disabled", "user")
            user_id = user.id
        projects = None
        if args.project:
            projects = frozenset([await _project_id(p) for p in args.project])
        _row, token = await create_token(name, scopes, owner, user_id, projects)
        return token

    return _report(_settings(args), work)


async def _project_id(name: str) -> int:
    from storage import queries
    from storage.errors import DomainError

    found = await queries.project_by_name(name)
    if found is None:
        raise DomainError("NOT_FOUND", f"no project named {name!r}", "project")
    return found.id


def cmd_user_create(args: argparse.Namespace) -> int:
    from storage.users import create_user

    # One line from standard input (the trailing newline dropped), never an argument: an
    # argument shows in the process list and the shell's history.
    password = _stdin_line() if args.password_stdin else None

    async def work() -> str:
        user = await create_user(args.name, email=args.email, admin=args.admin, password=password)
        role = "site admin" if user.admin else "user"
        return f"created {role} {user.name} (id {user.id})"

    return _report(_settings(args), work)


def cmd_user_list(args: argparse.Namespace) -> int:
    """One line per user, by name, tab-separated: id, name, email (``-`` for none), ``admin``
    for a site admin else ``-``, ``disabled`` else ``-``, its live tokens."""
    from storage.users import list_users

    for u in asyncio.run(_with_db(_settings(args), list_users)):
        admin = "admin" if u.admin else "-"
        disabled = "disabled" if u.disabled_at is not None else "-"
        print(f"{u.id}\t{u.name}\t{u.email or '-'}\t{admin}\t{disabled}\t{u.tokens}")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from storage.users import disable_user

    async def work() -> str:
        user = await disable_user(args.name)
        return f"disabled user {user.name} (id {user.id})"

    return _report(_settings(args), work)


def cmd_user_enable(args: argparse.Namespace) -> int:
    from storage.users import enable_user

    async def work() -> str:
        user = await enable_user(args.name)
        return f"enabled user {user.name} (id {user.id})"

    return _report(_settings(args), work)


def _stdin_line() -> str:
    """Bytes that are not UTF-8 come out as lone surrogates (as in arguments), which the
    password check refuses (INVALID) instead of a decoding traceback."""
    line = sys.stdin.buffer.readline().decode("utf-8", "surrogateescape")
    return line.removesuffix("\n").removesuffix("\r")


def _syncer(settings: Settings) -> Any:
    from gitstudio.app import State

    return State(settings).syncer


def _report(settings: Settings, work: Callable[[], Awaitable[str]]) -> int:
    """Run ``work`` against the database; print its line, or the user error and exit 1."""
    from storage.errors import DomainError

    try:
        print(asyncio.run(_with_db(settings, work)))
    except DomainError as exc:
        print(f"error [{exc.code}]: {exc.message}", file=sys.stderr)
        return 1
    return 0


def cmd_project_add(args: argparse.Namespace) -> int:
    settings = _settings(args)

    async def work() -> str:
        from sync.repo_policy import operator_url

        # The operator may add any local path (the API only what the policy admits).
        repo = operator_url(args.repo)
        project = await _syncer(settings).create(repo, args.name, args.subdir or "", None)
        return f"added project {project.name} (id {project.id})"

    return _report(settings, work)


def cmd_project_sync(args: argparse.Namespace) -> int:
    from storage.errors import DomainError
    from storage.models import Project

    settings = _settings(args)

    async def work() -> str:
        project = await Project.get_or_none(name=args.name)
        if project is None:
            raise DomainError("NOT_FOUND", f"no project named {args.name!r}")
        report = await _syncer(settings).sync(project)
        return (
            f"synced {project.name}: {report.new_commits} new commits, "
            f"{report.new_experiments} new experiments, {report.seconds:.2f}s"
        )

    return _report(settings, work)


def cmd_project_list(args: argparse.Namespace) -> int:
    from storage.models import Project

    async def work() -> list[Project]:
        return await Project.all().order_by("id")

    for p in asyncio.run(_with_db(_settings(args), work)):
        sub = f" [{p.subdir}]" if p.subdir else ""
        print(f"{p.id}\t{p.name}\t{p.repo_url}{sub}")
    return 0


def cmd_export_schema(args: argparse.Namespace) -> int:
    from schema import schema

    sys.stdout.write(schema.as_str() + "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gitstudio", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", help="data directory (GITSTUDIO_DATA_DIR)")
        p.add_argument("--database-url", help="database URL (GITSTUDIO_DATABASE_URL)")

    serve = sub.add_parser("serve", help="run the server")
    common(serve)
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--demo", action="store_true", help="add a generated demo project")
    serve.add_argument("--poll-interval", type=float, help="seconds between background syncs")
    serve.set_defaults(func=cmd_serve)

    work = sub.add_parser("worker", help="run sync jobs from the job queue (PostgreSQL)")
    common(work)
    work.add_argument(
        "--concurrency", type=int, help="jobs run at once (GITSTUDIO_WORKER_CONCURRENCY)"
    )
    work.set_defaults(func=cmd_worker)

    token = sub.add_parser("token", help="access tokens").add_subparsers(
        dest="action", required=True
    )
    create = token.add_parser("create", help="mint a token and print it (once)")
    common(create)
    create.add_argument("--name", required=True)
    create.add_argument(
        "--scope",
        action="append",
        required=True,
        help="READ, PROJECTS, EXPERIMENTS, MODELS or ADMIN (repeatable)",
    )
    create.add_argument("--owner-name", help="author of the commits written with the token")
    create.add_argument("--owner-email", help="(with --owner-name)")
    create.add_argument(
        "--user", help="the user the token belongs to (default: the built-in admin user)"
    )
    create.add_argument(
        "--project",
        action="append",
        help="restrict the token to this project (repeatable; default: every project its"
        " user's roles reach)",
    )
    create.set_defaults(func=cmd_token_create)

    user = sub.add_parser("user", help="users").add_subparsers(dest="action", required=True)
    new_user = user.add_parser("create", help="add a user")
    common(new_user)
    new_user.add_argument("name", help="1-100 letters, digits, '.', '_' or '-'")
    new_user.add_argument("--email")
    new_user.add_argument(
        "--admin", action="store_true", help="a site admin: sees and does everything"
    )
    new_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the user's password from the first line of standard input",
    )
    new_user.set_defaults(func=cmd_user_create)
    users = user.add_parser(
        "list", help="list users: id, name, email, admin, disabled, live tokens (tab-separated)"
    )
    common(users)
    users.set_defaults(func=cmd_user_list)
    disable = user.add_parser(
        "disable", help="disable a user: its tokens authenticate as nobody (not the last admin)"
    )
    common(disable)
    disable.add_argument("name", help="found in any case")
    disable.set_defaults(func=cmd_user_disable)
    enable = user.add_parser("enable", help="enable a disabled user again")
    common(enable)
    enable.add_argument("name", help="found in any case")
    enable.set_defaults(func=cmd_user_enable)

    project = sub.add_parser("project", help="projects").add_subparsers(
        dest="action", required=True
    )
    add = project.add_parser("add", help="add a repository and index it")
    common(add)
    add.add_argument("repo")
    add.add_argument("--name")
    add.add_argument("--subdir")
    add.set_defaults(func=cmd_project_add)
    sync = project.add_parser("sync", help="fetch and index a project")
    common(sync)
    sync.add_argument("name")
    sync.set_defaults(func=cmd_project_sync)
    lst = project.add_parser("list", help="list projects")
    common(lst)
    lst.set_defaults(func=cmd_project_list)

    export = sub.add_parser("export-schema", help="print the GraphQL SDL")
    export.set_defaults(func=cmd_export_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from storage.telemetry import configure_logging

    # GITSTUDIO_LOG_FORMAT: text, or json lines with the request and job ids
    configure_logging(from_env().log_format)
    args = _parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
