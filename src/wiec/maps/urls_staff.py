from django.urls import path

from wiec.maps import views_staff

app_name = "maps_staff"
urlpatterns = [
    path("", views_staff.edit_places, name="edit_places"),
]
