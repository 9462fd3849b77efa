from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "wiec.polls"
    label = "polls"
    verbose_name = _("Polls")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.polls.module import SPEC

        register(SPEC)
