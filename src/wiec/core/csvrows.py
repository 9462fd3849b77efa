"""Reading the CSV files officials upload, with the line number of every record; and the one
writer every CSV export goes through, which keeps a cell from being read as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, Protocol

from wiec.core.exceptions import UnreadableRowError

# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and carriage
# return, strips them and reads what follows): OWASP's list for CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, s: str, /) -> Any: ...


def safe_cell(value: object) -> object:
    """The value as it may be written: text that a spreadsheet would take for a formula gets an
    apostrophe in front (which spreadsheets show as "text follows", not as a character).

    Only numbers the code itself produced (int, float, Decimal, not bool) stay as they are, so a
    negative count is still a number; any text is text, even text that looks like "-1", since
    "-1+A1" looks like it too."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeWriter:
    """csv.writer with every cell passed through safe_cell."""

    def __init__(self, file: _Writable, **options: Any) -> None:
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(file: _Writable, **options: Any) -> SafeWriter:
    """The writer for every CSV export (options as for csv.writer)."""
    return SafeWriter(file, **options)


def numbered_rows(text: str, *, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, its cells) for each record; blank lines give [].

    Raises UnreadableRowError (and stops) at a record csv cannot read."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise UnreadableRowError(line) from None
        yield line, record
