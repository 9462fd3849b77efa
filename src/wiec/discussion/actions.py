"""Every write to threads, comments and follows."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction

from wiec.accounts.actors import Capability, role_allows, role_in
from wiec.discussion import queries
from wiec.discussion.models import Comment, Follow, Thread
from wiec.moderation import actions as moderation
from wiec.notifications.actions import notify

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant

COMMENT_NOTIFICATION = "discussion.comment"
REPLY_NOTIFICATION = "discussion.reply"


def create_thread(*, tenant: Tenant, owner_model: type[models.Model], at: datetime) -> Thread:
    """A new, empty thread; the owner then points to it with its `thread` field."""
    return Thread.objects.create(
        tenant=tenant, owner_type=ContentType.objects.get_for_model(owner_model), created_at=at
    )


def recount(*, thread: Thread) -> int:
    """Store the number of visible comments (after any comment appears, goes or is hidden)."""
    count = queries.visible_comment_count(thread=thread)
    Thread.objects.filter(pk=thread.pk).update(comment_count=count)
    thread.comment_count = count
    return count


def post_comment(
    *, thread: Thread, author: User, body: str, parent: Comment | None, at: datetime
) -> Comment:
    """Add a comment or a reply. Caller has checked `can_comment`.

    A reply to a reply joins its parent (one level). The owner's author and the author of the
    comment replied to are notified after commit, never about their own words.
    """
    if parent is not None:
        if parent.thread_id != thread.pk:
            msg = "The comment replied to belongs to another thread."
            raise ValueError(msg)
        if parent.parent_id is not None:
            parent = Comment.objects.get(pk=parent.parent_id)
    kind, owner = queries.owner_of(thread)
    with transaction.atomic():
        comment = Comment.objects.create(
            tenant_id=thread.tenant_id,
            thread=thread,
            parent=parent,
            author=author,
            body=body,
            by_official=role_allows(role_in(author, thread.tenant), Capability.SPEAK_FOR_OFFICE),
            created_at=at,
        )
        recount(thread=thread)
        url = f"{kind.public_url(owner)}#comment-{comment.pk}"
        data = {"title": kind.title(owner)}
        replied_to = parent.author_id if parent is not None else None
        if replied_to not in (None, author.pk):
            notify(
                tenant=thread.tenant,
                recipient_ids=[replied_to],
                kind=REPLY_NOTIFICATION,
                data=data,
                url=url,
                at=at,
            )
        owner_author = kind.author_id(owner)
        if owner_author not in (None, author.pk, replied_to):
            notify(
                tenant=thread.tenant,
                recipient_ids=[owner_author],
                kind=COMMENT_NOTIFICATION,
                data=data,
                url=url,
                at=at,
            )
    return comment


def edit_comment(*, comment: Comment, body: str, at: datetime) -> Comment:
    """Replace the text. Caller has checked `can_edit_comment` (the 15-minute window)."""
    Comment.objects.filter(pk=comment.pk).update(body=body, edited_at=at)
    comment.body, comment.edited_at = body, at
    return comment


def delete_comment(*, comment: Comment, at: datetime) -> Comment:
    """Erase the text and leave a placeholder, so replies keep their place."""
    with transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(body="", deleted_at=at)
        comment.body, comment.deleted_at = "", at
        recount(thread=comment.thread)
        moderation.close_reports_on_removal(obj=comment, at=at)
    return comment


def follow(*, thread: Thread, user: User, at: datetime) -> Follow:
    """Follow the thread's object; following twice keeps one follow."""
    existing = Follow.objects.filter(thread=thread, user=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Follow.objects.create(
                tenant_id=thread.tenant_id, thread=thread, user=user, created_at=at
            )
    except IntegrityError:
        return Follow.objects.get(thread=thread, user=user)


def unfollow(*, thread: Thread, user: User) -> None:
    Follow.objects.filter(thread=thread, user=user).delete()


def on_moderation(comment: Any, at: datetime) -> None:
    """Hidden or restored by moderators: the thread's count changes."""
    recount(thread=comment.thread)
