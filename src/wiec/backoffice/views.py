from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from wiec.accounts.actors import role_in
from wiec.accounts.decorators import require_permission
from wiec.accounts.permissions import (
    can_access_panel,
    can_manage_tenant,
    can_view_audit_log,
)
from wiec.backoffice import queries
from wiec.backoffice.templatetags.panel import allowed_panel_sections
from wiec.core import audit
from wiec.core.types import AuthenticatedRequest
from wiec.tenants import queries as tenant_queries


@require_permission(can_access_panel)
def show_dashboard(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "backoffice/dashboard.html",
        {
            "waiting": queries.waiting_for(
                actor=request.actor, tenant=request.tenant, at=timezone.now()
            ),
            "stats": queries.dashboard_stats(tenant=request.tenant),
            "sections": allowed_panel_sections(request),
            "role": role_in(request.user, request.tenant),
            "statement_due": can_manage_tenant(request.actor)
            and tenant_queries.accessibility_review_due(
                tenant=request.tenant, today=timezone.localdate()
            ),
        },
    )


@require_permission(can_view_audit_log)
def show_audit_log(request: AuthenticatedRequest) -> HttpResponse:
    actions = queries.audit_actions(tenant=request.tenant)
    action = request.GET.get("action", "")
    action = action if action in dict(actions) else ""
    rows = queries.audit_entries(tenant=request.tenant, action=action)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/audit_log.html",
        {
            "page": page,
            "rows": [audit.present(entry) for entry in page.object_list],
            "actions": actions,
            "action": action,
        },
    )
