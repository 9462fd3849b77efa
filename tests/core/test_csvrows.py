from __future__ import annotations

import pytest

from wiec.core.csvrows import UnreadableRow, numbered_rows


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
    with pytest.raises(UnreadableRow) as raised:
        next(rows)
    assert raised.value.line == 2
