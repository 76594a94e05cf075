"""The CSV export's page writer (gitstudio.experiments_csv.PageWriter) against csv.writer
writing the same rows row by row, as the export wrote them before it wrote whole pages: the
same bytes for values of every kind a param or metric may hold (columns of mixed types,
0.0 beside -0.0, 1 beside 1.0 and true, JSON with and without commas, text to quote or
defuse), for rows lacking a file or a key, and over pages whose number table fills up."""

from __future__ import annotations

import csv
import io
import math
import random
import sqlite3
import struct
import sys
from typing import Any

import orjson
import pytest

from gitstudio.experiments_csv import PageWriter, _quote, _safe, cell
from schema.scalars import git_time
from storage.cells import ColumnLookup, lookup, place, split_column_key
from storage.index import _json
from storage.queries import export_rows
from storage.records import ExportRow

COLUMNS = [
    "param:p.yaml:lr",
    "param:p.yaml:model.depth",
    "param:p.yaml:model",
    "param:p.yaml:tags",
    "param:p.yaml:note",
    "param:other.json:x",
    "metric:m.json:acc",
    "metric:m.json:mixed",
    "metric:m.json:zero",
    "metric:m.json:flag",
    "metric:m.json:obj",
]
TEXTS = ["", "plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", "=1+2", "+x", "-0.5",
         "@SUM(A1)", "\ttab", " lead", "ünï", "\x00nul", "=", "'quoted"]  # fmt: skip
TIMES = [0, -1, 1843989200, -30610224000, 253402300799, 86399, 951782400]


# A row as the table stores it: kind, sha, name, baseline sha, status, author's name and
# email, message, creation time, the params and metrics documents (orjson's text).
Source = tuple[Any, ...]


def reference(rows: list[Source], columns: list[str]) -> str:
    """csv.writer of each row as the export wrote rows before pages were written whole."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    places = [place(*split_column_key(c)) for c in columns]
    for kind, sha, name, baseline, status, who, email, message, at, params, metrics in rows:
        documents = {"params": params, "metrics": metrics}
        author = who or ""
        if author and email:
            author = f"{author} <{email}>"
        values = lookup(lambda part, d=documents: orjson.loads(d[part]), places)  # type: ignore[misc]
        writer.writerow(
            [kind, sha or "", _safe(name or ""), baseline or "", status, _safe(author),
             git_time(at).isoformat(), _safe((message or "").split("\n", 1)[0]),
             *map(cell, values)]
        )  # fmt: skip
    return out.getvalue()


def document_rows(rows: list[Source]) -> list[ExportRow]:
    """The rows as PostgreSQL reads them (storage.queries.export_rows): the documents, the
    author as the statement writes it, the time's text left to the PageWriter."""
    return [
        (kind, sha, name, baseline, status, author(who, email), message, at, params, metrics,
         None)
        for kind, sha, name, baseline, status, who, email, message, at, params, metrics in rows
    ]  # fmt: skip


def author(name: str | None, email: str | None) -> str:
    return f"{name} <{email}>" if name and email else name or ""


def value(rng: random.Random, kind: str) -> Any:
    if kind == "float":
        return rng.choice([0.5, 0.25, 1e-05, 1e16, 123456789.123, -2.5, rng.random()])
    if kind == "mixed":
        return rng.choice([1, 1.0, True, False, 0, 0.0, -0.0, None, "1", [1, 2], {"a": 1}])
    if kind == "zero":
        return rng.choice([0.0, -0.0, 0.1])
    if kind == "json":
        return rng.choice([[1, 2], [3], [], {"a": "b,c"}, {}, ['"q"'], ["x\ny"]])
    return rng.choice(TEXTS)


def document_row(rng: random.Random, i: int) -> Source:
    params: dict[str, Any] = {
        "p.yaml": {
            "lr": value(rng, "float"),
            "model": rng.choice([{"depth": rng.randint(-3, 300)}, {"width": 2}, 5, "m", None]),
            "tags": value(rng, "json"),
            "note": value(rng, "text"),
        }
    }
    if rng.random() < 0.3:
        params["other.json"] = rng.choice([{"x": i}, [1, 2], "text", {"y": 1}])
    if rng.random() < 0.1:
        del params["p.yaml"]["lr"]
    metrics = {
        "m.json": {
            "acc": rng.random() if rng.random() < 0.9 else None,
            "mixed": value(rng, "mixed"),
            "zero": value(rng, "zero"),
            "flag": rng.choice([True, False]),
            "obj": {"a": [1, 2]} if rng.random() < 0.8 else {"a": 1},
        }
    }
    return (
        rng.choice(["COMMIT", "EXPERIMENT"]),
        rng.choice([None, f"{i:040x}"]),
        rng.choice([None, *TEXTS]),
        rng.choice([None, f"{i + 1:040x}"]),
        "COMPLETED",
        rng.choice([None, "", "Alice", "=Eve", 'Q "x"']),
        rng.choice([None, "", "a@example.com", "b,c@example.com"]),
        rng.choice([None, "", "one line", "first\nsecond", "=cmd\nmore", *TEXTS]),
        rng.choice(TIMES),
        orjson.dumps(params).decode(),
        orjson.dumps(metrics).decode(),
    )


