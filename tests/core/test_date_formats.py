"""One date style: 24.11.2026 in numbers, 15 grudnia 2026 in words, never 24-11-2026."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

import wiec
from tests.ideas.factories import CommentFactory, IdeaFactory, at
from wiec.tenants.models import Tenant

DASHED = re.compile(r"\b\d{2}-\d{2}-\d{4}\b")
DAY = date(2026, 11, 24)
MOMENT = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)  # date_format does not convert zones


@pytest.mark.parametrize(
    ("language", "short", "short_time", "long"),
    [
        ("pl", "24.11.2026", "24.11.2026, 14:30", "24 listopada 2026"),
        ("uk", "24.11.2026", "24.11.2026 14:30", "24 листопада 2026 р."),
        ("en", "24 Nov 2026", "24 Nov 2026, 14:30", "24 November 2026"),
    ],
)
def test_each_language_writes_dates_one_way(
    language: str, short: str, short_time: str, long: str
) -> None:
    with translation.override(language):
        assert date_format(DAY, "SHORT_DATE_FORMAT") == short
        assert date_format(MOMENT, "SHORT_DATETIME_FORMAT") == short_time
        assert date_format(DAY, "DATE_FORMAT") == long


def test_templates_name_a_format_instead_of_spelling_one_out() -> None:
    """Only machine-readable forms: 'c' for <time datetime>, and the ministry's ISO dates."""
    spelled = []
    for template in Path(wiec.__file__).parent.glob("*/templates/**/*.html"):
        for fmt in re.findall(r"\|date:[\"']([^\"']*)[\"']", template.read_text()):
            if fmt.endswith("_FORMAT") or fmt == "c":
                continue
            if fmt == "Y-m-d" and template.name == "accessibility.html":
                continue
            spelled.append(f"{template.name}: {fmt}")
    assert not spelled


@pytest.mark.django_db
def test_idea_pages_in_polish_show_dotted_dates(client: Client, tenant: Tenant) -> None:
    moment = at("2026-11-24 14:30")
    idea = IdeaFactory(tenant=tenant, created_at=moment, title="Ławki nad rzeką")
    CommentFactory(idea=idea, created_at=moment)
    pages = [client.get("/pomysly/"), client.get(f"/pomysly/{idea.pk}/")]
    html = "".join(page.content.decode() for page in pages)
    assert not DASHED.findall(html)
    assert "24.11.2026" in html  # the list and the comment
    assert "24 listopada 2026" in html  # the idea's headline line
