"""The account's part of "download my data" (RODO art. 15 and 20)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from wiec.accounts.models import Membership, User


def export_account(user: User) -> dict[str, Any]:
    memberships = Membership.objects.filter(user=user).select_related("tenant", "home_district")
    return {
        "email": user.email,
        "display_name": user.display_name,
        "language_of_emails": user.language or None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "memberships": [
            {
                "municipality": m.tenant.name,
                "role": m.role,
                "home_district": m.home_district.name if m.home_district else None,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in memberships.order_by("tenant__name")
        ],
    }
