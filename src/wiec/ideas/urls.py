from django.urls import path

from wiec.ideas import views

app_name = "ideas"
urlpatterns = [
    path("", views.idea_list, name="list"),
    path("mapa/", views.idea_map, name="map"),
    path("mapa.geojson", views.geojson, name="geojson"),
    path("nowy/", views.create, name="create"),
    path("moje/", views.mine, name="mine"),
    path("<int:idea_id>/", views.detail, name="detail"),
    path("<int:idea_id>/mapa.json", views.map_card, name="map_card"),
    path("<int:idea_id>/edytuj/", views.edit, name="edit"),
    path("<int:idea_id>/pliki/", views.files, name="files"),
    path(
        "<int:idea_id>/pliki/zdjecia/<int:photo_id>/usun/", views.remove_photo, name="remove_photo"
    ),
    path("<int:idea_id>/pliki/pdf/usun/", views.remove_attachment, name="remove_attachment"),
    path(
        "<int:idea_id>/pliki/zdjecia/<int:photo_id>/opis/",
        views.describe_photo,
        name="describe_photo",
    ),
    path("<int:idea_id>/opublikuj/", views.publish, name="publish"),
    path("<int:idea_id>/usun/", views.delete, name="delete"),
    path("<int:idea_id>/poparcie/", views.support, name="support"),
    path("<int:idea_id>/zdjecia/<int:photo_id>.jpg", views.photo, {"size": "full"}, name="photo"),
    path(
        "<int:idea_id>/zdjecia/<int:photo_id>/miniatura.jpg",
        views.photo,
        {"size": "thumbnail"},
        name="thumbnail",
    ),
    path("<int:idea_id>/zalacznik.pdf", views.attachment, name="attachment"),
]
