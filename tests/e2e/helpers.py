from __future__ import annotations

from typing import Any

from wiec.demo.build import DEMO_PASSWORD


def log_in(page: Any, base: str, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the form, by keyboard: type, Tab to the next field, Enter to submit."""
    page.goto(f"{base}/konto/login/")
    page.locator("#id_login").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/konto/login/" not in url)


def switch_language(page: Any, code: str) -> None:
    with page.expect_navigation():
        page.locator(f'.language-switcher button[value="{code}"]').click()


def assert_sound(page: Any, step: str = "") -> None:
    """After a click: one page (exactly one <main>) and nothing in the console so far."""
    where = f"{step} ({page.url})" if step else page.url
    assert page.locator("main").count() == 1, f"{where}: {page.locator('main').count()} <main>"
    errors = getattr(page, "wiec_errors", [])
    assert not errors, f"{where}: {errors}"


def map_ready(page: Any, selector: str = "[data-map]") -> None:
    """Leaflet has taken over the map box (its container class and the zoom buttons are there)."""
    page.locator(f"{selector}.leaflet-container .leaflet-control-zoom-in").wait_for()
