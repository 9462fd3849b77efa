"""What tenants plug into the shared pages: the audit names of the municipality's own
settings (their panel pages are hosted by the panel shell, see wiec.backoffice.module)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wiec.core.modules import AuditAction, ModuleSpec


def _fields(data: dict[str, Any]) -> str:
    """The changed fields' names in the reader's language, looked up on the model changed
    (entries written before the model was recorded were about the municipality itself)."""
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    try:
        model = apps.get_model(data.get("model", "tenants.tenant"))
    except (LookupError, ValueError):
        model = None
    names = []
    for name in data.get("fields", []):
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        names.append(str(getattr(field, "verbose_name", name)))
    return ", ".join(names)


def _import_counts(data: dict[str, Any]) -> str:
    return gettext("%(created)s new, %(updated)s updated, %(deleted)s deleted") % {
        "created": data.get("created", 0),
        "updated": data.get("updated", 0),
        "deleted": data.get("deleted", 0),
    }


def _rename(data: dict[str, Any]) -> str:
    return gettext("from “%(from)s” to “%(to)s”") % {
        "from": data.get("from", ""),
        "to": data.get("to", ""),
    }


SPEC = ModuleSpec(
    key="tenants",
    label=_("Municipalities"),
    order=80,
    audit_actions=(
        AuditAction("tenant.created", _("Municipality created")),
        AuditAction("tenant.updated", _("Settings changed"), _fields),
        AuditAction("districts.imported", _("Districts imported"), _import_counts),
        AuditAction("district.renamed", _("District renamed"), _rename),
        AuditAction("district.deleted", _("District deleted")),
        AuditAction("category.created", _("Category added")),
        AuditAction("category.updated", _("Category changed")),
        AuditAction("category.deleted", _("Category deleted")),
        AuditAction("accessibility_statement.saved", _("Accessibility statement saved")),
        AuditAction("admin.changed", _("Changed in the platform's admin"), _fields),
        AuditAction("admin.deleted", _("Deleted in the platform's admin")),
    ),
)
