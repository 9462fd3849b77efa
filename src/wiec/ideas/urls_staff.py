from django.urls import path

from wiec.ideas import views_staff

app_name = "ideas_staff"
urlpatterns = [
    path("", views_staff.list_waiting_ideas, name="list_waiting_ideas"),
    path("ustawienia/", views_staff.edit_settings, name="edit_settings"),
    path("<int:idea_id>/", views_staff.answer_idea, name="answer_idea"),
]
