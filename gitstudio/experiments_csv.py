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
comes: memory stays one page whatever the table holds. A page reads only what the CSV
writes (storage.queries.export_rows(): not a row's errors, plots, deps or outs; on SQLite
only the exported columns' values of the documents, read by json_extract) and is written
column by column (PageWriter: each step down a column's path, each column's formatting and
the rows' joining done for the whole page in C, not cell by cell in Python),
the text csv.writer would write for the same rows (tests/test_csv_pages.py). Text cells
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) are prefixed with ``'``, as OWASP's "CSV Injection" page recommends;
numbers are written as Python writes them (a negative metric stays ``-0.5``).
"""

from __future__ import annotations

import csv
import io
import logging
import time
from collections.abc import AsyncIterator, Sequence
from itertools import compress, repeat
from operator import is_
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
from storage.cells import ColumnLookup, place, split_column_key
from storage.queries import ExperimentQuery, export_rows
from storage.records import ExportRow
from sync.indexer import gc_paused

if TYPE_CHECKING:
    from gitstudio.app import State

log = logging.getLogger(__name__)

FIXED = ("kind", "sha", "name", "baseline sha", "status", "author", "created at", "message")
MAX_QUERY = 16 * 1024  # bytes of query string: filters a person or a script writes fit
_FORMULA = frozenset("=+-@\t\r")


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
            shape = export_rows([place(*split_column_key(c)) for c in columns])
            pages = resolve.every_page(project_id, query, self.settings.max_page_size, shape.rows)
            first = await anext(pages)  # refused here, before the response starts
        except ApiError as exc:
            raise HttpError(400, exc.message, exc.code) from None
        writer = PageWriter(columns, len(first), shape.arrays)
        return StreamingResponse(
            _csv(first, pages, columns, writer, project_id),
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
    first: list[ExportRow],
    rest: AsyncIterator[list[ExportRow]],
    columns: list[str],
    writer: PageWriter,
    project_id: int,
) -> AsyncIterator[str]:
    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow([*FIXED, *(_safe(c) for c in columns)])
    page: list[ExportRow] | None = first
    try:
        yield header.getvalue()
        while page is not None:
            yield writer.text(page)
            page = await anext(rest, None)
    except Exception:  # the status is sent: the client sees a cut body, the log says why
        log.exception("CSV export of project %s failed while streaming", project_id)
        raise


class PageWriter:
    """The CSV text of pages of rows, column by column: each column's fields made for the
    whole page (its values' types looked at once, each distinct value formatted once) and
    the rows joined. The text is what csv.writer writes for the rows (QUOTE_MINIMAL,
    ``\\r\\n``) of :func:`cell`'s values. The values of a part (params, metrics) in
    ``arrays`` come as a JSON array per row (storage.queries.ExportShape), the others' as
    the documents, looked up here."""

    def __init__(
        self, columns: Sequence[str], rows: int, arrays: frozenset[str] = frozenset()
    ) -> None:
        places = [place(*split_column_key(c)) for c in columns]
        self.width = len(places)
        # The columns of each part read as arrays, in the arrays' order; the others'.
        self.arrays = [(part, [i for i, p in enumerate(places) if p[0] == part]) for part in arrays]
        self.looked_up = [i for i, p in enumerate(places) if p[0] not in arrays]
        self.lookup = ColumnLookup([places[i] for i in self.looked_up])
        # The texts of the numbers met so far (floats and ints apart: 1 == 1.0), kept from
        # page to page (params repeat), at most a page of cells of each.
        self.numbers: dict[type, dict[Any, str]] = {int: {None: ""}, float: {None: ""}}
        self.most = rows * max(len(columns), 1)
        # Which columns held only numbers, booleans and missing values on the pages before
        # (all, before the first): the guess that groups them in runs (_segments). A column
        # found to hold anything else is not tried again (the try costs an orjson text of
        # it per page); the general path writes the same fields.
        self.scalar = [True] * len(columns)

    def text(self, rows: Sequence[ExportRow]) -> str:
        # A page's parsed documents live until its text is made: CPython's collector, run
        # meanwhile, would move them to its oldest generation and so scan the whole heap
        # every few pages (some 40 % of the export, collector settings as in process). They
        # hold no cycle: nothing is left for it to find when they are freed.
        with gc_paused():
            return self._text(rows)

    def _text(self, rows: Sequence[ExportRow]) -> str:
        if not rows:
            return ""
        (kind, sha, name, baseline, status, author, message, at, params, metrics, iso) = zip(
            *rows, strict=True
        )
        cells = self._values({"params": params, "metrics": metrics})
        fixed = [
            _texts(kind, safe=False),
            _texts(sha, safe=False),
            _texts(name),
            _texts(baseline, safe=False),
            _texts(status, safe=False),
            _texts(author),
            iso if None not in iso else _times(at),
            _texts(_first_lines(message)),
        ]
        lines = map(",".join, zip(*fixed, *self._segments(cells), strict=True))
        return "\r\n".join(lines) + "\r\n"

    def _values(self, texts: dict[str, Sequence[Any]]) -> list[Sequence[Any]]:
        """The values of each param and metric column on the page, from the texts of each
        part: its documents parsed and looked up, or its arrays parsed (one orjson call for
        the page) and turned into columns."""
        found = self.lookup(lambda part: list(map(orjson.loads, texts[part])))
        columns: list[Sequence[Any]] = [()] * self.width
        for i, looked_up in zip(self.looked_up, found, strict=True):
            columns[i] = looked_up
        for part, at in self.arrays:
            rows = orjson.loads(f"[{','.join(texts[part])}]")
            # Not strict: the array of a part of one column holds its value twice.
            for i, values in zip(at, zip(*rows, strict=True), strict=False):
                columns[i] = values
        return columns

    def _segments(self, columns: list[Sequence[Any]]) -> list[list[str]]:
        """The param and metric fields of a page, a list per segment of the row: each run
        of adjacent columns guessed to hold numbers, booleans and missing values is one
        segment, its fields of a row already joined (one orjson text for the run: no
        Python object per cell), any other column is a segment of its own."""
        segments: list[list[str]] = []
        run: list[int] = []
        for i, values in enumerate(columns):
            if self.scalar[i]:
                run.append(i)
                continue
            if run:
                segments += self._run(run, columns)
                run = []
            segments.append(self._fields(values))
        if run:
            segments += self._run(run, columns)
        return segments

    def _run(self, run: list[int], columns: list[Sequence[Any]]) -> list[list[str]]:
        """The segments of a run of columns guessed scalar: one, or where the guess is
        wrong for a column of the run, a segment per column (the guesses corrected)."""
        joined = _scalar_rows([columns[i] for i in run])
        if joined is not None:
            return [joined]
        return [self._column(i, columns[i]) for i in run]

    def _column(self, i: int, values: Sequence[Any]) -> list[str]:
        """The CSV fields of the ``i``th param or metric column, its guess set."""
        scalars = _scalar_rows([values])  # a run of one column: each row's one field
        self.scalar[i] = scalars is not None
        return scalars if scalars is not None else self._fields(values)

    def _fields(self, values: Sequence[Any]) -> list[str]:
        """The CSV fields of a column of param or metric values not all scalars (or past
        orjson's spelling). A column of one type goes at C speed: numbers through the table
        of their texts (a float's text is its costliest part), booleans through theirs,
        text through _texts."""
        kinds = set(map(type, values))
        kinds.discard(_NONE)
        if len(kinds) == 1:
            kind = kinds.pop()
            if kind is str:
                return _texts(values)
            if kind is int or kind is float:
                found = self._numbers(kind, values)
                if found is not None:
                    return found
            elif kind is bool:
                return list(map(_BOOLS.__getitem__, values))
            elif (kind is list or kind is dict) and None not in values:
                return _json_texts(list(map(bytes.decode, map(orjson.dumps, values))))
        elif not kinds:
            return [""] * len(values)
        return list(map(_field, values))

    def _numbers(self, kind: type, values: Sequence[Any]) -> list[str] | None:
        """The fields of a column of numbers of ``kind`` (or None), through the table of
        the texts met so far; None for a column holding 0.0 or -0.0 (equal: one entry for
        two texts)."""
        texts = self.numbers[kind]
        found: list[Any] = list(map(texts.get, values))
        if None not in found:
            return found
        new = set(compress(values, map(is_, found, repeat(None))))
        if kind is float and 0.0 in new:
            return None
        if len(texts) + len(new) > self.most:  # full: a table of this column's alone
            texts.clear()
            texts[None] = ""
            new = set(values)
            new.discard(None)
        texts.update(zip(new, map(str, new), strict=True))
        return list(map(texts.__getitem__, values))


def _scalar_rows(columns: Sequence[Sequence[Any]]) -> list[str] | None:
    """The fields of columns holding only numbers, booleans and missing values, each
    row's joined (``0.5,3,,true``), from one ``orjson.dumps`` of the rows (C, some 30 ns a
    value, a tenth of a float's ``repr``): orjson writes ``true``, ``false``, ints and most
    floats as cell() does and ``null`` for a missing value (nothing); None unless every
    column holds only those. (orjson writes a NaN or an infinity as null too, but the
    values are parsed JSON: none.)"""
    rows = list(zip(*columns, strict=True))
    try:
        text = orjson.dumps(rows)
    except orjson.JSONEncodeError:
        return None
    if not _scalars(text, len(rows) + 1):
        return None
    return text[2:-2].replace(b"null", b"").decode().split("],[")


def _scalars(text: bytes, lists: int) -> bool:
    """Whether orjson's ``text`` of a list of rows (``lists`` lists in all) holds only
    what cell() writes as orjson does: no text or object (a quote, a brace), no list
    beyond those (a bracket more), and no float Python writes otherwise: from 1e16 on and
    below 1e-7 orjson's exponent lacks Python's sign or padding (``1e16``, ``1e-7``:
    Python ``1e+16``, ``1e-07``), and from 1e-7 to 1e-4 orjson writes digits
    (``0.00001``) where Python writes an exponent. Between, both write the shortest text
    that reads back as the float (tests/test_csv_pages.py compares them over random bit
    patterns). Plain scans of the bytes: a regular expression takes 30 times as long."""
    exponents = text.count(b"e") - text.count(b"true") - text.count(b"false")
    return (
        exponents == 0
        and text.count(b"[") == lists
        and b'"' not in text
        and b"{" not in text
        and b"0.0000" not in text
    )


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


_FORMULAS = tuple(_FORMULA)  # str.startswith's
_NONE = type(None)
_EMPTY: dict[Any, Any] = {None: ""}
_BOOLS: dict[Any, str] = {True: "true", False: "false", None: ""}


def _quote(text: str) -> str:
    """``text`` as csv.writer writes a field (QUOTE_MINIMAL, doubled quotes)."""
    if _quoted(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def _quoted(text: str) -> bool:
    """Whether csv.writer quotes ``text`` (QUOTE_MINIMAL: the delimiter, the quote, a line
    end in it). Four scans of the text are faster than one of a regular expression."""
    return "," in text or '"' in text or "\r" in text or "\n" in text


def _field(value: Any) -> str:
    """The CSV field of a param or metric value (:func:`cell`'s value as csv.writer
    writes it)."""
    text = cell(value)
    return _quote(text) if type(text) is str else str(text)


def _texts(values: Sequence[str | None], safe: bool = True) -> list[str]:
    """The CSV fields of a column of texts (None: nothing), made formula-safe unless not
    ``safe`` (texts the app writes: kinds, shas, statuses). A column none of whose texts is
    quoted or changed goes as it is."""
    distinct: set[Any] = set(values)
    distinct.discard(None)
    if not _quoted("\x00".join(distinct)) and not (
        safe and any(map(str.startswith, distinct, repeat(_FORMULAS)))
    ):
        return list(map(_EMPTY.get, values, values))
    quote = _field if safe else _quote
    texts: dict[str | None, str] = {text: quote(text) for text in distinct if text is not None}
    texts[None] = ""
    return list(map(texts.__getitem__, values))


def _json_texts(texts: list[str]) -> list[str]:
    """The fields of a column of JSON texts (lists, objects). orjson escapes every control
    character, so none holds a line end or a NUL; none starts as a formula. The usual
    column, each text holding a comma (a list of several values, an object of several
    keys), is quoted at once: the texts joined by NUL, quotes doubled, split again."""
    if all(map(str.__contains__, texts, repeat(","))):
        doubled = "\x00".join(texts).replace('"', '""')
        return ('"' + doubled.replace("\x00", '"\x00"') + '"').split("\x00")
    return _texts(texts)


# Times (Unix seconds) whose year has four digits: time.strftime's %Y pads none.
_FOUR_DIGIT_YEARS = range(-30610224000, 253402300800)


def _times(times: Sequence[int]) -> list[str]:
    """ISO 8601 texts of creation times, as schema.scalars.git_time(t).isoformat() writes
    them (UTC), by time.strftime for a page's distinct times at once."""
    distinct = set(times)
    if min(distinct) in _FOUR_DIGIT_YEARS and max(distinct) in _FOUR_DIGIT_YEARS:
        found = map(time.strftime, repeat("%Y-%m-%dT%H:%M:%S+00:00"), map(time.gmtime, distinct))
    else:
        found = map(_iso, distinct)
    texts = dict(zip(distinct, found, strict=True))
    return list(map(texts.__getitem__, times))


def _iso(epoch: int) -> str:
    return git_time(epoch).isoformat()


def _first_lines(messages: Sequence[str | None]) -> Sequence[str | None]:
    if "\n" not in "\x00".join(filter(None, messages)):
        return messages
    return [m.split("\n", 1)[0] if m else m for m in messages]


def experiments_csv_routes(state: State, schema: strawberry.Schema) -> list[BaseRoute]:
    return ExperimentsCsv(state, schema).routes()
