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


class Walk:
    """One person's way through the site, by clicking as people do.

    `start` opens the first page by address; from there every step is a click: `link`,
    `button`, or `swap` for what htmx changes in place. After each step the page must be one
    page (exactly one <main>) with nothing in the console, and every page not seen before in
    this walk is checked by axe-core (tests/e2e/a11y.py).
    """

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.checked: set[str] = set()
        # A button with data-confirm asks first; the person says yes, and the question is kept.
        self.dialogs: list[str] = []
        page.on("dialog", self._confirm)

    def _confirm(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.accept()

    def start(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.arrived(f"open {path}")

    def arrived(self, step: str) -> None:
        from tests.e2e.a11y import assert_accessible

        assert_sound(self.page, step)
        here = self.page.url.split("#")[0]
        if here not in self.checked:
            self.checked.add(here)
            assert_accessible(self.page)

    def click(self, target: Any, step: str) -> None:
        """Click something that loads a new page."""
        with self.page.expect_navigation():
            target.click()
        self.page.wait_for_load_state()
        self.arrived(step)

    def link(self, name: str, *, within: str = "main", exact: bool = True) -> None:
        area = self.page.locator(within)
        self.click(area.get_by_role("link", name=name, exact=exact).first, f"link {name!r}")

    def button(self, name: str, *, within: str = "main", exact: bool = True) -> None:
        area = self.page.locator(within)
        self.click(area.get_by_role("button", name=name, exact=exact).first, f"button {name!r}")

    def swap(self, target: Any, *, then: Any, step: str) -> None:
        """Click something htmx answers in place; `then` appears when the answer is in."""
        target.click()
        then.wait_for()
        self.arrived(step)

    def card(self, heading: str) -> Any:
        """The card in <main> whose heading is `heading` (a tile of the panel home)."""
        named = self.page.get_by_role("heading", name=heading, exact=True)
        return self.page.locator("main .card", has=named)

    def form(self, button: str) -> Any:
        """The form in <main> whose submit button is named `button`."""
        button_named = self.page.get_by_role("button", name=button, exact=True)
        return self.page.locator("main form", has=button_named)

    def log_in(self, email: str, password: str = DEMO_PASSWORD) -> None:
        """From any page: the header's log-in link, the form, back where the person was."""
        self.link("Zaloguj się", within="header")
        self.page.locator("#id_login").fill(email)
        self.page.locator("#id_password").fill(password)
        with self.page.expect_navigation():
            self.page.locator("#id_password").press("Enter")
        self.arrived(f"log in as {email}")
        assert "/konto/login/" not in self.page.url, self.page.locator("main").inner_text()

    def message(self) -> str:
        """The text of the page's messages (success, warning, error)."""
        return " ".join(self.page.locator(".message").all_inner_texts())
