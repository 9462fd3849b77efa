from django.urls import path

from wiec.ideas import views_staff

app_name = "ideas_staff"
urlpatterns = [
    path("", views_staff.waiting, name="waiting"),
    path("ustawienia/", views_staff.settings_view, name="settings"),
    path("<int:idea_id>/", views_staff.answer, name="answer"),
]
