"""The wording of ideas' notifications and home-page card, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from wiec.ideas.statuses import IdeaStatus


def _status(data: dict[str, Any]) -> str:
    try:
        return str(IdeaStatus(data.get("status", "")).label)
    except ValueError:
        return str(data.get("status", ""))


def answered_message(data: dict[str, Any]) -> str:
    return _("The office answered your idea “%(title)s”: %(status)s") % {
        "title": data.get("title", ""),
        "status": _status(data),
    }


def new_idea_message(data: dict[str, Any]) -> str:
    return _("A new idea waits for the office’s answer: “%(title)s”") % {
        "title": data.get("title", ""),
    }


def followed_answered_message(data: dict[str, Any]) -> str:
    return _("The office answered an idea you follow, “%(title)s”: %(status)s") % {
        "title": data.get("title", ""),
        "status": _status(data),
    }
