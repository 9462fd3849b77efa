"""Demo ideas: about thirty per municipality, placed inside their districts at a street of the
gazetteer, in every status, with photos drawn by code, supports, comments and the office's
answers, and a hidden advert and a reported comment for the moderators.

Built through the actions (ideas, discussion, moderation), so the demo's audit log, search
text and notifications are those the site would have. Idempotent: an idea is found by its
title, so a second run adds nothing. The ideas and comments are the fictional neighbours'
(whose e-mail is switched off), so loading the demo sends no e-mail to anyone.
"""

from __future__ import annotations

import io
import math
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from wiec.accounts.actions import ensure_account, join_tenant
from wiec.accounts.models import User
from wiec.discussion.actions import post_comment
from wiec.discussion.models import Comment
from wiec.ideas import demo_content
from wiec.ideas.actions import (
    add_photos,
    answer_idea,
    create_idea,
    publish_idea,
    support_idea,
)
from wiec.ideas.models import Idea
from wiec.ideas.statuses import IdeaStatus
from wiec.ideas.uploads import clean_photo
from wiec.maps.demo import random_point_in
from wiec.maps.queries import Location, places
from wiec.moderation.actions import hide_content, report_content
from wiec.moderation.models import ReportReason
from wiec.notifications import kinds
from wiec.notifications.actions import set_email_preferences
from wiec.tenants.queries import categories, districts

if TYPE_CHECKING:
    from wiec.demo.build import DemoContext
    from wiec.maps.models import Place
    from wiec.tenants.models import Category, District, Tenant

EXTRA_RESIDENTS = 24
SPAM_TITLE = "Sprzedam tanio działki budowlane – dzwoń!"


def draw_photo(rng: random.Random, *, road: bool) -> bytes:
    """A simple landscape: sky, sun, ground, trees, and a road with a zebra crossing."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    sky = (rng.randint(90, 140), rng.randint(150, 200), rng.randint(210, 250))
    for y in range(height // 2):
        shade = y / (height / 2)
        draw.line([(0, y), (width, y)], fill=tuple(int(c + (255 - c) * shade * 0.6) for c in sky))
    sun = rng.randint(600, 820)
    draw.ellipse([sun, 40, sun + 90, 130], fill=(255, 214, 90))
    ground = (rng.randint(70, 110), rng.randint(130, 170), rng.randint(60, 90))
    draw.rectangle([0, height // 2, width, height], fill=ground)
    for _tree in range(rng.randint(3, 7)):
        x = rng.randint(20, width - 80)
        y = rng.randint(height // 2 - 60, height // 2 + 40)
        draw.rectangle([x + 25, y + 60, x + 40, y + 120], fill=(101, 67, 33))
        draw.ellipse([x, y, x + 65, y + 80], fill=(34, rng.randint(100, 140), 34))
    if road:
        draw.polygon(
            [(380, height), (580, height), (500, height // 2), (460, height // 2)],
            fill=(90, 90, 95),
        )
        for stripe in range(6):
            top = height - 70
            draw.rectangle([400 + stripe * 28, top, 414 + stripe * 28, top + 40], fill="white")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _neighbours(ctx: DemoContext, tenant: Tenant) -> list[User]:
    """The fictional neighbours who write the ideas and comments; they have no inbox, so
    their e-mail is switched off for every kind of notification."""
    people = []
    no_email = {kind.key: False for kind in kinds.all_kinds()}
    for number in range(1, EXTRA_RESIDENTS + 1):
        name = demo_content.FIRST_NAMES[(number - 1) % len(demo_content.FIRST_NAMES)]
        user = ensure_account(
            email=f"sasiad{number:02d}@{tenant.slug}.example",
            display_name=f"{name} {chr(64 + number)}.",
            password=None,
        )
        join_tenant(user=user, tenant=tenant, at=ctx.now, accept_terms=True)
        set_email_preferences(user=user, wanted=no_email)
        people.append(user)
    return people


def _answers(
    idea: Idea, path: list[IdeaStatus], official: User, rng: random.Random, now: datetime
) -> None:
    assert idea.published_at is not None  # noqa: S101 - every answered demo idea is published
    at = idea.published_at
    for status in path:
        at = min(at + timedelta(days=rng.randint(3, 20), hours=rng.randint(1, 6)), now)
        answer_idea(
            idea=idea, official=official, status=status, message=demo_content.ANSWERS[status], at=at
        )


def _discussion(
    idea: Idea, people: list[User], official: User, rng: random.Random, now: datetime
) -> None:
    assert idea.published_at is not None  # noqa: S101
    at = idea.published_at
    comments: list[Comment] = []
    for _number in range(rng.randint(0, 4)):
        at += timedelta(hours=rng.randint(2, 60))
        parent = rng.choice(comments) if comments and rng.random() < 0.3 else None
        text = rng.choice(demo_content.REPLIES if parent else demo_content.COMMENTS)
        comments.append(
            post_comment(
                thread=idea.thread,
                author=rng.choice(people),
                body=text,
                parent=parent,
                at=min(at, now),
            )
        )
    if idea.status != IdeaStatus.NEW and rng.random() < 0.4:
        post_comment(  # an official's comment is marked as the office's by their role
            thread=idea.thread,
            author=official,
            body=demo_content.OFFICE_COMMENT,
            parent=None,
            at=min(at + timedelta(hours=3), now),
        )


def _nearest_place(gazetteer: list[Place], point: tuple[float, float]) -> str:
    """The name of the gazetteer's place nearest the point, as a resident would describe it."""
    if not gazetteer:
        return ""
    nearest = min(gazetteer, key=lambda p: math.hypot(p.lat - point[0], p.lon - point[1]))
    return nearest.name


