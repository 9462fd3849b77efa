from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import BaseModelForm
from django.http import HttpRequest
from django.utils import timezone

from wiec.core import audit
from wiec.core.models import AuditEntry


def _concrete(obj: models.Model) -> set[str]:
    """The fields the log can compare in `save_model`: many-to-many values are saved only
    after it (`save_related`), so they are left out, like reverse relations."""
    return {f.name for f in obj._meta.get_fields() if f.concrete and not f.many_to_many}


def _tenant_of(obj: models.Model) -> Any:
    if obj._meta.label_lower == "tenants.tenant":
        return obj
    return getattr(obj, "tenant", None)


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Django admin pages whose saves and deletions reach the municipality's audit log, like
    every other staff step (platform operators act on municipalities' data here)."""

    def save_model(self, request: HttpRequest, obj: Any, form: BaseModelForm, change: bool) -> None:  # type: ignore[type-arg]
        # The form has already written its values onto `obj`: the stored row is the "before".
        fields = [name for name in form.changed_data if name in _concrete(obj)]
        stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        before = audit.values_of(stored, fields) if stored is not None else {}
        super().save_model(request, obj, form, change)
        actor = request.user if request.user.is_authenticated else None
        if change:
            audit.record_changes(
                actor=actor,
                action="admin.changed",
                tenant=_tenant_of(obj),
                target=obj,
                at=timezone.now(),
                changes=audit.changed_values(before, audit.values_of(obj, fields)),
            )
        else:
            audit.record(
                actor=actor,
                action="admin.changed",
                tenant=_tenant_of(obj),
                target=obj,
                at=timezone.now(),
                data={"model": obj._meta.label_lower, "created": True},
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit.record(
            actor=request.user if request.user.is_authenticated else None,
            action="admin.deleted",
            tenant=_tenant_of(obj) if _tenant_of(obj) is not obj else None,
            target=obj,
            at=timezone.now(),
        )
        super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        # The inline rows are already saved here, so they are named by the fields that
        # changed rather than shown from/to.
        rows = [(obj, {"created": True}) for obj in formset.new_objects] + [
            (obj, {"fields": sorted(fields)}) for obj, fields in formset.changed_objects if fields
        ]
        for obj, data in rows:
            audit.record(
                actor=request.user if request.user.is_authenticated else None,
                action="admin.changed",
                tenant=_tenant_of(obj),
                target=obj,
                at=timezone.now(),
                data={"model": obj._meta.label_lower, **data},
            )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: the log is evidence, so not even operators edit it."""

    list_display = ["at", "tenant", "actor_label", "action", "target_label"]
    list_filter = ["tenant", "action"]
    search_fields = ["actor_label", "target_label", "action"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
