from django.urls import path

from wiec.polls import views_staff

app_name = "polls_staff"
urlpatterns = [
    path("", views_staff.poll_list, name="list"),
    path("nowa/", views_staff.poll_new, name="new"),
    path("<int:poll_id>/", views_staff.poll_edit, name="edit"),
    path("<int:poll_id>/pytania/nowe/", views_staff.question_edit, name="question_new"),
    path("<int:poll_id>/pytania/<int:question_id>/", views_staff.question_edit, name="question"),
    path(
        "<int:poll_id>/pytania/<int:question_id>/usun/",
        views_staff.question_delete,
        name="question_delete",
    ),
    path("<int:poll_id>/zamknij/", views_staff.close, name="close"),
    path("<int:poll_id>/papierowe/", views_staff.paper_ballot, name="paper"),
]
