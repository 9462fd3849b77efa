from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "wiec.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from wiec.core.registry import registry
        from wiec.notifications import personal_data

        registry.personal_data_exporters["notifications"] = personal_data.export_notifications
