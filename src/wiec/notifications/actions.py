"""Every write to notifications and e-mail preferences."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from itertools import batched
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import transaction

from wiec.accounts.models import Membership, User
from wiec.notifications import kinds, tasks
from wiec.notifications.models import EmailPreference, Notification
from wiec.notifications.queries import unread_key

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant

BATCH = 500
"""Recipients per INSERT (and per e-mail task): large municipalities have thousands of
followers, and one statement per row would hold the task for seconds."""


def notify(
    *,
    tenant: Tenant,
    recipient_ids: Iterable[int | None],
    kind: str,
    data: dict[str, Any],
    url: str,
    at: datetime,
) -> None:
    """Tell each recipient: after the caller's transaction commits, one task puts the
    notifications in their centres (in bulk) and queues the e-mails.

    The caller's transaction writes nothing for this, so a rolled-back step tells nobody and a
    long list of recipients does not hold the caller's locks. Missing recipients (deleted
    accounts), inactive accounts and repeats are skipped by the task. The caller leaves out the
    person who caused it. `data` must be JSON (the task's arguments are stored).
    """
    if kinds.get(kind) is None:
        msg = f"unknown notification kind {kind!r}"
        raise ValueError(msg)
    ids = sorted({pk for pk in recipient_ids if pk is not None})
    if not ids:
        return
    tenant_id, stamp, link = tenant.pk, at.isoformat(), url[:300]
    transaction.on_commit(
        lambda: tasks.deliver_notifications.enqueue(
            tenant_id=tenant_id, recipient_ids=ids, kind=kind, data=data, url=link, at=stamp
        )
    )


def create_notifications(
    *,
    tenant_id: int,
    recipient_ids: list[int],
    kind: str,
    data: dict[str, Any],
    url: str,
    at: datetime,
) -> list[int]:
    """Insert the rows `notify` promised, `BATCH` at a time; returns their ids.

    Called by the `deliver_notifications` task. Leaves out accounts that are gone or inactive
    and, for the office's kinds, the people who no longer hold one of the kind's roles here or
    who said they do not want to be told.
    """
    known = kinds.get(kind)
    if known is None:
        return []
    created: list[int] = []
    with transaction.atomic():
        for batch in batched(sorted(set(recipient_ids)), BATCH):
            wanted = set(
                User.objects.filter(pk__in=batch, is_active=True).values_list("pk", flat=True)
            )
            if known.for_staff:
                wanted &= _still_in_role(kind=known, tenant_id=tenant_id, user_ids=wanted)
                wanted -= _declined(kind=known, user_ids=wanted)
            rows = Notification.objects.bulk_create(
                Notification(
                    tenant_id=tenant_id,
                    recipient_id=pk,
                    kind=kind,
                    data=data,
                    url=url[:300],
                    created_at=at,
                )
                for pk in sorted(wanted)
            )
            created.extend(n.pk for n in rows)
            _forget_unread(tenant_id=tenant_id, user_ids=wanted)
    return created


def _still_in_role(*, kind: kinds.NotificationKind, tenant_id: int, user_ids: set[int]) -> set[int]:
    """Of `user_ids`, those who hold one of the kind's roles now: with a task queue, someone may
    have lost the role between the step and this delivery."""
    return set(
        Membership.objects.filter(
            tenant_id=tenant_id, user_id__in=user_ids, role__in=kind.for_roles
        ).values_list("user_id", flat=True)
    )


def _declined(*, kind: kinds.NotificationKind, user_ids: set[int]) -> set[int]:
    chosen = dict(
        EmailPreference.objects.filter(kind=kind.key, user_id__in=user_ids).values_list(
            "user_id", "email"
        )
    )
    return {pk for pk in user_ids if not chosen.get(pk, kind.email_by_default)}


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
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def set_email_preferences(*, user: User, wanted: dict[str, bool]) -> None:
    """Save the person's choice for every kind given (unknown kinds are ignored). For the
    office's kinds the choice is whether to be told at all (`NotificationKind.for_roles`)."""
    with transaction.atomic():
        for key, email in wanted.items():
            if kinds.get(key) is not None:
                EmailPreference.objects.update_or_create(
                    user=user, kind=key, defaults={"email": email}
                )
