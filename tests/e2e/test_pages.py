"""Every page built so far, in every language, checked with axe-core; flows by keyboard."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.a11y import assert_accessible
from tests.e2e.helpers import log_in, switch_language

LANGUAGES = ["pl", "en", "uk"]
PUBLIC_PAGES = [
    "/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/deklaracja-dostepnosci/",
    "/polityka-prywatnosci/",
    "/regulamin/",
    "/nie-ma-takiej-strony/",
]
RESIDENT_PAGES = [
    "/konto/profil/",
    "/konto/usun-konto/",
    "/konto/password/change/",
    "/konto/email/",
    "/konto/2fa/",
]
ADMIN_PAGES = [
    "/panel/",
    "/panel/ustawienia/",
    "/panel/obszary/",
    "/panel/kategorie/",
    "/panel/kategorie/nowa/",
    "/panel/strony-prawne/",
    "/panel/strony-prawne/deklaracja-dostepnosci/",
    "/panel/osoby/",
    "/panel/dziennik/",
]


def set_language(page: Any, base: str, code: str) -> None:
    page.goto(base + "/")
    if code != "pl":
        switch_language(page, code)
    assert page.locator("html").get_attribute("lang") == code


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_pass_axe_in_every_language(
    page: Any, demo: Any, site: Any, language: str
) -> None:
    for slug in ("nadrzecze", "lipowiec"):
        base = site(slug).rstrip("/")
        set_language(page, base, language)
        for path in PUBLIC_PAGES:
            page.goto(base + path)
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("h1").count() == 1, path
            assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_host_page_passes_axe(page: Any, demo: Any, site: Any, language: str) -> None:
    page.context.add_cookies([{"name": "wiec_language", "value": language, "url": site("nikt")}])
    response = page.goto(site("nikt"))
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_and_panel_pages_pass_axe(page: Any, demo: Any, site: Any, language: str) -> None:
    base = site().rstrip("/")
    set_language(page, base, language)
    log_in(page, base, "admin@nadrzecze.example")
    district_id = demo.tenants["nadrzecze"].pk and _first_district(demo)
    member_id = _a_membership(demo)
    for path in [
        *RESIDENT_PAGES,
        *ADMIN_PAGES,
        f"/panel/obszary/{district_id}/",
        f"/panel/osoby/{member_id}/",
    ]:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


@pytest.mark.parametrize(
    ("email", "can_open_panel"),
    [
        ("admin@nadrzecze.example", True),
        ("urzednik@nadrzecze.example", True),
        ("moderator@nadrzecze.example", True),
        ("mieszkanka@nadrzecze.example", False),
    ],
)
def test_every_demo_role_logs_in(
    page: Any, demo: Any, site: Any, email: str, *, can_open_panel: bool
) -> None:
    base = site().rstrip("/")
    log_in(page, base, email)
    panel_link = page.get_by_role("link", name="Panel urzędu")
    assert panel_link.count() == (1 if can_open_panel else 0)
    if can_open_panel:
        panel_link.click()
        assert page.locator("h1").inner_text() == "Panel urzędu"
        assert_accessible(page)
    else:
        assert page.goto(base + "/panel/").status == 403
        assert_accessible(page)


def test_sign_up_by_keyboard_with_an_error_summary(page: Any, demo: Any, site: Any) -> None:
    base = site().rstrip("/")
    page.goto(base + "/konto/signup/")
    # The skip link is the first thing a keyboard reaches.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.locator("#id_email").focus()
    page.keyboard.type("nowa.mieszkanka@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Ala")
    page.keyboard.press("Tab")
    page.keyboard.type("krotkie")
    page.keyboard.press("Tab")
    page.keyboard.type("inne-haslo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The error summary takes focus and links to the fields; nothing typed is lost.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator(".error-summary a").count() >= 2
    assert page.locator("#id_email").input_value() == "nowa.mieszkanka@example.org"
    assert page.locator("#id_display_name").input_value() == "Ala"
    assert_accessible(page)
    page.locator('.error-summary a[href="#id_accept_terms"]').click()
    page.locator("#id_password1").fill("lipa-nad-warta-77")
    page.locator("#id_password2").fill("lipa-nad-warta-77")
    page.locator("#id_accept_terms").focus()
    page.keyboard.press("Space")
    page.locator("#id_accept_terms").press("Enter")
    page.wait_for_url(lambda url: "/signup/" not in url)
    assert_accessible(page)


def test_language_switch_by_keyboard(page: Any, demo: Any, site: Any) -> None:
    base = site("lipowiec").rstrip("/")
    page.goto(base + "/")
    page.locator('.language-switcher button[value="uk"]').focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.get_by_role("link", name="Увійти").count() == 1


def _first_district(demo: Any) -> int:
    from wiec.tenants.models import District

    return District.objects.filter(tenant=demo.tenants["nadrzecze"]).values_list("pk", flat=True)[0]


def _a_membership(demo: Any) -> int:
    from wiec.accounts.models import Membership

    resident = demo.people("nadrzecze", "resident")[0]
    return Membership.objects.get(user=resident, tenant=demo.tenants["nadrzecze"]).pk
