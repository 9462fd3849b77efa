from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wiec.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from wiec.core.personal_data import export_audit_entries
        from wiec.core.registry import registry

        registry.personal_data_exporters["audit_log"] = export_audit_entries
