"""Messages shown beside the item they are about instead of at the top of the page.

A confirmation about something far down a page (a reported comment) would be out of view at
the top. The view tags the message with the item's anchor (`placed_at("comment-12")`) and
redirects to `#comment-12-reported`; the item's template shows it there
(`{% messages_at "comment" comment.pk as placed %}`) and the top of the page leaves it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

PREFIX = "at:"


def placed_at(anchor: str) -> str:
    """The `extra_tags` of a message that belongs beside the element with id `anchor`."""
    return PREFIX + anchor


def place_of(message: Any) -> str:
    """The anchor a message is placed at, or "" for a message for the top of the page."""
    for tag in str(getattr(message, "extra_tags", "") or "").split():
        if tag.startswith(PREFIX):
            return tag.removeprefix(PREFIX)
    return ""


def unplaced(messages: Iterable[Any]) -> list[Any]:
    return [message for message in messages if not place_of(message)]


def placed(messages: Iterable[Any], anchor: str) -> list[Any]:
    return [message for message in messages if place_of(message) == anchor]
