from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "wiec.verification"
    label = "verification"
    verbose_name = _("Verification of residents")

    def ready(self) -> None:
        from wiec.accounts.actors import FACTS
        from wiec.core.modules import register
        from wiec.verification import queries
        from wiec.verification.module import SPEC

        FACTS.level = queries.level_expression

        register(SPEC)
