from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "wiec.verification"
    label = "verification"
    verbose_name = _("Verification of residents")

    def ready(self) -> None:
        from wiec.core.registry import PanelItem, registry
        from wiec.verification import actions, permissions, personal_data

        registry.add_panel(
            PanelItem(
                key="verification",
                label=_("Verification of residents"),
                description=_("How residents prove they live here; the voter register."),
                url_name="verification_staff:overview",
                allowed=permissions.can_view_verifications,
                order=60,
            )
        )
        registry.personal_data_exporters["verification"] = personal_data.export_verification
        registry.personal_data_erasers.append(actions.erase_personal_data)
