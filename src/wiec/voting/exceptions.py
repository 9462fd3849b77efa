"""Why a ballot was refused; views turn each into a message for the person."""

from __future__ import annotations


class VotingError(Exception):
    """Base of every refusal in this app."""


class AlreadyVotedError(VotingError):
    pass


class NotOpenError(VotingError):
    """Before the start, after the end, or the box is closed."""


class NotEligibleError(VotingError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidBallotError(VotingError):
    """The choices do not fit the ballot (a tampered form): nothing is stored."""


class PaperNotAcceptedError(VotingError):
    """A paper voter is known only by PESEL: in a box open to unverified accounts nothing
    could tell whether the same person had already voted online, so paper is refused."""
