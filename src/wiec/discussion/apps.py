from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "wiec.discussion"
    label = "discussion"
    verbose_name = _("Discussion")

    def ready(self) -> None:
        from wiec.core.registry import registry
        from wiec.discussion import actions, personal_data, queries, texts
        from wiec.discussion.models import Comment
        from wiec.moderation import registry as moderation
        from wiec.notifications import kinds

        registry.personal_data_exporters["discussion"] = personal_data.export_comments
        moderation.register(
            moderation.ModeratedKind(
                key="comment",
                model=Comment,
                label=_("comment"),
                published=lambda rows: rows.filter(deleted_at__isnull=True),
                text=lambda comment: comment.body,
                author_id=lambda comment: comment.author_id,
                public_url=queries.comment_url,
                on_change=actions.on_moderation,
                visible_to=queries.comment_visible_to,
            )
        )
        kinds.register(
            kinds.NotificationKind(
                key=actions.COMMENT_NOTIFICATION,
                label=_("When someone comments on what I proposed"),
                message=texts.comment_message,
            )
        )
        kinds.register(
            kinds.NotificationKind(
                key=actions.REPLY_NOTIFICATION,
                label=_("When someone replies to my comment"),
                message=texts.reply_message,
            )
        )
