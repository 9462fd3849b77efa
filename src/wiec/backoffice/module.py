"""The panel shell's own sections: the municipality's settings (tenants sits below accounts,
so it cannot check roles itself; the shell hosts those pages) and the audit log."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wiec.accounts import permissions
from wiec.core.modules import ModuleSpec, PanelPage, PanelSection

SPEC = ModuleSpec(
    key="backoffice",
    label=_("Panel"),
    order=90,
    panel=(
        PanelSection(
            _("Municipality"),
            (
                PanelPage(
                    _("Municipality settings"),
                    "backoffice:edit_settings",
                    permissions.can_manage_tenant,
                    _("Name, contact data, colours, logo and map."),
                ),
                PanelPage(
                    _("Districts"),
                    "backoffice:list_districts",
                    permissions.can_manage_tenant,
                    _("Areas of the municipality; import their borders from GeoJSON."),
                ),
                PanelPage(
                    _("Categories"),
                    "backoffice:list_categories",
                    permissions.can_manage_tenant,
                    _("Topics that ideas and projects are sorted by."),
                ),
                PanelPage(
                    _("Legal pages"),
                    "backoffice:edit_legal_pages",
                    permissions.can_manage_tenant,
                    _("Privacy policy, terms of use and the accessibility statement."),
                ),
            ),
        ),
        PanelSection(
            _("Audit log"),
            (
                PanelPage(
                    _("Audit log"),
                    "backoffice:show_audit_log",
                    permissions.can_view_audit_log,
                    _("Every step taken by staff and moderators, newest first."),
                ),
            ),
        ),
    ),
)
