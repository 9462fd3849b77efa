# ruff: noqa: N818 - domain names read better without "Error" (like wiec.voting.exceptions)
"""Why a change to a poll was refused; the panel turns each into a message."""

from __future__ import annotations


class NoQuestions(Exception):
    """A poll without questions cannot be published, and a published poll keeps at least one:
    otherwise it would open with an empty ballot and spend each resident's one vote on it."""
