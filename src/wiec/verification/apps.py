from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "wiec.verification"
    label = "verification"
    verbose_name = _("Verification of residents")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.verification.module import SPEC

        register(SPEC)
