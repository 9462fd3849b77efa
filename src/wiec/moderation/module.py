"""What moderation plugs into the shared pages (docs/modules.md). The content it moderates is
declared by the modules that own it (`ContentKind` with `moderated=True`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from wiec.core.modules import (
    AuditAction,
    ModuleSpec,
    NotificationKind,
    PanelPage,
    PanelSection,
    Waiting,
)
from wiec.moderation import permissions, personal_data, queries, texts
from wiec.moderation.actions import HIDDEN_NOTIFICATION, REPORT_READERS, REPORTED_NOTIFICATION

if TYPE_CHECKING:
    from wiec.accounts.actors import Actor
    from wiec.tenants.models import Tenant


def _reason(data: dict[str, Any]) -> str:
    return str(data.get("reason", ""))


def _waiting(actor: Actor, tenant: Tenant, at: datetime) -> Waiting | None:
    if not permissions.can_moderate(actor):
        return None
    return queries.waiting_reports(tenant=tenant)


SPEC = ModuleSpec(
    key="moderation",
    label=_("Moderation"),
    order=30,
    panel=(
        PanelSection(
            _("Moderation"),
            (
                PanelPage(
                    _("Moderation"),
                    "moderation_staff:show_queue",
                    permissions.can_moderate,
                    _("Reported content, hidden content and blocked accounts."),
                ),
            ),
        ),
    ),
    audit_actions=(
        AuditAction("moderation.hide", _("Content hidden"), _reason),
        AuditAction("moderation.restore", _("Content restored"), _reason),
        AuditAction("moderation.dismiss", _("Reports dismissed"), _reason),
        AuditAction("moderation.blocked", _("Account blocked"), _reason),
        AuditAction("moderation.unblocked", _("Account unblocked"), _reason),
    ),
    notification_kinds=(
        NotificationKind(
            key=HIDDEN_NOTIFICATION,
            label=_("When moderators hide something I wrote"),
            message=texts.hidden_message,
        ),
        NotificationKind(
            key=REPORTED_NOTIFICATION,
            label=_("When someone reports content to the moderators"),
            message=texts.reported_message,
            for_roles=frozenset(REPORT_READERS),
        ),
    ),
    exporters={"moderation": personal_data.export_reports},
    waiting=(_waiting,),
)
