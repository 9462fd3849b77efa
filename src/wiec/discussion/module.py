"""What discussion plugs into the shared pages: comments as content to moderate, its
notifications and its part of "download my data" (docs/modules.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wiec.core.modules import ContentKind, ModuleSpec, NotificationKind
from wiec.discussion import actions, personal_data, queries, texts
from wiec.discussion.models import Comment

SPEC = ModuleSpec(
    key="discussion",
    label=_("Discussion"),
    order=50,
    content_kinds=(
        ContentKind(
            key="comment",
            model=Comment,
            label=_("comment"),
            visible_to=queries.comment_visible_to,
            author_id=lambda comment: comment.author_id,
            title=lambda comment: comment.body,
            public_url=queries.comment_url,
            moderated=True,
            published=lambda rows: rows.filter(deleted_at__isnull=True),
            on_moderation=actions.on_moderation,
        ),
    ),
    notification_kinds=(
        NotificationKind(
            key=actions.COMMENT_NOTIFICATION,
            label=_("When someone comments on what I proposed"),
            message=texts.comment_message,
        ),
        NotificationKind(
            key=actions.REPLY_NOTIFICATION,
            label=_("When someone replies to my comment"),
            message=texts.reply_message,
        ),
    ),
    exporters={"discussion": personal_data.export_comments},
)
