from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "wiec.discussion"
    label = "discussion"
    verbose_name = _("Discussion")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.discussion.module import SPEC

        register(SPEC)
