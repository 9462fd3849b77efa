"""The resident's own verification: status, PESEL and declaration, one-time code."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wiec.accounts.decorators import membership_required
from wiec.core.ratelimit import limit
from wiec.core.types import AuthenticatedRequest
from wiec.verification import actions, queries
from wiec.verification.exceptions import (
    CodeExpiredError,
    CodeInvalidError,
    ContactTakenError,
    MethodDisabledError,
    NotInRegisterError,
    PeselTakenError,
    TooYoungError,
    VerificationError,
)
from wiec.verification.forms import CodeForm, DeclarationForm
from wiec.verification.models import PendingCode


def refusal_message(error: VerificationError, *, request: AuthenticatedRequest) -> str:
    tenant = request.tenant
    contact = ", ".join(part for part in (tenant.email, tenant.phone) if part)
    if isinstance(error, PeselTakenError):
        return _(
            "This PESEL already verifies another account here. One person can verify only one "
            "account. If that was not you, please contact %(office)s (%(contact)s)."
        ) % {"office": tenant.office_name, "contact": contact}
    if isinstance(error, NotInRegisterError):
        return _(
            "This PESEL is not in the voter register of %(office)s. If you live here, please "
            "contact the office (%(contact)s)."
        ) % {"office": tenant.office_name, "contact": contact}
    if isinstance(error, TooYoungError):
        return _("You must be at least %(age)s years old to verify here.") % {
            "age": error.minimum_age
        }
    if isinstance(error, ContactTakenError):
        return _("This phone number or e-mail address already verifies another account.")
    if isinstance(error, CodeInvalidError):
        return _("The code is not correct. Please check it and try again.")
    if isinstance(error, CodeExpiredError):
        return _("The code has expired or was tried too many times. Please request a new one.")
    if isinstance(error, MethodDisabledError):
        return _("This way of verifying is not switched on here.")
    return _("The verification could not be completed.")


def resident_refusal_message(error: VerificationError, *, request: AuthenticatedRequest) -> str:
    """What the person verifying themselves is told. A PESEL that verifies another account gets
    the same answer as one not in the register (the office is told, `report_pesel_taken`):
    saying "another account" would let anyone with a free account test whose PESEL is here."""
    if isinstance(error, PeselTakenError | NotInRegisterError):
        tenant = request.tenant
        contact = ", ".join(part for part in (tenant.email, tenant.phone) if part)
        return _(
            "This PESEL cannot verify an account here. If it is yours, please contact "
            "%(office)s (%(contact)s)."
        ) % {"office": tenant.office_name, "contact": contact}
    return refusal_message(error, request=request)


def _next_url(request: AuthenticatedRequest) -> str | None:
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return None


@never_cache
@membership_required
@limit("verification.verify", per_user="10/h")
@require_http_methods(["GET", "POST"])
def verify(request: AuthenticatedRequest) -> HttpResponse:
    """Status and, for a person not yet a verified resident, the declaration form.

    A PESEL typed with a mistake is shown back so the person can find the typo; the page is
    never cached (never_cache) and the browser is asked not to remember the field.
    """
    tenant = request.tenant
    config = queries.settings_for(tenant=tenant)
    now = timezone.now()
    verification = queries.verification_for(tenant=tenant, user=request.user)
    form = DeclarationForm(request.POST or None, tenant=tenant, config=config, today=now.date())
    if request.method == "POST" and form.is_valid():
        try:
            result = actions.submit_declaration(
                tenant=tenant,
                user=request.user,
                pesel=form.cleaned_data.get("pesel"),
                district=form.cleaned_data.get("district"),
                contact=form.cleaned_data.get("contact", ""),
                at=now,
            )
        except VerificationError as error:
            if isinstance(error, PeselTakenError):
                actions.report_pesel_taken(tenant=tenant, user=request.user, taken=error, at=now)
            form.add_error(None, resident_refusal_message(error, request=request))
        else:
            next_url = _next_url(request)
            if isinstance(result, PendingCode):
                target = reverse("verification:confirm_code")
                query = "?" + urlencode({"next": next_url}) if next_url else ""
                return redirect(target + query)
            messages.success(request, _("Thank you. You are now a verified resident."))
            return redirect(next_url or "verification:verify")
    return render(
        request,
        "verification/verify.html",
        {
            "form": form,
            "config": config,
            "verification": verification,
            "next": _next_url(request) or "",
            "offers_form": config.pesel_enabled or config.code_enabled,
        },
    )


@never_cache
@membership_required
@limit("verification.code", per_user="20/h")
@require_http_methods(["GET", "POST"])
def confirm_code(request: AuthenticatedRequest) -> HttpResponse:
    tenant = request.tenant
    pending = queries.pending_code(tenant=tenant, user=request.user)
    if pending is None:
        return redirect("verification:verify")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        try:
            actions.confirm_code(
                tenant=tenant, user=request.user, code=form.cleaned_data["code"], at=now
            )
        except VerificationError as error:
            if isinstance(error, PeselTakenError):
                actions.report_pesel_taken(tenant=tenant, user=request.user, taken=error, at=now)
            form.add_error("code", resident_refusal_message(error, request=request))
        else:
            messages.success(request, _("Thank you. Your verification is complete."))
            return redirect(_next_url(request) or "verification:verify")
    return render(
        request,
        "verification/code.html",
        {"form": form, "pending": pending, "next": _next_url(request) or ""},
    )
