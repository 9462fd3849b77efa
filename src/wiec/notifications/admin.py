from django.contrib import admin

from wiec.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["kind", "recipient", "tenant", "created_at", "read_at", "emailed_at"]
    list_filter = ["tenant", "kind"]
    raw_id_fields = ["recipient"]
