"""Who may comment, edit, delete and follow: pure predicates over the actor (no database)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from wiec.moderation.permissions import can_take_part

if TYPE_CHECKING:
    from wiec.accounts.actors import Actor
    from wiec.core.modules import ContentKind
    from wiec.discussion.models import Comment

EDIT_WINDOW = timedelta(minutes=15)


def can_comment(actor: Actor, *, kind: ContentKind, owner: Any) -> bool:
    opens = kind.open_for_comments
    return opens is not None and can_take_part(actor) and opens(owner)


def can_edit_comment(actor: Actor, *, comment: Comment, at: datetime) -> bool:
    """The author, within 15 minutes of writing, while it is neither deleted nor hidden."""
    return (
        actor.is_user(comment.author_id)
        and not comment.is_deleted
        and not comment.is_hidden
        and at < comment.created_at + EDIT_WINDOW
        and can_take_part(actor)
    )


def can_delete_comment(actor: Actor, *, comment: Comment) -> bool:
    return actor.is_user(comment.author_id) and not comment.is_deleted


def can_follow(actor: Actor) -> bool:
    return actor.is_authenticated and actor.tenant_id is not None
