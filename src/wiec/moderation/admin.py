from django.contrib import admin

from wiec.moderation.models import Block, Decision, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["content_type", "object_id", "reason", "tenant", "created_at", "outcome"]
    list_filter = ["tenant", "reason", "outcome"]
    raw_id_fields = ["reporter"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["content_type", "object_id", "action", "tenant", "created_at"]
    list_filter = ["tenant", "action"]
    raw_id_fields = ["moderator"]


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "tenant", "created_at", "lifted_at"]
    list_filter = ["tenant"]
    raw_id_fields = ["user", "blocked_by", "lifted_by"]
