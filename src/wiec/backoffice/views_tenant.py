"""Panel pages for the municipality's own settings (administrators only)."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wiec.accounts.decorators import require_permission
from wiec.accounts.permissions import can_manage_tenant
from wiec.core.types import AuthenticatedRequest
from wiec.ideas import queries as idea_queries
from wiec.maps import queries as map_queries
from wiec.tenants import actions, queries
from wiec.tenants.forms import (
    AccessibilityStatementForm,
    CategoryForm,
    DistrictImportForm,
    DistrictRenameForm,
    LegalTextsForm,
    TenantSettingsForm,
)
from wiec.tenants.geo import DistrictIndex, DistrictShape


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def edit_settings(request: AuthenticatedRequest) -> HttpResponse:
    tenant = request.tenant
    form = TenantSettingsForm(request.POST or None, request.FILES or None, instance=tenant)
    if request.method == "POST":
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            actions.update_tenant(
                tenant=tenant, changes=changes, actor=request.user, at=timezone.now()
            )
            messages.success(request, _("The settings have been saved."))
            return redirect("backoffice:edit_settings")
        tenant.refresh_from_db()  # the invalid form changed the instance in memory
    return render(request, "backoffice/tenant/settings.html", {"form": form})


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def edit_legal_pages(request: AuthenticatedRequest) -> HttpResponse:
    tenant = request.tenant
    form = LegalTextsForm(request.POST or None, instance=tenant)
    if request.method == "POST":
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            actions.update_tenant(
                tenant=tenant, changes=changes, actor=request.user, at=timezone.now()
            )
            messages.success(request, _("The legal pages have been saved."))
            return redirect("backoffice:edit_legal_pages")
        tenant.refresh_from_db()
    return render(request, "backoffice/tenant/legal.html", {"form": form})


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def edit_accessibility_statement(request: AuthenticatedRequest) -> HttpResponse:
    statement = queries.accessibility_statement(tenant=request.tenant)
    form = AccessibilityStatementForm(
        request.POST or None, instance=statement, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        actions.save_accessibility_statement(
            tenant=request.tenant, values=form.cleaned_data, actor=request.user, at=timezone.now()
        )
        messages.success(request, _("The accessibility statement has been saved."))
        return redirect("backoffice:edit_legal_pages")
    return render(request, "backoffice/tenant/accessibility.html", {"form": form})


PENDING_IMPORT = "wiec:pending-district-import"
"""Session key of an import waiting for the administrator's confirmation."""


def _import_districts(
    request: AuthenticatedRequest, shapes: list[DistrictShape], *, replace: bool
) -> HttpResponse:
    created, updated, deleted = actions.import_districts(
        tenant=request.tenant, shapes=shapes, replace=replace, actor=request.user, at=timezone.now()
    )
    messages.success(
        request,
        _("Districts imported: %(created)d new, %(updated)d updated, %(deleted)d deleted.")
        % {"created": created, "updated": updated, "deleted": deleted},
    )
    return redirect("backoffice:list_districts")


