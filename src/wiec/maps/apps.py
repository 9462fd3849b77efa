from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "wiec.maps"
    label = "maps"
    verbose_name = _("Maps")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.maps.module import SPEC

        register(SPEC)
