"""The gazetteer page of the panel (administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wiec.accounts.decorators import require_permission
from wiec.accounts.permissions import can_manage_tenant
from wiec.core.types import AuthenticatedRequest
from wiec.maps import actions, queries
from wiec.maps.forms import PlaceImportForm


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def edit_places(request: AuthenticatedRequest) -> HttpResponse:
    form = PlaceImportForm(request.POST or None, request.FILES or None, tenant=request.tenant)
    if request.method == "POST" and form.is_valid():
        created, updated, deleted = actions.import_places(
            tenant=request.tenant,
            rows=form.rows,
            replace=form.cleaned_data["replace"],
            actor=request.user,
            at=timezone.now(),
        )
        messages.success(
            request,
            _("Places imported: %(created)d new, %(updated)d updated, %(deleted)d deleted.")
            % {"created": created, "updated": updated, "deleted": deleted},
        )
        return redirect("maps_staff:edit_places")
    page = Paginator(queries.places(tenant=request.tenant), 100).get_page(request.GET.get("page"))
    return render(request, "maps/staff/places.html", {"page": page, "form": form})
