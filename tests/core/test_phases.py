"""`phase_at`: the one function that says which phase of a process is current. No database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from wiec.core.phases import DatedPhase, phase_at
from wiec.ideas.models import IdeaSettings
from wiec.ideas.phases import CallPhase
from wiec.voting.models import BallotBox
from wiec.voting.phases import Phase

T0 = datetime(2026, 5, 1, 12, tzinfo=UTC)
SECOND = timedelta(seconds=1)


@dataclass
class Edition:
    """A process as a budget edition will be: several dated phases."""

    phases: list[DatedPhase[str]]

    def dated_phases(self) -> list[DatedPhase[str]]:
        return self.phases


EDITION = Edition(
    [
        DatedPhase("before"),
        DatedPhase("proposals", T0),
        DatedPhase("review", T0 + timedelta(days=10)),
        DatedPhase("voting", T0 + timedelta(days=20)),
    ]
)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (T0 - SECOND, "before"),
        (T0, "proposals"),  # a phase is current from its start
        (T0 + timedelta(days=10) - SECOND, "proposals"),
        (T0 + timedelta(days=10), "review"),
        (T0 + timedelta(days=400), "voting"),
    ],
)
def test_the_phase_that_started_last_is_current(at: datetime, expected: str) -> None:
    assert phase_at(EDITION, at=at) == expected


def test_a_process_without_an_undated_first_phase_is_refused() -> None:
    with pytest.raises(ValueError, match="first phase"):
        phase_at(Edition([DatedPhase("proposals", T0)]), at=T0)
    with pytest.raises(ValueError, match="first phase"):
        phase_at(Edition([]), at=T0)


def _box(**fields: object) -> BallotBox:
    return BallotBox(starts_at=T0, ends_at=T0 + timedelta(days=7), **fields)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (T0 - SECOND, Phase.SCHEDULED),
        (T0, Phase.OPEN),
        (T0 + timedelta(days=7) - SECOND, Phase.OPEN),
        (T0 + timedelta(days=7), Phase.COUNTING),  # the end is exclusive
    ],
)
def test_a_ballot_box_is_a_process(at: datetime, expected: Phase) -> None:
    assert phase_at(_box(), at=at) == expected


@pytest.mark.parametrize("at", [T0 - SECOND, T0, T0 + timedelta(days=30)])
def test_a_closed_box_is_closed_whatever_the_moment(at: datetime) -> None:
    assert phase_at(_box(closed_at=T0 + timedelta(days=8)), at=at) == Phase.CLOSED


@pytest.mark.parametrize(
    ("accepting", "expected"), [(True, CallPhase.OPEN), (False, CallPhase.CLOSED)]
)
def test_the_call_for_ideas_is_a_process(accepting: bool, expected: CallPhase) -> None:
    assert phase_at(IdeaSettings(accepting=accepting), at=T0) == expected
