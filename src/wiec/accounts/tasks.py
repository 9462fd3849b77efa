"""Mail leaves in the background: with TASKS_BACKEND=database a worker sends it, so a slow
SMTP server never holds up a resident's request."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(*, subject: str, body: str, from_email: str, to: list[str], html: str = "") -> None:
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
