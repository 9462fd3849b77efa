from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from wiec.accounts import queries as account_queries
from wiec.accounts.models import STAFF_ROLES, Membership
from wiec.core.models import AuditEntry
from wiec.core.modules import Waiting, modules
from wiec.tenants.models import Category, District, Tenant


def waiting_for(*, actor: Any, tenant: Tenant, at: datetime) -> list[Waiting]:
    """What waits for this person on the panel home: each module's kinds of work their role
    has (`ModuleSpec.waiting`), in the panel's order, also when nothing waits."""
    boxes = (provider(actor, tenant, at) for provider in modules.waiting_providers())
    return [box for box in boxes if box is not None]


def dashboard_stats(*, tenant: Tenant) -> dict[str, int]:
    """Counts for the panel home; "members" are the people "People and roles" lists (those who
    joined this site, and staff), not every account that has only signed in here."""
    members = account_queries.members(tenant=tenant)
    return {
        "members": members.count(),
        "staff": Membership.objects.filter(tenant=tenant, role__in=STAFF_ROLES).count(),
        "districts": District.objects.filter(tenant=tenant).count(),
        "categories": Category.objects.filter(tenant=tenant).count(),
    }


def audit_entries(*, tenant: Tenant, action: str = "") -> QuerySet[AuditEntry]:
    rows = AuditEntry.objects.filter(tenant=tenant)
    if action:
        rows = rows.filter(action=action)
    return rows.order_by("-at", "-pk")


def audit_actions(*, tenant: Tenant) -> list[tuple[str, str]]:
    """The kinds of step in this tenant's log, as (code, translated name), by name."""
    codes = AuditEntry.objects.filter(tenant=tenant).values_list("action", flat=True).distinct()
    declared = modules.audit_actions()
    labels = {code: declared.get(code) for code in codes}
    return sorted(
        ((code, str(known.label) if known else code) for code, known in labels.items()),
        key=lambda pair: pair[1],
    )
