"""The experiments table as CSV: ``GET /api/projects/{project_id}/experiments.csv``.

The query string carries the table's own arguments: ``filter`` and ``orderBy`` as JSON in
the shapes of the GraphQL inputs ``ExperimentFilter`` and ``[ExperimentOrder!]``, read by the
code that reads a GraphQL request's (schema.experiments.table_query), and ``columns``, param
and metric column ids, repeated or comma-separated (every column of the project when
omitted, at most GITSTUDIO_MAX_COLUMNS), or ``view``, the name of a saved view (the caller's
own of that name, else the shared one; a missing one is a typed 404): its filter, order and
columns (those the project still has), each replaced by ``filter``, ``orderBy`` or
``columns`` when given too, as ``Project.experiments(view:)`` does. Anything refused is a
typed 400 before a byte of CSV is sent. The caller is who the one gate says (token, session
cookie, anonymous for PUBLIC projects) and must READ the project; one it may not read answers
as a missing one.

The rows are those of ``Project.experiments`` in its order, read a page at a time
(GITSTUDIO_MAX_PAGE_SIZE rows) through the table's keyset cursor and written as each page
comes: memory stays one page whatever the table holds. Text cells that a spreadsheet would
run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) are
prefixed with ``'``, as OWASP's "CSV Injection" page recommends; numbers are written as
numbers (a negative metric stays ``-0.5``).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

import orjson
import strawberry
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from gitstudio.rest import HttpError, guard
from resolvers import experiments as resolve
from resolvers import views
from resolvers.errors import ApiError
from schema.experiments import table_query
from schema.scalars import git_time
from storage.access import READ
from storage.queries import ExperimentQuery
from storage.records import ExperimentRecord

if TYPE_CHECKING:
    from gitstudio.app import State

log = logging.getLogger(__name__)

FIXED = ("kind", "sha", "name", "baseline sha", "status", "author", "created at", "message")
MAX_QUERY = 16 * 1024  # bytes of query string: filters a person or a script writes fit
_FORMULA = frozenset("=+-@\t\r")
_PLAIN = frozenset({int, float, type(None)})  # type(): a bool is not plain


class ExperimentsCsv:
    def __init__(self, state: State, schema: strawberry.Schema) -> None:
        self.settings = state.settings
        self.tokens = state.gate
        self.schema = schema

    def routes(self) -> list[BaseRoute]:
        return [
            Route(
                "/api/projects/{project_id:int}/experiments.csv",
                guard(self.export),
                methods=["GET"],
            )
        ]

    async def export(self, request: Request) -> Response:
        principal = await self.tokens.caller(request, READ)
        project_id: int = request.path_params["project_id"]
        if not await self.tokens.allows_project(principal, project_id, READ):
            raise HttpError(404, f"no project {project_id}")
        try:
            query, columns = await self._arguments(request, project_id, principal.user_id)
            pages = resolve.every_page(project_id, query, self.settings.max_page_size)
            first = await anext(pages)  # refused here, before the response starts
        except ApiError as exc:
            raise HttpError(400, exc.message, exc.code) from None
        return StreamingResponse(
            _csv(first, pages, columns, project_id),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": (
                    f'attachment; filename="project-{project_id}-experiments.csv"'
                ),
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "no-store",
            },
        )

    async def _arguments(
        self, request: Request, project_id: int, user_id: int | None
    ) -> tuple[ExperimentQuery, list[str]]:
        params = request.query_params
        if len(request.url.query) > MAX_QUERY:
            raise HttpError(414, f"the query string exceeds {MAX_QUERY} bytes", "TOO_LARGE")
        unknown = set(params) - {"filter", "orderBy", "columns", "view"}
        if unknown:
            raise HttpError(400, f"unknown parameter {sorted(unknown)[0]!r}")
        repeated = [n for n in ("filter", "orderBy", "view") if len(params.getlist(n)) > 1]
        if repeated:  # which one would count is a guess: none does
            raise HttpError(400, f"{repeated[0]} is given more than once")
        given: dict[str, Any] = {}
        view_columns: list[str] = []
        if "view" in params:
            view = await views.named(project_id, user_id, params["view"])
            if view is None:
                raise HttpError(404, f"no view {params['view']!r} in project {project_id}")
            given = views.table_arguments(views.state_of(view))
            view_columns = await views.shown_columns(project_id, view)
        given.update(
            (name, _json(name, params[name])) for name in ("filter", "orderBy") if name in params
        )
        query = table_query(self.schema, given)
        wanted = [c for value in params.getlist("columns") for c in _split(value)]
        columns = await resolve.export_columns(
            project_id, wanted or view_columns, self.settings.max_columns
        )
        return query, columns


def _json(name: str, text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        raise HttpError(400, f"{name} is not valid JSON") from None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


async def _csv(
    first: list[ExperimentRecord],
    rest: AsyncIterator[list[ExperimentRecord]],
    columns: list[str],
    project_id: int,
) -> AsyncIterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*FIXED, *(_safe(c) for c in columns)])
    page: list[ExperimentRecord] | None = first
    try:
        while page is not None:
            writer.writerows(row(record, columns) for record in page)
            yield out.getvalue()
            out.seek(0)
            out.truncate()
            page = await anext(rest, None)
    except Exception:  # the status is sent: the client sees a cut body, the log says why
        log.exception("CSV export of project %s failed while streaming", project_id)
        raise


def row(record: ExperimentRecord, columns: Sequence[str]) -> list[Any]:
    """One CSV row of the table: the fixed fields, then the value of each column."""
    author = record.author_name or ""
    if author and record.author_email:
        author = f"{author} <{record.author_email}>"
    return [
        record.kind,
        record.sha or "",
        _safe(record.name or ""),
        record.baseline_sha or "",
        record.status,
        _safe(author),
        git_time(record.created_at).isoformat(),
        _safe((record.message or "").split("\n", 1)[0]),
        # Numbers and missing values (csv writes None as nothing) go as they are: most
        # cells, so they skip cell() (a page is written at a fraction of csv.writer's pace).
        *[v if type(v) in _PLAIN else cell(v) for v in resolve.cell_values(record, columns)],
    ]


def cell(value: Any) -> Any:
    """A param or metric value as CSV text: JSON's spelling for booleans and containers,
    numbers as Python writes them, text made formula-safe, nothing for a missing value."""
    kind = type(value)  # the exact types orjson gives (a bool is no int here)
    if kind is str:
        return _safe(value)
    if kind is int or kind is float:
        return value
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    return _safe(orjson.dumps(value).decode())


def _safe(text: str) -> str:
    return "'" + text if text[:1] in _FORMULA else text


def experiments_csv_routes(state: State, schema: strawberry.Schema) -> list[BaseRoute]:
    return ExperimentsCsv(state, schema).routes()
