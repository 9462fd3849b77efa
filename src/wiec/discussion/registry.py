"""The kinds of object that own a discussion thread, registered by their modules.

An owner model has `thread = OneToOneField("discussion.Thread", ...)`; its module registers an
`OwnerKind` saying who may see it, whether it takes comments, and how to name and link it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class OwnerKind:
    model: type[models.Model]
    visible_to: Callable[[Any, Any], bool]
    """`visible_to(owner, user)`: the person may see the owner's page (and so its thread)."""
    open_for_comments: Callable[[Any], bool]
    author_id: Callable[[Any], int | None]
    title: Callable[[Any], str]
    url: Callable[[Any], str]


_owners: dict[type[models.Model], OwnerKind] = {}


def register(owner: OwnerKind) -> None:
    _owners[owner.model] = owner


def owner_kind(model: type[models.Model]) -> OwnerKind:
    return _owners[model]
