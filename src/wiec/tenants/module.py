"""What tenants plug into the shared pages: the audit names of the municipality's own
settings (their panel pages are hosted by the panel shell, see wiec.backoffice.module)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wiec.core import audit
from wiec.core.modules import AuditAction, ModuleSpec
from wiec.tenants import texts

SPEC = ModuleSpec(
    key="tenants",
    label=_("Municipalities"),
    order=80,
    audit_actions=(
        AuditAction("tenant.created", _("Municipality created")),
        AuditAction("tenant.updated", _("Settings changed"), audit.changes_of("tenants.tenant")),
        AuditAction("districts.imported", _("Districts imported"), texts.district_import_counts),
        AuditAction("district.renamed", _("District renamed"), texts.district_rename),
        AuditAction("district.deleted", _("District deleted")),
        AuditAction("category.created", _("Category added")),
        AuditAction(
            "category.updated", _("Category changed"), audit.changes_of("tenants.category")
        ),
        AuditAction("category.deleted", _("Category deleted")),
        AuditAction(
            "accessibility_statement.saved",
            _("Accessibility statement saved"),
            audit.changes_of("tenants.accessibilitystatement"),
        ),
        # Entries written before the admin named the model were about the municipality.
        AuditAction(
            "admin.changed",
            _("Changed in the platform's admin"),
            audit.changes_of("tenants.tenant"),
        ),
        AuditAction("admin.deleted", _("Deleted in the platform's admin")),
    ),
)
