from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from wiec.accounts import queries as account_queries
from wiec.accounts.models import STAFF_ROLES, Membership
from wiec.core.models import AuditEntry
from wiec.core.modules import modules
from wiec.ideas import queries as idea_queries
from wiec.ideas.permissions import can_answer_ideas
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation import queries as moderation_queries
from wiec.moderation.permissions import can_moderate
from wiec.polls import queries as poll_queries
from wiec.polls.permissions import can_manage_polls
from wiec.tenants.models import Category, District, Tenant
from wiec.voting.phases import Phase

WAITING_SHOWN = 5
"""How many of the oldest waiting items the panel home lists per kind of work."""


@dataclass(frozen=True)
class WaitingItem:
    label: str
    url: str
    note: str
    """What the date says ("published", "voting ends"); the template shows `when` after it in
    the reader's time zone."""
    when: datetime | None
    then: str = ""
    """What to do next, when it is not plain from the title."""


@dataclass(frozen=True)
class Waiting:
    """One kind of work on the panel home: how many wait, the oldest few, the page with all."""

    key: str
    title: str
    count: int
    items: list[WaitingItem] = field(default_factory=list)
    all_url: str = ""
    all_label: str = ""
    order: str = ""
    """How the items are sorted, in words ("the longest waiting first")."""

    @property
    def more(self) -> bool:
        return self.count > len(self.items)


def waiting_for(*, user: Any, tenant: Tenant, at: datetime) -> list[Waiting]:
    """What waits for this person, by what their role lets them do; each kind is listed even
    when nothing waits, so the page can say so."""
    boxes = []
    if can_answer_ideas(user, tenant):
        boxes.append(_ideas(tenant=tenant))
    if can_moderate(user, tenant):
        boxes.append(_reports(tenant=tenant))
    if can_manage_polls(user, tenant):
        boxes.append(_polls(tenant=tenant, at=at))
    return boxes


def _ideas(*, tenant: Tenant) -> Waiting:
    rows = idea_queries.ideas_in_status(tenant=tenant, status=IdeaStatus.NEW)
    return Waiting(
        key="ideas",
        title=_("New ideas waiting for the office’s answer"),
        count=rows.count(),
        items=[
            WaitingItem(
                label=idea.title,
                url=reverse("ideas_staff:answer", args=[idea.pk]),
                note=pgettext("panel home", "published"),
                when=idea.published_at,
            )
            for idea in rows[:WAITING_SHOWN]
        ],
        all_url=reverse("ideas_staff:waiting"),
        all_label=_("All ideas waiting for an answer"),
        order=_("the longest waiting first"),
    )


def _reports(*, tenant: Tenant) -> Waiting:
    queue = moderation_queries.report_queue(tenant=tenant, limit=WAITING_SHOWN)
    return Waiting(
        key="reports",
        title=_("Reported content waiting for a decision"),
        count=moderation_queries.waiting_count(tenant=tenant) if queue else 0,
        items=[
            WaitingItem(
                label=Truncator(item.kind.full_text(item.content)).chars(80),
                url=reverse("moderation_staff:content", args=[item.kind.key, item.content.pk]),
                note=ngettext(
                    "%(kind)s, %(count)d report, the first",
                    "%(kind)s, %(count)d reports, the first",
                    item.report_count,
                )
                % {"kind": item.kind.label, "count": item.report_count},
                when=item.first_reported_at,
            )
            for item in queue
        ],
        all_url=reverse("moderation_staff:queue"),
        all_label=_("The whole moderation queue"),
        order=_("the longest waiting first"),
    )


def _polls(*, tenant: Tenant, at: datetime) -> Waiting:
    due = poll_queries.polls_due(tenant=tenant, at=at)
    return Waiting(
        key="polls",
        title=_("Polls opening or ending soon, and paper ballots"),
        count=len(due),
        items=[
            WaitingItem(
                label=poll.title,
                url=reverse("polls_staff:edit", args=[poll.pk]),
                note=str(_POLL_NOTES[phase]),
                when=poll.box.starts_at if phase == Phase.SCHEDULED else poll.box.ends_at,
                then=_("Enter the paper ballots, then close the poll.")
                if phase == Phase.COUNTING
                else "",
            )
            for poll, phase in due[:WAITING_SHOWN]
        ],
        all_url=reverse("polls_staff:list"),
        all_label=_("All polls"),
        order=_("the nearest date first"),
    )


_POLL_NOTES = {
    Phase.SCHEDULED: pgettext_lazy("panel home", "voting opens"),
    Phase.OPEN: pgettext_lazy("panel home", "voting ends"),
    Phase.COUNTING: pgettext_lazy("panel home", "voting ended"),
    Phase.CLOSED: pgettext_lazy("panel home", "closed"),
}


def dashboard_stats(*, tenant: Tenant) -> dict[str, int]:
    """Counts for the panel home; "members" are the people "People and roles" lists (those who
    joined this site, and staff), not every account that has only signed in here."""
    members = account_queries.members(tenant=tenant)
    return {
        "members": members.count(),
        "staff": Membership.objects.filter(tenant=tenant, role__in=STAFF_ROLES).count(),
        "districts": District.objects.filter(tenant=tenant).count(),
        "categories": Category.objects.filter(tenant=tenant).count(),
    }


def audit_entries(*, tenant: Tenant, action: str = "") -> QuerySet[AuditEntry]:
    rows = AuditEntry.objects.filter(tenant=tenant)
    if action:
        rows = rows.filter(action=action)
    return rows.order_by("-at", "-pk")


def audit_actions(*, tenant: Tenant) -> list[tuple[str, str]]:
    """The kinds of step in this tenant's log, as (code, translated name), by name."""
    codes = AuditEntry.objects.filter(tenant=tenant).values_list("action", flat=True).distinct()
    declared = modules.audit_actions()
    labels = {code: declared.get(code) for code in codes}
    return sorted(
        ((code, str(known.label) if known else code) for code, known in labels.items()),
        key=lambda pair: pair[1],
    )
