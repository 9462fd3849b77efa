"""Factories and helpers for verification, voting and polls tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from tests.factories import member
from wiec.accounts.models import Role, User
from wiec.polls import actions as poll_actions
from wiec.polls import scenarios
from wiec.polls.models import Eligibility, Poll, QuestionKind, ResultsVisibility
from wiec.tenants.models import Tenant
from wiec.verification import actions as verification_actions
from wiec.verification.pesel import Pesel, encode, parse
from wiec.verification.queries import identity_for_user

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.get_fixed_timezone(120))


def pesel(born: date = date(1980, 5, 17), serial: int = 1, *, female: bool = False) -> Pesel:
    return parse(encode(born, serial, female=female), today=NOW.date())


def resident(
    tenant: Tenant,
    *,
    serial: int = 1,
    born: date = date(1980, 5, 17),
    district: Any = None,
    role: Role = Role.RESIDENT,
) -> User:
    """A person verified by PESEL and declaration in the tenant."""
    user = member(tenant, role)
    verification_actions.submit_declaration(
        tenant=tenant, user=user, pesel=pesel(born, serial), district=district, at=NOW
    )
    return user


def make_poll(
    tenant: Tenant,
    *,
    official: User | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    eligibility: Eligibility = Eligibility.RESIDENTS,
    districts: list[Any] | None = None,
    minimum_age: int = 0,
    results_visibility: ResultsVisibility = ResultsVisibility.AFTER_CLOSE,
    published: bool = True,
    multiple_max: int | None = 2,
) -> Poll:
    """A poll with two questions: q1 single choice (3 options), q2 multiple (4, at most 2)."""
    official = official or member(tenant, Role.OFFICIAL)
    starts_at = starts_at or NOW - timedelta(days=1)
    return scenarios.build_poll(
        tenant=tenant,
        official=official,
        title="Nowy plac zabaw",
        description="Gdzie i jaki?",
        questions=[
            ("Gdzie?", QuestionKind.SINGLE, None, ["park", "szkoła", "rynek"]),
            (
                "Co?",
                QuestionKind.MULTIPLE,
                multiple_max,
                ["huśtawki", "zjeżdżalnia", "piaskownica", "linarium"],
            ),
        ],
        starts_at=starts_at,
        ends_at=ends_at or NOW + timedelta(days=7),
        at=starts_at - timedelta(days=2),
        eligibility=eligibility,
        districts=districts or [],
        minimum_age=minimum_age,
        results_visibility=results_visibility,
        publish=published,
    )


def ballot(poll: Poll, *, first: int = 0, second: tuple[int, ...] = (0,)) -> dict[str, list[int]]:
    """A valid ballot choosing options by their position."""
    q1, q2 = list(poll.questions.order_by("position"))
    o1 = list(q1.options.order_by("position"))
    o2 = list(q2.options.order_by("position"))
    return {str(q1.pk): [o1[first].pk], str(q2.pk): sorted(o2[i].pk for i in second)}


def form_data(poll: Poll, *, first: int = 0, second: tuple[int, ...] = (0,)) -> dict[str, Any]:
    choices = ballot(poll, first=first, second=second)
    q1, q2 = list(poll.questions.order_by("position"))
    return {
        "box": poll.box_id,
        f"q{q1.pk}": str(choices[str(q1.pk)][0]),
        f"q{q2.pk}": [str(v) for v in choices[str(q2.pk)]],
    }


def vote_as(poll: Poll, user: User, *, first: int = 0, second: tuple[int, ...] = (0,)) -> str:
    """The person votes online in the poll; returns the receipt."""
    identity = identity_for_user(tenant=poll.tenant, user=user)
    choices = ballot(poll, first=first, second=second)
    return poll_actions.vote(poll=poll, identity=identity, choices=choices, at=NOW)


def paper(poll: Poll, *, serial: int, official: User, at: datetime = NOW, **where: Any) -> str:
    """An official enters the signed paper ballot of the person with this PESEL serial."""
    return poll_actions.enter_paper_ballot(
        poll=poll,
        pesel=pesel(serial=serial),
        district=where.get("district"),
        choices=ballot(poll, first=where.get("first", 0)),
        official=official,
        at=at,
    )
