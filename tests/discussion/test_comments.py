"""Comments: one level of replies, 15 minutes to edit, placeholders, the office's badge."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import CommentFactory, IdeaFactory
from wiec.accounts.actors import resolve_actor
from wiec.accounts.models import Role
from wiec.discussion import actions
from wiec.discussion.models import Comment, Follow
from wiec.discussion.permissions import EDIT_WINDOW, can_edit_comment
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Block
from wiec.notifications.models import Notification
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def html(response: Any) -> str:
    return str(response.content.decode())


def test_a_comment_is_published_and_counted(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    response = client.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "Popieram **mocno**"})
    comment = Comment.objects.get()
    assert response["Location"] == f"/pomysly/{idea.pk}/#comment-{comment.pk}"
    idea.thread.refresh_from_db()
    assert idea.thread.comment_count == 1
    assert "<strong>mocno</strong>" in html(client.get(f"/pomysly/{idea.pk}/"))


def test_a_reply_to_a_reply_joins_the_same_parent(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    top = CommentFactory(idea=idea)
    reply = actions.post_comment(
        thread=idea.thread, author=member(tenant), body="Tak", parent=top, at=timezone.now()
    )
    deeper = actions.post_comment(
        thread=idea.thread, author=member(tenant), body="Też", parent=reply, at=timezone.now()
    )
    assert reply.parent == top
    assert deeper.parent == top


def test_a_reply_cannot_point_into_another_thread(tenant: Tenant) -> None:
    elsewhere = CommentFactory(idea=IdeaFactory(tenant=tenant))
    idea = IdeaFactory(tenant=tenant)
    with pytest.raises(ValueError, match="another thread"):
        actions.post_comment(
            thread=idea.thread, author=member(tenant), body="x", parent=elsewhere, at=timezone.now()
        )


def test_an_empty_comment_gets_a_message_next_to_the_field(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    response = client.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "   "})
    assert response.status_code == 200
    assert 'href="#id_body"' in html(response)
    assert not Comment.objects.exists()


def test_htmx_posts_swap_the_whole_discussion(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    response = client.post(
        f"/dyskusja/{idea.thread_id}/komentarz/",
        {"body": "Dobry pomysł"},
        headers={"HX-Request": "true"},
    )
    assert html(response).lstrip().startswith('<section id="discussion"')
    assert "Dobry pomysł" in html(response)


@pytest.mark.usefixtures("frozen_now")
def test_commenting_too_fast_is_refused_politely_and_keeps_the_text(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    url = f"/dyskusja/{idea.thread_id}/komentarz/"
    for number in range(5):
        assert client.post(url, {"body": f"Komentarz {number}"}).status_code == 302
    refused = client.post(url, {"body": "Mój długi, przemyślany komentarz"})
    assert refused.status_code == 429
    assert "Komentujesz bardzo szybko" in html(refused)
    assert "Mój długi, przemyślany komentarz</textarea>" in html(refused)
    assert Comment.objects.count() == 5


def test_comments_are_edited_only_by_their_author_within_15_minutes(
    client: Client, tenant: Tenant
) -> None:
    author = member(tenant)
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), author=author)
    client.force_login(author)
    assert (
        client.post(
            f"/dyskusja/komentarze/{comment.pk}/edytuj/", {"body": "Poprawiony"}
        ).status_code
        == 302
    )
    comment.refresh_from_db()
    assert (comment.body, comment.edited_at is not None) == ("Poprawiony", True)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - EDIT_WINDOW - timedelta(seconds=1)
    )
    late = client.post(f"/dyskusja/komentarze/{comment.pk}/edytuj/", {"body": "Za późno"})
    assert late.status_code == 200
    assert "w ciągu 15 minut" in html(late)
    assert "Za późno</textarea>" in html(late)
    comment.refresh_from_db()
    assert comment.body == "Poprawiony"
    client.force_login(member(tenant))
    assert client.get(f"/dyskusja/komentarze/{comment.pk}/edytuj/").status_code == 403


def test_the_edit_window_is_exactly_15_minutes(tenant: Tenant) -> None:
    author = member(tenant)
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), author=author)
    start = comment.created_at
    actor = resolve_actor(author, tenant)
    assert can_edit_comment(actor, comment=comment, at=start + EDIT_WINDOW - timedelta(seconds=1))
    assert not can_edit_comment(actor, comment=comment, at=start + EDIT_WINDOW)


def test_deleting_leaves_a_placeholder_and_keeps_the_replies(
    client: Client, tenant: Tenant
) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant)
    comment = CommentFactory(idea=idea, author=author, body="Do usunięcia")
    CommentFactory(idea=idea, parent=comment, body="Odpowiedź zostaje")
    client.force_login(author)
    assert client.post(f"/dyskusja/komentarze/{comment.pk}/usun/").status_code == 302
    comment.refresh_from_db()
    assert (comment.body, comment.is_deleted) == ("", True)
    page = html(client.get(f"/pomysly/{idea.pk}/"))
    assert "Komentarz usunięty przez autora." in page
    assert "Do usunięcia" not in page
    assert "Odpowiedź zostaje" in page
    idea.thread.refresh_from_db()
    assert idea.thread.comment_count == 1  # the reply
    assert client.post(f"/dyskusja/komentarze/{comment.pk}/usun/").status_code == 403


def test_officials_comments_carry_the_office_badge(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    official = member(tenant, Role.OFFICIAL)
    client.force_login(official)
    client.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "Sprawdzimy to."})
    assert Comment.objects.get().by_official is True
    page = html(client.get(f"/pomysly/{idea.pk}/"))
    assert 'class="comment comment--official"' in page
    assert '<span class="badge badge--official">Urząd</span>' in page


def test_the_author_and_the_replied_to_hear_of_comments_but_not_of_their_own(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    author, commenter, replier = member(tenant), member(tenant), member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    with django_capture_on_commit_callbacks(execute=True):
        first = actions.post_comment(
            thread=idea.thread, author=commenter, body="Pierwszy", parent=None, at=timezone.now()
        )
        actions.post_comment(
            thread=idea.thread, author=replier, body="Odpowiedź", parent=first, at=timezone.now()
        )
        actions.post_comment(
            thread=idea.thread, author=author, body="Dziękuję", parent=None, at=timezone.now()
        )
    received = sorted(Notification.objects.values_list("recipient_id", "kind"))
    assert received == sorted(
        [
            (author.pk, "discussion.comment"),
            (commenter.pk, "discussion.reply"),
            (author.pk, "discussion.comment"),
        ]
    )


def test_a_blocked_person_reads_but_cannot_comment(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    person = member(tenant)
    Block.objects.create(tenant=tenant, user=person, reason="spam", created_at=timezone.now())
    client.force_login(person)
    assert "zablokowane w tym samorządzie" in html(client.get(f"/pomysly/{idea.pk}/"))
    assert client.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "x"}).status_code == 403


def test_drafts_and_hidden_ideas_take_no_comments(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    draft = IdeaFactory(tenant=tenant, author=author, status=IdeaStatus.DRAFT)
    hidden = IdeaFactory(tenant=tenant, hidden_at=timezone.now(), hidden_reason="x")
    client.force_login(author)
    for idea in (draft, hidden):
        assert (
            client.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "x"}).status_code == 404
        )


def test_following_twice_keeps_one_follow(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    person = member(tenant)
    client.force_login(person)
    for _ in range(2):
        client.post(f"/dyskusja/{idea.thread_id}/obserwuj/", {"follow": "1"})
    assert Follow.objects.filter(user=person).count() == 1
    response = client.post(
        f"/dyskusja/{idea.thread_id}/obserwuj/", {"follow": "0"}, headers={"HX-Request": "true"}
    )
    assert html(response).lstrip().startswith('<form id="follow-form"')
    assert "Obserwuj</button>" in html(response)
    assert not Follow.objects.exists()


def test_a_deleted_account_leaves_its_comments_unsigned(tenant: Tenant) -> None:
    from wiec.accounts.actions import delete_account

    author = member(tenant)
    comment = CommentFactory(idea=IdeaFactory(tenant=tenant), author=author)
    delete_account(user=author, at=timezone.now())
    comment.refresh_from_db()
    assert comment.author is None
    assert comment.body


@pytest.mark.usefixtures("frozen_now")
def test_editing_and_following_are_rate_limited(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant)
    comment = CommentFactory(idea=idea, author=author)
    client.force_login(author)
    statuses = [
        client.post(f"/dyskusja/komentarze/{comment.pk}/edytuj/", {"body": f"Wersja {n}"})
        for n in range(11)
    ]
    assert [s.status_code for s in statuses] == [302] * 10 + [200]
    assert "Wersja 10</textarea>" in html(statuses[-1])
    comment.refresh_from_db()
    assert comment.body == "Wersja 9"
    follows = [
        client.post(f"/dyskusja/{idea.thread_id}/obserwuj/", {"follow": str(n % 2)}).status_code
        for n in range(31)
    ]
    assert follows == [302] * 30 + [429]


def test_report_is_offered_on_others_comments_only_and_not_to_the_blocked(
    client: Client, tenant: Tenant
) -> None:
    """The rule moved from the template to `offers_report`: not one's own comment, nobody
    blocked here, nobody logged out."""
    author, reader, blocked = member(tenant), member(tenant), member(tenant)
    idea = IdeaFactory(tenant=tenant)
    comment = CommentFactory(idea=idea, author=author)
    Block.objects.create(tenant=tenant, user=blocked, reason="x", created_at=comment.created_at)
    report = f"/zglos/comment/{comment.pk}/"

    def page() -> str:
        return html(client.get(idea.get_absolute_url()))

    for person, offered in ((reader, True), (author, False), (blocked, False)):
        client.force_login(person)
        assert (report in page()) is offered
    client.logout()
    assert report not in page()
