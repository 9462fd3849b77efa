"""Reports, the queue, hiding and restoring with a reason, blocks, and what the public sees."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import CommentFactory, IdeaFactory
from wiec.accounts.actors import Actor, resolve_actor
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.core.queries import active_processes
from wiec.discussion.models import Comment
from wiec.ideas.models import Idea
from wiec.moderation import actions
from wiec.moderation.models import Block, Decision, Report
from wiec.moderation.permissions import can_block, can_moderate, can_report
from wiec.notifications.models import Notification
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def html(response: Any) -> str:
    return str(response.content.decode())


@pytest.mark.parametrize(
    ("role", "moderates"),
    [(Role.RESIDENT, False), (Role.MODERATOR, True), (Role.OFFICIAL, False), (Role.ADMIN, True)],
)
def test_who_moderates(tenant: Tenant, role: Role, moderates: bool) -> None:
    person = resolve_actor(member(tenant, role), tenant)
    assert can_moderate(person) is moderates
    assert can_report(person) is True


def test_moderators_block_residents_but_not_staff_or_themselves(tenant: Tenant) -> None:
    def actor(role: Role = Role.RESIDENT) -> Actor:
        return resolve_actor(member(tenant, role), tenant)

    moderator = actor(Role.MODERATOR)
    assert can_block(moderator, target=actor()) is True
    assert can_block(moderator, target=actor(Role.OFFICIAL)) is False
    assert can_block(moderator, target=moderator) is False
    assert can_block(actor(), target=actor()) is False


def test_reporting_twice_keeps_one_open_report(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    for _ in range(2):
        response = client.post(f"/zglos/idea/{idea.pk}/", {"reason": "spam", "details": "Reklama"})
        assert response["Location"] == f"/pomysly/{idea.pk}/"
    assert Report.objects.count() == 1


def test_a_report_needs_a_reason(client: Client, tenant: Tenant) -> None:
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant))
    client.force_login(member(tenant))
    response = client.post(f"/zglos/comment/{comment.pk}/", {"details": "Nie podoba mi się"})
    assert response.status_code == 200
    assert 'href="#id_reason"' in html(response)
    assert "Nie podoba mi się</textarea>" in html(response)


@pytest.mark.usefixtures("frozen_now")
def test_reporting_too_much_is_refused_politely(client: Client, tenant: Tenant) -> None:
    ideas = [IdeaFactory(tenant=tenant) for _ in range(11)]
    client.force_login(member(tenant))
    statuses = [
        client.post(f"/zglos/idea/{idea.pk}/", {"reason": "spam"}).status_code for idea in ideas
    ]
    assert statuses == [302] * 10 + [429]


def test_unknown_kinds_drafts_and_hidden_content_cannot_be_reported(
    client: Client, tenant: Tenant
) -> None:
    client.force_login(member(tenant))
    draft = IdeaFactory(tenant=tenant, status="draft")
    hidden = IdeaFactory(tenant=tenant, hidden_at=timezone.now(), hidden_reason="x")
    assert client.get(f"/zglos/user/{draft.pk}/").status_code == 404
    assert client.get(f"/zglos/idea/{draft.pk}/").status_code == 404
    assert client.get(f"/zglos/idea/{hidden.pk}/").status_code == 404
    # A comment that is not hidden itself, but lies under a hidden idea or a draft.
    for owner in (hidden, draft):
        under = CommentFactory(idea=owner)
        assert client.get(f"/zglos/comment/{under.pk}/").status_code == 404
    visible = CommentFactory(idea=IdeaFactory(tenant=tenant))
    assert client.get(f"/zglos/comment/{visible.pk}/").status_code == 200


def test_the_queue_lists_reported_content_the_longest_waiting_first(
    client: Client, tenant: Tenant
) -> None:
    older = IdeaFactory(tenant=tenant, title="Starsze zgłoszenie")
    newer = CommentFactory(idea=IdeaFactory(tenant=tenant), body="Nowszy wpis")
    for reporter in (member(tenant), member(tenant)):
        actions.report_content(
            obj=older, reporter=reporter, reason="spam", details="", at=timezone.now()
        )
    actions.report_content(
        obj=newer, reporter=member(tenant), reason="offensive", details="", at=timezone.now()
    )
    client.force_login(member(tenant, Role.MODERATOR))
    page = html(client.get("/panel/moderacja/"))
    assert page.index("Starsze zgłoszenie") < page.index("Nowszy wpis")
    assert "obraźliwe, nienawistne lub wulgarne" in page


def test_a_reported_comment_its_author_removes_leaves_the_queue(
    client: Client, tenant: Tenant
) -> None:
    from wiec.discussion import actions as discussion

    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), body="Usunę to za chwilę")
    actions.report_content(
        obj=comment, reporter=member(tenant), reason="spam", details="", at=timezone.now()
    )
    client.force_login(member(tenant, Role.MODERATOR))
    assert "Usunę to za chwilę" in html(client.get("/panel/moderacja/"))
    discussion.delete_comment(comment=comment, at=timezone.now())
    assert Report.objects.get().outcome == "removed"
    assert f"/comment/{comment.pk}/" not in html(client.get("/panel/moderacja/"))


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.OFFICIAL])
def test_only_moderators_and_admins_open_the_queue(
    client: Client, tenant: Tenant, role: Role
) -> None:
    client.force_login(member(tenant, role))
    assert client.get("/panel/moderacja/").status_code == 403
    assert client.get("/panel/moderacja/blokady/").status_code == 403


def test_hiding_needs_a_reason_resolves_reports_is_audited_and_tells_the_author(
    client: Client, tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    actions.report_content(
        obj=idea, reporter=member(tenant), reason="spam", details="", at=timezone.now()
    )
    moderator = member(tenant, Role.MODERATOR)
    client.force_login(moderator)
    url = f"/panel/moderacja/idea/{idea.pk}/hide/"
    refused = client.post(url, {"hide-reason": ""})
    assert 'href="#id_hide-reason"' in html(refused)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"hide-reason": "Ogłoszenie handlowe."})
    idea.refresh_from_db()
    assert (idea.is_hidden, idea.hidden_reason) == (True, "Ogłoszenie handlowe.")
    assert Report.objects.get().outcome == "hidden"
    assert Decision.objects.get().action == "hide"
    assert AuditEntry.objects.filter(
        action="moderation.hide", actor=moderator, tenant=tenant
    ).exists()
    assert Notification.objects.get(recipient=author).kind == "moderation.hidden"


def test_restoring_shows_the_content_again_and_is_audited(client: Client, tenant: Tenant) -> None:
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant))
    moderator = member(tenant, Role.MODERATOR)
    actions.hide_content(obj=comment, moderator=moderator, reason="Wulgaryzmy", at=timezone.now())
    comment.thread.refresh_from_db()
    assert comment.thread.comment_count == 0
    client.force_login(moderator)
    client.post(f"/panel/moderacja/comment/{comment.pk}/restore/", {"restore-reason": "Pomyłka."})
    comment.refresh_from_db()
    assert comment.is_hidden is False
    comment.thread.refresh_from_db()
    assert comment.thread.comment_count == 1
    assert list(Decision.objects.order_by("pk").values_list("action", flat=True)) == [
        "hide",
        "restore",
    ]
    assert AuditEntry.objects.filter(action="moderation.restore").exists()


def test_dismissing_reports_leaves_the_content(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    actions.report_content(
        obj=idea, reporter=member(tenant), reason="other", details="", at=timezone.now()
    )
    client.force_login(member(tenant, Role.MODERATOR))
    client.post(
        f"/panel/moderacja/idea/{idea.pk}/dismiss/", {"dismiss-reason": "Zgodne z regulaminem."}
    )
    idea.refresh_from_db()
    assert idea.is_hidden is False
    assert Report.objects.get().outcome == "dismissed"
    assert "Brak otwartych zgłoszeń" in html(client.get("/panel/moderacja/"))


def test_hiding_twice_is_reported_not_crashed(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    moderator = member(tenant, Role.MODERATOR)
    actions.hide_content(obj=idea, moderator=moderator, reason="Spam", at=timezone.now())
    client.force_login(moderator)
    response = client.post(
        f"/panel/moderacja/idea/{idea.pk}/hide/", {"hide-reason": "Spam"}, follow=True
    )
    assert "Ktoś właśnie zmienił tę treść" in html(response)
    assert Decision.objects.count() == 1


def test_a_hidden_comment_shows_a_placeholder_with_the_reason(
    client: Client, tenant: Tenant
) -> None:
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), body="Obraźliwy tekst")
    actions.hide_content(
        obj=comment,
        moderator=member(tenant, Role.MODERATOR),
        reason="Obraża innych.",
        at=timezone.now(),
    )
    page = html(client.get(f"/pomysly/{comment.thread.pk and Idea.objects.get().pk}/"))
    assert "Ten komentarz został ukryty przez moderatorów. Powód: Obraża innych." in page
    assert "Obraźliwy tekst" not in page


def _hidden_idea(tenant: Tenant) -> Idea:
    idea = IdeaFactory(tenant=tenant, title="Ukryty sekret", description="Poufny opis sekretu")
    actions.hide_content(
        obj=idea, moderator=member(tenant, Role.MODERATOR), reason="Dane osobowe", at=timezone.now()
    )
    return idea


LEAKS: list[tuple[str, Callable[[Client, Idea], str]]] = [
    ("list", lambda c, i: html(c.get("/pomysly/"))),
    ("search", lambda c, i: html(c.get("/pomysly/?q=sekret"))),
    ("map", lambda c, i: html(c.get("/pomysly/mapa/"))),
    ("geojson", lambda c, i: html(c.get("/pomysly/mapa.geojson"))),
    ("detail", lambda c, i: html(c.get(f"/pomysly/{i.pk}/"))),
    ("feed-home", lambda c, i: html(c.get("/"))),
]


@pytest.mark.parametrize(("where", "read"), LEAKS, ids=[name for name, _read in LEAKS])
def test_hidden_ideas_do_not_leak(
    client: Client, tenant: Tenant, where: str, read: Callable[[Client, Idea], str]
) -> None:
    idea = _hidden_idea(tenant)
    page = read(client, idea).lower()
    assert "ukryty sekret" not in page, where
    assert "poufny opis" not in page, where
    if where == "geojson":
        assert json.loads(page)["features"] == []
    if where in {"list", "search"}:
        assert "znaleziono 0 pomysłów" in page


def test_hidden_ideas_are_left_out_of_the_home_page_count(tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant)
    _hidden_idea(tenant)
    [card] = active_processes(tenant=tenant, at=timezone.now())
    assert "1 pomysł" in card.description


def test_hidden_comments_are_not_counted(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    comment = CommentFactory(idea=idea)
    CommentFactory(idea=idea)
    actions.hide_content(
        obj=comment, moderator=member(tenant, Role.MODERATOR), reason="x", at=timezone.now()
    )
    idea.thread.refresh_from_db()
    assert idea.thread.comment_count == 1


def test_blocking_and_unblocking_an_author(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), author=author)
    moderator = member(tenant, Role.MODERATOR)
    client.force_login(moderator)
    client.post(f"/panel/moderacja/comment/{comment.pk}/blokada/", {"block-reason": "Spam"})
    block = Block.objects.get(user=author, tenant=tenant, lifted_at__isnull=True)
    assert AuditEntry.objects.filter(action="moderation.blocked").exists()
    assert author.email in html(client.get("/panel/moderacja/blokady/"))
    client.post(f"/panel/moderacja/blokady/{block.pk}/zdejmij/")
    block.refresh_from_db()
    assert block.lifted_at is not None
    assert AuditEntry.objects.filter(action="moderation.unblocked").exists()


def test_a_block_applies_in_its_municipality_only(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    person = member(tenant)
    Block.objects.create(tenant=other_tenant, user=person, reason="x", created_at=timezone.now())
    assert can_report(resolve_actor(person, tenant)) is True
    assert can_report(resolve_actor(person, other_tenant)) is False


def test_staff_cannot_be_blocked_through_their_content(client: Client, tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), author=official)
    client.force_login(member(tenant, Role.MODERATOR))
    assert (
        client.post(
            f"/panel/moderacja/comment/{comment.pk}/blokada/", {"block-reason": "x"}
        ).status_code
        == 403
    )


def test_moderators_see_hidden_content_in_the_panel(client: Client, tenant: Tenant) -> None:
    idea = _hidden_idea(tenant)
    client.force_login(member(tenant, Role.MODERATOR))
    page = html(client.get(f"/panel/moderacja/idea/{idea.pk}/"))
    assert "Poufny opis sekretu" in page
    assert "ukryte: Dane osobowe" in page
    assert "Ukryty sekret" in html(client.get("/panel/moderacja/"))


def test_unknown_steps_are_refused(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant, Role.MODERATOR))
    assert (
        client.post(f"/panel/moderacja/idea/{idea.pk}/delete/", {"delete-reason": "x"}).status_code
        == 403
    )
    assert Comment.objects.count() == 0
