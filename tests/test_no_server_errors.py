"""No input makes the site answer 500: every page of a municipality, every role, odd input.

Walks the URL configuration (so a new page is covered without being listed here), fills each
route's ids with real demo objects and with absurd ones, and sends garbage query strings and
forms: empty, NUL bytes, huge numbers, negative numbers, very long text. Each form is posted
with the field names its own page shows, so the garbage reaches the form's validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Django's admin is Django's, allauth's flows are allauth's; media is served by the web server.
SKIPPED_PREFIXES = ("admin/", "^media/")
GARBAGE_QUERY = (
    "?page=abc&page=-1&q=%00%ff&bbox=1,2,x&bbox=999,999,-999,-999&sort=zzz&status=nope"
    "&category=abc&district=-1&action=%00&next=//evil.example&lat=91&lon=x&zoom=99999999999999"
)
HUGE = "9" * 30
VALUES = ["", "\x00", HUGE, "-1", "x" * 20_000, "2026-02-30T25:61", "<b>ż</b>"]


def routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def ids_for(tenant: Any) -> dict[str, list[str]]:
    """Each route parameter: an object of this municipality, and absurd values."""
    from wiec.accounts.models import Membership
    from wiec.discussion.models import Comment, Thread
    from wiec.ideas.models import Idea, IdeaPhoto
    from wiec.notifications.models import Notification
    from wiec.polls.models import Poll, Question
    from wiec.tenants.models import Category, District

    def first(rows: Any) -> str:
        found = rows.order_by("pk").values_list("pk", flat=True).first()
        return str(found if found is not None else 1)

    absurd = [str(2**63), "0"]
    poll = Poll.objects.filter(tenant=tenant).order_by("pk").first()
    photo = IdeaPhoto.objects.filter(idea__tenant=tenant).order_by("pk").first()
    idea_id = str(photo.idea_id) if photo else first(Idea.objects.filter(tenant=tenant))
    return {
        "idea_id": [idea_id, *absurd],
        "photo_id": [str(photo.pk) if photo else "1", *absurd],
        "poll_id": [str(poll.pk) if poll else "1", *absurd],
        "question_id": [first(Question.objects.filter(poll=poll)), *absurd],
        "thread_id": [first(Thread.objects.filter(tenant=tenant)), *absurd],
        "comment_id": [first(Comment.objects.filter(tenant=tenant)), *absurd],
        "district_id": [first(District.objects.filter(tenant=tenant)), *absurd],
        "category_id": [first(Category.objects.filter(tenant=tenant)), *absurd],
        "membership_id": [first(Membership.objects.filter(tenant=tenant)), *absurd],
        "notification_id": [first(Notification.objects.filter(tenant=tenant)), *absurd],
        "verification_id": ["1", *absurd],
        "block_id": ["1", *absurd],
        "object_id": [first(Idea.objects.filter(tenant=tenant)), *absurd],
        "key": ["idea", "comment", "user", "x" * 300],
        "step": ["hide", "restore", "dismiss", "nope"],
    }


def urls(route: str, ids: dict[str, list[str]]) -> list[str]:
    """The route with each parameter filled: the real object first, then absurd values."""
    if route.startswith("konto/^"):  # allauth's key routes
        return ["/konto/confirm-email/x%00y/", "/konto/password/reset/key/zz-%ff/"]
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    variants = max((len(ids.get(n, ["1"])) for n in names), default=1)
    made = []
    for index in range(variants):
        path = route
        for name in names:
            values = ids.get(name, ["1"])
            path = re.sub(rf"<(?:\w+:)?{name}>", values[min(index, len(values) - 1)], path)
        made.append("/" + path)
    return made


def field_names(html: str) -> set[str]:
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html))
    return names - {"csrfmiddlewaretoken"}


def test_no_page_answers_500_to_any_role_or_input() -> None:
    from wiec.demo.build import load_demo

    demo = load_demo()
    tenant = demo.tenants["nadrzecze"]
    host = f"{tenant.slug}.localhost"
    people = {
        "anonymous": None,
        "resident": demo.people("nadrzecze", "resident")[0],
        "admin": demo.people("nadrzecze", "admin")[0],
    }
    all_routes = [
        r for r in routes(get_resolver().url_patterns) if not r.startswith(SKIPPED_PREFIXES)
    ]
    assert len(all_routes) > 80  # the walk found the site's pages
    ids = ids_for(tenant)
    failures: list[str] = []
    requests = 0
    for role, person in people.items():
        client = Client(HTTP_HOST=host, raise_request_exception=False)
        if person is not None:
            client.force_login(person)
        for route in all_routes:
            for url in urls(route, ids):
                cache.clear()  # rate limits would otherwise stop the walk early
                page = client.get(url)
                html = page.status_code == 200 and not page.streaming
                shown = page.content.decode(errors="replace") if html else ""
                attempts = [("GET", url + GARBAGE_QUERY, None), ("POST", url, {})]
                names = field_names(shown) or {"body", "title", "pesel", "file"}
                attempts += [("POST", url, dict.fromkeys(names, value)) for value in VALUES]
                for method, target, data in attempts:
                    cache.clear()
                    answer = client.get(target) if method == "GET" else client.post(target, data)
                    requests += 1
                    if answer.status_code >= 500:
                        failures.append(f"{role} {method} {target} {str(data)[:80]}")
                if "logout" in url and person is not None:
                    client.force_login(person)  # logging out ends the walk's session
    print(f"{requests} requests, {len(all_routes)} routes")  # noqa: T201
    assert requests > 1000
    assert failures == [], "\n".join(failures[:40])
