"""`access_idea_for_<purpose>`: missing, another municipality's and forbidden look the same."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.conftest import client_for
from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.ideas.models import Idea, Support
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Block
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

PURPOSES = [
    ("get", "edytuj/"),  # edit
    ("get", "pliki/"),  # photos and the PDF: editing too
    ("post", "opublikuj/"),
    ("post", "usun/"),
]


def _body(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def _same(page: str) -> str:
    """The page's main content (the header differs by the CSP nonce, the CSRF token and the
    address to come back to after changing the language)."""
    found = re.search(r"<main.*</main>", page, re.DOTALL)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize(("method", "suffix"), PURPOSES)
def test_missing_foreign_and_forbidden_ideas_answer_the_same_404(
    tenant: Tenant, other_tenant: Tenant, method: str, suffix: str
) -> None:
    person = member(tenant)
    # Public, so the person sees it; only the purpose is refused (this was a 403 before).
    someone_elses = IdeaFactory(tenant=tenant, status=IdeaStatus.NEW)
    # Another municipality's draft by the same person: theirs, but not here.
    foreign = IdeaFactory(tenant=other_tenant, status=IdeaStatus.DRAFT, author=person)
    missing = max(Idea.objects.values_list("pk", flat=True)) + 1
    client = client_for(tenant)
    client.force_login(person)
    responses = [
        getattr(client, method)(f"/pomysly/{pk}/{suffix}")
        for pk in (missing, foreign.pk, someone_elses.pk)
    ]
    assert [r.status_code for r in responses] == [404, 404, 404]
    assert len({_same(_body(r)) for r in responses}) == 1
    assert Idea.objects.filter(pk=someone_elses.pk, status=IdeaStatus.NEW).exists()


def test_the_author_still_gets_their_own_draft(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    draft = IdeaFactory(tenant=tenant, status=IdeaStatus.DRAFT, author=author)
    client.force_login(author)
    assert client.get(f"/pomysly/{draft.pk}/edytuj/").status_code == 200


def test_a_blocked_person_gets_the_404_of_a_missing_idea_when_supporting(
    client: Client, tenant: Tenant
) -> None:
    person = member(tenant)
    idea = IdeaFactory(tenant=tenant)
    Block.objects.create(tenant=tenant, user=person, reason="x", created_at=idea.created_at)
    client.force_login(person)
    assert client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"}).status_code == 404
    assert client.post(f"/pomysly/{idea.pk + 99}/poparcie/", {"support": "1"}).status_code == 404
    assert not Support.objects.exists()


def test_the_report_link_is_not_offered_on_ones_own_idea_nor_to_the_blocked(
    client: Client, tenant: Tenant
) -> None:
    author, reader, blocked = member(tenant), member(tenant), member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    Block.objects.create(tenant=tenant, user=blocked, reason="x", created_at=idea.created_at)
    report = f"/zglos/idea/{idea.pk}/"

    def page(user: object) -> str:
        client.force_login(user)  # type: ignore[arg-type]
        return _body(client.get(idea.get_absolute_url()))

    assert report in page(reader)
    assert report not in page(author)
    assert report not in page(blocked)
    client.logout()
    assert report not in _body(client.get(idea.get_absolute_url()))