def _new_idea(
    *,
    tenant: Tenant,
    title: str,
    description: str,
    author: User,
    category: Category | None,
    district: District,
    point: tuple[float, float],
    address: str,
    published_at: datetime | None,
    now: datetime,
) -> Idea:
    """A draft written the day before it was published (or before `now`), then published."""
    created_at = (published_at or now) - timedelta(hours=20)
    idea = create_idea(
        tenant=tenant,
        author=author,
        title=title,
        description=description,
        category=category,
        location=Location(lat=point[0], lon=point[1], address=address, district=district),
        district=district,
        at=created_at,
    )
    if published_at is not None:
        publish_idea(idea=idea, at=published_at)
    return idea


def _load_tenant(ctx: DemoContext, tenant: Tenant, specs: list[demo_content.DemoIdea]) -> None:
    rng = random.Random(f"ideas-{tenant.slug}")  # noqa: S311 - demo data
    named = ctx.people(tenant.slug, "resident")
    neighbours = _neighbours(ctx, tenant)
    official = ctx.people(tenant.slug, "official")[0]
    topics = list(categories(tenant=tenant))
    areas = [d for d in districts(tenant=tenant) if d.geometry]
    gazetteer = list(places(tenant=tenant))
    for number, (title, description, topic, path) in enumerate(specs):
        district = areas[number % len(areas)]
        point = random_point_in(district.geometry, rng)
        days_ago = rng.randint(4, 240)
        if Idea.objects.filter(tenant=tenant, title=title).exists():
            continue
        draft = number == len(specs) - 1
        published_at = None if draft else ctx.now - timedelta(days=days_ago, hours=number)
        idea = _new_idea(
            tenant=tenant,
            title=title,
            description=description,
            # The named resident's own draft waits on their "my ideas" page.
            author=named[0] if draft and named else neighbours[number % len(neighbours)],
            category=topics[topic] if topics else None,
            district=district,
            point=point,
            address=_nearest_place(gazetteer, point),
            published_at=published_at,
            now=ctx.now,
        )
        if number % 3 == 0:
            photos = [
                clean_photo(io.BytesIO(draw_photo(rng, road=topic == 0)), name="demo", size=None)
                for _photo in range(1 + number % 2)
            ]
            add_photos(idea=idea, photos=photos, at=idea.created_at)
        if draft:
            continue
        supporters = rng.sample(
            [*named, *neighbours], k=rng.randint(0, (len(neighbours) + len(named)) * 2 // 3)
        )
        for user in supporters:
            support_idea(idea=idea, user=user, at=ctx.now - timedelta(days=1))
        _answers(idea, path, official, rng, ctx.now)
        _discussion(idea, neighbours, official, rng, ctx.now)
    _moderation_examples(ctx, tenant, neighbours, areas[0], rng)


def _moderation_examples(
    ctx: DemoContext, tenant: Tenant, people: list[User], district: District, rng: random.Random
) -> None:
    """A hidden advert with its decision, and a reported comment waiting in the queue."""
    if Idea.objects.filter(tenant=tenant, title=SPAM_TITLE).exists():
        return
    moderator = ctx.people(tenant.slug, "moderator")[0]
    at = ctx.now - timedelta(days=2)
    spam = _new_idea(
        tenant=tenant,
        title=SPAM_TITLE,
        description="Działki w atrakcyjnych cenach, zadzwoń: 600 000 000.",
        author=people[-1],
        category=None,
        district=district,
        point=random_point_in(district.geometry, rng),
        address="",
        published_at=at,
        now=ctx.now,
    )
    hide_content(
        obj=spam,
        moderator=moderator,
        reason="Ogłoszenie handlowe, niezwiązane ze sprawami gminy (regulamin, pkt 3).",
        at=at + timedelta(hours=2),
    )
    target = (
        Idea.objects.filter(tenant=tenant, status=IdeaStatus.NEW, hidden_at__isnull=True)
        .exclude(pk=spam.pk)
        .order_by("pk")
        .first()
    )
    if target is None:
        return
    comment = post_comment(
        thread=target.thread,
        author=people[-2],
        body="Najlepsze opony w regionie! Wejdź na naszą stronę i kup taniej.",
        parent=None,
        at=ctx.now - timedelta(hours=5),
    )
    report_content(
        obj=comment,
        reporter=people[0],
        reason=ReportReason.SPAM,
        details="Reklama opon w dyskusji o pomyśle.",
        at=ctx.now - timedelta(hours=3),
    )


def load(ctx: DemoContext) -> None:
    specs = {"nadrzecze": demo_content.NADRZECZE, "lipowiec": demo_content.LIPOWIEC}
    for slug, tenant in ctx.tenants.items():
        _load_tenant(ctx, tenant, specs.get(slug, []))
