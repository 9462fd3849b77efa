from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "wiec.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from wiec.core.registry import PanelItem, registry
        from wiec.moderation import permissions, personal_data, texts
        from wiec.moderation.actions import HIDDEN_NOTIFICATION
        from wiec.notifications import kinds

        registry.add_panel(
            PanelItem(
                key="moderation",
                label=_("Moderation"),
                description=_("Reported content, hidden content and blocked accounts."),
                url_name="moderation_staff:queue",
                allowed=permissions.can_moderate,
                order=30,
            )
        )
        registry.personal_data_exporters["moderation"] = personal_data.export_reports
        kinds.register(
            kinds.NotificationKind(
                key=HIDDEN_NOTIFICATION,
                label=_("When moderators hide something I wrote"),
                message=texts.hidden_message,
            )
        )
