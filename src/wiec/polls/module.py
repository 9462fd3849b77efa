"""What the polls module plugs into the shared pages (docs/modules.md)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wiec.core import audit
from wiec.core.modules import AuditAction, ModuleSpec, NavItem, PanelPage, PanelSection, Waiting
from wiec.polls import demo, permissions, queries

if TYPE_CHECKING:
    from wiec.accounts.actors import Actor
    from wiec.tenants.models import Tenant


def _question(data: dict[str, Any]) -> str:
    return gettext("“%(question)s”") % {"question": data.get("question", "")}


def _waiting(actor: Actor, tenant: Tenant, at: datetime) -> Waiting | None:
    if not permissions.can_manage_polls(actor):
        return None
    return queries.waiting_polls(tenant=tenant, at=at)


SPEC = ModuleSpec(
    key="polls",
    label=_("Polls"),
    order=40,
    nav=(NavItem("polls", _("Polls"), "polls:list_polls"),),
    panel=(
        PanelSection(
            _("Polls"),
            (
                PanelPage(
                    _("Polls"),
                    "polls_staff:list_polls",
                    permissions.can_manage_polls,
                    _("Ask residents; enter paper ballots; close and publish results."),
                ),
            ),
        ),
    ),
    audit_actions=(
        AuditAction("poll.created", _("Poll created")),
        AuditAction("poll.changed", _("Poll changed"), audit.changes_of("polls.poll")),
        AuditAction("poll.published", _("Poll published")),
        AuditAction("poll.question_saved", _("Poll question saved"), _question),
        AuditAction("poll.question_deleted", _("Poll question deleted"), _question),
    ),
    processes=queries.open_poll_cards,
    waiting=(_waiting,),
    demo=demo.load,
)
