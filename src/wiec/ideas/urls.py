from django.urls import path

from wiec.ideas import views

app_name = "ideas"
urlpatterns = [
    path("", views.list_ideas, name="list_ideas"),
    path("mapa/", views.show_map, name="show_map"),
    path("mapa.geojson", views.download_map_geojson, name="download_map_geojson"),
    path("nowy/", views.create_idea, name="create_idea"),
    path("moje/", views.list_my_ideas, name="list_my_ideas"),
    path("<int:idea_id>/", views.show_idea, name="show_idea"),
    path("<int:idea_id>/mapa.json", views.show_map_card, name="show_map_card"),
    path("<int:idea_id>/edytuj/", views.edit_idea, name="edit_idea"),
    path("<int:idea_id>/pliki/", views.edit_files, name="edit_files"),
    path(
        "<int:idea_id>/pliki/zdjecia/<int:photo_id>/usun/", views.remove_photo, name="remove_photo"
    ),
    path("<int:idea_id>/pliki/pdf/usun/", views.remove_attachment, name="remove_attachment"),
    path(
        "<int:idea_id>/pliki/zdjecia/<int:photo_id>/opis/",
        views.describe_photo,
        name="describe_photo",
    ),
    path("<int:idea_id>/opublikuj/", views.publish_idea, name="publish_idea"),
    path("<int:idea_id>/usun/", views.delete_idea, name="delete_idea"),
    path("<int:idea_id>/poparcie/", views.support_idea, name="support_idea"),
    path("<int:idea_id>/zdjecia/<int:photo_id>.jpg", views.show_photo, name="show_photo"),
    path(
        "<int:idea_id>/zdjecia/<int:photo_id>/miniatura.jpg",
        views.show_thumbnail,
        name="show_thumbnail",
    ),
    path("<int:idea_id>/zalacznik.pdf", views.download_attachment, name="download_attachment"),
]
