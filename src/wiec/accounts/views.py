from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.i18n import set_language

from wiec.accounts import actions, exceptions, queries
from wiec.accounts.actors import membership_for, role_in
from wiec.accounts.decorators import membership_required
from wiec.accounts.forms import DeleteAccountForm, JoinForm, ProfileForm
from wiec.core import ratelimit
from wiec.core.languages import is_supported
from wiec.core.types import AuthenticatedRequest


def choose_language(request: HttpRequest) -> HttpResponse:
    """The language switcher (Django's own view); a logged-in person's choice is also kept on
    the account, so that their e-mails come in the language they read the site in."""
    response = set_language(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    if (
        request.user.is_authenticated
        and is_supported(language)
        and ratelimit.allow(request, "language", per_user="30/h")
    ):
        actions.remember_language(user=request.user, language=language)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def join(request: AuthenticatedRequest) -> HttpResponse:
    """Join this municipality: accept its terms before taking part here for the first time."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    membership = membership_for(request.user, request.tenant)
    if membership is not None and membership.has_joined:
        return redirect(next_url or "core:show_home")
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.join_tenant(
            user=request.user, tenant=request.tenant, at=timezone.now(), accept_terms=True
        )
        messages.success(request, _("Welcome! You can now take part here."))
        return redirect(next_url or "core:show_home")
    return render(request, "accounts/join.html", {"form": form, "next": next_url})


@membership_required
@require_http_methods(["GET", "POST"])
def edit_profile(request: AuthenticatedRequest) -> HttpResponse:
    membership = membership_for(request.user, request.tenant)
    initial = {
        "display_name": request.user.display_name,
        "language": request.user.language,
        "home_district": membership.home_district_id if membership else None,
    }
    form = ProfileForm(request.POST or None, initial=initial, tenant=request.tenant)
    if request.method == "POST" and form.is_valid() and _profile_change_allowed(request, form):
        actions.update_profile(
            user=request.user,
            tenant=request.tenant,
            display_name=form.cleaned_data["display_name"],
            language=form.cleaned_data["language"],
            home_district=form.cleaned_data["home_district"],
            at=timezone.now(),
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:edit_profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "role": role_in(request.user, request.tenant)},
    )


def _profile_change_allowed(request: AuthenticatedRequest, form: ProfileForm) -> bool:
    """The display name shows on every comment: changing it is limited like posting."""
    if ratelimit.allow(request, "profile", per_user="10/h", per_ip="60/h"):
        return True
    form.add_error(
        None, _("You have changed your profile many times in a short while. Please try later.")
    )
    return False


@login_required
def download_data(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    data = queries.personal_data(user=request.user, at=now)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="wiec-my-data-{now:%Y-%m-%d}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit.limit("delete-account", per_user="5/15m")
def delete_account(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.delete_account(user=request.user, at=timezone.now())
        except exceptions.LastAdministratorError:
            form.add_error(
                None,
                _("You are the only administrator of a municipality. Give another person the "
                  "administrator role first, so the office keeps access to its site."),
            )  # fmt: skip
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect("core:show_home")
    return render(request, "accounts/delete.html", {"form": form})
