"""Panel pages: verification settings, the voter register, verification in person."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from wiec.accounts.decorators import require_permission
from wiec.core.types import AuthenticatedRequest
from wiec.verification import actions, queries
from wiec.verification.exceptions import VerificationError
from wiec.verification.forms import InPersonForm, RegisterKind, RegisterUploadForm, SettingsForm
from wiec.verification.models import Method
from wiec.verification.permissions import (
    can_manage_verification,
    can_verify_in_person,
    can_view_verifications,
)
from wiec.verification.uploads import MemoryOnlyUploadHandler
from wiec.verification.views import refusal_message


@require_permission(can_view_verifications)
def show_overview(request: AuthenticatedRequest) -> HttpResponse:
    tenant = request.tenant
    rows = queries.recent_verifications(tenant=tenant)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    counts = queries.counts_by_method(tenant=tenant)
    return render(
        request,
        "verification/staff/overview.html",
        {
            "config": queries.settings_for(tenant=tenant),
            "counts": [(label, counts.get(value, 0)) for value, label in Method.choices],
            "register_size": queries.register_size(tenant=tenant),
            "page": page,
            "can_manage": can_manage_verification(request.actor),
            "can_verify": can_verify_in_person(request.actor),
        },
    )


@require_permission(can_manage_verification)
@require_http_methods(["GET", "POST"])
def edit_settings(request: AuthenticatedRequest) -> HttpResponse:
    config = queries.settings_for(tenant=request.tenant)
    form = SettingsForm(request.POST or None, instance=config)
    if request.method == "POST":
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            actions.update_settings(
                tenant=request.tenant, changes=changes, actor=request.user, at=timezone.now()
            )
            messages.success(request, _("The verification settings have been saved."))
            return redirect("verification_staff:show_overview")
        config.refresh_from_db()
    return render(request, "verification/staff/settings.html", {"form": form})


@csrf_exempt
@require_permission(can_manage_verification)
def edit_register(request: AuthenticatedRequest) -> HttpResponse:
    # Upload handlers must be replaced before anything reads request.POST, including the
    # CSRF check, which is therefore applied just below (Django's documented pattern). The
    # permission is checked first, from the session alone: nobody else gets the body read.
    request.upload_handlers = [MemoryOnlyUploadHandler(request)]
    return _register(request)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _register(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    form = RegisterUploadForm(request.POST or None, request.FILES or None, today=now.date())
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data["values"]
        is_hmac = form.cleaned_data["kind"] == RegisterKind.HMAC
        added, total = actions.import_register(
            tenant=request.tenant,
            pesels=() if is_hmac else values,
            hmacs=values if is_hmac else (),
            replace=form.cleaned_data["replace"],
            actor=request.user,
            at=now,
        )
        messages.success(
            request,
            _("%(added)s entries read; the register now holds %(total)s people.")
            % {"added": added, "total": total},
        )
        return redirect("verification_staff:edit_register")
    return render(
        request,
        "verification/staff/register.html",
        {"form": form, "register_size": queries.register_size(tenant=request.tenant)},
    )


@require_POST
@require_permission(can_manage_verification)
def clear_register(request: AuthenticatedRequest) -> HttpResponse:
    deleted = actions.clear_register(tenant=request.tenant, actor=request.user, at=timezone.now())
    messages.success(request, _("The register has been emptied (%(n)s entries).") % {"n": deleted})
    return redirect("verification_staff:edit_register")


@never_cache
@require_permission(can_verify_in_person)
@require_http_methods(["GET", "POST"])
def verify_in_person(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    form = InPersonForm(request.POST or None, tenant=request.tenant, today=now.date())
    if request.method == "POST" and form.is_valid():
        try:
            actions.verify_in_person(
                tenant=request.tenant,
                official=request.user,
                user=form.user,
                pesel=form.cleaned_data["pesel"],
                district=form.cleaned_data["district"],
                at=now,
            )
        except VerificationError as error:
            form.add_error(None, refusal_message(error, request=request))
        else:
            messages.success(
                request, _("%(email)s is now a verified resident.") % {"email": form.user.email}
            )
            return redirect("verification_staff:verify_in_person")
    return render(request, "verification/staff/in_person.html", {"form": form})


@require_POST
@require_permission(can_verify_in_person)
def revoke_verification(request: AuthenticatedRequest, verification_id: int) -> HttpResponse:
    verification = queries.get_verification_or_404(
        tenant=request.tenant, verification_id=verification_id
    )
    actions.revoke_verification(verification=verification, actor=request.user, at=timezone.now())
    messages.success(request, _("The verification has been withdrawn."))
    return redirect("verification_staff:show_overview")
