"""Factories for ideas and their discussion; built on tests/factories.py."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import factory
from django.utils import timezone
from PIL import Image

from tests.factories import TenantFactory, UserFactory
from wiec.discussion.actions import create_thread
from wiec.discussion.models import Comment
from wiec.ideas.models import Idea
from wiec.ideas.search import search_text
from wiec.ideas.statuses import IdeaStatus


class IdeaFactory(factory.django.DjangoModelFactory):
    """A published, new idea with a point; `status=IdeaStatus.DRAFT` gives a draft."""

    class Meta:
        model = Idea

    tenant = factory.SubFactory(TenantFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Pomysł numer {n}")
    description = "Ławki i kosze na śmieci przy ścieżce nad rzeką."
    status = IdeaStatus.NEW
    lat = 52.25
    lon = 16.85
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyAttribute(lambda o: o.created_at)
    published_at = factory.LazyAttribute(
        lambda o: None if o.status == IdeaStatus.DRAFT else o.created_at
    )
    thread = factory.LazyAttribute(
        lambda o: create_thread(tenant=o.tenant, owner_model=Idea, at=o.created_at)
    )
    search_text = factory.LazyAttribute(lambda o: search_text(o.title, o.description))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    thread = factory.LazyAttribute(lambda o: o.idea.thread)
    tenant = factory.LazyAttribute(lambda o: o.idea.tenant)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Komentarz {n}")
    created_at = factory.LazyFunction(timezone.now)

    class Params:
        idea = factory.SubFactory(IdeaFactory)


def image_bytes(
    fmt: str = "JPEG", size: tuple[int, int] = (640, 480), exif: Any = None, mode: str = "RGB"
) -> bytes:
    image = Image.new(mode, size, "red" if mode == "RGB" else 0)
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def at(text: str) -> datetime:
    """An aware datetime in the project's zone: at("2026-05-01 12:00")."""
    return timezone.make_aware(datetime.fromisoformat(text))
