"""The panel's poll page offers each action exactly when its view would accept it (issue 9, bug 3).

The template used to test `Step.X in allowed` with the Step class in its context; the template
engine calls a class it is given, so every test was false and no action was ever offered.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, make_poll
from wiec.accounts.models import Role
from wiec.polls import actions
from wiec.polls.models import Eligibility, Poll
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

ADD = "Dodaj pytanie"
PAPER = "Wprowadź karty papierowe"
CLOSE = "Zamknij sondę"
FROZEN = "Po rozpoczęciu głosowania pytań nie można zmieniać."


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def _poll_in(tenant: Tenant, phase: str, eligibility: Eligibility = Eligibility.RESIDENTS) -> Poll:
    starts, ends = {
        "scheduled": (NOW + timedelta(days=1), NOW + timedelta(days=8)),
        "open": (NOW - timedelta(days=1), NOW + timedelta(days=7)),
        "counting": (NOW - timedelta(days=8), NOW - timedelta(days=1)),
        "closed": (NOW - timedelta(days=8), NOW - timedelta(days=1)),
    }[phase]
    poll = make_poll(tenant, starts_at=starts, ends_at=ends, eligibility=eligibility)
    if phase == "closed":
        actions.close_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)
    return poll


def _page(tenant: Tenant, poll: Poll, role: Role = Role.OFFICIAL) -> str:
    client = client_for(tenant)
    client.force_login(member(tenant, role))
    response = client.get(f"/panel/sondy/{poll.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _question_links(poll: Poll, html: str) -> tuple[bool, bool]:
    question = poll.questions.order_by("position").first()
    assert question is not None
    edit = f'href="/panel/sondy/{poll.pk}/pytania/{question.pk}/"' in html
    delete = f'action="/panel/sondy/{poll.pk}/pytania/{question.pk}/usun/"' in html
    return edit, delete


# phase → (add and edit questions, enter paper ballots, close)
EXPECTED = {
    "scheduled": (True, False, False),
    "open": (False, True, True),
    "counting": (False, True, True),
    "closed": (False, False, False),
}


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.ADMIN])
@pytest.mark.parametrize("phase", list(EXPECTED))
def test_the_poll_page_offers_what_the_phase_allows(tenant: Tenant, phase: str, role: Role) -> None:
    questions, paper, close = EXPECTED[phase]
    poll = _poll_in(tenant, phase)
    html = _page(tenant, poll, role)
    assert (ADD in html) is questions
    assert (f'href="/panel/sondy/{poll.pk}/pytania/nowe/"' in html) is questions
    assert _question_links(poll, html) == (questions, questions)
    assert (FROZEN in html) is not questions
    assert (f'href="/panel/sondy/{poll.pk}/papierowe/"' in html) is paper
    assert (PAPER in html) is paper
    assert (f'action="/panel/sondy/{poll.pk}/zamknij/"' in html) is close
    assert (CLOSE in html) is close


def test_no_paper_ballots_where_online_voters_are_not_known_by_pesel(tenant: Tenant) -> None:
    poll = _poll_in(tenant, "open", eligibility=Eligibility.LOGGED_IN)
    html = _page(tenant, poll)
    assert f"/panel/sondy/{poll.pk}/papierowe/" not in html
    assert f'action="/panel/sondy/{poll.pk}/zamknij/"' in html


def test_a_new_poll_is_offered_its_first_question(tenant: Tenant) -> None:
    client = client_for(tenant)
    client.force_login(member(tenant, Role.OFFICIAL))
    response = client.post(
        "/panel/sondy/nowa/",
        {
            "title": "Nowa sonda",
            "description": "",
            "starts_at": "2026-07-01T08:00",
            "ends_at": "2026-07-10T20:00",
            "eligibility": "residents",
            "minimum_age": "0",
            "results_visibility": "live",
        },
        follow=True,
    )
    poll = Poll.objects.get(title="Nowa sonda")
    assert response.redirect_chain[-1][0] == f"/panel/sondy/{poll.pk}/"
    assert f'href="/panel/sondy/{poll.pk}/pytania/nowe/"' in response.content.decode()
