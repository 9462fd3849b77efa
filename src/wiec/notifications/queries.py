"""Reads of a person's notifications in one municipality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404

from wiec.notifications import kinds
from wiec.notifications.models import EmailPreference, Notification

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


UNREAD_SECONDS = 60
"""How long the header's unread count is cached. Every write through `actions` forgets it at
once and again after commit; only edits made elsewhere (Django's admin) wait this long."""


def unread_count(*, user: User, tenant: Tenant) -> int:
    """The unread count shown on every page a logged-in person opens: cached, as it changes far
    less often than it is read."""
    key = unread_key(user_id=user.pk, tenant_id=tenant.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(
            recipient=user, tenant=tenant, read_at__isnull=True
        ).count()
        cache.set(key, count, timeout=UNREAD_SECONDS)
    return int(count)


def unread_key(*, user_id: int, tenant_id: int) -> str:
    return f"wiec:unread:{tenant_id}:{user_id}"


def notifications_for(*, user: User, tenant: Tenant) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user, tenant=tenant).order_by("-created_at", "-pk")


def get_notification_or_404(*, user: User, tenant: Tenant, notification_id: int) -> Notification:
    notification = Notification.objects.filter(
        recipient=user, tenant=tenant, pk=notification_id
    ).first()
    if notification is None:
        raise Http404
    return notification


def email_wanted(*, user: User) -> dict[str, bool]:
    """Kind → whether to e-mail, for every registered kind (defaults filled in)."""
    chosen = dict(EmailPreference.objects.filter(user=user).values_list("kind", "email"))
    return {k.key: chosen.get(k.key, k.email_by_default) for k in kinds.all_kinds()}
