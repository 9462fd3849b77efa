"""What the ideas module plugs into the shared pages (docs/modules.md)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wiec.core import audit
from wiec.core.modules import (
    AuditAction,
    ContentKind,
    ModuleSpec,
    NavItem,
    NotificationKind,
    PanelPage,
    PanelSection,
    Waiting,
)
from wiec.ideas import actions, demo, permissions, personal_data, queries, texts
from wiec.ideas.models import Idea
from wiec.ideas.processes import open_calls
from wiec.ideas.statuses import rule

if TYPE_CHECKING:
    from wiec.accounts.actors import Actor
    from wiec.tenants.models import Tenant


def _status_change(data: dict[str, Any]) -> str:
    from wiec.ideas.statuses import IdeaStatus

    def label(value: str) -> str:
        return str(IdeaStatus(value).label) if value in IdeaStatus.values else value

    return gettext("from “%(from)s” to “%(to)s”") % {
        "from": label(data.get("from", "")),
        "to": label(data.get("to", "")),
    }


def _public(idea: Idea) -> bool:
    return rule(idea.status).public and not idea.is_hidden


def _visible_to(idea: Idea, user: object) -> bool:
    return _public(idea)


def _waiting(actor: Actor, tenant: Tenant, at: datetime) -> Waiting | None:
    if not permissions.can_answer_ideas(actor):
        return None
    return queries.waiting_for_answer(tenant=tenant)


SPEC = ModuleSpec(
    key="ideas",
    label=_("Ideas"),
    order=10,
    nav=(NavItem("ideas", _("Ideas"), "ideas:list_ideas"),),
    panel=(
        PanelSection(
            _("Ideas"),
            (
                PanelPage(
                    _("Ideas waiting for an answer"),
                    "ideas_staff:list_waiting_ideas",
                    permissions.can_answer_ideas,
                    _("Answer residents' ideas and move them through their statuses."),
                ),
                PanelPage(
                    _("Ideas: settings"),
                    "ideas_staff:edit_settings",
                    permissions.can_manage_idea_settings,
                    _("Open or close submissions; the introduction above the list."),
                ),
            ),
        ),
    ),
    audit_actions=(
        AuditAction("idea.answered", _("Idea answered"), _status_change),
        AuditAction(
            "ideas.settings_saved",
            _("Ideas settings saved"),
            audit.changes_of("ideas.ideasettings"),
        ),
    ),
    notification_kinds=(
        NotificationKind(
            key=actions.ANSWERED_NOTIFICATION,
            label=_("When the office answers my idea"),
            message=texts.answered_message,
        ),
        NotificationKind(
            key=actions.FOLLOWED_ANSWERED_NOTIFICATION,
            label=_("When the office answers an idea I follow"),
            message=texts.followed_answered_message,
        ),
        NotificationKind(
            key=actions.NEW_IDEA_NOTIFICATION,
            label=_("When a new idea arrives"),
            message=texts.new_idea_message,
            for_roles=frozenset(actions.NEW_IDEA_READERS),
        ),
    ),
    content_kinds=(
        ContentKind(
            key="idea",
            model=Idea,
            label=_("idea"),
            visible_to=_visible_to,
            author_id=lambda idea: idea.author_id,
            title=lambda idea: idea.title,
            text=lambda idea: f"{idea.title}\n\n{idea.description}",
            public_url=lambda idea: idea.get_absolute_url(),
            open_for_comments=_public,
            moderated=True,
            published=lambda rows: rows.filter(published_at__isnull=False),
        ),
    ),
    exporters={"ideas": personal_data.export_ideas},
    erasers=(actions.erase_drafts,),
    processes=open_calls,
    waiting=(_waiting,),
    demo=demo.load,
)
