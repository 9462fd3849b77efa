"""The rest of the pages a person can meet: account flows, errors, the join step; axe on each."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.a11y import assert_accessible
from tests.e2e.helpers import log_in, switch_language
from wiec.tenants.models import Tenant


@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_account_flow_pages_pass_axe(page: Any, demo: Any, site: Any, language: str) -> None:
    base = site("lipowiec").rstrip("/")
    page.goto(base + "/")
    if language != "pl":
        switch_language(page, language)
    for path in [
        "/konto/password/reset/done/",
        "/konto/confirm-email/",
        "/konto/password/reset/key/1-zly-klucz/",
        "/konto/confirm-email/zly-klucz/",
    ]:
        page.goto(base + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    log_in(page, base, "mieszkanka@lipowiec.example")
    for path in ["/konto/logout/", "/konto/2fa/totp/activate/", "/konto/reauthenticate/",
                 "/panel/"]:  # fmt: skip
        page.goto(base + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_error_pages_pass_axe(page: Any, demo: Any, site: Any) -> None:
    base = site().rstrip("/")
    # CSRF failure: a form posted without the cookie.
    page.context.clear_cookies()
    page.goto(base + "/konto/login/")
    page.context.clear_cookies()
    page.locator("#id_login").fill("x@example.org")
    page.locator("#id_password").fill("x")
    with page.expect_navigation():
        page.locator("form.form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Formularz wygasł"
    assert_accessible(page)
    # Too many attempts: guessing the password on the account deletion page.
    log_in(page, base, "mieszkaniec@nadrzecze.example")
    for _ in range(6):
        page.goto(base + "/konto/usun-konto/")
        page.locator("#id_password").fill("zgaduje")
        with page.expect_navigation():
            page.locator("form.form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Zbyt wiele prób"
    assert_accessible(page)


def test_the_join_step_by_keyboard(page: Any, demo: Any, site: Any) -> None:
    base = site("lipowiec").rstrip("/")
    # A Nadrzecze resident visits Lipowiec and wants to set a home district there.
    log_in(page, base, "mieszkanka@nadrzecze.example")
    page.goto(base + "/konto/profil/")
    assert "/konto/dolacz/" in page.url
    assert_accessible(page)
    page.locator("#id_accept_terms").focus()
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/konto/profil/")
    assert_accessible(page)


def test_a_light_brand_colour_keeps_links_readable(page: Any, demo: Any, site: Any) -> None:
    Tenant.objects.filter(slug="lipowiec").update(primary_colour="#1e88e5", theme_version=99)
    page.goto(site("lipowiec"))
    assert_accessible(page)
    page.goto(site("lipowiec", "/konto/signup/"))
    page.locator("#id_email").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)


def test_category_edit_page_passes_axe(page: Any, demo: Any, site: Any) -> None:
    from wiec.tenants.models import Category

    base = site().rstrip("/")
    log_in(page, base, "admin@nadrzecze.example")
    category = Category.objects.filter(tenant=demo.tenants["nadrzecze"]).first()
    page.goto(f"{base}/panel/kategorie/{category.pk}/")
    assert_accessible(page)
    page.locator("#id_name").fill("")
    with page.expect_navigation():
        page.locator("form.form button[type=submit]").click()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
