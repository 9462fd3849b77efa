from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "wiec.polls"
    label = "polls"
    verbose_name = _("Polls")

    def ready(self) -> None:
        from wiec.core.registry import NavItem, PanelItem, registry
        from wiec.polls import permissions, queries

        registry.add_nav(NavItem(key="polls", label=_("Polls"), url_name="polls:list", order=40))
        registry.add_panel(
            PanelItem(
                key="polls",
                label=_("Polls"),
                description=_("Ask residents; enter paper ballots; close and publish results."),
                url_name="polls_staff:list",
                allowed=permissions.can_manage_polls,
                order=40,
            )
        )
        if queries.open_poll_cards not in registry.process_providers:
            registry.process_providers.append(queries.open_poll_cards)
