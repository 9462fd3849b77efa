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


def _local(moment: Any) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_an_official_runs_a_poll_from_creation_to_results(
    page: Any, demo: Any, site: Any, monkeypatch: Any
) -> None:
    from datetime import date, timedelta

    from django.utils import timezone

    from wiec.verification.pesel import encode

    real_now = timezone.now
    starts = real_now() + timedelta(hours=2)
    walk = _walk(page, site)
    walk.start("/")
    walk.log_in("urzednik@nadrzecze.example")
    walk.link("Panel urzędu", within="header")
    walk.link("Sondy", within="main")
    walk.link("Nowa sonda")
    page.locator("#id_title").fill("Nazwa nowego parku")
    page.locator("#id_description").fill("Jak nazwać park nad rzeką?")
    page.locator("#id_starts_at").fill(_local(starts))
    page.locator("#id_ends_at").fill(_local(starts + timedelta(days=7)))
    page.get_by_label("zweryfikowani mieszkańcy", exact=True).check()
    page.get_by_label("na bieżąco, w trakcie głosowania").check()
    walk.button("Zapisz sondę")
    assert page.locator("h1").inner_text() == "Nazwa nowego parku"
    poll_url = page.url

    walk.link("Dodaj pytanie")
    page.locator("#id_text").fill("Jak nazwać park?")
    page.locator("#id_options").fill("Park Nadrzeczny\nPark Olszynka\nPark Łęgi")
    walk.button("Zapisz pytanie")
    assert page.url == poll_url, page.locator("main").inner_text()
    walk.link("Dodaj pytanie")
    page.locator("#id_text").fill("Co powinno w nim stanąć?")
    page.get_by_label("kilka odpowiedzi").check()
    page.locator("#id_max_choices").fill("2")
    page.locator("#id_options").fill("ławki\nplac zabaw\nsiłownia\ntoaleta")
    walk.button("Zapisz pytanie")
    assert page.url == poll_url, page.locator("main").inner_text()
    # A typo noticed: the question's own edit link.
    question = page.locator("main section", has_text="Jak nazwać park?")
    walk.click(question.get_by_role("link", name="Edytuj"), "edit the first question")
    page.locator("#id_text").fill("Jak nazwać nowy park?")
    walk.button("Zapisz pytanie")
    assert "Jak nazwać nowy park?" in page.locator("main").inner_text()

    page.locator("#id_is_published").check()
    walk.button("Zapisz sondę")
    assert "Sonda została zapisana" in walk.message()
    # Voting starts: the clock of the site (same process as the test) moves past the start.
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(hours=3))

    walk.link("Sondy", within="nav.panel-nav")
    walk.link("Nazwa nowego parku")
    walk.link("Wprowadź karty papierowe")
    page.locator("#id_pesel").fill(encode(date(1975, 3, 14), 123, female=True))
    main = page.locator("main")
    main.get_by_label("Park Olszynka").check()
    main.get_by_label("ławki").check()
    main.get_by_label("toaleta").check()
    walk.button("Policz tę kartę")
    assert "Karta papierowa została policzona" in walk.message()
    walk.link("Wróć do sondy")
    walk.button("Zamknij sondę")
    assert walk.dialogs == ["Zamknąć tę sondę na stałe?"]
    assert "wyniki są ostateczne" in walk.message()
    assert page.get_by_role("button", name="Zamknij sondę").count() == 0

    walk.link("Wyniki")
    results = page.locator("main").inner_text()
    assert "Park Olszynka" in results
    assert "Jak nazwać nowy park?" in results


