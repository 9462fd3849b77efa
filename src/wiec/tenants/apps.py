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

        from wiec.core.modules import register
        from wiec.tenants.models import Tenant, TenantHost
        from wiec.tenants.module import SPEC

        # Cache invalidation only (no domain behaviour): a saved tenant is seen at once here.
        for model in (Tenant, TenantHost):
            for signal in (post_save, post_delete):
                signal.connect(_forget, sender=model, dispatch_uid=f"forget-{model.__name__}")

        register(SPEC)
