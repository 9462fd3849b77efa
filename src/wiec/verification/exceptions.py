"""Why a verification step was refused; views turn each into a message for the person."""

from __future__ import annotations


class VerificationError(Exception):
    """Base of every refusal in this app."""


class MethodDisabledError(VerificationError):
    pass


class PeselTakenError(VerificationError):
    """The PESEL already verifies another account in this municipality (`owner_id`)."""

    def __init__(self, owner_id: int | None = None) -> None:
        super().__init__(owner_id)
        self.owner_id = owner_id


class NotInRegisterError(VerificationError):
    pass


class TooYoungError(VerificationError):
    def __init__(self, minimum_age: int) -> None:
        super().__init__(minimum_age)
        self.minimum_age = minimum_age


class ContactTakenError(VerificationError):
    pass


class CodeInvalidError(VerificationError):
    pass


class CodeExpiredError(VerificationError):
    pass


class PeselError(VerificationError):
    """Why a PESEL was refused; `code` is stable for callers that translate it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
