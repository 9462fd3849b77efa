from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "wiec.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.ideas.module import SPEC

        register(SPEC)
