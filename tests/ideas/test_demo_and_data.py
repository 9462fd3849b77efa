"""The demo's ideas, and ideas in "download my data"."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from django.core.management import call_command
from django.test import Client
from shapely.geometry import Point, shape

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.ideas.models import Idea, IdeaAnswer, IdeaPhoto, Support
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Report
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def test_the_demo_has_about_sixty_ideas_inside_their_districts_in_every_status() -> None:
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    ideas = Idea.objects.select_related("district", "tenant")
    assert 55 <= ideas.count() <= 70
    assert set(Counter(ideas.values_list("status", flat=True))) == set(IdeaStatus)
    for idea in ideas:
        assert idea.district is not None, idea.title
        assert shape(idea.district.geometry).contains(Point(idea.lon, idea.lat)), idea.title
        assert idea.district.tenant_id == idea.tenant_id
    assert IdeaPhoto.objects.count() >= 10
    assert Support.objects.count() > 100
    assert IdeaAnswer.objects.values("status").distinct().count() == 6
    assert Idea.objects.filter(hidden_at__isnull=False).count() == 2
    assert Report.objects.filter(resolved_at__isnull=True).count() == 2
    counts = (Idea.objects.count(), IdeaPhoto.objects.count(), Support.objects.count())
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (Idea.objects.count(), IdeaPhoto.objects.count(), Support.objects.count())


def test_my_ideas_and_supports_are_in_download_my_data(client: Client, tenant: Tenant) -> None:
    person = member(tenant)
    IdeaFactory(tenant=tenant, author=person, title="Mój pomysł")
    other = IdeaFactory(tenant=tenant, title="Cudzy pomysł")
    Support.objects.create(tenant=tenant, idea=other, user=person, created_at=other.created_at)
    client.force_login(person)
    data = json.loads(client.get("/konto/moje-dane/").content)
    assert [i["title"] for i in data["ideas"]["ideas"]] == ["Mój pomysł"]
    assert [s["idea"] for s in data["ideas"]["supports"]] == ["Cudzy pomysł"]
