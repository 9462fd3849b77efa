"""A ballot box's phases and what each phase allows.

Which phase is current is `wiec.core.phases.phase_at(box, at=)` (re-exported here), from the
dates the box lists in `BallotBox.dated_phases`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from wiec.core.phases import phase_at

if TYPE_CHECKING:
    from wiec.voting.models import BallotBox

__all__ = ["ALLOWED", "LABELS", "Phase", "Step", "allows", "may_change", "phase_at"]


class Phase(StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    COUNTING = "counting"  # online voting has ended; paper ballots may still be entered
    CLOSED = "closed"  # frozen by an official: nothing changes any more


LABELS = {
    Phase.SCHEDULED: _("not started yet"),
    Phase.OPEN: _("voting open"),
    Phase.COUNTING: _("voting ended, counting"),
    Phase.CLOSED: _("closed, results final"),
}


class Step(StrEnum):
    VOTE_ONLINE = "vote_online"
    ENTER_PAPER = "enter_paper"
    EDIT_BALLOT = "edit_ballot"  # questions and options of the owning module
    EDIT_DATES = "edit_dates"
    CLOSE = "close"


ALLOWED: dict[Phase, frozenset[Step]] = {
    Phase.SCHEDULED: frozenset({Step.EDIT_BALLOT, Step.EDIT_DATES}),
    Phase.OPEN: frozenset({Step.VOTE_ONLINE, Step.ENTER_PAPER, Step.EDIT_DATES, Step.CLOSE}),
    Phase.COUNTING: frozenset({Step.ENTER_PAPER, Step.EDIT_DATES, Step.CLOSE}),
    Phase.CLOSED: frozenset(),
}


def allows(box: BallotBox, step: Step, *, at: datetime) -> bool:
    return step in ALLOWED[phase_at(box, at=at)]


# Who may vote, and since when, are history once voting has started.
FROZEN_ONCE_STARTED = frozenset({"starts_at", "min_level", "minimum_age", "districts"})


def may_change(box: BallotBox, *, fields: set[str], ends_at: datetime | None, at: datetime) -> bool:
    """Whether the box's settings named in `fields` may change now (`ends_at`: the new end).

    Before voting starts, anything; once it has started, not its start or who may vote
    (moving the start into the future would reopen the ballot for editing under cast votes);
    the end may move while voting is open, but ended voting is not reopened (provisional
    results may have been seen); a closed box never changes.
    """
    phase = phase_at(box, at=at)
    if phase == Phase.CLOSED:
        return False
    if phase == Phase.SCHEDULED:
        return True
    if fields & FROZEN_ONCE_STARTED:
        return False
    return not (phase == Phase.COUNTING and ends_at is not None and ends_at > at)
