from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "wiec.backoffice"
    label = "backoffice"
    verbose_name = _("Panel")

    def ready(self) -> None:
        from wiec.backoffice.module import SPEC
        from wiec.core.modules import register

        register(SPEC)
