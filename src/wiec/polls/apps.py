from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _question(data: dict[str, Any]) -> str:
    return gettext("“%(question)s”") % {"question": data.get("question", "")}


class PollsConfig(AppConfig):
    name = "wiec.polls"
    label = "polls"
    verbose_name = _("Polls")

    def ready(self) -> None:
        from wiec.core import audit
        from wiec.core.registry import AuditAction, NavItem, PanelItem, registry
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
        registry.add_audit_actions(
            AuditAction("poll.created", _("Poll created")),
            AuditAction("poll.changed", _("Poll changed"), audit.changes_of("polls.poll")),
            AuditAction("poll.published", _("Poll published")),
            AuditAction("poll.question_saved", _("Poll question saved"), _question),
            AuditAction("poll.question_deleted", _("Poll question deleted"), _question),
        )
        if queries.open_poll_cards not in registry.process_providers:
            registry.process_providers.append(queries.open_poll_cards)
