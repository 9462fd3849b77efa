"""The wording of discussion's notifications, written in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def comment_message(data: dict[str, Any]) -> str:
    return _("New comment on “%(title)s”") % {"title": data.get("title", "")}


def reply_message(data: dict[str, Any]) -> str:
    return _("Someone replied to your comment on “%(title)s”") % {"title": data.get("title", "")}
