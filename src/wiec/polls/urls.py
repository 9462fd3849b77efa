from django.urls import path

from wiec.polls import views

app_name = "polls"
urlpatterns = [
    path("", views.poll_list, name="list"),
    path("<int:poll_id>/", views.detail, name="detail"),
    path("<int:poll_id>/wyniki/", views.results, name="results"),
    path("<int:poll_id>/wyniki.csv", views.results_csv, name="results_csv"),
    path("<int:poll_id>/karty.csv", views.ballots_csv, name="ballots_csv"),
    path(
        "<int:poll_id>/wyniki-arkusz.csv",
        views.results_csv,
        {"spreadsheet": True},
        name="results_spreadsheet",
    ),
    path(
        "<int:poll_id>/karty-arkusz.csv",
        views.ballots_csv,
        {"spreadsheet": True},
        name="ballots_spreadsheet",
    ),
]
