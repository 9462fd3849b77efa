from django.urls import path

from wiec.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.list_notifications, name="list_notifications"),
    path("<int:notification_id>/", views.open_notification, name="open_notification"),
    path("przeczytane/", views.mark_all_read, name="mark_all_read"),
    path("ustawienia/", views.edit_preferences, name="edit_preferences"),
]
