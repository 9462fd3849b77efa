from django.contrib import admin

from wiec.polls.models import Poll


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin[Poll]):
    list_display = ["title", "tenant", "is_published", "created_at"]
    list_filter = ["tenant", "is_published"]
    readonly_fields = ["box", "created_at", "created_by"]