def test_an_official_opens_the_oldest_waiting_idea_from_the_panel_home(
    page: Any, demo: Any, site: Any
) -> None:
    walk = _walk(page, site)
    walk.start("/")
    walk.log_in("urzednik@nadrzecze.example")
    walk.link("Panel urzędu", within="header")
    waiting = walk.card("Nowe pomysły czekające na odpowiedź urzędu")
    assert "najdłużej czekające na początku" in waiting.inner_text()
    oldest = waiting.locator("ol a").first
    title = oldest.inner_text()
    walk.click(oldest, "the oldest waiting idea")
    assert page.locator("h1").inner_text() == "Odpowiedz na pomysł"
    assert page.locator("#idea-summary-title").inner_text() == title
    assert "/panel/pomysly/" in page.url
    # Reports are the moderators' work: the official's panel home does not list them.
    walk.link("Panel urzędu", within="header")
    assert walk.card("Zgłoszone treści czekające na decyzję").count() == 0


def test_a_moderator_sees_a_report_hides_and_restores(page: Any, demo: Any, site: Any) -> None:
    walk = _walk(page, site)
    walk.start("/")
    # A resident reports someone else's idea...
    walk.log_in("mieszkaniec@nadrzecze.example")
    walk.link("Pomysły", within="nav")
    card = page.locator("#idea-results .idea-card__title a").first
    title = card.inner_text()
    walk.click(card, "an idea from the list")
    walk.link("Zgłoś ten pomysł", exact=False)
    page.get_by_label("Co jest nie tak?", exact=False).select_option(index=2)
    page.get_by_label("Szczegóły", exact=False).fill("To nie jest sprawa gminy.")
    walk.button("Wyślij zgłoszenie")
    assert "Dziękujemy" in walk.message()
    walk.button("Wyloguj się", within="header")

    # ...and the moderator finds it in the queue.
    walk.log_in("moderator@nadrzecze.example")
    walk.link("Panel urzędu", within="header")
    walk.link("Moderacja", within="main")
    queue = page.locator("main table")
    walk.click(queue.get_by_role("link", name=title, exact=False), "the reported idea")
    assert "To nie jest sprawa gminy." in page.locator("main").inner_text()
    walk.form("Ukryj").get_by_label("Powód", exact=False).fill("Sprawdzamy zgłoszenie.")
    walk.button("Ukryj")
    assert "Treść została ukryta" in walk.message()
    assert "ukryte: Sprawdzamy zgłoszenie." in page.locator("main").inner_text()

    walk.link("Moderacja", within="nav.panel-nav")
    recent = page.locator("main section", has_text="Ostatnio ukryte")
    walk.click(recent.get_by_role("link", name=title, exact=False), "the hidden idea")
    walk.form("Przywróć").get_by_label("Powód", exact=False).fill("Zgłoszenie niezasadne.")
    walk.button("Przywróć")
    assert "widoczne dla wszystkich" in page.locator("main").inner_text()
    walk.link("Pomysły", within="nav")
    walk.link(title)


def test_an_administrator_gives_a_role_and_changes_a_setting(
    page: Any, demo: Any, site: Any
) -> None:
    walk = _walk(page, site)
    walk.start("/")
    walk.log_in("admin@nadrzecze.example")
    walk.link("Panel urzędu", within="header")
    walk.link("Osoby i role", within="main")
    row = page.locator("main tr", has_text="mieszkaniec@nadrzecze.example")
    walk.click(row.get_by_role("link", name="Zmień rolę"), "a person's role")
    page.get_by_label("Rola", exact=True).select_option(label="moderator")
    walk.button("Zapisz rolę")
    row = page.locator("main tr", has_text="mieszkaniec@nadrzecze.example")
    assert "moderator" in row.inner_text()

    walk.link("Pomysły: ustawienia", within="nav.panel-nav")
    page.get_by_label("Wstęp", exact=False).fill("Czekamy na **Wasze** pomysły do końca roku.")
    walk.button("Zapisz ustawienia")
    walk.link("Pomysły", within="nav")
    assert page.locator("main strong", has_text="Wasze").count() == 1
    walk.button("Wyloguj się", within="header")

    # The new moderator now has the panel, with moderation in it.
    walk.log_in("mieszkaniec@nadrzecze.example")
    walk.link("Panel urzędu", within="header")
    walk.link("Moderacja", within="main")
