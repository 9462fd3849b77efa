"""Ideas and everything around them are a 404 on another municipality's host."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from tests.conftest import client_for
from tests.factories import member
from tests.ideas.factories import CommentFactory, IdeaFactory, image_bytes
from wiec.accounts.models import Role
from wiec.ideas.models import Idea, IdeaPhoto
from wiec.moderation.models import Block
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def _photo(idea: Idea) -> IdeaPhoto:
    photo = IdeaPhoto(tenant=idea.tenant, idea=idea, width=1, height=1, created_at=timezone.now())
    photo.image.save("p.jpg", ContentFile(image_bytes()), save=False)
    photo.thumbnail.save("t.jpg", ContentFile(image_bytes()), save=False)
    photo.save()
    return photo


def _block(tenant: Tenant) -> Block:
    return Block.objects.create(
        tenant=tenant, user=member(tenant), reason="x", created_at=timezone.now()
    )


def _with_pdf(tenant: Tenant) -> Idea:
    idea = IdeaFactory(tenant=tenant)
    idea.attachment.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=True)
    return idea


# Each makes an object in the given municipality and returns a URL for it.
PUBLIC: list[Callable[[Tenant], str]] = [
    lambda t: f"/pomysly/{IdeaFactory(tenant=t).pk}/",
    lambda t: (
        (i := IdeaFactory(tenant=t)) and f"/pomysly/{i.pk}/zdjecia/{_photo(i).pk}/miniatura.jpg"
    ),
    lambda t: f"/pomysly/{_with_pdf(t).pk}/zalacznik.pdf",
    lambda t: f"/zglos/idea/{IdeaFactory(tenant=t).pk}/",
    lambda t: f"/zglos/comment/{CommentFactory(idea=IdeaFactory(tenant=t)).pk}/",
]
STAFF: list[Callable[[Tenant], str]] = [
    lambda t: f"/panel/pomysly/{IdeaFactory(tenant=t).pk}/",
    lambda t: f"/panel/moderacja/idea/{IdeaFactory(tenant=t).pk}/",
    lambda t: f"/panel/moderacja/comment/{CommentFactory(idea=IdeaFactory(tenant=t)).pk}/",
]
POSTS: list[Callable[[Tenant], str]] = [
    lambda t: f"/pomysly/{IdeaFactory(tenant=t).pk}/poparcie/",
    lambda t: f"/dyskusja/{IdeaFactory(tenant=t).thread_id}/komentarz/",
    lambda t: f"/dyskusja/{IdeaFactory(tenant=t).thread_id}/obserwuj/",
    lambda t: f"/dyskusja/komentarze/{CommentFactory(idea=IdeaFactory(tenant=t)).pk}/usun/",
    lambda t: f"/panel/pomysly/{IdeaFactory(tenant=t).pk}/",
    lambda t: f"/panel/moderacja/idea/{IdeaFactory(tenant=t).pk}/hide/",
    lambda t: f"/panel/moderacja/comment/{CommentFactory(idea=IdeaFactory(tenant=t)).pk}/blokada/",
    lambda t: f"/panel/moderacja/blokady/{_block(t).pk}/zdejmij/",
]


def _admin_client(tenant: Tenant) -> Client:
    client = client_for(tenant)
    client.force_login(member(tenant, Role.ADMIN))
    return client


@pytest.mark.parametrize(
    "make_url",
    PUBLIC + STAFF,
    ids=[
        "idea",
        "photo",
        "pdf",
        "report-idea",
        "report-comment",
        "answer",
        "moderate-idea",
        "moderate-comment",
    ],
)
def test_foreign_objects_are_404(
    tenant: Tenant, other_tenant: Tenant, make_url: Callable[[Tenant], str]
) -> None:
    client = _admin_client(tenant)
    assert client.get(make_url(tenant)).status_code == 200
    assert client.get(make_url(other_tenant)).status_code == 404


@pytest.mark.parametrize(
    "make_url",
    POSTS,
    ids=["support", "comment", "follow", "delete-comment", "answer", "hide", "block", "unblock"],
)
def test_foreign_objects_cannot_be_changed(
    tenant: Tenant, other_tenant: Tenant, make_url: Callable[[Tenant], str]
) -> None:
    client = _admin_client(tenant)
    data = {
        "support": "1",
        "body": "x",
        "follow": "1",
        "status": "analysis",
        "message": "x",
        "hide-reason": "x",
        "block-reason": "x",
    }
    assert client.post(make_url(other_tenant), data).status_code == 404


def test_lists_and_the_map_show_only_this_municipality(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    ours = IdeaFactory(tenant=tenant, title="Nasz pomysł")
    theirs = IdeaFactory(tenant=other_tenant, title="Ich pomysł")
    client = client_for(tenant)
    for url in ("/pomysly/", "/pomysly/?q=pomysl"):
        body = client.get(url).content.decode()
        assert "Nasz pomysł" in body
        assert "Ich pomysł" not in body
    points = client.get("/pomysly/mapa.geojson").json()["features"]
    assert [p["id"] for p in points] == [ours.pk]
    assert client.get(f"/pomysly/{theirs.pk}/mapa.json").status_code == 404
