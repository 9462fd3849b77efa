from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "wiec.backoffice"
    label = "backoffice"
    verbose_name = _("Office panel")

    def ready(self) -> None:
        from wiec.accounts import permissions
        from wiec.core.registry import PanelItem, registry

        # The municipality's own settings: tenants sits below accounts, so it cannot check
        # roles itself; the panel shell hosts these pages (see ARCHITECTURE.md, Layout).
        for item in (
            PanelItem(
                "tenant-settings",
                _("Municipality settings"),
                _("Name, contact data, colours, logo and map."),
                "backoffice:settings",
                permissions.can_manage_tenant,
                80,
            ),
            PanelItem(
                "districts",
                _("Districts"),
                _("Areas of the municipality; import their borders from GeoJSON."),
                "backoffice:districts",
                permissions.can_manage_tenant,
                81,
            ),
            PanelItem(
                "categories",
                _("Categories"),
                _("Topics that ideas and projects are sorted by."),
                "backoffice:categories",
                permissions.can_manage_tenant,
                82,
            ),
            PanelItem(
                "legal",
                _("Legal pages"),
                _("Privacy policy, terms of use and the accessibility statement."),
                "backoffice:legal",
                permissions.can_manage_tenant,
                83,
            ),
            PanelItem(
                "audit",
                _("Audit log"),
                _("Every step taken by staff and moderators, newest first."),
                "backoffice:audit",
                permissions.can_view_audit_log,
                90,
            ),
        ):
            registry.add_panel(item)
