from django.contrib import admin

from wiec.ideas.models import Idea, IdeaAnswer, IdeaSettings


class IdeaAnswerInline(admin.TabularInline):  # type: ignore[type-arg]
    model = IdeaAnswer
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "tenant", "status", "support_count", "published_at", "hidden_at"]
    list_filter = ["tenant", "status"]
    search_fields = ["title"]
    raw_id_fields = ["author", "thread", "category", "district"]
    readonly_fields = ["support_count", "search_text"]
    inlines = [IdeaAnswerInline]


@admin.register(IdeaSettings)
class IdeaSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["tenant", "accepting"]
