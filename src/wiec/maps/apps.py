from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "wiec.maps"
    label = "maps"
    verbose_name = _("Maps")

    def ready(self) -> None:
        from wiec.accounts import permissions
        from wiec.core.registry import AuditAction, PanelItem, registry
        from wiec.maps import texts

        registry.add_audit_actions(
            AuditAction("places.imported", _("Places imported"), texts.place_import_counts)
        )

        registry.add_panel(
            PanelItem(
                key="places",
                label=_("Places"),
                description=_("Streets and places people can type instead of using the map."),
                url_name="maps_staff:places",
                allowed=permissions.can_manage_tenant,
                order=84,
            )
        )
