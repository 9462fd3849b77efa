"""The verification part of "download my data": what is kept, never the PESEL (it is not)."""

from __future__ import annotations

from typing import Any

from wiec.accounts.models import User
from wiec.verification.models import Verification


def export_verification(user: User) -> dict[str, Any]:
    rows = Verification.objects.filter(user=user).select_related("tenant", "district")
    return {
        "verifications": [
            {
                "municipality": v.tenant.name,
                "method": v.method,
                "level": v.get_level_display(),
                "pesel_fingerprint_kept": bool(v.pesel_hmac),
                "birth_year": v.birth_year,
                "district": v.district.name if v.district else None,
                "verified_at": v.verified_at.isoformat(),
            }
            for v in rows.order_by("tenant__name")
        ]
    }
