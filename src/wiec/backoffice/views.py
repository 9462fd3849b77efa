from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from wiec.accounts.decorators import require_permission
from wiec.accounts.permissions import can_access_panel, can_view_audit_log, role_in
from wiec.backoffice import queries
from wiec.backoffice.templatetags.panel import allowed_panel_items
from wiec.core.types import AuthenticatedRequest


@require_permission(can_access_panel)
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "backoffice/dashboard.html",
        {
            "stats": queries.dashboard_stats(tenant=request.tenant),
            "items": allowed_panel_items(request),
            "role": role_in(request.user, request.tenant),
        },
    )


@require_permission(can_view_audit_log)
def audit_log(request: AuthenticatedRequest) -> HttpResponse:
    prefixes = queries.audit_action_prefixes(tenant=request.tenant)
    prefix = request.GET.get("action", "")
    prefix = prefix if prefix in prefixes else ""
    rows = queries.audit_entries(tenant=request.tenant, action_prefix=prefix)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/audit_log.html",
        {
            "page": page,
            "prefixes": prefixes,
            "prefix": prefix,
        },
    )
