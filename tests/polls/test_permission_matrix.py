"""Role × phase × action for polls, without the database.

Nothing here is marked `django_db`, so pytest-django raises on any query: the `can_*`
functions work on an already-resolved actor, poll and phase. Expected answers are written out
by hand, not read from `PHASE_ALLOWS`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wiec.accounts.actors import REVIEWER, Actor
from wiec.accounts.models import Role
from wiec.polls import permissions as p
from wiec.polls.models import Poll, ResultsVisibility
from wiec.verification.models import Level
from wiec.voting.models import BallotBox
from wiec.voting.phases import ALLOWED, Phase

SCHED, OPEN, COUNT, CLOSED = Phase.SCHEDULED, Phase.OPEN, Phase.COUNTING, Phase.CLOSED
NOW = datetime(2026, 5, 1, tzinfo=UTC)


def actor(role: str | None, *, joined: bool = True) -> Actor:
    if role is None:
        return Actor(tenant_id=1)
    return Actor(user_id=5, tenant_id=1, roles=frozenset({role}), active=True, joined=joined)


PEOPLE = {
    "anonymous": actor(None),
    "not joined": actor(Role.RESIDENT, joined=False),
    "resident": actor(Role.RESIDENT),
    "moderator": actor(Role.MODERATOR),
    "official": actor(Role.OFFICIAL),
    "admin": actor(Role.ADMIN),
    "reviewer": actor(REVIEWER),
}
RUNS_VOTES = {"official", "admin"}
STAFF = {"moderator", "official", "admin"}


def _poll(*, published: bool = True, live: bool = False) -> Poll:
    visibility = ResultsVisibility.LIVE if live else ResultsVisibility.AFTER_CLOSE
    return Poll(tenant_id=1, is_published=published, results_visibility=visibility)


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_results_matrix(who: str, phase: Phase) -> None:
    person = PEOPLE[who]
    after_close = phase == CLOSED or (phase == COUNT and who in RUNS_VOTES)
    assert p.can_see_results(person, poll=_poll(), phase=phase) is after_close
    live = phase in {OPEN, COUNT, CLOSED}
    assert p.can_see_results(person, poll=_poll(live=True), phase=phase) is live
    unpublished = (phase == CLOSED and who in STAFF) or (phase == COUNT and who in RUNS_VOTES)
    assert p.can_see_results(person, poll=_poll(published=False, live=True), phase=phase) is (
        unpublished
    )


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_ballots_csv_matrix(who: str, phase: Phase) -> None:
    """Every ballot is offered once the poll is closed, to whoever sees the poll."""
    person = PEOPLE[who]
    assert p.can_download_ballots(person, poll=_poll(), phase=phase) is (phase == CLOSED)
    hidden = _poll(published=False)
    assert p.can_download_ballots(person, poll=hidden, phase=phase) is (
        phase == CLOSED and who in STAFF
    )


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_the_ballot_is_offered_while_open_to_people_who_joined(who: str, phase: Phase) -> None:
    expected = phase == OPEN and who not in {"anonymous", "not joined"}
    assert p.offers_ballot(PEOPLE[who], phase=phase) is expected


PANEL = {
    # phase: (edit questions, enter paper, close) for those who run votes
    SCHED: (True, False, False),
    OPEN: (False, True, True),
    COUNT: (False, True, True),
    CLOSED: (False, False, False),
}


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_panel_actions_matrix(who: str, phase: Phase) -> None:
    box = BallotBox(starts_at=NOW, ends_at=NOW, min_level=Level.RESIDENT)
    got = p.panel_actions(PEOPLE[who], box=box, phase=phase)
    expected = PANEL[phase] if who in RUNS_VOTES else (False, False, False)
    assert (got.edit_questions, got.enter_paper, got.close) == expected
    anyone = BallotBox(starts_at=NOW, ends_at=NOW, min_level=Level.ACCOUNT)
    assert p.panel_actions(PEOPLE[who], box=anyone, phase=phase).enter_paper is False


@pytest.mark.parametrize("phase", list(Phase))
def test_the_polls_table_agrees_with_the_ballot_boxes(phase: Phase) -> None:
    """The panel never offers a step the box would refuse, nor hides one it would take."""
    for action, step in p.BOX_STEPS.items():
        assert (action in p.PHASE_ALLOWS[phase]) == (step in ALLOWED[phase]), (action, phase)


@pytest.mark.parametrize("who", list(PEOPLE))
def test_who_runs_polls(who: str) -> None:
    assert p.can_manage_polls(PEOPLE[who]) is (who in RUNS_VOTES)
    assert p.can_enter_paper(PEOPLE[who]) is (who in RUNS_VOTES)
    assert p.can_see_poll(PEOPLE[who], poll=_poll(published=False)) is (who in STAFF)
