"""Who may see, run and count polls. Pure predicates: the phase is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from wiec.accounts.permissions import is_staff_in
from wiec.polls.models import Poll, ResultsVisibility
from wiec.voting.permissions import accepts_paper, can_enter_paper_ballots, can_manage_boxes
from wiec.voting.phases import ALLOWED, Phase, Step, may_change, phase_at

if TYPE_CHECKING:
    from datetime import datetime

    from wiec.tenants.models import Tenant
    from wiec.voting.models import BallotBox


def can_manage_polls(user: Any, tenant: Tenant | None) -> bool:
    return can_manage_boxes(user, tenant)


def can_enter_paper(user: Any, tenant: Tenant | None) -> bool:
    return can_enter_paper_ballots(user, tenant)


def can_see_poll(user: Any, tenant: Tenant | None, *, poll: Poll) -> bool:
    return poll.is_published or is_staff_in(user, tenant)


def can_see_results(user: Any, tenant: Tenant | None, *, poll: Poll, phase: Phase) -> bool:
    """Closed polls show results to everyone; live results only where the poll says so.

    Staff see the count once online voting has ended, to check paper ballots before closing.
    """
    if phase == Phase.CLOSED:
        return poll.is_published or is_staff_in(user, tenant)
    if phase == Phase.SCHEDULED:
        return False
    if poll.results_visibility == ResultsVisibility.LIVE and poll.is_published:
        return True
    return phase == Phase.COUNTING and can_manage_polls(user, tenant)


@dataclass(frozen=True)
class PanelActions:
    """What the panel's poll page offers: each action exactly when its view would accept it."""

    edit_questions: bool
    enter_paper: bool
    close: bool


def panel_actions(
    user: Any, tenant: Tenant | None, *, box: BallotBox, phase: Phase
) -> PanelActions:
    allowed = ALLOWED[phase]
    manages = can_manage_polls(user, tenant)
    return PanelActions(
        edit_questions=manages and Step.EDIT_BALLOT in allowed,
        enter_paper=can_enter_paper(user, tenant)
        and accepts_paper(box)
        and Step.ENTER_PAPER in allowed,
        close=manages and Step.CLOSE in allowed,
    )


# The poll form's settings that live on the ballot box, by the box's names for them.
_BOX_SETTINGS = {
    "title": {"title"},
    "starts_at": {"starts_at"},
    "eligibility": {"min_level"},
    "districts": {"districts"},
    "minimum_age": {"minimum_age"},
}
POLL_SETTINGS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "eligibility",
    "districts",
    "minimum_age",
    "results_visibility",
    "is_published",
)


def frozen_settings(box: BallotBox, *, at: datetime) -> frozenset[str]:
    """The poll form's settings that can no longer change in the box's phase (the box's own
    rule, wiec.voting.phases.may_change): once voting has started, its start and who may vote;
    once it has ended, also its end (ended voting is not reopened); once closed, everything."""
    if phase_at(box, at=at) == Phase.CLOSED:
        return frozenset(POLL_SETTINGS)
    frozen = {
        name
        for name, fields in _BOX_SETTINGS.items()
        if not may_change(box, fields=fields, ends_at=None, at=at)
    }
    # The end can still change if it could move to a later moment (not in ended voting).
    later = max(box.ends_at, at) + timedelta(days=1)
    if not may_change(box, fields={"ends_at"}, ends_at=later, at=at):
        frozen.add("ends_at")
    return frozenset(frozen)
