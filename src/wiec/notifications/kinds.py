"""Kinds of notification, registered by the modules that send them.

A notification stores its kind and the facts it needs (`data`); the sentence is written when it
is read, in the reader's language, by the kind's `message`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str | Promise
    """For the e-mail settings: "When the office answers my idea"."""
    message: Callable[[dict[str, Any]], str]
    email_by_default: bool = True


_kinds: dict[str, NotificationKind] = {}


def register(kind: NotificationKind) -> None:
    _kinds[kind.key] = kind


def get(key: str) -> NotificationKind | None:
    return _kinds.get(key)


def all_kinds() -> list[NotificationKind]:
    return sorted(_kinds.values(), key=lambda k: k.key)
