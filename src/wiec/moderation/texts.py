"""The wording of moderation's notification, written in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from wiec.moderation.models import ReportReason


def hidden_message(data: dict[str, Any]) -> str:
    return _("Moderators hid what you wrote (“%(excerpt)s”). Reason: %(reason)s") % {
        "excerpt": data.get("excerpt", ""),
        "reason": data.get("reason", ""),
    }


def reported_message(data: dict[str, Any]) -> str:
    try:
        reason = str(ReportReason(data.get("reason", "")).label)
    except ValueError:
        reason = str(data.get("reason", ""))
    return _(
        "Someone reported “%(excerpt)s” to the moderators (%(reason)s). It waits for a decision."
    ) % {
        "excerpt": data.get("excerpt", ""),
        "reason": reason,
    }
