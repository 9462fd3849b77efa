from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "wiec.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.moderation.module import SPEC

        register(SPEC)
