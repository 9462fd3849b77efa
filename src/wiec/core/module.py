"""What core itself plugs into the shared pages: the audit log's part of "download my data"."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wiec.core.modules import ModuleSpec
from wiec.core.personal_data import export_audit_entries

SPEC = ModuleSpec(
    key="core",
    label=_("Core"),
    order=99,
    exporters={"audit_log": export_audit_entries},
)