def _left_outside(
    request: AuthenticatedRequest, shapes: list[DistrictShape], *, replace: bool
) -> dict[str, Any]:
    """What the new borders would leave outside: the municipality's places outside every
    district, and ideas outside every district or outside the one they are filed under."""
    today = {d.name: d for d in queries.districts(tenant=request.tenant)}
    names: dict[int, str] = {}
    areas: list[tuple[int, dict[str, Any]]] = []
    for number, item in enumerate(shapes, start=1):
        key = today[item.name].pk if item.name in today else -number
        names[key] = item.name
        areas.append((key, item.geometry))
    if not replace:
        for name, district in today.items():
            if district.pk not in names and district.geometry:
                names[district.pk] = name
                areas.append((district.pk, district.geometry))
    index = DistrictIndex(areas)
    keys = {d.pk: d.pk for d in today.values() if d.pk in names}
    ideas = []
    for misplaced in idea_queries.ideas_leaving_districts(
        tenant=request.tenant, index=index, keys=keys
    ):
        now_in = misplaced.district_key
        ideas.append({"idea": misplaced.idea, "now_in": None if now_in is None else names[now_in]})
    return {
        "outside_places": map_queries.places_outside(tenant=request.tenant, index=index),
        "outside_ideas": ideas,
    }


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def list_districts(request: AuthenticatedRequest) -> HttpResponse:
    """Import borders; when they would leave places or ideas outside, list them and ask to
    confirm (a second form, no JavaScript needed; the file waits in the session)."""
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.get(PENDING_IMPORT)
        if not pending or pending.get("token") != request.POST["confirm"]:
            messages.error(request, _("This import is no longer waiting; upload the file again."))
            return redirect("backoffice:list_districts")
        del request.session[PENDING_IMPORT]
        shapes = [DistrictShape(name=n, geometry=g) for n, g in pending["shapes"]]
        return _import_districts(request, shapes, replace=pending["replace"])
    if request.method == "POST" and "cancel" in request.POST:
        request.session.pop(PENDING_IMPORT, None)
        messages.success(request, _("Nothing was imported."))
        return redirect("backoffice:list_districts")
    form = DistrictImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        replace = form.cleaned_data["replace"]
        outside = _left_outside(request, form.shapes, replace=replace)
        if not outside["outside_places"] and not outside["outside_ideas"]:
            return _import_districts(request, form.shapes, replace=replace)
        token = secrets.token_urlsafe(16)
        request.session[PENDING_IMPORT] = {
            "token": token,
            "replace": replace,
            "shapes": [[item.name, item.geometry] for item in form.shapes],
        }
        return render(
            request,
            "backoffice/tenant/districts_confirm.html",
            {"token": token, "new_names": [item.name for item in form.shapes], **outside},
        )
    return render(
        request,
        "backoffice/tenant/districts.html",
        {
            "districts": queries.districts(tenant=request.tenant),
            "form": form,
        },
    )


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def edit_district(request: AuthenticatedRequest, district_id: int) -> HttpResponse:
    item = queries.get_district_or_404(tenant=request.tenant, district_id=district_id)
    form = DistrictRenameForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        actions.rename_district(
            district=item, name=form.cleaned_data["name"], actor=request.user, at=timezone.now()
        )
        messages.success(request, _("The district has been renamed."))
        return redirect("backoffice:list_districts")
    item.refresh_from_db(fields=["name"])
    return render(request, "backoffice/tenant/district.html", {"district": item, "form": form})


@require_permission(can_manage_tenant)
@require_POST
def delete_district(request: AuthenticatedRequest, district_id: int) -> HttpResponse:
    item = queries.get_district_or_404(tenant=request.tenant, district_id=district_id)
    actions.delete_district(district=item, actor=request.user, at=timezone.now())
    messages.success(request, _("The district has been deleted."))
    return redirect("backoffice:list_districts")


@require_permission(can_manage_tenant)
def list_categories(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "backoffice/tenant/categories.html",
        {
            "categories": queries.categories(tenant=request.tenant),
        },
    )


@require_permission(can_manage_tenant)
@require_http_methods(["GET", "POST"])
def edit_category(request: AuthenticatedRequest, category_id: int | None = None) -> HttpResponse:
    item = (
        queries.get_category_or_404(tenant=request.tenant, category_id=category_id)
        if category_id is not None
        else None
    )
    form = CategoryForm(request.POST or None, instance=item, tenant=request.tenant)
    if request.method == "POST" and form.is_valid():
        actions.save_category(
            tenant=request.tenant,
            category=item,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            position=form.cleaned_data["position"],
            actor=request.user,
            at=timezone.now(),
        )
        messages.success(request, _("The category has been saved."))
        return redirect("backoffice:list_categories")
    if item is not None:
        item.refresh_from_db()
    return render(request, "backoffice/tenant/category.html", {"category": item, "form": form})


@require_permission(can_manage_tenant)
@require_POST
def delete_category(request: AuthenticatedRequest, category_id: int) -> HttpResponse:
    item = queries.get_category_or_404(tenant=request.tenant, category_id=category_id)
    actions.delete_category(category=item, actor=request.user, at=timezone.now())
    messages.success(request, _("The category has been deleted."))
    return redirect("backoffice:list_categories")
