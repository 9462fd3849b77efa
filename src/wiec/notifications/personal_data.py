"""Notifications' part of "download my data"; they go with the account (cascade)."""

from __future__ import annotations

from typing import Any

from wiec.accounts.models import User
from wiec.notifications.models import EmailPreference, Notification


def export_notifications(user: User) -> dict[str, Any]:
    rows = Notification.objects.filter(recipient=user).select_related("tenant")
    return {
        "notifications": [
            {
                "municipality": n.tenant.name,
                "kind": n.kind,
                "details": n.data,
                "link": n.url,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
            }
            for n in rows.order_by("created_at", "pk")
        ],
        "email_preferences": dict(
            EmailPreference.objects.filter(user=user).order_by("kind").values_list("kind", "email")
        ),
    }
