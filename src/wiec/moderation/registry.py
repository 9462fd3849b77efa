"""Which kinds of content can be reported and hidden, registered by the modules that own them.

Moderation never imports those modules: each registers its model here in `AppConfig.ready()`,
with how to show it in the queue and what else must happen when it is hidden or restored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise

from wiec.moderation.models import Moderatable


def _no_change(obj: Any, at: datetime) -> None:
    return None


def _always(obj: Any, viewer: Any) -> bool:
    return True


@dataclass(frozen=True)
class ModeratedKind:
    key: str
    """In URLs: /zglos/<key>/<id>/."""
    model: type[Moderatable]
    label: str | Promise
    published: Callable[[QuerySet[Any]], QuerySet[Any]]
    """Narrows the model's rows to those the public could see apart from moderation."""
    text: Callable[[Any], str]
    """What the content says, for the queue and the report form."""
    author_id: Callable[[Any], int | None]
    public_url: Callable[[Any], str]
    on_change: Callable[[Any, datetime], None] = _no_change
    """Called in the hiding or restoring transaction, e.g. to recount a thread."""
    visible_to: Callable[[Any, Any], bool] = _always
    """`visible_to(obj, person)`: the page showing it is open to them (e.g. a comment under
    an idea that was hidden is not, though the comment itself is not hidden)."""


_kinds: dict[str, ModeratedKind] = {}


def register(kind: ModeratedKind) -> None:
    _kinds[kind.key] = kind


def kind(key: str) -> ModeratedKind | None:
    return _kinds.get(key)


def kind_for(obj: Moderatable) -> ModeratedKind:
    for item in _kinds.values():
        if isinstance(obj, item.model):
            return item
    msg = f"{type(obj).__name__} is not registered for moderation"
    raise LookupError(msg)


def kinds() -> list[ModeratedKind]:
    return list(_kinds.values())
