# ruff: noqa: N818 - domain names read better without "Error" (CONVENTIONS.md: AlreadyVoted)
"""Why a ballot was refused; views turn each into a message for the person."""

from __future__ import annotations


class VotingError(Exception):
    pass


class AlreadyVoted(VotingError):
    pass


class NotOpen(VotingError):
    """Before the start, after the end, or the box is closed."""


class NotEligible(VotingError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidBallot(VotingError):
    """The choices do not fit the ballot (a tampered form): nothing is stored."""


class PaperNotAccepted(VotingError):
    """A paper voter is known only by PESEL: in a box open to unverified accounts nothing
    could tell whether the same person had already voted online, so paper is refused."""