def pages_text(rows: list[Source], columns: list[str], size: int) -> str:
    """The PageWriter's pages of ``rows`` as PostgreSQL reads them (the documents)."""
    return written(document_rows(rows), columns, size)


def written(rows: list[ExportRow], columns: list[str], size: int, arrays: Any = frozenset()) -> str:
    writer = PageWriter(columns, size, arrays)
    return "".join(writer.text(rows[i : i + size]) for i in range(0, len(rows), size))


def test_pages_are_written_as_csv_writer_writes_their_rows() -> None:
    rng = random.Random(15)
    rows = [document_row(rng, i) for i in range(600)]
    expected = reference(rows, COLUMNS)
    for size in (1, 7, 50, 600):  # small pages refill the table of numbers' texts
        assert pages_text(rows, COLUMNS, size) == expected, size


def sqlite_rows(rows: list[Source], columns: list[str]) -> tuple[list[ExportRow], frozenset[str]]:
    """``rows`` read from a SQLite table by the export's own statement (its row shape:
    storage.queries.export_rows), and the parts it read as arrays."""
    shape = export_rows([place(*split_column_key(c)) for c in columns], postgres=False)
    connection = sqlite3.connect(":memory:")
    names = "kind, sha, name, baseline_sha, status, author_name, author_email, message," \
            " created_at, params, metrics"  # fmt: skip
    connection.execute(f"CREATE TABLE experiments (id INTEGER PRIMARY KEY, {names})")
    connection.executemany(
        f"INSERT INTO experiments ({names}) VALUES ({', '.join('?' * 11)})", rows
    )
    found = connection.execute(
        f"SELECT {shape.rows.columns} FROM experiments e ORDER BY e.id", shape.rows.args
    ).fetchall()
    connection.close()
    return [shape.rows.make(r) for r in found], shape.arrays


# Keys a JSON path names only quoted (dots, brackets, spaces, an empty one, text past ASCII),
# and keys none names (a quote, a backslash, a control character: their part is read whole).
ODD = {"ünï": 1, "a": {"": {"b": 2.5}}, "sp ace": "=x", "[0]": [3], "$": None, "'q'": True,
       "x.y": 4, "x": {"y": 5}}  # fmt: skip
UNNAMED = {'say "hi"': 6, "back\\slash": "7", "tab\there": 8.5}
ODD_COLUMNS = [f"param:odd.json:{k}" for k in ("ünï", "a..b", "sp ace", "[0]", "$", "'q'", "x.y")]
UNNAMED_COLUMNS = [f"metric:odd.json:{k}" for k in UNNAMED]


@pytest.mark.parametrize(
    ("columns", "arrays"),
    [
        (COLUMNS, {"params", "metrics"}),
        (["metric:m.json:acc"], {"metrics"}),  # one column: its path given twice
        (["param:p.yaml:note", "param:p.yaml:model.depth"], {"params"}),  # no metric read
        ([], set()),
        ([*ODD_COLUMNS, *COLUMNS[6:]], {"params", "metrics"}),
        ([*ODD_COLUMNS, *UNNAMED_COLUMNS, "metric:m.json:acc"], {"params"}),
        ([*(f"param:p.yaml:k{i}" for i in range(100)), "param:p.yaml:lr"], set()),  # > 100
    ],
)
def test_pages_read_by_the_sqlite_statement_are_csv_writers(
    columns: list[str], arrays: set[str]
) -> None:
    """The rows as SQLite reads them (json_extract's arrays, the author and the time's text
    written by the statement) make the same text as csv.writer of the documents' values."""
    rng = random.Random(17)
    rows = [document_row(rng, i) for i in range(300)]
    for i in range(0, 300, 3):  # odd keys beside the usual files
        params, metrics = orjson.loads(rows[i][9]), orjson.loads(rows[i][10])
        params["odd.json"] = ODD if i % 2 else {"a": {"": 1}, "x.y": [1, 2]}
        metrics["odd.json"] = UNNAMED
        rows[i] = (*rows[i][:9], orjson.dumps(params).decode(), orjson.dumps(metrics).decode())
    read, parts = sqlite_rows(rows, columns)
    assert parts == arrays
    expected = reference(rows, columns)
    for size in (7, 300):
        assert written(read, columns, size, parts) == expected


