"""Every panel page reflows at 320 CSS px: nothing scrolls sideways but a table in its own
labelled, focusable box (WCAG 1.4.10; issue 9: /panel/pomysly/ was 778 px wide on a phone).

The pages are read from the URL configuration, so a new panel page is checked without being
listed here; one whose parameters this test cannot fill in fails it until it is taught them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from tests.e2e.helpers import log_in

PHONE = {"width": 320, "height": 720}


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _values(demo: Any) -> list[dict[str, Any]]:
    """One set of parameters per kind of object (two for moderated content)."""
    from wiec.accounts.models import Membership
    from wiec.discussion.models import Comment
    from wiec.ideas.models import Idea
    from wiec.polls.models import Poll
    from wiec.tenants.models import Category, District
    from wiec.verification.models import Verification

    tenant = demo.tenants["nadrzecze"]
    poll = Poll.objects.filter(tenant=tenant, box__closed_at__isnull=True).first()
    assert poll is not None
    question = poll.questions.first()
    assert question is not None
    idea = Idea.objects.filter(tenant=tenant).exclude(status="draft").first()
    assert idea is not None
    comment = Comment.objects.filter(tenant=tenant, body__contains="opony").get()
    common = {
        "district_id": District.objects.filter(tenant=tenant).values_list("pk", flat=True)[0],
        "category_id": Category.objects.filter(tenant=tenant).values_list("pk", flat=True)[0],
        "membership_id": Membership.objects.filter(tenant=tenant).values_list("pk", flat=True)[0],
        "verification_id": Verification.objects.filter(tenant=tenant).values_list("pk", flat=True)[
            0
        ],
        "poll_id": poll.pk,
        "question_id": question.pk,
        "idea_id": idea.pk,
        "block_id": 1,  # only POST routes take it
    }
    return [
        {**common, "key": "comment", "object_id": comment.pk, "step": "hide"},
        {**common, "key": "idea", "object_id": idea.pk, "step": "hide"},
    ]


def _fill(route: str, values: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in values, f"/{route}: teach test_reflow a value for {name}"
        return str(values[name])

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)


def _panel_paths(demo: Any) -> list[str]:
    sets = _values(demo)
    return [
        _fill(route, values)
        for route in _routes(get_resolver().url_patterns)
        if route.startswith("panel/")
        for values in (sets if "<slug:key>" in route else sets[:1])
    ]


def test_every_panel_page_reflows_at_320_px(browser: Any, demo: Any, site: Any) -> None:
    paths = _panel_paths(demo)
    assert "/panel/pomysly/" in paths
    assert "/panel/dziennik/" in paths
    base = site().rstrip("/")
    context = browser.new_context(locale="pl-PL", viewport=PHONE)
    try:
        page = context.new_page()
        log_in(page, base, "admin@nadrzecze.example")
        too_wide: dict[str, int] = {}
        seen = 0
        for path in paths:
            # POST-only addresses (delete, close, decide) are not pages.
            status = page.evaluate(
                "url => fetch(url, {redirect: 'manual'}).then(r => r.status)", base + path
            )
            if status == 405:
                continue
            response = page.goto(base + path)
            assert response.status == 200, path
            seen += 1
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > page.evaluate("window.innerWidth"):
                too_wide[path] = width
        assert seen >= 25, seen
        assert not too_wide, too_wide
    finally:
        context.close()
