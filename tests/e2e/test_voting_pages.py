"""Verification, polls, ballots and receipts in a real browser, with axe-core on every page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.a11y import assert_accessible
from tests.e2e.helpers import log_in, switch_language


def _set_language(page: Any, base: str, code: str) -> None:
    page.goto(base + "/")
    if code != "pl":
        switch_language(page, code)


def _polls(demo: Any) -> tuple[int, int, int]:
    from wiec.polls.models import Poll

    polls = Poll.objects.filter(tenant=demo.tenants["nadrzecze"]).select_related("box")
    open_poll = next(p for p in polls if p.box.closed_at is None)
    closed = next(p for p in polls if p.box.closed_at is not None)
    question = open_poll.questions.values_list("pk", flat=True)[0]
    return open_poll.pk, closed.pk, question


def _visit(page: Any, base: str, paths: list[str], language: str) -> None:
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_voting_pages_pass_axe(page: Any, demo: Any, site: Any, language: str) -> None:
    open_id, closed_id, question_id = _polls(demo)
    base = site().rstrip("/")
    _set_language(page, base, language)
    _visit(
        page,
        base,
        ["/sondy/", f"/sondy/{open_id}/", f"/sondy/{closed_id}/wyniki/", "/potwierdzenie-glosu/"],
        language,
    )
    # A verified resident sees the ballot; the verification page shows their status.
    log_in(page, base, "mieszkanka@nadrzecze.example")
    _visit(page, base, [f"/sondy/{open_id}/", "/weryfikacja/"], language)
    page.context.clear_cookies()
    _set_language(page, base, language)
    log_in(page, base, "admin@nadrzecze.example")
    _visit(
        page,
        base,
        [
            "/weryfikacja/",
            "/panel/weryfikacja/",
            "/panel/weryfikacja/ustawienia/",
            "/panel/weryfikacja/rejestr/",
            "/panel/weryfikacja/osobiscie/",
            "/panel/sondy/",
            "/panel/sondy/nowa/",
            f"/panel/sondy/{open_id}/",
            f"/panel/sondy/{closed_id}/",
            f"/panel/sondy/{open_id}/papierowe/",
            f"/panel/sondy/{open_id}/pytania/{question_id}/",
        ],
        language,
    )


def test_resident_verifies_votes_and_checks_the_receipt_by_keyboard(
    page: Any, demo: Any, site: Any
) -> None:
    from wiec.verification.pesel import encode

    open_id, _closed_id, _question = _polls(demo)
    base = site().rstrip("/")
    log_in(page, base, "mieszkaniec@nadrzecze.example")
    page.goto(f"{base}/sondy/{open_id}/")
    page.get_by_role("link", name="Potwierdź, że tu mieszkasz").click()
    # A typo in the PESEL: a clear message, and the rest of the form is kept.
    page.locator("#id_pesel").fill("44051401358")
    page.locator("#id_district").select_option(index=1)
    page.locator("#id_declaration").focus()
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.locator("#id_declaration").press("Enter")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert "ostatnia cyfra" in page.locator(".error-summary").inner_text()
    assert page.locator("#id_district").input_value() != ""
    assert_accessible(page)
    from datetime import date

    page.locator("#id_pesel").fill(encode(date(1961, 9, 2), 77, female=False))
    page.locator("#id_declaration").check()
    with page.expect_navigation():
        page.locator("#id_pesel").press("Enter")
    assert f"/sondy/{open_id}/" in page.url
    # Vote by keyboard: the first answer of each question, then submit.
    for group in page.locator("fieldset").all():
        group.locator("input").first.focus()
        page.keyboard.press("Space")
    with page.expect_navigation():
        page.get_by_role("button", name="Oddaję głos").press("Enter")
    assert page.locator("h1").inner_text() == "Dziękujemy za oddanie głosu"
    receipt = page.locator(".receipt-code").inner_text().strip()
    assert len(receipt) == 19
    assert_accessible(page)
    # Back on the poll: already voted, no second ballot.
    page.goto(f"{base}/sondy/{open_id}/")
    assert page.locator("form.form").count() == 0
    page.goto(f"{base}/potwierdzenie-glosu/")
    page.locator("#id_code").fill(receipt.lower())
    with page.expect_navigation():
        page.locator("#id_code").press("Enter")
    assert page.locator(".message").count() == 1
    assert "policzonych" in page.locator(".message").inner_text()
    assert_accessible(page)


def test_one_time_code_page_passes_axe(page: Any, demo: Any, site: Any) -> None:
    from wiec.verification.models import VerificationSettings

    VerificationSettings.objects.filter(tenant=demo.tenants["lipowiec"]).update(code_enabled=True)
    base = site("lipowiec").rstrip("/")
    log_in(page, base, "mieszkaniec@lipowiec.example")
    page.goto(base + "/weryfikacja/")
    page.locator("#id_pesel").fill("44051401359")
    page.locator("#id_district").select_option(index=1)
    page.locator("#id_contact").fill("mieszkaniec@lipowiec.example")
    page.locator("#id_declaration").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Wyślij mi kod").click()
    assert page.url.endswith("/weryfikacja/kod/")
    assert_accessible(page)
    page.locator("#id_code").fill("12")
    with page.expect_navigation():
        page.get_by_role("button", name="Potwierdź").click()
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
