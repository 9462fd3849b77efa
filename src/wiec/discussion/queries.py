"""Reads of threads, comments and follows; each scoped to a municipality through its thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Model
from django.http import Http404

from wiec.core.modules import ContentKind, modules
from wiec.discussion.models import Comment, Follow, Thread

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant


def owner_kind(model: type[Model]) -> ContentKind:
    """The declared kind of content whose rows own threads (`open_for_comments` set)."""
    for kind in modules.content_kinds():
        if kind.model is model and kind.open_for_comments is not None:
            return kind
    msg = f"{model.__name__} does not own discussion threads"
    raise LookupError(msg)


def owner_of(thread: Thread) -> tuple[ContentKind, Any]:
    model = thread.owner_type.model_class()
    if model is None:
        raise Http404
    kind = owner_kind(model)
    owner = model._default_manager.filter(thread=thread).first()
    if owner is None:
        raise Http404
    return kind, owner


def get_thread_or_404(
    *, tenant: Tenant, thread_id: int, viewer: Any
) -> tuple[Thread, ContentKind, Any]:
    """The thread and its owner, if the viewer may see the owner; else 404."""
    thread = Thread.objects.select_related("owner_type").filter(tenant=tenant, pk=thread_id).first()
    if thread is None:
        raise Http404
    kind, owner = owner_of(thread)
    if not kind.visible_to(owner, viewer):
        raise Http404
    return thread, kind, owner


def get_comment_or_404(
    *, tenant: Tenant, comment_id: int, viewer: Any
) -> tuple[Comment, ContentKind, Any]:
    comment = (
        Comment.objects.select_related("thread__owner_type", "author")
        .filter(tenant=tenant, pk=comment_id)
        .first()
    )
    if comment is None:
        raise Http404
    kind, owner = owner_of(comment.thread)
    if not kind.visible_to(owner, viewer):
        raise Http404
    return comment, kind, owner


def comment_tree(*, thread: Thread) -> list[Comment]:
    """Top-level comments, oldest first, each with `.thread_replies` (oldest first): one query.

    Deleted and hidden comments stay in the tree, so their replies keep their place; the
    template shows a placeholder for them.
    """
    rows = list(
        Comment.objects.filter(thread=thread).select_related("author").order_by("created_at", "pk")
    )
    top: list[Comment] = []
    by_id: dict[int, Comment] = {}
    for comment in rows:
        comment.thread_replies = []  # type: ignore[attr-defined]
        by_id[comment.pk] = comment
    for comment in rows:
        parent = by_id.get(comment.parent_id) if comment.parent_id else None
        if parent is not None:
            parent.thread_replies.append(comment)  # type: ignore[attr-defined]
        else:
            top.append(comment)
    return top


def is_following(*, thread: Thread, user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(thread=thread, user=user).exists()


def follower_ids(*, thread: Thread) -> list[int]:
    return list(Follow.objects.filter(thread=thread).values_list("user_id", flat=True))


def visible_comment_count(*, thread: Thread) -> int:
    return Comment.objects.filter(
        thread=thread, deleted_at__isnull=True, hidden_at__isnull=True
    ).count()


def comment_visible_to(comment: Comment, viewer: Any) -> bool:
    """The page the comment is on is open to the viewer."""
    kind, owner = owner_of(comment.thread)
    return kind.visible_to(owner, viewer)


def comment_url(comment: Comment) -> str:
    kind, owner = owner_of(comment.thread)
    return f"{kind.public_url(owner)}#comment-{comment.pk}"
