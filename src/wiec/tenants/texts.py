"""How the audit log describes the municipality's own steps, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, ngettext


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key, 0)
    return value if isinstance(value, int) else 0


def district_import_counts(data: dict[str, Any]) -> str:
    """E.g. "18 districts added, 1 deleted"; parts with nothing in them are left out."""
    added, changed, deleted = (_count(data, k) for k in ("created", "updated", "deleted"))
    parts = []
    if added:
        parts.append(
            ngettext("%(count)s district added", "%(count)s districts added", added)
            % {"count": added}
        )
    if changed:
        parts.append(
            ngettext("%(count)s district changed", "%(count)s districts changed", changed)
            % {"count": changed}
        )
    if deleted:
        parts.append(
            ngettext("%(count)s district deleted", "%(count)s districts deleted", deleted)
            % {"count": deleted}
        )
    return ", ".join(parts) or gettext("no district changed")


def district_rename(data: dict[str, Any]) -> str:
    return gettext("from “%(from)s” to “%(to)s”") % {
        "from": data.get("from", ""),
        "to": data.get("to", ""),
    }
