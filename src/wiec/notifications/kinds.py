"""Kinds of notification: declared by the modules that send them, in their specs
(`wiec.core.modules.ModuleSpec.notification_kinds`).

A notification stores its kind and the facts it needs (`data`); the sentence is written when it
is read, in the reader's language, by the kind's `message`.
"""

from __future__ import annotations

from wiec.core.modules import NotificationKind, modules

__all__ = ["NotificationKind", "all_kinds", "get", "kinds_for"]


def get(key: str) -> NotificationKind | None:
    return modules.notification_kinds().get(key)


def all_kinds() -> list[NotificationKind]:
    return sorted(modules.notification_kinds().values(), key=lambda k: k.key)


def kinds_for(role: str | None) -> list[NotificationKind]:
    """The kinds whose choice a person in `role` (None: no role here) sees on the settings
    page: every personal kind, and the office's kinds of that role."""
    return [k for k in all_kinds() if not k.for_staff or (role is not None and role in k.for_roles)]
