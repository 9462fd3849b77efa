from django.urls import path

from wiec.polls import views

app_name = "polls"
urlpatterns = [
    path("", views.list_polls, name="list_polls"),
    path("<int:poll_id>/", views.show_poll, name="show_poll"),
    path("<int:poll_id>/wyniki/", views.show_results, name="show_results"),
    path("<int:poll_id>/wyniki.csv", views.download_results_csv, name="download_results_csv"),
    path("<int:poll_id>/karty.csv", views.download_ballots_csv, name="download_ballots_csv"),
    path(
        "<int:poll_id>/wyniki-arkusz.csv",
        views.download_results_spreadsheet,
        name="download_results_spreadsheet",
    ),
    path(
        "<int:poll_id>/karty-arkusz.csv",
        views.download_ballots_spreadsheet,
        name="download_ballots_spreadsheet",
    ),
]
