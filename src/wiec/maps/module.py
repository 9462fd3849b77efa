"""What maps plug into the shared pages (docs/modules.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wiec.accounts import permissions
from wiec.core.modules import AuditAction, ModuleSpec, PanelPage, PanelSection
from wiec.maps import demo, texts

SPEC = ModuleSpec(
    key="maps",
    label=_("Maps"),
    order=75,
    panel=(
        PanelSection(
            _("Maps"),
            (
                PanelPage(
                    _("Places"),
                    "maps_staff:edit_places",
                    permissions.can_manage_tenant,
                    _("Streets and places people can type instead of using the map."),
                ),
            ),
        ),
    ),
    audit_actions=(
        AuditAction("places.imported", _("Places imported"), texts.place_import_counts),
    ),
    demo=demo.load,
)
