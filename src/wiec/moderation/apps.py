from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "wiec.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from wiec.accounts.actors import FACTS
        from wiec.core.modules import register
        from wiec.moderation import queries
        from wiec.moderation.module import SPEC

        FACTS.blocked = queries.active_block_exists
        register(SPEC)
