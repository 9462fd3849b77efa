"""Voting through the poll page: receipts, refusals with clear messages, tampered forms."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, form_data, make_poll, resident
from wiec.polls.models import Eligibility, Poll
from wiec.tenants.models import Tenant
from wiec.voting import queries as voting_queries
from wiec.voting.models import Ballot, Participation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def voter_client(tenant: Tenant, user: Any) -> Client:
    client = client_for(tenant)
    client.force_login(user)
    return client


def nothing_stored() -> bool:
    return not Participation.objects.exists() and not Ballot.objects.exists()


def test_casting_shows_the_receipt_once(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    client = voter_client(tenant, resident(tenant))
    response = client.post(f"/sondy/{poll.pk}/", form_data(poll, second=(0, 2)))
    assert response.status_code == 200
    receipt = response.context["receipt"]
    assert receipt in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert voting_queries.box_for_receipt(tenant=tenant, code=receipt) == poll.box
    page = client.get(f"/sondy/{poll.pk}/").content.decode()
    assert "Już oddano głos" in page or "already voted" in page or receipt not in page
    assert receipt not in page


def test_second_attempt_says_already_voted(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    client = voter_client(tenant, resident(tenant))
    client.post(f"/sondy/{poll.pk}/", form_data(poll))
    response = client.post(
        f"/sondy/{poll.pk}/", form_data(poll, first=2), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 409
    assert response.context["error"]
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize(
    ("starts", "ends"),
    [(timedelta(hours=1), timedelta(days=2)), (timedelta(days=-3), timedelta(seconds=0))],
)
def test_voting_outside_the_dates_gets_a_clear_message(
    tenant: Tenant, starts: timedelta, ends: timedelta
) -> None:
    poll = make_poll(tenant, starts_at=NOW + starts, ends_at=NOW + ends)
    client = voter_client(tenant, resident(tenant))
    response = client.post(f"/sondy/{poll.pk}/", form_data(poll))
    assert response.status_code == 409
    assert "nie jest otwarte" in response.context["error"]
    assert nothing_stored()


def tampered(poll: Poll, other: Poll) -> list[dict[str, Any]]:
    data = form_data(poll)
    q1, q2 = [f"q{q.pk}" for q in poll.questions.order_by("position")]
    foreign_option = str(other.questions.order_by("position")[0].options.first().pk)  # type: ignore[union-attr]
    all_four = [str(o.pk) for o in poll.questions.order_by("position")[1].options.all()]
    return [
        {**data, q1: foreign_option},  # an option of another poll
        {**data, q2: all_four},  # more options than allowed
        {**data, q1: [data[q1], str(int(data[q1]) + 1)]},  # two answers to a single question
        {**data, "box": other.box_id},  # a forged box id
        {**data, "box": "x"},
        {k: v for k, v in data.items() if k != q1},  # a question left out
        {**data, q1: "' OR 1=1 --"},
        {**data, q2: [all_four[0], all_four[0]]},  # one answer twice, within "at most 2"
        {**data, q2: [all_four[0]] * 5},  # one answer five times
    ]


@pytest.mark.parametrize("case", range(9))
def test_a_tampered_form_is_refused_and_nothing_is_stored(tenant: Tenant, case: int) -> None:
    poll = make_poll(tenant)
    other = make_poll(tenant)
    client = voter_client(tenant, resident(tenant))
    response = client.post(f"/sondy/{poll.pk}/", tampered(poll, other)[case])
    assert response.status_code == 400
    assert response.context["form"].errors
    assert nothing_stored()


def test_anonymous_post_is_sent_to_log_in(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    response = client_for(tenant).post(f"/sondy/{poll.pk}/", form_data(poll))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
    assert nothing_stored()


def test_a_person_who_has_not_joined_the_site_is_asked_to_join(tenant: Tenant) -> None:
    from tests.factories import UserFactory

    poll = make_poll(tenant, eligibility=Eligibility.LOGGED_IN)
    client = voter_client(tenant, UserFactory())
    page = client.get(f"/sondy/{poll.pk}/")
    assert not page.context["joined"]
    assert "/konto/dolacz/?next=" in page.content.decode()
    response = client.post(f"/sondy/{poll.pk}/", form_data(poll))
    assert response.status_code == 302
    assert "/konto/dolacz/" in response["Location"]
    assert nothing_stored()


def test_unverified_person_is_asked_to_verify_and_cannot_vote(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    client = voter_client(tenant, member(tenant))
    page = client.get(f"/sondy/{poll.pk}/")
    assert page.context["needs_verification"]
    assert "/weryfikacja/?next=" in page.content.decode()
    response = client.post(f"/sondy/{poll.pk}/", form_data(poll))
    assert response.status_code == 409
    assert nothing_stored()


def test_any_logged_in_person_may_vote_in_an_open_poll(tenant: Tenant) -> None:
    poll = make_poll(tenant, eligibility=Eligibility.LOGGED_IN)
    client = voter_client(tenant, member(tenant))
    assert client.post(f"/sondy/{poll.pk}/", form_data(poll)).status_code == 200
    assert Ballot.objects.count() == 1


def test_votes_are_rate_limited(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    client = voter_client(tenant, resident(tenant))
    statuses = [client.post(f"/sondy/{poll.pk}/", {"box": "x"}).status_code for _ in range(21)]
    assert statuses[:20] == [400] * 20
    assert statuses[20] == 429


def test_drafts_are_404_for_residents(tenant: Tenant) -> None:
    poll = make_poll(tenant, published=False)
    assert voter_client(tenant, resident(tenant)).get(f"/sondy/{poll.pk}/").status_code == 404


def test_receipt_page_confirms_without_showing_choices(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    receipt = (
        voter_client(tenant, resident(tenant))
        .post(f"/sondy/{poll.pk}/", form_data(poll))
        .context["receipt"]
    )
    client = client_for(tenant)
    found = client.post("/potwierdzenie-glosu/", {"code": receipt.lower()})
    assert found.context["box"] == poll.box
    html = found.content.decode()
    for option in ("park", "huśtawki"):
        assert option not in html
    missing = client.post("/potwierdzenie-glosu/", {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert missing.context["checked"]
    assert missing.context["box"] is None


def test_poll_list_and_home_page_card(tenant: Tenant, django_assert_max_num_queries: Any) -> None:
    for _ in range(3):
        make_poll(tenant)
    client = client_for(tenant)
    with django_assert_max_num_queries(8):
        response = client.get("/sondy/")
    assert len(response.context["open"]) == 3
    home = client.get("/").content.decode()
    assert "Nowy plac zabaw" in home


def test_repeating_an_answer_is_refused_where_any_number_may_be_chosen(tenant: Tenant) -> None:
    poll = make_poll(tenant, multiple_max=None)
    q2 = poll.questions.order_by("position")[1]
    option = str(q2.options.order_by("position")[0].pk)
    client = voter_client(tenant, resident(tenant))
    data = {**form_data(poll), f"q{q2.pk}": [option] * 5}
    response = client.post(f"/sondy/{poll.pk}/", data)
    assert response.status_code == 400
    assert f"q{q2.pk}" in response.context["form"].errors
    assert nothing_stored()


def _read_only_ballot(page: Any, poll: Poll) -> None:
    """The page shows every question and option of the poll as text, with no ballot inputs."""
    html = page.content.decode()
    for question in poll.questions.all():
        assert question.text in html
        for option in question.options.all():
            assert f"<li>{option.text}</li>" in html
        assert f'name="q{question.pk}"' not in html
    assert 'name="box"' not in html


@pytest.mark.parametrize("who", ["anonymous", "not joined", "unverified", "voted", "upcoming"])
def test_people_who_cannot_vote_still_see_what_is_asked(tenant: Tenant, who: str) -> None:
    from tests.factories import UserFactory

    upcoming = who == "upcoming"
    poll = make_poll(
        tenant,
        starts_at=NOW + timedelta(days=1) if upcoming else None,
        ends_at=NOW + timedelta(days=5) if upcoming else None,
    )
    client = client_for(tenant)
    if who == "not joined":
        client.force_login(UserFactory())
    elif who == "unverified":
        client.force_login(member(tenant))
    elif who == "voted":
        voter = resident(tenant)
        client.force_login(voter)
        assert client.post(f"/sondy/{poll.pk}/", form_data(poll)).status_code == 200
    page = client.get(f"/sondy/{poll.pk}/")
    assert page.status_code == 200
    _read_only_ballot(page, poll)
    if who == "anonymous":
        assert f'href="/konto/login/?next=/sondy/{poll.pk}/"' in page.content.decode()
