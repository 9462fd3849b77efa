from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _status_change(data: dict[str, Any]) -> str:
    from wiec.ideas.statuses import IdeaStatus

    def label(value: str) -> str:
        return str(IdeaStatus(value).label) if value in IdeaStatus.values else value

    return gettext("from “%(from)s” to “%(to)s”") % {
        "from": label(data.get("from", "")),
        "to": label(data.get("to", "")),
    }


class IdeasConfig(AppConfig):
    name = "wiec.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self) -> None:
        from wiec.core import audit
        from wiec.core.registry import AuditAction, NavItem, PanelItem, registry
        from wiec.discussion import registry as discussion
        from wiec.ideas import actions, permissions, personal_data, texts
        from wiec.ideas.models import Idea
        from wiec.ideas.processes import open_calls
        from wiec.ideas.statuses import rule
        from wiec.moderation import registry as moderation
        from wiec.notifications import kinds

        registry.add_nav(NavItem("ideas", _("Ideas"), "ideas:list", order=10))
        registry.add_audit_actions(
            AuditAction("idea.answered", _("Idea answered"), _status_change),
            AuditAction(
                "ideas.settings_saved",
                _("Ideas settings saved"),
                audit.changes_of("ideas.ideasettings"),
            ),
        )
        registry.add_panel(
            PanelItem(
                key="ideas",
                label=_("Ideas waiting for an answer"),
                description=_("Answer residents' ideas and move them through their statuses."),
                url_name="ideas_staff:waiting",
                allowed=permissions.can_answer_ideas,
                order=20,
            )
        )
        registry.add_panel(
            PanelItem(
                key="ideas-settings",
                label=_("Ideas: settings"),
                description=_("Open or close submissions; the introduction above the list."),
                url_name="ideas_staff:settings",
                allowed=permissions.can_manage_idea_settings,
                order=86,
            )
        )
        registry.process_providers.append(open_calls)
        registry.personal_data_exporters["ideas"] = personal_data.export_ideas
        registry.personal_data_erasers.append(actions.erase_drafts)

        def visible_to(idea: Idea, user: object) -> bool:
            return rule(idea.status).public and not idea.is_hidden

        discussion.register(
            discussion.OwnerKind(
                model=Idea,
                visible_to=visible_to,
                open_for_comments=lambda idea: rule(idea.status).public and not idea.is_hidden,
                author_id=lambda idea: idea.author_id,
                title=lambda idea: idea.title,
                url=lambda idea: idea.get_absolute_url(),
            )
        )
        moderation.register(
            moderation.ModeratedKind(
                key="idea",
                model=Idea,
                label=_("idea"),
                published=lambda rows: rows.filter(published_at__isnull=False),
                text=lambda idea: f"{idea.title}\n\n{idea.description}",
                author_id=lambda idea: idea.author_id,
                public_url=lambda idea: idea.get_absolute_url(),
            )
        )
        kinds.register(
            kinds.NotificationKind(
                key=actions.ANSWERED_NOTIFICATION,
                label=_("When the office answers my idea"),
                message=texts.answered_message,
            )
        )
        kinds.register(
            kinds.NotificationKind(
                key=actions.FOLLOWED_ANSWERED_NOTIFICATION,
                label=_("When the office answers an idea I follow"),
                message=texts.followed_answered_message,
            )
        )
