"""Reporting a comment: the thank-you is in view, beside the comment, and announced."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from tests.e2e.helpers import Walk
from wiec.discussion.models import Comment
from wiec.ideas.models import Idea

RESIDENT = "mieszkanka@nadrzecze.example"


def _far_down_comment(tenant_slug: str) -> Comment:
    """The last visible comment of the most discussed public idea, by someone else."""
    idea = (
        Idea.objects.filter(tenant__slug=tenant_slug, hidden_at__isnull=True)
        .exclude(status="draft")
        .annotate(n=Count("thread__comments"))
        .order_by("-n", "pk")
        .first()
    )
    assert idea is not None
    comment = (
        Comment.objects.filter(thread=idea.thread, hidden_at__isnull=True, deleted_at__isnull=True)
        .exclude(author__email=RESIDENT)
        .exclude(author__isnull=True)
        .order_by("-pk")
        .first()
    )
    assert comment is not None
    return comment


def test_the_thanks_for_a_report_is_in_view_and_announced(page: Any, demo: Any, site: Any) -> None:
    comment = _far_down_comment("nadrzecze")
    walk = Walk(page, site().rstrip("/"))
    walk.start("/")
    walk.log_in(RESIDENT)
    walk.start(f"/pomysly/{Idea.objects.get(thread=comment.thread).pk}/")
    article = page.locator(f"#comment-{comment.pk}")
    article.scroll_into_view_if_needed()
    walk.click(
        article.get_by_role("link", name="Zgłoś ten komentarz moderatorom"), "report a comment"
    )
    page.get_by_label("Co jest nie tak?", exact=False).select_option(index=1)
    walk.button("Wyślij zgłoszenie")

    thanks = page.locator(f"#comment-{comment.pk}-reported")
    assert page.url.endswith(f"#comment-{comment.pk}-reported")
    assert thanks.get_attribute("role") == "status"
    assert "Dziękujemy" in thanks.inner_text()
    assert page.get_by_role("status").filter(has_text="Dziękujemy").count() == 1
    # In the viewport, not at the top of a long page out of sight.
    box = thanks.bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert box["y"] >= 0, box
    assert box["y"] + box["height"] <= viewport["height"], box
    assert box["x"] >= 0, box
    assert box["x"] + box["width"] <= viewport["width"], box
    # The page is long enough that the top of it is out of view here.
    assert page.evaluate("window.scrollY") > 0
    # The comment it is about is right below it.
    assert article.locator(".comment__body").is_visible()
