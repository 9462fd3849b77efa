"""Why a moderation step was refused; the panel turns each into a message."""

from __future__ import annotations


class ModerationError(Exception):
    """Base of every refusal in this app."""


class AlreadyHiddenError(ModerationError):
    """Someone hid it a moment ago."""


class NotHiddenError(ModerationError):
    """Someone restored it a moment ago."""
