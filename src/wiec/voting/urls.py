from django.urls import path

from wiec.voting import views

app_name = "voting"
urlpatterns = [
    path("", views.receipt, name="receipt"),
]
