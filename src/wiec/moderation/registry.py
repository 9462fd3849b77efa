"""Which kinds of content can be reported and hidden: those the modules declare in their specs
(`wiec.core.modules.ContentKind` with `moderated=True`). Moderation never imports them."""

from __future__ import annotations

from wiec.core.modules import ContentKind, modules
from wiec.moderation.models import Moderatable


def kinds() -> list[ContentKind]:
    return [k for k in modules.content_kinds() if k.moderated]


def kind(key: str) -> ContentKind | None:
    return next((k for k in kinds() if k.key == key), None)


def kind_for(obj: Moderatable) -> ContentKind:
    for item in kinds():
        if isinstance(obj, item.model):
            return item
    msg = f"{type(obj).__name__} is not registered for moderation"
    raise LookupError(msg)
