from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reason(data: dict[str, Any]) -> str:
    return str(data.get("reason", ""))


class ModerationConfig(AppConfig):
    name = "wiec.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from wiec.accounts.actors import FACTS
        from wiec.core.registry import AuditAction, PanelItem, registry
        from wiec.moderation import permissions, personal_data, queries, texts
        from wiec.moderation.actions import HIDDEN_NOTIFICATION
        from wiec.notifications import kinds

        FACTS.blocked = queries.active_block_exists
        registry.add_panel(
            PanelItem(
                key="moderation",
                label=_("Moderation"),
                description=_("Reported content, hidden content and blocked accounts."),
                url_name="moderation_staff:queue",
                allowed=permissions.can_moderate,
                order=30,
            )
        )
        registry.personal_data_exporters["moderation"] = personal_data.export_reports
        registry.add_audit_actions(
            AuditAction("moderation.hide", _("Content hidden"), _reason),
            AuditAction("moderation.restore", _("Content restored"), _reason),
            AuditAction("moderation.dismiss", _("Reports dismissed"), _reason),
            AuditAction("moderation.blocked", _("Account blocked"), _reason),
            AuditAction("moderation.unblocked", _("Account unblocked"), _reason),
        )
        kinds.register(
            kinds.NotificationKind(
                key=HIDDEN_NOTIFICATION,
                label=_("When moderators hide something I wrote"),
                message=texts.hidden_message,
            )
        )
