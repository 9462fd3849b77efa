"""Kinds of notification, registered by the modules that send them.

A notification stores its kind and the facts it needs (`data`); the sentence is written when it
is read, in the reader's language, by the kind's `message`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str | Promise
    """For the settings page: "When the office answers my idea"."""
    message: Callable[[dict[str, Any]], str]
    email_by_default: bool = True
    for_roles: frozenset[str] = field(default_factory=frozenset)
    """Empty: a kind about the person's own doings; the choice is whether to e-mail it too.
    Otherwise a kind about the office's work (a new idea, a report), sent only to staff in these
    roles: only they see the choice, and it says whether to be told at all (centre and
    e-mail), as the panel home lists the same things anyway."""

    @property
    def for_staff(self) -> bool:
        return bool(self.for_roles)


_kinds: dict[str, NotificationKind] = {}


def register(kind: NotificationKind) -> None:
    _kinds[kind.key] = kind


def get(key: str) -> NotificationKind | None:
    return _kinds.get(key)


def all_kinds() -> list[NotificationKind]:
    return sorted(_kinds.values(), key=lambda k: k.key)


def kinds_for(role: str | None) -> list[NotificationKind]:
    """The kinds whose choice a person in `role` (None: no role here) sees on the settings
    page: every personal kind, and the office's kinds of that role."""
    return [k for k in all_kinds() if not k.for_staff or (role is not None and role in k.for_roles)]
