from django.urls import path

from wiec.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.centre, name="centre"),
    path("<int:notification_id>/", views.open_notification, name="open"),
    path("przeczytane/", views.mark_all_read, name="mark_all_read"),
    path("ustawienia/", views.preferences, name="preferences"),
]
