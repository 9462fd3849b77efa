"""Reads of a person's notifications in one municipality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from wiec.notifications import kinds
from wiec.notifications.models import EmailPreference, Notification

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


def unread_count(*, user: User, tenant: Tenant) -> int:
    return Notification.objects.filter(recipient=user, tenant=tenant, read_at__isnull=True).count()


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
