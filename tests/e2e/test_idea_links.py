"""Following an idea's title from the list and from the map's list opens the idea as a page.

The results box loads its page links with htmx; a title inside it must not be loaded there too
(issue 9, bug 2: a second header, <main> and footer inside the box, and an empty map).
"""

from __future__ import annotations

from typing import Any

from tests.e2e.helpers import assert_sound, map_ready


def _first_idea_with_a_point_on_page_one(demo: Any) -> tuple[int, str]:
    from wiec.ideas import queries
    from wiec.ideas.forms import IdeaFilterForm

    tenant = demo.tenants["nadrzecze"]
    filters = IdeaFilterForm({}, tenant=tenant).filters()
    rows = list(queries.idea_list(tenant=tenant, filters=filters)[: queries.PAGE_SIZE])
    idea = next(row for row in rows if row.has_point)
    return idea.pk, idea.title


def test_an_idea_title_in_the_results_opens_the_idea_as_a_page(
    page: Any, demo: Any, site: Any
) -> None:
    """From the list and from the map's list; the page links still load inside the box."""
    idea_id, title = _first_idea_with_a_point_on_page_one(demo)
    base = site().rstrip("/")
    for start in ("/pomysly/", "/pomysly/mapa/"):
        page.goto(base + start)
        assert_sound(page, start)
        with page.expect_navigation():
            page.locator("#idea-results").get_by_role("link", name=title, exact=True).click()
        assert page.url == f"{base}/pomysly/{idea_id}/", start
        assert_sound(page, f"the idea from {start}")
        assert page.locator("h1").inner_text() == title
        assert page.locator("#idea-results").count() == 0
        map_ready(page, "#idea-map")

    page.goto(base + "/pomysly/")
    with page.expect_request(lambda request: request.headers.get("hx-request") == "true"):
        pagination = page.locator("#idea-results .pagination")
        pagination.get_by_role("link", name="Następna strona").click()
    page.wait_for_url("**/pomysly/?page=2")
    page.locator("#idea-results .pagination", has_text="Strona 2").wait_for()
    assert_sound(page, "page 2")
