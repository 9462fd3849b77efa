"""How the audit log describes the gazetteer's steps, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, ngettext


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key, 0)
    return value if isinstance(value, int) else 0


def place_import_counts(data: dict[str, Any]) -> str:
    """E.g. "18 places added, 2 moved"; parts with nothing in them are left out."""
    added, moved, deleted = (_count(data, k) for k in ("created", "updated", "deleted"))
    parts = []
    if added:
        parts.append(
            ngettext("%(count)s place added", "%(count)s places added", added) % {"count": added}
        )
    if moved:
        parts.append(
            ngettext("%(count)s place moved", "%(count)s places moved", moved) % {"count": moved}
        )
    if deleted:
        parts.append(
            ngettext("%(count)s place deleted", "%(count)s places deleted", deleted)
            % {"count": deleted}
        )
    return ", ".join(parts) or gettext("no place changed")
