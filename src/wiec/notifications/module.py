"""What notifications plug into the shared pages: their part of "download my data". The kinds
of notification are declared by the modules that send them (docs/modules.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wiec.core.modules import ModuleSpec
from wiec.notifications import personal_data

SPEC = ModuleSpec(
    key="notifications",
    label=_("Notifications"),
    order=50,
    exporters={"notifications": personal_data.export_notifications},
)
