"""The wording of moderation's notification, written in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def hidden_message(data: dict[str, Any]) -> str:
    return _("Moderators hid what you wrote (“%(excerpt)s”). Reason: %(reason)s") % {
        "excerpt": data.get("excerpt", ""),
        "reason": data.get("reason", ""),
    }
