from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from wiec.accounts.models import STAFF_ROLES, Membership, User
from wiec.core.modules import modules
from wiec.tenants.models import Tenant


def personal_data(*, user: User, at: datetime) -> dict[str, Any]:
    """Everything the platform holds about the person, module by module."""
    return {
        "generated_at": at.isoformat(),
        **{key: exporter(user) for key, exporter in sorted(modules.exporters().items())},
    }


def members(*, tenant: Tenant, search: str = "", role: str = "") -> QuerySet[Membership]:
    rows = (
        Membership.objects.filter(tenant=tenant)
        .filter(Q(terms_accepted_at__isnull=False) | Q(role__in=STAFF_ROLES))
        .select_related("user", "home_district")
    )
    if search:
        rows = rows.filter(
            Q(user__email__icontains=search) | Q(user__display_name__icontains=search)
        )
    if role:
        rows = rows.filter(role=role)
    return rows.order_by("user__email")


def get_membership_or_404(*, tenant: Tenant, membership_id: int) -> Membership:
    try:
        return Membership.objects.select_related("user").get(tenant=tenant, pk=membership_id)
    except Membership.DoesNotExist:
        raise Http404 from None


def member_by_email(*, tenant: Tenant, email: str) -> Membership | None:
    """The tenant's member with this address; people of other municipalities are not found."""
    return (
        Membership.objects.select_related("user")
        .filter(tenant=tenant, user__email__iexact=email.strip())
        .first()
    )
