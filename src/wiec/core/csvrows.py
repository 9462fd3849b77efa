"""Reading the CSV files officials upload, with the line number of every record."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator


class UnreadableRow(Exception):  # noqa: N818 - it names the problem, as the domain does
    """csv could not read the record starting at `line`: typically an unclosed quotation mark
    that swallows the rest of the file into one field beyond csv's size limit."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}")
        self.line = line


def numbered_rows(text: str, *, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, its cells) for each record; blank lines give [].

    Raises UnreadableRow (and stops) at a record csv cannot read."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise UnreadableRow(line) from None
        yield line, record
