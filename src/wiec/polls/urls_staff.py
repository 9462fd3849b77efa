from django.urls import path

from wiec.polls import views_staff

app_name = "polls_staff"
urlpatterns = [
    path("", views_staff.list_polls, name="list_polls"),
    path("nowa/", views_staff.create_poll, name="create_poll"),
    path("<int:poll_id>/", views_staff.edit_poll, name="edit_poll"),
    path("<int:poll_id>/pytania/nowe/", views_staff.edit_question, name="create_question"),
    path(
        "<int:poll_id>/pytania/<int:question_id>/", views_staff.edit_question, name="edit_question"
    ),
    path(
        "<int:poll_id>/pytania/<int:question_id>/usun/",
        views_staff.delete_question,
        name="delete_question",
    ),
    path("<int:poll_id>/zamknij/", views_staff.close_poll, name="close_poll"),
    path("<int:poll_id>/papierowe/", views_staff.record_paper_ballot, name="record_paper_ballot"),
]
