"""Discussion's part of "download my data"; comments stay, signed "deleted account", on erasure."""

from __future__ import annotations

from typing import Any

from wiec.accounts.models import User
from wiec.discussion.models import Comment, Follow


def export_comments(user: User) -> dict[str, Any]:
    comments = Comment.objects.filter(author=user).select_related("tenant")
    return {
        "comments": [
            {
                "municipality": c.tenant.name,
                "text": c.body,
                "created_at": c.created_at.isoformat(),
                "edited_at": c.edited_at.isoformat() if c.edited_at else None,
                "deleted_at": c.deleted_at.isoformat() if c.deleted_at else None,
                "hidden_reason": c.hidden_reason,
            }
            for c in comments.order_by("created_at", "pk")
        ],
        "follows": [
            {"municipality": f.tenant.name, "since": f.created_at.isoformat()}
            for f in Follow.objects.filter(user=user).select_related("tenant").order_by("pk")
        ],
    }
