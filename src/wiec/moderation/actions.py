"""Every moderation step: reports, hiding and restoring content, blocks. Each is audited."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import Truncator

from wiec.accounts.actors import Capability, roles_with
from wiec.core import audit
from wiec.moderation import registry
from wiec.moderation.exceptions import AlreadyHiddenError, NotHiddenError
from wiec.moderation.models import (
    Block,
    Decision,
    DecisionAction,
    Moderatable,
    Report,
    ReportOutcome,
)
from wiec.moderation.queries import has_open_reports, staff_to_tell
from wiec.notifications.actions import notify

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant

HIDDEN_NOTIFICATION = "moderation.hidden"
REPORTED_NOTIFICATION = "moderation.reported"
# Who hears of a new report: those who decide on it (`permissions.can_moderate`).
REPORT_READERS = roles_with(Capability.MODERATE)


def report_content(
    *, obj: Moderatable, reporter: User, reason: str, details: str, at: datetime
) -> Report:
    """Record a report; reporting the same content again while it is open changes nothing.

    When the content was not waiting in the queue yet, the municipality's moderators are told
    after commit (further reports of it add to the same entry in the queue and tell nobody).
    """
    content_type = ContentType.objects.get_for_model(obj)
    open_reports = Report.objects.filter(
        content_type=content_type, object_id=obj.pk, reporter=reporter, resolved_at__isnull=True
    )
    existing = open_reports.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            first = not has_open_reports(obj=obj)
            report = Report.objects.create(
                tenant_id=obj.tenant_id,
                content_type=content_type,
                object_id=obj.pk,
                reporter=reporter,
                reason=reason,
                details=details,
                created_at=at,
            )
            if first:
                _tell_moderators(obj=obj, report=report, at=at)
            return report
    except IntegrityError:  # the same person, twice at once
        return open_reports.get()


def _tell_moderators(*, obj: Moderatable, report: Report, at: datetime) -> None:
    kind = registry.kind_for(obj)
    notify(
        tenant=obj.tenant,
        recipient_ids=staff_to_tell(
            tenant=obj.tenant, roles=REPORT_READERS, leave_out=report.reporter_id
        ),
        kind=REPORTED_NOTIFICATION,
        data={"excerpt": Truncator(kind.full_text(obj)).chars(80), "reason": report.reason},
        url=reverse("moderation_staff:show_content", args=[kind.key, obj.pk]),
        at=at,
    )


def close_reports_on_removal(*, obj: Moderatable, at: datetime) -> int:
    """The author removed the content: its open reports have nothing left to decide.

    Call in the removing transaction; returns how many reports were closed."""
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        resolved_at__isnull=True,
    ).update(resolved_at=at, outcome=ReportOutcome.REMOVED)


def _locked(obj: Moderatable) -> Any:
    return type(obj)._default_manager.select_for_update(no_key=True).get(pk=obj.pk)


def _decide(
    *, obj: Moderatable, action: DecisionAction, moderator: User, reason: str, at: datetime
) -> Decision:
    content_type = ContentType.objects.get_for_model(obj)
    if action != DecisionAction.RESTORE:
        outcome = ReportOutcome.HIDDEN if action == DecisionAction.HIDE else ReportOutcome.DISMISSED
        Report.objects.filter(
            content_type=content_type, object_id=obj.pk, resolved_at__isnull=True
        ).update(resolved_at=at, outcome=outcome)
    decision = Decision.objects.create(
        tenant_id=obj.tenant_id,
        content_type=content_type,
        object_id=obj.pk,
        action=action,
        reason=reason,
        moderator=moderator,
        created_at=at,
    )
    audit.record(
        actor=moderator,
        action=f"moderation.{action}",
        tenant=obj.tenant,
        target=obj,
        at=at,
        data={"reason": reason},
    )
    return decision


def hide_content(*, obj: Moderatable, moderator: User, reason: str, at: datetime) -> Decision:
    """Hide the content with a public reason and close its open reports.

    Caller has checked `can_moderate`. Locks the row; the author is told after commit.
    """
    kind = registry.kind_for(obj)
    with transaction.atomic():
        locked = _locked(obj)
        if locked.hidden_at is not None:
            raise AlreadyHiddenError
        locked.hidden_at, locked.hidden_reason, locked.moderated_at = at, reason, at
        locked.save(update_fields=["hidden_at", "hidden_reason", "moderated_at"])
        decision = _decide(
            obj=locked, action=DecisionAction.HIDE, moderator=moderator, reason=reason, at=at
        )
        kind.on_moderation(locked, at)
        author_id = kind.author_id(locked)
        if author_id is not None and author_id != moderator.pk:
            notify(
                tenant=locked.tenant,
                recipient_ids=[author_id],
                kind=HIDDEN_NOTIFICATION,
                data={"excerpt": Truncator(kind.full_text(locked)).chars(80), "reason": reason},
                url=kind.public_url(locked),
                at=at,
            )
    obj.hidden_at, obj.hidden_reason, obj.moderated_at = at, reason, at
    return decision


def restore_content(*, obj: Moderatable, moderator: User, reason: str, at: datetime) -> Decision:
    """Show hidden content again. Caller has checked `can_moderate`."""
    kind = registry.kind_for(obj)
    with transaction.atomic():
        locked = _locked(obj)
        if locked.hidden_at is None:
            raise NotHiddenError
        locked.hidden_at, locked.hidden_reason, locked.moderated_at = None, "", at
        locked.save(update_fields=["hidden_at", "hidden_reason", "moderated_at"])
        decision = _decide(
            obj=locked, action=DecisionAction.RESTORE, moderator=moderator, reason=reason, at=at
        )
        kind.on_moderation(locked, at)
    obj.hidden_at, obj.hidden_reason, obj.moderated_at = None, "", at
    return decision


def dismiss_reports(*, obj: Moderatable, moderator: User, reason: str, at: datetime) -> Decision:
    """Close the open reports and leave the content as it is."""
    with transaction.atomic():
        return _decide(
            obj=obj, action=DecisionAction.DISMISS, moderator=moderator, reason=reason, at=at
        )


def block_user(*, tenant: Tenant, user: User, moderator: User, reason: str, at: datetime) -> Block:
    """Stop the person posting here. Caller has checked `can_block`; blocking twice is a no-op."""
    active = Block.objects.filter(tenant=tenant, user=user, lifted_at__isnull=True)
    existing = active.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            block = Block.objects.create(
                tenant=tenant, user=user, reason=reason, blocked_by=moderator, created_at=at
            )
            audit.record(
                actor=moderator,
                action="moderation.blocked",
                tenant=tenant,
                target=user,
                at=at,
                data={"reason": reason},
            )
    except IntegrityError:  # blocked by another moderator at the same moment
        return active.get()
    return block


def lift_block(*, block: Block, moderator: User, at: datetime) -> Block:
    """Let the person post again; lifting a block already lifted changes and logs nothing."""
    with transaction.atomic():
        lifted = Block.objects.filter(pk=block.pk, lifted_at__isnull=True).update(
            lifted_at=at, lifted_by=moderator
        )
        if not lifted:
            block.refresh_from_db(fields=["lifted_at", "lifted_by"])
            return block
        audit.record(
            actor=moderator,
            action="moderation.unblocked",
            tenant=block.tenant,
            target=block.user,
            at=at,
        )
    block.lifted_at, block.lifted_by = at, moderator
    return block
