"""Phases and eligibility: pure rules, tested without the database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.voting.factories import NOW
from wiec.verification.models import Level
from wiec.verification.queries import Identity
from wiec.voting.models import BallotBox
from wiec.voting.permissions import Ineligible, ineligibility
from wiec.voting.phases import ALLOWED, Phase, Step, phase_at

START, END = NOW, NOW + timedelta(days=7)


def box(**values: object) -> BallotBox:
    return BallotBox(starts_at=START, ends_at=END, **values)


@pytest.mark.parametrize(
    ("at", "closed", "phase"),
    [
        (START - timedelta(seconds=1), False, Phase.SCHEDULED),
        (START, False, Phase.OPEN),
        (END - timedelta(microseconds=1), False, Phase.OPEN),
        (END, False, Phase.COUNTING),  # the end is exclusive
        (START + timedelta(days=1), True, Phase.CLOSED),
        (START - timedelta(days=1), True, Phase.CLOSED),
    ],
)
def test_phase_at(at: object, *, closed: bool, phase: Phase) -> None:
    assert phase_at(box(closed_at=NOW if closed else None), at=at) == phase  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phase", "online", "paper", "edit_ballot", "close"),
    [
        (Phase.SCHEDULED, False, False, True, False),
        (Phase.OPEN, True, True, False, True),
        (Phase.COUNTING, False, True, False, True),
        (Phase.CLOSED, False, False, False, False),
    ],
)
def test_what_each_phase_allows(
    phase: Phase, *, online: bool, paper: bool, edit_ballot: bool, close: bool
) -> None:
    allowed = ALLOWED[phase]
    assert (Step.VOTE_ONLINE in allowed, Step.ENTER_PAPER in allowed) == (online, paper)
    assert (Step.EDIT_BALLOT in allowed, Step.CLOSE in allowed) == (edit_ballot, close)


def person(level: int = Level.RESIDENT, **values: object) -> Identity:
    return Identity(level=level, person_key="p" * 64, account_key="a" * 64, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("min_level", "level", "reason"),
    [
        (Level.ACCOUNT, Level.ACCOUNT, None),
        (Level.CONTACT, Level.ACCOUNT, Ineligible.CONTACT),
        (Level.CONTACT, Level.CONTACT, None),
        (Level.RESIDENT, Level.CONTACT, Ineligible.RESIDENT),
        (Level.RESIDENT, Level.RESIDENT, None),
    ],
)
def test_level(min_level: int, level: int, reason: Ineligible | None) -> None:
    assert ineligibility(box(min_level=min_level), person(level), district_ids=(), at=NOW) == reason


def test_anonymous_must_log_in() -> None:
    assert (
        ineligibility(box(min_level=Level.ACCOUNT), None, district_ids=(), at=NOW)
        == Ineligible.LOGIN
    )


def test_districts() -> None:
    b = box(min_level=Level.RESIDENT)
    assert ineligibility(b, person(district_id=1), district_ids={1, 2}, at=NOW) is None
    assert (
        ineligibility(b, person(district_id=3), district_ids={1, 2}, at=NOW) == Ineligible.DISTRICT
    )
    assert (
        ineligibility(b, person(district_id=None), district_ids={1}, at=NOW) == Ineligible.DISTRICT
    )
    assert ineligibility(b, person(district_id=None), district_ids=(), at=NOW) is None


def test_minimum_age_counts_by_year_of_birth() -> None:
    b = box(min_level=Level.RESIDENT, minimum_age=16)
    assert ineligibility(b, person(birth_year=NOW.year - 16), district_ids=(), at=NOW) is None
    assert (
        ineligibility(b, person(birth_year=NOW.year - 15), district_ids=(), at=NOW)
        == Ineligible.AGE
    )
    assert ineligibility(b, person(birth_year=None), district_ids=(), at=NOW) == Ineligible.AGE
