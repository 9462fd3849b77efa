"""Moderation's part of "download my data"."""

from __future__ import annotations

from typing import Any

from wiec.accounts.models import User
from wiec.moderation.models import Block, Report


def export_reports(user: User) -> dict[str, Any]:
    return {
        "reports_made": [
            {
                "reason": r.reason,
                "details": r.details,
                "created_at": r.created_at.isoformat(),
                "outcome": r.outcome,
            }
            for r in Report.objects.filter(reporter=user).order_by("created_at")
        ],
        "blocks": [
            {
                "municipality": b.tenant.name,
                "reason": b.reason,
                "created_at": b.created_at.isoformat(),
                "lifted_at": b.lifted_at.isoformat() if b.lifted_at else None,
            }
            for b in Block.objects.filter(user=user).select_related("tenant").order_by("created_at")
        ],
    }
