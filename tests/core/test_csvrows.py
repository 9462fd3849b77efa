from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

import wiec
from wiec.core.csvrows import numbered_rows, safe_cell, writer
from wiec.core.exceptions import UnreadableRowError


def test_records_carry_the_line_they_start_on() -> None:
    text = 'a,"two\nlines"\n\nd,e\n'
    assert list(numbered_rows(text, delimiter=",")) == [
        (1, ["a", "two\nlines"]),
        (3, []),
        (4, ["d", "e"]),
    ]


def test_an_unclosed_quote_names_the_line_it_opens_on() -> None:
    text = "ok;1\n" + '"open;2\n' + "x;3\n" * 40_000
    rows = numbered_rows(text, delimiter=";")
    assert next(rows) == (1, ["ok", "1"])
    with pytest.raises(UnreadableRowError) as raised:
        next(rows)
    assert raised.value.line == 2


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+48 600", "'+48 600"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("-1", "'-1"),  # text that looks like a number is still text
        ("park = zieleń", "park = zieleń"),
        ("", ""),
        (None, ""),
    ],
)
def test_text_a_spreadsheet_would_read_as_a_formula_is_neutralised(
    cell: object, written: str
) -> None:
    assert safe_cell(cell) == written


def test_numbers_the_code_produced_stay_numbers() -> None:
    out = io.StringIO()
    writer(out).writerow([-3, 2.5, Decimal("-0.25"), True, "=1"])
    assert out.getvalue() == "-3,2.5,-0.25,True,'=1\r\n"


def test_the_writer_quotes_as_csv_does() -> None:
    out = io.StringIO()
    writer(out, delimiter=";").writerows([["a;b", '-"x"'], ["c"]])
    assert list(csv.reader(io.StringIO(out.getvalue()), delimiter=";")) == [
        ["a;b", '\'-"x"'],
        ["c"],
    ]


def test_every_csv_export_goes_through_the_safe_writer() -> None:
    source = Path(wiec.__file__).parent
    raw = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if path.name != "csvrows.py"
        and re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert raw == []
