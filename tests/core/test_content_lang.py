"""What people wrote is marked lang="pl" on English and Ukrainian pages (WCAG 3.1.2)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import translation

from tests.conftest import client_for
from tests.factories import CategoryFactory, member
from tests.ideas.factories import CommentFactory, IdeaFactory
from tests.voting.factories import NOW, make_poll, resident, vote_as
from wiec.accounts.models import Role
from wiec.core.languages import content_lang, in_content_language
from wiec.ideas import actions as idea_actions
from wiec.ideas.statuses import IdeaStatus
from wiec.polls.models import ResultsVisibility
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Languages(HTMLParser):
    """The language in force for each piece of text: the nearest `lang` around it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        # <title> mixes the page's name with the municipality's and cannot be split by language.
        if data.strip() and not any(tag == "title" for tag, _lang in self.stack):
            inner = next((lang for _tag, lang in reversed(self.stack[1:]) if lang), None)
            self.texts.append((data.strip(), inner))


def languages_of(html: str, *texts: str) -> dict[str, set[str | None]]:
    """For each text, the inner `lang` (None: only the page's own) of every place it appears."""
    parser = Languages()
    parser.feed(html)
    found: dict[str, set[str | None]] = {}
    for text in texts:
        found[text] = {lang for data, lang in parser.texts if text in data}
        assert found[text], f"{text!r} is not on the page"
    return found


def page(tenant: Tenant, url: str, language: str, *, user: object = None) -> str:
    client: Client = client_for(tenant)
    client.cookies["wiec_language"] = language
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    html: str = response.content.decode()
    assert f'<html lang="{language}">' in html
    return html


@pytest.fixture
def idea(tenant: Tenant) -> object:
    category = CategoryFactory(tenant=tenant, name="Drogi i chodniki")
    idea = IdeaFactory(
        tenant=tenant, title="Ławki nad rzeką", description="Brakuje ławek.", category=category
    )
    CommentFactory(idea=idea, body="Popieram, przydadzą się.")
    idea_actions.answer_idea(
        idea=idea,
        official=member(tenant, Role.OFFICIAL),
        status=IdeaStatus.ANALYSIS,
        message="Sprawdzamy teren.",
        at=NOW,
    )
    return idea


WRITTEN = ["Ławki nad rzeką", "Brakuje ławek.", "Popieram, przydadzą się.", "Sprawdzamy teren."]


@pytest.mark.parametrize("language", ["en", "uk"])
def test_an_idea_page_marks_the_idea_comments_and_answer_polish(
    tenant: Tenant, idea: object, language: str
) -> None:
    html = page(tenant, idea.get_absolute_url(), language)  # type: ignore[attr-defined]
    for text, langs in languages_of(html, *WRITTEN, "Drogi i chodniki").items():
        assert langs == {"pl"}, text
    # The interface around them stays in the page's language.
    assert languages_of(html, "Ideas" if language == "en" else "Ідеї")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_list_and_the_map_card_mark_titles_polish(
    tenant: Tenant, idea: object, language: str
) -> None:
    html = page(tenant, "/pomysly/", language)
    for text, langs in languages_of(html, "Ławki nad rzeką", "Brakuje ławek.").items():
        assert langs == {"pl"}, text
    client = client_for(tenant)
    client.cookies["wiec_language"] = language
    card = client.get(f"/pomysly/{idea.pk}/mapa.json").json()  # type: ignore[attr-defined]
    assert card["lang"] == "pl"


def test_a_polish_page_carries_no_redundant_lang(tenant: Tenant, idea: object) -> None:
    html = page(tenant, idea.get_absolute_url(), "pl")  # type: ignore[attr-defined]
    for text, langs in languages_of(html, *WRITTEN).items():
        assert langs == {None}, text
    assert ' lang="pl"' not in html.split("<body", 1)[1].replace('lang="pl" aria-current', "")
    client = client_for(tenant)
    assert client.get(f"/pomysly/{idea.pk}/mapa.json").json()["lang"] == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_poll_marks_its_title_questions_and_answers_polish(tenant: Tenant, language: str) -> None:
    poll = make_poll(tenant)
    voter = resident(tenant)
    texts = ["Nowy plac zabaw", "Gdzie i jaki?", "Gdzie?", "szkoła", "zjeżdżalnia"]
    for who in (None, voter):  # the preview of the questions, and the ballot form
        html = page(tenant, poll.get_absolute_url(), language, user=who)
        for text, langs in languages_of(html, *texts).items():
            assert langs == {"pl"}, (who, text)


def test_the_span_helper_escapes_and_marks_only_when_needed(tenant: Tenant) -> None:
    with translation.override("en"):
        assert content_lang(tenant) == "pl"
        assert in_content_language("<b>", tenant) == '<span lang="pl">&lt;b&gt;</span>'
    with translation.override("pl"):
        assert content_lang(tenant) == ""
        assert in_content_language("<b>", tenant) == "<b>"


def test_the_panel_marks_what_residents_wrote_for_an_official_reading_english(
    tenant: Tenant, idea: object
) -> None:
    official = member(tenant, Role.OFFICIAL)
    html = page(tenant, f"/panel/pomysly/{idea.pk}/", "en", user=official)  # type: ignore[attr-defined]
    for text, langs in languages_of(html, "Ławki nad rzeką", "Brakuje ławek.").items():
        assert langs == {"pl"}, text


@pytest.mark.parametrize("language", ["en", "uk"])
def test_poll_results_mark_the_title_inside_the_translated_heading(
    tenant: Tenant, language: str
) -> None:
    poll = make_poll(tenant, results_visibility=ResultsVisibility.LIVE)
    vote_as(poll, resident(tenant))
    html = page(tenant, f"/sondy/{poll.pk}/wyniki/", language)
    assert '<span lang="pl">Nowy plac zabaw</span>' in html
    for text, langs in languages_of(html, "Gdzie?", "szkoła", "zjeżdżalnia").items():
        assert langs == {"pl"}, text


def test_category_options_are_marked_but_the_interface_option_is_not(
    tenant: Tenant, idea: object
) -> None:
    html = page(tenant, "/pomysly/", "en")
    option = re.search(r'<option value="(\d+)"[^>]*>Drogi i chodniki</option>', html)
    assert option is not None
    assert 'lang="pl"' in option.group(0)
    assert re.search(r'<option value=""[^>]*>all categories</option>', html)
    assert 'lang="pl">all categories' not in html
    assert (
        'lang="pl"'
        not in page(tenant, "/pomysly/", "pl").split("<select", 1)[1].split("</select>")[0]
    )
