from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _role_change(data: dict[str, Any]) -> str:
    from wiec.accounts.models import Role

    def label(value: str) -> str:
        return str(Role(value).label) if value in Role.values else value

    return gettext("from %(from)s to %(to)s") % {
        "from": label(data.get("from", "")),
        "to": label(data.get("to", "")),
    }


class AccountsConfig(AppConfig):
    name = "wiec.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from wiec.accounts import permissions, personal_data
        from wiec.core.registry import AuditAction, PanelItem, registry

        registry.add_panel(
            PanelItem(
                key="members",
                label=_("People and roles"),
                description=_("Who may moderate, answer as the office, or manage the site."),
                url_name="accounts_staff:members",
                allowed=permissions.can_manage_members,
                order=85,
            )
        )
        registry.personal_data_exporters["account"] = personal_data.export_account
        registry.add_audit_actions(
            AuditAction("membership.role_changed", _("Role changed"), _role_change),
            AuditAction("account.deleted", _("Account deleted")),
        )
