"""Who may see, run and count polls: pure predicates over the actor, the poll and the box's
phase (`phase_at(poll.box, at=)`, passed in). No database. What each phase allows is
`PHASE_ALLOWS`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from wiec.accounts.actors import Actor, Capability
from wiec.polls.models import Poll, ResultsVisibility
from wiec.voting.permissions import accepts_paper, can_enter_paper_ballots, can_manage_boxes
from wiec.voting.phases import Phase, Step, may_change, phase_at

if TYPE_CHECKING:
    from datetime import datetime

    from wiec.voting.models import BallotBox


class PollAction(StrEnum):
    VOTE = "vote"  # online, by a resident
    ENTER_PAPER = "enter_paper"  # by an official, from the paper ballots
    EDIT_QUESTIONS = "edit_questions"
    CLOSE = "close"
    SEE_LIVE_RESULTS = "see_live_results"  # where the poll shows them while voting is open
    CHECK_COUNT = "check_count"  # staff see the count before closing, to check paper ballots
    SEE_FINAL_RESULTS = "see_final_results"
    DOWNLOAD_BALLOTS = "download_ballots"  # every ballot, for anyone to count again


# The ballot box's own steps (wiec.voting.phases.ALLOWED) as the poll names them: the two
# tables agree on them (tests/polls/test_permission_matrix.py), so the panel never offers a
# step the box refuses.
BOX_STEPS = {
    PollAction.VOTE: Step.VOTE_ONLINE,
    PollAction.ENTER_PAPER: Step.ENTER_PAPER,
    PollAction.EDIT_QUESTIONS: Step.EDIT_BALLOT,
    PollAction.CLOSE: Step.CLOSE,
}

PHASE_ALLOWS: dict[Phase, frozenset[PollAction]] = {
    Phase.SCHEDULED: frozenset({PollAction.EDIT_QUESTIONS}),
    Phase.OPEN: frozenset(
        {PollAction.VOTE, PollAction.ENTER_PAPER, PollAction.CLOSE, PollAction.SEE_LIVE_RESULTS}
    ),
    Phase.COUNTING: frozenset(
        {
            PollAction.ENTER_PAPER,
            PollAction.CLOSE,
            PollAction.SEE_LIVE_RESULTS,
            PollAction.CHECK_COUNT,
        }
    ),
    Phase.CLOSED: frozenset({PollAction.SEE_FINAL_RESULTS, PollAction.DOWNLOAD_BALLOTS}),
}


def allows(phase: Phase, action: PollAction) -> bool:
    return action in PHASE_ALLOWS[phase]


def can_manage_polls(actor: Actor) -> bool:
    return can_manage_boxes(actor)


def can_enter_paper(actor: Actor) -> bool:
    return can_enter_paper_ballots(actor)


def can_see_poll(actor: Actor, *, poll: Poll) -> bool:
    return poll.is_published or actor.has(Capability.SEE_UNPUBLISHED)


def can_see_results(actor: Actor, *, poll: Poll, phase: Phase) -> bool:
    """Closed polls show results to everyone; live results only where the poll says so.

    Staff see the count once online voting has ended, to check paper ballots before closing.
    """
    if allows(phase, PollAction.SEE_FINAL_RESULTS):
        return can_see_poll(actor, poll=poll)
    if (
        allows(phase, PollAction.SEE_LIVE_RESULTS)
        and poll.results_visibility == ResultsVisibility.LIVE
        and poll.is_published
    ):
        return True
    return allows(phase, PollAction.CHECK_COUNT) and can_manage_polls(actor)


def can_download_ballots(actor: Actor, *, poll: Poll, phase: Phase) -> bool:
    """Every ballot, once the poll is closed and its results final, to whoever sees the poll."""
    return allows(phase, PollAction.DOWNLOAD_BALLOTS) and can_see_poll(actor, poll=poll)


def offers_ballot(actor: Actor, *, phase: Phase) -> bool:
    """Whether the poll's page goes on to check the person's eligibility and offer the ballot:
    voting is open and they have joined this municipality's site."""
    return allows(phase, PollAction.VOTE) and actor.joined


@dataclass(frozen=True)
class PanelActions:
    """What the panel's poll page offers: each action exactly when its view would accept it."""

    edit_questions: bool
    enter_paper: bool
    close: bool


def panel_actions(actor: Actor, *, box: BallotBox, phase: Phase) -> PanelActions:
    manages = can_manage_polls(actor)
    return PanelActions(
        edit_questions=manages and allows(phase, PollAction.EDIT_QUESTIONS),
        enter_paper=can_enter_paper(actor)
        and accepts_paper(box)
        and allows(phase, PollAction.ENTER_PAPER),
        close=manages and allows(phase, PollAction.CLOSE),
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
