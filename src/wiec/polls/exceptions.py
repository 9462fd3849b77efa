"""Why a change to a poll was refused; the panel turns each into a message."""

from __future__ import annotations


class PollsError(Exception):
    """Base of every refusal in this app."""


class NoQuestionsError(PollsError):
    """A poll without questions cannot be published, and a published poll keeps at least one:
    otherwise it would open with an empty ballot and spend each resident's one vote on it."""
