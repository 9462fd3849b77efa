"""Browser tests: Playwright driving Debian's Chromium, axe-core on every page visited.

Without Chromium these tests are skipped with a message; with WIEC_E2E=required (CI) a missing
browser fails the run instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

# pytest-django's live_server runs in a thread; Playwright's sync API runs an event loop in
# the test thread, which Django would otherwise refuse to touch the database from.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class _OneRequestAtATime(WSGIServer):
    """The live server without a thread per request.

    On SQLite the test database lives in memory and every server thread shares its one
    connection; a page that loads several database-backed images at once (photo thumbnails)
    then races on it and a request fails at random. PostgreSQL gives each thread its own
    connection, so the threaded server stays there.
    """

    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
    LiveServerThread.server_class = _OneRequestAtATime

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
E2E_DIR = Path(__file__).parent


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("WIEC_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    e2e_items = [item for item in items if E2E_DIR in Path(str(item.fspath)).parents]
    for item in e2e_items:
        item.add_marker(pytest.mark.e2e)
    if chromium_path() is None and os.environ.get("WIEC_E2E") != "required":
        skip = pytest.mark.skip(
            reason="Browser tests need Chromium: apt-get install -y chromium "
            "(or set WIEC_CHROMIUM); set WIEC_E2E=required to fail instead of skipping."
        )
        for item in e2e_items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.fail("WIEC_E2E=required but no Chromium found (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []

    def on_console(message: Any) -> None:
        # Failed sub-resources are caught below; a 404 test page is a 404 on purpose.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            errors.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", on_response)
    # Walks check after each step, to name the step (tests/e2e/helpers.py: assert_sound).
    page.wiec_errors = errors
    yield page
    context.close()
    # A CSP violation or a script error shows up in the console: fail on any.
    assert not errors, errors


@pytest.fixture
def demo(transactional_db: None) -> Any:
    from wiec.demo.build import load_demo

    return load_demo()


@pytest.fixture
def site(live_server: Any) -> Any:
    """`site("lipowiec")` → "http://lipowiec.localhost:PORT"."""
    port = live_server.url.rsplit(":", 1)[1]

    def url(slug: str = "nadrzecze", path: str = "/") -> str:
        return f"http://{slug}.localhost:{port}{path}"

    return url
