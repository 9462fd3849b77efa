"""E-mails for notifications, sent in the background (Django Tasks) after the action commits."""

from __future__ import annotations

import logging
from datetime import datetime
from itertools import batched
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wiec.notifications import actions, kinds
from wiec.notifications.models import EmailPreference, Notification
from wiec.tenants.models import Tenant
from wiec.tenants.queries import primary_host

log = logging.getLogger(__name__)


def site_url(tenant: Tenant) -> str:
    """The municipality's public address, for links in e-mails (no request to ask)."""
    host = primary_host(tenant) or "localhost"
    if settings.DEBUG:
        return f"http://{host}:{settings.WIEC_DEMO_PORT}"
    return f"https://{host}"


@task
def deliver_notifications(
    *,
    tenant_id: int,
    recipient_ids: list[int],
    kind: str,
    data: dict[str, Any],
    url: str,
    at: str,
) -> int:
    """The fan-out `actions.notify` queues after commit: the rows in bulk, then one e-mail task
    per batch of them. Returns how many notifications were created."""
    created = actions.create_notifications(
        tenant_id=tenant_id,
        recipient_ids=recipient_ids,
        kind=kind,
        data=data,
        url=url,
        at=datetime.fromisoformat(at),
    )
    for batch in batched(created, actions.BATCH):
        send_notification_emails.enqueue(notification_ids=list(batch))
    return len(created)


@task
def send_notification_emails(*, notification_ids: list[int]) -> int:
    """E-mail each notification whose recipient wants that kind by e-mail; returns how many.

    Each is sent at most once (`emailed_at`), so a retried task does not repeat mail; the
    stamps are written in one statement at the end, even when something fails midway.
    """
    rows = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient", "tenant")
        .order_by("pk")
    )
    chosen = {
        (user_id, kind): email
        for user_id, kind, email in EmailPreference.objects.filter(
            user_id__in={n.recipient_id for n in rows}
        ).values_list("user_id", "kind", "email")
    }
    bases: dict[int, str] = {}  # one address lookup per municipality, not per e-mail
    sent: list[int] = []
    try:
        for notification in rows:
            if notification.tenant_id not in bases:
                bases[notification.tenant_id] = site_url(notification.tenant)
            base = bases[notification.tenant_id]
            if _email(notification, chosen=chosen, base=base):
                sent.append(notification.pk)
    finally:
        if sent:
            Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return len(sent)


def _email(notification: Notification, *, chosen: dict[tuple[int, str], bool], base: str) -> bool:
    """Send one notification's e-mail if its recipient wants it; whether it went."""
    kind = kinds.get(notification.kind)
    if kind is None or not notification.recipient.is_active:
        return False
    if not chosen.get((notification.recipient_id, kind.key), kind.email_by_default):
        return False
    tenant = notification.tenant
    with translation.override(notification.recipient.language or tenant.default_language):
        message = kind.message(notification.data)
        body = render_to_string(
            "notifications/email/notification.txt",
            {
                "tenant": tenant,
                "message": message,
                "url": base + notification.url,
                "settings_url": base + reverse("notifications:edit_preferences"),
            },
        )
        mail = EmailMessage(
            subject=subject_line(f"[{tenant.name}] {message}"),
            body=body,
            to=[notification.recipient.email],
        )
    try:
        mail.send()
    except Exception:
        # One refused address must not hold back the others; this one stays unsent
        # (no emailed_at), so a retry of the task tries it again.
        log.exception("Notification %s could not be e-mailed", notification.pk)
        return False
    return True


def subject_line(text: str, limit: int = 200) -> str:
    """One line (mail headers cannot hold line breaks; quoted comments can), at most `limit`
    characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
