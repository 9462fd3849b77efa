# ruff: noqa: N818 - domain names read better without "Error" (CONVENTIONS.md: AlreadyVoted)
"""Why a verification step was refused; views turn each into a message for the person."""

from __future__ import annotations


class VerificationError(Exception):
    """Base of every refusal in this app."""


class MethodDisabled(VerificationError):
    pass


class PeselTaken(VerificationError):
    """The PESEL already verifies another account in this municipality (`owner_id`)."""

    def __init__(self, owner_id: int | None = None) -> None:
        super().__init__(owner_id)
        self.owner_id = owner_id


class NotInRegister(VerificationError):
    pass


class TooYoung(VerificationError):
    def __init__(self, minimum_age: int) -> None:
        super().__init__(minimum_age)
        self.minimum_age = minimum_age


class ContactTaken(VerificationError):
    pass


class CodeInvalid(VerificationError):
    pass


class CodeExpired(VerificationError):
    pass
