"""Why a change to an account or a role was refused; views turn each into a message."""

from __future__ import annotations


class AccountsError(Exception):
    """Base of every refusal in this app."""


class LastAdministratorError(AccountsError):
    """The change would leave the municipality without an administrator."""
