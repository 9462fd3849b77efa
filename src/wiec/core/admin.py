from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import BaseModelForm
from django.http import HttpRequest
from django.utils import timezone

from wiec.core import audit
from wiec.core.models import AuditEntry


def _tenant_of(obj: models.Model) -> Any:
    if obj._meta.label_lower == "tenants.tenant":
        return obj
    return getattr(obj, "tenant", None)


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Django admin pages whose saves and deletions reach the municipality's audit log, like
    every other staff step (platform operators act on municipalities' data here)."""

    def save_model(self, request: HttpRequest, obj: Any, form: BaseModelForm, change: bool) -> None:  # type: ignore[type-arg]
        super().save_model(request, obj, form, change)
        audit.record(
            actor=request.user if request.user.is_authenticated else None,
            action="admin.changed",
            tenant=_tenant_of(obj),
            target=obj,
            at=timezone.now(),
            data={
                "model": obj._meta.label_lower,
                "fields": sorted(form.changed_data),
                "created": not change,
            },
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
        for obj in [*formset.new_objects, *(o for o, _fields in formset.changed_objects)]:
            audit.record(
                actor=request.user if request.user.is_authenticated else None,
                action="admin.changed",
                tenant=_tenant_of(obj),
                target=obj,
                at=timezone.now(),
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
