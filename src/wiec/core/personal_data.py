"""Core's part of "download my data": the audit entries of steps the person took."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wiec.core.audit import present
from wiec.core.models import AuditEntry

if TYPE_CHECKING:
    from wiec.accounts.models import User


def export_audit_entries(user: User) -> list[dict[str, Any]]:
    entries = AuditEntry.objects.filter(actor=user).order_by("at", "pk")
    return [
        {
            "at": entry.at.isoformat(),
            "step": str(present(entry)["label"]),
            "object": entry.target_label,
            "details": entry.data,
        }
        for entry in entries
    ]
