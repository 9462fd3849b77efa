from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.utils import timezone

from wiec.accounts import actions
from wiec.accounts.models import User
from wiec.accounts.tasks import send_email

CONFIRMATION_SENT = "account/messages/email_confirmation_sent.txt"


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
                # The sign-up form asked for acceptance of this municipality's terms.
                actions.join_tenant(user=user, tenant=tenant, at=timezone.now(), accept_terms=True)
        return user

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        """allauth's, but the "confirmation sent" message at most once a request: sign-up adds
        it itself (SignupForm.try_save) so that it never depends on whether the address has an
        account."""
        if message_template == CONFIRMATION_SENT:
            if getattr(request, "_wiec_confirmation_sent", False):
                return
            request._wiec_confirmation_sent = True  # type: ignore[attr-defined]
        super().add_message(request, level, message_template, message_context, extra_tags, message)

    def format_email_subject(self, subject: str) -> str:
        tenant = getattr(self.request, "tenant", None)
        prefix = f"[{tenant.name}] " if tenant is not None else ""
        return prefix + subject

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render allauth's message now (in the person's language), send it as a task."""
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "tenant": getattr(request, "tenant", None),
            **context,
        }
        message = self.render_mail(template_prefix, email, full_context)
        html = next(
            (content for content, mimetype in getattr(message, "alternatives", [])
             if mimetype == "text/html"),
            "",
        )  # fmt: skip
        send_email.enqueue(
            subject=str(message.subject),
            body=str(message.body),
            from_email=str(message.from_email),
            to=[str(address) for address in message.to],
            html=str(html),
        )
