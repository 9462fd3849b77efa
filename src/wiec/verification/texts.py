"""How the audit log describes verification steps, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, ngettext


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key, 0)
    return value if isinstance(value, int) else 0


def register_counts(data: dict[str, Any]) -> str:
    entries, total = _count(data, "entries"), _count(data, "total")
    read = ngettext("%(count)s PESEL read", "%(count)s PESELs read", entries) % {"count": entries}
    holds = ngettext(
        "the register holds %(count)s person", "the register holds %(count)s people", total
    ) % {"count": total}
    replaced = gettext("the old register was replaced") if data.get("replace") else ""
    return "; ".join(part for part in (read, replaced, holds) if part)


def register_cleared(data: dict[str, Any]) -> str:
    if "entries" not in data:
        return ""
    entries = _count(data, "entries")
    return ngettext(
        "%(count)s person removed from the register",
        "%(count)s people removed from the register",
        entries,
    ) % {"count": entries}


def purged(data: dict[str, Any]) -> str:
    count, days = _count(data, "verifications"), _count(data, "retention_days")
    period = ngettext("%(days)s day", "%(days)s days", days) % {"days": days}
    return ngettext(
        "%(count)s verification older than %(period)s",
        "%(count)s verifications older than %(period)s",
        count,
    ) % {"count": count, "period": period}


def in_person(data: dict[str, Any]) -> str:
    district = data.get("district")
    return gettext("District: %(district)s") % {"district": district} if district else ""


def revoked(data: dict[str, Any]) -> str:
    from wiec.verification.models import Method

    method = data.get("method")
    if method not in Method.values:
        return ""
    return gettext("Verification method: %(method)s") % {"method": Method(method).label}


def pesel_taken(data: dict[str, Any]) -> str:
    return gettext(
        "The person was told only that this PESEL cannot verify an account here; check with "
        "both accounts' owners which of them it belongs to."
    )
