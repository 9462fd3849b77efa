"""The CSV exports officials and residents download: headings in the reader's language, answers
by name, and a variant a spreadsheet opens as it is (BOM, `;`, decimal comma)."""

from __future__ import annotations

import csv
import io

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, make_poll, resident, vote_as
from wiec.accounts.models import Role
from wiec.polls import actions
from wiec.polls.models import Poll
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


@pytest.fixture
def closed_poll(tenant: Tenant) -> Poll:
    """Three ballots: park twice, szkoła once; in "Co?" huśtawki and zjeżdżalnia, then
    huśtawki alone, twice."""
    poll = make_poll(tenant)
    vote_as(poll, resident(tenant, serial=1), first=0, second=(0, 1))
    vote_as(poll, resident(tenant, serial=2), first=0, second=(0,))
    vote_as(poll, resident(tenant, serial=3), first=1, second=(0,))
    actions.close_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)
    return poll


def rows(response: object, *, delimiter: str = ",") -> list[list[str]]:
    text = response.content.decode("utf-8")  # type: ignore[attr-defined]
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_the_results_csv_has_headings_in_the_readers_language(closed_poll: Poll) -> None:
    client = client_for(closed_poll.tenant)
    polish = rows(client.get(f"/sondy/{closed_poll.pk}/wyniki.csv"))
    assert polish[0] == ["Pytanie", "Odpowiedź", "Głosy", "Odsetek kart"]
    assert polish[1] == ["Gdzie?", "park", "2", "0.6667"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = rows(client.get(f"/sondy/{closed_poll.pk}/wyniki.csv"))
    assert english[0] == ["Question", "Answer", "Votes", "Share of ballots"]


def test_the_ballots_csv_names_questions_and_answers(closed_poll: Poll) -> None:
    response = client_for(closed_poll.tenant).get(f"/sondy/{closed_poll.pk}/karty.csv")
    table = rows(response)
    assert table[0] == ["Karta", "Pytanie", "Odpowiedź"]
    body = table[1:]
    ids = [row[0] for row in body]
    assert ids == sorted(ids)
    assert len(set(ids)) == 3
    answers = sorted((row[1], row[2]) for row in body)
    assert answers == sorted(
        [
            ("Gdzie?", "park"),
            ("Gdzie?", "park"),
            ("Gdzie?", "szkoła"),
            ("Co?", "huśtawki"),
            ("Co?", "huśtawki"),
            ("Co?", "huśtawki"),
            ("Co?", "zjeżdżalnia"),
        ]
    )
    # Within one ballot, questions come in the poll's order.
    first_ballot = [row[1] for row in body if row[0] == ids[0]]
    assert first_ballot.index("Gdzie?") < first_ballot.index("Co?")


def test_the_spreadsheet_variant_has_a_bom_semicolons_and_decimal_commas(
    closed_poll: Poll,
) -> None:
    client = client_for(closed_poll.tenant)
    response = client.get(f"/sondy/{closed_poll.pk}/wyniki-arkusz.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0] == ["Pytanie", "Odpowiedź", "Głosy", "Odsetek kart"]
    assert table[1] == ["Gdzie?", "park", "2", "0,6667"]
    ballots = client.get(f"/sondy/{closed_poll.pk}/karty-arkusz.csv")
    assert ballots.content.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(ballots.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == ["Karta", "Pytanie", "Odpowiedź"]
    assert len(table) == 8


def test_the_spreadsheet_variant_neutralises_formulas_too(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    option = poll.questions.order_by("position").first().options.order_by("position").first()  # type: ignore[union-attr]
    option.text = "=1+1"  # type: ignore[union-attr]
    option.save()  # type: ignore[union-attr]
    vote_as(poll, resident(tenant, serial=1))
    actions.close_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)
    client = client_for(tenant)
    for url in [f"/sondy/{poll.pk}/wyniki-arkusz.csv", f"/sondy/{poll.pk}/karty-arkusz.csv"]:
        text = client.get(url).content.decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
        assert "'=1+1" in cells, url
        assert "=1+1" not in cells, url


def test_the_spreadsheet_variants_are_refused_like_the_plain_ones(tenant: Tenant) -> None:
    poll = make_poll(tenant)  # open, results after closing
    client = client_for(tenant)
    assert client.get(f"/sondy/{poll.pk}/wyniki-arkusz.csv").status_code == 403
    assert client.get(f"/sondy/{poll.pk}/karty-arkusz.csv").status_code == 404


def test_the_results_page_and_panel_offer_both_variants(closed_poll: Poll) -> None:
    page = client_for(closed_poll.tenant).get(f"/sondy/{closed_poll.pk}/wyniki/")
    html = page.content.decode()
    for url in ["wyniki.csv", "wyniki-arkusz.csv", "karty.csv", "karty-arkusz.csv"]:
        assert f'href="/sondy/{closed_poll.pk}/{url}"' in html, url
    assert "Excel" in html
    staff: Client = client_for(closed_poll.tenant)
    staff.force_login(member(closed_poll.tenant, Role.OFFICIAL))
    html = staff.get(f"/panel/sondy/{closed_poll.pk}/").content.decode()
    for url in ["wyniki.csv", "wyniki-arkusz.csv"]:
        assert f'href="/sondy/{closed_poll.pk}/{url}"' in html, url
