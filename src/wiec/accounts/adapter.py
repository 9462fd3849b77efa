from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils import timezone

from wiec.accounts import actions
from wiec.accounts.models import User


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """allauth, made aware of the municipality the person is on."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return getattr(request, "tenant", None) is not None

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        if commit:
            user.save()
            tenant = getattr(request, "tenant", None)
            if tenant is not None:
                actions.join_tenant(user=user, tenant=tenant, at=timezone.now())
        return user

    def login(self, request: HttpRequest, user: User) -> None:
        super().login(request, user)
        tenant = getattr(request, "tenant", None)
        if tenant is not None:
            actions.join_tenant(user=user, tenant=tenant, at=timezone.now())

    def format_email_subject(self, subject: str) -> str:
        tenant = getattr(self.request, "tenant", None)
        prefix = f"[{tenant.name}] " if tenant is not None else ""
        return prefix + subject

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context.setdefault("tenant", getattr(self.request, "tenant", None))
        super().send_mail(template_prefix, email, context)
