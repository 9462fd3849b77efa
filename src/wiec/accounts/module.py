"""What accounts plug into the shared pages (docs/modules.md)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wiec.accounts import permissions, personal_data
from wiec.core.modules import AuditAction, ModuleSpec, PanelPage, PanelSection


def _role_change(data: dict[str, Any]) -> str:
    from wiec.accounts.models import Role

    def label(value: str) -> str:
        return str(Role(value).label) if value in Role.values else value

    return gettext("from %(from)s to %(to)s") % {
        "from": label(data.get("from", "")),
        "to": label(data.get("to", "")),
    }


SPEC = ModuleSpec(
    key="accounts",
    label=_("Accounts"),
    order=70,
    panel=(
        PanelSection(
            _("People and roles"),
            (
                PanelPage(
                    _("People and roles"),
                    "accounts_staff:list_members",
                    permissions.can_manage_members,
                    _("Who may moderate, answer as the office, or manage the site."),
                ),
            ),
        ),
    ),
    audit_actions=(
        AuditAction("membership.role_changed", _("Role changed"), _role_change),
        AuditAction("account.deleted", _("Account deleted")),
    ),
    exporters={"account": personal_data.export_account},
)
