"""Role × phase × action for ideas, without the database.

No test here is marked `django_db`: pytest-django raises on any query, so these pass only
because the `can_*` functions take an already-resolved actor and touch nothing else. The
expected answers are written out by hand, not read from `PHASE_ALLOWS`.
"""

from __future__ import annotations

import pytest

from wiec.accounts.actors import REVIEWER, Actor
from wiec.accounts.models import Role
from wiec.ideas import permissions as p
from wiec.ideas.models import Idea, IdeaSettings
from wiec.ideas.phases import CallPhase
from wiec.ideas.statuses import IdeaStatus
from wiec.verification.models import Level

TENANT = 7
AUTHOR = 100


def actor(role: str | None, *, user_id: int = 1, **facts: object) -> Actor:
    if role is None:
        return Actor(tenant_id=TENANT)
    joined = bool(facts.pop("joined", True))
    return Actor(
        user_id=user_id,
        tenant_id=TENANT,
        roles=frozenset({role}),
        active=True,
        joined=joined,
        **facts,  # type: ignore[arg-type]
    )


PEOPLE = {
    "anonymous": actor(None),
    "resident": actor(Role.RESIDENT),
    "moderator": actor(Role.MODERATOR),
    "official": actor(Role.OFFICIAL),
    "admin": actor(Role.ADMIN),
    "reviewer": actor(REVIEWER),
    "not joined": actor(Role.RESIDENT, joined=False),
    "blocked": actor(Role.RESIDENT, blocked=True),
}
TAKES_PART = {"resident", "moderator", "official", "admin", "reviewer"}
OFFICE = {"official", "admin"}
OPEN, CLOSED = CallPhase.OPEN, CallPhase.CLOSED


def _idea(status: IdeaStatus = IdeaStatus.NEW, *, author_id: int = AUTHOR) -> Idea:
    return Idea(tenant_id=TENANT, status=status, author_id=author_id)


@pytest.mark.parametrize("phase", list(CallPhase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_submit_matrix(who: str, phase: CallPhase) -> None:
    expected = phase == OPEN and who in TAKES_PART
    assert p.can_submit_idea(PEOPLE[who], phase=phase) is expected


@pytest.mark.parametrize("phase", list(CallPhase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_support_matrix(who: str, phase: CallPhase) -> None:
    """Supports go on after submissions close: the ideas already in stay open for support."""
    assert p.can_support_idea(PEOPLE[who], _idea(), phase=phase) is (who in TAKES_PART)
    assert p.can_support_idea(PEOPLE[who], _idea(IdeaStatus.DONE), phase=phase) is False


@pytest.mark.parametrize("phase", list(CallPhase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_answer_matrix(who: str, phase: CallPhase) -> None:
    assert p.can_answer_idea(PEOPLE[who], _idea(), phase=phase) is (who in OFFICE)
    assert p.can_answer_idea(PEOPLE[who], _idea(IdeaStatus.DRAFT), phase=phase) is False


@pytest.mark.parametrize("phase", list(CallPhase))
@pytest.mark.parametrize("who", list(PEOPLE))
def test_only_the_author_edits_in_either_phase(who: str, phase: CallPhase) -> None:
    person = PEOPLE[who]
    own = _idea(IdeaStatus.DRAFT, author_id=person.user_id or AUTHOR)
    is_author = person.user_id is not None
    expected = is_author and who in TAKES_PART
    assert p.can_edit_idea(person, own, phase=phase) is expected
    assert p.can_publish_idea(person, own, phase=phase) is expected
    assert p.can_delete_idea(person, own) is is_author  # a draft: its author, even blocked
    assert p.can_edit_idea(person, _idea(IdeaStatus.DRAFT), phase=phase) is False


@pytest.mark.parametrize("who", list(PEOPLE))
def test_settings_are_the_administrators(who: str) -> None:
    assert p.can_manage_idea_settings(PEOPLE[who]) is (who == "admin")
    assert p.can_answer_ideas(PEOPLE[who]) is (who in OFFICE)


@pytest.mark.parametrize(("level", "needs"), [(Level.ACCOUNT, True), (Level.RESIDENT, False)])
def test_verified_supporters_only_asks_the_unverified_to_verify(level: int, needs: bool) -> None:
    person = actor(Role.RESIDENT, level=level)
    strict = IdeaSettings(supporters_verified=True)
    assert p.support_needs_verification(person, _idea(), settings=strict, phase=OPEN) is needs
    lax = IdeaSettings(supporters_verified=False)
    assert p.support_needs_verification(person, _idea(), settings=lax, phase=OPEN) is False


@pytest.mark.parametrize("who", list(PEOPLE))
def test_report_is_offered_to_logged_in_people_but_not_on_their_own_idea(who: str) -> None:
    person = PEOPLE[who]
    expected = person.is_authenticated and who != "blocked"
    assert p.offers_report_idea(person, _idea()) is expected
    assert p.offers_report_idea(person, _idea(author_id=person.user_id or AUTHOR)) is False


@pytest.mark.parametrize(("phase", "expected"), [(OPEN, True), (CLOSED, False)])
def test_the_list_invites_to_log_in_only_while_submissions_are_open(
    phase: CallPhase, expected: bool
) -> None:
    assert p.submissions_open(phase) is expected
