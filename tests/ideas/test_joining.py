"""People from elsewhere join a municipality's site (accept its terms) before taking part."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory
from wiec.ideas.models import Support
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def test_a_logged_in_visitor_is_offered_the_join_step_not_the_forms(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(UserFactory())
    html = client.get(idea.get_absolute_url()).content.decode()
    assert 'href="/konto/dolacz/?next=' in html
    assert 'id="support-button"' not in html
    assert 'id="comment-form-title"' not in html


def test_supporting_before_joining_is_refused_and_stores_nothing(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(UserFactory())
    response = client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"})
    assert response.status_code in {302, 404}
    assert not Support.objects.exists()


def test_proposing_an_idea_leads_through_the_join_step(client: Client, tenant: Tenant) -> None:
    client.force_login(UserFactory())
    response = client.get("/pomysly/nowy/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/dolacz/?next=")
