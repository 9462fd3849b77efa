from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wiec.accounts.permissions import is_staff_in


class StaffMFAMiddleware:
    """Where the municipality requires it, staff must set up TOTP before using the panel."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tenant = getattr(request, "tenant", None)
        if (
            tenant is not None
            and tenant.require_staff_mfa
            and request.path.startswith("/panel/")
            and request.user.is_authenticated
            and is_staff_in(request.user, tenant)
            and not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            messages.warning(
                request,
                _(
                    "This municipality requires staff to use two-factor authentication. "
                    "Set up an authenticator app to open the office panel."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
