"""The panel's "people and roles" pages (administrators only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wiec.accounts import actions, exceptions, queries
from wiec.accounts.forms import GrantRoleForm, RoleForm
from wiec.accounts.models import Role
from wiec.accounts.permissions import can_change_role, can_manage_members
from wiec.core.types import AuthenticatedRequest


@login_required
@require_http_methods(["GET", "POST"])
def list_members(request: AuthenticatedRequest) -> HttpResponse:
    if not can_manage_members(request.actor):
        raise PermissionDenied
    grant_form = GrantRoleForm(request.POST or None, tenant=request.tenant, actor=request.user)
    if request.method == "POST" and grant_form.is_valid():
        try:
            actions.set_role(
                membership=grant_form.membership,
                role=Role(grant_form.cleaned_data["role"]),
                actor=request.user,
                at=timezone.now(),
            )
        except exceptions.LastAdministratorError:
            grant_form.add_error("role", _last_admin_message())
        else:
            messages.success(request, _("The role has been granted."))
            return redirect("accounts_staff:list_members")
    # PostgreSQL refuses NUL in text: drop it like any other invisible character.
    search = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    role = request.GET.get("role", "")
    role = role if role in Role.values else ""
    rows = queries.members(tenant=request.tenant, search=search, role=role)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/staff/members.html",
        {
            "page": page,
            "search": search,
            "role": role,
            "roles": Role.choices,
            "grant_form": grant_form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_member(request: AuthenticatedRequest, membership_id: int) -> HttpResponse:
    if not can_manage_members(request.actor):
        raise PermissionDenied
    membership = queries.get_membership_or_404(tenant=request.tenant, membership_id=membership_id)
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    allowed = can_change_role(request.actor, target=membership)
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.set_role(
                    membership=membership,
                    role=Role(form.cleaned_data["role"]),
                    actor=request.user,
                    at=timezone.now(),
                )
            except exceptions.LastAdministratorError:
                form.add_error("role", _last_admin_message())
            else:
                messages.success(request, _("The role has been changed."))
                return redirect("accounts_staff:list_members")
    return render(
        request,
        "accounts/staff/member.html",
        {
            "membership": membership,
            "form": form,
            "can_change": allowed,
        },
    )


def _last_admin_message() -> str:
    return _("The municipality must keep at least one administrator.")
