from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wiec.accounts.actors import actor_of


class StaffMFAMiddleware:
    """Two-factor authentication where it is required, checked on every request.

    It applies to a municipality's staff in its panel when the municipality requires it, and to
    platform operators in Django's admin when WIEC_OPERATOR_MFA is on. Having an authenticator is
    not enough: this session must have used it (a password-only log-in gets asked for a code).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._applies(request):
            user = request.user
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                messages.warning(
                    request,
                    _("Two-factor authentication is required for this part of the site. "
                      "Set up an authenticator app to continue."),
                )  # fmt: skip
                return redirect("mfa_activate_totp")
            records = get_authentication_records(request, user)
            if not any(record.get("method") == "mfa" for record in records):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    def _applies(self, request: HttpRequest) -> bool:
        # The path and the municipality's setting first: they are free, while `request.user`
        # costs a session read and a query, which a resident's page need not pay for here.
        if request.path.startswith("/admin/"):
            user = request.user
            return bool(settings.WIEC_OPERATOR_MFA and user.is_authenticated and user.is_staff)
        tenant = getattr(request, "tenant", None)
        if tenant is None or not tenant.require_staff_mfa:
            return False
        # The panel, and anything staff post elsewhere (a comment carries the office's badge);
        # the account pages stay open, or nobody could set up or use the second factor, and so
        # does choosing the language those pages speak.
        staff_area = request.path.startswith("/panel/") or (
            request.method == "POST" and not request.path.startswith(("/konto/", "/jezyk/"))
        )
        return staff_area and request.user.is_authenticated and actor_of(request).is_staff
