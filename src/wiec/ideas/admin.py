from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wiec.ideas.models import Idea, IdeaAnswer, IdeaSettings
from wiec.ideas.search import search_text


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

    def save_model(self, request: HttpRequest, obj: Idea, form: Any, change: bool) -> None:
        # Search reads the folded text, which the site's own forms refresh on every edit.
        obj.search_text = search_text(obj.title, obj.description, obj.address)
        super().save_model(request, obj, form, change)


@admin.register(IdeaSettings)
class IdeaSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["tenant", "accepting"]
