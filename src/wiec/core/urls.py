from django.urls import path

from wiec.core import views

app_name = "core"
urlpatterns = [
    path("", views.show_home, name="show_home"),
]
