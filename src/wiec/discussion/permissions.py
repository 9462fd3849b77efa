"""Who may comment, edit, delete and follow: pure predicates."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from wiec.moderation.permissions import can_take_part

if TYPE_CHECKING:
    from wiec.core.modules import ContentKind
    from wiec.discussion.models import Comment
    from wiec.tenants.models import Tenant

EDIT_WINDOW = timedelta(minutes=15)


def can_comment(user: Any, tenant: Tenant, *, kind: ContentKind, owner: Any) -> bool:
    opens = kind.open_for_comments
    return opens is not None and can_take_part(user, tenant) and opens(owner)


def can_edit_comment(user: Any, tenant: Tenant, *, comment: Comment, at: datetime) -> bool:
    """The author, within 15 minutes of writing, while it is neither deleted nor hidden."""
    return (
        comment.author_id is not None
        and comment.author_id == getattr(user, "pk", None)
        and not comment.is_deleted
        and not comment.is_hidden
        and at < comment.created_at + EDIT_WINDOW
        and can_take_part(user, tenant)
    )


def can_delete_comment(user: Any, tenant: Tenant, *, comment: Comment) -> bool:
    return (
        comment.author_id is not None
        and comment.author_id == getattr(user, "pk", None)
        and not comment.is_deleted
        and getattr(user, "is_authenticated", False)
    )


def can_follow(user: Any, tenant: Tenant) -> bool:
    return getattr(user, "is_authenticated", False) and tenant is not None
