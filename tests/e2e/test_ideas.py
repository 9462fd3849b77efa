"""Ideas in the browser: the whole flow by keyboard, and axe-core on every page of the module."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import timezone

from tests.e2e.a11y import assert_accessible
from tests.e2e.helpers import log_in, switch_language
from tests.ideas.factories import image_bytes

TEXTS = {
    "pl": {
        "save_draft": "Zapisz szkic i zobacz podgląd",
        "publish": "Opublikuj pomysł",
        "support": "Popieram ten pomysł",
        "withdraw": "Wycofaj moje poparcie",
        "comment": "Opublikuj komentarz",
        "answer": "Opublikuj odpowiedź",
        "draft": "To Twój szkic",
        "status": "Status: w analizie",
    },
    "en": {
        "save_draft": "Save the draft and preview it",
        "publish": "Publish the idea",
        "support": "Support this idea",
        "withdraw": "Withdraw my support",
        "comment": "Publish comment",
        "answer": "Publish the answer",
        "draft": "This is your draft",
        "status": "Status: under analysis",
    },
}


def check(page: Any) -> None:
    """Every page: one h1, the language asked for, no axe-core violations."""
    assert page.locator("h1").count() == 1, page.url
    assert_accessible(page)


def choose_language(page: Any, base: str, code: str) -> None:
    page.goto(base + "/")
    if code != "pl":
        switch_language(page, code)


def press_on(page: Any, selector: str, key: str = "Enter") -> None:
    page.locator(selector).focus()
    page.keyboard.press(key)


def type_into(page: Any, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_submit_support_comment_and_answer_an_idea_by_keyboard(
    page: Any, demo: Any, site: Any, language: str
) -> None:
    words = TEXTS[language]
    base = site().rstrip("/")
    choose_language(page, base, language)
    log_in(page, base, "mieszkanka@nadrzecze.example")

    # Submit: an address typed instead of the map, the category chosen by keyboard.
    page.goto(base + "/pomysly/nowy/")
    check(page)
    type_into(page, "#id_title", "Ławka przy szkole")
    page.keyboard.press("Tab")
    page.keyboard.type("Przy szkole brakuje ławki dla rodziców czekających na dzieci.")
    page.locator("#id_category").focus()
    page.keyboard.press("ArrowDown")
    type_into(page, "#id_location", "ul. Szkolna 5")
    with page.expect_navigation():
        press_on(page, f'button:has-text("{words["save_draft"]}")')
    assert words["draft"] in page.content()
    check(page)
    with page.expect_navigation():
        press_on(page, f'button:has-text("{words["publish"]}")')
    check(page)
    idea_url = page.url.split("#")[0]

    # Support (htmx swaps the button in place) and comment.
    press_on(page, f'button:has-text("{words["support"]}")')
    page.locator(f'button:has-text("{words["withdraw"]}")').wait_for()
    type_into(page, "#id_body", "Dziękuję za wsparcie sąsiadów!")
    press_on(page, f'button:has-text("{words["comment"]}")')
    page.locator(".comment", has_text="Dziękuję za wsparcie sąsiadów!").wait_for()
    check(page)

    # The office answers: status chosen by keyboard, a public message.
    page.context.clear_cookies()
    choose_language(page, base, language)
    log_in(page, base, "urzednik@nadrzecze.example")
    page.goto(base + "/panel/pomysly/")
    check(page)
    with page.expect_navigation():
        press_on(page, 'a:has-text("Ławka przy szkole")')
    check(page)
    page.locator("#id_status").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_status").input_value() == "analysis"
    type_into(page, "#id_message", "Sprawdzamy, gdzie ławka zmieści się przy chodniku.")
    with page.expect_navigation():
        press_on(page, f'button:has-text("{words["answer"]}")')
    check(page)
    page.goto(idea_url)
    assert words["status"] in page.content()
    assert "Sprawdzamy, gdzie ławka" in page.content()
    check(page)


def _fixtures_for_pages(demo: Any) -> dict[str, int]:
    """A draft and a fresh comment of the demo resident, plus ids to visit.

    Everything is read before the browser starts: the live server shares the test's SQLite
    connection, and using it from both threads at once fails.
    """
    from wiec.accounts.models import User
    from wiec.discussion.actions import post_comment
    from wiec.discussion.models import Comment
    from wiec.ideas import actions
    from wiec.ideas.models import Idea
    from wiec.ideas.uploads import clean_photo
    from wiec.maps.queries import resolve_location

    tenant = demo.tenants["nadrzecze"]
    resident = User.objects.get(email="mieszkanka@nadrzecze.example")
    draft = actions.create_idea(
        tenant=tenant,
        author=resident,
        title="Mój szkic",
        description="Szkic do sprawdzenia.",
        category=None,
        location=resolve_location(tenant=tenant, text="ul. Polna"),
        district=None,
        at=timezone.now(),
    )
    # A photo, so the page of files shows its description form too.
    drawn = image_bytes(size=(64, 48))
    actions.add_photos(
        idea=draft,
        photos=[clean_photo(io.BytesIO(drawn), name="ławka.jpg", size=len(drawn))],
        at=timezone.now(),
    )
    public = (
        Idea.objects.filter(tenant=tenant, hidden_at__isnull=True, photos__isnull=False)
        .exclude(status="draft")
        .order_by("pk")
        .first()
    )
    assert public is not None
    comment = post_comment(
        thread=public.thread, author=resident, body="Mój komentarz", parent=None, at=timezone.now()
    )
    hidden = Idea.objects.filter(tenant=tenant, hidden_at__isnull=False).first()
    assert hidden is not None
    reported = Comment.objects.filter(tenant=tenant, body__contains="opony").first()
    assert reported is not None
    return {
        "draft": draft.pk,
        "idea": public.pk,
        "comment": comment.pk,
        "hidden": hidden.pk,
        "reported": reported.pk,
    }


@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_every_page_of_ideas_passes_axe(page: Any, demo: Any, site: Any, language: str) -> None:
    ids = _fixtures_for_pages(demo)
    base = site().rstrip("/")
    choose_language(page, base, language)
    for path in ("/pomysly/", "/pomysly/?q=lawka&sort=supported", f"/pomysly/{ids['idea']}/"):
        page.goto(base + path)
        check(page)
    page.goto(base + "/pomysly/mapa/")
    # A marker opened by keyboard shows the idea's title, fetched on demand.
    marker = page.locator(".leaflet-marker-icon:not(.marker-cluster)").first
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content a[href^='/pomysly/']").wait_for()
    check(page)
    assert page.goto(base + f"/pomysly/{ids['hidden']}/").status == 404
    check(page)

    log_in(page, base, "mieszkanka@nadrzecze.example")
    for path in (
        "/pomysly/nowy/",
        "/pomysly/moje/",
        f"/pomysly/{ids['draft']}/",
        f"/pomysly/{ids['draft']}/edytuj/",
        f"/pomysly/{ids['draft']}/pliki/",
        f"/dyskusja/komentarze/{ids['comment']}/edytuj/",
        f"/zglos/idea/{ids['idea']}/",
        "/powiadomienia/",
        "/powiadomienia/ustawienia/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        check(page)
    # A form sent back with errors is checked too: the error summary takes focus.
    page.goto(base + "/pomysly/nowy/")
    type_into(page, "#id_location", "50.06, 19.94")
    with page.expect_navigation():
        press_on(page, "#id_location")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("#id_location").input_value() == "50.06, 19.94"
    check(page)

    page.context.clear_cookies()
    choose_language(page, base, language)
    log_in(page, base, "admin@nadrzecze.example")
    for path in (
        "/panel/pomysly/",
        "/panel/pomysly/?status=rejected",
        f"/panel/pomysly/{ids['idea']}/",
        "/panel/pomysly/ustawienia/",
        "/panel/moderacja/",
        f"/panel/moderacja/comment/{ids['reported']}/",
        f"/panel/moderacja/idea/{ids['hidden']}/",
        "/panel/moderacja/blokady/",
        "/panel/miejsca/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        check(page)