def test_keys_that_are_one_text_are_stored_once_with_the_value_every_parser_keeps() -> None:
    """A YAML mapping may hold ``1:`` and ``"1":``: orjson writes both as ``"1"``. The index
    stores the last only, the one orjson keeps, so SQLite's json_extract (the first it
    finds) reads what the parsed document holds."""
    doc = {"p.yaml": {1: "int", "1": "text", False: 1, "false": 2, "x": {None: 3, "null": 4}}}
    text = _json(doc)
    parsed = orjson.loads(orjson.dumps(doc, option=orjson.OPT_NON_STR_KEYS))
    assert orjson.loads(text) == parsed
    assert text == '{"p.yaml":{"1":"text","false":2,"x":{"null":4}}}'
    paths = ['$."p.yaml"."1"', '$."p.yaml"."false"', '$."p.yaml"."x"."null"']
    connection = sqlite3.connect(":memory:")
    found = connection.execute(f"SELECT json_extract(?, {', '.join('?' * 3)})", [text, *paths])
    assert orjson.loads(found.fetchone()[0]) == ["text", 2, 4]
    connection.close()
    assert _json({"a": [1.5, None]}) == '{"a":[1.5,null]}'  # text keys: written as they are


def test_columns_of_one_type_go_whole_and_still_match() -> None:
    """Columns whose values are all numbers, booleans or lists (the fast paths), with a
    -0.0 arriving after 0.0 was seen on an earlier page, text needing no care, and a
    column of new numbers filling the table of texts while another's are in it."""
    rows = []
    for i in range(300):
        lr = [0.0, 0.5, -0.0][i % 3] if i > 100 else 0.5
        params = {"p.yaml": {"lr": lr, "n": i % 7, "c": i if i % 2 else 0}}
        metrics = {"m.json": {"l": [i, i + 1] if i % 2 else [i], "b": i % 2 == 0, "s": "ok"}}
        rows.append(("COMMIT", f"{i:040x}", None, None, "COMPLETED", "A", "a@b", "m",
                              1843989200 + i, orjson.dumps(params).decode(),
                              orjson.dumps(metrics).decode()))  # fmt: skip
    columns = ["param:p.yaml:lr", "param:p.yaml:n", "param:p.yaml:c", "metric:m.json:l",
               "metric:m.json:b", "metric:m.json:s", "metric:m.json:none"]  # fmt: skip
    expected = reference(rows, columns)
    for size in (10, 50, 300):  # 10: "c" fills the table (70 texts) while "n"'s are in it
        assert pages_text(rows, columns, size) == expected


def test_a_field_is_quoted_as_csv_writer_quotes_it_for_every_character() -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    texts = [f"a{chr(c)}b" for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    texts += ['"', ",", "", '""', "\r\n"]
    writer.writerows([t, "x"] for t in texts)
    assert "".join(f"{_quote(t)},x\r\n" for t in texts) == out.getvalue()


def test_column_lookup_finds_what_lookup_finds_row_by_row() -> None:
    rng = random.Random(7)
    rows = [document_row(rng, i) for i in range(200)]
    places = [place(*split_column_key(c)) for c in [*COLUMNS, "param:p.yaml:model.depth.x"]]
    documents = {
        "params": [orjson.loads(r[9]) for r in rows],
        "metrics": [orjson.loads(r[10]) for r in rows],
    }
    columns = ColumnLookup(places)(documents.__getitem__)
    for i in range(len(rows)):
        by_row = lookup(lambda part, i=i: documents[part][i], places)  # type: ignore[misc]
        assert [column[i] for column in columns] == by_row


def test_columns_of_numbers_read_from_orjson_are_python_texts() -> None:
    """A column of numbers, booleans and missing values is written from orjson's text of
    it; every float is written as Python writes it: random bit patterns (every exponent),
    rounded metrics, the edges where the two spellings part (1e-4, 1e-7, 1e16), big ints."""
    rng = random.Random(16)
    floats = [
        struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(20000)
    ]
    floats = [f for f in floats if math.isfinite(f)]
    floats += [
        round(rng.random(), rng.randint(0, 17)) * 10 ** rng.randint(-9, 20) for _ in range(20000)
    ]
    edges = [1e-4, 9.999999999999999e-05, 1e-5, 1.5e-7, 1e-7, 1e16, 9999999999999998.0, 1e22]
    floats += edges + [-f for f in edges] + [0.0, -0.0, 5e-324, 1.7976931348623157e308]
    others = [None, True, False, 0, 1, -1, 2**63 - 1, -(2**63), 2**64, 10**30]
    writer = PageWriter(["metric:m.json:x"], 500)
    for size in (500, 37):
        for start in range(0, len(floats), size):
            column: list[Any] = floats[start : start + size]
            column += rng.sample(others, 3) if start % 2 else []
            expected = [str(cell(v)) for v in column]
            assert writer._column(0, column) == expected
