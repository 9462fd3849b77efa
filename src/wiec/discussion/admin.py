from django.contrib import admin

from wiec.discussion.models import Comment, Thread


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["pk", "owner_type", "tenant", "comment_count"]
    list_filter = ["tenant", "owner_type"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["__str__", "tenant", "created_at", "by_official", "deleted_at", "hidden_at"]
    list_filter = ["tenant", "by_official"]
    raw_id_fields = ["thread", "parent", "author"]
