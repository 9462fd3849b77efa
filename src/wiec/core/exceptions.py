"""Failures of the shared helpers in core; callers turn each into a message."""

from __future__ import annotations


class CoreError(Exception):
    """Base of every failure in this app."""


class UnreadableRowError(CoreError):
    """csv could not read the record starting at `line`: typically an unclosed quotation mark
    that swallows the rest of the file into one field beyond csv's size limit."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}")
        self.line = line
