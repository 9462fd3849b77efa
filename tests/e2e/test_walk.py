"""The demo walked by clicking, as people do: a visitor, a resident, an official, a moderator and
an administrator each start from the home page and follow links and buttons (issue 9).

Only the first page is opened by address. Every step checks one <main>, a clean console and
axe-core on each new page (tests/e2e/helpers.py: Walk). The demo's people are in
src/wiec/demo/content.py.
"""

from __future__ import annotations

from typing import Any

from tests.e2e.helpers import Walk, map_ready


def _walk(page: Any, site: Any) -> Walk:
    return Walk(page, site().rstrip("/"))


def test_a_visitor_browses_ideas_the_map_list_and_a_poll(page: Any, demo: Any, site: Any) -> None:
    walk = _walk(page, site)
    walk.start("/")
    walk.link("Pomysły", within="nav")
    assert page.locator("h1").inner_text() == "Pomysły mieszkańców"
    first = page.locator("#idea-results .idea-card__title a").first
    title = first.inner_text()
    walk.click(first, "an idea from the list")
    assert page.locator("h1").inner_text() == title
    assert "/pomysly/" in page.url
    walk.link("Pomysły", within="nav")
    walk.link("Pokaż na mapie")
    map_ready(page)
    # The list beside the map does the map's job without it.
    listed = page.locator("#idea-results .idea-card__title a").nth(1)
    title = listed.inner_text()
    walk.click(listed, "an idea from the map's list")
    assert page.locator("h1").inner_text() == title

    walk.link("Sondy", within="nav")
    walk.link("Godziny otwarcia świetlicy wiejskiej")
    # Read-only for a visitor: no ballot to fill in, a way to log in instead.
    assert page.locator("main form input[type=radio], main form input[type=checkbox]").count() == 0
    assert page.locator("main").get_by_role("link", name="Zaloguj się").count() == 1
    walk.link("Sondy", within="nav")
    walk.link("Oświetlenie ścieżki rowerowej")


def test_a_resident_proposes_comments_supports_and_votes(page: Any, demo: Any, site: Any) -> None:
    walk = _walk(page, site)
    walk.start("/")
    walk.log_in("mieszkanka@nadrzecze.example")

    walk.link("Pomysły", within="nav")
    walk.link("Zgłoś pomysł")
    page.locator("#id_title").fill("Stojak na rowery przy bibliotece")
    page.locator("#id_description").fill("Przy bibliotece nie ma gdzie przypiąć roweru.")
    page.locator("#id_category").select_option(index=1)
    page.locator("#id_location").fill("ul. Szkolna 5")
    walk.button("Zapisz szkic i zobacz podgląd")
    assert "To Twój szkic" in page.locator("main").inner_text()
    walk.button("Opublikuj pomysł")
    assert page.locator("h1").inner_text() == "Stojak na rowery przy bibliotece"
    idea_url = page.url.split("#")[0]

    main = page.locator("main")
    walk.swap(
        main.get_by_role("button", name="Popieram ten pomysł"),
        then=main.get_by_role("button", name="Wycofaj moje poparcie"),
        step="support",
    )
    page.locator("#id_body").fill("Dobrze byłoby mieć też zadaszenie.")
    walk.swap(
        main.get_by_role("button", name="Opublikuj komentarz"),
        then=main.locator(".comment", has_text="Dobrze byłoby mieć też zadaszenie."),
        step="comment",
    )
    assert page.url.split("#")[0] == idea_url

    # The new idea is on the list for everyone.
    walk.link("Pomysły", within="nav")
    walk.link("Stojak na rowery przy bibliotece")

    walk.link("Sondy", within="nav")
    walk.link("Godziny otwarcia świetlicy wiejskiej")
    page.locator("main").get_by_label("środa").check()
    walk.button("Oddaję głos")
    assert page.locator("h1").inner_text() == "Dziękujemy za oddanie głosu"
    receipt = page.locator(".receipt-code").inner_text().strip()
    assert len(receipt) == 19
    walk.link("Sprawdź potwierdzenie")
    page.locator("#id_code").fill(receipt)
    walk.button("Sprawdź")
    assert "policzonych" in walk.message()
    # Back on the poll: one vote each, no second ballot.
    walk.link("Sondy", within="nav")
    walk.link("Godziny otwarcia świetlicy wiejskiej")
    assert page.get_by_role("button", name="Oddaję głos").count() == 0
