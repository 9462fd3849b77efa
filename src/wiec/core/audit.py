"""The audit log: one call per staff or moderation step, inside the action's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models

from wiec.core.models import AuditEntry

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


def record(
    *,
    actor: User | None,
    action: str,
    at: datetime,
    tenant: Tenant | None = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry. `action` is a dotted verb such as "district.imported"."""
    return AuditEntry.objects.create(
        tenant=tenant,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor.email if actor is not None else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        data=data or {},
        at=at,
    )


def present(entry: AuditEntry) -> dict[str, Any]:
    """An entry as the audit log page shows it: translated step name and a readable detail."""
    from wiec.core.modules import modules

    known = modules.audit_actions().get(entry.action)
    if known is None:
        return {"entry": entry, "label": entry.action, "details": _plain(entry.data)}
    details = known.describe(entry.data) if known.describe else _plain(entry.data)
    return {"entry": entry, "label": known.label, "details": details}


def _plain(data: dict[str, Any]) -> str:
    return "; ".join(f"{key}: {value}" for key, value in sorted(data.items()))
