"""Every write to notifications and e-mail preferences."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import transaction

from wiec.notifications import kinds
from wiec.notifications.models import EmailPreference, Notification
from wiec.notifications.queries import unread_key
from wiec.notifications.tasks import send_notification_emails

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


def notify(
    *,
    tenant: Tenant,
    recipient_ids: Iterable[int | None],
    kind: str,
    data: dict[str, Any],
    url: str,
    at: datetime,
) -> list[Notification]:
    """Put a notification in each recipient's centre; e-mails follow after commit.

    Missing recipients (deleted accounts) and repeats are skipped. The caller leaves out the
    person who caused it.
    """
    if kinds.get(kind) is None:
        msg = f"unknown notification kind {kind!r}"
        raise ValueError(msg)
    ids = sorted({pk for pk in recipient_ids if pk is not None})
    if not ids:
        return []
    rows = Notification.objects.bulk_create(
        Notification(
            tenant=tenant, recipient_id=pk, kind=kind, data=data, url=url[:300], created_at=at
        )
        for pk in ids
    )
    created = [n.pk for n in rows]
    _forget_unread(tenant_id=tenant.pk, user_ids=ids)
    transaction.on_commit(lambda: send_notification_emails.enqueue(notification_ids=created))
    return rows


def mark_read(*, notification: Notification, at: datetime) -> None:
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=at)
        notification.read_at = at
        _forget_unread(tenant_id=notification.tenant_id, user_ids=[notification.recipient_id])


def mark_all_read(*, user: User, tenant: Tenant, at: datetime) -> int:
    marked = Notification.objects.filter(
        recipient=user, tenant=tenant, read_at__isnull=True
    ).update(read_at=at)
    _forget_unread(tenant_id=tenant.pk, user_ids=[user.pk])
    return marked


def _forget_unread(*, tenant_id: int, user_ids: Iterable[int]) -> None:
    """Drop the cached unread counts now (this transaction's later reads see the change) and
    again after commit (another request may have cached the old count in between)."""
    keys = [unread_key(user_id=pk, tenant_id=tenant_id) for pk in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def set_email_preferences(*, user: User, wanted: dict[str, bool]) -> None:
    """Save the person's choice for every kind given (unknown kinds are ignored)."""
    with transaction.atomic():
        for key, email in wanted.items():
            if kinds.get(key) is not None:
                EmailPreference.objects.update_or_create(
                    user=user, kind=key, defaults={"email": email}
                )
