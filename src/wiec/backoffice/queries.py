from __future__ import annotations

from django.db.models import QuerySet

from wiec.accounts.models import STAFF_ROLES, Membership
from wiec.core.models import AuditEntry
from wiec.tenants.models import Category, District, Tenant


def dashboard_stats(*, tenant: Tenant) -> dict[str, int]:
    members = Membership.objects.filter(tenant=tenant)
    return {
        "members": members.count(),
        "staff": members.filter(role__in=STAFF_ROLES).count(),
        "districts": District.objects.filter(tenant=tenant).count(),
        "categories": Category.objects.filter(tenant=tenant).count(),
    }


def audit_entries(*, tenant: Tenant, action_prefix: str = "") -> QuerySet[AuditEntry]:
    rows = AuditEntry.objects.filter(tenant=tenant)
    if action_prefix:
        rows = rows.filter(action__startswith=action_prefix)
    return rows.order_by("-at", "-pk")


def audit_action_prefixes(*, tenant: Tenant) -> list[str]:
    actions = AuditEntry.objects.filter(tenant=tenant).values_list("action", flat=True).distinct()
    return sorted({action.split(".")[0] for action in actions})
