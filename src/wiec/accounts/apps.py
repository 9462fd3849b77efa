from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wiec.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from wiec.accounts import permissions, personal_data
        from wiec.core.registry import PanelItem, registry

        registry.add_panel(
            PanelItem(
                key="members",
                label=_("People and roles"),
                description=_("Who may moderate, answer as the office, or manage the site."),
                url_name="accounts_staff:members",
                allowed=permissions.can_manage_members,
                order=85,
            )
        )
        registry.personal_data_exporters["account"] = personal_data.export_account
