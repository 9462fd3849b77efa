from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _forget(**kwargs: Any) -> None:
    from wiec.tenants.queries import forget_tenants

    forget_tenants()


class TenantsConfig(AppConfig):
    name = "wiec.tenants"
    label = "tenants"
    verbose_name = _("Municipalities")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from wiec.core import audit
        from wiec.core.registry import AuditAction, registry
        from wiec.tenants import texts
        from wiec.tenants.models import Tenant, TenantHost

        # Cache invalidation only (no domain behaviour): a saved tenant is seen at once here.
        for model in (Tenant, TenantHost):
            for signal in (post_save, post_delete):
                signal.connect(_forget, sender=model, dispatch_uid=f"forget-{model.__name__}")

        registry.add_audit_actions(
            AuditAction("tenant.created", _("Municipality created")),
            AuditAction(
                "tenant.updated", _("Settings changed"), audit.changes_of("tenants.tenant")
            ),
            AuditAction(
                "districts.imported", _("Districts imported"), texts.district_import_counts
            ),
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
        )
