"""Demo ideas: about thirty per municipality, placed inside their districts, in every status,
with photos drawn by code, supports, comments and the office's answers.

Idempotent: an idea is found by its title, so a second run adds nothing. Written straight to
the models (not through the actions) so loading the demo sends no e-mails.
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from PIL import Image, ImageDraw

from wiec.accounts.actions import join_tenant
from wiec.accounts.models import User
from wiec.discussion.actions import create_thread, recount
from wiec.discussion.models import Comment, Thread
from wiec.ideas import demo_content
from wiec.ideas.actions import add_photos
from wiec.ideas.models import Idea, IdeaAnswer, Support
from wiec.ideas.search import search_text
from wiec.ideas.statuses import IdeaStatus
from wiec.ideas.uploads import clean_photo
from wiec.maps.demo import random_point_in
from wiec.moderation.models import Decision, DecisionAction, Report, ReportReason
from wiec.tenants.queries import categories, districts

if TYPE_CHECKING:
    from wiec.demo.build import DemoContext
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


def _residents(ctx: DemoContext, tenant: Tenant) -> list[User]:
    people = list(ctx.people(tenant.slug, "resident"))
    for number in range(1, EXTRA_RESIDENTS + 1):
        email = f"sasiad{number:02d}@{tenant.slug}.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            name = demo_content.FIRST_NAMES[(number - 1) % len(demo_content.FIRST_NAMES)]
            user = User(email=email, display_name=f"{name} {chr(64 + number)}.")
            user.set_unusable_password()
            user.save()
        join_tenant(user=user, tenant=tenant, at=ctx.now, accept_terms=True)
        people.append(user)
    return people


def _answers(idea: Idea, path: list[IdeaStatus], official: User, rng: random.Random) -> None:
    assert idea.published_at is not None  # noqa: S101 - every answered demo idea is published
    at, before = idea.published_at, IdeaStatus.NEW
    for status in path:
        at += timedelta(days=rng.randint(3, 20), hours=rng.randint(1, 6))
        IdeaAnswer.objects.create(
            tenant=idea.tenant,
            idea=idea,
            author=official,
            status_before=before,
            status=status,
            message=demo_content.ANSWERS[status],
            created_at=at,
        )
        before = status


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
            Comment.objects.create(
                tenant=idea.tenant,
                thread=idea.thread,
                parent=parent,
                author=rng.choice(people),
                body=text,
                created_at=min(at, now),
            )
        )
    if idea.status != IdeaStatus.NEW and rng.random() < 0.4:
        Comment.objects.create(
            tenant=idea.tenant,
            thread=idea.thread,
            author=official,
            body=demo_content.OFFICE_COMMENT,
            by_official=True,
            created_at=min(at + timedelta(hours=3), now),
        )
    recount(thread=idea.thread)


def _new_idea(
    *,
    tenant: Tenant,
    title: str,
    description: str,
    author: User,
    category: Category | None,
    district: District,
    point: tuple[float, float],
    status: IdeaStatus,
    published_at: datetime | None,
    now: datetime,
) -> Idea:
    created_at = (published_at or now) - timedelta(hours=20)
    return Idea.objects.create(
        tenant=tenant,
        title=title,
        description=description,
        author=author,
        category=category,
        district=district,
        lat=point[0],
        lon=point[1],
        status=status,
        thread=create_thread(tenant=tenant, owner_model=Idea, at=created_at),
        search_text=search_text(title, description),
        created_at=created_at,
        updated_at=published_at or created_at,
        published_at=published_at,
    )


def _load_tenant(ctx: DemoContext, tenant: Tenant, specs: list[demo_content.DemoIdea]) -> None:
    rng = random.Random(f"ideas-{tenant.slug}")  # noqa: S311 - demo data
    people = _residents(ctx, tenant)
    official = ctx.people(tenant.slug, "official")[0]
    topics = list(categories(tenant=tenant))
    areas = [d for d in districts(tenant=tenant) if d.geometry]
    for number, (title, description, topic, path) in enumerate(specs):
        district = areas[number % len(areas)]
        point = random_point_in(district.geometry, rng)
        days_ago = rng.randint(4, 240)
        if Idea.objects.filter(tenant=tenant, title=title).exists():
            continue
        draft = number == len(specs) - 1
        idea = _new_idea(
            tenant=tenant,
            title=title,
            description=description,
            author=people[number % len(people)],
            category=topics[topic] if topics else None,
            district=district,
            point=point,
            status=IdeaStatus.DRAFT if draft else (path[-1] if path else IdeaStatus.NEW),
            published_at=None if draft else ctx.now - timedelta(days=days_ago, hours=number),
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
        supporters = rng.sample(people, k=rng.randint(0, len(people) * 2 // 3))
        Support.objects.bulk_create(
            Support(tenant=tenant, idea=idea, user=user, created_at=ctx.now - timedelta(days=1))
            for user in supporters
        )
        Idea.objects.filter(pk=idea.pk).update(support_count=len(supporters))
        _answers(idea, path, official, rng)
        _discussion(idea, people, official, rng, ctx.now)
    _moderation_examples(ctx, tenant, people, areas[0], rng)


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
        status=IdeaStatus.NEW,
        published_at=at,
        now=ctx.now,
    )
    reason = "Ogłoszenie handlowe, niezwiązane ze sprawami mieszkańców (regulamin, pkt 3)."
    Idea.objects.filter(pk=spam.pk).update(
        hidden_at=at + timedelta(hours=2), hidden_reason=reason, moderated_at=at
    )
    Decision.objects.create(
        tenant=tenant,
        content_type=ContentType.objects.get_for_model(Idea),
        object_id=spam.pk,
        action=DecisionAction.HIDE,
        reason=reason,
        moderator=moderator,
        created_at=at + timedelta(hours=2),
    )
    target = (
        Idea.objects.filter(tenant=tenant, status=IdeaStatus.NEW, hidden_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if target is None:
        return
    comment = Comment.objects.create(
        tenant=tenant,
        thread=Thread.objects.get(pk=target.thread_id),
        author=people[-2],
        body="Najlepsze opony w regionie! Wejdź na naszą stronę i kup taniej.",
        created_at=ctx.now - timedelta(hours=5),
    )
    recount(thread=comment.thread)
    Report.objects.create(
        tenant=tenant,
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        reporter=people[0],
        reason=ReportReason.SPAM,
        details="Reklama opon w dyskusji o pomyśle.",
        created_at=ctx.now - timedelta(hours=3),
    )


def load(ctx: DemoContext) -> None:
    specs = {"nadrzecze": demo_content.NADRZECZE, "lipowiec": demo_content.LIPOWIEC}
    for slug, tenant in ctx.tenants.items():
        _load_tenant(ctx, tenant, specs.get(slug, []))
